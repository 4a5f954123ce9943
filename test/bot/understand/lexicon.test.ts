import { describe, expect, it } from 'vitest';
import * as X from '../../../bot/understand/lexicon.js';
import { COMPONENTS, ORGANISATION_TYPES } from '../../../guardrails/facts.js';

describe('lexicon', () => {
  it('names only organisation types and components of the fact schema', () => {
    for (const [t] of X.ORG_KEYWORDS) expect(ORGANISATION_TYPES).toContain(t);
    for (const [c] of X.COMPONENT_KEYWORDS) expect(COMPONENTS).toContain(c);
  });
  it('every entry is a valid Unicode regular expression', () => {
    const sources: string[] = [];
    for (const v of Object.values(X)) {
      if (typeof v === 'string') sources.push(v);
      else if (Array.isArray(v)) for (const row of v) if (Array.isArray(row)) sources.push(String(row[1]));
    }
    expect(sources.length).toBeGreaterThan(30);
    for (const s of sources) expect(() => new RegExp(s, 'giu'), s.slice(0, 60)).not.toThrow();
  });
  it('stems match inside Danish compounds', () => {
    const component = (word: string) =>
      X.COMPONENT_KEYWORDS.find(([, s]) => new RegExp(`${X.B}(?:${s})${X.E}`, 'iu').test(word))?.[0];
    expect(component('kernenetudstyr')).toBe('core_network');
    expect(component('overvågningskameraer')).toBe('surveillance_camera');
    expect(component('Hikvision-kameraer')).toBe('surveillance_camera');
    expect(component('hjemmerouterne')).toBe('customer_equipment');
    expect(component('faktureringssystemet')).toBe('oss_bss_nms');
    expect(component('videoovervågningsanlæg')).toBe('surveillance_camera');
  });
});
