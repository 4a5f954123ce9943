/** Event listeners: `app_mention` (answer in the thread) and `app_home_opened` (publish the App Home). */
import type { App } from '@slack/bolt';
import { homeView } from '../../blocks.js';
import { answerInThread, errorCode, relayToCase, report, type SlackDeps } from '../../core.js';

export function register(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, body, client, context }) => {
    const eventId = body.event_id;
    // Direct messages are answered by the message listener (message.im); edits and bots are not questions.
    if (
      event.channel.startsWith('D') ||
      event.subtype !== undefined ||
      event.bot_id !== undefined ||
      !event.user
    ) {
      report(deps, { kind: 'event', id: eventId, outcome: 'ignored' });
      return;
    }
    const threadTs = event.thread_ts ?? event.ts;
    const openCase = deps.store.activeCaseForThread(event.channel, threadTs);
    const outcome = await answerInThread(client, deps, {
      eventId,
      kind: 'app_mention',
      channel: event.channel,
      threadTs,
      user: event.user,
      text: event.text,
      retryNum: context.retryNum,
    });
    if (outcome !== 'duplicate')
      await relayToCase(client, deps, openCase, { user: event.user, text: event.text });
    report(deps, { kind: 'event', id: eventId, outcome });
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') {
      report(deps, { kind: 'event', id: body.event_id, outcome: 'ignored' });
      return;
    }
    try {
      await client.views.publish({
        user_id: event.user,
        view: homeView(deps.store.openCasesFor(event.user), deps.slashCommand),
      });
      report(deps, { kind: 'event', id: body.event_id, outcome: 'published' });
    } catch (e) {
      deps.log.error({ event_id: body.event_id, error: errorCode(e) }, 'App Home could not be published');
      report(deps, { kind: 'event', id: body.event_id, outcome: 'failed' });
    }
  });
}
