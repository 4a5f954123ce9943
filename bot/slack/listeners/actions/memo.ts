/**
 * `memo_save` ("Gem som notat" / "Save as memo"): renders the answer's memo as a PDF and uploads it to the
 * answer's thread (files.uploadV2: files.getUploadURLExternal, the upload, files.completeUploadExternal);
 * a private answer's memo goes to the person's direct messages with the bot. The request is recorded in the
 * audit log. A failure is told privately to the person who clicked, and logged; never thrown.
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import { MEMO_BUTTON, MEMO_TEXTS } from '../../../memo/slack.js';
import { correctionsFor, recordAudit } from '../../../store/audit.js';
import { errorCode, isTs, report, type SlackDeps } from '../../core.js';
import { AnswerRef, ButtonClick } from '../../payloads.js';
import { T } from '../../texts.js';

export function registerMemo(app: App, deps: SlackDeps): void {
  const { store, log } = deps;
  const id = MEMO_BUTTON.actionId;
  app.action<BlockButtonAction>(id, async ({ ack, body, action, client, respond }) => {
    await ack();
    const click = ButtonClick.safeParse(body);
    const value = AnswerRef.safeParse(action);
    if (!click.success || !value.success) {
      log.warn({ action_id: id, error: 'invalid_payload' }, 'click refused');
      return report(deps, { kind: 'action', id, outcome: 'invalid' });
    }
    const user = click.data.user.id;
    const tell = async (text: string) => {
      try {
        if (click.data.response_url !== undefined)
          await respond({ response_type: 'ephemeral', replace_original: false, text });
        else {
          const channel = click.data.channel?.id ?? click.data.container?.channel_id;
          if (channel !== undefined) await client.chat.postEphemeral({ channel, user, text });
        }
      } catch (e) {
        log.error({ error: errorCode(e) }, 'could not reply privately to a click');
      }
    };
    const stored = await store.getAnswer(value.data.value);
    // a private answer (a slash command's) is only its asker's to file
    const privateAnswer = !isTs(stored?.thread_ts) || /^U/.test(stored?.channel ?? '');
    if (stored === undefined || (privateAnswer && stored.user !== user)) {
      await tell(T.da.unknownAnswer);
      return report(deps, { kind: 'action', id, outcome: 'unknown_answer' });
    }
    const lang = stored.answer.language;
    try {
      const upTo = await store.answersInThread(stored.channel, stored.thread_ts);
      const at = upTo.findIndex((a) => a.id === stored.id);
      const thread = at >= 0 ? upTo.slice(0, at + 1) : [stored];
      const turns = thread.map((a) => a.question);
      const corrected = await correctionsFor(
        store,
        thread.map((a) => a.id),
      );
      const { renderMemo } = await import('../../../memo/index.js');
      const { memo, bytes } = await renderMemo(
        { answer: stored.answer, turns, answerId: stored.id, corrected },
        'pdf',
      );
      const filename = `${memo.fileName}.pdf`;
      let channel = stored.channel;
      if (privateAnswer) {
        const dm = await client.conversations.open({ users: user });
        if (dm.channel?.id === undefined) throw new Error('conversations.open returned no channel');
        channel = dm.channel.id;
      }
      const upload = {
        file: bytes,
        filename,
        title: MEMO_TEXTS[lang].title,
        initial_comment: MEMO_TEXTS[lang].comment(filename),
      };
      if (isTs(stored.thread_ts) && !privateAnswer)
        await client.files.uploadV2({ ...upload, channel_id: channel, thread_ts: stored.thread_ts });
      else await client.files.uploadV2({ ...upload, channel_id: channel });
      await recordAudit(store, {
        kind: 'memo',
        actor: user,
        channel,
        threadTs: stored.thread_ts,
        answerId: stored.id,
        detail: filename,
      });
      log.info({ answer_id: stored.id, bytes: bytes.length }, 'memo uploaded');
      report(deps, { kind: 'action', id, outcome: 'uploaded' });
    } catch (e) {
      log.error({ answer_id: stored.id, error: errorCode(e) }, 'memo could not be uploaded');
      await tell(MEMO_TEXTS[lang].failed);
      report(deps, { kind: 'action', id, outcome: 'failed' });
    }
  });
}
