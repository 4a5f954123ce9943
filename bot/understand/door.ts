/**
 * Text is normalised once, at the door, before anything reads it, so that what a person sees is what the
 * reader reads: Unicode NFKC (fullwidth letters, ligatures), invisible and bidirectional control
 * characters removed (a soft hyphen pasted from Word or a PDF, zero-width spaces), and letters from other
 * scripts that look like Latin ones folded inside otherwise Latin words ("Huаwei" with a Cyrillic а).
 */

/** Soft hyphen, zero-width and joiner characters, word joiner, BOM, bidi marks, embeddings and isolates. */
const INVISIBLE =
  /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]|\u034F|\u17B4|\u17B5|\u180B|\u180C|\u180D|\p{Variation_Selector}/gu;

/** Cyrillic and Greek letters that look like Latin ones (Unicode confusables, the common ones). */
const LOOKALIKE: Record<string, string> = {
  а: 'a',
  в: 'B',
  е: 'e',
  к: 'k',
  м: 'M',
  н: 'H',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 'T',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ζ: 'Z',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  ο: 'o',
  ν: 'v',
  ι: 'i',
  α: 'a',
};
const MIXED_WORD = /[\p{L}\p{M}]+/gu;
const LATIN = /\p{Script=Latin}/u;
const FOREIGN = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

/** A word written mostly in Latin letters with look-alikes from another script gets the Latin ones. */
function foldWord(w: string): string {
  if (!LATIN.test(w) || !FOREIGN.test(w)) return w;
  return [...w].map((ch) => LOOKALIKE[ch] ?? ch).join('');
}

// (The fraction signs stay as written: NFKC would make "½ mio" "1⁄2 mio", read as two million.)
export function normaliseText(text: string): string {
  return text
    .split(/([½¼¾])/u)
    .map((part) => (/^[½¼¾]$/u.test(part) ? part : part.normalize('NFKC')))
    .join('')
    .replace(INVISIBLE, '')
    .replace(MIXED_WORD, foldWord);
}
