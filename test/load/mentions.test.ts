/**
 * Load on the real HTTP receiver (127.0.0.1): hundreds of concurrent signed `app_mention` events across
 * many threads, with Slack's retries of the same events (`x-slack-retry-num`) mixed in, some arriving
 * before the original. Afterwards every event was answered exactly once, in its own thread, and the
 * database is consistent. Bounded in count and time; LOAD_EVENTS runs it longer by hand
 * (`LOAD_EVENTS=3000 npx vitest run test/load`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TURNS } from '../../bot/store/index.js';
import { eventBody, mention, type RunningBot, send, startBot, tempDataDir } from '../slack/harness.js';
import { SlackStandin } from '../slack/standin.js';

const EVENTS = Math.max(10, Number(process.env.LOAD_EVENTS ?? 300) || 300);
const IN_FLIGHT = 48;
/** Events per thread at most: the first is a top-level mention, the rest are mentions in its thread. */
const PER_THREAD = 4;

/** Questions of the kinds people ask (none asks for a person, so each event gets exactly one post). */
const QUESTIONS = [
  'Vi er en dansk internetudbyder med 72.000 slutbrugere. Er vi omfattet?',
  'We run a mobile network in Denmark with 40,000 end users. Are we covered?',
  'Må vores kommune købe overvågningskameraer fra en kinesisk producent?',
  'Is a home router a critical network component?',
  'Hvornår træder loven i kraft?',
  'We plan a new agreement on our core network with a supplier from Sweden.',
  'Vi fik en afgørelse fra CFCS den 1. oktober 2026. Kan vi nå at gå til domstolene?',
  'What is the weather tomorrow?',
  'Vi har 120.000 slutbrugere på Færøerne.',
  'Hvad siger Forsvarsministeriet om overvågningsudstyr?',
];

let standin: SlackStandin;
let bot: RunningBot;

beforeAll(async () => {
  standin = await new SlackStandin().start();
  // answers written on the background writer thread, as `npm start` writes them
  bot = await startBot(standin, { dataDir: tempDataDir(), backgroundWriter: true });
});
afterAll(async () => {
  await bot?.stop();
  await standin?.stop();
});

interface Planned {
  eventId: string;
  channel: string;
  thread: string;
  body: string;
}

function plan(): Planned[] {
  const out: Planned[] = [];
  let thread: { channel: string; ts: string } | undefined;
  for (let i = 0; i < EVENTS; i++) {
    const text = QUESTIONS[i % QUESTIONS.length]!;
    if (i % PER_THREAD === 0 || !thread) {
      const channel = `C0LOAD${i % 7}`;
      const ev = mention({ channel, text, user: `U0USER${i % 13}` });
      thread = { channel, ts: ev.ts };
      const { body, eventId } = eventBody(ev);
      out.push({ eventId, channel, thread: ev.ts, body });
    } else {
      const ev = mention({ channel: thread.channel, text, thread_ts: thread.ts, user: `U0USER${i % 13}` });
      const { body, eventId } = eventBody(ev);
      out.push({ eventId, channel: thread.channel, thread: thread.ts, body });
    }
  }
  return out;
}

/** Runs the tasks with at most `n` in flight. */
async function pool<T>(tasks: (() => Promise<T>)[], n: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

describe(`${EVENTS} concurrent mentions with retries`, () => {
  it(
    'answers every event exactly once, in its own thread, and leaves the database consistent',
    async () => {
      const events = plan();
      // Every third event is delivered again as Slack's retry 1, every ninth also as retry 2.
      const deliveries: { e: Planned; retryNum?: number }[] = events.flatMap((e, i) => [
        { e },
        ...(i % 3 === 0 ? [{ e, retryNum: 1 }] : []),
        ...(i % 9 === 0 ? [{ e, retryNum: 2 }] : []),
      ]);
      // A deterministic shuffle: retries may overtake their original.
      for (let i = deliveries.length - 1; i > 0; i--) {
        const j = (i * 7919) % (i + 1);
        [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
      }
      const ids = new Set(events.map((e) => e.eventId));

      const statuses = await pool(
        deliveries.map(
          (d) => () => send(bot, d.e.body, d.retryNum === undefined ? {} : { retryNum: d.retryNum }),
        ),
        IN_FLIGHT,
      );
      expect(statuses.filter((s) => s.status !== 200)).toEqual([]);

      // Every delivery (retries included) is reported once handled; then nothing more will be posted.
      const until = Date.now() + 15_000 + EVENTS * 60;
      while (bot.handled.filter((h) => ids.has(h.id)).length < deliveries.length) {
        if (Date.now() > until)
          throw new Error(
            `only ${bot.handled.filter((h) => ids.has(h.id)).length} of ${deliveries.length} deliveries handled`,
          );
        await new Promise((r) => setTimeout(r, 20));
      }

      const outcomes = new Map<string, string[]>();
      for (const h of bot.handled.filter((x) => ids.has(x.id)))
        outcomes.set(h.id, [...(outcomes.get(h.id) ?? []), h.outcome]);
      for (const e of events) {
        const o = outcomes.get(e.eventId) ?? [];
        expect(
          o.filter((x) => x === 'answered'),
          `event ${e.eventId}: ${o.join(', ')}`,
        ).toHaveLength(1);
        expect(
          o.filter((x) => x !== 'answered' && x !== 'duplicate'),
          `event ${e.eventId}`,
        ).toEqual([]);
      }

      const all = [...outcomes.values()].flat();
      expect(all.filter((x) => x === 'duplicate')).toHaveLength(deliveries.length - EVENTS);

      // One post per event, in the event's thread of the event's channel.
      const posts = standin
        .ok('chat.postMessage')
        .filter((c) => String(c.params.channel).startsWith('C0LOAD'));
      expect(posts).toHaveLength(EVENTS);
      const expectedPerThread = new Map<string, number>();
      for (const e of events)
        expectedPerThread.set(
          `${e.channel}/${e.thread}`,
          (expectedPerThread.get(`${e.channel}/${e.thread}`) ?? 0) + 1,
        );
      const postedPerThread = new Map<string, number>();
      for (const p of posts) {
        const key = `${String(p.params.channel)}/${String(p.params.thread_ts)}`;
        postedPerThread.set(key, (postedPerThread.get(key) ?? 0) + 1);
      }
      expect(postedPerThread).toEqual(expectedPerThread);

      // The database: each event once, answered; one answer per event, in its thread; threads and turns add up.
      const db = bot.store.db;
      const q = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).all(...args) as T[];
      expect(q<{ integrity_check: string }>('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(q('PRAGMA foreign_key_check')).toEqual([]);
      const placeholders = events.map(() => '?').join(',');
      const ev = q<{ event_id: string; status: string }>(
        `SELECT event_id, status FROM processed_events WHERE event_id IN (${placeholders})`,
        ...ids,
      );
      expect(ev).toHaveLength(EVENTS);
      expect(ev.filter((r) => r.status !== 'answered')).toEqual([]);
      const answers = q<{ event_id: string; channel: string; thread_ts: string; message_ts: string | null }>(
        `SELECT event_id, channel, thread_ts, message_ts FROM answers WHERE event_id IN (${placeholders})`,
        ...ids,
      );
      expect(answers).toHaveLength(EVENTS);
      const byId = new Map(events.map((e) => [e.eventId, e]));
      for (const a of answers) {
        const e = byId.get(a.event_id)!;
        expect([a.channel, a.thread_ts]).toEqual([e.channel, e.thread]);
        expect(a.message_ts).not.toBeNull();
      }
      const messageTs = answers.map((a) => a.message_ts);
      expect(new Set(messageTs).size).toBe(EVENTS);
      for (const [key, n] of expectedPerThread) {
        const [channel, ts] = key.split('/') as [string, string];
        const t = bot.store.getThread(channel, ts);
        expect(t, `thread ${key}`).toBeDefined();
        expect(t!.turns).toHaveLength(Math.min(n, MAX_TURNS));
      }
    },
    60_000 + EVENTS * 100,
  );
});
