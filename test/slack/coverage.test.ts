import { describe, expect, it } from 'vitest';
import { coverageModal, parseCoverage } from '../../bot/slack/coverage.js';
import { blockProblem } from './standin.js';

const text = (v: string) => ({ value: { type: 'plain_text_input', value: v } });
const select = (v: string) => ({ value: { type: 'static_select', selected_option: { value: v } } });

describe('coverage modal', () => {
  it('is a valid modal with one optional input per fact', () => {
    const view = coverageModal({ lang: 'da' });
    expect(view.callback_id).toBe('coverage_check');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(blockProblem(view.blocks, 100)).toBeUndefined();
    expect(view.blocks).toHaveLength(10);
  });

  it('reads valid input into contract facts', () => {
    const r = parseCoverage(
      {
        organisation_type: select('telecom_provider'),
        end_users: text('60.000'),
        state_end_users: text('600'),
        nationwide_public_service: select('no'),
        supplier_country: text('cn'),
        agreement_date: text('2024-02-29'),
        supplier: text('  Acme  '),
        territory: select('GL'),
      },
      'en',
    );
    expect(r).toEqual({
      ok: true,
      facts: {
        organisation_type: 'telecom_provider',
        end_users: 60000,
        state_end_users: 600,
        nationwide_public_service: false,
        supplier_country: 'CN',
        agreement_date: '2024-02-29',
        supplier: 'Acme',
        territory: 'GL',
      },
    });
  });

  it('names every offending field', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ end_users: text('-1') }, 'end_users'],
      [{ end_users: text('12.5') }, 'end_users'],
      [{ end_users: text('many') }, 'end_users'],
      [{ state_end_users: text('1e5') }, 'state_end_users'],
      [{ agreement_date: text('15-03-2021') }, 'agreement_date'],
      [{ agreement_date: text('2021-02-29') }, 'agreement_date'],
      [{ agreement_date: text('2021-13-01') }, 'agreement_date'],
      [{ supplier_country: text('Sverige') }, 'supplier_country'],
      [{ supplier_country: text('XX') }, 'supplier_country'],
    ];
    for (const [values, field] of cases) {
      const r = parseCoverage(values, 'da');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(Object.keys(r.errors)).toEqual([field]);
    }
  });

  it('treats an empty form as no facts and junk state as empty', () => {
    expect(parseCoverage({}, 'da')).toEqual({ ok: true, facts: {} });
    expect(parseCoverage('nonsense', 'da')).toEqual({ ok: true, facts: {} });
  });
});
