/**
 * Language of a message: Danish or English. Mixed text goes to the language most of its words are in;
 * Danish letters (æ ø å) and Danish function words weigh for Danish, English function words for English.
 */
import type { Language } from '../../guardrails/contract.js';

const DA = new Set(
  'og i at er det en et til på af for med som har vi vores de den der ikke om kan må skal jeg du hvad hvordan hvornår hvis eller men fra efter ved også så nu os jer sig være blive bliver blev hos mod under over alle ingen nogen noget hvilke hvilken hvem hvor selv bare stadig endnu gerne få mig dig loven lov aftale aftalen udbyder slutbrugere omfattet kommune leverandør spørgsmål'.split(
    ' ',
  ),
);
const EN = new Set(
  'and the of to in is are we our it a an for with as have has do does did can may must shall will would should what how when if or but from after by also so now us you they this that these those be been being not no any some which who where me my your their its still about into under over all act law agreement provider end users covered supplier question please'.split(
    ' ',
  ),
);

export function detectLanguage(text: string, fallback: Language = 'da'): Language {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  let da = 0;
  let en = 0;
  for (const w of words) {
    if (DA.has(w)) da += 1;
    if (EN.has(w)) en += 1;
    if (/[æøå]/.test(w)) da += 0.5;
  }
  if (da === en) return /[æøå]/i.test(text) ? 'da' : words.length ? (en > 0 ? 'en' : fallback) : fallback;
  return da > en ? 'da' : 'en';
}
