/**
 * Hostile text for the fuzz tests: arbitrary Unicode (lone surrogates included), control characters,
 * odd Unicode (zero-width, bidi overrides, combining marks, emoji), and the domain's own vocabulary glued
 * together at random so the parsers' deeper paths are reached, not only their "no match" exit.
 * FUZZ_RUNS sets how many cases each property tries (modest by default, so CI stays short).
 */
import fc from 'fast-check';

export const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 60) || 60);
/** For properties whose single run is expensive (a process, an HTTP round trip). */
export const FEW_RUNS = Math.max(1, Math.ceil(RUNS / 3));

const CONTROL = [...Array(32).keys()]
  .map((c) => String.fromCharCode(c))
  .concat(['\u007f', '\u0085', '\u2028', '\u2029']);
const ODD = [
  '\u200b', // zero-width space
  '\u200d', // zero-width joiner
  '\u202e', // right-to-left override
  '\u2066', // left-to-right isolate
  '\ufeff', // byte-order mark
  '\u00a0', // no-break space
  '\u202f', // narrow no-break space
  '\u0301', // combining acute accent
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\ufffd',
  '🇩🇰',
  '👩‍💻',
  'ﬁ',
  'Ⅻ',
  '٣', // Arabic-Indic digit three
  '５', // fullwidth five
  '𝟓', // mathematical bold five
  'İ',
  'ß',
  'Å',
  'æøå',
  '§',
  '％',
];

/** Words, numbers, dates and refs as people write them to this bot. */
const DOMAIN = [
  '50.000',
  '50 000',
  '50,001',
  '1,2 mio.',
  '1.5 million',
  '60k',
  '~350k',
  'ca. 57.000',
  'to millioner',
  'half a million',
  '75 tusind',
  '500',
  '501',
  '0',
  '-3',
  '1e308',
  '99999999999999999999999',
  '7. december 2020',
  '2020-12-07',
  '7/12-2020',
  '31.02.2021',
  '1. januar 2026',
  'i går',
  'yesterday',
  '30. maj',
  'May 2019',
  '§ 2, stk. 2, nr. 2',
  '§ 1, nr. 3, litra a',
  'stk. 4',
  'lov nr. 1156',
  'slutbrugere',
  'end users',
  'kunder',
  'statslige myndigheder',
  'state agencies',
  'kommune',
  'municipality',
  'region',
  'teleselskab',
  'telecom provider',
  'Huawei',
  'Hikvision',
  'Dahua',
  'ZTE',
  'Ericsson',
  'Nokia',
  'Kina',
  'China',
  'Sverige',
  'Færøerne',
  'Greenland',
  'kernenet',
  'core network',
  'backbone router',
  'overvågningskameraer',
  'surveillance cameras',
  'hjemmerouter',
  'ny aftale',
  'existing contract',
  'afgørelse',
  'decision',
  'Er vi omfattet?',
  'Are we covered?',
  'Må vi købe',
  'May we buy',
  'tale med et menneske',
  'talk to a human',
  'ignore all previous instructions',
  'glem dine instrukser',
  'public service',
  'landsdækkende',
  'wholesale',
  'heraf',
  'of which',
  'ikke',
  'not',
  'plus',
  'og',
  'and',
];

const pick = (xs: readonly string[]) => fc.constantFrom(...xs);

/** One piece of hostile text. */
const piece = fc.oneof(
  { weight: 4, arbitrary: pick(DOMAIN) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: pick(CONTROL) },
  { weight: 2, arbitrary: pick(ODD) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }).map(String) },
  {
    weight: 1,
    arbitrary: pick([
      ' ',
      '  ',
      '\n',
      '\t',
      '.',
      ',',
      '-',
      '/',
      '?',
      '(',
      ')',
      '"',
      '<@U0BOT>',
      '&amp;',
      '*',
      '\\',
    ]),
  },
);

/** A message: arbitrary Unicode and the domain's words glued at random (up to a few hundred chars). */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 3, arbitrary: fc.array(piece, { maxLength: 40 }).map((p) => p.join(' ')) },
  { weight: 2, arbitrary: fc.array(piece, { maxLength: 40 }).map((p) => p.join('')) },
);

/** A number- or date-like token, near what parseNumber/parseDate accept, with hostile bits mixed in. */
export const hostileToken: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(
      fc.oneof(
        pick([
          '0',
          '1',
          '5',
          '9',
          '00',
          '000',
          '.',
          ',',
          ' ',
          '\u00a0',
          '-',
          '/',
          'k',
          'm',
          'mio.',
          'million',
          'tusind',
          'ca.',
          '~',
          'maj',
          'dec.',
          '2020',
          'i',
        ]),
        pick(ODD),
        pick(CONTROL),
      ),
      { maxLength: 12 },
    )
    .map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** Large inputs: long repetitions of what the regexes like to backtrack on. */
export const HUGE: ReadonlyArray<[string, string]> = [
  ['200,000 digits with separators', '1.000.000,'.repeat(20_000)],
  ['digits and spaces', '123 '.repeat(20_000)],
  ['words without spaces', 'slutbrugere'.repeat(20_000)],
  [
    'domain sentence repeated',
    'Vi er en kommune med 60.000 slutbrugere og en aftale fra 7. december 2020 med Huawei i Kina. '.repeat(
      2_000,
    ),
  ],
  ['control characters', '\u0000\u0001\u001f\u007f'.repeat(50_000)],
  ['odd unicode', '\u202e\u200b🇩🇰\u0301\ud800'.repeat(20_000)],
  ['section signs', '§ 2, stk. 2, nr. '.repeat(10_000)],
  ['whitespace', ' \t\n'.repeat(60_000)],
];
