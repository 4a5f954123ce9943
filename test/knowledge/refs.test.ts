import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knowledge } from '../../knowledge/index.js';
import { formatRef, parseLooseRef, parseRef, refCovers, type StatuteRef } from '../../knowledge/refs.js';

const statuteRefs = knowledge()
  .units.filter((u) => u.source === 'lov-1156-2021')
  .map((u) => u.ref);

describe('parseRef / formatRef', () => {
  it.each(statuteRefs)('round-trips %s', (ref) => {
    const r = parseRef(ref);
    expect(r.ok).toBe(true);
    if (r.ok) expect(formatRef(r.value)).toBe(ref);
  });

  it('round-trips any well-formed ref', () => {
    const arb: fc.Arbitrary<StatuteRef> = fc
      .record(
        {
          section: fc.integer({ min: 1, max: 999 }),
          stk: fc.integer({ min: 1, max: 99 }),
          nr: fc.integer({ min: 1, max: 99 }),
          litra: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
        },
        { requiredKeys: ['section'] },
      )
      .map((r) => {
        const out: StatuteRef = { ...r };
        if (out.nr === undefined) delete out.litra;
        return out;
      });
    fc.assert(
      fc.property(arb, (r) => {
        const back = parseRef(formatRef(r));
        expect(back).toEqual({ ok: true, value: r });
      }),
    );
  });

  it('reports an empty ref as empty', () => {
    expect(parseRef('  ')).toMatchObject({ ok: false, error: { code: 'empty' } });
  });

  it.each([
    '§2',
    '§ 2 stk. 2',
    '§ 2, stk 2',
    '§ 2, Stk. 2',
    'stk. 2',
    '§ 1, litra a',
    '§ 1, nr. 3, litra A',
    '§ 2, nr. 1, stk. 2',
    'paragraf 2',
    '§ 2, stk. 2, nr. 2.',
    '§ x',
  ])('gives a typed malformed error for %j', (ref) => {
    const r = parseRef(ref);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('malformed');
      expect(r.error.ref).toBe(ref);
      expect(r.error.message).toContain(ref);
    }
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseRef(s);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});

describe('refCovers', () => {
  it('covers itself and its descendants, not its siblings or prefixes of numbers', () => {
    expect(refCovers('§ 2', '§ 2, stk. 2, nr. 2')).toBe(true);
    expect(refCovers('§ 2, stk. 2', '§ 2, stk. 2')).toBe(true);
    expect(refCovers('§ 1', '§ 17')).toBe(false);
    expect(refCovers('§ 2, stk. 2', '§ 2, stk. 3')).toBe(false);
    expect(refCovers('§ 2, stk. 2, nr. 2', '§ 2')).toBe(false);
  });
});

describe('parseLooseRef', () => {
  it.each([
    ['§ 2, stk. 2, nr. 2', '§ 2, stk. 2, nr. 2'],
    ['§2 stk 2 nr 2', '§ 2, stk. 2, nr. 2'],
    ['§ 1 nr. 3 litra a', '§ 1, nr. 3, litra a'],
    ['§ 1, nr. 3, litra b', '§ 1, nr. 3, litra b'],
    ['paragraf 7, stk. 2', '§ 7, stk. 2'],
    ['Paragraf 19', '§ 19'],
    ['section 19', '§ 19'],
    ['Section 2(2)(3)', '§ 2, stk. 2, nr. 3'],
    ['hvad siger § 7 stk. 2 om fristen?', '§ 7, stk. 2'],
    ['§ 2, subsection 2, no. 4', '§ 2, stk. 2, nr. 4'],
    ['lovens §7, 2. stk.', '§ 7, stk. 2'],
    ['§§ 8-13', '§ 8'],
    ['§ 8, stk. 2, 1. pkt.', '§ 8, stk. 2'],
    ['Section 7(2)', '§ 7, stk. 2'],
    ['paragraph 7 subsection 2', '§ 7, stk. 2'],
    ['§ 1, nr. 3 (a)', '§ 1, nr. 3, litra a'],
    ['§ 1 no. 3 letter B', '§ 1, nr. 3, litra b'],
    ['§ 2 stk. 2 nr. 2 og 3', '§ 2, stk. 2, nr. 2'],
    ['§ 2, stk. 2, litra a', '§ 2, stk. 2'],
    ['paragraffen 19', '§ 19'],
  ])('reads %j as %s', (text, want) => {
    const r = parseLooseRef(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(formatRef(r.value)).toBe(want);
  });

  it('reads every canonical ref as itself', () => {
    fc.assert(
      fc.property(
        fc.record({
          section: fc.integer({ min: 1, max: 99 }),
          stk: fc.option(fc.integer({ min: 1, max: 9 })),
          nr: fc.option(fc.integer({ min: 1, max: 9 })),
          litra: fc.option(fc.constantFrom('a', 'b', 'c')),
        }),
        ({ section, stk, nr, litra }) => {
          const r: StatuteRef = { section };
          if (stk !== null) r.stk = stk;
          if (nr !== null) r.nr = nr;
          if (nr !== null && litra !== null) r.litra = litra;
          expect(parseLooseRef(formatRef(r))).toEqual({ ok: true, value: r });
          expect(parseLooseRef(`Se ${formatRef(r)} i loven`)).toEqual({ ok: true, value: r });
        },
      ),
    );
  });

  it.each(['hvad er fristen?', 'stk. 2', '', 'section'])('gives a typed error when %j has no ref', (text) => {
    expect(parseLooseRef(text)).toMatchObject({
      ok: false,
      error: { code: expect.stringMatching(/^(empty|malformed)$/) },
    });
  });
});
