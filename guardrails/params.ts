/**
 * The statute's numbers and dates, declared once (OpenFisca style): each parameter names the unit of
 * Lov nr. 1156 af 8. juni 2021 it comes from and keeps its values by the date they take effect, so a
 * future amendment is one more dated value, not a code change. No check holds a number of its own.
 */
import type { IsoDate } from './dates.js';

export const STATUTE = 'lov-1156-2021' as const;

export interface ParameterValue<T> {
  /** First day the value applies (inclusive). */
  from: IsoDate;
  value: T;
}

export interface Parameter<T> {
  id: string;
  description: { da: string; en: string };
  source: typeof STATUTE;
  /** Canonical ref of the unit the value is read from. */
  ref: string;
  /** The words of that unit that carry the value, verbatim. */
  wording: string;
  unit: 'end_users' | 'date' | 'months';
  /** Oldest first. */
  values: readonly ParameterValue<T>[];
}

/** The day the act took effect: the first value of every parameter applies from it. */
const ACT_TAKES_EFFECT: IsoDate = '2021-07-01';

function constant<T>(p: Omit<Parameter<T>, 'values' | 'source'>, value: T): Parameter<T> {
  return { ...p, source: STATUTE, values: [{ from: ACT_TAKES_EFFECT, value }] };
}

export const END_USERS_THRESHOLD = constant<number>(
  {
    id: 'END_USERS_THRESHOLD',
    description: {
      da: 'Antal slutbrugere, som nettene skal anvendes af mere end (strengt større end)',
      en: 'Number of end users the networks must be used by more than (strictly greater)',
    },
    ref: '§ 1, nr. 3, litra a',
    wording: 'mere end 50.000 slutbrugere',
    unit: 'end_users',
  },
  50_000,
);

export const STATE_END_USERS_THRESHOLD = constant<number>(
  {
    id: 'STATE_END_USERS_THRESHOLD',
    description: {
      da: 'Antal slutbrugere betjent gennem aftaler med statslige myndigheder og institutioner, som skal overstiges',
      en: 'Number of end users served through agreements with state authorities and institutions that must be exceeded',
    },
    ref: '§ 1, nr. 3, litra b',
    wording: 'mere end 500 slutbrugere',
    unit: 'end_users',
  },
  500,
);

export const IN_FORCE = constant<IsoDate>(
  {
    id: 'IN_FORCE',
    description: { da: 'Lovens ikrafttræden', en: 'The act enters into force' },
    ref: '§ 17, stk. 1',
    wording: 'Loven træder i kraft den 1. juli 2021.',
    unit: 'date',
  },
  ACT_TAKES_EFFECT,
);

export const AGREEMENT_CUTOFF = constant<IsoDate>(
  {
    id: 'AGREEMENT_CUTOFF',
    description: {
      da: 'Aftaler indgået denne dag eller senere er omfattet fra ikrafttrædelsen',
      en: 'Agreements entered on or after this day are reached from entry into force',
    },
    ref: '§ 17, stk. 2',
    wording: 'aftaler, der er indgået den 7. december 2020 eller senere',
    unit: 'date',
  },
  '2020-12-07',
);

export const OLDER_AGREEMENTS_FROM = constant<IsoDate>(
  {
    id: 'OLDER_AGREEMENTS_FROM',
    description: {
      da: 'Fra denne dag er også aftaler indgået før 7. december 2020 omfattet',
      en: 'From this day agreements entered before 7 December 2020 are reached too',
    },
    ref: '§ 17, stk. 3',
    wording: 'fra den 1. januar 2026 endvidere virkning for aftaler, der er indgået før den 7. december 2020',
    unit: 'date',
  },
  '2026-01-01',
);

export const COURT_DEADLINE_MONTHS = constant<number>(
  {
    id: 'COURT_DEADLINE_MONTHS',
    description: {
      da: 'Frist i måneder for at indbringe en afgørelse for Københavns Byret, regnet fra meddelelsen',
      en: 'Months from notification within which a decision must be brought before the Copenhagen City Court',
    },
    ref: '§ 7, stk. 2',
    wording: 'inden 6 måneder efter afgørelsens meddelelse',
    unit: 'months',
  },
  6,
);

export const PARAMETERS = [
  END_USERS_THRESHOLD,
  STATE_END_USERS_THRESHOLD,
  IN_FORCE,
  AGREEMENT_CUTOFF,
  OLDER_AGREEMENTS_FROM,
  COURT_DEADLINE_MONTHS,
] as const;

/**
 * The value of `p` on `date`: the latest value whose `from` is on or before it. Before the first value
 * (the act was not yet in force) the first value is returned: whether the act reaches a situation at
 * all is `temporal_scope`'s question, not the parameter's.
 */
export function valueAt<T>(p: Parameter<T>, date: IsoDate): T {
  let current = p.values[0]!;
  for (const v of p.values) if (v.from <= date) current = v;
  return current.value;
}
