import { describe, expect, it } from 'vitest';
import { knowledge } from '../../knowledge/index.js';

const kb = knowledge();

describe('the unofficial English renderings', () => {
  it('renders every statute unit and every guidance paragraph', () => {
    for (const u of kb.units) expect(u.text_en.trim(), `${u.source} ${u.ref}`).not.toBe('');
  });

  it('composes a parent from its own words and its children, as the Danish is folded', () => {
    const s2 = kb.get('lov-1156-2021', '§ 2')!;
    const stk2 = kb.get('lov-1156-2021', '§ 2, stk. 2')!;
    const nr2 = kb.get('lov-1156-2021', '§ 2, stk. 2, nr. 2')!;
    expect(stk2.text_en).toContain(nr2.text_en);
    expect(s2.text_en).toContain(`Subsection 2 ${stk2.text_en.split('\n')[0]}`);
    expect(nr2.text_en).toMatch(/espionage or sabotage/);
  });

  it('uses the agreed terms', () => {
    const en = (ref: string) => kb.get('lov-1156-2021', ref)!.text_en;
    expect(en('§ 2, stk. 1')).toMatch(/^The Centre for Cyber Security/);
    expect(en('§ 15')).toContain('the Centre for Cyber Security');
    expect(en('§ 2, stk. 1')).toContain('significant commercial provider');
    expect(en('§ 1, nr. 2')).toMatch(/^End user:/);
    expect(en('§ 7, stk. 2')).toContain('6 months');
    expect(en('§ 19')).toContain('Faroe Islands and Greenland');
  });

  it('keeps the numbers of the Danish text', () => {
    for (const u of kb.units.filter((x) => x.source === 'lov-1156-2021')) {
      const numbers = (s: string) => (s.match(/\d+(?:[.,]\d{3})*/g) ?? []).map((n) => n.replace(/[.,]/g, ''));
      // Every number in the Danish own words (amounts, days, sections) appears in the English.
      for (const n of numbers(u.lead.replace(/\b(\d+)\. pkt\./g, '$1'))) {
        expect(numbers(kb.get(u.source, u.ref)!.text_en), `${u.ref}: ${n}`).toContain(n);
      }
    }
  });
});
