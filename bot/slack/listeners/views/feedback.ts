/**
 * The 👎 modal's submission (`feedback_reason`): no reason chosen, or a comment too long, is answered with
 * `response_action: "errors"` on that input; otherwise the reason is stored with the answer and its
 * provenance (store/feedback-reasons.ts) and the modal closes with a thank-you.
 */
import type { App } from '@slack/bolt';
import { errorCode, report, type SlackDeps } from '../../core.js';
import { FEEDBACK_CALLBACK_ID, FeedbackMeta, parseFeedback, REASON_BLOCK } from '../../feedback.js';
import { problem, ViewSubmission } from '../../payloads.js';
import { T } from '../../texts.js';

export function registerFeedbackView(app: App, deps: SlackDeps): void {
  app.view(FEEDBACK_CALLBACK_ID, async ({ ack, body: raw }) => {
    const done = (outcome: string) => report(deps, { kind: 'view', id: FEEDBACK_CALLBACK_ID, outcome });
    const parsed = ViewSubmission.safeParse(raw);
    let meta: FeedbackMeta | undefined;
    if (parsed.success) {
      try {
        const m = FeedbackMeta.safeParse(JSON.parse(parsed.data.view.private_metadata || '{}'));
        if (m.success) meta = m.data;
      } catch {
        meta = undefined;
      }
    }
    if (!parsed.success || meta === undefined) {
      const field = parsed.success ? 'view.private_metadata' : problem(parsed.error);
      await ack({ response_action: 'errors', errors: { [REASON_BLOCK]: T.da.badRequest(field) } });
      deps.log.warn({ error: 'invalid_payload', field }, 'feedback reason refused');
      return done('invalid');
    }
    const result = parseFeedback(parsed.data.view.state.values, meta.lang);
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: result.errors });
      return done('errors');
    }
    let stored = false;
    try {
      stored = await deps.store.recordFeedbackReason({
        answerId: meta.answerId,
        user: parsed.data.user.id,
        reason: result.reason,
        ...(result.comment === undefined ? {} : { comment: result.comment }),
      });
    } catch (e) {
      deps.log.error({ answer_id: meta.answerId, error: errorCode(e) }, 'feedback reason not stored');
    }
    const t = T[meta.lang];
    if (!stored) {
      await ack({ response_action: 'errors', errors: { [REASON_BLOCK]: t.unknownAnswer } });
      return done('unknown_answer');
    }
    // the modal turns into a thank-you the person closes
    await ack({
      response_action: 'update',
      view: {
        type: 'modal',
        title: { type: 'plain_text', text: t.whyTitle },
        close: { type: 'plain_text', text: t.whyDone },
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: t.whyThanks } }],
      },
    });
    deps.log.info({ answer_id: meta.answerId, reason: result.reason }, 'feedback reason stored');
    done('stored');
  });
}
