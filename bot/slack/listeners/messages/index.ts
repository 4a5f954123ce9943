/**
 * Message listener: direct messages, follow-ups in threads the bot has answered, and advisers' replies in
 * a case thread (relayed to the asker). Bot messages and message subtypes (edits, joins, …) are ignored.
 */
import type { App } from '@slack/bolt';
import {
  answerInThread,
  caseLanguage,
  relayToCase,
  report,
  type SlackDeps,
  tellAsker,
  type WebClient,
  workspaceOf,
} from '../../core.js';
import { inertSlackText } from '../../escape.js';
import { EventEnvelope, MessageEvent, problem } from '../../payloads.js';
import { T } from '../../texts.js';

export interface MessageArgs {
  message: unknown;
  body: unknown;
  client: WebClient;
  context: { retryNum?: unknown; botUserId?: unknown };
}

export function register(app: App, deps: SlackDeps): void {
  app.message(async (args) => {
    await handleMessage(deps, args);
  });
}

/**
 * One message: an adviser's reply in a case thread, a DM, or a follow-up in a thread the bot answered. Also
 * what the assistant pane's user messages come to (events/assistant.ts), so they are answered the same way.
 */
export async function handleMessage(deps: SlackDeps, args: MessageArgs): Promise<string> {
  {
    const { message, body, client, context } = args;
    const envelope = EventEnvelope.safeParse(body);
    const eventId = envelope.success ? envelope.data.event_id : 'unknown';
    const done = (outcome: string) => {
      report(deps, { kind: 'event', id: eventId, outcome });
      return outcome;
    };
    if (!envelope.success) {
      deps.log.warn({ error: 'invalid_payload', field: problem(envelope.error) }, 'message ignored');
      return done('invalid');
    }
    const parsed = MessageEvent.safeParse(message);
    if (!parsed.success) return done('ignored');
    const m = parsed.data;
    // A reply also sent to the channel (thread_broadcast) is still the person's message; other subtypes are not.
    const subtypeOk = m.subtype === undefined || m.subtype === 'thread_broadcast';
    if (
      !subtypeOk ||
      m.bot_id !== undefined ||
      m.user === undefined ||
      m.user === (typeof context.botUserId === 'string' ? context.botUserId : deps.botUserId)
    ) {
      return done('ignored');
    }
    const user = m.user;
    const team = workspaceOf(deps, body);
    const botUserId = typeof context.botUserId === 'string' ? context.botUserId : deps.botUserId;

    // An adviser's reply in a case thread goes to the asker.
    if (m.channel === deps.adviserChannel) {
      if (m.thread_ts === undefined || m.thread_ts === m.ts) return done('ignored');
      const c = await deps.store.caseByAdviserPost(m.channel, m.thread_ts);
      if (c === undefined) return done('ignored');
      if (
        !(await deps.store.claimEvent({
          eventId,
          kind: 'relay',
          channel: m.channel,
          ts: m.ts,
          status: 'pending',
        }))
      ) {
        return done('duplicate');
      }
      const ok = await tellAsker(
        client,
        deps,
        c,
        `${T[caseLanguage(c)].relayed(c.id, user)}\n${inertSlackText(m.text)}`,
      );
      await deps.store.finishEvent(eventId, ok ? 'answered' : 'failed');
      if (ok) await deps.store.addCaseEvent(c.id, 'relayed', user, m.text ?? '');
      deps.log.info({ event_id: eventId, case_id: c.id }, ok ? 'adviser reply relayed' : 'relay failed');
      return done(ok ? 'relayed' : 'failed');
    }

    const isDm = m.channel_type === 'im';
    if (!isDm) {
      // A mention is answered by the app_mention listener; only follow-ups in the bot's threads come here.
      if (m.text?.includes(`<@${botUserId}`)) return done('ignored');
      if (
        m.thread_ts === undefined ||
        (await deps.store.getThread(m.channel, m.thread_ts, team)) === undefined
      ) {
        return done('ignored');
      }
    }
    const openCase =
      m.thread_ts === undefined
        ? undefined
        : await deps.store.activeCaseForThread(m.channel, m.thread_ts, team);
    const outcome = await answerInThread(client, deps, {
      eventId,
      kind: isDm ? 'message.im' : 'message.thread',
      channel: m.channel,
      threadTs: m.thread_ts ?? m.ts,
      user,
      text: m.text,
      retryNum: typeof context.retryNum === 'number' ? context.retryNum : undefined,
      team,
      botUserId,
    });
    if (outcome !== 'duplicate') await relayToCase(client, deps, openCase, { user, text: m.text });
    return done(outcome);
  }
}
