/**
 * `share_answer` ("Del i kanalen" / "Share in channel") on a private answer (a slash command's): the same
 * answer is posted in the channel where it was asked, led by who asked what, as a new answer of its own
 * (its thread carries the facts, so the channel can follow up there). Only the asker may share it; a
 * channel the bot is not in is told in words, with how to invite it.
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import { answerBlocks, answerFallbackText, escapeMrkdwn, truncate } from '../../blocks.js';
import { errorCode, report, type SlackDeps, workspaceOf } from '../../core.js';
import { AnswerRef } from '../../payloads.js';
import { T } from '../../texts.js';
import { parseClick, whisper } from './click.js';

export const SHARE_ACTION = 'share_answer';

export function registerShare(app: App, deps: SlackDeps): void {
  const { store, log } = deps;
  app.action<BlockButtonAction>(SHARE_ACTION, async ({ ack, body, action, respond, client }) => {
    await ack();
    const done = (outcome: string) => report(deps, { kind: 'action', id: SHARE_ACTION, outcome });
    const p = await parseClick(deps, SHARE_ACTION, { body, action, respond, client }, AnswerRef);
    if (p === undefined) return;
    const stored = await store.getAnswer(p.value.value);
    const user = p.click.user.id;
    if (stored === undefined || stored.user !== user) {
      await whisper(client, deps, respond, p.click, T.da.unknownAnswer);
      return done('unknown_answer');
    }
    const t = T[stored.answer.language];
    const channel = p.click.channel?.id ?? p.click.container?.channel_id;
    if (channel === undefined) {
      await whisper(client, deps, respond, p.click, t.failed);
      return done('no_channel');
    }
    const lead = `${t.sharedBy(user)}\n${escapeMrkdwn(truncate(stored.question, 2500))
      .split('\n')
      .map((l) => `>${l}`)
      .join('\n')}`;
    const answerId = deps.newId();
    let res: { channel?: string; ts?: string };
    try {
      res = await client.chat.postMessage({
        channel,
        text: `${t.sharedBy(user)} ${escapeMrkdwn(truncate(stored.question, 300))}\n${answerFallbackText(stored.answer)}`,
        blocks: answerBlocks(stored.answer, { answerId, lead }),
      });
    } catch (e) {
      const error = errorCode(e);
      log.error({ answer_id: stored.id, error }, 'answer could not be shared');
      const notIn = error === 'not_in_channel' || error === 'channel_not_found';
      await whisper(client, deps, respond, p.click, notIn ? t.notInChannel : t.failed);
      return done(notIn ? 'not_in_channel' : 'failed');
    }
    try {
      // the shared post starts a thread of its own: a reply there carries the answer's facts over
      await store.recordAnswer({
        id: answerId,
        channel: res.channel ?? channel,
        threadTs: res.ts ?? `shared:${answerId}`,
        user,
        question: stored.question,
        answer: stored.answer,
        team: workspaceOf(deps, body),
      });
      await store.markAnswerPosted(answerId, res.ts);
    } catch (e) {
      log.error({ answer_id: answerId, error: errorCode(e) }, 'shared answer could not be recorded');
    }
    await whisper(client, deps, respond, p.click, t.shared);
    log.info({ answer_id: answerId, shares: stored.id, channel }, 'answer shared in the channel');
    done('shared');
  });
}
