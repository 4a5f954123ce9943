/**
 * Socket Mode's small HTTP port (OPS_PORT): /healthz, /readyz and /metrics as the HTTP receiver serves them,
 * nothing else; /readyz turns red while the replica stops (SIGTERM), /healthz stays green.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Metrics } from '../../bot/metrics.js';
import { StoreHealth } from '../../bot/slack/inbox.js';
import { type OpsServer, startOpsServer } from '../../bot/slack/ops.js';
import { Store } from '../../bot/store/index.js';
import { SqliteStore } from '../../bot/store/sqlite.js';
import { get, tempDataDir } from './harness.js';

let ops: OpsServer;
let store: SqliteStore;
let health: StoreHealth;
const metrics = new Metrics();

beforeAll(async () => {
  store = new SqliteStore(Store.open(tempDataDir()));
  health = new StoreHealth(store);
  health.started = true;
  ops = await startOpsServer({
    port: 0,
    host: '127.0.0.1',
    health: () => health.report(),
    metrics: () => metrics.text(),
    mode: 'socket',
  });
});
afterAll(async () => {
  await ops?.close();
  await store?.close();
});

describe('the operations port', () => {
  it('serves health, readiness and metrics, and nothing else', async () => {
    const bot = { url: `http://127.0.0.1:${ops.port}` };
    const h = await get(bot, '/healthz');
    expect(h.status).toBe(200);
    expect(JSON.parse(h.body)).toMatchObject({ ok: true, mode: 'socket' });
    expect((await get(bot, '/readyz')).status).toBe(200);
    metrics.eventsReceived.inc({ kind: 'app_mention' });
    const m = await get(bot, '/metrics');
    expect(m.status).toBe(200);
    expect(m.body).toContain('advisor_events_received_total{kind="app_mention"} 1');
    expect((await get(bot, '/slack/events')).status).toBe(404);
    // stopping: not ready (take it out of rotation), still alive
    health.draining = true;
    const r = await get(bot, '/readyz');
    expect(r.status).toBe(503);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, ready: false, stopping: true });
    expect((await get(bot, '/healthz')).status).toBe(200);
  });
});
