/**
 * The 👎 modal (`callback_id` `feedback_reason`): what was wrong with an answer (one of five reasons) and,
 * optionally, the person's own words; and the validation of its submission.
 */
import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { Language } from '../../guardrails/contract.js';
import { FEEDBACK_REASONS, type FeedbackReason, MAX_FEEDBACK_COMMENT } from '../store/feedback-reasons.js';
import { LIMITS, truncate } from './blocks.js';
import { REASON_LABEL, T } from './texts.js';

export const FEEDBACK_CALLBACK_ID = 'feedback_reason';
export const REASON_BLOCK = 'reason';
export const COMMENT_BLOCK = 'comment';
const ACTION = 'value';

export const FeedbackMeta = z.object({ answerId: z.string().min(1).max(255), lang: z.enum(['da', 'en']) });
export type FeedbackMeta = z.infer<typeof FeedbackMeta>;

const plain = (text: string, max: number): types.PlainTextElement => ({
  type: 'plain_text',
  text: truncate(text, max),
  emoji: true,
});

export function feedbackModal(meta: FeedbackMeta): types.ModalView {
  const t = T[meta.lang];
  return {
    type: 'modal',
    callback_id: FEEDBACK_CALLBACK_ID,
    private_metadata: JSON.stringify(meta),
    title: plain(t.whyTitle, LIMITS.viewTitle),
    submit: plain(t.whySubmit, LIMITS.viewTitle),
    close: plain(t.whyClose, LIMITS.viewTitle),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: t.whyIntro } },
      {
        type: 'input',
        block_id: REASON_BLOCK,
        label: plain(t.whyReason, LIMITS.inputLabel),
        element: {
          type: 'radio_buttons',
          action_id: ACTION,
          options: FEEDBACK_REASONS.map((r) => ({
            value: r,
            text: plain(REASON_LABEL[meta.lang][r], LIMITS.optionText),
          })),
        },
      },
      {
        type: 'input',
        block_id: COMMENT_BLOCK,
        optional: true,
        label: plain(t.whyComment, LIMITS.inputLabel),
        element: {
          type: 'plain_text_input',
          action_id: ACTION,
          multiline: true,
          max_length: MAX_FEEDBACK_COMMENT,
        },
      },
    ],
  };
}

const Values = z.object({
  [REASON_BLOCK]: z
    .object({ [ACTION]: z.object({ selected_option: z.object({ value: z.string() }).nullish() }) })
    .optional(),
  [COMMENT_BLOCK]: z.object({ [ACTION]: z.object({ value: z.string().nullish() }) }).optional(),
});

/** A submission's reason and comment, or errors keyed by the offending input's block_id. */
export function parseFeedback(
  values: unknown,
  lang: Language,
):
  | { ok: true; reason: FeedbackReason; comment: string | undefined }
  | { ok: false; errors: Record<string, string> } {
  const t = T[lang];
  const v = Values.safeParse(values);
  if (!v.success) return { ok: false, errors: { [REASON_BLOCK]: t.whyNoReason } };
  const reason = z.enum(FEEDBACK_REASONS).safeParse(v.data[REASON_BLOCK]?.[ACTION].selected_option?.value);
  const comment = v.data[COMMENT_BLOCK]?.[ACTION].value ?? undefined;
  const errors: Record<string, string> = {};
  if (!reason.success) errors[REASON_BLOCK] = t.whyNoReason;
  if (comment !== undefined && comment.length > MAX_FEEDBACK_COMMENT)
    errors[COMMENT_BLOCK] = t.whyTooLong(MAX_FEEDBACK_COMMENT);
  if (!reason.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, reason: reason.data, comment };
}
