import { describe, expect, it } from 'vitest';
import { territorialScope } from '../../../guardrails/checks/territorial_scope.js';
import type { Facts } from '../../../guardrails/facts.js';

const situations: Array<{ name: string; facts: Facts; result: 'yes' | 'no'; used: string[] }> = [
  { name: 'Faroe Islands', facts: { territory: 'FO' }, result: 'no', used: ['territory'] },
  { name: 'Greenland', facts: { territory: 'GL' }, result: 'no', used: ['territory'] },
  { name: 'Denmark', facts: { territory: 'DK' }, result: 'yes', used: ['territory'] },
  { name: 'nothing said', facts: {}, result: 'yes', used: [] },
];

describe('territorial_scope (§ 19)', () => {
  it.each(situations)('$name → $result', ({ facts, result, used }) => {
    const t = territorialScope(facts, '2026-11-22');
    expect(t.result).toBe(result);
    expect(t.citations).toEqual(['§ 19']);
    expect(t.facts_used).toEqual(used);
  });

  it('says when Denmark is assumed', () => {
    const t = territorialScope({}, '2026-11-22');
    expect(t.detail.en).toMatch(/Denmark assumed/);
    expect(t.detail.da).toMatch(/Danmark antages/);
  });

  it('names the excluded territory', () => {
    expect(territorialScope({ territory: 'FO' }, '2026-11-22').detail.en).toContain('Faroe Islands');
    expect(territorialScope({ territory: 'GL' }, '2026-11-22').detail.da).toContain('Grønland');
  });
});
