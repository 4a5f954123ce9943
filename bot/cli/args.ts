/** Dates given on the command line or in case files: YYYY-MM-DD and a real calendar day. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Today in Copenhagen, YYYY-MM-DD: the default date the law is applied at. */
const COPENHAGEN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' });
export function today(): string {
  return COPENHAGEN_DAY.format(new Date());
}
