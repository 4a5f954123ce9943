/**
 * The store's behaviour, the same suite on both engines: the embedded SQLite file and a REAL PostgreSQL server
 * this file starts itself (test/support/postgres.ts). What two replicas could race on (an event's first
 * answer, a case's claim, leases of a dead replica) is raced here on both.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AdvisorStore } from '../../bot/store/api.js';
import { MAX_TURNS, parseAnswer } from '../../bot/store/index.js';
import { openStore } from '../../bot/store/open.js';
import { PgStore } from '../../bot/store/postgres.js';
import { SqliteStore } from '../../bot/store/sqlite.js';
import type { Answer } from '../../guardrails/contract.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { answer } from './fixtures.js';

let pgServer: TestPostgres | undefined;
beforeAll(async () => {
  pgServer = await startPostgres();
}, 60_000);
afterAll(async () => {
  await pgServer?.stop();
});

const opened: AdvisorStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

interface Place {
  /** A second store (another replica, or the same file reopened) on the same data. */
  again(): Promise<AdvisorStore>;
  s: AdvisorStore;
}

const ENGINES: { name: 'sqlite' | 'postgres'; fresh: () => Promise<Place> }[] = [
  {
    name: 'sqlite',
    fresh: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'advisor-engines-'));
      const make = async () => {
        const s = await openStore({ dataDir: dir });
        opened.push(s);
        return s;
      };
      return { s: await make(), again: make };
    },
  },
  {
    name: 'postgres',
    fresh: async () => {
      const url = await pgServer!.database('engines');
      const make = async () => {
        const s = await openStore({ dataDir: '/nonexistent', databaseUrl: url });
        opened.push(s);
        return s;
      };
      return { s: await make(), again: make };
    },
  },
];

const rec = (id: string, extra: Partial<Parameters<AdvisorStore['recordAnswer']>[0]> = {}) => ({
  id,
  channel: 'C1',
  threadTs: '1.1',
  user: 'U1',
  question: 'q',
  answer,
  ...extra,
});

describe.each(ENGINES)('store on $name', ({ name, fresh }) => {
  it('opens at the newest schema, and reopening keeps everything', async () => {
    const { s, again } = await fresh();
    expect(s.engine).toBe(name);
    expect(s.engine === 'sqlite' ? s instanceof SqliteStore : s instanceof PgStore).toBe(true);
    expect(await s.recordAnswer(rec('a1', { eventId: 'Ev1' }))).toBe(true);
    await s.close();
    const s2 = await again();
    expect((await s2.getAnswer('a1'))?.answer.verdict).toBe('covered');
    expect((await s2.getEvent('Ev1'))?.status).toBe('pending');
    expect(await s2.threadContext('C1', '1.1')).toEqual({ facts: answer.facts, turns: ['q'] });
    expect(await s2.damage()).toBeUndefined();
    await s2.probeWrite();
  });

  it('records an event id once: a second answer for the same event writes nothing', async () => {
    const { s } = await fresh();
    expect(await s.recordAnswer(rec('a1', { eventId: 'Ev1' }))).toBe(true);
    expect(await s.recordAnswer(rec('a2', { question: 'q2', eventId: 'Ev1' }))).toBe(false);
    expect(await s.getAnswer('a2')).toBeUndefined();
    expect((await s.threadContext('C1', '1.1')).turns).toEqual(['q']);
    await s.markAnswerPosted('a1', '2.2', 'Ev1');
    expect((await s.getEvent('Ev1'))?.status).toBe('answered');
    expect((await s.answerForEvent('Ev1'))?.message_ts).toBe('2.2');
    expect(await s.claimEvent({ eventId: 'Ev1', kind: 'x', status: 'ignored' })).toBe(false);
  });

  it("reads back this replica's due open events, oldest first, without their envelopes", async () => {
    const { s, again } = await fresh();
    const e = (eventId: string) => ({
      eventId,
      kind: 'app_mention',
      channel: 'C1',
      ts: '1.1',
      body: '{"x":1}',
    });
    for (const id of ['Ev1', 'Ev2', 'Ev3', 'Ev4']) {
      await s.receiveEvent(e(id));
      await new Promise((r) => setTimeout(r, 3));
    }
    await s.deferEvent('Ev2', '2999-01-01T00:00:00.000Z', 'retry:x'); // not due yet
    await s.deferEvent('Ev4', '2000-01-01T00:00:00.000Z', 'retry:x'); // due
    await s.finishEvent('Ev3', 'answered');
    const other = await again(); // another replica's event is not this one's
    await other.receiveEvent(e('Ev5'));
    expect(await s.dueEvents(10)).toEqual(['Ev1', 'Ev4']);
    expect(await s.dueEvents(1)).toEqual(['Ev1']);
    expect(await other.dueEvents(10)).toEqual(['Ev5']);
  });

  it('takes an event through its life: received, known again, deferred, noted, pending, answered', async () => {
    const { s } = await fresh();
    const e = { eventId: 'Ev1', kind: 'app_mention', channel: 'C1', ts: '1.1', body: '{"x":1}', retryNum: 0 };
    expect(await s.receiveEvent(e)).toBe('recorded');
    expect(await s.receiveEvent({ ...e, retryNum: 1 })).toBe('known');
    expect(await s.hasEvent('Ev1')).toBe(true);
    expect(await s.isHandled('Ev1')).toBe(false);
    expect((await s.getEvent('Ev1'))?.owner).toBe(s.replicaId);
    expect(await s.deferEvent('Ev1', '2030-01-01T00:00:00.000Z', 'retry:x')).toBe(1);
    expect(await s.deferEvent('Ev1', '2030-01-01T00:00:00.000Z', 'retry:x')).toBe(2);
    await s.noteEvent('Ev1', 'posting');
    expect((await s.openEvents()).map((r) => [r.event_id, r.status, r.detail])).toEqual([
      ['Ev1', 'received', 'posting'],
    ]);
    expect(await s.recordAnswer(rec('a1', { eventId: 'Ev1' }))).toBe(true);
    expect(await s.isHandled('Ev1')).toBe(true);
    expect((await s.pendingAnswers('9999')).map((a) => a.id)).toEqual(['a1']);
    await s.finishEvent('Ev1', 'answered');
    const row = await s.getEvent('Ev1');
    expect(row).toMatchObject({ status: 'answered', body: null, next_at: null });
    expect(await s.openEvents()).toEqual([]);
    // a refusal without an answer: claimed from received, closed later
    await s.receiveEvent({ ...e, eventId: 'Ev2' });
    expect(await s.claimEvent({ eventId: 'Ev2', kind: 'x', status: 'pending' })).toBe(true);
    expect(await s.claimEvent({ eventId: 'Ev2', kind: 'x', status: 'pending' })).toBe(false);
    expect(await s.closeInterruptedEvents('9999')).toBe(0);
    expect((await s.getEvent('Ev2'))?.status).toBe('received');
    expect(
      await s.receiveEvent({ eventId: 'x'.repeat(300), kind: 'k', body: '{}' }).catch(() => 'refused'),
    ).toBe('refused');
  });

  it('keeps the last turns of a thread and the latest facts', async () => {
    const { s } = await fresh();
    for (let i = 0; i < MAX_TURNS + 3; i++) {
      await s.recordAnswer(
        rec(`a${i}`, { question: `turn ${i}`, answer: { ...answer, facts: { end_users: i } } }),
      );
    }
    const t = await s.threadContext('C1', '1.1');
    expect(t.turns).toHaveLength(MAX_TURNS);
    expect(t.turns.at(-1)).toBe(`turn ${MAX_TURNS + 2}`);
    expect(t.facts).toEqual({ end_users: MAX_TURNS + 2 });
    expect((await s.answersInThread('C1', '1.1')).map((a) => a.id)).toEqual(
      Array.from({ length: MAX_TURNS + 3 }, (_, i) => `a${i}`),
    );
  });

  it('refuses bad input without touching stored data', async () => {
    const { s } = await fresh();
    await s.recordAnswer(rec('a1', { eventId: 'Ev1' }));
    const bad = { ...answer, verdict: 'maybe' } as unknown as Answer;
    await expect(s.recordAnswer(rec('a9', { answer: bad }))).rejects.toThrow();
    // a duplicate id fails inside the transaction: the event and the thread are rolled back with it
    await expect(
      s.recordAnswer(rec('a1', { channel: 'C9', threadTs: '9.9', eventId: 'Ev2' })),
    ).rejects.toThrow();
    expect(await s.getEvent('Ev2')).toBeUndefined();
    expect(await s.getThread('C9', '9.9')).toBeUndefined();
    await expect(
      s.openCase({ asker: 'U1', channel: 'C1', threadTs: '1.1', question: 'q', facts: { end_users: -3 } }),
    ).rejects.toThrow();
    expect(await s.openCasesFor('U1')).toEqual([]);
    expect(await s.recordFeedback('nope', 'U1', true)).toBe(false);
    expect((await s.threadContext('C1', '1.1')).turns).toEqual(['q']);
    const ok = parseAnswer(answer);
    if (ok.success) expect(await s.recordAnswer(rec('p1', { answer: ok.data }))).toBe(true);
  });

  it('stores feedback with the answer, one vote per person (the latest counts)', async () => {
    const { s } = await fresh();
    await s.recordAnswer(rec('a1'));
    expect(await s.recordFeedback('a1', 'U1', true)).toBe(true);
    expect(await s.recordFeedback('a1', 'U2', false)).toBe(true);
    expect(await s.recordFeedback('a1', 'U1', false)).toBe(true);
    expect((await s.feedbackFor('a1')).map((f) => [f.user, f.helpful]).sort()).toEqual([
      ['U1', false],
      ['U2', false],
    ]);
  });

  it('moves a case open → claimed → resolved with its history, and refuses invalid moves', async () => {
    const { s, again } = await fresh();
    await s.recordAnswer(rec('a1'));
    const c = await s.openCase({
      answerId: 'a1',
      asker: 'U1',
      channel: 'C1',
      threadTs: '1.1',
      question: 'q',
      facts: answer.facts,
      answer,
    });
    expect(c.status).toBe('open');
    expect((await s.unpostedCases('9999')).map((x) => x.id)).toEqual([c.id]);
    await s.setCasePost(c.id, 'C2', '5.5', 'https://slack.com/archives/C1/p11');
    expect((await s.caseByAdviserPost('C2', '5.5'))?.id).toBe(c.id);
    expect((await s.activeCaseForThread('C1', '1.1'))?.id).toBe(c.id);
    expect(await s.claimCase(c.id, 'UA')).toMatchObject({
      ok: true,
      case: { status: 'claimed', claimed_by: 'UA' },
    });
    expect(await s.claimCase(c.id, 'UB')).toMatchObject({ ok: false, reason: 'claimed_by_other' });
    expect(await s.claimCase(999, 'UB')).toMatchObject({ ok: false, reason: 'unknown_case' });
    await s.addCaseEvent(c.id, 'relayed', 'UA', 'svar');
    await s.close();
    const s2 = await again();
    expect(await s2.resolveCase(c.id, 'UA')).toMatchObject({ ok: true, case: { status: 'resolved' } });
    expect(await s2.resolveCase(c.id, 'UA')).toMatchObject({ ok: false, reason: 'already_resolved' });
    expect((await s2.caseEvents(c.id)).map((e) => e.kind)).toEqual([
      'opened',
      'posted',
      'claimed',
      'relayed',
      'resolved',
    ]);
    expect(await s2.openCasesFor('U1')).toEqual([]);
    expect(await s2.activeCaseForThread('C1', '1.1')).toBeUndefined();
  });

  it('of many advisers claiming one case at once, exactly one claims it', async () => {
    const { s, again } = await fresh();
    const c = await s.openCase({ asker: 'U1', channel: 'C1', threadTs: '1.1', question: 'q', facts: {} });
    const other = await again();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? s : other).claimCase(c.id, `UA${i}`)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await s.caseEvents(c.id)).filter((e) => e.kind === 'claimed')).toHaveLength(1);
  });

  it('of two replicas answering the same event at once, one records it', async () => {
    const { s, again } = await fresh();
    const other = await again();
    const tries = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? s : other).recordAnswer(rec(`r${i}`, { eventId: 'EvRace', question: `q${i}` })),
      ),
    );
    expect(tries.filter(Boolean)).toHaveLength(1);
    expect((await s.answersInThread('C1', '1.1')).length).toBe(1);
  });

  it('leases: a dead replica’s open work is taken over once; a live one’s stays; a clean stop hands it back', async () => {
    const { s: a, again } = await fresh();
    const b = await again();
    const c = await again();
    await a.heartbeat();
    await b.heartbeat();
    await c.heartbeat();
    for (let i = 0; i < 5; i++) await a.receiveEvent({ eventId: `EvA${i}`, kind: 'k', body: '{}' });
    await b.receiveEvent({ eventId: 'EvB', kind: 'k', body: '{}' });
    const kase = await a.openCase({ asker: 'U1', channel: 'C1', threadTs: '1.1', question: 'q', facts: {} });
    // everyone alive: nothing to take
    expect((await c.takeOver({ leaseMs: 60_000 })).events).toEqual([]);
    // a stops heartbeating: with a lease of 0 ms both b and c see it dead; each event goes to one of them
    await new Promise((r) => setTimeout(r, 5));
    await c.heartbeat();
    await b.heartbeat();
    const [tb, tc] = await Promise.all([b.takeOver({ leaseMs: 3 }), c.takeOver({ leaseMs: 3 })]);
    const taken = [...tb.events, ...tc.events].map((e) => e.event_id).sort();
    expect(taken).toEqual(['EvA0', 'EvA1', 'EvA2', 'EvA3', 'EvA4']);
    expect([...tb.cases, ...tc.cases]).toEqual([kase.id]);
    // only the new owner may answer it
    const owner = tb.events.some((e) => e.event_id === 'EvA0') ? b : c;
    expect(await a.recordAnswer(rec('late', { eventId: 'EvA0' }))).toBe(false);
    expect(await owner.recordAnswer(rec('mine', { eventId: 'EvA0' }))).toBe(true);
    // b stops cleanly: its open event has no owner, and the next sweep takes it at once
    expect(await b.release()).toBeGreaterThanOrEqual(1);
    const tc2 = await c.takeOver({ leaseMs: 60_000 });
    expect(tc2.events.map((e) => e.event_id)).toContain('EvB');
    // exclusive (one process on the database): everything not its own
    const d = await again();
    const td = await d.takeOver({ leaseMs: 60_000, exclusive: true });
    expect(td.events.length).toBeGreaterThan(0);
  });

  it('issue 17 on this engine: feedback reasons, assistant threads per workspace, the desk’s reads', async () => {
    const { s } = await fresh();
    await s.recordAnswer(rec('a1'));
    expect(
      await s.recordFeedbackReason({ answerId: 'a1', user: 'U1', reason: 'wrong_verdict', comment: ' no ' }),
    ).toBe(true);
    expect(await s.recordFeedbackReason({ answerId: 'nope', user: 'U1', reason: 'other' })).toBe(false);
    expect(await s.feedbackReasonsFor('a1')).toMatchObject([
      { answer_id: 'a1', user: 'U1', reason: 'wrong_verdict', comment: 'no', verdict: answer.verdict },
    ]);

    // the same channel and thread in two workspaces are two threads
    await s.startAssistantThread({ team: 'TA', channel: 'D1', threadTs: '1.1', user: 'U1', context: {} });
    expect(await s.assistantThread('D1', '1.1', 'TB')).toBeUndefined();
    expect(await s.saveAssistantContext('D1', '1.1', { channel_id: 'C9' }, 'TB')).toBe(false);
    expect(await s.saveAssistantContext('D1', '1.1', { channel_id: 'C9' }, 'TA')).toBe(true);
    expect(await s.assistantThread('D1', '1.1', 'TA')).toMatchObject({
      team: 'TA',
      titled: false,
      context: { channel_id: 'C9' },
    });
    expect(await s.claimAssistantTitle('D1', '1.1', 'TA')).toBe(true);
    expect(await s.claimAssistantTitle('D1', '1.1', 'TA')).toBe(false);
    expect(JSON.parse((await s.lastAnswerJsonOf('U1'))!)).toMatchObject({ language: answer.language });

    const c = await s.openCase({
      answerId: 'a1',
      asker: 'U1',
      channel: 'C1',
      threadTs: '1.1',
      question: 'q',
      facts: {},
    });
    await s.setCasePost(c.id, 'C2', '5.5');
    expect((await s.openCasesOldestFirst()).map((x) => x.id)).toEqual([c.id]);
    expect((await s.casesDueReminder('9999')).map((x) => x.id)).toEqual([c.id]);
    await s.addCaseEvent(c.id, 'reminded', null, 'x', '9999-01-01T00:00:00.000Z');
    expect(await s.casesDueReminder('9999')).toEqual([]);
    await s.claimCase(c.id, 'UA');
    expect((await s.casesClaimedBy('UA')).map((x) => x.id)).toEqual([c.id]);
    const f = await s.deskFigures({ since: '2000-01-01', until: '9999-01-01' });
    expect(f).toMatchObject({ questions: 1, escalations: 1, claimed: 1, closed: 0, openNow: 0 });
    expect(f.reasons.wrong_verdict).toBe(1);
    expect(f.verdicts[answer.verdict]).toBe(1);

    const later = new Date(Date.now() + 40 * 86_400_000);
    expect(await s.purge(30, { dryRun: true, now: later })).toMatchObject({ assistant_threads: 1 });
  });

  it('purges old conversations, keeps open cases, and a dry run changes nothing', async () => {
    const { s } = await fresh();
    await s.recordAnswer(rec('a1'));
    await s.recordAudit({ kind: 'corrected', actor: 'U9', answerId: 'a1', detail: '{"end_users":5}' });
    const c = await s.openCase({
      answerId: 'a1',
      asker: 'U1',
      channel: 'C1',
      threadTs: '1.1',
      question: 'q',
      facts: {},
    });
    const later = new Date(Date.now() + 40 * 86_400_000);
    const dry = await s.purge(30, { dryRun: true, now: later });
    expect(dry).toMatchObject({ answers: 0, threads: 1, audit_events: 1, cases: 0 });
    expect(await s.countRows('threads')).toBe(1);
    expect(await s.purge(30, { now: later })).toEqual(dry);
    expect(await s.countRows('threads')).toBe(0);
    expect((await s.getCase(c.id))?.status).toBe('open');
    expect(await s.purge(0)).toMatchObject({ answers: 0 });
  });

  it('reads the audit log’s rows and the corrections of answers', async () => {
    const { s } = await fresh();
    await s.recordAnswer(rec('a1'));
    await s.recordFeedback('a1', 'U2', true);
    await s.recordAudit({ kind: 'corrected', actor: 'U1', answerId: 'a1', detail: '{"end_users":5}' });
    await s.recordAudit({ kind: 'memo', actor: 'U2', answerId: 'a1' });
    const all = await s.auditRows({ since: '2000', until: '9999', user: null });
    expect([all.answers.length, all.votes.length, all.own.length]).toEqual([1, 1, 2]);
    const u2 = await s.auditRows({ since: '2000', until: '9999', user: 'U2' });
    expect([u2.answers.length, u2.votes.length, u2.own.length]).toEqual([0, 1, 1]);
    expect(await s.correctionDetails(['a1', 'zz'])).toEqual(['{"end_users":5}']);
    expect(await s.correctionDetails([])).toEqual([]);
  });
});

describe('readiness on PostgreSQL', () => {
  it('/readyz turns red when the database goes away, without waiting for an event', async () => {
    const { StoreHealth } = await import('../../bot/slack/inbox.js');
    const url = await pgServer!.database('gone');
    const s = await openStore({ dataDir: '.', databaseUrl: url });
    opened.push(s);
    const health = new StoreHealth(s);
    health.started = true;
    expect(await health.report()).toMatchObject({ ok: true, ready: true, store: 'ok' });
    const admin = new pg.Client({ connectionString: pgServer!.url() });
    await admin.connect();
    await admin.query(`DROP DATABASE ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
    await admin.end();
    // the next report after the probe interval probes, and fails
    (health as unknown as { lastProbe: number }).lastProbe = 0;
    const r = await health.report();
    expect(r).toMatchObject({ ok: false, ready: false, store: 'cannot_write' });
  });
});
