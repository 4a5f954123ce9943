import { describe, expect, it } from 'vitest';
import { significantProvider } from '../../../guardrails/checks/significant_provider.js';
import type { Facts } from '../../../guardrails/facts.js';

const AS_OF = '2026-11-22';
const A = '§ 1, nr. 3, litra a';
const B = '§ 1, nr. 3, litra b';

// OpenFisca style: a situation, and what the law says about it.
const situations: Array<{
  name: string;
  facts: Facts;
  result: 'yes' | 'no' | 'unknown';
  cites: string[];
  missing?: string[];
}> = [
  // litra a boundary: strictly more than 50,000
  {
    name: '49,999 end users, no state agreements',
    facts: { organisation_type: 'telecom_provider', end_users: 49_999, state_end_users: 0 },
    result: 'no',
    cites: [A, B],
  },
  {
    name: 'exactly 50,000 end users, no state agreements',
    facts: { organisation_type: 'telecom_provider', end_users: 50_000, state_end_users: 0 },
    result: 'no',
    cites: [A, B],
  },
  {
    name: '50,001 end users',
    facts: { organisation_type: 'telecom_provider', end_users: 50_001 },
    result: 'yes',
    cites: [A],
  },
  // wholesale: extraction sums own and customers' end users
  { name: 'wholesale sum 32,000 + 21,000 = 53,000', facts: { end_users: 53_000 }, result: 'yes', cites: [A] },
  {
    name: 'wholesale sum 28,000 + 21,000 = 49,000, no state agreements',
    facts: { end_users: 49_000, state_end_users: 0 },
    result: 'no',
    cites: [A, B],
  },
  // litra b boundary: strictly more than 500
  {
    name: '3,200 end users, exactly 500 via state agreements',
    facts: { organisation_type: 'telecom_provider', end_users: 3_200, state_end_users: 500 },
    result: 'no',
    cites: [A, B],
  },
  {
    name: '7,000 end users, 501 via state agreements',
    facts: { organisation_type: 'telecom_provider', end_users: 7_000, state_end_users: 501 },
    result: 'yes',
    cites: [B],
  },
  {
    name: 'litra b alone decides when end users are unknown',
    facts: { state_end_users: 900 },
    result: 'yes',
    cites: [B],
  },
  {
    name: 'both litras hold',
    facts: { end_users: 60_000, state_end_users: 600 },
    result: 'yes',
    cites: [A, B],
  },
  // municipal and regional contracts do not count under litra b
  {
    name: 'provider with 2,500 municipal/regional end users (state_end_users 0)',
    facts: { organisation_type: 'telecom_provider', end_users: 18_000, state_end_users: 0 },
    result: 'no',
    cites: [A, B],
  },
  // radio and TV
  {
    name: 'local radio, 300,000 listeners, no public service, no state contracts',
    facts: {
      organisation_type: 'radio_tv',
      end_users: 300_000,
      nationwide_public_service: false,
      state_end_users: 0,
    },
    result: 'no',
    cites: [A, B],
  },
  {
    name: 'TV with nationwide public service, 1.2 million',
    facts: { organisation_type: 'radio_tv', end_users: 1_200_000, nationwide_public_service: true },
    result: 'yes',
    cites: [A],
  },
  {
    name: 'TV with nationwide public service, 40,000',
    facts: {
      organisation_type: 'radio_tv',
      end_users: 40_000,
      nationwide_public_service: true,
      state_end_users: 0,
    },
    result: 'no',
    cites: [A, B],
  },
  {
    name: 'radio without public service can still meet litra b',
    facts: { organisation_type: 'radio_tv', nationwide_public_service: false, state_end_users: 800 },
    result: 'yes',
    cites: [B],
  },
  {
    name: 'radio without public service, state agreements unknown',
    facts: { organisation_type: 'radio_tv', end_users: 300_000, nationwide_public_service: false },
    result: 'unknown',
    cites: [A, B],
    missing: ['state_end_users'],
  },
  // not providers at all
  {
    name: 'municipality with 60,000 inhabitants',
    facts: { organisation_type: 'municipality', end_users: 60_000 },
    result: 'no',
    cites: ['§ 1, nr. 3'],
  },
  { name: 'region', facts: { organisation_type: 'region' }, result: 'no', cites: ['§ 1, nr. 3'] },
  {
    name: 'state authority',
    facts: { organisation_type: 'state_authority' },
    result: 'no',
    cites: ['§ 1, nr. 3'],
  },
  {
    name: 'company buying for itself',
    facts: { organisation_type: 'company' },
    result: 'no',
    cites: ['§ 1, nr. 3'],
  },
  {
    name: 'hospital or shop (other)',
    facts: { organisation_type: 'other' },
    result: 'no',
    cites: ['§ 1, nr. 3'],
  },
  // undecided
  {
    name: 'telecom, no state agreements, end users unknown',
    facts: { organisation_type: 'telecom_provider', state_end_users: 0 },
    result: 'unknown',
    cites: [A, B],
    missing: ['end_users'],
  },
  { name: 'nothing known', facts: {}, result: 'unknown', cites: [A], missing: ['end_users'] },
  {
    name: 'below litra a, state agreements unknown',
    facts: { organisation_type: 'telecom_provider', end_users: 8_500 },
    result: 'unknown',
    cites: [A, B],
    missing: ['state_end_users'],
  },
];

describe('significant_provider (§ 1, nr. 3)', () => {
  it.each(situations)('$name → $result', ({ facts, result, cites, missing }) => {
    const t = significantProvider(facts, AS_OF);
    expect(t.id).toBe('significant_provider');
    expect(t.result).toBe(result);
    expect(t.citations).toEqual(cites);
    expect(t.missing).toEqual(missing ?? []);
    expect(t.detail.da.length).toBeGreaterThan(5);
    expect(t.detail.en.length).toBeGreaterThan(5);
  });

  it('says it plainly, with Danish and English number formats', () => {
    const t = significantProvider({ organisation_type: 'telecom_provider', end_users: 60_000 }, AS_OF);
    expect(t.detail).toEqual({
      da: '60.000 slutbrugere er mere end 50.000',
      en: '60,000 end users is more than 50,000',
    });
    expect(t.facts_used).toEqual(['end_users']);
  });

  it('explains exactly 50,000 as not more than 50,000', () => {
    const t = significantProvider({ end_users: 50_000, state_end_users: 0 }, AS_OF);
    expect(t.detail.en).toContain('50,000 end users is not more than 50,000');
    expect(t.detail.da).toContain('50.000 slutbrugere er ikke mere end 50.000');
    expect(t.facts_used).toEqual(['end_users', 'state_end_users']);
  });

  it('names the missing public service obligation for radio/TV', () => {
    const t = significantProvider(
      {
        organisation_type: 'radio_tv',
        end_users: 300_000,
        nationwide_public_service: false,
        state_end_users: 0,
      },
      AS_OF,
    );
    expect(t.detail.en).toContain('nationwide public service');
    expect(t.facts_used).toContain('nationwide_public_service');
  });

  it('says a municipality is not a provider of public networks', () => {
    const t = significantProvider({ organisation_type: 'municipality' }, AS_OF);
    expect(t.detail.en).toMatch(/municipality is not a provider/);
    expect(t.detail.da).toMatch(/kommune er ikke udbyder/);
  });
});
