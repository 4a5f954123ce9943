/**
 * What keeps a bug a request triggers from ending the process (bodies that are not Slack's are refused at
 * the door, bot/slack/receiver.ts):
 * - `installCrashPolicy`: `unhandledRejection` and `uncaughtException` are logged with an error code (never
 *   the message text, which may quote a payload) and the bot keeps serving while it is healthy (the database
 *   is open); when it is not, it exits with code 1 so a supervisor restarts it (pending work is finished at
 *   start).
 */
import type { Logger } from './logger.js';

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
