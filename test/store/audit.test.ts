/** The audit log: answers, votes, case history and recorded requests as CSV, by time and user; and retention. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditCommand } from '../../bot/cli/audit.js';
import { AUDIT_KINDS, auditCsv, auditEvents, csvField } from '../../bot/store/audit.js';
import { Store } from '../../bot/store/index.js';
import { SqliteStore } from '../../bot/store/sqlite.js';
import { answer } from './fixtures.js';

function seeded() {
  const dir = mkdtempSync(join(tmpdir(), 'audit-'));
  const s = Store.open(dir);
  const withProv = {
    ...answer,
    citations: [{ source: 'lov-1156-2021' as const, ref: '§ 1, nr. 3, litra a', quote: 'Udbyder af net, …' }],
    provenance: { knowledge: `sha256:${'a'.repeat(64)}`, rules: { version: '0.1.0', commit: 'abc1234' } },
  };
  s.recordAnswer({
    id: 'a1',
    channel: 'C1',
    threadTs: '1.1',
    user: 'U1',
    question: 'Er vi omfattet?',
    answer: withProv,
  });
  s.recordAnswer({
    id: 'a2',
    channel: 'C2',
    threadTs: '2.1',
    user: 'U2',
    question: 'Hvad med "kameraer", =1+1?',
    answer,
  });
  s.recordFeedback('a1', 'U1', false);
  const c = s.openCase({
    answerId: 'a1',
    asker: 'U1',
    channel: 'C1',
    threadTs: '1.1',
    question: 'Er vi omfattet?',
    facts: {},
  });
  s.setCasePost(c.id, 'C0ADVISE', '9.1');
  s.claimCase(c.id, 'UADV');
  s.resolveCase(c.id, 'UADV');
  s.recordAudit({
    kind: 'memo',
    actor: 'U1',
    channel: 'C1',
    threadTs: '1.1',
    answerId: 'a1',
    detail: 'notat-a1.pdf',
  });
  return { dir, s, caseId: c.id };
}

describe('audit log', () => {
  it('lists who asked where, what was answered, and who escalated, claimed, closed, voted and filed a memo', async () => {
    const { s, caseId } = seeded();
    const events = await auditEvents(new SqliteStore(s), { since: '2000-01-01' });
    // by time; what happened in the same millisecond (the vote and the escalation here, often) by kind
    const expected = [
      'answered',
      'answered',
      'feedback_not_helpful',
      'escalated',
      'case_posted',
      'claimed',
      'closed',
      'memo',
    ];
    expect([...events.map((e) => e.kind)].sort()).toEqual([...expected].sort());
    const key = (e: (typeof events)[number]) =>
      [e.at, AUDIT_KINDS.indexOf(e.kind as (typeof AUDIT_KINDS)[number])] as const;
    for (let i = 1; i < events.length; i++) {
      const [a, ka] = key(events[i - 1]!);
      const [b, kb] = key(events[i]!);
      expect(a < b || (a === b && ka <= kb), `${events[i - 1]!.kind} before ${events[i]!.kind}`).toBe(true);
    }
    const first = events[0]!;
    expect(first).toMatchObject({
      user: 'U1',
      channel: 'C1',
      thread_ts: '1.1',
      answer_id: 'a1',
      verdict: 'covered',
      refs: '§ 1, nr. 3, litra a',
      knowledge: `sha256:${'a'.repeat(64)}`,
    });
    expect(events.find((e) => e.kind === 'claimed')).toMatchObject({
      user: 'UADV',
      case_id: caseId,
      channel: 'C1',
    });
    expect(events.find((e) => e.kind === 'memo')).toMatchObject({
      user: 'U1',
      answer_id: 'a1',
      detail: 'notat-a1.pdf',
    });
    const mine = await auditEvents(new SqliteStore(s), { since: '2000-01-01', user: 'U1' });
    expect(new Set(mine.map((e) => e.user))).toEqual(new Set(['U1']));
    expect(mine.map((e) => e.kind)).toEqual(['answered', 'feedback_not_helpful', 'escalated', 'memo']);
    expect(await auditEvents(new SqliteStore(s), { since: '2999-01-01' })).toEqual([]);
    s.close();
  });

  it('writes CSV: a header, quoted fields, and formula-looking fields defused', async () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField(null)).toBe('');
    const { s } = seeded();
    const csv = auditCsv(await auditEvents(new SqliteStore(s), { since: '2000-01-01' }));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'at,kind,user,channel,thread_ts,answer_id,case_id,verdict,direct_answer,refs,knowledge,detail',
    );
    expect(lines).toHaveLength(9);
    expect(lines[1]).toMatch(
      /^\d{4}-\d\d-\d\dT[^,]+,answered,U1,C1,1\.1,a1,,covered,,"?§ 1, nr\. 3, litra a"?,sha256:a{64},$/,
    );
    s.close();
  });

  it('npm run audit: --since, --until, --user; bad flags exit 2', async () => {
    const { dir, s } = seeded();
    s.close();
    const env = { DATA_DIR: dir };
    const today = new Date().toISOString().slice(0, 10);
    const all = await auditCommand(['--since', today], env);
    expect(all.code).toBe(0);
    expect(all.stdout.trimEnd().split('\r\n')).toHaveLength(9);
    const u2 = await auditCommand(['--since', today, '--until', today, '--user', 'U2'], env);
    expect(u2.stdout.trimEnd().split('\r\n')).toHaveLength(2);
    expect(u2.stdout).toContain(',answered,U2,C2,2.1,a2,');
    expect(
      (await auditCommand(['--since', '2000-01-01', '--until', '2000-01-02'], env)).stdout
        .trimEnd()
        .split('\r\n'),
    ).toHaveLength(1);
    expect((await auditCommand([], env)).code).toBe(2);
    expect((await auditCommand(['--since', '2026-13-01'], env)).code).toBe(2);
    expect((await auditCommand(['--since', today, '--user', 'not a user'], env)).code).toBe(2);
  });

  it('is covered by the retention rule: purge removes its old records with the rest', async () => {
    const { s } = seeded();
    s.recordAudit({ kind: 'corrected', actor: 'U9', detail: 'end_users' }, '2020-01-01T00:00:00.000Z');
    const later = new Date(Date.now() + 400 * 86_400_000);
    const dry = s.purge(365, { now: later, dryRun: true });
    expect(dry.audit_events).toBe(2);
    const recent = s.purge(365);
    expect(recent.audit_events).toBe(1); // only the one from 2020
    expect(await auditEvents(new SqliteStore(s), { since: '2000-01-01', user: 'U9' })).toEqual([]);
    s.close();
  });
});
