import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdvisor } from '../../bot/pipeline.js';
import { createSlackApp } from '../../bot/slack/app.js';
import type { Handled } from '../../bot/slack/core.js';
import { createLogger } from '../../bot/slack/logger.js';
import { Store } from '../../bot/store/index.js';
import { SqliteStore } from '../../bot/store/sqlite.js';
import { eventBody, mention, TODAY, tempDataDir } from './harness.js';
import { APP_TOKEN, BOT_ID, BOT_TOKEN, BOT_USER, SlackStandin } from './standin.js';

let standin: SlackStandin;
let store: Store;
let app: ReturnType<typeof createSlackApp>['app'];
const handled: Handled[] = [];

beforeAll(async () => {
  standin = await new SlackStandin().start();
  store = Store.open(tempDataDir());
  ({ app } = createSlackApp({
    config: {
      mode: 'socket',
      appToken: APP_TOKEN,
      botToken: BOT_TOKEN,
      apiUrl: standin.apiUrl,
      adviserChannel: undefined,
      dataDir: '',
      retentionDays: 365,
      logLevel: 'error',
      slashCommand: '/leverandor',
      adviceCacheSize: 0,
    },
    identity: { botId: BOT_ID, botUserId: BOT_USER },
    advisor: createAdvisor(),
    store: new SqliteStore(store),
    // the WebSocket being torn down at the end logs an error; keep the test output clean
    log: createLogger('error', new Writable({ write: (_c, _e, cb) => cb() })),
    today: () => TODAY,
    retryConfig: { retries: 1, minTimeout: 5, maxTimeout: 10 },
    onHandled: (h) => handled.push(h),
  }));
  await app.start();
});
afterAll(async () => {
  await app?.stop().catch(() => undefined);
  store?.close();
  await standin?.stop();
});

async function until(pred: () => boolean, what: string) {
  for (let i = 0; i < 1500 && !pred(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!pred()) throw new Error(`timed out waiting for ${what}`);
}

describe('Socket Mode', () => {
  it('connects with the app token through SLACK_API_URL, acks an event envelope and answers it once', async () => {
    expect(standin.ok('apps.connections.open')).toHaveLength(1);
    expect(standin.socketConnections).toBe(1);
    const ev = mention({ text: 'Er en teleudbyder med 60.000 slutbrugere omfattet?' });
    const { body, eventId } = eventBody(ev);
    const envelope = (id: string, retry: number) => ({
      envelope_id: id,
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: retry,
      retry_reason: retry > 0 ? 'timeout' : '',
      payload: JSON.parse(body) as Record<string, unknown>,
    });
    standin.socketSend(envelope('env-1', 0));
    await until(() => handled.some((h) => h.id === eventId), 'the answer');
    expect(standin.socketReceived.some((m) => m.envelope_id === 'env-1')).toBe(true);
    expect(standin.ok('chat.postMessage').filter((c) => c.params.thread_ts === ev.ts)).toHaveLength(1);

    standin.socketSend(envelope('env-2', 1));
    await until(() => handled.filter((h) => h.id === eventId).length === 2, 'the retry');
    expect(handled.filter((h) => h.id === eventId).map((h) => h.outcome)).toEqual(['answered', 'duplicate']);
    expect(standin.ok('chat.postMessage').filter((c) => c.params.thread_ts === ev.ts)).toHaveLength(1);
  });
});
