/**
 * Calendar helpers for the statute's dates. Dates are ISO calendar days (`YYYY-MM-DD`) with no time
 * zone: the law counts days, not instants, so everything is computed in UTC.
 */
import { z } from 'zod';

export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => isValidIsoDate(s), 'a real calendar day');

export type IsoDate = string;

function parts(date: IsoDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** True when `date` is `YYYY-MM-DD` and names a day that exists (no 30 February). */
export function isValidIsoDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const [y, m, d] = parts(date);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days in month `month` (1-12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** -1, 0 or 1 as `a` is before, on or after `b`. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}
export const isBefore = (a: IsoDate, b: IsoDate): boolean => a < b;
export const isOnOrAfter = (a: IsoDate, b: IsoDate): boolean => a >= b;
export const isOnOrBefore = (a: IsoDate, b: IsoDate): boolean => a <= b;

/**
 * `months` calendar months after `date`, to the same day number; where that month has no such day,
 * its last day (2026-08-31 + 6 → 2027-02-28; 2027-08-31 + 6 → 2028-02-29).
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return iso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** The day after `date`. */
export function nextDay(date: IsoDate): IsoDate {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + 1));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The day before `date`. */
export function previousDay(date: IsoDate): IsoDate {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d - 1));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

const longDate = {
  da: new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** `7. december 2020` (da) or `7 December 2020` (en). */
export function formatDate(date: IsoDate, lang: 'da' | 'en'): string {
  const [y, m, d] = parts(date);
  return longDate[lang].format(new Date(Date.UTC(y, m - 1, d)));
}
