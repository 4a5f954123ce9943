/**
 * A word class from the vocabulary files as one regular expression. People write Danish without æ, ø and å
 * ("maa vi koebe", "vaesentlig"), so every æ, ø and å in a pattern also matches ae, oe and aa.
 */
const LETTERS: Record<string, string> = {
  æ: '(?:æ|ae)',
  ø: '(?:ø|oe)',
  å: '(?:å|aa)',
  Æ: '(?:Æ|Ae)',
  Ø: '(?:Ø|Oe)',
  Å: '(?:Å|Aa)',
};

/** One pattern source with æ/ø/å also matching their two-letter spellings. */
export function withDanishSpellings(source: string): string {
  return source.replace(/[æøåÆØÅ]/g, (c) => LETTERS[c]!);
}

/** A word class: any of the sources, on word boundaries, case-insensitive. */
export function wordClass(sources: string[], flags = 'iu'): RegExp {
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${sources.map(withDanishSpellings).join('|')})(?![\\p{L}\\p{N}])`,
    flags,
  );
}
