import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  formatDate,
  IsoDateSchema,
  isValidIsoDate,
  nextDay,
  previousDay,
} from '../../guardrails/dates.js';

describe('calendar helpers', () => {
  it.each([
    ['2026-01-31', 6, '2026-07-31'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-03-31', 6, '2026-09-30'],
    ['2026-05-30', 6, '2026-11-30'],
    ['2026-07-15', 6, '2027-01-15'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
  ] as const)('%s + %i months = %s', (from, n, to) => {
    expect(addCalendarMonths(from, n)).toBe(to);
  });

  it('steps over month and year ends', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
  });

  it('accepts only real days', () => {
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2027-02-29')).toBe(false);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('7/12-2020')).toBe(false);
    const bad = IsoDateSchema.safeParse('2026-02-30');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/real calendar day/);
  });

  it('writes dates the way each language does', () => {
    expect(formatDate('2020-12-07', 'da')).toBe('7. december 2020');
    expect(formatDate('2020-12-07', 'en')).toBe('7 December 2020');
  });
});
