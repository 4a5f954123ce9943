/**
 * Fuzzing what reads a person's words: the number and date parsers and fact extraction. Whatever the
 * text (any Unicode, control characters, lone surrogates, huge inputs) they return, never throw, and
 * what they return is well-formed: finite numbers, real calendar dates, facts valid against FactsSchema.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDates, parseDate } from '../../bot/understand/dates.js';
import { extractFacts } from '../../bot/understand/extract.js';
import { findNumbers, parseNumber } from '../../bot/understand/numbers.js';
import { FactsSchema } from '../../guardrails/facts.js';
import { HUGE, hostileText, hostileToken, RUNS } from './arbitraries.js';

const isoDay = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** A real calendar day written as YYYY-MM-DD. */
function isRealDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function checkNumbers(text: string): void {
  for (const n of findNumbers(text)) {
    expect(Number.isFinite(n.value), `finite value for ${JSON.stringify(n.raw)}`).toBe(true);
    expect(n.start).toBeGreaterThanOrEqual(0);
    expect(n.end).toBeGreaterThanOrEqual(n.start);
    expect(n.end).toBeLessThanOrEqual(text.length);
    expect(typeof n.approx).toBe('boolean');
  }
}

function checkDates(text: string, asOf?: string): void {
  for (const d of findDates(text, asOf ? { asOf } : undefined)) {
    expect(isRealDay(d.value), `a real day, got ${d.value} from ${JSON.stringify(d.raw)}`).toBe(true);
    expect(['day', 'month', 'year']).toContain(d.precision);
    expect(d.start).toBeGreaterThanOrEqual(0);
    expect(d.end).toBeLessThanOrEqual(text.length);
  }
}

function checkFacts(text: string, asOf?: string): void {
  const x = extractFacts(text, asOf ? { asOf } : undefined);
  const parsed = FactsSchema.safeParse(x.facts);
  expect(parsed.success, `facts from ${JSON.stringify(text.slice(0, 200))}: ${parsed.error?.message}`).toBe(
    true,
  );
  for (const v of Object.values(x.evidence)) expect(typeof v).toBe('string');
}

describe('parseNumber and findNumbers on hostile input', () => {
  it('parseNumber returns a finite number or nothing, never throws', () => {
    fc.assert(
      fc.property(fc.oneof(hostileToken, hostileText), (t) => {
        const v = parseNumber(t);
        expect(v === undefined || Number.isFinite(v)).toBe(true);
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('findNumbers returns finite numbers at positions inside the text', () => {
    fc.assert(fc.property(hostileText, checkNumbers), { numRuns: RUNS * 2 });
  });
});

describe('parseDate and findDates on hostile input', () => {
  it('parseDate returns a real calendar day or nothing, with or without asOf', () => {
    fc.assert(
      fc.property(fc.oneof(hostileToken, hostileText), fc.option(isoDay, { nil: undefined }), (t, asOf) => {
        const v = parseDate(t, asOf ? { asOf } : undefined);
        expect(v === undefined || isRealDay(v), `got ${v}`).toBe(true);
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('findDates returns real days with a known precision', () => {
    fc.assert(fc.property(hostileText, fc.option(isoDay, { nil: undefined }), checkDates), {
      numRuns: RUNS * 2,
    });
  });

  it('an odd asOf (not a date at all) does not make them throw', () => {
    fc.assert(
      fc.property(hostileText, fc.string({ unit: 'binary', maxLength: 12 }), (t, asOf) => {
        findDates(t, { asOf });
        parseDate(t, { asOf });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('extractFacts on hostile input', () => {
  it('returns facts valid against FactsSchema, whatever the text', () => {
    fc.assert(fc.property(hostileText, fc.option(isoDay, { nil: undefined }), checkFacts), {
      numRuns: RUNS * 2,
      // found by this property once: counts beyond Number.MAX_SAFE_INTEGER are not valid end_users
      examples: [
        ['99999999999999999999999 end users', '2026-11-22'],
        ['Vi har 10000000000000 mio. slutbrugere', undefined],
        ['We serve 99999999999999999999 end users through state agencies', '2026-11-22'],
      ],
    });
  });
});

describe('huge inputs', () => {
  it.each(HUGE)('%s: parsers and extraction return well-formed results', (_name, text) => {
    checkNumbers(text);
    checkDates(text, '2026-11-22');
    expect(parseNumber(text) === undefined || Number.isFinite(parseNumber(text))).toBe(true);
    const d = parseDate(text);
    expect(d === undefined || isRealDay(d)).toBe(true);
    checkFacts(text, '2026-11-22');
  });
});
