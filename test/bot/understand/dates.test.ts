import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDates, parseDate } from '../../../bot/understand/dates.js';
import { findNumbers } from '../../../bot/understand/numbers.js';

describe('parseDate: one expression', () => {
  it.each([
    ['7. december 2020', '2020-12-07'],
    ['7. dec. 2020', '2020-12-07'],
    ['7 dec 2020', '2020-12-07'],
    ['7/12-2020', '2020-12-07'],
    ['6/12-2020', '2020-12-06'],
    ['10/2-2026', '2026-02-10'],
    ['7/12/2020', '2020-12-07'],
    ['7.12.2020', '2020-12-07'],
    ['07-12-2020', '2020-12-07'],
    ['7/12-20', '2020-12-07'],
    ['2020-12-07', '2020-12-07'],
    ['15 March 2022', '2022-03-15'],
    ['March 15, 2022', '2022-03-15'],
    ['March 15th 2022', '2022-03-15'],
    ['15th of March 2022', '2022-03-15'],
    ['den 3. marts 2019', '2019-03-03'],
    ['on 30 May 2026', '2026-05-30'],
    ['31. august 2026', '2026-08-31'],
    ['29. februar 2024', '2024-02-29'],
    ['03/15/2022', '2022-03-15'],
    ['since 2018', '2018-01-01'],
    ['siden 2018', '2018-01-01'],
    ['i 2018', '2018-01-01'],
    ['december 2020', '2020-12-01'],
    ['okt. 2019', '2019-10-01'],
  ])('%s → %s', (token, iso) => {
    expect(parseDate(token)).toBe(iso);
  });
  it.each([
    '31/2-2021',
    '29. februar 2023',
    '32. maj 2020',
    '2020-13-01',
    'hello',
    '',
    '50.000',
    '1.5 million',
  ])('%j is not a date', (token) => {
    expect(parseDate(token)).toBeUndefined();
  });
  it('needs asOf for dates without a year and for "i går", and then looks back', () => {
    expect(parseDate('30. maj')).toBeUndefined();
    expect(parseDate('30. maj', { asOf: '2026-11-22' })).toBe('2026-05-30');
    expect(parseDate('24. december', { asOf: '2026-11-22' })).toBe('2025-12-24');
    expect(parseDate('i går', { asOf: '2026-03-01' })).toBe('2026-02-28');
    expect(parseDate('yesterday', { asOf: '2026-01-01' })).toBe('2025-12-31');
  });
  it.each([
    ['last year', '2024-01-01', 'year'],
    ['sidste år', '2024-01-01', 'year'],
    ['i fjor', '2024-01-01', 'year'],
    ['forrige år', '2024-01-01', 'year'],
    ['for tre år siden', '2022-01-01', 'year'],
    ['4 years ago', '2021-01-01', 'year'],
    ['i år', '2025-01-01', 'year'],
    ['this year', '2025-01-01', 'year'],
    ['the year before last', '2023-01-01', 'year'],
    ['sidste måned', '2025-02-01', 'month'],
    ['last month', '2025-02-01', 'month'],
    ['for seks måneder siden', '2024-09-01', 'month'],
    ['i august sidste år', '2024-08-01', 'month'],
  ])('%j counts back from asOf (2025-03-04)', (token, value, precision) => {
    const found = findDates(`Aftalen blev indgået ${token}.`, { asOf: '2025-03-04' });
    expect(found.map((d) => [d.value, d.precision])).toEqual([[value, precision]]);
    expect(findDates(token)).toEqual([]);
  });
  it.each([
    'over the last year',
    'i løbet af det sidste år',
    'det har vi haft i år og dag',
    'the past month',
  ])('%j is a stretch of time, not a year or month', (text) => {
    expect(findDates(text, { asOf: '2025-03-04' })).toEqual([]);
  });
});

describe('findDates: in text, with precision', () => {
  it('finds each date with its span and precision', () => {
    const text =
      'Aftalen blev indgået 6/12-2020, forbuddet meddelt den 31. marts 2026, og vi har haft Huawei siden 2018.';
    const found = findDates(text);
    expect(found.map((d) => [d.value, d.precision])).toEqual([
      ['2020-12-06', 'day'],
      ['2026-03-31', 'day'],
      ['2018-01-01', 'year'],
    ]);
    for (const d of found) expect(text.slice(d.start, d.end)).toBe(d.raw);
    expect(found[2]!.raw).toBe('2018');
  });
  it('reads no dates in counts and references', () => {
    expect(findDates('50.000 slutbrugere, 1.5 million users, § 17, stk. 2, 1,2 mio.')).toEqual([]);
  });
});

// ---- properties ---------------------------------------------------------------------------------
const MONTHS_DA = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const SHORT_DA = [
  'jan.',
  'feb.',
  'mar.',
  'apr.',
  'maj',
  'jun.',
  'jul.',
  'aug.',
  'sep.',
  'okt.',
  'nov.',
  'dec.',
];

const LETTERS = 'abcdefghijklmnopqrstuvwxyzæøå'.split('');
const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
/** A month name or a year word right before/after would legitimately join the date. */
const JOINS =
  /^(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec|of|den|the|on|i|in|since|siden|fra|from|år|year|året|during|under|tilbage|back|st|nd|rd|th)/;
const prefix = fc
  .array(word, { maxLength: 4 })
  .filter((ws) => ws.length === 0 || !JOINS.test(ws[ws.length - 1]!))
  .map((ws) => (ws.length ? `${ws.join(' ')} ` : ''));
const suffix = fc
  .array(word, { maxLength: 4 })
  .filter((ws) => ws.length === 0 || !JOINS.test(ws[0]!))
  .map((ws) => (ws.length ? ` ${ws.join(' ')}` : ''));

const day = fc
  .record({
    y: fc.integer({ min: 1990, max: 2035 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ y, m, d }) => d <= new Date(Date.UTC(y, m, 0)).getUTCDate());
const pad = (n: number) => String(n).padStart(2, '0');

const DAY_RENDERS: Array<[string, (y: number, m: number, d: number) => string]> = [
  ['d. måned åååå', (y, m, d) => `${d}. ${MONTHS_DA[m - 1]} ${y}`],
  ['d. mån. åååå', (y, m, d) => `${d}. ${SHORT_DA[m - 1]} ${y}`],
  ['den d. måned åååå', (y, m, d) => `den ${d}. ${MONTHS_DA[m - 1]} ${y}`],
  ['d/m-åååå', (y, m, d) => `${d}/${m}-${y}`],
  ['d/m/yyyy', (y, m, d) => `${d}/${m}/${y}`],
  ['dd.mm.yyyy', (y, m, d) => `${pad(d)}.${pad(m)}.${y}`],
  ['yyyy-mm-dd', (y, m, d) => `${y}-${pad(m)}-${pad(d)}`],
  ['d Month yyyy', (y, m, d) => `${d} ${MONTHS_EN[m - 1]} ${y}`],
  ['Month d, yyyy', (y, m, d) => `${MONTHS_EN[m - 1]} ${d}, ${y}`],
];

describe('dates: properties', () => {
  for (const [name, render] of DAY_RENDERS) {
    it(`${name}: parses back, alone and inside any text, and is never read as a count`, () => {
      fc.assert(
        fc.property(day, prefix, suffix, ({ y, m, d }, pre, post) => {
          const iso = `${y}-${pad(m)}-${pad(d)}`;
          const token = render(y, m, d);
          expect(parseDate(token)).toBe(iso);
          // random words may spell a count of their own ("a mn" is a million): only the date is tested
          fc.pre(findNumbers(`${pre}x${post}`).length === 0);
          const text = pre + token + post;
          const found = findDates(text);
          expect(found.map((f) => [f.value, f.precision])).toEqual([[iso, 'day']]);
          expect(findNumbers(text)).toEqual([]);
        }),
        { numRuns: 150 },
      );
    });
  }
  for (const [name, render] of [
    ['since', (y: number) => `since ${y}`],
    ['siden', (y: number) => `siden ${y}`],
    ['i', (y: number) => `i ${y}`],
  ] as const) {
    it(`"${name} åååå": year precision, first day, never a count`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1990, max: 2035 }), prefix, suffix, (y, pre, post) => {
          const text = pre + render(y) + post;
          expect(findDates(text).map((f) => [f.value, f.precision])).toEqual([[`${y}-01-01`, 'year']]);
          expect(findNumbers(text)).toEqual([]);
        }),
        { numRuns: 100 },
      );
    });
  }
  it('a bare reference to a provision is never a count or a date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 9 }),
        (p, s, n) => {
          const text = `§ ${p}, stk. ${s}, nr. ${n}`;
          expect(findNumbers(text)).toEqual([]);
          expect(findDates(text)).toEqual([]);
        },
      ),
    );
  });
});
