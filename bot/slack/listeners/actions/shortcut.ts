/**
 * The message shortcut `ask_about_message` ("Spørg leverandørsikkerhed" / "Ask the supplier-security
 * advisor"): answers the chosen message (a colleague's "skal vi købe de her kameraer?") in its thread, as
 * a mention there would be answered, led by who asked. A message without text, or a channel the bot is not
 * in, is told privately to the person who used the shortcut.
 */
import type { App, MessageShortcut } from '@slack/bolt';
import {
  answerInThread,
  cleanQuestion,
  errorCode,
  guessLanguage,
  report,
  type SlackDeps,
  workspaceOf,
} from '../../core.js';
import { MessageShortcutPayload, problem } from '../../payloads.js';
import { T } from '../../texts.js';

export const SHORTCUT_ID = 'ask_about_message';

export function registerShortcut(app: App, deps: SlackDeps): void {
  const { log } = deps;
  app.shortcut<MessageShortcut>(SHORTCUT_ID, async ({ ack, shortcut, body, respond, client }) => {
    await ack();
    const done = (outcome: string) => report(deps, { kind: 'action', id: SHORTCUT_ID, outcome });
    const tell = async (text: string) => {
      try {
        await respond({ response_type: 'ephemeral', text });
      } catch (e) {
        log.error({ error: errorCode(e) }, 'could not reply privately to a shortcut');
      }
    };
    const parsed = MessageShortcutPayload.safeParse(shortcut);
    if (!parsed.success) {
      const field = problem(parsed.error);
      log.warn({ callback_id: SHORTCUT_ID, error: 'invalid_payload', field }, 'shortcut refused');
      await tell(T.da.badRequest(field));
      return done('invalid');
    }
    const s = parsed.data;
    const question = cleanQuestion(s.message.text, deps.botUserId);
    const lang = guessLanguage(question);
    if (question.length === 0) {
      await tell(T[lang].shortcutNoText);
      return done('no_text');
    }
    const eventId = `shortcut:${s.channel.id}:${s.message.ts}:${s.action_ts}`.slice(0, 255);
    const outcome = await answerInThread(client, deps, {
      eventId,
      kind: 'message_shortcut',
      channel: s.channel.id,
      threadTs: s.message.thread_ts ?? s.message.ts,
      user: s.user.id,
      text: s.message.text,
      lead: T[lang].shortcutAsked(s.user.id),
      team: workspaceOf(deps, body),
    });
    if (outcome === 'failed') {
      const detail = (await deps.store.getEvent(eventId))?.detail ?? '';
      await tell(/not_in_channel|channel_not_found/.test(detail) ? T[lang].notInChannel : T[lang].failed);
    }
    done(outcome);
  });
}
