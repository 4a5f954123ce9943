/**
 * The short answer to the question as the person put it (answer contract v2, `direct_answer`). The verdict
 * says whether the act applies; the form of the question decides which word that is: "may we buy?" is
 * "yes" where "does the act stop us?" is "no". Procedure and guidance questions are answered by the unit
 * that answers them (`knowledge/answers/yes-no.yaml`).
 */
import type { Citation, Retrieved, Topic, Verdict } from '../../guardrails/contract.js';
import type { CheckTrace } from '../../guardrails/evaluate.js';
import {
  answerFor,
  type OpenRow,
  openAnswers,
  type YesNoRow,
  yesNoAnswers,
} from '../../knowledge/answers.js';
import { type QuestionReading, questionVocabulary } from '../understand/question.js';

export type DirectAnswer = 'yes' | 'no' | 'depends' | null;

export interface DirectInput {
  question: QuestionReading;
  topic: Topic;
  verdict: Verdict;
  checks: CheckTrace[];
  citations: Citation[];
  retrieved: Retrieved[];
}

export interface Direct {
  value: DirectAnswer;
  /** The unit's answer that decided an informational yes/no question. */
  row?: YesNoRow;
  /** The units' answers to an open question, one per part ("who decides, and can we appeal?"). */
  open?: Array<OpenRow | YesNoRow>;
  /** The unit that answers, to be cited first. */
  lead?: { source: YesNoRow['source']; ref: string };
}

/** One ref is the other or contains it. */
const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b},`) || b.startsWith(`${a},`);

/** The row that answers an informational yes/no question: a cited unit's first, then a retrieved one's. */
function answeringRow(input: DirectInput): YesNoRow | undefined {
  // A procedure question is answered by the statute; the guidance speaks only to guidance questions.
  const rows = yesNoAnswers().filter(
    (r) =>
      r.about.test(input.question.clause) && (input.topic === 'guidance' || r.source === 'lov-1156-2021'),
  );
  const units = [
    ...input.citations.map((c) => [c.source, c.ref] as const),
    ...input.retrieved.slice(0, 5).map((r) => [r.source, r.ref] as const),
  ];
  for (const [source, ref] of units) {
    const row = rows.find((r) => r.source === source && overlaps(r.ref, ref));
    if (row) return answerFor(row, input.question.clause);
  }
  return undefined;
}

const DECIDING = new Set([
  'significant_provider',
  'critical_component',
  'temporal_scope',
  'territorial_scope',
]);

export function directAnswer(input: DirectInput): Direct {
  const { question, topic, verdict, checks } = input;
  const form = question.form;
  // A request for a person is answered by the hand-over, not by a yes or a no.
  if (verdict === 'out_of_scope' || topic === 'out_of_scope' || topic === 'escalation_request')
    return { value: null };
  const deadline = checks.find((c) => c.id === 'court_deadline');
  if (verdict === 'informational') {
    if (form === 'open' || form === 'none') {
      // Each part of the question that opens with an interrogative a unit answers: that unit leads. A part
      // that asks yes or no ("…, og kan vi klage?") is answered by its unit too.
      const clause = question.clause;
      const parts = clause.split(/,?\s+(?:og|and|samt)\s+(?=\p{L})|[,;]\s+/u);
      const fits = (r: { source: string }) => input.topic !== 'guidance' || r.source === 'spm-485-2022';
      const open: Array<OpenRow | YesNoRow> = [];
      for (const part of parts) {
        const row =
          openAnswers().find((r) => r.asks.test(part) && r.about.test(clause) && fits(r)) ??
          (questionVocabulary().polar.test(part.trim())
            ? yesNoAnswers().find((r) => r.about.test(part) && r.source === 'lov-1156-2021' && fits(r))
            : undefined);
        if (row && !open.includes(row)) open.push(row);
      }
      const first = open[0];
      return first ? { value: null, open, lead: { source: first.source, ref: first.ref } } : { value: null };
    }
    const row = answeringRow(input);
    // "Are we still in time?" with no date of notification: it depends on that date (§ 7, stk. 2).
    if (deadline && deadline.result === 'unknown' && question.inTime)
      return { value: 'depends', lead: { source: 'lov-1156-2021', ref: '§ 7, stk. 2' } };
    // With a decision date known, "are we still in time?" is answered by the court deadline.
    if (deadline && deadline.result !== 'unknown' && (question.inTime || !row || row.ref.startsWith('§ 7')))
      return {
        // "Are we too late?" is yes when the deadline has passed; "are we still in time?" is yes before it.
        value: (deadline.result === 'yes') !== (question.tooLate === true) ? 'yes' : 'no',
        lead: { source: 'lov-1156-2021', ref: '§ 7, stk. 2' },
      };
    return row ? { value: row.answer, row, lead: { source: row.source, ref: row.ref } } : { value: null };
  }
  if (!checks.some((c) => DECIDING.has(c.id))) return { value: null };
  if (form === 'open') return { value: null };
  const risk = checks.find((c) => c.id === 'supplier_risk')?.result;
  const applies = verdict === 'covered';
  const open = verdict === 'needs_facts';
  switch (form) {
    case 'permission':
      if (question.prohibited) return { value: 'no' };
      if (open) return { value: 'depends' };
      if (!applies) return { value: 'yes' };
      return { value: risk === 'no' ? 'yes' : 'depends' };
    case 'obstacle':
      if (question.prohibited) return { value: 'yes' };
      if (open) return { value: 'depends' };
      if (!applies) return { value: 'no' };
      return { value: risk === 'no' ? 'no' : 'depends' };
    default:
      return { value: applies ? 'yes' : open ? 'depends' : 'no' };
  }
}
