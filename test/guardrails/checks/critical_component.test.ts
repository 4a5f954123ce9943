import { describe, expect, it } from 'vitest';
import { criticalComponent } from '../../../guardrails/checks/critical_component.js';
import { COMPONENTS } from '../../../guardrails/facts.js';

const AS_OF = '2026-11-22';
const expected: Record<(typeof COMPONENTS)[number], { result: 'yes' | 'no'; cites: string[] }> = {
  core_network: { result: 'yes', cites: ['§ 1, nr. 1'] },
  backbone_router: { result: 'yes', cites: ['§ 1, nr. 1'] },
  backbone_server: { result: 'yes', cites: ['§ 1, nr. 1'] },
  oss_bss_nms: { result: 'yes', cites: ['§ 1, nr. 1'] },
  ran_control: { result: 'yes', cites: ['§ 1, nr. 1'] },
  operations_service: { result: 'yes', cites: ['§ 1, nr. 1', '§ 2, stk. 1'] },
  surveillance_camera: { result: 'no', cites: ['§ 1, nr. 1'] },
  customer_equipment: { result: 'no', cites: ['§ 1, nr. 1'] },
  office_it: { result: 'no', cites: ['§ 1, nr. 1'] },
  other: { result: 'no', cites: ['§ 1, nr. 1'] },
};

describe('critical_component (§ 1, nr. 1)', () => {
  it.each(COMPONENTS.map((c) => ({ component: c, ...expected[c] })))(
    '$component → $result',
    ({ component, result, cites }) => {
      const t = criticalComponent({ component }, AS_OF);
      expect(t.result).toBe(result);
      expect(t.citations).toEqual(cites);
      expect(t.facts_used).toEqual(['component']);
      expect(t.missing).toEqual([]);
    },
  );

  it('asks for the component when it is not known', () => {
    const t = criticalComponent({ end_users: 800_000, supplier_country: 'CN' }, AS_OF);
    expect(t).toMatchObject({ result: 'unknown', missing: ['component'], citations: ['§ 1, nr. 1'] });
  });

  it('says cameras are not critical network components', () => {
    const t = criticalComponent({ component: 'surveillance_camera' }, AS_OF);
    expect(t.detail.en).toBe('surveillance cameras are not critical network components, systems or tools');
    expect(t.detail.da).toBe(
      'overvågningskameraer er ikke kritiske netkomponenter, systemer eller værktøjer',
    );
  });
});
