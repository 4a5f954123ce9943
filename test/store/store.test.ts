import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../bot/store/db.js';
import { boundTurns, MAX_THREAD_CHARS, MAX_TURNS, parseAnswer, Store } from '../../bot/store/index.js';
import type { Answer } from '../../guardrails/contract.js';
import { answer } from './fixtures.js';

const open: Store[] = [];
function fresh(dir = mkdtempSync(join(tmpdir(), 'advisor-store-'))) {
  const s = Store.open(dir);
  open.push(s);
  return { s, dir };
}
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

describe('store', () => {
  it('creates the schema at the newest user_version in WAL mode, and reopening keeps everything', () => {
    const { s, dir } = fresh();
    expect(s.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    s.recordAnswer({
      id: 'a1',
      channel: 'C1',
      threadTs: '1.1',
      user: 'U1',
      question: 'q',
      answer,
      eventId: 'Ev1',
    });
    s.close();
    const again = fresh(dir).s;
    expect(again.getAnswer('a1')?.answer.verdict).toBe('covered');
    expect(again.getEvent('Ev1')?.status).toBe('pending');
    expect(again.threadContext('C1', '1.1')).toEqual({ facts: answer.facts, turns: ['q'] });
  });

  it('records an event id once: a second answer for the same event writes nothing', () => {
    const { s } = fresh();
    expect(
      s.recordAnswer({
        id: 'a1',
        channel: 'C1',
        threadTs: '1.1',
        user: 'U1',
        question: 'q',
        answer,
        eventId: 'Ev1',
      }),
    ).toBe(true);
    expect(
      s.recordAnswer({
        id: 'a2',
        channel: 'C1',
        threadTs: '1.1',
        user: 'U1',
        question: 'q2',
        answer,
        eventId: 'Ev1',
      }),
    ).toBe(false);
    expect(s.getAnswer('a2')).toBeUndefined();
    expect(s.threadContext('C1', '1.1').turns).toEqual(['q']);
    s.markAnswerPosted('a1', '2.2', 'Ev1');
    expect(s.getEvent('Ev1')?.status).toBe('answered');
    expect(s.claimEvent({ eventId: 'Ev1', kind: 'x', status: 'ignored' })).toBe(false);
  });

  it('keeps the last turns of a thread and the latest facts', () => {
    const { s } = fresh();
    for (let i = 0; i < MAX_TURNS + 5; i++) {
      s.recordAnswer({
        id: `a${i}`,
        channel: 'C1',
        threadTs: '1.1',
        user: 'U1',
        question: `turn ${i}`,
        answer: { ...answer, facts: { end_users: i } },
      });
    }
    const t = s.threadContext('C1', '1.1');
    expect(t.turns).toHaveLength(MAX_TURNS);
    expect(t.turns.at(-1)).toBe(`turn ${MAX_TURNS + 4}`);
    expect(t.facts).toEqual({ end_users: MAX_TURNS + 4 });
  });

  it('keeps at most MAX_THREAD_CHARS of a thread, newest first, however long its turns', () => {
    const { s } = fresh();
    for (let i = 0; i < 20; i++) {
      s.recordAnswer({
        id: `b${i}`,
        channel: 'C2',
        threadTs: '1.1',
        user: 'U1',
        question: `${i} `.padEnd(3_000, '9'),
        answer,
      });
    }
    const t = s.threadContext('C2', '1.1');
    expect(t.turns.join('').length).toBeLessThanOrEqual(MAX_THREAD_CHARS);
    expect(t.turns).toHaveLength(1);
    expect(t.turns[0]!.startsWith('19 ')).toBe(true);
    expect(boundTurns(['a', 'bb', 'ccc'], 2, 100)).toEqual(['bb', 'ccc']);
    expect(boundTurns(['a', 'bb', 'ccc'], 10, 5)).toEqual(['bb', 'ccc']);
    expect(boundTurns(['x'.repeat(10)], 10, 4)).toEqual(['xxxx']);
  });

  it('refuses bad input without touching stored data', () => {
    const { s } = fresh();
    s.recordAnswer({
      id: 'a1',
      channel: 'C1',
      threadTs: '1.1',
      user: 'U1',
      question: 'q',
      answer,
      eventId: 'Ev1',
    });
    const bad = { ...answer, verdict: 'maybe' } as unknown as Answer;
    expect(() =>
      s.recordAnswer({ id: 'a1', channel: 'C1', threadTs: '1.1', user: 'U1', question: 'q', answer: bad }),
    ).toThrow();
    // a duplicate id fails inside the transaction: the event and the thread are rolled back with it
    expect(() =>
      s.recordAnswer({
        id: 'a1',
        channel: 'C9',
        threadTs: '9.9',
        user: 'U1',
        question: 'q',
        answer,
        eventId: 'Ev2',
      }),
    ).toThrow();
    expect(s.getEvent('Ev2')).toBeUndefined();
    expect(s.getThread('C9', '9.9')).toBeUndefined();
    expect(() =>
      s.openCase({ asker: 'U1', channel: 'C1', threadTs: '1.1', question: 'q', facts: { end_users: -3 } }),
    ).toThrow();
    expect(s.openCasesFor('U1')).toEqual([]);
    expect(s.recordFeedback('nope', 'U1', true)).toBe(false);
    expect(s.getAnswer('a1')?.question).toBe('q');
    expect(s.threadContext('C1', '1.1').turns).toEqual(['q']);
  });

  it('reports a corrupted row as absent and leaves it in place', () => {
    const bad: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'advisor-store-'));
    const s = new Store(Store.open(dir).db, (why) => bad.push(why));
    open.push(s);
    s.recordAnswer({ id: 'a1', channel: 'C1', threadTs: '1.1', user: 'U1', question: 'q', answer });
    s.db.prepare(`UPDATE answers SET answer = '{"not":"an answer"}' WHERE id = 'a1'`).run();
    s.db.prepare(`UPDATE threads SET facts = 'garbage'`).run();
    expect(s.getAnswer('a1')).toBeUndefined();
    expect(s.threadContext('C1', '1.1')).toEqual({ facts: {}, turns: [] });
    expect(bad.length).toBeGreaterThan(0);
    expect(s.db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 1 });
  });

  it('stores feedback with the answer, one vote per person (the latest counts)', () => {
    const { s } = fresh();
    s.recordAnswer({ id: 'a1', channel: 'C1', threadTs: '1.1', user: 'U1', question: 'q', answer });
    expect(s.recordFeedback('a1', 'U1', true)).toBe(true);
    expect(s.recordFeedback('a1', 'U2', false)).toBe(true);
    expect(s.recordFeedback('a1', 'U1', false)).toBe(true);
    expect(
      s
        .feedbackFor('a1')
        .map((f) => [f.user, f.helpful])
        .sort(),
    ).toEqual([
      ['U1', false],
      ['U2', false],
    ]);
  });

  it('moves a case open → claimed → resolved with its history, and refuses invalid moves', () => {
    const { s, dir } = fresh();
    s.recordAnswer({ id: 'a1', channel: 'C1', threadTs: '1.1', user: 'U1', question: 'q', answer });
    const c = s.openCase({
      answerId: 'a1',
      asker: 'U1',
      channel: 'C1',
      threadTs: '1.1',
      question: 'q',
      facts: answer.facts,
      answer,
    });
    expect(c.status).toBe('open');
    s.setCasePost(c.id, 'C2', '5.5', 'https://slack.com/archives/C1/p11');
    expect(s.caseByAdviserPost('C2', '5.5')?.id).toBe(c.id);
    expect(s.activeCaseForThread('C1', '1.1')?.id).toBe(c.id);
    expect(s.claimCase(c.id, 'UA')).toMatchObject({
      ok: true,
      case: { status: 'claimed', claimed_by: 'UA' },
    });
    expect(s.claimCase(c.id, 'UB')).toMatchObject({ ok: false, reason: 'claimed_by_other' });
    expect(s.claimCase(999, 'UB')).toMatchObject({ ok: false, reason: 'unknown_case' });
    s.addCaseEvent(c.id, 'relayed', 'UA', 'svar');
    s.close();
    const s2 = fresh(dir).s;
    expect(s2.resolveCase(c.id, 'UA')).toMatchObject({ ok: true, case: { status: 'resolved' } });
    expect(s2.resolveCase(c.id, 'UA')).toMatchObject({ ok: false, reason: 'already_resolved' });
    expect(s2.caseEvents(c.id).map((e) => e.kind)).toEqual([
      'opened',
      'posted',
      'claimed',
      'relayed',
      'resolved',
    ]);
    expect(s2.openCasesFor('U1')).toEqual([]);
    expect(s2.activeCaseForThread('C1', '1.1')).toBeUndefined();
  });

  it('refuses a database from a newer program version instead of damaging it', () => {
    const { s, dir } = fresh();
    s.db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    s.close();
    expect(() => Store.open(dir)).toThrow(/newer/);
  });

  it('takes an answer validated once by parseAnswer as it is, and still refuses an invalid one', () => {
    const { s } = fresh();
    const ok = parseAnswer(answer);
    expect(ok.success).toBe(true);
    if (!ok.success) return;
    expect(
      s.recordAnswer({
        id: 'p1',
        channel: 'C1',
        threadTs: '1.1',
        user: 'U1',
        question: 'q',
        answer: ok.data,
      }),
    ).toBe(true);
    expect(s.getAnswer('p1')?.answer).toEqual(ok.data);
    const bad = parseAnswer({ ...answer, verdict: 'maybe' });
    expect(bad.success).toBe(false);
    expect(() =>
      s.recordAnswer({
        id: 'p2',
        channel: 'C1',
        threadTs: '1.1',
        user: 'U1',
        question: 'q',
        answer: { ...answer, verdict: 'maybe' } as unknown as Answer,
      }),
    ).toThrow();
  });
});
