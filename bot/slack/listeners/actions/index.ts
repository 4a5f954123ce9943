/**
 * Button listeners: `escalate`, `feedback_helpful`, `feedback_not_helpful`, `quote_expand` on answers;
 * `case_claim` and `case_resolve` on case posts in the adviser channel (advisers only).
 */
import type { App, BlockButtonAction, RespondFn } from '@slack/bolt';
import { type Block, offerEscalationBlocks, splitText, textBlocks } from '../../blocks.js';
import {
  caseLanguage,
  errorCode,
  escalate,
  isAdviser,
  refreshCasePost,
  report,
  type SlackDeps,
  tellAsker,
  type WebClient,
} from '../../core.js';
import { T } from '../../texts.js';

/** A private reply to the person who clicked: via response_url when there is one, else chat.postEphemeral. */
async function whisper(
  client: WebClient,
  respond: RespondFn | undefined,
  body: BlockButtonAction,
  text: string,
  blocks?: Block[],
): Promise<void> {
  const b = blocks ?? textBlocks(text);
  if (respond !== undefined && body.response_url) {
    await respond({ response_type: 'ephemeral', replace_original: false, text, blocks: b });
    return;
  }
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (typeof channel === 'string') {
    await client.chat.postEphemeral({ channel, user: body.user.id, text, blocks: b });
  }
}

export function register(app: App, deps: SlackDeps): void {
  const { store, log } = deps;

  app.action<BlockButtonAction>('escalate', async ({ ack, body, action, respond, client }) => {
    await ack();
    const stored = store.getAnswer(action.value ?? '');
    if (stored === undefined) {
      await whisper(client, respond, body, T.da.unknownAnswer);
      return report(deps, { kind: 'action', id: 'escalate', outcome: 'unknown_answer' });
    }
    const c = await escalate(client, deps, {
      answerId: stored.id,
      answer: stored.answer,
      asker: body.user.id,
      channel: stored.channel,
      threadTs: stored.thread_ts,
      question: stored.question,
      facts: stored.answer.facts,
    });
    report(deps, {
      kind: 'action',
      id: 'escalate',
      outcome: c === undefined ? 'no_adviser' : `case_${c.id}`,
    });
  });

  for (const [actionId, helpful] of [
    ['feedback_helpful', true],
    ['feedback_not_helpful', false],
  ] as const) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond, client }) => {
      await ack();
      const answerId = action.value ?? '';
      const stored = store.getAnswer(answerId);
      if (stored === undefined || !store.recordFeedback(answerId, body.user.id, helpful)) {
        await whisper(client, respond, body, T.da.unknownAnswer);
        return report(deps, { kind: 'action', id: actionId, outcome: 'unknown_answer' });
      }
      const lang = stored.answer.language;
      log.info({ answer_id: answerId, helpful }, 'feedback');
      if (helpful) await whisper(client, respond, body, T[lang].thanks);
      else await whisper(client, respond, body, T[lang].sorry, offerEscalationBlocks(lang, answerId));
      report(deps, { kind: 'action', id: actionId, outcome: 'stored' });
    });
  }

  app.action<BlockButtonAction>('quote_expand', async ({ ack, body, action, respond, client }) => {
    await ack();
    const [answerId = '', index = ''] = (action.value ?? '').split('|');
    const stored = store.getAnswer(answerId);
    const citation = stored?.answer.citations[Number(index)];
    if (stored === undefined || citation === undefined) {
      await whisper(client, respond, body, T.da.unknownAnswer);
      return report(deps, { kind: 'action', id: 'quote_expand', outcome: 'unknown_answer' });
    }
    const full = `*${citation.ref}*\n${citation.quote}${citation.quote_en ? `\n\n_Unofficial English:_ ${citation.quote_en}` : ''}`;
    const blocks = textBlocks(splitText(full, 3000).join('\n'));
    await whisper(client, respond, body, `${citation.ref}: ${citation.quote.slice(0, 2000)}`, blocks);
    report(deps, { kind: 'action', id: 'quote_expand', outcome: 'shown' });
  });

  for (const actionId of ['case_claim', 'case_resolve'] as const) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond, client }) => {
      await ack();
      const done = (outcome: string) => report(deps, { kind: 'action', id: actionId, outcome });
      const adviser = body.user.id;
      let allowed = false;
      try {
        allowed = await isAdviser(client, deps, adviser);
      } catch (e) {
        log.error({ error: errorCode(e) }, 'adviser membership could not be checked');
      }
      if (!allowed) {
        await whisper(client, respond, body, T.da.notAdviser(deps.adviserChannel ?? ''));
        return done('not_adviser');
      }
      const caseId = Number(action.value);
      const result =
        actionId === 'case_claim' ? store.claimCase(caseId, adviser) : store.resolveCase(caseId, adviser);
      if (!result.ok) {
        const c = result.case;
        const text =
          result.reason === 'already_resolved' && c
            ? T.da.alreadyResolved(c.id)
            : result.reason === 'claimed_by_other' && c
              ? T.da.claimedByOther(c.id, c.claimed_by ?? '')
              : T.da.unknownAnswer;
        await whisper(client, respond, body, text);
        return done(result.reason);
      }
      const c = result.case;
      await refreshCasePost(client, deps, c);
      const t = T[caseLanguage(c)];
      await tellAsker(
        client,
        deps,
        c,
        actionId === 'case_claim' ? t.caseClaimed(c.id, adviser) : t.caseResolved(c.id, adviser),
      );
      log.info(
        { case_id: c.id, status: c.status },
        actionId === 'case_claim' ? 'case claimed' : 'case resolved',
      );
      done(c.status);
    });
  }
}
