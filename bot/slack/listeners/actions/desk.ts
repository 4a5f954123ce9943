/**
 * The adviser desk's own controls in App Home: `desk_period` (the figures' period: the home is published
 * again for it) and `desk_open_thread` (a link button: Slack opens the thread, the click is only acked).
 * Claiming and closing from the desk are the case buttons' own listeners (index.ts), which publish the
 * desk again afterwards.
 */
import type { App, BlockAction, BlockStaticSelectAction } from '@slack/bolt';
import { z } from 'zod';
import { report, type SlackDeps, workspaceOf } from '../../core.js';
import { DESK_PERIODS, OPEN_THREAD_ACTION, PERIOD_ACTION } from '../../desk.js';
import { publishHome } from '../../home.js';

const PeriodPick = z.object({
  user: z.object({ id: z.string().min(1).max(255) }),
  actions: z
    .array(
      z.object({
        selected_option: z.object({ value: z.enum(DESK_PERIODS.map(String) as [string, ...string[]]) }),
      }),
    )
    .min(1),
});

export function registerDesk(app: App, deps: SlackDeps): void {
  app.action<BlockStaticSelectAction>(PERIOD_ACTION, async ({ ack, body, client }) => {
    await ack();
    const p = PeriodPick.safeParse(body);
    if (!p.success) {
      deps.log.warn({ action_id: PERIOD_ACTION, error: 'invalid_payload' }, 'period refused');
      return report(deps, { kind: 'action', id: PERIOD_ACTION, outcome: 'invalid' });
    }
    const outcome = await publishHome(client, deps, p.data.user.id, {
      periodDays: Number(p.data.actions[0]!.selected_option.value),
      team: workspaceOf(deps, body),
    });
    report(deps, { kind: 'action', id: PERIOD_ACTION, outcome });
  });

  app.action<BlockAction>(OPEN_THREAD_ACTION, async ({ ack }) => {
    await ack();
    report(deps, { kind: 'action', id: OPEN_THREAD_ACTION, outcome: 'opened' });
  });
}
