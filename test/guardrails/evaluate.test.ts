import { describe, expect, it } from 'vitest';
import type { CheckTrace } from '../../guardrails/checks/types.js';
import { type CheckId, CheckSchema, type Topic } from '../../guardrails/contract.js';
import {
  checksFor,
  deriveVerdict,
  EvaluateError,
  evaluate,
  safeEvaluate,
  toContractCheck,
} from '../../guardrails/evaluate.js';
import type { Facts } from '../../guardrails/facts.js';
import { fakeRegisters } from './fixtures/fake-registers.js';

const AS_OF = '2026-11-22';
const opts = { registers: fakeRegisters };
const ids = (topic: Topic, facts: Facts) => evaluate(topic, facts, AS_OF, opts).checks.map((c) => c.id);

describe('which checks run per topic', () => {
  const cases: Array<{ topic: Topic; facts: Facts; checks: CheckId[] }> = [
    {
      topic: 'provider_status',
      facts: { end_users: 60_000 },
      checks: ['significant_provider', 'territorial_scope'],
    },
    {
      topic: 'provider_status',
      facts: { end_users: 60_000, supplier: 'Ericsson' },
      checks: ['significant_provider', 'territorial_scope', 'supplier_risk'],
    },
    {
      topic: 'provider_status',
      facts: { supplier_country: 'CN' },
      checks: ['significant_provider', 'territorial_scope', 'supplier_risk'],
    },
    {
      topic: 'agreement',
      facts: {},
      checks: [
        'significant_provider',
        'critical_component',
        'temporal_scope',
        'territorial_scope',
        'supplier_risk',
      ],
    },
    {
      topic: 'equipment_purchase',
      facts: { component: 'surveillance_camera' },
      checks: [
        'significant_provider',
        'critical_component',
        'temporal_scope',
        'territorial_scope',
        'supplier_risk',
      ],
    },
    { topic: 'procedure', facts: { decision_date: '2026-05-30' }, checks: ['court_deadline'] },
    { topic: 'procedure', facts: {}, checks: [] },
    { topic: 'guidance', facts: { component: 'surveillance_camera', supplier: 'Hikvision' }, checks: [] },
    { topic: 'out_of_scope', facts: { end_users: 60_000 }, checks: [] },
    {
      topic: 'escalation_request',
      facts: { wants_human: true, end_users: 2_000_000, component: 'backbone_router', supplier: 'ZTE' },
      checks: [
        'significant_provider',
        'critical_component',
        'temporal_scope',
        'territorial_scope',
        'supplier_risk',
      ],
    },
    { topic: 'escalation_request', facts: { wants_human: true, supplier_country: 'CN' }, checks: [] },
    {
      topic: 'escalation_request',
      facts: { wants_human: true, end_users: 70_000 },
      checks: ['significant_provider', 'territorial_scope'],
    },
    { topic: 'escalation_request', facts: { wants_human: true, agreement_status: 'new' }, checks: [] },
  ];
  it.each(cases)('$topic with $facts → $checks', ({ topic, facts, checks }) => {
    expect(ids(topic, facts)).toEqual(checks);
    expect(checksFor(topic, facts)).toEqual(checks);
  });
});

// Situations by facts (as extraction would give them) and the outcome the answer contract requires.
const situations: Array<{
  name: string;
  topic: Topic;
  facts: Facts;
  asOf?: string;
  verdict: string;
  escalation: string;
  missing?: string[];
}> = [
  {
    name: 'provider at exactly 50,000, no state agreements',
    topic: 'provider_status',
    facts: { organisation_type: 'telecom_provider', end_users: 50_000, state_end_users: 0 },
    verdict: 'not_covered',
    escalation: 'none',
  },
  {
    name: 'provider at 50,001',
    topic: 'provider_status',
    facts: { end_users: 50_001 },
    verdict: 'covered',
    escalation: 'none',
  },
  {
    name: 'provider in the Faroe Islands, large',
    topic: 'provider_status',
    facts: { end_users: 60_000, territory: 'FO' },
    verdict: 'not_covered',
    escalation: 'none',
  },
  {
    name: 'provider in Greenland',
    topic: 'provider_status',
    facts: { territory: 'GL' },
    verdict: 'not_covered',
    escalation: 'none',
  },
  {
    name: 'provider, size unknown, no state agreements',
    topic: 'provider_status',
    facts: { organisation_type: 'telecom_provider', state_end_users: 0 },
    verdict: 'needs_facts',
    escalation: 'none',
    missing: ['end_users'],
  },
  {
    name: 'municipality',
    topic: 'provider_status',
    facts: { organisation_type: 'municipality' },
    verdict: 'not_covered',
    escalation: 'none',
  },
  {
    name: 'core network, new, Sweden',
    topic: 'agreement',
    facts: {
      end_users: 1_800_000,
      component: 'core_network',
      agreement_status: 'new',
      supplier_country: 'SE',
    },
    verdict: 'covered',
    escalation: 'none',
  },
  {
    name: 'RAN control from China, new',
    topic: 'agreement',
    facts: {
      end_users: 1_100_000,
      component: 'ran_control',
      supplier_country: 'CN',
      agreement_status: 'new',
    },
    verdict: 'covered',
    escalation: 'offered',
  },
  {
    name: 'home routers from Germany',
    topic: 'agreement',
    facts: { end_users: 250_000, component: 'customer_equipment', supplier_country: 'DE' },
    verdict: 'not_covered',
    escalation: 'none',
  },
  {
    name: 'handsets from China: act does not apply, no offer',
    topic: 'agreement',
    facts: { end_users: 2_000_000, component: 'customer_equipment', supplier_country: 'CN' },
    verdict: 'not_covered',
    escalation: 'none',
  },
  {
    name: '2019 core operation agreement in mid-2025',
    topic: 'agreement',
    facts: {
      end_users: 900_000,
      component: 'operations_service',
      agreement_date: '2019-05-15',
      agreement_status: 'existing',
    },
    asOf: '2025-06-01',
    verdict: 'not_covered',
    escalation: 'none',
  },
  {
    name: '2019 RAN agreement late 2026',
    topic: 'agreement',
    facts: {
      end_users: 900_000,
      component: 'ran_control',
      agreement_date: '2019-05-15',
      agreement_status: 'existing',
    },
    verdict: 'covered',
    escalation: 'none',
  },
  {
    name: 'existing core agreement, date unknown, mid-2025',
    topic: 'agreement',
    facts: { end_users: 1_500_000, component: 'core_network', agreement_status: 'existing' },
    asOf: '2025-06-01',
    verdict: 'needs_facts',
    escalation: 'none',
    missing: ['agreement_date'],
  },
  {
    name: 'component unknown, Chinese supplier',
    topic: 'agreement',
    facts: { end_users: 800_000, supplier_country: 'CN', agreement_status: 'new' },
    verdict: 'needs_facts',
    escalation: 'none',
    missing: ['component'],
  },
  {
    name: 'two things unknown: both asked',
    topic: 'agreement',
    facts: { agreement_status: 'existing' },
    asOf: '2025-06-01',
    verdict: 'needs_facts',
    escalation: 'none',
    missing: ['end_users', 'component', 'agreement_date'],
  },
  {
    name: 'small provider, component unknown: not covered all the same',
    topic: 'agreement',
    facts: { end_users: 8_500, state_end_users: 0, agreement_status: 'new' },
    verdict: 'not_covered',
    escalation: 'none',
  },
  {
    name: 'anything before 1 July 2021',
    topic: 'agreement',
    facts: { end_users: 900_000, component: 'core_network', agreement_status: 'new' },
    asOf: '2021-06-30',
    verdict: 'not_covered',
    escalation: 'none',
  },
  // surveillance cameras: FE's guidance urges care whether or not the act applies
  {
    name: 'municipality buying Hikvision cameras',
    topic: 'equipment_purchase',
    facts: { organisation_type: 'municipality', component: 'surveillance_camera', supplier: 'Hikvision' },
    verdict: 'not_covered',
    escalation: 'offered',
  },
  {
    name: 'large operator buying Hikvision cameras',
    topic: 'equipment_purchase',
    facts: { end_users: 3_000_000, component: 'surveillance_camera', supplier: 'Hikvision' },
    verdict: 'not_covered',
    escalation: 'offered',
  },
  {
    name: 'region buying Swedish cameras',
    topic: 'equipment_purchase',
    facts: { organisation_type: 'region', component: 'surveillance_camera', supplier_country: 'SE' },
    verdict: 'not_covered',
    escalation: 'none',
  },
  {
    name: 'cameras, supplier unknown',
    topic: 'equipment_purchase',
    facts: { organisation_type: 'municipality', component: 'surveillance_camera' },
    verdict: 'not_covered',
    escalation: 'none',
  },
  // the rest
  {
    name: 'court deadline question',
    topic: 'procedure',
    facts: { decision_date: '2026-05-30' },
    verdict: 'informational',
    escalation: 'none',
  },
  { name: 'appeal question', topic: 'procedure', facts: {}, verdict: 'informational', escalation: 'none' },
  { name: 'guidance question', topic: 'guidance', facts: {}, verdict: 'informational', escalation: 'none' },
  { name: 'VAT', topic: 'out_of_scope', facts: {}, verdict: 'out_of_scope', escalation: 'none' },
  {
    name: 'asks for a human, nothing else',
    topic: 'escalation_request',
    facts: { wants_human: true },
    verdict: 'informational',
    escalation: 'required',
  },
  {
    name: 'asks for a human about backbone routers from ZTE',
    topic: 'escalation_request',
    facts: {
      wants_human: true,
      end_users: 2_000_000,
      component: 'backbone_router',
      supplier: 'ZTE',
      agreement_status: 'new',
    },
    verdict: 'covered',
    escalation: 'required',
  },
  {
    name: 'asks for a human about a small provider',
    topic: 'escalation_request',
    facts: { wants_human: true, end_users: 8_000, state_end_users: 0 },
    verdict: 'not_covered',
    escalation: 'required',
  },
  {
    name: 'wants a human on an agreement topic',
    topic: 'agreement',
    facts: { wants_human: true, end_users: 2_000_000, component: 'backbone_router' },
    verdict: 'covered',
    escalation: 'required',
  },
  {
    name: 'wants_human false is not a request',
    topic: 'guidance',
    facts: { wants_human: false },
    verdict: 'informational',
    escalation: 'none',
  },
];

describe('evaluate: verdict, escalation, missing facts', () => {
  it.each(situations)(
    '$name → $verdict / $escalation',
    ({ topic, facts, asOf, verdict, escalation, missing }) => {
      const ev = evaluate(topic, facts, asOf ?? AS_OF, opts);
      expect(ev.verdict).toBe(verdict);
      expect(ev.escalation).toBe(escalation);
      expect(ev.missing_facts).toEqual(missing ?? []);
      expect(ev.applies).toBe(verdict === 'covered');
      expect(deriveVerdict(topic, ev.checks)).toBe(ev.verdict);
    },
  );

  it('supplier_risk never decides the verdict', () => {
    const base: Facts = { end_users: 1_000_000, component: 'core_network', agreement_status: 'new' };
    expect(evaluate('agreement', { ...base, supplier_country: 'CN' }, AS_OF, opts).verdict).toBe('covered');
    expect(evaluate('agreement', { ...base, supplier_country: 'SE' }, AS_OF, opts).verdict).toBe('covered');
    expect(evaluate('agreement', base, AS_OF, opts).verdict).toBe('covered');
  });

  it('a caller that knows the guidance warns can offer escalation for cameras', () => {
    const facts: Facts = {
      organisation_type: 'municipality',
      component: 'surveillance_camera',
      supplier: 'Unknown Cam Co',
    };
    expect(evaluate('equipment_purchase', facts, AS_OF, opts).escalation).toBe('none');
    expect(evaluate('equipment_purchase', facts, AS_OF, { ...opts, guidanceWarns: true }).escalation).toBe(
      'offered',
    );
  });

  it('the act applying with a risk factor offers escalation, also for provider status', () => {
    expect(
      evaluate('provider_status', { end_users: 70_000, supplier_country: 'CN' }, AS_OF, opts).escalation,
    ).toBe('offered');
    expect(
      evaluate(
        'provider_status',
        { end_users: 7_000, state_end_users: 0, supplier_country: 'CN' },
        AS_OF,
        opts,
      ).escalation,
    ).toBe('none');
  });
});

describe('deriveVerdict from traces alone', () => {
  const t = (id: CheckId, result: 'yes' | 'no' | 'unknown'): CheckTrace => ({
    id,
    result,
    citations: [],
    facts_used: [],
    missing: result === 'unknown' ? ['end_users'] : [],
    detail: { da: 'x', en: 'x' },
  });
  const four = (r: Partial<Record<CheckId, 'yes' | 'no' | 'unknown'>>) =>
    (['significant_provider', 'critical_component', 'temporal_scope', 'territorial_scope'] as const).map(
      (id) => t(id, r[id] ?? 'yes'),
    );
  const table: Array<{ topic: Topic; checks: CheckTrace[]; verdict: string }> = [
    {
      topic: 'provider_status',
      checks: [t('significant_provider', 'yes'), t('territorial_scope', 'yes')],
      verdict: 'covered',
    },
    {
      topic: 'provider_status',
      checks: [t('significant_provider', 'unknown'), t('territorial_scope', 'no')],
      verdict: 'not_covered',
    },
    {
      topic: 'provider_status',
      checks: [t('significant_provider', 'unknown'), t('territorial_scope', 'yes')],
      verdict: 'needs_facts',
    },
    { topic: 'provider_status', checks: [t('territorial_scope', 'yes')], verdict: 'needs_facts' },
    { topic: 'agreement', checks: four({}), verdict: 'covered' },
    { topic: 'agreement', checks: [...four({}), t('supplier_risk', 'no')], verdict: 'covered' },
    { topic: 'agreement', checks: four({ temporal_scope: 'no' }), verdict: 'not_covered' },
    {
      topic: 'agreement',
      checks: four({ critical_component: 'unknown', significant_provider: 'no' }),
      verdict: 'not_covered',
    },
    { topic: 'equipment_purchase', checks: four({ critical_component: 'unknown' }), verdict: 'needs_facts' },
    { topic: 'equipment_purchase', checks: four({}).slice(0, 3), verdict: 'needs_facts' },
    { topic: 'procedure', checks: [t('court_deadline', 'no')], verdict: 'informational' },
    { topic: 'guidance', checks: [], verdict: 'informational' },
    { topic: 'out_of_scope', checks: [], verdict: 'out_of_scope' },
    { topic: 'escalation_request', checks: [], verdict: 'informational' },
    { topic: 'escalation_request', checks: four({ critical_component: 'no' }), verdict: 'not_covered' },
    {
      topic: 'escalation_request',
      checks: [t('significant_provider', 'yes'), t('territorial_scope', 'yes')],
      verdict: 'covered',
    },
  ];
  it.each(table)('$topic → $verdict', ({ topic, checks, verdict }) => {
    expect(deriveVerdict(topic, checks)).toBe(verdict);
  });
});

describe('toContractCheck', () => {
  it('gives the contract shape in the asked language', () => {
    const ev = evaluate(
      'agreement',
      { end_users: 60_000, component: 'core_network', supplier_country: 'CN', agreement_status: 'new' },
      AS_OF,
      opts,
    );
    for (const lang of ['da', 'en'] as const) {
      for (const c of ev.checks.map((x) => toContractCheck(x, lang)))
        expect(CheckSchema.safeParse(c).success).toBe(true);
    }
    const sp = toContractCheck(ev.checks[0]!, 'en');
    expect(sp).toEqual({
      id: 'significant_provider',
      result: 'yes',
      citations: ['§ 1, nr. 3, litra a'],
      detail: '60,000 end users is more than 50,000',
    });
    const risk = toContractCheck(ev.checks.find((c) => c.id === 'supplier_risk')!, 'da');
    expect(risk.factors).toEqual(['§ 2, stk. 2, nr. 1', '§ 2, stk. 2, nr. 2']);
    expect(Object.keys(risk)).not.toContain('deadline');
  });

  it('carries the court deadline', () => {
    const ev = evaluate('procedure', { decision_date: '2026-08-31' }, AS_OF, opts);
    expect(toContractCheck(ev.checks[0]!, 'en').deadline).toBe('2027-02-28');
  });

  it('lists an empty factor list when supplier_risk found none', () => {
    const ev = evaluate('agreement', { supplier_country: 'SE' }, AS_OF, opts);
    expect(toContractCheck(ev.checks.find((c) => c.id === 'supplier_risk')!, 'en').factors).toEqual([]);
  });
});

describe("with the project's register (knowledge/registers)", () => {
  const real: Array<{
    name: string;
    topic: Topic;
    facts: Facts;
    verdict: string;
    escalation: string;
    factors: string[];
  }> = [
    {
      name: 'municipality buying Hikvision cameras',
      topic: 'equipment_purchase',
      facts: { organisation_type: 'municipality', component: 'surveillance_camera', supplier: 'Hikvision' },
      verdict: 'not_covered',
      escalation: 'offered',
      factors: ['§ 2, stk. 2, nr. 1', '§ 2, stk. 2, nr. 2'],
    },
    {
      name: 'region buying Swedish cameras',
      topic: 'equipment_purchase',
      facts: { organisation_type: 'region', component: 'surveillance_camera', supplier_country: 'SE' },
      verdict: 'not_covered',
      escalation: 'none',
      factors: [],
    },
    {
      name: 'RAN control units from Huawei',
      topic: 'agreement',
      facts: { end_users: 1_100_000, component: 'ran_control', supplier: 'Huawei', agreement_status: 'new' },
      verdict: 'covered',
      escalation: 'offered',
      factors: ['§ 2, stk. 2, nr. 2'],
    },
    {
      name: 'core network from Ericsson',
      topic: 'agreement',
      facts: {
        end_users: 1_800_000,
        component: 'core_network',
        supplier: 'Ericsson',
        agreement_status: 'new',
      },
      verdict: 'covered',
      escalation: 'none',
      factors: [],
    },
  ];
  it.each(real)('$name → $verdict / $escalation', ({ topic, facts, verdict, escalation, factors }) => {
    const ev = evaluate(topic, facts, AS_OF);
    expect(ev.verdict).toBe(verdict);
    expect(ev.escalation).toBe(escalation);
    const risk = ev.checks.find((c) => c.id === 'supplier_risk')!;
    for (const f of factors) expect(risk.factors).toContain(f);
    if (factors.length === 0) expect(risk.factors).toEqual([]);
  });

  it('says a factor rests on the register when only the supplier was named', () => {
    const ev = evaluate(
      'equipment_purchase',
      { component: 'surveillance_camera', supplier: 'Hikvision' },
      AS_OF,
    );
    const risk = ev.checks.find((c) => c.id === 'supplier_risk')!;
    expect(risk.factor_sources?.['§ 2, stk. 2, nr. 2']).toBe('register');
    expect(risk.detail.da).toContain('Kina');
  });
});

describe('bad input', () => {
  it('names a bad as-of date', () => {
    const r = safeEvaluate('agreement', {}, '2026-02-30', opts);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('bad_as_of');
      expect(r.error.message).toContain('2026-02-30');
    }
    expect(() => evaluate('agreement', {}, '22/11/2026', opts)).toThrow(EvaluateError);
  });

  it('names the bad fact', () => {
    const r = safeEvaluate('provider_status', { end_users: -5 } as Facts, AS_OF, opts);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('bad_facts');
      expect(r.error.message).toMatch(/^end_users:/);
    }
  });

  it('gives the evaluation when the input is fine', () => {
    const r = safeEvaluate('provider_status', { end_users: 60_000 }, AS_OF, opts);
    expect(r.ok && r.value.verdict).toBe('covered');
  });
});
