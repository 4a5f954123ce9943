/**
 * Which workspace a request belongs to, and the Web API client that speaks for the bot there.
 * With one bot token (SLACK_BOT_TOKEN) there is one workspace, stored as '' (so what was stored before many
 * workspaces existed stays its own). With the OAuth flow (bot/slack/oauth.ts) it is the installation's team id
 * (or, for an organisation-wide installation seen without a team, its enterprise id), and it is part of every
 * key of a conversation: thread, facts, answers, cases.
 */
type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** The team (else enterprise) id of a Slack request body: events, commands, actions and views alike. */
export function teamOfBody(body: unknown): string | undefined {
  const b = obj(body);
  if (b === undefined) return undefined;
  const auth = Array.isArray(b.authorizations) ? obj(b.authorizations[0]) : undefined;
  return (
    str(auth?.team_id) ??
    str(b.team_id) ??
    str(obj(b.team)?.id) ??
    str(obj(b.user)?.team_id) ??
    str(obj(b.view)?.team_id) ??
    str(auth?.enterprise_id) ??
    str(b.enterprise_id) ??
    str(obj(b.enterprise)?.id)
  );
}
