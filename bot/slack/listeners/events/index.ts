/**
 * Event listeners: `app_mention` (answer in the thread) and `app_home_opened` (publish the App Home). Each
 * parses its event with zod first; an event of the wrong shape is logged by the field that is wrong and
 * ignored (Bolt has acked it already).
 */
import type { App } from '@slack/bolt';
import { answerInThread, relayToCase, report, type SlackDeps, workspaceOf } from '../../core.js';
import { periodOf, publishHome } from '../../home.js';
import { EventEnvelope, HomeOpenedEvent, MentionEvent, problem } from '../../payloads.js';
import { registerAssistant } from './assistant.js';

export function register(app: App, deps: SlackDeps): void {
  registerAssistant(app, deps);
  app.event('app_mention', async ({ event, body, client, context }) => {
    const envelope = EventEnvelope.safeParse(body);
    const parsed = MentionEvent.safeParse(event);
    const eventId = envelope.success ? envelope.data.event_id : 'unknown';
    if (!envelope.success || !parsed.success) {
      const why = !envelope.success ? problem(envelope.error) : problem(parsed.error!);
      deps.log.warn({ event_id: eventId, error: 'invalid_payload', field: why }, 'app_mention ignored');
      report(deps, { kind: 'event', id: eventId, outcome: 'invalid' });
      return;
    }
    const e = parsed.data;
    // Direct messages are answered by the message listener (message.im); edits and bots are not questions.
    if (e.channel.startsWith('D') || e.subtype !== undefined || e.bot_id !== undefined || !e.user) {
      report(deps, { kind: 'event', id: eventId, outcome: 'ignored' });
      return;
    }
    const threadTs = e.thread_ts ?? e.ts;
    const team = workspaceOf(deps, body);
    const openCase = await deps.store.activeCaseForThread(e.channel, threadTs, team);
    const outcome = await answerInThread(client, deps, {
      eventId,
      kind: 'app_mention',
      channel: e.channel,
      threadTs,
      user: e.user,
      text: e.text,
      retryNum: typeof context.retryNum === 'number' ? context.retryNum : undefined,
      team,
      ...(typeof context.botUserId === 'string' ? { botUserId: context.botUserId } : {}),
    });
    if (outcome !== 'duplicate') await relayToCase(client, deps, openCase, { user: e.user, text: e.text });
    report(deps, { kind: 'event', id: eventId, outcome });
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    const envelope = EventEnvelope.safeParse(body);
    const eventId = envelope.success ? envelope.data.event_id : 'unknown';
    const parsed = HomeOpenedEvent.safeParse(event);
    if (!parsed.success) {
      deps.log.warn(
        { event_id: eventId, error: 'invalid_payload', field: problem(parsed.error) },
        'app_home_opened ignored',
      );
      report(deps, { kind: 'event', id: eventId, outcome: 'invalid' });
      return;
    }
    if (parsed.data.tab !== 'home') {
      report(deps, { kind: 'event', id: eventId, outcome: 'ignored' });
      return;
    }
    // members of the adviser channel get the desk too, for the period they chose last
    const outcome = await publishHome(client, deps, parsed.data.user, {
      periodDays: periodOf(parsed.data.view?.private_metadata),
      team: workspaceOf(deps, body),
    });
    report(deps, { kind: 'event', id: eventId, outcome });
  });
}
