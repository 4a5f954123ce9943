/**
 * territorial_scope: is the situation outside the Faroe Islands and Greenland (§ 19)?
 *
 * Quoted statute text is marked `// >` and is verbatim (a test checks it against the official text).
 */
import type { Facts } from '../facts.js';
import type { CheckTrace } from './types.js';

const S_19 = '§ 19';
export const REFS = [S_19] as const;

// § 19
// > Loven gælder ikke for Færøerne og Grønland.
const EXCLUDED = {
  FO: { da: 'Færøerne', en: 'the Faroe Islands' },
  GL: { da: 'Grønland', en: 'Greenland' },
} as const;

export function territorialScope(facts: Facts, _asOf: string): CheckTrace {
  const t = facts.territory;
  const base = { id: 'territorial_scope' as const, citations: [S_19], missing: [] };
  if (t === 'FO' || t === 'GL') {
    return {
      ...base,
      result: 'no',
      facts_used: ['territory'],
      detail: {
        da: `loven gælder ikke for ${EXCLUDED[t].da}`,
        en: `the act does not apply to ${EXCLUDED[t].en}`,
      },
    };
  }
  if (t === 'DK') {
    return { ...base, result: 'yes', facts_used: ['territory'], detail: { da: 'Danmark', en: 'Denmark' } };
  }
  // Nothing points elsewhere: assume Denmark, and say so.
  return {
    ...base,
    result: 'yes',
    facts_used: [],
    detail: {
      da: 'Danmark antages, da intet peger på Færøerne eller Grønland',
      en: 'Denmark assumed, as nothing points to the Faroe Islands or Greenland',
    },
  };
}
