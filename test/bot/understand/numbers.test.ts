import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNumbers, parseNumber } from '../../../bot/understand/numbers.js';

describe('parseNumber: one expression', () => {
  it.each([
    ['50.000', 50000],
    ['50 000', 50000],
    ['50\u00a0000', 50000],
    ['1,2 mio.', 1200000],
    ['1,2 mio', 1200000],
    ['1,2 millioner', 1200000],
    ['1,1 mio.', 1100000],
    ['75 tusind', 75000],
    ['75 tusinde', 75000],
    ['60k', 60000],
    ['60K', 60000],
    ['1.5 million', 1500000],
    ['1,5 million', 1500000],
    ['1.8m', 1800000],
    ['ca. 57.000', 57000],
    ['ca 57.000', 57000],
    ['~350k', 350000],
    ['omkring 300.000', 300000],
    ['about 300,000', 300000],
    ['3.200', 3200],
    ['3,200', 3200],
    ['2 million', 2000000],
    ['2 millions', 2000000],
    ['50,001', 50001],
    ['1,5 mia.', 1500000000],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['2,5', 2.5],
    ['0.500', 0.5],
    ['1,250 mio.', 1250000],
    ['1.250 million', 1250000],
    ['1.250 mio.', 1250000000],
    ['en halv million', 500000],
    ['half a million', 500000],
    ['to millioner', 2000000],
    ['two million', 2000000],
    ['500', 500],
  ])('%s → %d', (token, value) => {
    expect(parseNumber(token)).toBe(value);
  });
  it.each(['', 'abc', '1.2.3', '12,34,5', 'mio.', '50.000 slutbrugere', '5G'])(
    '%j is not one number',
    (token) => {
      expect(parseNumber(token)).toBeUndefined();
    },
  );
});

describe('findNumbers: counts in text, never dates or references', () => {
  const values = (t: string) => findNumbers(t).map((n) => n.value);
  it.each([
    ['Vi har 50.000 slutbrugere og 3 200 erhvervskunder.', [50000, 3200]],
    ['We have ~350k subs, 1.8m in total.', [350000, 1800000]],
    ['aftalen fra 7. december 2020 med 1,2 mio. kunder', [1200000]],
    ['indgået 7/12-2020 og 6/12-2020', []],
    ['forbud meddelt 10/2-2026', []],
    ['signed 2020-12-07', []],
    ['signed on 15 March 2022, or March 15, 2022', []],
    ['den 3. marts 2019', []],
    ['siden 2018, since 2019, i 2020, in 2021', []],
    ['§ 17, stk. 2, nr. 3, litra a og §§ 8-13', []],
    ['Lov nr. 1156 af 8. juni 2021', []],
    ['kl. 14:30 on 5G, 80 % and 50 percent', []],
    ['In 2020 we had 2000 users', [2000]],
    ['we are at 50,000 users, up from 40 000', [50000, 40000]],
    ['customers. 50 more', [50]],
  ])('%s', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });
  it('gives the span as written, hedge included, and flags the hedge', () => {
    const text = 'Vi har ca. 57.000 slutbrugere';
    const [n] = findNumbers(text);
    expect(n).toMatchObject({ value: 57000, raw: 'ca. 57.000', approx: true });
    expect(text.slice(n!.start, n!.end)).toBe('ca. 57.000');
  });
});

// ---- properties: render a value in each format, embed it in random text, parse it back ----------
const LETTERS = 'abcdefghijklmnopqrstuvwxyzæøå'.split('');
const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
/** Words that legitimately change what a number next to them means (documented exclusions). */
const REFERENCE_WORDS = new Set(
  'nr no stk litra kapitel kap chapter section sec article art afsnit pkt punkt bilag annex page side s spm spørgsmål question version v kl klokken'.split(
    ' ',
  ),
);
const MULTIPLIER_OR_DATE_WORDS =
  /^(?:k|m|mio|mia|mill?|mn|bn|millions?|millioner|milliard(?:er)?|billions?|tusinde?|thousands?|procent|percent|pct|jan|feb|febr|mar|apr|maj|may|jun|jul|aug|sep|sept|okt|oct|nov|dec)/;
/** A number word before a multiplier ("a mn", "to mio") is a second number of its own. */
const NUMBER_WORDS = new Set(
  'a an en et to tre fire fem seks syv otte ni ti two three four five six seven eight nine ten half halv one'.split(
    ' ',
  ),
);
const numberWordPair = (ws: string[]) =>
  ws.some((w, i) => NUMBER_WORDS.has(w) && i + 1 < ws.length && MULTIPLIER_OR_DATE_WORDS.test(ws[i + 1]!));
const prefix = fc
  .array(word, { maxLength: 4 })
  .filter((ws) => !numberWordPair(ws))
  .filter((ws) => ws.length === 0 || !REFERENCE_WORDS.has(ws[ws.length - 1]!))
  .map((ws) => (ws.length ? `${ws.join(' ')} ` : ''));
const suffix = fc
  .array(word, { maxLength: 4 })
  .filter((ws) => !numberWordPair(ws))
  .filter((ws) => ws.length === 0 || !MULTIPLIER_OR_DATE_WORDS.test(ws[0]!))
  .map((ws) => (ws.length ? ` ${ws.join(' ')}` : ''));

const group = (v: number, sep: string) => String(v).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
const da = (x: number) => String(x).replace('.', ',');

type Render = { name: string; ok: (v: number) => boolean; render: (v: number) => string };
const RENDERS: Render[] = [
  { name: 'plain', ok: (v) => v < 1900 || v > 2099, render: (v) => String(v) },
  { name: 'Danish thousands', ok: () => true, render: (v) => group(v, '.') },
  { name: 'English thousands', ok: () => true, render: (v) => group(v, ',') },
  { name: 'space thousands', ok: () => true, render: (v) => group(v, ' ') },
  { name: 'k', ok: (v) => v % 100 === 0, render: (v) => `${v / 1000}k` },
  { name: 'm', ok: (v) => v % 10000 === 0, render: (v) => `${v / 1e6}m` },
  { name: 'mio.', ok: (v) => v % 10000 === 0, render: (v) => `${da(v / 1e6)} mio.` },
  { name: 'millioner', ok: (v) => v % 10000 === 0, render: (v) => `${da(v / 1e6)} millioner` },
  { name: 'million', ok: (v) => v % 10000 === 0, render: (v) => `${v / 1e6} million` },
  { name: 'tusind', ok: (v) => v % 1000 === 0, render: (v) => `${group(v / 1000, '.')} tusind` },
  { name: 'thousand', ok: (v) => v % 1000 === 0, render: (v) => `${group(v / 1000, ',')} thousand` },
  { name: 'ca.', ok: () => true, render: (v) => `ca. ${group(v, '.')}` },
  { name: 'omkring', ok: () => true, render: (v) => `omkring ${group(v, '.')}` },
  { name: '~k', ok: (v) => v % 1000 === 0, render: (v) => `~${v / 1000}k` },
];

const value = fc.oneof(
  fc.integer({ min: 1, max: 999_999_999 }),
  fc.integer({ min: 1, max: 99_999 }).map((n) => n * 100),
  fc.integer({ min: 1, max: 9_999 }).map((n) => n * 10_000),
);

describe('numbers: properties', () => {
  for (const r of RENDERS) {
    it(`${r.name}: parses back, alone and inside any text`, () => {
      fc.assert(
        fc.property(value.filter(r.ok), prefix, suffix, (v, pre, post) => {
          const token = r.render(v);
          expect(parseNumber(token)).toBe(v);
          const text = pre + token + post;
          const found = findNumbers(text);
          expect(found.map((n) => n.value)).toEqual([v]);
          // The span ends where the number ends; it may start earlier on a hedge word ("ca 5.000").
          expect(found[0]!.end).toBe(pre.length + token.length);
          expect(found[0]!.start).toBeLessThanOrEqual(pre.length);
        }),
        { numRuns: 150 },
      );
    });
  }
  it('never returns a value for text without digits or number words', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (ws) => {
        const text = ws
          .filter((w) => !/^(?:en|et|to|tre|fire|fem|seks|syv|otte|ni|ti|a|an|half|halv)$/.test(w))
          // Any other number word ("tyve", "sixty") before a multiplier is a number too.
          .filter((w) => parseNumber(`${w} thousand`) === undefined)
          .join(' ');
        expect(findNumbers(text)).toEqual([]);
      }),
    );
  });
});

describe('number words: compound cardinals before a multiplier', () => {
  it.each([
    ['sixty-two thousand', 62000],
    ['sixty two thousand', 62000],
    ['forty-eight thousand', 48000],
    ['twelve thousand', 12000],
    ['a hundred thousand', 100000],
    ['two hundred and ten thousand', 210000],
    ['three hundred thousand', 300000],
    ['tooghalvtreds tusind', 52000],
    ['femogtyve tusinde', 25000],
    ['halvfjerds tusind', 70000],
    ['fyrretyve tusind', 40000],
    ['tolv tusind', 12000],
    ['to hundrede og femogtyve tusind', 225000],
    ['hundrede tusinde', 100000],
    ['ca. tres tusind', 60000],
    ['ninety-nine million', 99000000],
  ])('%s → %d', (token, value) => {
    expect(parseNumber(token)).toBe(value);
  });

  it('finds them in a sentence, with the hedge; without a multiplier only compounds are read', () => {
    expect(findNumbers('We have sixty-two thousand end users').map((n) => n.value)).toEqual([62000]);
    expect(findNumbers('vi har omkring tooghalvtreds tusind slutbrugere')).toMatchObject([
      { value: 52000, approx: true },
    ]);
    // "twenty-two" is a number however it is used; "tolv", one word, is left alone like "to" and "fire"
    expect(findNumbers('twenty-two routers and tolv switche').map((n) => n.value)).toEqual([22]);
  });

  it('reads every English "tens-units thousand" as its value', () => {
    const tens = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
    const units = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 8 }), (t, u) => {
        expect(parseNumber(`${tens[t]}-${units[u]} thousand`)).toBe(((t + 2) * 10 + u + 1) * 1000);
      }),
    );
  });

  it('reads every Danish "enere-og-tiere tusind" as its value', () => {
    const tens = ['tyve', 'tredive', 'fyrre', 'halvtreds', 'tres', 'halvfjerds', 'firs', 'halvfems'];
    const units = ['en', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 8 }), (t, u) => {
        expect(parseNumber(`${units[u]}og${tens[t]} tusind`)).toBe(((t + 2) * 10 + u + 1) * 1000);
      }),
    );
  });
});

describe('number words: the stressed one, and plural hundreds or tens without a number', () => {
  it.each([
    ['seksogfyrre tusind og ét abonnent', 46001],
    ['ninety thousand and one', 90001],
  ])('%s → %d', (text, value) => {
    expect(findNumbers(text)[0]?.value).toBe(value);
  });
  it.each([
    ['adskillige hundrede tusinde brugere', 200000],
    ['hundreds of thousands of listeners', 200000],
    ['tens of thousands of customers', 20000],
    ['hundredtusindvis af seere', 200000],
    ['many hundred million devices', 200000000],
  ])('%s is at least %d', (text, value) => {
    expect(findNumbers(text)).toMatchObject([
      { value, approx: true, bound: { side: 'above', inclusive: true, near: false } },
    ]);
  });
});
