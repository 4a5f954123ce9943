/**
 * Guards on every outgoing answer. An answer leaves the pipeline only if it validates against the
 * contract's schema, every statute ref exists, every quote is verbatim in its source, the verdict is the
 * one the checks derive, and the text never predicts what CFCS will decide.
 */
import { knowledge } from '../knowledge/index.js';
import type { SourceId } from '../knowledge/types.js';
import { type Answer, AnswerSchema, type Topic, type Verdict } from './contract.js';

export type GuardCode =
  | 'schema'
  | 'unknown_ref'
  | 'unverifiable_quote'
  | 'verdict_mismatch'
  | 'predicts_cfcs'
  | 'language';
export interface GuardFailure {
  code: GuardCode;
  message: string;
}

/** Letters and digits only, lower-cased: layout, punctuation and enumeration labels do not matter. */
export function squash(s: string): string {
  return s
    .toLowerCase()
    .replace(/-\s*\n\s*/g, '')
    .replace(/stk\.\s*\d+/g, ' ')
    .replace(/(^|[\s•])(\d+|[a-z])\)/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const squashedSources = new Map<SourceId, string>();
function squashedSource(source: SourceId): string {
  let s = squashedSources.get(source);
  if (s === undefined) {
    s = squash(knowledge().officialText(source));
    squashedSources.set(source, s);
  }
  return s;
}

/**
 * Verdicts on quotes already checked. Quotes are cut from the units' own text, so there are few of them;
 * the bound only keeps an odd caller from growing it without end.
 */
const verbatimSeen = new Map<string, boolean>();
const VERBATIM_SEEN_MAX = 10_000;

/** True when `quote` (pieces separated by an ellipsis, in order) stands verbatim in the source. */
export function isVerbatim(source: SourceId, quote: string): boolean {
  const key = `${source}\u0000${quote}`;
  let ok = verbatimSeen.get(key);
  if (ok === undefined) {
    ok = findVerbatim(source, quote);
    if (verbatimSeen.size >= VERBATIM_SEEN_MAX) verbatimSeen.clear();
    verbatimSeen.set(key, ok);
  }
  return ok;
}

function findVerbatim(source: SourceId, quote: string): boolean {
  const text = squashedSource(source);
  let from = 0;
  const pieces = quote
    .split(/\.\.\.|…/)
    .map(squash)
    .filter(Boolean);
  if (pieces.length === 0) return false;
  for (const piece of pieces) {
    const at = text.indexOf(piece, from);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}

// "CFCS will forbid", "CFCS vil (ikke) forbyde", "you will be banned": the bot never predicts the assessment.
const PREDICTION = [
  /\bCFCS\s+(will|won't|will not|is going to|is not going to)\s+(forbid|ban|prohibit|allow|approve)/i,
  /\bCFCS\s+(vil|kommer (ikke )?til at)\s+(ikke\s+)?(forbyde|nedlægge forbud|godkende|tillade)/i,
  /\b(will|vil)\s+(certainly|definitely|helt sikkert|med sikkerhed)\s+(be banned|blive forbudt)/i,
];

export function checkAnswer(answer: unknown, derive: (topic: Topic, a: Answer) => Verdict): GuardFailure[] {
  const parsed = AnswerSchema.safeParse(answer);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return [{ code: 'schema', message: `${i?.path.join('.') || '(root)'}: ${i?.message}` }];
  }
  const a = parsed.data;
  const failures: GuardFailure[] = [];
  const kb = knowledge();
  for (const c of a.citations) {
    if (!kb.has(c.source, c.ref))
      failures.push({ code: 'unknown_ref', message: `${c.source} has no unit "${c.ref}"` });
    else if (!isVerbatim(c.source, c.quote))
      failures.push({ code: 'unverifiable_quote', message: `quote for ${c.ref} is not in ${c.source}` });
  }
  for (const ch of a.checks) {
    for (const ref of [...ch.citations, ...(ch.factors ?? [])]) {
      if (!kb.has('lov-1156-2021', ref))
        failures.push({ code: 'unknown_ref', message: `check ${ch.id} cites unknown "${ref}"` });
    }
  }
  for (const r of a.retrieved) {
    if (!kb.has(r.source, r.ref))
      failures.push({ code: 'unknown_ref', message: `retrieved unknown "${r.ref}"` });
  }
  const want = derive(a.topic, a);
  if (want !== a.verdict)
    failures.push({ code: 'verdict_mismatch', message: `verdict ${a.verdict}, the checks derive ${want}` });
  for (const re of PREDICTION) {
    if (re.test(a.answer))
      failures.push({ code: 'predicts_cfcs', message: 'the answer predicts what CFCS will decide' });
  }
  return failures;
}
