/**
 * The assistant pane ("Agents & AI Apps"), through Bolt's `Assistant`:
 * - `assistant_thread_started`: the thread is recorded, greeted, and given the suggested prompts (a camera
 *   purchase, are we covered, the court deadline, an adviser) in the person's language (their Slack
 *   language, else that of their last question, else Danish);
 * - `assistant_thread_context_changed`: the channel the person looks at is kept with the thread;
 * - a message in a DM thread: answered exactly as a DM (messages/index.ts), with the same blocks; in a
 *   thread of the pane the status shows while the bot reads, and the first question becomes the title.
 * A workspace without the pane never sends the first two events: its DM threads are answered as always,
 * and no assistant.threads.* call is made for them. A failing assistant.threads.* call is logged and never
 * stops an answer.
 */
import { type App, Assistant } from '@slack/bolt';
import { z } from 'zod';
import type { Language } from '../../../../guardrails/contract.js';
import { AssistantContext } from '../../../store/assistant-threads.js';
import { truncate } from '../../blocks.js';
import {
  cleanQuestion,
  errorCode,
  guessLanguage,
  report,
  type SlackDeps,
  type WebClient,
  workspaceOf,
} from '../../core.js';
import { EventEnvelope, problem, SlackId } from '../../payloads.js';
import { ASSISTANT_PROMPTS, T } from '../../texts.js';
import { handleMessage } from '../messages/index.js';

const ThreadEvent = z.object({
  assistant_thread: z.object({
    user_id: SlackId,
    channel_id: SlackId,
    thread_ts: SlackId,
    context: AssistantContext.optional(),
  }),
});

/** A thread title: the question's first line, short. */
export const TITLE_CHARS = 60;

/** The person's language: their Slack language, else their last question's, else Danish. */
async function personLanguage(
  client: WebClient,
  deps: SlackDeps,
  user: string,
  team: string,
): Promise<Language> {
  try {
    const res = await client.users.info({ user, include_locale: true });
    const locale = (res.user as { locale?: unknown } | undefined)?.locale;
    if (typeof locale === 'string') {
      if (/^da/i.test(locale)) return 'da';
      if (/^en/i.test(locale)) return 'en';
    }
  } catch (e) {
    deps.log.debug({ error: errorCode(e) }, 'users.info failed; language from the last question');
  }
  const last = await deps.store.lastAnswerJsonOf(user, team);
  if (last !== undefined) {
    try {
      const lang = (JSON.parse(last) as { language?: unknown }).language;
      if (lang === 'da' || lang === 'en') return lang;
    } catch {
      // Danish
    }
  }
  return 'da';
}

/** Runs an assistant.threads.* call; a failure is logged, never thrown (the pane is an extra). */
async function paneCall(deps: SlackDeps, what: string, call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (e) {
    deps.log.warn({ error: errorCode(e), call: what }, 'assistant pane call failed');
    return false;
  }
}

export function registerAssistant(app: App, deps: SlackDeps): void {
  const eventIdOf = (body: unknown) => {
    const e = EventEnvelope.safeParse(body);
    return e.success ? e.data.event_id : 'unknown';
  };
  const finish = async (eventId: string, outcome: string) => {
    // handled without an answer: closed here, so the inbox does not count it as ignored
    try {
      await deps.store.finishEvent(eventId, 'answered', outcome);
    } catch {
      // the inbox closes it
    }
    report(deps, { kind: 'event', id: eventId, outcome });
  };

  const assistant = new Assistant({
    // the thread's context lives in the store (not in message metadata, Bolt's default)
    threadContextStore: {
      get: async ({ payload, body }) => {
        const p = payload as { channel?: unknown; thread_ts?: unknown };
        if (typeof p.channel !== 'string' || typeof p.thread_ts !== 'string') return {};
        return (
          (await deps.store.assistantThread(p.channel, p.thread_ts, workspaceOf(deps, body)))?.context ?? {}
        );
      },
      save: async () => {},
    },

    threadStarted: async ({ event, body, client, say, setSuggestedPrompts }) => {
      const eventId = eventIdOf(body);
      const parsed = ThreadEvent.safeParse(event);
      if (!parsed.success) {
        deps.log.warn(
          { event_id: eventId, error: 'invalid_payload', field: problem(parsed.error) },
          'thread start ignored',
        );
        return report(deps, { kind: 'event', id: eventId, outcome: 'invalid' });
      }
      const t = parsed.data.assistant_thread;
      const team = workspaceOf(deps, body);
      await deps.store.startAssistantThread({
        team,
        channel: t.channel_id,
        threadTs: t.thread_ts,
        user: t.user_id,
        context: t.context ?? {},
      });
      const lang = await personLanguage(client, deps, t.user_id, team);
      await paneCall(deps, 'say', () => say(T[lang].assistantGreeting));
      const prompted = await paneCall(deps, 'setSuggestedPrompts', () =>
        setSuggestedPrompts({ title: T[lang].assistantPromptsTitle, prompts: ASSISTANT_PROMPTS[lang] }),
      );
      deps.log.info({ event_id: eventId, lang }, 'assistant thread started');
      await finish(eventId, prompted ? 'started' : 'started_without_prompts');
    },

    threadContextChanged: async ({ event, body }) => {
      const eventId = eventIdOf(body);
      const parsed = ThreadEvent.safeParse(event);
      if (!parsed.success) return report(deps, { kind: 'event', id: eventId, outcome: 'invalid' });
      const t = parsed.data.assistant_thread;
      const team = workspaceOf(deps, body);
      const known = await deps.store.saveAssistantContext(t.channel_id, t.thread_ts, t.context ?? {}, team);
      if (!known)
        await deps.store.startAssistantThread({
          team,
          channel: t.channel_id,
          threadTs: t.thread_ts,
          user: t.user_id,
          context: t.context ?? {},
        });
      await finish(eventId, 'context_saved');
    },

    userMessage: async ({ message, body, client, context, setStatus, setTitle }) => {
      const m = message as {
        channel?: string;
        thread_ts?: string;
        text?: string;
        bot_id?: string;
        subtype?: string;
      };
      const team = workspaceOf(deps, body);
      const pane =
        m.channel !== undefined &&
        m.thread_ts !== undefined &&
        m.bot_id === undefined &&
        m.subtype === undefined
          ? await deps.store.assistantThread(m.channel, m.thread_ts, team)
          : undefined;
      if (pane !== undefined) {
        const question = cleanQuestion(m.text, deps.botUserId);
        await paneCall(deps, 'setStatus', () => setStatus(T[guessLanguage(question)].assistantThinking));
        if (question.length > 0 && (await deps.store.claimAssistantTitle(pane.channel, pane.thread_ts, team)))
          await paneCall(deps, 'setTitle', () => setTitle(truncate(question.split('\n')[0]!, TITLE_CHARS)));
      }
      const outcome = await handleMessage(deps, { message, body, client, context });
      // an answer clears the status by itself; anything else clears it here
      if (pane !== undefined && outcome !== 'answered')
        await paneCall(deps, 'setStatus', () => setStatus(''));
    },
  });
  app.assistant(assistant);
}
