/**
 * Numbers as people write them in Danish and English: `50.000`, `50 000`, `50,001`, `1,2 mio.`,
 * `1.5 million`, `1.8m`, `60k`, `75 tusind`, `ca. 57.000`, `~350k`, `to millioner`, `half a million`.
 *
 * Separator rules (Danish and English disagree about `.` and `,`):
 * - a separator followed by exactly three digits groups thousands (`3.200` and `3,200` are 3200),
 *   unless a Danish multiplier follows a comma (`1,250 mio.` is 1.25 million) or an English
 *   multiplier follows a point (`1.250 million` is 1.25 million);
 * - any other single separator is a decimal mark (`1,2 mio.`, `1.5 million`, `2,5`);
 * - mixed separators: the last one is the decimal mark (`1.234,5`, `1,234.5`).
 *
 * Not counts, and never returned: dates (`7/12-2020`, `2020-12-07`, `7. dec.`), times, references
 * (`§ 17`, `stk. 2`, `nr. 3`, `lov nr. 1156`), years after a year word (`i 2018`, `since 2020`),
 * percentages, and numbers glued to letters (`5G`, `ISO27001`).
 */

import type { Bound } from '../../guardrails/bounds.js';
import { vocabulary } from '../../knowledge/lexicon.js';

/**
 * The words are data, `knowledge/vocabulary/numbers/` (bounds.yaml: bound words and hedges;
 * number-words.yaml: multipliers and number words), read once per process by `knowledge/lexicon.ts`;
 * this file holds how numbers are read.
 */
const V = vocabulary('numbers');

export interface FoundNumber {
  value: number;
  start: number;
  end: number;
  /** The number expression as written, hedge word included (`ca. 57.000`). */
  raw: string;
  /** The writer hedged: `ca.`, `~`, `omkring`, `about`. */
  approx: boolean;
  /** The writer bounded it: `over`, `mindst`, `knap`, `højst`, `50.000+` (guardrails/bounds.ts). */
  bound?: Bound;
  /** Where the bounded expression starts and ends, bound words included ("mindst 50.000", "50k+"). */
  boundSpan?: [number, number];
}

/** How each key of a bound table (bounds.yaml) bounds a count. */
const BOUND_KINDS = {
  over: { side: 'above', inclusive: false, near: false },
  'at-least': { side: 'above', inclusive: true, near: false },
  'just-over': { side: 'above', inclusive: false, near: true },
  under: { side: 'below', inclusive: false, near: false },
  'at-most': { side: 'below', inclusive: true, near: false },
  'just-under': { side: 'below', inclusive: false, near: true },
} as const satisfies Record<string, Bound>;
const boundTable = (name: string): Array<[RegExp, Bound]> =>
  V.table(name, Object.keys(BOUND_KINDS) as Array<keyof typeof BOUND_KINDS>).map(([kind, source]) => [
    new RegExp(source, 'iu'),
    { ...BOUND_KINDS[kind] },
  ]);
/**
 * Words that bound a count, just before it (or just after: `50.000+`, `or more`). Negated bounds turn
 * over: "ikke over 50.000" is at most 50.000. Near bounds lie within a tenth of the number.
 */
export const BOUNDS_BEFORE = boundTable('BOUNDS_BEFORE');
export const BOUNDS_AFTER = boundTable('BOUNDS_AFTER');

/** The bound the words around a number put on it, if any. */
function boundOf(before: string, after: string): { bound: Bound; before: number; after: number } | undefined {
  for (const [rx, bound] of BOUNDS_BEFORE) {
    const m = rx.exec(before);
    if (m) return { bound, before: m[0].length, after: 0 };
  }
  for (const [rx, bound] of BOUNDS_AFTER) {
    const m = rx.exec(after);
    if (m) return { bound, before: 0, after: m[0].length };
  }
  return undefined;
}

/** Number words, Danish and English (also read by relative dates: "to år siden"). */
export const WORD_VALUES: Record<string, number> = V.values('WORD_VALUES');

/** Multiplier words, by factor (a table each); `lang` decides how a separator before them is read. */
export const MULTIPLIERS: Array<{ re: string; factor: number; lang: 'da' | 'en' | 'any' }> = (
  [
    ['BILLION', 1e9],
    ['MILLION', 1e6],
    ['THOUSAND', 1e3],
  ] as const
).flatMap(([name, factor]) =>
  V.table(name, ['da', 'en', 'any'] as const).map(([lang, re]) => ({ re, factor, lang })),
);
/** Single-letter suffixes, only glued to the digits (`60k`, `1.8m`). */
export const GLUED: Record<string, number> = { k: 1e3, m: 1e6 };

/** A hedge before a number, part of it as written: the writer gives it as approximate. */
export const HEDGE = V.text('HEDGE');
// Space-grouped (`50 000`, each group after a space exactly three digits) or point/comma separated.
const DIGITS = String.raw`\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?!\d)(?:[.,]\d+)?|\d+(?:[.,]\d+)*`;
export const WORDNUM = Object.keys(WORD_VALUES)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(' ', '\\s+'))
  .join('|');
export const MULT = MULTIPLIERS.map((m) => m.re).join('|');
/** Single number words that may follow a multiplier: not the articles "en", "et", "a", "an". */
export const REST_WORDS = Object.keys(WORD_VALUES)
  .filter((w) => !['en', 'et', 'a', 'an'].includes(w) && !w.includes(' ') && WORD_VALUES[w]! < 1000)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Cardinal words below a thousand, read before a multiplier ("sixty-two thousand", "tooghalvtreds tusind"). */
export const EN_UNITS = V.values('EN_UNITS');
export const EN_TEENS = V.values('EN_TEENS');
export const EN_TENS = V.values('EN_TENS');
export const DA_UNITS = V.values('DA_UNITS');
export const DA_TEENS = V.values('DA_TEENS');
export const DA_TENS = V.values('DA_TENS');
// A YAML entry nothing reads is a mistake (a misspelt name, a word left behind): say so at start.
V.allRead();
export const CARDINAL_VALUES: Record<string, number> = {
  ...EN_UNITS,
  ...EN_TEENS,
  ...EN_TENS,
  ...DA_UNITS,
  ...DA_TEENS,
  ...DA_TENS,
};
const alt = (r: Record<string, number>) =>
  Object.keys(r)
    .sort((a, b) => b.length - a.length)
    .join('|');
const EN_BELOW100 = `(?:(?:${alt(EN_TENS)})(?:[-\\s](?:${alt(EN_UNITS)}))?|${alt(EN_TEENS)}|${alt(EN_UNITS)})`;
const EN_BELOW1000 = `(?:(?:(?:${alt(EN_UNITS)}|a|one)\\s+hundred(?:\\s+(?:and\\s+)?${EN_BELOW100})?)|${EN_BELOW100})`;
const DA_BELOW100 = `(?:(?:${alt(DA_UNITS)})og(?:${alt(DA_TENS)})|${alt(DA_TENS)}|${alt(DA_TEENS)})`;
const DA_BELOW1000 = `(?:(?:(?:${alt(DA_UNITS)})\\s*)?hundrede(?:\\s+(?:og\\s+)?(?:${DA_BELOW100}|${alt(DA_UNITS)}))?|${DA_BELOW100})`;
/** Compound cardinals only: single number words stay in WORD_VALUES. */
export const CARDINAL = `${EN_BELOW1000}|${DA_BELOW1000}`;
export const DA_GLUED_RE = new RegExp(`^(${alt(DA_UNITS)})og(${alt(DA_TENS)})$`);

/** A cardinal below a thousand written in words → its value (undefined if it is not one). */
function cardinalValue(words: string): number | undefined {
  let current = 0;
  for (const w of words.toLowerCase().split(/[-\s]+/)) {
    if (w === '' || w === 'and' || w === 'og') continue;
    if (w === 'hundred' || w === 'hundrede') {
      current = (current || 1) * 100;
      continue;
    }
    if (w === 'a') {
      current += 1;
      continue;
    }
    const glued = DA_GLUED_RE.exec(w);
    if (glued) {
      current += DA_UNITS[glued[1]!]! + DA_TENS[glued[2]!]!;
      continue;
    }
    const v = CARDINAL_VALUES[w];
    if (v === undefined) return undefined;
    current += v;
  }
  return current > 0 ? current : undefined;
}
const L = String.raw`\p{L}\p{N}`;

/** One number expression: hedge? (digits glued-suffix? | digits multiplier? | word multiplier). */
export const NUMBER_SOURCE =
  `(?<hedge>${HEDGE})?` +
  `(?:(?<digits>(?:${DIGITS}))(?:(?<glued>[kKmM])(?![${L}])|\\s*(?<mult>${MULT})(?![${L}]))?` +
  `|(?<word>${CARDINAL}|${WORDNUM})(?:\\s+|(?=tusind))(?<wmult>${MULT})(?![${L}])` +
  // what follows the multiplier in words: "niogfyrre tusind ni hundrede", "fifty thousand and one"
  `(?:\\s+(?:og\\s+|and\\s+)?(?<rest>${CARDINAL}|${REST_WORDS})(?![${L}]))?)`;

export const FIND_RE = new RegExp(`(?<![${L}.,/:§-])${NUMBER_SOURCE}`, 'giu');
export const WHOLE_RE = new RegExp(`^\\s*${NUMBER_SOURCE}\\s*$`, 'iu');

const MONTHS =
  'jan(?:uar|uary)?|feb(?:ruar|ruary)?|mar(?:ts|ch)?|apr(?:il)?|maj|may|jun[ie]?|jul[iy]?|aug(?:ust)?|sep(?:t|tember)?|o[ck]t(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/** A share of the count that follows: "25 % af vores", "a third of the", "halvdelen af de". */
export const SHARE_BEFORE =
  /(?:\d+(?:[.,]\d+)?\s*(?:%|procent|percent|pct\.?)|(?<![\p{L}])(?:halvdelen|half|a\s+third|a\s+quarter|en\s+tredjedel|en\s+fjerdedel|en\s+fjerdedel))\s+(?:af|of)\s+(?:\p{L}+\s+){0,2}$/iu;
/** What may not follow a count: a date's month, a time, a percentage, a range into a year. */
const AFTER_NOT_COUNT = new RegExp(
  String.raw`^(?:[\p{L}\p{N}]|\.?\s*(?:${MONTHS})(?![\p{L}])|\s*(?:%|procent|percent|pct\.?)|[:/]\d|-\d)`,
  'iu',
);
/** What may not precede a count: a reference to a provision or a document number. */
const BEFORE_REFERENCE =
  /(?:^|[^\p{L}])(?:§§?|stk\.?|nr\.?|no\.?|litra|kapitel|kap\.?|chapter|section|sec\.?|article|art\.?|afsnit|pkt\.?|punkt|bilag|annex|page|side|s\.|spm\.?|spørgsmål|question|version|v\.|kl\.?|klokken)\s*$/iu;
/** Words after which a bare 4-digit number is a year. */
const BEFORE_YEAR = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:i|in|since|siden|år(?:et)?|year|fra|from|før|before|efter|after|until|indtil|til|of|af|by|inden|primo|medio|ultimo|back|tilbage|during|under|(?:${MONTHS})\.?|\d{1,2}(?:st|nd|rd|th)?\.?,?)\s*$`,
  'iu',
);

/** A day number right after a month name is a date ("May 15, 2022"). */
const BEFORE_MONTH = new RegExp(String.raw`(?:^|[^\p{L}])(?:${MONTHS})\.?\s*$`, 'iu');

function multiplierOf(word: string): { factor: number; lang: 'da' | 'en' | 'any' } | undefined {
  for (const m of MULTIPLIERS) if (new RegExp(`^(?:${m.re})$`, 'i').test(word)) return m;
  return undefined;
}

/** Digits with separators → value, given the multiplier's language (undefined if malformed). */
function digitsValue(digits: string, multLang: 'da' | 'en' | 'any' | undefined): number | undefined {
  const s = digits.replace(/[\u00a0\u202f ]/g, ' ');
  // Space grouping: every group after a space has three digits and the first has 1-3.
  if (s.includes(' ')) {
    if (/[.,]/.test(s)) {
      // `1 234,5` or `1 234.5`: spaces group, the one point/comma must be last and decimal.
      const m = /^(\d{1,3}(?: \d{3})+)([.,])(\d+)$/.exec(s);
      if (!m) return undefined;
      return Number(`${m[1]!.replace(/ /g, '')}.${m[3]}`);
    }
    if (!/^\d{1,3}(?: \d{3})+$/.test(s)) return undefined;
    return Number(s.replace(/ /g, ''));
  }
  const seps = s.replace(/\d/g, '');
  if (seps === '') return Number(s);
  const kinds = new Set(seps);
  if (kinds.size === 1) {
    const sep = seps[0]!;
    const parts = s.split(sep);
    if (parts.length > 2) {
      // Repeated separator: only thousands grouping makes sense.
      if (!/^\d{1,3}$/.test(parts[0]!) || parts.slice(1).some((p) => p.length !== 3)) return undefined;
      return Number(parts.join(''));
    }
    const [int, frac] = parts as [string, string];
    const threeDigits = frac.length === 3 && int.length <= 3 && !int.startsWith('0');
    if (threeDigits) {
      const decimalHere = (sep === ',' && multLang === 'da') || (sep === '.' && multLang === 'en');
      if (!decimalHere) return Number(int + frac);
    }
    return Number(`${int}.${frac}`);
  }
  // Both separators: the last is the decimal mark, the other groups thousands.
  const lastSep = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
  const groupSep = lastSep === '.' ? ',' : '.';
  const [intPart, frac] = [s.slice(0, s.lastIndexOf(lastSep)), s.slice(s.lastIndexOf(lastSep) + 1)];
  const groups = intPart.split(groupSep);
  if (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => g.length !== 3) || frac.includes(groupSep))
    return undefined;
  return Number(`${groups.join('')}.${frac}`);
}

function scale(base: number, factor: number): number {
  // Counts are whole: 1.1 × 1e6 must be 1100000, not 1100000.0000000002.
  return Math.round(base * factor);
}

interface MatchGroups {
  rest?: string;
  hedge?: string;
  digits?: string;
  glued?: string;
  mult?: string;
  word?: string;
  wmult?: string;
}

function numberValue(g: MatchGroups): number | undefined {
  if (g.word !== undefined && g.wmult !== undefined) {
    const base = WORD_VALUES[g.word.toLowerCase().replace(/\s+/g, ' ')] ?? cardinalValue(g.word);
    const m = multiplierOf(g.wmult);
    if (base === undefined || !m) return undefined;
    const rest = g.rest === undefined ? 0 : (WORD_VALUES[g.rest.toLowerCase()] ?? cardinalValue(g.rest) ?? 0);
    return scale(base, m.factor) + (rest < m.factor ? rest : 0);
  }
  if (g.digits === undefined) return undefined;
  if (g.glued) {
    const v = digitsValue(g.digits, 'en');
    return v === undefined ? undefined : scale(v, GLUED[g.glued.toLowerCase()]!);
  }
  if (g.mult) {
    const m = multiplierOf(g.mult.replace(/\s+/g, ''));
    if (!m) return undefined;
    const v = digitsValue(g.digits, m.lang);
    return v === undefined ? undefined : scale(v, m.factor);
  }
  return digitsValue(g.digits, undefined);
}

/** One number expression (whitespace and a hedge word allowed around it); undefined if it is not one. */
export function parseNumber(token: string): number | undefined {
  const m = WHOLE_RE.exec(token);
  if (!m?.groups) return undefined;
  const v = numberValue(m.groups as MatchGroups);
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}

/**
 * Every count-like number in free text, in order. Dates, times, references (§, stk., nr.),
 * percentages, and bare years after a year word are left out.
 */
/**
 * A range: two numbers joined by a dash ("45.000-55.000", "40k-60k", "17-22 tusind"), or by "to"/"til"
 * or, after "between"/"mellem", "and"/"og" when a multiplier is said ("between 17 and 22 thousand",
 * "fra 1,2 til 1,5 mio."). A multiplier said once, after the second number, is the first's too. Two years
 * ("2020-2021") and a date's parts ("7-12-2020") are no range of counts.
 */
const RANGE_NUM = String.raw`\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d{1,2})?`;
const RANGE_MULT = String.raw`(?:\s*(?:${MULT})(?![${L}])|[km](?![${L}]))`;
const RANGE_RE = new RegExp(
  String.raw`(?<![${L}.,/:§-])(?<a>${RANGE_NUM})(?<am>${RANGE_MULT})?(?<join>\s*[-–—]\s*|\s+(?:to|til)\s+|(?<=(?:between|mellem)\s+\S+)\s+(?:and|og)\s+)(?<b>${RANGE_NUM})(?<bm>${RANGE_MULT})?(?![${L}\d]|[-/.]\d)`,
  'giu',
);
const HEDGED_BEFORE = new RegExp(`(?:${HEDGE})\\s*$`, 'iu');
function ranges(text: string): FoundNumber[] {
  const out: FoundNumber[] = [];
  for (const m of text.matchAll(RANGE_RE)) {
    const { a, am, join, b, bm } = m.groups as Record<string, string | undefined>;
    const dash = /[-–—]/u.test(join!);
    if (BEFORE_REFERENCE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue; // "§§ 1-3"
    if (!dash && !am && !bm) continue; // "2 to 3", "17 og 22": each is read on its own
    if (!am && !bm && /^(?:19|20)\d{2}$/u.test(a!) && /^(?:19|20)\d{2}$/u.test(b!)) continue;
    const first = parseNumber(a! + (am ?? bm ?? ''));
    const second = parseNumber(b! + (bm ?? ''));
    if (first === undefined || second === undefined || first >= second) continue;
    const aEnd = m.index + a!.length + (am?.length ?? 0);
    const bStart = aEnd + join!.length;
    // "ca. 45-55k": a hedge before the range is the first number's, as the reader reads it alone
    const approx = HEDGED_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index));
    out.push({ value: first, start: m.index, end: aEnd, raw: text.slice(m.index, aEnd), approx });
    out.push({
      value: second,
      start: bStart,
      end: m.index + m[0].length,
      raw: b! + (bm ?? ''),
      approx: false,
    });
  }
  return out;
}

/** "½ mio", "1½ million", "¾ mio.": a fraction sign before a multiplier. */
const FRACTION = { '½': 0.5, '¼': 0.25, '¾': 0.75 } as Record<string, number>;
const FRACTION_RE = new RegExp(String.raw`(?<![\d.,])(\d*)([½¼¾])\s*(${MULT})(?![${L}])`, 'giu');
function fractions(text: string): FoundNumber[] {
  return [...text.matchAll(FRACTION_RE)].flatMap((m) => {
    const mult = multiplierOf(m[3]!.replace(/\s+/g, ''));
    if (!mult) return [];
    const value = scale(Number(m[1] || 0) + FRACTION[m[2]!]!, mult.factor);
    const approx = HEDGED_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index));
    return [{ value, start: m.index, end: m.index + m[0].length, raw: m[0], approx }];
  });
}

export function findNumbers(text: string): FoundNumber[] {
  const found = [
    ...(/\d[km]?\s*(?:[-–—]|\s\p{L}+\s)\s*\d/iu.test(text) ? ranges(text) : []),
    ...(/[½¼¾]/u.test(text) ? fractions(text) : []),
  ];
  const out: FoundNumber[] = [...found];
  FIND_RE.lastIndex = 0;
  for (let m = FIND_RE.exec(text); m; m = FIND_RE.exec(text)) {
    const g = m.groups as MatchGroups;
    let raw = m[0];
    const start = m.index;
    if (found.some((r) => r.start <= start && start < r.end)) continue;
    const hedgeLen = g.hedge?.length ?? 0;
    let groups: MatchGroups = g;
    if (g.digits !== undefined) {
      // The digits may have swallowed a following number ("i 2018 500"): trust the grouping only,
      // and scan again right after what is kept (the rest may carry its own multiplier).
      const trimmed = trimDigits(g.digits);
      if (trimmed !== g.digits) {
        groups = { hedge: g.hedge, digits: trimmed };
        raw = raw.slice(0, hedgeLen) + trimmed;
        FIND_RE.lastIndex = start + raw.length;
      }
    }
    const end = start + raw.length;
    const before = text.slice(Math.max(0, start - 24), start);
    const after = text.slice(end, end + 16);
    if (BEFORE_REFERENCE.test(before)) continue;
    const value = numberValue(groups);
    if (value === undefined || !Number.isFinite(value)) continue;
    const bare = !groups.glued && !groups.mult && !groups.wmult;
    const digits = groups.digits ?? '';
    if (bare && AFTER_NOT_COUNT.test(after)) continue;
    if (bare && /^\d{1,2}$/.test(digits) && BEFORE_MONTH.test(before)) continue;
    // A year after a year word stays a year, even before a multiplier-like word ("januar 1990 mn").
    // A multiplier glued to the digits ("i 1939k") makes it a count, not a year.
    if (/^(?:19|20)\d{2}$/.test(digits) && BEFORE_YEAR.test(before) && !groups.glued) continue;
    const b = boundOf(text.slice(Math.max(0, start - 30), start), text.slice(end, end + 20));
    const bounded = b
      ? { bound: b.bound, boundSpan: [start - b.before, end + b.after] as [number, number] }
      : {};
    out.push({ value, start, end, raw: raw.trimEnd(), approx: hedgeLen > 0, ...bounded });
  }
  if (found.length) out.sort((a, b) => a.start - b.start);
  const words = cardinalsAlone(text).filter((c) => !out.some((n) => n.start < c.end && c.start < n.end));
  const all = words.length ? [...out, ...words].sort((a, b) => a.start - b.start) : out;
  if (!/hundre|tusind|thousand|million/iu.test(text)) return all;
  // "flere hundrede tusinde" is not a hundred thousand: the vague reading replaces what it covers.
  const vague = vagueNumbers(text);
  if (!vague.length) return all;
  const kept = all.filter((n) => !vague.some((v) => n.start < v.end && v.start < n.end));
  return [...kept, ...vague].sort((a, b) => a.start - b.start);
}

/**
 * A compound cardinal in words with no multiplier ("tre hundrede og tyve", "hundrede og halvfems",
 * "fifty-five", "femogtyve"): a count. A single unit word ("to", "fire", "one") is left alone: in both
 * languages those are everyday words too.
 */
const CARDINAL_ALONE_RE = new RegExp(`(?<![${L}-])(?:${CARDINAL})(?![${L}-])`, 'giu');
const SINGLE_UNIT = new Set([...Object.keys(EN_UNITS), ...Object.keys(DA_UNITS)]);
const NOT_COUNTED_AFTER =
  /^\s*(?:år|years?|dage|days|måneder|months|timer|hours|minutter|minutes|procent|percent|%)/iu;
/** "én", "ét": Danish marks the numeral one with an accent, so written so it is a number, not an article. */
const STRESSED_ONE_RE = /(?<![\p{L}])(?:én|ét)(?![\p{L}])/giu;
function cardinalsAlone(text: string): FoundNumber[] {
  const out: FoundNumber[] = [];
  for (const m of text.matchAll(STRESSED_ONE_RE))
    out.push({ value: 1, start: m.index, end: m.index + m[0].length, raw: m[0], approx: false });
  for (const m of text.matchAll(CARDINAL_ALONE_RE)) {
    const raw = m[0];
    // one word that is no compound ("tolv", "ti", "fifty") is left alone: short number words are
    // everyday words too ("to", "fire", "ni"), and a single word rarely counts end users
    if (SINGLE_UNIT.has(raw.toLowerCase()) || !/[\s-]|og|hundre/iu.test(raw)) continue;
    const value = cardinalValue(raw);
    if (value === undefined) continue;
    const end = m.index + raw.length;
    const after = text.slice(end, end + 16);
    if (NOT_COUNTED_AFTER.test(after)) continue;
    const b = boundOf(text.slice(Math.max(0, m.index - 30), m.index), after);
    out.push({
      value,
      start: m.index,
      end,
      raw,
      approx: false,
      ...(b ? { bound: b.bound, boundSpan: [m.index - b.before, end + b.after] as [number, number] } : {}),
    });
  }
  return out;
}

/**
 * Plural hundreds or tens of a multiplier, said without a number ("several hundred thousand", "flere
 * hundrede tusinde", "hundreds of thousands", "titusinder", "a couple of hundred", "et par tusinde"): at
 * least two of them, so a bound at two.
 */
const VAGUE_RE =
  /(?<![\p{L}])(?:(?:several|many|a\s+few|some|flere|adskillige|mange|nogle|få)\s+(?<h>hundred|hundrede)\s+(?<m>thousand|tusinde?|million(?:er)?)|(?<hs>hundreds)\s+of\s+(?<ms>thousands|millions)|(?<tens>tens)\s+of\s+(?<mt>thousands)|(?<da>hundrede?|ti)tusind(?:er|vis)|flere\s+(?<dt>hundrede|ti)\s*tusinde?|(?:several|a\s+few|a\s+couple\s+of|some|flere|nogle|et\s+par|få|adskillige)\s+(?<hh>hundred|hundrede)(?!\s*(?:tusind|thousand|million))|(?:a\s+few|a\s+couple\s+of|et\s+par|nogle\s+få|få)\s+(?<ht>thousand|tusinde?)|(?<hundreds>hundreds|hundredvis)(?!\s+of\s+(?:thousands|millions)))(?![\p{L}])/giu;

function vagueNumbers(text: string): FoundNumber[] {
  const out: FoundNumber[] = [];
  for (const m of text.matchAll(VAGUE_RE)) {
    const g = m.groups ?? {};
    const mult = g.hh || g.hundreds ? 1 : /^million/i.test(g.m ?? g.ms ?? '') ? 1e6 : 1e3;
    const unit = g.ht ? 1 : g.tens || /^ti$/i.test(g.da ?? g.dt ?? '') ? 10 : 100;
    const value = 2 * unit * mult;
    const end = m.index + m[0].length;
    out.push({
      value,
      start: m.index,
      end,
      raw: m[0],
      approx: true,
      bound: { side: 'above', inclusive: true, near: false },
      boundSpan: [m.index, end],
    });
  }
  return out;
}

/**
 * Cut the digits back to a well-formed number: "50.000." → "50.000", "3 200 2020" → "3 200",
 * "1, 2" (a list) → "1".
 */
function trimDigits(d: string): string {
  let s = d;
  // A space followed by a group that is not exactly three digits ends the number.
  const parts = s.split(/([\u00a0\u202f ])/);
  if (parts.length > 1) {
    let keep = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const next = parts[i + 1]!;
      if (/^\d{3}(?:[.,]\d+)?$/.test(next) && /^\d{1,3}(?:[\u00a0\u202f ]\d{3})*$/.test(keep))
        keep += parts[i]! + next;
      else break;
    }
    s = keep;
  }
  return s;
}
