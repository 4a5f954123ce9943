/**
 * The backlog is the database's (issue 14: bound the backlog's memory): at most `maxQueued` recorded events
 * wait in memory; when more arrive they stay in the store only and are read back, oldest first, as the queue
 * empties. Every event is still answered exactly once, retries after a failed post included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventBody, mention, type RunningBot, send, startBot, tempDataDir } from './harness.js';
import { SlackStandin } from './standin.js';

const MAX_QUEUED = 4;
const EVENTS = 80;

let standin: SlackStandin;
let bot: RunningBot;

beforeAll(async () => {
  standin = await new SlackStandin().start();
  bot = await startBot(standin, {
    dataDir: tempDataDir(),
    backgroundWriter: true,
    retryPolicy: { maxQueued: MAX_QUEUED },
  });
});
afterAll(async () => {
  await bot?.stop();
  await standin?.stop();
});

describe(`more events than ${MAX_QUEUED} in memory`, () => {
  it('keeps at most that many queued in memory and answers every one once, oldest first', async () => {
    let most = 0;
    const sample = setInterval(() => {
      most = Math.max(most, bot.inbox.load.queued);
    }, 1);
    // a few posts fail while events wait in the store: those are retried from there too
    standin.failNext(3, { status: 500, method: 'chat.postMessage' });
    const events = Array.from({ length: EVENTS }, (_, i) => {
      const ev = mention({ channel: 'C0BACKLOG', text: `Er vi omfattet med ${60_000 + i} slutbrugere?` });
      return { ev, ...eventBody(ev) };
    });
    const ids = new Set(events.map((e) => e.eventId));
    // sent in order, 20 at a time, so the order they were recorded in is (nearly) the order sent
    for (let i = 0; i < events.length; i += 20) {
      const acks = await Promise.all(events.slice(i, i + 20).map((e) => send(bot, e.body)));
      expect(acks.map((a) => a.status)).toEqual(acks.map(() => 200));
    }
    const until = Date.now() + 30_000;
    const answered = () => bot.handled.filter((h) => ids.has(h.id) && h.outcome === 'answered');
    while (answered().length < EVENTS && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    clearInterval(sample);

    expect(most).toBeLessThanOrEqual(MAX_QUEUED);
    expect(answered()).toHaveLength(EVENTS);
    expect(new Set(answered().map((h) => h.id)).size).toBe(EVENTS);
    const posts = standin.ok('chat.postMessage').filter((c) => c.params.channel === 'C0BACKLOG');
    expect(posts).toHaveLength(EVENTS);
    expect(new Set(posts.map((p) => p.params.thread_ts)).size).toBe(EVENTS);
    for (const e of events) expect(bot.store.getEvent(e.eventId)?.status).toBe('answered');
    // read back oldest first: the last ten sent are among the last twenty answered
    const order = answered().map((h) => h.id);
    const lastSent = events.slice(-10).map((e) => e.eventId);
    for (const id of lastSent) expect(order.indexOf(id)).toBeGreaterThanOrEqual(EVENTS - 20);
    expect(bot.inbox.load).toEqual({ queued: 0, waiting: 0, inFlight: 0 });
  }, 60_000);
});
