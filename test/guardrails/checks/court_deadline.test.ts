import { describe, expect, it } from 'vitest';
import { courtDeadline } from '../../../guardrails/checks/court_deadline.js';

const situations: Array<{ notified: string; asOf: string; deadline: string; result: 'yes' | 'no' }> = [
  { notified: '2026-01-31', asOf: '2026-07-31', deadline: '2026-07-31', result: 'yes' },
  { notified: '2026-01-31', asOf: '2026-08-01', deadline: '2026-07-31', result: 'no' },
  { notified: '2026-08-31', asOf: '2027-02-28', deadline: '2027-02-28', result: 'yes' },
  { notified: '2026-08-31', asOf: '2027-03-01', deadline: '2027-02-28', result: 'no' },
  { notified: '2027-08-31', asOf: '2028-02-29', deadline: '2028-02-29', result: 'yes' },
  { notified: '2027-08-31', asOf: '2028-03-01', deadline: '2028-02-29', result: 'no' },
  { notified: '2026-03-31', asOf: '2026-09-30', deadline: '2026-09-30', result: 'yes' },
  { notified: '2026-03-31', asOf: '2026-11-22', deadline: '2026-09-30', result: 'no' },
  { notified: '2026-05-30', asOf: '2026-11-22', deadline: '2026-11-30', result: 'yes' },
  { notified: '2026-05-30', asOf: '2026-12-01', deadline: '2026-11-30', result: 'no' },
  { notified: '2026-09-15', asOf: '2027-03-15', deadline: '2027-03-15', result: 'yes' },
  { notified: '2026-09-15', asOf: '2027-03-16', deadline: '2027-03-15', result: 'no' },
  { notified: '2026-07-10', asOf: '2026-07-10', deadline: '2027-01-10', result: 'yes' },
];

describe('court_deadline (§ 7, stk. 2)', () => {
  it.each(situations)(
    'notified $notified, on $asOf: deadline $deadline → $result',
    ({ notified, asOf, deadline, result }) => {
      const t = courtDeadline({ decision_date: notified }, asOf);
      expect(t.result).toBe(result);
      expect(t.deadline).toBe(deadline);
      expect(t.citations).toEqual(['§ 7, stk. 1', '§ 7, stk. 2']);
      expect(t.facts_used).toEqual(['decision_date']);
    },
  );

  it('past the deadline, says the court may exceptionally allow a later case, in both languages', () => {
    const t = courtDeadline({ decision_date: '2026-03-31' }, '2026-11-22');
    expect(t.detail.da).toMatch(/Københavns Byret kan dog undtagelsesvis tillade/);
    expect(t.detail.en).toMatch(/Københavns Byret.*may exceptionally allow/);
    expect(t.detail.da).toContain('30. september 2026');
  });

  it('within the deadline, names the court and the last day', () => {
    const t = courtDeadline({ decision_date: '2026-05-30' }, '2026-11-22');
    expect(t.detail.en).toContain('Københavns Byret');
    expect(t.detail.en).toContain('30 November 2026');
  });

  it('asks for the date of notification when it is not known', () => {
    const t = courtDeadline({}, '2026-11-22');
    expect(t).toMatchObject({ result: 'unknown', missing: ['decision_date'] });
    expect(t.deadline).toBeUndefined();
  });
});
