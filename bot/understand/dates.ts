/**
 * Dates as people write them in Danish and English, to ISO `YYYY-MM-DD`:
 * `7. december 2020`, `7. dec. 2020`, `den 3. marts 2019`, `7/12-2020`, `7/12/2020`, `7.12.2020`,
 * `2020-12-07`, `15 March 2022`, `March 15, 2022`, `15th of March 2022`, `december 2020`,
 * `since 2018`, `siden 2018`, `i 2018`, `i går` / `yesterday` (with `asOf`), and years or months counted
 * back from `asOf`: `sidste år`, `last year`, `i fjor`, `for to år siden`, `two years ago`, `i år`,
 * `last month`, `for tre måneder siden` (precision `year` or `month`, like a written year or month).
 *
 * Numeric dates are day-first (Danish and European habit); `03/15/2022` is read month-first only
 * because 15 cannot be a month. Impossible dates (`31/2-2021`) are not dates.
 *
 * Precision. A date without a day is returned as the first day of its period with a precision:
 * - `month` (`december 2020` → 2020-12-01), `year` (`since 2018` → 2018-01-01).
 * The first day is the ISO truncation of the period: it makes the value sortable and is exactly
 * right for any comparison against a period boundary. It is only decisive for § 17, stk. 2
 * (7 December 2020) when the whole period lies on one side of that day: a year other than 2020,
 * a month other than December 2020. The extractor drops undecisive ones so the bot asks.
 * A day and month without a year (`30. maj`) take the latest such day on or before `asOf`
 * (people report what has happened); without `asOf` they are not returned.
 */
import { WORD_VALUES } from './numbers.js';

export type DatePrecision = 'day' | 'month' | 'year';

export interface FoundDate {
  value: string;
  start: number;
  end: number;
  raw: string;
  precision: DatePrecision;
  /** Said relative to today (`i går`, `today`): only as good as `asOf`. */
  relative?: boolean;
}

export interface DateOptions {
  /** Today, YYYY-MM-DD: resolves `i går` / `yesterday` and day-month dates without a year. */
  asOf?: string;
}

const MONTH_NAMES: Array<[number, string]> = [
  [1, 'januar|january|jan'],
  [2, 'februar|february|febuar|feburary|febr|feb'],
  [3, 'marts|march|mar'],
  [4, 'april|apr'],
  [5, 'maj|may'],
  [6, 'juni|june|jun'],
  [7, 'juli|july|jul'],
  [8, 'august|aug'],
  [9, 'september|sept|sep'],
  [10, 'oktober|october|okt|oct'],
  [11, 'november|nov'],
  [12, 'december|dec'],
];
const MONTH_RE = MONTH_NAMES.map(([, n]) => n).join('|');
const MONTH_LOOKUP = new Map<string, number>();
for (const [num, names] of MONTH_NAMES) for (const n of names.split('|')) MONTH_LOOKUP.set(n, num);

const NB = String.raw`(?<![\p{L}\p{N}])`;
const NA = String.raw`(?![\p{L}\p{N}])`;
const YEAR = String.raw`(?:19|20)\d{2}`;
const MON = String.raw`(?:${MONTH_RE})\.?`;
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const ORD = String.raw`(?:\.|st|nd|rd|th)?`;

/** Each pattern names its groups: y, m (number), mn (name), d; yy for two-digit years. */
const PATTERNS: Array<{ re: string; precision: DatePrecision }> = [
  // 2020-12-07
  { re: `${NB}(?<y>${YEAR})-(?<m>0?[1-9]|1[0-2])-(?<d>${DAY})${NA}`, precision: 'day' },
  // 7/12-2020, 7/12/2020, 7.12.2020, 7-12-2020, 7/12-20
  {
    re: `${NB}(?<d>\\d{1,2})[/.-](?<m>\\d{1,2})[/.-](?:(?<y>${YEAR})|(?<yy>\\d{2}))${NA}`,
    precision: 'day',
  },
  // 8/12 2020 (a space before the year)
  { re: `${NB}(?<d>\\d{1,2})/(?<m>\\d{1,2})\\s+(?<y>${YEAR})${NA}`, precision: 'day' },
  // (den) 7. december 2020, 7 dec. 2020, 15th of March 2022, 15 March, 2022
  {
    re: `${NB}(?<d>${DAY})${ORD}\\s*(?:of\\s+)?(?<mn>${MON})(?:,?\\s*(?<y>${YEAR}))?${NA}`,
    precision: 'day',
  },
  // March 15, 2022 / March 15th 2022
  { re: `${NB}(?<mn>${MON})\\s+(?<d>${DAY})${ORD},?\\s+(?<y>${YEAR})${NA}`, precision: 'day' },
  // december 2020, dec. 2020
  { re: `${NB}(?<mn>${MON})\\s*(?<y>${YEAR})${NA}(?!\\s*[-/.]\\d)`, precision: 'month' },
  // since 2018, siden 2018, i 2018, in 2018, fra 2019, back in 2017, året 2019
  {
    re: `${NB}(?:since|siden|in|i|from|fra|during|under|tilbage\\s+i|back\\s+in|back\\s+to|tilbage\\s+til|året|year|år)\\s+(?:(?:early|late|mid|the\\s+(?:start|end|middle|beginning)\\s+of|primo|ultimo|medio|starten\\s+af|slutningen\\s+af|begyndelsen\\s+af|udgangen\\s+af|midten\\s+af|løbet\\s+af)-?\\s*)?(?<y>${YEAR})${NA}(?!\\s*[-/.]\\d)`,
    precision: 'year',
  },
  // A month of a relative year: "i marts sidste år", "in January this year"
  {
    re: `${NB}(?<mn>${MON})\\s+(?:of\\s+)?(?<ry>this\\s+year|last\\s+year|i\\s+år|sidste\\s+år|i\\s*fjor)${NA}`,
    precision: 'month',
  },
  // Years and months counted back from asOf: sidste år, last year, i fjor, for to år siden, two years ago,
  // i år, this year; sidste måned, last month, three months ago. Never "det sidste år" (the past year).
  {
    re: `${NB}(?<ry>(?:i|dette|indeværende)\\s+år(?!\\s+og\\s+dag)|this\\s+year|(?<!(?:the|det|past|over|during)\\s)(?:last|sidste)\\s+(?:år|year|kalenderår|calendar\\s+year)|forrige\\s+år|previous\\s+year|i\\s*fjor|the\\s+year\\s+before\\s+last|året\\s+før\\s+sidst|i\\s+forfjor|(?:for\\s+)?(?:et|ét|to|tre|fire|fem|seks|syv|otte|ni|ti|\\d{1,2})\\s+år\\s+siden|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})\\s+years?\\s+ago)${NA}(?!\\s*(?:19|20)\\d{2})`,
    precision: 'year',
  },
  {
    re: `${NB}(?<rm>(?<!(?:the|det|past)\\s)(?:last|sidste|forrige)\\s+(?:month|måned)|previous\\s+month|(?:this|denne)\\s+(?:month|måned)|(?:for\\s+)?(?:en|én|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|\\d{1,2})\\s+måneder?\\s+siden|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})\\s+months?\\s+ago)${NA}`,
    precision: 'month',
  },
  // i går / yesterday / i forgårs / i dag / today (the extractor uses "today" only for a decision)
  { re: `${NB}(?<rel>i\\s+går|igår|yesterday|i\\s+forgårs|i\\s+dag|idag|today)${NA}`, precision: 'day' },
];
const FIND_RE = new RegExp(PATTERNS.map((p, i) => `(?<p${i}>${renumber(p.re, i)})`).join('|'), 'giu');
const WHOLE_RES = PATTERNS.map((p) => new RegExp(`^\\s*(?:den\\s+|the\\s+|on\\s+)?${p.re}\\s*$`, 'iu'));

/** Group names must be unique across the alternation: suffix them with the pattern's index. */
function renumber(re: string, i: number): string {
  return re.replace(/\(\?<(y|yy|m|mn|d|rel|ry|rm)>/g, `(?<$1_${i}>`);
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function isValidDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function parseIso(s: string | undefined): { y: number; m: number; d: number } | undefined {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null;
  if (!m) return undefined;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

function addDays(iso: { y: number; m: number; d: number }, days: number): string {
  const t = new Date(Date.UTC(iso.y, iso.m - 1, iso.d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

type Groups = {
  y?: string;
  yy?: string;
  m?: string;
  mn?: string;
  d?: string;
  rel?: string;
  ry?: string;
  rm?: string;
};

/** Counts of years or months back: the number words of numbers.ts, and a few beyond ten. */
const COUNT_WORDS: Record<string, number> = {
  ...WORD_VALUES,
  a: 1,
  ét: 1,
  én: 1,
  eleven: 11,
  elleve: 11,
  twelve: 12,
  tolv: 12,
};
/** How many years or months back a relative expression lies ("two years ago" 2, "i år" 0). */
function countBack(expr: string): number {
  const e = expr.toLowerCase();
  if (/^(?:i|dette|indeværende|this|denne)\s+(?:år|year|måned|month)/u.test(e)) return 0;
  if (/before\s+last|før\s+sidst|forfjor/u.test(e)) return 2;
  const n = /(?:^|\s)(\d{1,2}|\p{L}+)\s+(?:år|years?|måneder?|months?)\s+(?:siden|ago)/u.exec(e)?.[1];
  if (n) return /^\d+$/.test(n) ? Number(n) : (COUNT_WORDS[n] ?? 1);
  return 1;
}

function resolve(g: Groups, precision: DatePrecision, opts?: DateOptions): string | undefined {
  const asOf = parseIso(opts?.asOf);
  if (g.ry || g.rm) {
    if (!asOf) return undefined;
    if (g.ry) {
      const y = asOf.y - countBack(g.ry);
      const m = g.mn ? MONTH_LOOKUP.get(g.mn.toLowerCase().replace(/\.$/, '')) : undefined;
      return `${y}-${pad(m ?? 1)}-01`;
    }
    const months = asOf.y * 12 + (asOf.m - 1) - countBack(g.rm!);
    return `${Math.floor(months / 12)}-${pad((months % 12) + 1)}-01`;
  }
  if (g.rel) {
    if (!asOf) return undefined;
    return addDays(asOf, /forgårs/i.test(g.rel) ? -2 : /dag|today/i.test(g.rel) ? 0 : -1);
  }
  let y = g.y ? Number(g.y) : undefined;
  if (y === undefined && g.yy) y = 2000 + Number(g.yy);
  let m = g.m ? Number(g.m) : g.mn ? MONTH_LOOKUP.get(g.mn.toLowerCase().replace(/\.$/, '')) : undefined;
  if (precision === 'year') return y === undefined ? undefined : `${y}-01-01`;
  if (m === undefined) return undefined;
  if (precision === 'month') return y === undefined ? undefined : `${y}-${pad(m)}-01`;
  let d = Number(g.d);
  if (g.m && m > 12 && d <= 12) [m, d] = [d, m]; // 03/15/2022: month-first is the only reading
  if (y === undefined) {
    if (!asOf) return undefined;
    y = asOf.y;
    if (m > asOf.m || (m === asOf.m && d > asOf.d)) y -= 1;
  }
  if (!isValidDay(y, m, d)) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function groupsOf(all: Record<string, string | undefined>, i: number): Groups {
  const g: Groups = {};
  for (const k of ['y', 'yy', 'm', 'mn', 'd', 'rel', 'ry', 'rm'] as const) {
    const v = all[`${k}_${i}`];
    if (v !== undefined) g[k] = v;
  }
  return g;
}

/** One date expression → `YYYY-MM-DD` (the first day of the period if it has no day); else undefined. */
export function parseDate(token: string, opts?: DateOptions): string | undefined {
  for (let i = 0; i < PATTERNS.length; i++) {
    const m = WHOLE_RES[i]!.exec(token);
    if (!m?.groups) continue;
    const v = resolve(m.groups as Groups, PATTERNS[i]!.precision, opts);
    if (v) return v;
  }
  return undefined;
}

/** Every date in free text, in order, with its precision. */
export function findDates(text: string, opts?: DateOptions): FoundDate[] {
  const out: FoundDate[] = [];
  FIND_RE.lastIndex = 0;
  for (let m = FIND_RE.exec(text); m; m = FIND_RE.exec(text)) {
    const all = m.groups as Record<string, string | undefined>;
    const i = PATTERNS.findIndex((_, k) => all[`p${k}`] !== undefined);
    if (i < 0) continue;
    const p = PATTERNS[i]!;
    let raw = m[0];
    let start = m.index;
    if (p.precision === 'year' && all[`y_${i}`] !== undefined) {
      // Keep the preposition out of the span: "since 2018" → "2018".
      const y = all[`y_${i}`]!;
      start += raw.lastIndexOf(y);
      raw = y;
    }
    const value = resolve(groupsOf(all, i), p.precision, opts);
    if (!value) continue;
    const relative = ['rel', 'ry', 'rm'].some((k) => all[`${k}_${i}`] !== undefined);
    out.push({
      value,
      start,
      end: start + raw.length,
      raw,
      precision: p.precision,
      ...(relative ? { relative } : {}),
    });
  }
  return out;
}
