/**
 * Votes on an answer: Slack's native 👍/👎 (`answer_feedback`, a `feedback_buttons` element whose value is
 * `helpful|<answer id>` or `not_helpful|<answer id>`), and the older `feedback_helpful` /
 * `feedback_not_helpful` buttons (value: the answer id) of answers posted before. The vote is stored before
 * anything is acknowledged. 👍 is thanked; 👎 opens the "what went wrong?" modal (views/feedback.ts) and
 * offers an adviser, as before.
 */
import type { App, BlockAction, RespondFn } from '@slack/bolt';
import { FEEDBACK_ACTION, offerEscalationBlocks } from '../../blocks.js';
import { errorCode, report, type SlackDeps, type WebClient } from '../../core.js';
import { feedbackModal } from '../../feedback.js';
import { AnswerRef, type ButtonClick, FeedbackRef } from '../../payloads.js';
import { T } from '../../texts.js';
import { parseClick, whisper } from './click.js';

async function vote(
  deps: SlackDeps,
  a: {
    actionId: string;
    answerId: string;
    helpful: boolean;
    click: ButtonClick;
    body: unknown;
    ack: () => Promise<void>;
    respond: RespondFn;
    client: WebClient;
  },
): Promise<void> {
  const { store, log } = deps;
  const { click, client, respond } = a;
  const stored = await store.getAnswer(a.answerId);
  const recorded = stored !== undefined && (await store.recordFeedback(a.answerId, click.user.id, a.helpful));
  await a.ack();
  if (stored === undefined || !recorded) {
    await whisper(client, deps, respond, click, T.da.unknownAnswer);
    return report(deps, { kind: 'action', id: a.actionId, outcome: 'unknown_answer' });
  }
  const lang = stored.answer.language;
  log.info({ answer_id: a.answerId, helpful: a.helpful }, 'feedback');
  if (a.helpful) {
    await whisper(client, deps, respond, click, T[lang].thanks);
    return report(deps, { kind: 'action', id: a.actionId, outcome: 'stored' });
  }
  // the modal first: its trigger is only good for 3 seconds
  const triggerId = (a.body as { trigger_id?: unknown }).trigger_id;
  let asked = false;
  if (typeof triggerId === 'string') {
    try {
      await client.views.open({
        trigger_id: triggerId,
        view: feedbackModal({ answerId: a.answerId, lang }),
      });
      asked = true;
    } catch (e) {
      log.error({ answer_id: a.answerId, error: errorCode(e) }, 'the feedback modal could not be opened');
    }
  }
  await whisper(client, deps, respond, click, T[lang].sorry, offerEscalationBlocks(lang, a.answerId));
  report(deps, { kind: 'action', id: a.actionId, outcome: asked ? 'stored_asked' : 'stored' });
}

export function registerFeedback(app: App, deps: SlackDeps): void {
  app.action<BlockAction>(FEEDBACK_ACTION, async ({ ack, body, action, respond, client }) => {
    const p = await parseClick(deps, FEEDBACK_ACTION, { body, action, respond, client }, FeedbackRef, () =>
      ack(),
    );
    if (p === undefined) return;
    await vote(deps, {
      actionId: FEEDBACK_ACTION,
      answerId: p.value.value.answerId,
      helpful: p.value.value.helpful,
      click: p.click,
      body,
      ack: () => ack(),
      respond,
      client,
    });
  });

  for (const [actionId, helpful] of [
    ['feedback_helpful', true],
    ['feedback_not_helpful', false],
  ] as const) {
    app.action<BlockAction>(actionId, async ({ ack, body, action, respond, client }) => {
      const p = await parseClick(deps, actionId, { body, action, respond, client }, AnswerRef, () => ack());
      if (p === undefined) return;
      await vote(deps, {
        actionId,
        answerId: p.value.value,
        helpful,
        click: p.click,
        body,
        ack: () => ack(),
        respond,
        client,
      });
    });
  }
}
