/**
 * Cases nobody has claimed are announced again: an open case whose last announcement (its post, or an
 * earlier reminder) is older than CASE_REMIND_MINUTES gets a new message in the adviser channel, with its
 * age, the question, a link to the case post and a button to claim it; the reminder is recorded in the
 * case's history (`reminded`), so each is announced once per period, also across restarts.
 */

import { duration } from '../desk/figures.js';
import { button, escapeMrkdwn, truncate } from './blocks.js';
import { adviserClient, errorCode, permalink, type SlackDeps, type WebClient } from './core.js';

export async function remindUnclaimed(
  appClient: WebClient,
  deps: SlackDeps,
  nowMs = Date.now(),
): Promise<number> {
  const after = deps.caseRemindMs ?? 0;
  if (deps.adviserChannel === undefined || after <= 0) return 0;
  // the advisers' workspace's client when it is set apart (many workspaces, bot/slack/oauth.ts)
  const client = await adviserClient(deps, appClient);
  let sent = 0;
  for (const c of await deps.store.casesDueReminder(new Date(nowMs - after).toISOString())) {
    const age = duration(nowMs - Date.parse(c.created_at));
    const link = await permalink(client, c.adviser_channel ?? deps.adviserChannel, c.adviser_ts ?? '');
    const head = `:alarm_clock: *Sag #${c.id} venter stadig på en rådgiver* (${age}) / *Case #${c.id} is still waiting for an adviser*`;
    const text = `${head}\n<@${c.asker}>: ${escapeMrkdwn(truncate(c.question.replace(/\s+/g, ' '), 300))}`;
    try {
      await client.chat.postMessage({
        channel: deps.adviserChannel,
        text,
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text } },
          {
            type: 'actions',
            block_id: `reminder_${c.id}`,
            elements: [
              button('case_claim', 'Tag sagen / Claim', String(c.id), 'primary'),
              ...(link === undefined
                ? []
                : [
                    {
                      type: 'button' as const,
                      action_id: 'desk_open_thread',
                      text: { type: 'plain_text' as const, text: 'Til sagen / Go to the case' },
                      url: link,
                      value: String(c.id),
                    },
                  ]),
            ],
          },
        ],
      });
      await deps.store.addCaseEvent(c.id, 'reminded', null, age, new Date(nowMs).toISOString());
      sent += 1;
    } catch (e) {
      deps.log.error({ case_id: c.id, error: errorCode(e) }, 'reminder could not be posted');
    }
  }
  if (sent > 0) deps.log.info({ reminded: sent }, 'unclaimed cases announced again');
  return sent;
}

/** Checks for cases due a reminder every few minutes (a tenth of the reminder time, 1 to 15 minutes). */
export function startReminders(client: WebClient, deps: SlackDeps): () => void {
  const after = deps.caseRemindMs ?? 0;
  if (deps.adviserChannel === undefined || after <= 0) return () => {};
  const every = Math.min(15 * 60_000, Math.max(60_000, after / 10));
  const timer = setInterval(() => {
    remindUnclaimed(client, deps).catch((e: unknown) =>
      deps.log.error({ error: errorCode(e) }, 'reminders failed'),
    );
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}
