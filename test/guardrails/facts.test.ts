import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACT_KEYS, type Facts, FactsSchema, mergeFacts } from '../../guardrails/facts.js';

describe('mergeFacts (facts carried over a thread)', () => {
  const table: Array<{ name: string; earlier: Facts; later: Facts; merged: Facts }> = [
    {
      name: 'a later turn adds what the first lacked',
      earlier: { organisation_type: 'telecom_provider', territory: 'DK' },
      later: { end_users: 72_000 },
      merged: { organisation_type: 'telecom_provider', territory: 'DK', end_users: 72_000 },
    },
    {
      name: 'a later turn overrides a corrected fact',
      earlier: { end_users: 40_000, agreement_date: '2019-03-03' },
      later: { end_users: 55_000 },
      merged: { end_users: 55_000, agreement_date: '2019-03-03' },
    },
    {
      name: 'false overrides true',
      earlier: { wants_human: true },
      later: { wants_human: false },
      merged: { wants_human: false },
    },
    {
      name: '0 overrides a number',
      earlier: { state_end_users: 700 },
      later: { state_end_users: 0 },
      merged: { state_end_users: 0 },
    },
    {
      name: 'nothing new keeps everything',
      earlier: { supplier: 'Nokia' },
      later: {},
      merged: { supplier: 'Nokia' },
    },
    {
      name: 'nothing before',
      earlier: {},
      later: { component: 'core_network' },
      merged: { component: 'core_network' },
    },
  ];
  it.each(table)('$name', ({ earlier, later, merged }) => {
    expect(mergeFacts(earlier, later)).toEqual(merged);
  });

  it('never invents a key, never drops one, and does not change its inputs', () => {
    const arb = fc.record(
      {
        end_users: fc.nat(),
        state_end_users: fc.nat(),
        supplier: fc.string({ minLength: 1, maxLength: 20 }),
        territory: fc.constantFrom('DK' as const, 'FO' as const, 'GL' as const),
        wants_human: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(arb, arb, (a: Facts, b: Facts) => {
        const [a0, b0] = [structuredClone(a), structuredClone(b)];
        const m = mergeFacts(a, b);
        expect(Object.keys(m).sort()).toEqual([...new Set([...Object.keys(a), ...Object.keys(b)])].sort());
        for (const k of Object.keys(m) as (keyof Facts)[])
          expect(m[k]).toEqual(b[k] !== undefined ? b[k] : a[k]);
        expect(a).toEqual(a0);
        expect(b).toEqual(b0);
        expect(FactsSchema.safeParse(m).success).toBe(true);
      }),
    );
  });

  it('ignores a key explicitly set to undefined in the later turn', () => {
    expect(mergeFacts({ end_users: 10 }, { end_users: undefined })).toEqual({ end_users: 10 });
  });

  it('knows exactly the contract fact keys', () => {
    expect([...FACT_KEYS].sort()).toEqual(
      [
        'agreement_date',
        'agreement_status',
        'component',
        'decision_date',
        'end_users',
        'nationwide_public_service',
        'organisation_type',
        'state_end_users',
        'supplier',
        'supplier_country',
        'territory',
        'wants_human',
      ].sort(),
    );
  });

  it('rejects an unknown fact with a message naming it', () => {
    const r = FactsSchema.safeParse({ end_users: 5, employees: 3 });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('employees');
  });
});
