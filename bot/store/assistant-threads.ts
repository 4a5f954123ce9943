/**
 * Threads of Slack's assistant pane ("Agents & AI Apps"): a thread is recorded when Slack announces it
 * (`assistant_thread_started`), with the channel the person was looking at (its context, updated by
 * `assistant_thread_context_changed`) and whether it has its title yet. A DM thread that is not here is an
 * ordinary one (a workspace without the pane, or an announcement that never came): it is answered all the
 * same, only without the pane's status and title. Table `assistant_threads` (SQLite migration 7, PostgreSQL 0004), keyed by
 * workspace (`team`, '' for the one workspace of a single bot token), channel and thread.
 */
import { z } from 'zod';
import type { Store } from './index.js';

export const AssistantContext = z
  .object({
    channel_id: z.string().max(255).optional(),
    team_id: z.string().max(255).optional(),
    enterprise_id: z.string().max(255).nullable().optional(),
  })
  .loose();
export type AssistantContext = z.infer<typeof AssistantContext>;

const Row = z.object({
  team: z.string(),
  channel: z.string(),
  thread_ts: z.string(),
  user: z.string(),
  context: z.string().transform((s, ctx) => {
    try {
      return AssistantContext.parse(JSON.parse(s));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'context is not valid JSON' });
      return z.NEVER;
    }
  }),
  titled: z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1),
  started_at: z.string(),
  updated_at: z.string(),
});
export type AssistantThread = z.infer<typeof Row>;
export const AssistantThreadRow = Row;

const id = z.string().min(1).max(255);

export function startAssistantThread(
  store: Store,
  t: { team?: string; channel: string; threadTs: string; user: string; context: AssistantContext },
): void {
  const at = new Date().toISOString();
  store.db
    .prepare(
      `INSERT INTO assistant_threads (team, channel, thread_ts, user, context, titled, started_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 0, ?, ?)
         ON CONFLICT (team, channel, thread_ts) DO UPDATE SET context = excluded.context, updated_at = excluded.updated_at`,
    )
    .run(
      t.team ?? '',
      id.parse(t.channel),
      id.parse(t.threadTs),
      id.parse(t.user),
      JSON.stringify(t.context),
      at,
      at,
    );
}

export function assistantThread(
  store: Store,
  channel: string,
  threadTs: string,
  team = '',
): AssistantThread | undefined {
  const raw = store.db
    .prepare('SELECT * FROM assistant_threads WHERE team = ? AND channel = ? AND thread_ts = ?')
    .get(team, channel, threadTs);
  if (raw === undefined) return undefined;
  const p = Row.safeParse(raw);
  return p.success ? p.data : undefined;
}

/** The channel the person now looks at; false when the thread is not known. */
export function saveAssistantContext(
  store: Store,
  channel: string,
  threadTs: string,
  context: AssistantContext,
  team = '',
): boolean {
  const r = store.db
    .prepare(
      'UPDATE assistant_threads SET context = ?, updated_at = ? WHERE team = ? AND channel = ? AND thread_ts = ?',
    )
    .run(JSON.stringify(context), new Date().toISOString(), team, channel, threadTs);
  return r.changes === 1;
}

/** Marks the thread titled; true only for the call that did it (the first question titles the thread). */
export function claimAssistantTitle(store: Store, channel: string, threadTs: string, team = ''): boolean {
  const r = store.db
    .prepare(
      'UPDATE assistant_threads SET titled = 1, updated_at = ? WHERE team = ? AND channel = ? AND thread_ts = ? AND titled = 0',
    )
    .run(new Date().toISOString(), team, channel, threadTs);
  return r.changes === 1;
}
