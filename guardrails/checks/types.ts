/** What every check returns: its result and the trail that explains it (refs, facts, a plain line). */
import type { CheckId, CheckResultValue } from '../contract.js';
import type { FactKey } from '../facts.js';

export type FactorSource = 'statement' | 'register';

export interface CheckTrace {
  id: CheckId;
  result: CheckResultValue;
  /** Statute refs the check relies on, canonical (`§ 1, nr. 3, litra a`). */
  citations: string[];
  /** The facts that decided. */
  facts_used: FactKey[];
  /** Facts that would decide an `unknown`. */
  missing: FactKey[];
  /** One plain line each. */
  detail: { da: string; en: string };
  /** supplier_risk only: the § 2, stk. 2 factors present, e.g. `§ 2, stk. 2, nr. 2`. */
  factors?: string[];
  /** supplier_risk only: per factor ref, whether it rests on what the person said or on the register. */
  factor_sources?: Record<string, FactorSource>;
  /** court_deadline only: the last day, YYYY-MM-DD. */
  deadline?: string;
}

const numberFormat = { da: new Intl.NumberFormat('da-DK'), en: new Intl.NumberFormat('en-GB') };

/** `60.000` (da) / `60,000` (en). */
export function formatNumber(n: number, lang: 'da' | 'en'): string {
  return numberFormat[lang].format(n);
}

/** Keeps first occurrences, drops repeats. */
export function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
