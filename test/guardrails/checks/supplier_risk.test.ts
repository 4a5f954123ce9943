import { describe, expect, it } from 'vitest';
import { EMPTY_REGISTERS, supplierRisk } from '../../../guardrails/checks/supplier_risk.js';
import type { Facts } from '../../../guardrails/facts.js';
import { fakeRegisters } from '../fixtures/fake-registers.js';

const AS_OF = '2026-11-22';
const N1 = '§ 2, stk. 2, nr. 1';
const N2 = '§ 2, stk. 2, nr. 2';
const N3 = '§ 2, stk. 2, nr. 3';
const N4 = '§ 2, stk. 2, nr. 4';

const situations: Array<{
  name: string;
  facts: Facts;
  result: 'yes' | 'no' | 'unknown';
  factors: string[];
  sources?: Record<string, 'statement' | 'register'>;
}> = [
  {
    name: 'a Chinese supplier, country said',
    facts: { supplier_country: 'CN' },
    result: 'yes',
    factors: [N1, N2],
    sources: { [N1]: 'statement', [N2]: 'statement' },
  },
  {
    name: 'Hikvision by name only',
    facts: { supplier: 'Hikvision' },
    result: 'yes',
    factors: [N1, N2, N3],
    sources: { [N1]: 'register', [N2]: 'register', [N3]: 'register' },
  },
  {
    name: 'Hikvision and CN said',
    facts: { supplier: 'Hikvision', supplier_country: 'CN' },
    result: 'yes',
    factors: [N1, N2, N3],
    sources: { [N1]: 'statement', [N2]: 'statement', [N3]: 'register' },
  },
  { name: 'a Swedish supplier', facts: { supplier_country: 'SE' }, result: 'no', factors: [] },
  { name: 'Ericsson by name', facts: { supplier: 'Ericsson' }, result: 'no', factors: [] },
  {
    name: 'Nokia with Finland said',
    facts: { supplier: 'Nokia', supplier_country: 'FI' },
    result: 'no',
    factors: [],
  },
  {
    name: 'outside the circle, law cannot compel',
    facts: { supplier_country: 'CH' },
    result: 'yes',
    factors: [N1],
    sources: { [N1]: 'statement' },
  },
  {
    name: 'outside the circle, register does not know the law',
    facts: { supplier_country: 'XX' },
    result: 'yes',
    factors: [N1],
  },
  {
    name: 'harmful activity only from the register',
    facts: { supplier: 'Shady' },
    result: 'yes',
    factors: [N4],
    sources: { [N4]: 'register' },
  },
  { name: 'neither supplier nor country', facts: {}, result: 'unknown', factors: [] },
  {
    name: 'a supplier the register does not know, no country',
    facts: { supplier: 'Acme Networks' },
    result: 'unknown',
    factors: [],
  },
  {
    name: 'a country the register does not know',
    facts: { supplier_country: 'BR' },
    result: 'unknown',
    factors: [],
  },
];

describe('supplier_risk (§ 2, stk. 2, nr. 1-4)', () => {
  it.each(situations)('$name → $result $factors', ({ facts, result, factors, sources }) => {
    const t = supplierRisk(facts, AS_OF, fakeRegisters);
    expect(t.result).toBe(result);
    expect(t.factors).toEqual(factors);
    if (sources) expect(t.factor_sources).toEqual(sources);
    expect(t.citations).toEqual(factors.length ? factors : ['§ 2, stk. 2']);
  });

  it('asks for the country when nothing is known', () => {
    expect(supplierRisk({ supplier: 'Acme Networks' }, AS_OF, fakeRegisters).missing).toEqual([
      'supplier_country',
    ]);
    expect(supplierRisk({}, AS_OF, fakeRegisters).missing).toEqual(['supplier_country']);
  });

  it('says where a register claim comes from', () => {
    const t = supplierRisk({ supplier_country: 'CN' }, AS_OF, fakeRegisters);
    expect(t.detail.en).toContain('register: National Intelligence Law 2017, art. 7');
    expect(t.detail.da).toContain('registret');
  });

  it('without a register, no factor is invented', () => {
    const t = supplierRisk({ supplier: 'Hikvision', supplier_country: 'CN' }, AS_OF, EMPTY_REGISTERS);
    expect(t.result).toBe('unknown');
    expect(t.factors).toEqual([]);
  });
});
