/**
 * Persist, then ack: the bot runs as `npm start` runs it (a child process) and is SIGKILLed while signed
 * mentions arrive at 200 per second. After a restart on the same DATA_DIR, with Slack redelivering what it
 * never got an ack for, every event the bot acked is answered exactly once: none lost, none posted twice,
 * also when Slack's history cannot be read for the first seconds after the restart (an answer whose post may
 * have reached Slack waits until Slack can be asked, instead of being posted blind).
 * And a Web API outage in the middle of a load delays answers, it does not drop them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventBody, mention, send } from '../slack/harness.js';
import { type Call, SlackStandin } from '../slack/standin.js';
import { type ChildBot, startChild } from './child.js';

const RATE = 200;
const EVENTS = Math.max(100, Number(process.env.DURABILITY_EVENTS ?? 600) || 600);
/** Fast back-off, so retries happen within the test (the defaults are 2 s to 60 s). */
const FAST = { RETRY_MIN_MS: '50', RETRY_MAX_MS: '400', WEB_API_RETRIES: '1' };

/** Questions that are answered without escalation, so each event gets exactly one post. */
const QUESTIONS = [
  'Vi er en dansk internetudbyder med 72.000 slutbrugere. Er vi omfattet?',
  'We run a mobile network in Denmark with 40,000 end users. Are we covered?',
  'Is a home router a critical network component?',
  'Hvornår træder loven i kraft?',
  'What is the weather tomorrow?',
];

let standin: SlackStandin;
const children: ChildBot[] = [];

beforeAll(async () => {
  standin = await new SlackStandin().start();
});
afterAll(async () => {
  for (const c of children) await c.kill('SIGKILL');
  await standin?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function boot(dataDir: string, env: Record<string, string> = FAST): Promise<ChildBot> {
  const c = await startChild(standin, dataDir, env);
  children.push(c);
  return c;
}

interface Planned {
  eventId: string;
  channel: string;
  ts: string;
  body: string;
}

function plan(n: number, prefix: string): Planned[] {
  return Array.from({ length: n }, (_, i) => {
    const channel = `C0${prefix}${i % 5}`;
    const ev = mention({ channel, text: QUESTIONS[i % QUESTIONS.length]!, user: `U0U${i % 11}` });
    const { body, eventId } = eventBody(ev);
    return { eventId, channel, ts: ev.ts, body };
  });
}

/** Answer posts (they carry the escalate button) per thread. */
function answerCounts(calls: Call[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of calls) {
    if (c.method !== 'chat.postMessage' || !c.ok) continue;
    const blocks = (c.params.blocks ?? []) as { elements?: { action_id?: string }[] }[];
    if (!blocks.some((b) => (b.elements ?? []).some((e) => e.action_id === 'escalate'))) continue;
    const key = `${String(c.params.channel)}/${String(c.params.thread_ts)}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Sends the events on schedule at RATE per second; `onSent(i)` after each is sent. */
async function onSchedule(bot: ChildBot, events: Planned[], onSent: (i: number) => void): Promise<number[]> {
  const start = Date.now();
  const results: Promise<number>[] = [];
  for (let i = 0; i < events.length; i++) {
    const wait = start + (i * 1000) / RATE - Date.now();
    if (wait > 0) await sleep(wait);
    results.push(
      send(bot, events[i]!.body).then(
        (r) => r.status,
        () => 0,
      ),
    );
    onSent(i);
  }
  return Promise.all(results);
}

async function until(pred: () => boolean, what: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Waits until the stand-in has seen no call for `quietMs`. */
async function quiet(quietMs = 1000): Promise<void> {
  let n = -1;
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (standin.calls.length !== n) {
      n = standin.calls.length;
      since = Date.now();
    }
    await sleep(50);
  }
}

async function killUnderLoad(prefix: string, historyDownMs: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'advisor-crash-'));
  const a = await boot(dataDir);
  const events = plan(EVENTS, prefix);
  let killed: Promise<unknown> | undefined;
  const statuses = await onSchedule(a, events, (i) => {
    if (i === Math.floor(EVENTS / 2)) killed = a.kill('SIGKILL');
  });
  await killed;
  const acked = events.filter((_, i) => statuses[i] === 200);
  const notAcked = events.filter((_, i) => statuses[i] !== 200);
  const answeredBefore = answerCounts(standin.calls);

  // Slack's history cannot be read while the bot restarts and for a while after
  if (historyDownMs > 0) standin.outage(historyDownMs, ['conversations.replies', 'conversations.history']);
  const b = await boot(dataDir);
  // Slack redelivers what it got no ack for; an acked event is not redelivered
  const again = await Promise.all(
    notAcked.map((e) => send(b, e.body, { retryNum: 1 }).then((r) => r.status)),
  );
  expect(again.filter((s) => s !== 200)).toEqual([]);
  await until(
    () => {
      const n = answerCounts(standin.calls);
      return events.every((e) => (n.get(`${e.channel}/${e.ts}`) ?? 0) >= 1);
    },
    'every event answered',
    historyDownMs + 60_000,
  );
  await quiet();
  const counts = answerCounts(standin.calls);
  const lost = acked.filter((e) => (counts.get(`${e.channel}/${e.ts}`) ?? 0) === 0);
  const doubles = events.filter((e) => (counts.get(`${e.channel}/${e.ts}`) ?? 0) > 1);
  const report = {
    acked: acked.length,
    not_acked: notAcked.length,
    answered_before_the_kill: events.filter((e) => answeredBefore.has(`${e.channel}/${e.ts}`)).length,
    lost: lost.length,
    doubles: doubles.length,
    // answers whose post had reached Slack before the kill but was not yet marked: found by their own id
    found_in_slack: b.output.filter((l) => l.includes('pending answer was already posted')).length,
    waited_for_history: b.output.filter((l) => l.includes('history_unavailable')).length,
  };
  if (process.env.DURABILITY_VERBOSE)
    console.log(`kill at ${RATE}/s, history down ${historyDownMs} ms:`, report);
  expect(acked.length).toBeGreaterThan(EVENTS / 10);
  expect(lost.map((e) => e.eventId)).toEqual([]);
  expect(doubles.map((e) => e.eventId)).toEqual([]);
  await b.kill('SIGTERM');

  const db = new Database(join(dataDir, 'advisor.sqlite'), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const open = db
      .prepare(`SELECT event_id, status FROM processed_events WHERE status NOT IN ('answered')`)
      .all();
    expect(open).toEqual([]);
  } finally {
    db.close();
  }
}

describe(`SIGKILL while ${RATE} mentions per second arrive`, () => {
  it('every acked event is answered exactly once after the restart', async () => {
    await killUnderLoad('KILLA', 0);
  }, 120_000);

  it('also when Slack history cannot be read for the first seconds after the restart', async () => {
    await killUnderLoad('KILLB', 8_000);
  }, 120_000);
});

/** The outage: a minute, as issue 14 asks (OUTAGE_MS shortens it while working on the test). */
const OUTAGE_MS = Number(process.env.OUTAGE_MS ?? 60_000);

describe('a Web API outage in the middle of a load', () => {
  it(
    'delays the answers; every event is answered once after it ends',
    async () => {
      // back-off up to 2 s: each waiting answer asks Slack again every 2 s for the minute Slack is down
      const b = await boot(mkdtempSync(join(tmpdir(), 'advisor-outage-')), { ...FAST, RETRY_MAX_MS: '2000' });
      const events = plan(Math.round(EVENTS / 2), 'OUT');
      const outageMs = OUTAGE_MS;
      let outageAt = 0;
      const statuses = await onSchedule(b, events, (i) => {
        if (i === Math.floor(events.length / 3)) {
          outageAt = Date.now();
          standin.outage(outageMs);
        }
      });
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      await until(
        () => {
          const n = answerCounts(standin.calls);
          return events.every((e) => (n.get(`${e.channel}/${e.ts}`) ?? 0) >= 1);
        },
        'every event answered after the outage',
        outageMs + 60_000,
      );
      await quiet();
      const counts = answerCounts(standin.calls);
      const refused = standin.calls.filter((c) => c.status === 503 && c.method === 'chat.postMessage').length;
      if (process.env.DURABILITY_VERBOSE)
        console.log(
          `outage of ${outageMs} ms from +${outageAt ? 'mid-load' : '?'}: ${refused} posts refused`,
        );
      expect(refused).toBeGreaterThan(0);
      expect(events.filter((e) => counts.get(`${e.channel}/${e.ts}`) !== 1).map((e) => e.eventId)).toEqual(
        [],
      );
      await b.kill('SIGTERM');
    },
    OUTAGE_MS + 120_000,
  );
});
