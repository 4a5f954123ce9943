/**
 * Button listeners: `escalate`, `feedback_helpful`, `feedback_not_helpful`, `quote_expand`, `correct_facts`
 * (opens the coverage form prefilled with the answer's facts) and `show_checks` on answers;
 * `case_claim` and `case_resolve` on case posts in the adviser channel (advisers only).
 */
import type { App, BlockButtonAction, RespondFn } from '@slack/bolt';
import type { z } from 'zod';
import { allChecksBlocks, type Block, offerEscalationBlocks, splitText, textBlocks } from '../../blocks.js';
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
import { coverageModal } from '../../coverage.js';
import { AnswerRef, ButtonClick, CaseRef, problem, QuoteRef } from '../../payloads.js';
import { T } from '../../texts.js';
import { registerMemo } from './memo.js';

/**
 * A private reply to the person who clicked: via response_url when there is one, else chat.postEphemeral.
 * A reply that cannot be delivered is logged, never thrown.
 */
async function whisper(
  client: WebClient,
  deps: SlackDeps,
  respond: RespondFn | undefined,
  click: ButtonClick,
  text: string,
  blocks?: Block[],
): Promise<boolean> {
  const b = blocks ?? textBlocks(text);
  try {
    if (typeof respond === 'function' && click.response_url !== undefined) {
      await respond({ response_type: 'ephemeral', replace_original: false, text, blocks: b });
      return true;
    }
    const channel = click.channel?.id ?? click.container?.channel_id;
    if (channel === undefined) return false;
    await client.chat.postEphemeral({ channel, user: click.user.id, text, blocks: b });
    return true;
  } catch (e) {
    deps.log.error({ error: errorCode(e) }, 'could not reply privately to a click');
    return false;
  }
}

/**
 * Parses a click: the body (who clicked, where to reply) and the button's value. A click of the wrong shape
 * is refused privately when there is somewhere to reply, and reported as `invalid`.
 */
async function parseClick<T extends z.ZodType>(
  deps: SlackDeps,
  actionId: string,
  args: { body: unknown; action: unknown; respond: RespondFn | undefined; client: WebClient },
  valueSchema: T,
  /** Called before a refusal is sent, for a listener that has not acked yet. */
  ackFirst?: () => Promise<void>,
): Promise<{ click: ButtonClick; value: z.infer<T> } | undefined> {
  const click = ButtonClick.safeParse(args.body);
  const value = valueSchema.safeParse(args.action);
  if (click.success && value.success) return { click: click.data, value: value.data };
  const field = !click.success ? problem(click.error) : `actions.${problem(value.error!)}`;
  deps.log.warn({ action_id: actionId, error: 'invalid_payload', field }, 'click refused');
  await ackFirst?.();
  if (click.success) await whisper(args.client, deps, args.respond, click.data, T.da.badRequest(field));
  report(deps, { kind: 'action', id: actionId, outcome: 'invalid' });
  return undefined;
}

export function register(app: App, deps: SlackDeps): void {
  const { store, log } = deps;
  registerMemo(app, deps);

  app.action<BlockButtonAction>('escalate', async ({ ack, body, action, respond, client }) => {
    await ack();
    const p = await parseClick(deps, 'escalate', { body, action, respond, client }, AnswerRef);
    if (p === undefined) return;
    const stored = await store.getAnswer(p.value.value);
    if (stored === undefined) {
      await whisper(client, deps, respond, p.click, T.da.unknownAnswer);
      return report(deps, { kind: 'action', id: 'escalate', outcome: 'unknown_answer' });
    }
    const c = await escalate(client, deps, {
      answerId: stored.id,
      answer: stored.answer,
      asker: p.click.user.id,
      channel: stored.channel,
      threadTs: stored.thread_ts,
      question: stored.question,
      facts: stored.answer.facts,
      team: stored.team ?? '',
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
      const p = await parseClick(deps, actionId, { body, action, respond, client }, AnswerRef, () => ack());
      if (p === undefined) return;
      const answerId = p.value.value;
      // The vote is written before anything is acknowledged (the ack, then the thanks).
      const stored = await store.getAnswer(answerId);
      const recorded =
        stored !== undefined && (await store.recordFeedback(answerId, p.click.user.id, helpful));
      await ack();
      if (stored === undefined || !recorded) {
        await whisper(client, deps, respond, p.click, T.da.unknownAnswer);
        return report(deps, { kind: 'action', id: actionId, outcome: 'unknown_answer' });
      }
      const lang = stored.answer.language;
      log.info({ answer_id: answerId, helpful }, 'feedback');
      if (helpful) await whisper(client, deps, respond, p.click, T[lang].thanks);
      else
        await whisper(client, deps, respond, p.click, T[lang].sorry, offerEscalationBlocks(lang, answerId));
      report(deps, { kind: 'action', id: actionId, outcome: 'stored' });
    });
  }

  app.action<BlockButtonAction>('quote_expand', async ({ ack, body, action, respond, client }) => {
    await ack();
    const p = await parseClick(deps, 'quote_expand', { body, action, respond, client }, QuoteRef);
    if (p === undefined) return;
    const { answerId, index } = p.value.value;
    const stored = await store.getAnswer(answerId);
    const citation = stored?.answer.citations[index];
    if (stored === undefined || citation === undefined) {
      await whisper(client, deps, respond, p.click, T.da.unknownAnswer);
      return report(deps, { kind: 'action', id: 'quote_expand', outcome: 'unknown_answer' });
    }
    const full = `*${citation.ref}*\n${citation.quote}${citation.quote_en ? `\n\n_Unofficial English:_ ${citation.quote_en}` : ''}`;
    const blocks = textBlocks(splitText(full, 3000).join('\n'));
    await whisper(
      client,
      deps,
      respond,
      p.click,
      `${citation.ref}: ${citation.quote.slice(0, 2000)}`,
      blocks,
    );
    report(deps, { kind: 'action', id: 'quote_expand', outcome: 'shown' });
  });

  app.action<BlockButtonAction>('correct_facts', async ({ ack, body, action, respond, client }) => {
    await ack();
    const p = await parseClick(deps, 'correct_facts', { body, action, respond, client }, AnswerRef);
    if (p === undefined) return;
    const stored = await store.getAnswer(p.value.value);
    if (stored === undefined) {
      await whisper(client, deps, respond, p.click, T.da.unknownAnswer);
      return report(deps, { kind: 'action', id: 'correct_facts', outcome: 'unknown_answer' });
    }
    const lang = stored.answer.language;
    const triggerId = (body as { trigger_id?: string }).trigger_id;
    try {
      if (triggerId === undefined) throw new Error('no trigger_id');
      await client.views.open({
        trigger_id: triggerId,
        view: coverageModal(
          { lang, channel: stored.channel, threadTs: stored.thread_ts, answerId: stored.id },
          stored.answer.facts,
        ),
      });
      report(deps, { kind: 'action', id: 'correct_facts', outcome: 'opened' });
    } catch (e) {
      log.error({ error: errorCode(e) }, 'could not open the correction form');
      await whisper(client, deps, respond, p.click, T[lang].failed);
      report(deps, { kind: 'action', id: 'correct_facts', outcome: 'failed' });
    }
  });

  app.action<BlockButtonAction>('show_checks', async ({ ack, body, action, respond, client }) => {
    await ack();
    const p = await parseClick(deps, 'show_checks', { body, action, respond, client }, AnswerRef);
    if (p === undefined) return;
    const stored = await store.getAnswer(p.value.value);
    if (stored === undefined) {
      await whisper(client, deps, respond, p.click, T.da.unknownAnswer);
      return report(deps, { kind: 'action', id: 'show_checks', outcome: 'unknown_answer' });
    }
    const a = stored.answer;
    await whisper(client, deps, respond, p.click, T[a.language].allChecks, allChecksBlocks(a));
    report(deps, { kind: 'action', id: 'show_checks', outcome: 'shown' });
  });

  for (const actionId of ['case_claim', 'case_resolve'] as const) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond, client }) => {
      await ack();
      const done = (outcome: string) => report(deps, { kind: 'action', id: actionId, outcome });
      const p = await parseClick(deps, actionId, { body, action, respond, client }, CaseRef);
      if (p === undefined) return;
      const adviser = p.click.user.id;
      let allowed = false;
      try {
        allowed = await isAdviser(client, deps, adviser);
      } catch (e) {
        log.error({ error: errorCode(e) }, 'adviser membership could not be checked');
      }
      if (!allowed) {
        await whisper(client, deps, respond, p.click, T.da.notAdviser(deps.adviserChannel ?? ''));
        return done('not_adviser');
      }
      const caseId = p.value.value;
      const result =
        actionId === 'case_claim'
          ? await store.claimCase(caseId, adviser)
          : await store.resolveCase(caseId, adviser);
      if (!result.ok) {
        const c = result.case;
        const text =
          result.reason === 'already_resolved' && c
            ? T.da.alreadyResolved(c.id)
            : result.reason === 'claimed_by_other' && c
              ? T.da.claimedByOther(c.id, c.claimed_by ?? '')
              : T.da.unknownAnswer;
        await whisper(client, deps, respond, p.click, text);
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
