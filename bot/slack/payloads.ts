/**
 * The shapes the listeners rely on, parsed with zod at each listener's entry: a payload that does not fit
 * is answered with a clear refusal (or ignored, for events), never a throw deep inside a listener.
 */
import { z } from 'zod';

/** Slack ids (channels, users, event ids) and message timestamps as the store accepts them. */
export const SlackId = z.string().min(1).max(255);
const httpUrl = z.url({ protocol: /^https?$/ });

export const EventEnvelope = z.object({ event_id: SlackId });

export const MentionEvent = z.object({
  channel: SlackId,
  ts: SlackId,
  thread_ts: SlackId.optional(),
  user: SlackId.optional(),
  text: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
});

export const HomeOpenedEvent = z.object({
  user: SlackId,
  tab: z.string(),
  view: z
    .object({ private_metadata: z.string().max(3000).optional() })
    .optional()
    .catch(undefined),
});

export const MessageEvent = z.object({
  type: z.literal('message'),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  user: SlackId.optional(),
  channel: SlackId,
  channel_type: z.string().optional(),
  text: z.string().optional(),
  ts: SlackId,
  thread_ts: SlackId.optional(),
});

export const SlashCommand = z.object({
  command: z.string().min(1),
  text: z.string().default(''),
  user_id: SlackId,
  channel_id: SlackId,
  trigger_id: z.string().optional(),
  response_url: httpUrl,
});

/** A message shortcut: who used it, on which message, in which channel, and where to reply. */
export const MessageShortcutPayload = z.object({
  user: z.object({ id: SlackId }),
  channel: z.object({ id: SlackId }),
  action_ts: SlackId,
  message: z.object({
    ts: SlackId,
    thread_ts: SlackId.optional(),
    text: z.string().max(40_000).optional(),
  }),
});

/** What every button click needs: who clicked, and where a private reply can go. */
export const ButtonClick = z.object({
  user: z.object({ id: SlackId }),
  response_url: httpUrl.optional().catch(undefined),
  channel: z.object({ id: SlackId }).optional().catch(undefined),
  container: z.object({ channel_id: SlackId.optional() }).optional().catch(undefined),
});
export type ButtonClick = z.infer<typeof ButtonClick>;

/** A button's value: an answer id (`escalate`, `feedback_*`). */
export const AnswerRef = z.object({ value: SlackId });
/** The native feedback buttons: `helpful|<answer id>` or `not_helpful|<answer id>`. */
export const FeedbackRef = z.object({
  value: z
    .string()
    .regex(/^(helpful|not_helpful)\|[^|]{1,255}$/)
    .transform((v) => {
      const at = v.indexOf('|');
      return { helpful: v.slice(0, at) === 'helpful', answerId: v.slice(at + 1) };
    }),
});
/** `quote_expand`: `<answer id>|<citation index>`. */
export const QuoteRef = z.object({
  value: z
    .string()
    .regex(/^[^|]{1,255}\|\d{1,3}$/)
    .transform((v) => {
      const [answerId = '', index = '0'] = v.split('|');
      return { answerId, index: Number(index) };
    }),
});
/** `case_claim`, `case_resolve`: a case number. */
export const CaseRef = z.object({
  value: z
    .string()
    .regex(/^[1-9]\d{0,14}$/)
    .transform(Number),
});

export const ViewSubmission = z.object({
  user: z.object({ id: SlackId }),
  view: z.object({
    private_metadata: z.string().optional(),
    state: z.object({ values: z.record(z.string(), z.unknown()) }),
  }),
});

/** The first problem of a failed parse, as a path (for the log and for the person): never the value. */
export function problem(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  return path === '' ? 'payload' : path;
}

const obj = z.object({}).loose();
/**
 * Bolt tells what a body is by which fields are present (`event`, `actions`, `view`), not by `type`; its
 * matchers then read into them (`'action_id' in actions[0]`, `view.callback_id`, `event.type`).
 */
const idOrObject = z.union([z.string(), obj]);
/** Fields that, when present, Bolt reads into while routing (`'id' in channel`, `user.team_id`, `'channel' in item`). */
const EventFields = z.object({
  channel: idOrObject.optional(),
  user: idOrObject.optional(),
  item: obj.optional(),
});
const INTERACTIVE_TYPES = new Set([
  'block_suggestion',
  'dialog_submission',
  'shortcut',
  'message_action',
  'view_submission',
  'view_closed',
]);
const PRESENT: [string, z.ZodType][] = [
  ['event', EventFields],
  ['actions', z.array(obj).min(1)],
  ['view', obj],
  ['channel', obj],
  ['user', idOrObject],
];

/**
 * Returns the envelope field that Bolt's own matching would trip over, or undefined when the body may go on
 * to the listeners.
 */
export function envelopeProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return 'payload';
  const b = body as Record<string, unknown>;
  // Bolt's classification (helpers.getTypeAndConversation): event, command, then the interactive kinds,
  // whose `user.id` (and, for modals, `view.app_installed_team_id`) it reads unguarded.
  const interactive =
    b.event === undefined &&
    b.command === undefined &&
    (b.name !== undefined || b.actions !== undefined || INTERACTIVE_TYPES.has(String(b.type)));
  if (interactive && !obj.safeParse(b.user).success) return 'user';
  if ((b.type === 'view_submission' || b.type === 'view_closed') && !obj.safeParse(b.view).success) {
    return 'view';
  }
  for (const [field, schema] of PRESENT) {
    if (b[field] === undefined) continue;
    const parsed = schema.safeParse(b[field]);
    if (!parsed.success) {
      const sub = problem(parsed.error);
      return sub === 'payload' ? field : `${field}.${sub}`;
    }
  }
  return undefined;
}
