/**
 * Durability: the bot runs as `npm start` runs it, in a child process. Mentions, escalations and feedback
 * arrive as signed requests; the process is SIGKILLed in the middle of that work and started again on the
 * same DATA_DIR. Nothing the bot had confirmed to a person is lost, nothing is written twice (cases,
 * feedback rows, processed event ids), Slack's retries after the restart are not answered again, and the
 * database is in WAL mode and intact.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockAction, eventBody, mention, send } from '../slack/harness.js';
import { type Call, SlackStandin } from '../slack/standin.js';
import { ADVISERS, type ChildBot, ResponseSink, startChild } from './child.js';

let standin: SlackStandin;
let sink: ResponseSink;
const children: ChildBot[] = [];

beforeAll(async () => {
  standin = await new SlackStandin().start();
  standin.members[ADVISERS] = ['U0ADVISER'];
  sink = await new ResponseSink().start();
});
afterAll(async () => {
  for (const c of children) await c.kill('SIGKILL');
  await standin?.stop();
  await sink?.stop();
});

async function boot(dataDir: string): Promise<ChildBot> {
  const c = await startChild(standin, dataDir);
  children.push(c);
  return c;
}

const QUESTIONS = [
  'Vi er en dansk internetudbyder med 72.000 slutbrugere. Er vi omfattet?',
  'We run a mobile network in Denmark with 40,000 end users. Are we covered?',
  'Vi er et teleselskab med 300.000 slutbrugere og vil indgå en ny aftale med Huawei om vores kernenet.',
  'Is a home router a critical network component?',
];

interface Sent {
  eventId: string;
  channel: string;
  ts: string;
  body: string;
}

function newMention(i: number, channel = 'C0DURABLE'): Sent {
  const ev = mention({ channel, text: QUESTIONS[i % QUESTIONS.length]!, user: 'U0ASKER' });
  const { body, eventId } = eventBody(ev);
  return { eventId, channel, ts: ev.ts, body };
}

/** The answer posts (they carry the feedback buttons) in a thread, and the answer id they carry. */
function answerPosts(calls: Call[], channel: string, ts: string): string[] {
  const ids: string[] = [];
  for (const c of calls) {
    if (c.method !== 'chat.postMessage' || !c.ok || c.params.channel !== channel || c.params.thread_ts !== ts)
      continue;
    const blocks = (c.params.blocks ?? []) as {
      type: string;
      elements?: { action_id?: string; value?: string }[];
    }[];
    const fb = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'escalate');
    if (fb?.value) ids.push(fb.value);
  }
  return ids;
}

/** Thread posts that tell the asker a case number was opened (escalation confirmed). */
function caseConfirmed(calls: Call[], channel: string, ts: string): boolean {
  return calls.some(
    (c) =>
      c.method === 'chat.postMessage' &&
      c.ok &&
      c.params.channel === channel &&
      c.params.thread_ts === ts &&
      /#\d+/.test(String(c.params.text ?? '')) &&
      answerPosts([c], channel, ts).length === 0,
  );
}

async function until(pred: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits until the stand-in has seen no call for `quietMs`. */
async function quiet(quietMs = 800): Promise<void> {
  let n = -1;
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (standin.calls.length !== n) {
      n = standin.calls.length;
      since = Date.now();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const click = (
  bot: ChildBot,
  actionId: string,
  value: string,
  user: string,
  thread: Sent,
  responseId: string,
) => {
  const { body, contentType } = blockAction({
    actionId,
    value,
    user,
    channel: thread.channel,
    messageTs: thread.ts,
    threadTs: thread.ts,
    responseUrl: sink.for(responseId),
  });
  return send(bot, body, { contentType }).then(
    (r) => r.status,
    () => 0,
  );
};

describe('SIGKILL in the middle of work, then a restart on the same DATA_DIR', () => {
  it('keeps everything confirmed, writes nothing twice, and does not answer retries again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-durable-'));
    const a = await boot(dataDir);

    // WAL, as the store promises
    const probe = new Database(join(dataDir, 'advisor.sqlite'), { readonly: true, fileMustExist: true });
    expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');
    probe.close();

    // Phase 1: questions answered before anything goes wrong.
    const first = Array.from({ length: 8 }, (_, i) => newMention(i));
    expect((await Promise.all(first.map((m) => send(a, m.body)))).map((r) => r.status)).toEqual(
      first.map(() => 200),
    );
    await until(
      () => first.every((m) => answerPosts(standin.calls, m.channel, m.ts).length === 1),
      'first answers',
    );
    const answerOf = new Map(first.map((m) => [m.eventId, answerPosts(standin.calls, m.channel, m.ts)[0]!]));

    // Phase 2: a burst of new questions, feedback and escalations; SIGKILL while it is being worked on.
    const burst = Array.from({ length: 16 }, (_, i) => newMention(i, 'C0BURST'));
    const feedback = first.flatMap((m, i) => [
      { m, user: `U0FB${i}A`, helpful: true, rid: `fb-${i}-a` },
      { m, user: `U0FB${i}B`, helpful: false, rid: `fb-${i}-b` },
    ]);
    const escalations = first.slice(0, 4).map((m, i) => ({ m, rid: `esc-${i}` }));
    const callsBefore = standin.calls.length;
    const hitsBefore = sink.hits.length;
    const work = [
      ...escalations.map((e) => click(a, 'escalate', answerOf.get(e.m.eventId)!, 'U0ASKER', e.m, e.rid)),
      ...feedback.map((f) =>
        click(
          a,
          f.helpful ? 'feedback_helpful' : 'feedback_not_helpful',
          answerOf.get(f.m.eventId)!,
          f.user,
          f.m,
          f.rid,
        ),
      ),
      ...burst.map((m) =>
        send(a, m.body).then(
          (r) => r.status,
          () => 0,
        ),
      ),
    ];
    // Kill about halfway through what the burst makes the bot do (16 answers, 16 votes, 4 × 3 calls per case).
    const progress = () => standin.calls.length - callsBefore + sink.hits.length - hitsBefore;
    await until(() => progress() >= 20, 'the burst under way');
    const exit = await a.kill('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    await Promise.all(work);

    // What the bot had confirmed to people before it died.
    const calls = [...standin.calls];
    const answeredBefore = burst.filter((m) => answerPosts(calls, m.channel, m.ts).length > 0);
    const feedbackConfirmed = feedback.filter((f) => sink.got(f.rid));
    const escalationsConfirmed = escalations.filter((e) => caseConfirmed(calls, e.m.channel, e.m.ts));

    if (process.env.DURABILITY_VERBOSE) {
      console.log(
        `before the kill: ${answeredBefore.length}/${burst.length} answered, ${feedbackConfirmed.length}/${feedback.length} votes and ${escalationsConfirmed.length}/${escalations.length} escalations confirmed`,
      );
    }

    // Phase 3: restart on the same DATA_DIR; Slack retries every event; people click again.
    const b = await boot(dataDir);
    const retries = await Promise.all([...first, ...burst].map((m) => send(b, m.body, { retryNum: 1 })));
    expect(retries.map((r) => r.status)).toEqual(retries.map(() => 200));
    await Promise.all([
      ...feedback.map((f) =>
        click(
          b,
          f.helpful ? 'feedback_helpful' : 'feedback_not_helpful',
          answerOf.get(f.m.eventId)!,
          f.user,
          f.m,
          `${f.rid}-again`,
        ),
      ),
      ...escalations.map((e) =>
        click(b, 'escalate', answerOf.get(e.m.eventId)!, 'U0ASKER', e.m, `${e.rid}-again`),
      ),
    ]);
    await quiet();
    await b.kill('SIGTERM');

    // Slack's view: never two answers in one thread; what was answered before the kill is not answered again.
    for (const m of [...first, ...burst]) {
      expect(
        answerPosts(standin.calls, m.channel, m.ts).length,
        `answers in thread ${m.ts}`,
      ).toBeLessThanOrEqual(1);
    }
    for (const m of [...first, ...answeredBefore])
      expect(answerPosts(standin.calls, m.channel, m.ts)).toHaveLength(1);
    // and nothing is lost: every question of the burst is answered, by the restarted bot if not before
    for (const m of burst) expect(answerPosts(standin.calls, m.channel, m.ts), m.ts).toHaveLength(1);

    // The database's view.
    const db = new Database(join(dataDir, 'advisor.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const q = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).all(...args) as T[];

      // processed event ids: every event answered before the kill is recorded (so its retry was not answered
      // again); those finished before the burst as `answered`. One killed between posting and marking the post
      // may still say `pending`: its answer did reach Slack.
      for (const m of first) {
        expect(
          q<{ status: string }>('SELECT status FROM processed_events WHERE event_id = ?', m.eventId),
        ).toEqual([{ status: 'answered' }]);
      }
      for (const m of answeredBefore) {
        const r = q<{ status: string }>('SELECT status FROM processed_events WHERE event_id = ?', m.eventId);
        expect(r.map((x) => x.status)).toEqual([expect.stringMatching(/^(answered|pending)$/)]);
      }
      expect(
        q('SELECT event_id FROM answers WHERE event_id IS NOT NULL GROUP BY event_id HAVING COUNT(*) > 1'),
      ).toEqual([]);

      // feedback: every confirmed vote is stored with its value, each person once per answer, no invented rows
      const rows = q<{ answer_id: string; user: string; helpful: number }>(
        'SELECT answer_id, user, helpful FROM feedback',
      );
      for (const f of feedbackConfirmed) {
        expect(rows).toContainEqual({
          answer_id: answerOf.get(f.m.eventId),
          user: f.user,
          helpful: f.helpful ? 1 : 0,
        });
      }
      const sentUsers = new Set(feedback.map((f) => f.user));
      expect(rows.filter((r) => !sentUsers.has(r.user))).toEqual([]);
      expect(q('SELECT answer_id, user FROM feedback GROUP BY answer_id, user HAVING COUNT(*) > 1')).toEqual(
        [],
      );

      // cases: every confirmed escalation has its case; never two cases for one thread; opened once each
      const cases = q<{ id: number; channel: string; thread_ts: string }>(
        'SELECT id, channel, thread_ts FROM cases',
      );
      for (const e of escalationsConfirmed) {
        expect(cases.filter((c) => c.channel === e.m.channel && c.thread_ts === e.m.ts)).toHaveLength(1);
      }
      expect(
        q('SELECT channel, thread_ts FROM cases GROUP BY channel, thread_ts HAVING COUNT(*) > 1'),
      ).toEqual([]);
      expect(
        q(`SELECT case_id FROM case_events WHERE kind = 'opened' GROUP BY case_id HAVING COUNT(*) > 1`),
      ).toEqual([]);
      // every stored case reached the adviser channel (sent again at start if the process died before)
      expect(q(`SELECT id FROM cases WHERE adviser_ts IS NULL`)).toEqual([]);
      expect(q(`SELECT event_id FROM processed_events WHERE status = 'pending'`)).toEqual([]);
    } finally {
      db.close();
    }
  }, 90_000);

  // An event is acked at once and recorded as `pending` with its answer before the answer is posted. If the
  // process dies in between, Slack does not retry (and a retry would be taken for a duplicate): the bot posts
  // the stored answers of `pending` events when it starts again (bot/slack/resume.ts).
  it('an event acked but not yet answered when the process died is answered after the restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-durable-'));
    const a = await boot(dataDir);
    // Slack's Web API is failing: the answers wait in the client's retry backoff
    standin.failNext(40, { status: 500, method: 'chat.postMessage' });
    const sent = Array.from({ length: 3 }, (_, i) => newMention(i, 'C0PENDING'));
    expect((await Promise.all(sent.map((m) => send(a, m.body)))).map((r) => r.status)).toEqual([
      200, 200, 200,
    ]);
    const db = new Database(join(dataDir, 'advisor.sqlite'), { readonly: true });
    await until(
      () =>
        sent.every(
          (m) =>
            db.prepare('SELECT status FROM processed_events WHERE event_id = ?').get(m.eventId) !== undefined,
        ),
      'the events recorded',
    );
    db.close();
    await a.kill('SIGKILL');
    standin.clearFaults();

    const b = await boot(dataDir);
    await Promise.all(sent.map((m) => send(b, m.body, { retryNum: 1 })));
    await until(
      () => sent.every((m) => answerPosts(standin.calls, m.channel, m.ts).length === 1),
      'the answers after the restart',
      5_000,
    );
    await b.kill('SIGTERM');
  }, 60_000);
});
