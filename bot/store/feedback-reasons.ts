/**
 * Why a person rated an answer down (the 👎 modal): one of five reasons and, when given, their own words,
 * stored with the answer they rate and that answer's verdict, topic and provenance (which knowledge and
 * rules produced it), so whoever maintains the knowledge sees what went wrong, and on what version.
 * Table `feedback_reasons` (SQLite migration 7, PostgreSQL 0004); kept apart from the Store class so another store can port it.
 */
import { z } from 'zod';
import type { Store } from './index.js';

export const FEEDBACK_REASONS = [
  'wrong_verdict',
  'misread_facts',
  'missing_source',
  'hard_to_understand',
  'other',
] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

/** The longest comment kept (the modal's input has the same limit). */
export const MAX_FEEDBACK_COMMENT = 1000;

export const NewFeedbackReason = z.object({
  answerId: z.string().min(1).max(255),
  user: z.string().min(1).max(255),
  reason: z.enum(FEEDBACK_REASONS),
  comment: z.string().max(MAX_FEEDBACK_COMMENT).optional(),
});
export type NewFeedbackReason = z.input<typeof NewFeedbackReason>;

export const ReasonRow = z.object({
  id: z.number().int(),
  answer_id: z.string(),
  user: z.string(),
  reason: z.enum(FEEDBACK_REASONS),
  comment: z.string().nullable(),
  verdict: z.string().nullable(),
  topic: z.string().nullable(),
  provenance: z.string().nullable(),
  created_at: z.string(),
});
export type StoredFeedbackReason = z.infer<typeof ReasonRow>;

/**
 * Stores a reason with the answer it is about (its verdict, topic and provenance copied from the stored
 * answer). False, writing nothing, when the answer is unknown; bad input throws a ZodError.
 */
export function recordFeedbackReason(store: Store, input: NewFeedbackReason, at = new Date().toISOString()) {
  const r = NewFeedbackReason.parse(input);
  const answer = store.getAnswer(r.answerId);
  if (answer === undefined) return false;
  const comment = r.comment?.trim();
  store.db
    .prepare(
      `INSERT INTO feedback_reasons (answer_id, user, reason, comment, verdict, topic, provenance, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      r.answerId,
      r.user,
      r.reason,
      comment === undefined || comment === '' ? null : comment,
      answer.answer.verdict,
      answer.answer.topic,
      answer.answer.provenance === undefined ? null : JSON.stringify(answer.answer.provenance),
      at,
    );
  return true;
}

export function feedbackReasonsFor(store: Store, answerId: string): StoredFeedbackReason[] {
  const raw = store.db
    .prepare('SELECT * FROM feedback_reasons WHERE answer_id = ? ORDER BY id')
    .all(answerId);
  return raw.flatMap((row) => {
    const p = ReasonRow.safeParse(row);
    return p.success ? [p.data] : [];
  });
}
