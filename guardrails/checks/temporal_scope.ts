/**
 * temporal_scope: does the act reach this agreement at `asOf` (§ 17, stk. 1-3)?
 *
 * Quoted statute text is marked `// >` and is verbatim (a test checks it against the official text).
 */
import { formatDate } from '../dates.js';
import type { FactKey, Facts } from '../facts.js';
import { AGREEMENT_CUTOFF, IN_FORCE, OLDER_AGREEMENTS_FROM, valueAt } from '../params.js';
import type { CheckTrace } from './types.js';

const STK_1 = '§ 17, stk. 1';
const STK_2 = '§ 17, stk. 2';
const STK_3 = '§ 17, stk. 3';
export const REFS = [STK_1, STK_2, STK_3] as const;

function trace(
  result: CheckTrace['result'],
  citations: string[],
  facts_used: FactKey[],
  missing: FactKey[],
  da: string,
  en: string,
): CheckTrace {
  return { id: 'temporal_scope', result, citations, facts_used, missing, detail: { da, en } };
}

export function temporalScope(facts: Facts, asOf: string): CheckTrace {
  const inForce = valueAt(IN_FORCE, asOf);
  const cutoff = valueAt(AGREEMENT_CUTOFF, asOf);
  const olderFrom = valueAt(OLDER_AGREEMENTS_FROM, asOf);
  const d = (x: string) => formatDate(x, 'da');
  const e = (x: string) => formatDate(x, 'en');

  // § 17, stk. 1
  // > Loven træder i kraft den 1. juli 2021.
  if (asOf < inForce) {
    return trace(
      'no',
      [STK_1],
      [],
      [],
      `loven træder først i kraft den ${d(inForce)}`,
      `the act only enters into force on ${e(inForce)}`,
    );
  }

  // A date without a status: an agreement dated before `asOf` has been entered; a later date is planned.
  const date = facts.agreement_date;
  const status =
    facts.agreement_status ?? (date !== undefined ? (date < asOf ? 'existing' : 'new') : undefined);
  const statusUsed: FactKey[] = facts.agreement_status !== undefined ? ['agreement_status'] : [];

  // A planned agreement will be entered while the act is in force, so on or after the cut-off of stk. 2.
  if (status === 'new') {
    return trace(
      'yes',
      [STK_1, STK_2],
      statusUsed.length ? statusUsed : ['agreement_date'],
      [],
      'en ny aftale, der indgås mens loven er i kraft, er omfattet',
      'a new agreement entered while the act is in force is reached',
    );
  }

  // § 17, stk. 2
  // > §§ 1, 3-17 og 19 har virkning for aftaler, der er indgået den 7. december 2020 eller senere, jf. dog stk. 3.
  // § 17, stk. 3
  // > §§ 1, 3-17 og 19 har fra den 1. januar 2026 endvidere virkning for aftaler, der er indgået før den 7. december 2020.
  if (date === undefined) {
    if (asOf >= olderFrom) {
      return trace(
        'yes',
        [STK_2, STK_3],
        statusUsed,
        [],
        `fra ${d(olderFrom)} er både aftaler fra før og efter ${d(cutoff)} omfattet, så datoen er uden betydning`,
        `from ${e(olderFrom)} agreements from both before and after ${e(cutoff)} are reached, so the date does not matter`,
      );
    }
    return trace(
      'unknown',
      [STK_2, STK_3],
      statusUsed,
      ['agreement_date'],
      `indtil ${d(olderFrom)} er kun aftaler indgået den ${d(cutoff)} eller senere omfattet, og aftalens dato er ikke oplyst`,
      `until ${e(olderFrom)} only agreements entered on or after ${e(cutoff)} are reached, and the agreement's date is not known`,
    );
  }

  const used: FactKey[] = [...statusUsed, 'agreement_date'];
  if (date >= cutoff) {
    return trace(
      'yes',
      [STK_2],
      used,
      [],
      `en aftale indgået ${d(date)} er indgået den ${d(cutoff)} eller senere`,
      `an agreement entered on ${e(date)} was entered on or after ${e(cutoff)}`,
    );
  }
  if (asOf >= olderFrom) {
    return trace(
      'yes',
      [STK_3],
      used,
      [],
      `en aftale indgået ${d(date)} er fra før ${d(cutoff)}, og sådanne aftaler er omfattet fra ${d(olderFrom)}`,
      `an agreement entered on ${e(date)} predates ${e(cutoff)}, and such agreements are reached from ${e(olderFrom)}`,
    );
  }
  return trace(
    'no',
    [STK_2, STK_3],
    used,
    [],
    `en aftale indgået ${d(date)} er fra før ${d(cutoff)} og er først omfattet fra ${d(olderFrom)}`,
    `an agreement entered on ${e(date)} predates ${e(cutoff)} and is only reached from ${e(olderFrom)}`,
  );
}
