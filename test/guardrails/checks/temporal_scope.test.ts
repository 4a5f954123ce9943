import { describe, expect, it } from 'vitest';
import { temporalScope } from '../../../guardrails/checks/temporal_scope.js';
import type { Facts } from '../../../guardrails/facts.js';

const S1 = '§ 17, stk. 1';
const S2 = '§ 17, stk. 2';
const S3 = '§ 17, stk. 3';

const situations: Array<{
  name: string;
  facts: Facts;
  asOf: string;
  result: 'yes' | 'no' | 'unknown';
  cites: string[];
  missing?: string[];
}> = [
  // 7 December 2020 (on the cut-off) and 6 December 2020 (the day before)
  {
    name: 'agreement of 7 Dec 2020, before 2026',
    facts: { agreement_status: 'existing', agreement_date: '2020-12-07' },
    asOf: '2025-06-01',
    result: 'yes',
    cites: [S2],
  },
  {
    name: 'agreement of 6 Dec 2020, before 2026',
    facts: { agreement_status: 'existing', agreement_date: '2020-12-06' },
    asOf: '2025-06-01',
    result: 'no',
    cites: [S2, S3],
  },
  {
    name: 'agreement of 7 Dec 2020, after 2026-01-01',
    facts: { agreement_status: 'existing', agreement_date: '2020-12-07' },
    asOf: '2026-11-22',
    result: 'yes',
    cites: [S2],
  },
  {
    name: 'agreement of 6 Dec 2020, after 2026-01-01',
    facts: { agreement_status: 'existing', agreement_date: '2020-12-06' },
    asOf: '2026-11-22',
    result: 'yes',
    cites: [S3],
  },
  {
    name: 'agreement of 6 Dec 2020 on 31 Dec 2025',
    facts: { agreement_status: 'existing', agreement_date: '2020-12-06' },
    asOf: '2025-12-31',
    result: 'no',
    cites: [S2, S3],
  },
  {
    name: 'agreement of 6 Dec 2020 on 1 Jan 2026',
    facts: { agreement_status: 'existing', agreement_date: '2020-12-06' },
    asOf: '2026-01-01',
    result: 'yes',
    cites: [S3],
  },
  // before the act entered into force
  {
    name: 'agreement of 7 Dec 2020 before entry into force',
    facts: { agreement_status: 'existing', agreement_date: '2020-12-07' },
    asOf: '2021-06-30',
    result: 'no',
    cites: [S1],
  },
  {
    name: 'agreement of 6 Dec 2020 before entry into force',
    facts: { agreement_status: 'existing', agreement_date: '2020-12-06' },
    asOf: '2021-06-30',
    result: 'no',
    cites: [S1],
  },
  {
    name: 'new agreement before entry into force',
    facts: { agreement_status: 'new' },
    asOf: '2021-06-30',
    result: 'no',
    cites: [S1],
  },
  {
    name: 'agreement of 7 Dec 2020 on the day of entry into force',
    facts: { agreement_status: 'existing', agreement_date: '2020-12-07' },
    asOf: '2021-07-01',
    result: 'yes',
    cites: [S2],
  },
  // planned agreements
  {
    name: 'new agreement while in force',
    facts: { agreement_status: 'new' },
    asOf: '2022-03-01',
    result: 'yes',
    cites: [S1, S2],
  },
  {
    name: 'new agreement with a planned date',
    facts: { agreement_status: 'new', agreement_date: '2027-01-15' },
    asOf: '2026-11-22',
    result: 'yes',
    cites: [S1, S2],
  },
  // existing, date unknown
  {
    name: 'existing, date unknown, before 2026',
    facts: { agreement_status: 'existing' },
    asOf: '2025-06-01',
    result: 'unknown',
    cites: [S2, S3],
    missing: ['agreement_date'],
  },
  {
    name: 'existing, date unknown, after 2026-01-01',
    facts: { agreement_status: 'existing' },
    asOf: '2026-11-22',
    result: 'yes',
    cites: [S2, S3],
  },
  // status unknown
  {
    name: 'nothing known, before 2026',
    facts: {},
    asOf: '2025-06-01',
    result: 'unknown',
    cites: [S2, S3],
    missing: ['agreement_date'],
  },
  { name: 'nothing known, after 2026-01-01', facts: {}, asOf: '2026-11-22', result: 'yes', cites: [S2, S3] },
  {
    name: 'a past date without status means an existing agreement (2019)',
    facts: { agreement_date: '2019-03-03' },
    asOf: '2025-06-01',
    result: 'no',
    cites: [S2, S3],
  },
  {
    name: 'a past date without status, after 2026-01-01',
    facts: { agreement_date: '2019-03-03' },
    asOf: '2026-11-22',
    result: 'yes',
    cites: [S3],
  },
  {
    name: 'a future date without status means a planned agreement',
    facts: { agreement_date: '2026-12-15' },
    asOf: '2026-11-22',
    result: 'yes',
    cites: [S1, S2],
  },
];

describe('temporal_scope (§ 17, stk. 1-3)', () => {
  it.each(situations)('$name ($asOf) → $result', ({ facts, asOf, result, cites, missing }) => {
    const t = temporalScope(facts, asOf);
    expect(t.result).toBe(result);
    expect(t.citations).toEqual(cites);
    expect(t.missing).toEqual(missing ?? []);
  });

  it('explains the 6 December 2020 agreement in plain dates', () => {
    const t = temporalScope({ agreement_status: 'existing', agreement_date: '2020-12-06' }, '2025-06-01');
    expect(t.detail.da).toContain('6. december 2020');
    expect(t.detail.da).toContain('1. januar 2026');
    expect(t.detail.en).toContain('7 December 2020');
    expect(t.facts_used).toEqual(['agreement_status', 'agreement_date']);
  });
});
