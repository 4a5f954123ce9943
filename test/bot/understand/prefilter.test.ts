import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mayMatch,
  requiredStrings,
  SplitAlternation,
  splitAlternatives,
  WordScanner,
} from '../../../bot/understand/prefilter.js';
import { COMPONENTS, ORGANISATION_TYPES } from '../../../guardrails/facts.js';
import { B, E, lexicon } from '../../../knowledge/lexicon.js';

const L = lexicon();
const ORG_KEYWORDS = L.table('ORG_KEYWORDS', ORGANISATION_TYPES);

/** Every word table of the lexicon as the extractor compiles it. */
const TABLES: RegExp[] = [
  ...L.table('COMPONENT_KEYWORDS', COMPONENTS).map(([, s]) => new RegExp(`${B}(?:${s})${E}`, 'giu')),
  ...ORG_KEYWORDS.map(([, s]) => new RegExp(`${B}(?:${s})${E}`, 'giu')),
  ...L.table('TERRITORY', ['FO', 'GL', 'DK']).map(([, s]) => new RegExp(s, 'giu')),
  ...['NEW_STRONG', 'EXISTING_STRONG', 'EXISTING_WEAK', 'NEW_WEAK', 'WANTS_HUMAN', 'STATE_MARK']
    .concat(['DECISION_WORDS', 'AGREEMENT_WORDS', 'NOTIFIED_WORDS', 'ACT_NAME', 'STATE_CONTROLLED'])
    .map((name) => new RegExp(L.text(name), 'giu')),
];

describe('requiredStrings', () => {
  it('reads the words a pattern cannot match without', () => {
    expect(requiredStrings(String.raw`\p{L}*kamera\p{L}*|cctv`)?.sort()).toEqual(['cctv', 'kamera']);
    expect(requiredStrings('operat(?:ø|o)r(?:s|en)?')?.sort()).toEqual(['operator', 'operatør']);
    expect(requiredStrings(String.raw`(?<![\p{L}])ISPs?`)).toEqual(['isp']);
    expect(requiredStrings(String.raw`dansk(?:e)?`)).toEqual(['dansk']);
  });
  it('gives no test when a match may hold no word, or only short ones', () => {
    expect(requiredStrings(String.raw`\p{L}+`)).toBeUndefined();
    expect(requiredStrings('kamera|.*')).toBeUndefined();
    expect(requiredStrings('tv|radio')).toBeUndefined();
    expect(requiredStrings('tv|radio', 1)?.sort()).toEqual(['radio', 'tv']);
    expect(requiredStrings('(unbalanced')).toBeUndefined();
  });
});

describe('mayMatch', () => {
  it('never hides a match of a lexicon table', () => {
    // Text built from the tables' own words, their neighbours, case changes and the long s.
    const words = TABLES.flatMap((rx) => requiredStrings(rx.source) ?? []).slice(0, 400);
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((w) => w.toUpperCase()),
      fc.constantFrom(' ', '-', 'vi har en ', 'our ', 'ſ', 'K', '\u212a', 'e', 'er', 'ne', '. ', '1'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        for (const rx of TABLES) {
          rx.lastIndex = 0;
          if (!mayMatch(rx, text)) expect(rx.test(text), `${rx.source.slice(0, 60)} on ${text}`).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('says no for text without the words', () => {
    const rx = new RegExp(String.raw`${B}(?:\p{L}*kamera\p{L}*|cctv)${E}`, 'giu');
    expect(mayMatch(rx, 'Vi køber routere')).toBe(false);
    expect(mayMatch(rx, 'Vi køber KAMERAER')).toBe(true);
  });
});

describe('WordScanner', () => {
  it('finds every word that occurs, overlapping ones included', () => {
    const s = new WordScanner();
    const ids = ['net', 'kernenet', 'kerne', 'router'].map((w) => s.id(w));
    const found = s.scan('vores kernenetværk');
    expect(ids.map((i) => found[i])).toEqual([1, 1, 1, 0]);
  });
});

describe('SplitAlternation', () => {
  const org = new SplitAlternation(B, ORG_KEYWORDS, E, 'giu');
  const show = (ms: RegExpExecArray[]) => ms.map((m) => [m.index, m[0], JSON.stringify(m.groups)]);
  it('splits only top-level alternatives', () => {
    expect(splitAlternatives(String.raw`a|(?:b|c)|[|]|d\|e`)).toEqual([
      'a',
      '(?:b|c)',
      '[|]',
      String.raw`d\|e`,
    ]);
  });
  it('finds the same matches, indices and groups as the whole pattern', () => {
    const words = ['teleselskabet', 'kommune', 'vores ', 'datacenter', 'hospital', 'Region ', 'virksomheden'];
    const piece = fc.oneof(
      fc.constantFrom(
        ...words,
        'tandlægeklinik',
        'ſ',
        ' ',
        '-',
        'our ',
        'supermarkedskæde',
        'forsyningskæde',
      ),
      fc.constantFrom(
        'teleoperatør',
        'Rigspolitiet',
        'butikken',
        'hotel',
        'the police',
        'skole',
        'radio',
        'TV-station',
      ),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(show(org.matches(text))).toEqual(show([...text.matchAll(org.pattern)] as RegExpExecArray[]));
      }),
      { numRuns: 400 },
    );
  });
  it('refuses a pattern that is not global', () => {
    expect(() => new SplitAlternation('', [['a', 'x']], '', 'iu')).toThrow();
  });
});
