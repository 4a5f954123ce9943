/** Replies to clicks: privately to the person who clicked, and the parsing of a click's payload. */
import type { RespondFn } from '@slack/bolt';
import type { z } from 'zod';
import { type Block, textBlocks } from '../../blocks.js';
import { errorCode, report, type SlackDeps, type WebClient } from '../../core.js';
import { ButtonClick, problem } from '../../payloads.js';
import { T } from '../../texts.js';

/**
 * A private reply to the person who clicked: via response_url when there is one, else chat.postEphemeral.
 * A reply that cannot be delivered is logged, never thrown.
 */
export async function whisper(
  client: WebClient,
  deps: SlackDeps,
  respond: RespondFn | undefined,
  click: ButtonClick,
  text: string,
  blocks?: Block[],
): Promise<boolean> {
  const b = blocks ?? textBlocks(text);
  try {
    if (typeof respond === 'function' && click.response_url !== undefined) {
      await respond({ response_type: 'ephemeral', replace_original: false, text, blocks: b });
      return true;
    }
    const channel = click.channel?.id ?? click.container?.channel_id;
    if (channel === undefined) return false;
    await client.chat.postEphemeral({ channel, user: click.user.id, text, blocks: b });
    return true;
  } catch (e) {
    deps.log.error({ error: errorCode(e) }, 'could not reply privately to a click');
    return false;
  }
}

/**
 * Parses a click: the body (who clicked, where to reply) and the button's value. A click of the wrong shape
 * is refused privately when there is somewhere to reply, and reported as `invalid`.
 */
export async function parseClick<T extends z.ZodType>(
  deps: SlackDeps,
  actionId: string,
  args: { body: unknown; action: unknown; respond: RespondFn | undefined; client: WebClient },
  valueSchema: T,
  /** Called before a refusal is sent, for a listener that has not acked yet. */
  ackFirst?: () => Promise<void>,
): Promise<{ click: ButtonClick; value: z.infer<T> } | undefined> {
  const click = ButtonClick.safeParse(args.body);
  const value = valueSchema.safeParse(args.action);
  if (click.success && value.success) return { click: click.data, value: value.data };
  const field = !click.success ? problem(click.error) : `actions.${problem(value.error!)}`;
  deps.log.warn({ action_id: actionId, error: 'invalid_payload', field }, 'click refused');
  await ackFirst?.();
  if (click.success) await whisper(args.client, deps, args.respond, click.data, T.da.badRequest(field));
  report(deps, { kind: 'action', id: actionId, outcome: 'invalid' });
  return undefined;
}
