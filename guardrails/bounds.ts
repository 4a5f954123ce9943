/**
 * A count said with a bound: "over 50.000", "mindst 50.000", "knap 50.000", "højst 500", "50k+".
 * The fact keeps the number as written; the bound says on which side of it the real count lies, and
 * whether the number itself is included. A `near` bound lies close to the number ("knap", "godt",
 * "lidt over", "just under": within a tenth of it).
 *
 * The statute's thresholds are strict ("mere end 50.000", § 1, nr. 3): a bound decides only when every
 * count it allows lies on one side of the threshold.
 */
export interface Bound {
  side: 'above' | 'below';
  /** The number itself is allowed ("mindst", "højst", "50.000+"). */
  inclusive: boolean;
  /** Close to the number ("knap", "godt", "lidt over", "just under"). */
  near: boolean;
}

/** The counts a bound allows, as [low, high] with open ends marked. */
function interval(value: number, b: Bound): { lo: number; loOpen: boolean; hi: number; hiOpen: boolean } {
  if (b.side === 'above')
    return {
      lo: value,
      loOpen: !b.inclusive,
      hi: b.near ? value * 1.1 : Number.POSITIVE_INFINITY,
      hiOpen: false,
    };
  return { lo: b.near ? value * 0.9 : 0, loOpen: false, hi: value, hiOpen: !b.inclusive };
}

/**
 * Whether a count said with `bound` is more than `threshold`: true or false when every count the bound
 * allows says so, undefined when the bound reaches across the threshold ("mindst 50.000").
 */
export function moreThan(value: number, bound: Bound | undefined, threshold: number): boolean | undefined {
  if (bound === undefined) return value > threshold;
  const i = interval(value, bound);
  // counts are whole numbers: an open end at n allows n + 1 (or n - 1) at the nearest
  const lowest = i.loOpen ? Math.floor(i.lo) + 1 : Math.ceil(i.lo);
  const highest = i.hiOpen ? Math.ceil(i.hi) - 1 : Math.floor(i.hi);
  if (lowest > threshold) return true;
  if (highest <= threshold) return false;
  return undefined;
}

/** How a bound is said in an answer ("mere end 50.000 slutbrugere er mere end 50.000"). */
export function boundWords(b: Bound | undefined, lang: 'da' | 'en'): string {
  if (b === undefined) return '';
  const words = {
    da: {
      above: b.near ? 'godt ' : b.inclusive ? 'mindst ' : 'mere end ',
      below: b.near ? 'knap ' : b.inclusive ? 'højst ' : 'under ',
    },
    en: {
      above: b.near ? 'just over ' : b.inclusive ? 'at least ' : 'more than ',
      below: b.near ? 'just under ' : b.inclusive ? 'at most ' : 'fewer than ',
    },
  };
  return words[lang][b.side];
}
