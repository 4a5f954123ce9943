import { describe, expect, it } from 'vitest';
import { COMPONENTS, ORGANISATION_TYPES } from '../../../guardrails/facts.js';
import { B, E, lexicon } from '../../../knowledge/lexicon.js';

const L = lexicon();
const ORG_KEYWORDS = L.table('ORG_KEYWORDS', ORGANISATION_TYPES);
const COMPONENT_KEYWORDS = L.table('COMPONENT_KEYWORDS', COMPONENTS);

describe('lexicon', () => {
  it('names only organisation types and components of the fact schema', () => {
    for (const [t] of ORG_KEYWORDS) expect(ORGANISATION_TYPES).toContain(t);
    for (const [c] of COMPONENT_KEYWORDS) expect(COMPONENTS).toContain(c);
  });
  // That every pattern entry compiles is the loader's check (knowledge/lexicon.ts, test/knowledge/lexicon.test.ts).
  it('stems match inside Danish compounds', () => {
    const component = (word: string) =>
      COMPONENT_KEYWORDS.find(([, s]) => new RegExp(`${B}(?:${s})${E}`, 'iu').test(word))?.[0];
    expect(component('kernenetudstyr')).toBe('core_network');
    expect(component('overvågningskameraer')).toBe('surveillance_camera');
    expect(component('Hikvision-kameraer')).toBe('surveillance_camera');
    expect(component('hjemmerouterne')).toBe('customer_equipment');
    expect(component('faktureringssystemet')).toBe('oss_bss_nms');
    expect(component('videoovervågningsanlæg')).toBe('surveillance_camera');
  });
});
