/**
 * The slash command (default `/leverandor`): `<question>` → a private answer via `respond`;
 * `tjek`/`check` → the coverage-check modal; `hjælp`/`help` (or nothing) → usage. Always acked first.
 */
import type { App, RespondFn } from '@slack/bolt';
import { answerBlocks, answerFallbackText, textBlocks, usageBlocks } from '../../blocks.js';
import {
  adviseSafely,
  errorCode,
  escalate,
  guessLanguage,
  report,
  type SlackDeps,
  workspaceOf,
} from '../../core.js';
import { coverageModal } from '../../coverage.js';
import { problem, SlashCommand } from '../../payloads.js';
import { MAX_QUESTION_CHARS, T, usageText } from '../../texts.js';

const CHECK = new Set(['tjek', 'check']);
const HELP = new Set(['hjælp', 'hjaelp', 'help', '?']);

/** Placeholder "thread" for answers that live in an ephemeral message (replies then go to the DM). */
export const privateThread = (answerId: string) => `private:${answerId}`;

export function register(app: App, deps: SlackDeps): void {
  app.command(deps.slashCommand, async ({ ack, command: raw, respond: slackRespond, client }) => {
    const parsed = SlashCommand.safeParse(raw);
    if (!parsed.success) {
      // The refusal travels in the ack itself: there may be no usable response_url.
      const field = problem(parsed.error);
      await ack(T.da.badRequest(field));
      deps.log.warn({ command: deps.slashCommand, error: 'invalid_payload', field }, 'command refused');
      return report(deps, { kind: 'command', id: deps.slashCommand, outcome: 'invalid' });
    }
    await ack();
    const command = parsed.data;
    const text = command.text.trim();
    const word = text.split(/\s+/)[0]?.toLowerCase() ?? '';
    const done = (outcome: string) => report(deps, { kind: 'command', id: command.command, outcome });
    // A response_url that Slack no longer accepts is logged, not thrown.
    const respond = async (message: Parameters<RespondFn>[0]): Promise<boolean> => {
      try {
        await slackRespond(message);
        return true;
      } catch (e) {
        deps.log.error({ command: command.command, error: errorCode(e) }, 'could not respond');
        return false;
      }
    };

    if (text === '' || (HELP.has(word) && text.split(/\s+/).length === 1)) {
      await respond({
        response_type: 'ephemeral',
        text: usageText(deps.slashCommand),
        blocks: usageBlocks(deps.slashCommand),
      });
      return done('usage');
    }
    if (CHECK.has(word) && text.split(/\s+/).length === 1) {
      try {
        if (command.trigger_id === undefined) throw new Error('no trigger_id');
        await client.views.open({
          trigger_id: command.trigger_id,
          view: coverageModal({ lang: word === 'check' ? 'en' : 'da', channel: command.channel_id }),
        });
        return done('modal');
      } catch (e) {
        deps.log.error({ command: command.command, error: errorCode(e) }, 'modal could not be opened');
        await respond({ response_type: 'ephemeral', text: T[word === 'check' ? 'en' : 'da'].failed });
        return done('failed');
      }
    }

    const lang = guessLanguage(text);
    if (text.length > MAX_QUESTION_CHARS) {
      const msg = T[lang].tooLong(text.length, MAX_QUESTION_CHARS);
      await respond({ response_type: 'ephemeral', text: msg, blocks: textBlocks(msg) });
      deps.log.info({ command: command.command, chars: text.length }, 'question too long');
      return done('refused');
    }
    const advised = await adviseSafely(deps, { turns: [text], asOf: deps.today() });
    if (!advised.ok) {
      deps.log.error({ command: command.command, error: advised.error }, 'pipeline failed');
      await respond({ response_type: 'ephemeral', text: T[lang].failed });
      return done('failed');
    }
    const answer = advised.answer;
    const answerId = deps.newId();
    // The answer is private: its "thread" is the person's DM with the bot.
    const threadTs = privateThread(answerId);
    await deps.store.recordAnswer({
      team: workspaceOf(deps, raw),
      id: answerId,
      channel: command.user_id,
      threadTs,
      user: command.user_id,
      question: text,
      answer,
    });
    await respond({
      response_type: 'ephemeral',
      text: answerFallbackText(answer),
      // the asker sees their question nowhere else: the answer repeats it, and can be shared to the channel
      blocks: answerBlocks(answer, { answerId, private: { question: text } }),
    });
    deps.log.info(
      { command: command.command, answer_id: answerId, verdict: answer.verdict },
      'answered privately',
    );
    if (answer.escalation === 'required') {
      await escalate(client, deps, {
        answerId,
        answer,
        asker: command.user_id,
        channel: command.user_id,
        threadTs,
        question: text,
        facts: answer.facts,
        team: workspaceOf(deps, raw),
      });
    }
    done('answered');
  });
}
