/**
 * What keeps a bad request (or a bug it triggers) from ending the process:
 * - `guardRequests`: in front of Bolt's HTTPReceiver, a signed request to `/slack/events` whose body is JSON
 *   (or `payload=` JSON) but not an object (`null`, a number, a string, an array) is refused with 400 before
 *   Bolt sees it (Bolt 5 reads `body.ssl_check` of it and the rejection would end the process); so is one
 *   whose `event`, `actions` or `view` is not an object (list) as Bolt's matchers expect. Unsigned ones get
 *   401 as every unsigned request does. Everything else goes to Bolt unchanged.
 * - `installCrashPolicy`: `unhandledRejection` and `uncaughtException` are logged with an error code (never
 *   the message text, which may quote a payload) and the bot keeps serving while it is healthy (the database
 *   is open); when it is not, it exits with code 1 so a supervisor restarts it (pending work is finished at
 *   start).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, type HTTPReceiver, isValidSlackRequest } from '@slack/bolt';
import type { Logger } from './logger.js';
import { envelopeProblem } from './payloads.js';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;
type Buffered = IncomingMessage & { rawBody: Buffer };

export type BodyCheck =
  | { ok: true }
  | { ok: false; reason: 'not_an_object' }
  | { ok: false; reason: 'invalid_envelope'; field: string };

/**
 * Whether Bolt may be handed a body: JSON that is not an object, or whose `event`, `actions` or `view` has a
 * shape Bolt's own matching would trip over, is refused; unparsable text is Bolt's to refuse.
 */
export function checkBody(raw: string, contentType: string | undefined): BodyCheck {
  let text = raw;
  if (contentType === 'application/x-www-form-urlencoded') {
    const payload = new URLSearchParams(raw).get('payload');
    if (payload === null) return { ok: true };
    text = payload;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: true };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: 'not_an_object' };
  }
  const field = envelopeProblem(value);
  return field === undefined ? { ok: true } : { ok: false, reason: 'invalid_envelope', field };
}

function reply(res: ServerResponse, status: number, error?: string, field?: string): void {
  if (res.headersSent) return;
  if (error === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ ok: false, error, ...(field === undefined ? {} : { field }) }));
}

/** Wraps the receiver's request listener (Bolt's `requestListener` is public and used by its server). */
export function guardRequests(
  receiver: HTTPReceiver,
  o: { signingSecret: string; endpoints: string[]; log: Logger },
): void {
  const inner: Listener = receiver.requestListener;
  const guarded: Listener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method?.toUpperCase() !== 'POST' || !o.endpoints.includes(path)) {
      inner(req, res);
      return;
    }
    // Bolt reuses a body that is already buffered (`rawBody`), so reading it here costs nothing extra.
    HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit).then(
      (buffered) => {
        const raw = (buffered as Buffered).rawBody.toString('utf8');
        const check = checkBody(raw, req.headers['content-type']);
        if (check.ok) {
          inner(req, res);
          return;
        }
        const signature = req.headers['x-slack-signature'];
        const timestamp = Number(req.headers['x-slack-request-timestamp']);
        const signed =
          typeof signature === 'string' &&
          Number.isFinite(timestamp) &&
          isValidSlackRequest({
            signingSecret: o.signingSecret,
            body: raw,
            headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
          });
        if (!signed) {
          o.log.warn({ error: 'invalid_signature' }, 'request refused');
          reply(res, 401);
          return;
        }
        o.log.warn(
          { error: check.reason, ...('field' in check ? { field: check.field } : {}) },
          'request refused: the body does not have the shape of a Slack request',
        );
        reply(res, 400, check.reason, 'field' in check ? check.field : undefined);
      },
      (e: unknown) => {
        const tooLarge = HTTPModuleFunctions.isRawBodyError(e) && e.statusCode === 413;
        o.log.warn({ error: tooLarge ? 'body_too_large' : 'body_unreadable' }, 'request refused');
        reply(res, tooLarge ? 413 : 400);
      },
    );
  };
  receiver.requestListener = guarded;
}

/** A short code for an error: its `code`, its class name, or `unknown_error`; never the message text. */
export function crashCode(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; name?: unknown };
    if (typeof o.code === 'string' && o.code.length <= 80) return o.code;
    if (typeof o.name === 'string' && o.name.length <= 80) return o.name;
  }
  return typeof e === 'object' ? 'unknown_error' : `thrown_${typeof e}`;
}

export interface CrashPolicyOptions {
  log: Logger;
  /** Whether serving on is safe (the database is open). */
  healthy: () => boolean;
  exit: (code: number) => void;
}

type ProcessLike = Pick<NodeJS.Process, 'on' | 'off'>;

/**
 * Logs unhandled rejections and uncaught exceptions by code and keeps serving while `healthy()`; otherwise
 * exits with 1. Returns a function that removes the handlers.
 */
export function installCrashPolicy(proc: ProcessLike, o: CrashPolicyOptions): () => void {
  const handle = (kind: 'unhandled_rejection' | 'uncaught_exception') => (e: unknown) => {
    const error = crashCode(e);
    if (o.healthy()) {
      o.log.error({ kind, error }, 'error outside a listener; still serving');
      return;
    }
    o.log.fatal({ kind, error }, 'error outside a listener and the bot is not healthy; exiting');
    o.exit(1);
  };
  const onRejection = handle('unhandled_rejection');
  const onException = handle('uncaught_exception');
  proc.on('unhandledRejection', onRejection);
  proc.on('uncaughtException', onException);
  return () => {
    proc.off('unhandledRejection', onRejection);
    proc.off('uncaughtException', onException);
  };
}
