/**
 * Logging: pino to stderr (stdout stays free), secrets redacted, and an adapter so Bolt and the Web API
 * client log through the same pino instance. Message text is only ever logged at `debug`.
 */
import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import { type DestinationStream, type Logger, pino } from 'pino';
import type { LogLevelName } from '../config.js';

export type { Logger } from 'pino';

const REDACT = [
  'token',
  '*.token',
  'botToken',
  'appToken',
  'signingSecret',
  '*.signingSecret',
  'headers.authorization',
  '*.headers.authorization',
];

export function createLogger(level: LogLevelName, destination?: DestinationStream): Logger {
  return pino(
    { level, base: { app: 'advisor' }, redact: { paths: REDACT, censor: '[secret]' } },
    destination ?? pino.destination(2),
  );
}

/** Strips anything that looks like a Slack token or secret from a string Bolt wants to log. */
export function scrub(text: string): string {
  return text.replace(/\bx(?:ox[abpers]|app)-[A-Za-z0-9-]+/g, '[secret]');
}

const toText = (msg: unknown[]) =>
  scrub(
    msg
      .map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m)))
      .join(' '),
  );

const PINO_LEVEL: Record<LogLevel, LogLevelName> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/** Bolt's Logger interface over a pino child (`component: bolt`). */
export function boltLogger(base: Logger, component = 'bolt'): SlackLogger {
  let log = base.child({ component });
  return {
    // Bolt and the Web API client log several debug lines per request: format only what will be written.
    debug: (...m: unknown[]) => {
      if (log.isLevelEnabled('debug')) log.debug(toText(m));
    },
    info: (...m: unknown[]) => {
      if (log.isLevelEnabled('info')) log.info(toText(m));
    },
    warn: (...m: unknown[]) => log.warn(toText(m)),
    error: (...m: unknown[]) => log.error(toText(m)),
    setLevel: (level: LogLevel) => {
      log.level = PINO_LEVEL[level] ?? 'info';
    },
    getLevel: () =>
      (Object.entries(PINO_LEVEL).find(([, v]) => v === log.level)?.[0] as LogLevel) ?? LogLevel.INFO,
    setName: (name: string) => {
      log = base.child({ component: name });
    },
  };
}
