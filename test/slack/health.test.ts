/**
 * Honest health: when the store cannot write (here the disk is full: SQLite's page limit is reached), an
 * event is not acked (503, so Slack delivers it again), the person is told once that the bot cannot answer
 * now, and /healthz and /readyz are red; when space is back, health is green and Slack's next delivery is
 * answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T } from '../../bot/slack/texts.js';
import { eventBody, get, mention, type RunningBot, send, startBot, tempDataDir } from './harness.js';
import { SlackStandin } from './standin.js';

let standin: SlackStandin;
let bot: RunningBot;

beforeAll(async () => {
  standin = await new SlackStandin().start();
  bot = await startBot(standin, { dataDir: tempDataDir() });
});
afterAll(async () => {
  await bot?.stop();
  await standin?.stop();
});

/** Fills the database up to SQLite's page limit: from now on a write that needs space fails (SQLITE_FULL). */
function fillTheDisk(): void {
  const db = bot.store.db;
  db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true })) + 2}`);
  let i = 0;
  for (const size of [900, 300, 100, 20, 1]) {
    for (;;) {
      try {
        bot.store.receiveEvent({ eventId: `EvFILL${i++}`, kind: 'filler', body: 'x'.repeat(size) });
      } catch (e) {
        expect((e as { code?: string }).code).toBe('SQLITE_FULL');
        break;
      }
    }
  }
}

describe('the store cannot write', () => {
  it('is green at start', async () => {
    expect((await get(bot, '/healthz')).status).toBe(200);
    const ready = await get(bot, '/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({ ok: true, ready: true, store: 'ok' });
  });

  it('with the disk full: not acked, the person is told once, health is red; answered when space is back', async () => {
    fillTheDisk();
    const ev = mention({ text: 'Vi er en dansk internetudbyder med 72.000 slutbrugere. Er vi omfattet?' });
    const { body, eventId } = eventBody(ev);
    const first = await send(bot, body);
    expect(first.status).toBe(503);
    await standin.waitFor(
      (calls) => calls.some((c) => c.ok && c.params.thread_ts === ev.ts),
      'the person told',
    );
    const told = standin.ok('chat.postMessage').filter((c) => c.params.thread_ts === ev.ts);
    expect(told.map((c) => c.params.text)).toEqual([T.da.unavailable]);

    const health = await get(bot, '/healthz');
    expect(health.status).toBe(503);
    expect(JSON.parse(health.body)).toMatchObject({ ok: false, store: 'cannot_write', error: 'SQLITE_FULL' });
    expect((await get(bot, '/readyz')).status).toBe(503);

    // Slack delivers it again: still not acked, and the person is not told a second time
    expect((await send(bot, body, { retryNum: 1 })).status).toBe(503);
    await new Promise((r) => setTimeout(r, 200));
    expect(standin.ok('chat.postMessage').filter((c) => c.params.thread_ts === ev.ts)).toHaveLength(1);

    // space again
    bot.store.db.pragma('max_page_count = 1073741823');
    await new Promise((r) => setTimeout(r, 1100));
    expect((await get(bot, '/healthz')).status).toBe(200);
    expect((await send(bot, body, { retryNum: 2 })).status).toBe(200);
    expect((await bot.waitHandled((h) => h.id === eventId)).outcome).toBe('answered');
    const posts = standin.ok('chat.postMessage').filter((c) => c.params.thread_ts === ev.ts);
    expect(posts).toHaveLength(2);
    expect(bot.store.getEvent(eventId)?.status).toBe('answered');
  });
});
