/**
 * SIGTERM under load (`npm start`, the embedded engine): the replica stops taking events (the door answers
 * 503, so Slack delivers them again), lets what is in progress finish, hands back what it still holds, closes
 * the store and exits 0 within its bound. Nothing acked is lost: after a restart every acked event is
 * answered exactly once.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventBody, mention, send } from '../slack/harness.js';
import { SlackStandin } from '../slack/standin.js';
import { type ChildBot, startChild } from './child.js';

let standin: SlackStandin;
const children: ChildBot[] = [];
beforeAll(async () => {
  standin = await new SlackStandin().start();
});
afterAll(async () => {
  for (const c of children) await c.kill('SIGKILL');
  await standin?.stop();
});

const ENV = { RETRY_MIN_MS: '50', RETRY_MAX_MS: '400', WEB_API_RETRIES: '1', STOP_GRACE_MS: '2000' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SIGTERM', () => {
  it('drains, hands back, exits 0 in bounded time; a restart answers every acked event once', {
    timeout: 120_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-sigterm-'));
    const bot = await startChild(standin, dataDir, ENV);
    children.push(bot);
    const events = Array.from({ length: 300 }, (_, i) => {
      const ev = mention({
        channel: `C0T${i % 3}`,
        text: `Vi er en dansk internetudbyder med ${50_001 + i} slutbrugere. Er vi omfattet?`,
      });
      return { ...eventBody(ev), ts: ev.ts, channel: ev.channel };
    });
    const acked = new Set<string>();
    const sends = events.map(async (e, i) => {
      await sleep(i * 4);
      const r = await send(bot, e.body).catch(() => ({ status: 0 }));
      if (r.status === 200) acked.add(e.eventId);
    });
    await sleep(600);
    const t0 = Date.now();
    const exit = await bot.kill('SIGTERM');
    const took = Date.now() - t0;
    await Promise.all(sends);
    expect(exit.code).toBe(0);
    expect(took).toBeLessThan(2 * 2000 + 2000);
    expect(bot.output.some((l) => l.includes('events finished or handed back'))).toBe(true);
    expect(acked.size).toBeGreaterThan(0);
    expect(acked.size).toBeLessThan(events.length);

    // nothing it held is still its own: the open events are handed back
    const db = new Database(join(dataDir, 'advisor.sqlite'), { readonly: true });
    const held = db
      .prepare(
        `SELECT count(*) AS n FROM processed_events WHERE status IN ('received', 'pending') AND owner IS NOT NULL`,
      )
      .get() as { n: number };
    db.close();
    expect(held.n).toBe(0);

    // Slack delivers again what was refused; a restart answers the rest
    const again = await startChild(standin, dataDir, ENV);
    children.push(again);
    for (const e of events) if (!acked.has(e.eventId)) await send(again, e.body, { retryNum: 1 });
    const answered = () => {
      const per = new Map<string, number>();
      for (const c of standin.ok('chat.postMessage')) {
        if (!JSON.stringify(c.params.blocks ?? '').includes('answer_feedback')) continue;
        const k = `${String(c.params.channel)}/${String(c.params.thread_ts)}`;
        per.set(k, (per.get(k) ?? 0) + 1);
      }
      return per;
    };
    const until = Date.now() + 60_000;
    while (events.some((e) => !answered().has(`${e.channel}/${e.ts}`)) && Date.now() < until)
      await sleep(200);
    const per = answered();
    expect(events.filter((e) => per.get(`${e.channel}/${e.ts}`) !== 1).map((e) => e.eventId)).toEqual([]);
  });
});
