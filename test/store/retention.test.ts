/** Retention: the purge of old conversations (RETENTION_DAYS, `npm run purge`). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../bot/store/index.js';
import { answer } from './fixtures.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

const open: Store[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** A database with old and recent conversations, cases in every state. */
function seeded() {
  const s = Store.open(mkdtempSync(join(tmpdir(), 'advisor-retention-')));
  open.push(s);
  const add = (id: string, thread: string, age: number) => {
    s.recordAnswer({
      id,
      channel: 'C1',
      threadTs: thread,
      user: 'U1',
      question: `q ${id}`,
      answer,
      eventId: `Ev_${id}`,
    });
    s.recordFeedback(id, 'U2', true);
    const t = daysAgo(age);
    s.db.prepare('UPDATE answers SET created_at = ? WHERE id = ?').run(t, id);
    s.db.prepare('UPDATE feedback SET created_at = ? WHERE answer_id = ?').run(t, id);
    s.db.prepare('UPDATE threads SET updated_at = ? WHERE thread_ts = ?').run(t, thread);
    s.db
      .prepare('UPDATE processed_events SET updated_at = ?, received_at = ? WHERE event_id = ?')
      .run(t, t, `Ev_${id}`);
  };
  add('old', '1.1', 400);
  add('recent', '2.1', 10);
  add('old_open_case', '3.1', 400);
  add('old_resolved_case', '4.1', 400);
  add('old_claimed_case', '5.1', 400);
  add('recent_resolved_case', '6.1', 400);
  const kase = (answerId: string, thread: string, status: 'open' | 'claimed' | 'resolved', age: number) => {
    const c = s.openCase({
      answerId,
      asker: 'U1',
      channel: 'C1',
      threadTs: thread,
      question: 'q',
      facts: {},
      answer,
    });
    if (status === 'claimed') s.claimCase(c.id, 'U9');
    if (status === 'resolved') s.resolveCase(c.id, 'U9');
    s.db
      .prepare('UPDATE cases SET created_at = ?, updated_at = ? WHERE id = ?')
      .run(daysAgo(age), daysAgo(age), c.id);
    return c.id;
  };
  const ids = {
    open: kase('old_open_case', '3.1', 'open', 400),
    resolvedOld: kase('old_resolved_case', '4.1', 'resolved', 400),
    claimed: kase('old_claimed_case', '5.1', 'claimed', 400),
    resolvedRecent: kase('recent_resolved_case', '6.1', 'resolved', 10),
  };
  return { s, ids };
}

const count = (s: Store, table: string) =>
  (s.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('purge', () => {
  it('deletes old conversations and old resolved cases with their history; keeps open and claimed cases', () => {
    const { s, ids } = seeded();
    const counts = s.purge(365, { now: NOW });
    expect(counts).toEqual({
      processed_events: 5,
      threads: 5,
      answers: 2, // 'old' and the answer of the old resolved case; answers cases still refer to stay
      feedback: 2,
      cases: 1,
      case_events: 2, // opened, resolved
      audit_events: 0,
      feedback_reasons: 0,
      assistant_threads: 0,
    });
    expect(s.getAnswer('old')).toBeUndefined();
    expect(s.getAnswer('old_resolved_case')).toBeUndefined();
    expect(s.getAnswer('recent')).toBeDefined();
    expect(s.getAnswer('old_open_case')).toBeDefined();
    expect(s.feedbackFor('old_open_case')).toHaveLength(1);
    expect(s.getCase(ids.resolvedOld)).toBeUndefined();
    expect(s.caseEvents(ids.resolvedOld)).toEqual([]);
    expect(s.getCase(ids.open)?.status).toBe('open');
    expect(s.getCase(ids.claimed)?.status).toBe('claimed');
    expect(s.getCase(ids.resolvedRecent)?.status).toBe('resolved');
    expect(s.getEvent('Ev_old')).toBeUndefined();
    expect(s.getEvent('Ev_recent')?.status).toBe('pending');
    expect(s.getThread('C1', '1.1')).toBeUndefined();
    expect(s.getThread('C1', '2.1')).toBeDefined();
    expect(s.db.pragma('foreign_key_check')).toEqual([]);
    // a second purge finds nothing more
    expect(Object.values(s.purge(365, { now: NOW })).every((n) => n === 0)).toBe(true);
  });

  it('a dry run reports the same counts and changes nothing', () => {
    const { s } = seeded();
    const before = ['processed_events', 'threads', 'answers', 'feedback', 'cases', 'case_events'].map((t) =>
      count(s, t),
    );
    const dry = s.purge(365, { now: NOW, dryRun: true });
    expect(dry.answers).toBe(2);
    expect(
      ['processed_events', 'threads', 'answers', 'feedback', 'cases', 'case_events'].map((t) => count(s, t)),
    ).toEqual(before);
    expect(s.purge(365, { now: NOW })).toEqual(dry);
  });

  it('0 days keeps everything; a shorter limit removes more', () => {
    const { s } = seeded();
    expect(Object.values(s.purge(0, { now: NOW })).every((n) => n === 0)).toBe(true);
    expect(count(s, 'answers')).toBe(6);
    // now 'recent' (10 days) goes too, and the case resolved 10 days ago with its answer
    expect(s.purge(5, { now: NOW })).toMatchObject({ answers: 4, cases: 2 });
    expect(() => s.purge(-1)).toThrow();
  });
});
