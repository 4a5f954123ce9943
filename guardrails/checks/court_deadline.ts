/**
 * court_deadline: is a decision still within the 6-month deadline for bringing it before
 * Københavns Byret (§ 7, stk. 1-2)?
 *
 * Quoted statute text is marked `// >` and is verbatim (a test checks it against the official text).
 */
import { addCalendarMonths, formatDate } from '../dates.js';
import type { Facts } from '../facts.js';
import { COURT_DEADLINE_MONTHS, valueAt } from '../params.js';
import type { CheckTrace } from './types.js';

const STK_1 = '§ 7, stk. 1';
const STK_2 = '§ 7, stk. 2';
export const REFS = [STK_1, STK_2] as const;

// § 7, stk. 1
// > Afgørelser efter kapitel 2, 3 og 8 kan alene indbringes for Københavns Byret.
// § 7, stk. 2
// > Afgørelsen skal indbringes inden 6 måneder efter afgørelsens meddelelse. Københavns Byret kan dog
// > undtagelsesvis tillade en indbringelse efter 6 måneder.
//
// Counted in calendar months to the same day number; where that month has no such day, its last day.
export function courtDeadline(facts: Facts, asOf: string): CheckTrace {
  const base = { id: 'court_deadline' as const, citations: [STK_1, STK_2] };
  const notified = facts.decision_date;
  if (notified === undefined) {
    return {
      ...base,
      result: 'unknown',
      facts_used: [],
      missing: ['decision_date'],
      detail: {
        da: 'det er ikke oplyst, hvornår afgørelsen blev meddelt',
        en: 'it is not known when the decision was notified',
      },
    };
  }
  const months = valueAt(COURT_DEADLINE_MONTHS, asOf);
  const deadline = addCalendarMonths(notified, months);
  const [dd, de] = [formatDate(deadline, 'da'), formatDate(deadline, 'en')];
  const [nd, ne] = [formatDate(notified, 'da'), formatDate(notified, 'en')];
  if (asOf <= deadline) {
    return {
      ...base,
      result: 'yes',
      facts_used: ['decision_date'],
      missing: [],
      deadline,
      detail: {
        da: `afgørelsen blev meddelt ${nd}; den kan indbringes for Københavns Byret til og med ${dd}`,
        en: `the decision was notified on ${ne}; it can be brought before Københavns Byret (Copenhagen City Court) until ${de} inclusive`,
      },
    };
  }
  return {
    ...base,
    result: 'no',
    facts_used: ['decision_date'],
    missing: [],
    deadline,
    detail: {
      da: `fristen på ${months} måneder udløb ${dd}; Københavns Byret kan dog undtagelsesvis tillade en senere indbringelse`,
      en: `the ${months}-month deadline ended on ${de}; Københavns Byret (Copenhagen City Court) may exceptionally allow the case to be brought later`,
    },
  };
}
