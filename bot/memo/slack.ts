/** What Slack shows of provenance and memos: the small print under an answer, the button, the replies. */
import type { Language, Provenance, Verdict } from '../../guardrails/contract.js';
import { shortProvenance } from '../provenance.js';

export const MEMO_BUTTON = {
  actionId: 'memo_save',
  text: { da: 'Gem som notat', en: 'Save as memo' } satisfies Record<Language, string>,
} as const;

/** Answers that decide (covered, not covered) or inform (what the rules say) can be filed. */
export function memoOffered(verdict: Verdict): boolean {
  return verdict === 'covered' || verdict === 'not_covered' || verdict === 'informational';
}

/** The small print: knowledge version, rules version and the answer's id. */
export function provenanceLine(lang: Language, p: Provenance, answerId: string): string {
  const s = shortProvenance(p);
  return lang === 'da'
    ? `Videngrundlag \`${s.knowledge}\` · regler ${s.rules} · svar \`${answerId}\``
    : `Knowledge \`${s.knowledge}\` · rules ${s.rules} · answer \`${answerId}\``;
}

export const MEMO_TEXTS = {
  da: {
    comment: (file: string) => `Notat til sagen: ${file}. Det er vejledning, ikke en afgørelse fra CFCS.`,
    failed: 'Beklager, notatet kunne ikke lægges i tråden. Prøv igen om lidt.',
    title: 'Notat om leverandørsikkerhed',
  },
  en: {
    comment: (file: string) => `Memo for the case file: ${file}. This is guidance, not a decision by CFCS.`,
    failed: 'Sorry, the memo could not be added to the thread. Please try again shortly.',
    title: 'Memo on supplier security',
  },
} as const;
