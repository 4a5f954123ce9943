/** Registers every listener on the app. */
import type { App } from '@slack/bolt';
import { report, type SlackDeps } from '../core.js';
import { envelopeProblem } from '../payloads.js';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import * as messages from './messages/index.js';
import * as views from './views/index.js';

export function registerListeners(app: App, deps: SlackDeps): void {
  // Before any listener (and before Bolt's matchers read nested fields): a body whose envelope has the wrong
  // shape is acked and dropped.
  app.use(async (args) => {
    const field = envelopeProblem(args.body);
    if (field === undefined) return args.next();
    deps.log.warn({ error: 'invalid_payload', field }, 'request dropped');
    const ack = (args as { ack?: (() => Promise<void>) | undefined }).ack;
    if (typeof ack === 'function') await ack();
    report(deps, { kind: 'event', id: 'envelope', outcome: 'invalid' });
  });
  events.register(app, deps);
  messages.register(app, deps);
  commands.register(app, deps);
  actions.register(app, deps);
  views.register(app, deps);
}
