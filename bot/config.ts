/**
 * Configuration of `npm start`, read from the environment (and `.env` when present) and validated with zod.
 * The mode follows from which tokens are set:
 * - SLACK_BOT_TOKEN + SLACK_APP_TOKEN → Socket Mode (the signing secret is then not needed);
 * - SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET → HTTP (`POST /slack/events`, `GET /healthz`);
 * - none of the three → the terminal chat.
 * A missing or malformed variable that the chosen mode needs gives ONE line naming it; secrets are never echoed.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_ADVICE_CACHE_SIZE } from './advice-cache.js';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

const common = {
  SLACK_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' })
    .default('https://slack.com/api/')
    .transform((u) => (u.endsWith('/') ? u : `${u}/`)),
  ADVISER_CHANNEL: z
    .string()
    .regex(/^[CG][A-Z0-9]{2,}$/, 'must be a channel ID such as C0123ABCD (not a #name)')
    .optional(),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/\S+$/i,
      'must be a PostgreSQL URL such as postgres://user:password@host:5432/db',
    )
    .optional(),
  LEASE_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(500, 'must be at least 500')
    .max(600_000, 'must be at most 600000')
    .default(15_000),
  OPS_PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole port number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .optional(),
  KNOWLEDGE_DIR: z.string().min(1, 'must not be empty').optional(),
  RETENTION_DAYS: z.coerce
    .number({ error: 'must be a whole number of days (0 keeps everything)' })
    .int('must be a whole number of days (0 keeps everything)')
    .min(0, 'must be 0 (keep everything) or more')
    .max(36_500, 'must be at most 36500 days')
    .default(365),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ADVICE_CACHE_SIZE: z.coerce
    .number({ error: 'must be a whole number of answers (0 turns the cache off)' })
    .int('must be a whole number of answers (0 turns the cache off)')
    .min(0, 'must be 0 (off) or more')
    .max(1_000_000, 'must be at most 1000000')
    .default(DEFAULT_ADVICE_CACHE_SIZE),
  RETRY_MIN_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(10, 'must be at least 10')
    .max(3_600_000, 'must be at most 3600000')
    .default(2_000),
  RETRY_MAX_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(10, 'must be at least 10')
    .max(3_600_000, 'must be at most 3600000')
    .default(60_000),
  IN_DOUBT_MAX_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(0, 'must be 0 or more')
    .max(86_400_000, 'must be at most 86400000')
    .default(600_000),
  WEB_API_RETRIES: z.coerce
    .number({ error: 'must be a whole number of retries' })
    .int('must be a whole number of retries')
    .min(0, 'must be 0 or more')
    .max(10, 'must be at most 10')
    .default(4),
  CASE_REMIND_MINUTES: z.coerce
    .number({ error: 'must be a whole number of minutes (0 turns reminders off)' })
    .int('must be a whole number of minutes (0 turns reminders off)')
    .min(0, 'must be 0 (off) or more')
    .max(10_080, 'must be at most 10080 (a week)')
    .default(240),
  SLASH_COMMAND: z
    .string()
    .regex(/^\/[\p{Ll}0-9_-]{1,31}$/u, 'must be a lower-case command such as /leverandor')
    .default('/leverandor'),
};

/** Only HTTP mode listens; Socket Mode does not read PORT or HOST. */
const listener = {
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole port number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1, 'must not be empty').default('0.0.0.0'),
};

const botToken = z.string().regex(/^xoxb-[A-Za-z0-9-]+$/, 'must be a bot token starting with xoxb-');
const appToken = z.string().regex(/^xapp-[A-Za-z0-9-]+$/, 'must be an app-level token starting with xapp-');
const signingSecret = z
  .string()
  .regex(/^[A-Za-z0-9]{16,}$/, "must be the app's signing secret (letters and digits)");

/** Many workspaces (bot/slack/oauth.ts): the app's OAuth credentials; the bot token is then per installation. */
const oauth = {
  SLACK_CLIENT_ID: z
    .string()
    .regex(/^\d+\.\d+$/, "must be the app's client ID such as 1234567890.1234567890"),
  SLACK_CLIENT_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9]{16,}$/, "must be the app's client secret (letters and digits)"),
  SLACK_STATE_SECRET: z.string().min(16, 'must be at least 16 characters (any random text)'),
  SLACK_REDIRECT_URI: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL ending in /slack/oauth_redirect' })
    .optional(),
  ADVISER_TEAM: z
    .string()
    .regex(/^[TE][A-Z0-9]{2,}$/, "must be the team ID of the advisers' workspace such as T0123ABCD")
    .optional(),
};

const HttpEnv = z.object({
  ...common,
  ...listener,
  SLACK_BOT_TOKEN: botToken,
  SLACK_SIGNING_SECRET: signingSecret,
});
const OAuthEnv = z.object({
  ...common,
  ...listener,
  ...oauth,
  SLACK_BOT_TOKEN: botToken.optional(),
  SLACK_SIGNING_SECRET: signingSecret,
});
const SocketEnv = z.object({ ...common, SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken });
const TerminalEnv = z.object({
  DATA_DIR: common.DATA_DIR,
  LOG_LEVEL: common.LOG_LEVEL,
  RETENTION_DAYS: common.RETENTION_DAYS,
});
/** What the database needs, in any mode (`npm run purge`). */
const StoreEnv = z.object({
  DATA_DIR: common.DATA_DIR,
  DATABASE_URL: common.DATABASE_URL,
  RETENTION_DAYS: common.RETENTION_DAYS,
});

export interface SlackSettings {
  /** The one workspace's bot token; unset with the OAuth flow (each installation has its own). */
  botToken?: string | undefined;
  /** Many workspaces: the app's OAuth credentials (HTTP mode). */
  oauth?:
    | { clientId: string; clientSecret: string; stateSecret: string; redirectUri?: string | undefined }
    | undefined;
  /** The advisers' workspace, when the adviser channel is not in the asker's. */
  adviserTeam?: string | undefined;
  apiUrl: string;
  adviserChannel: string | undefined;
  dataDir: string;
  /** PostgreSQL instead of the embedded database in DATA_DIR (several replicas on one database). */
  databaseUrl?: string | undefined;
  /** How long a replica's hold on its open events lasts without a heartbeat (another then takes them). */
  leaseMs?: number;
  /** Socket Mode: the port of the small HTTP server for /healthz, /readyz and /metrics (unset: none). */
  opsPort?: number | undefined;
  /** Where the texts (`texts/`) and registers (`registers/`) are read from; default the project's knowledge/. */
  knowledgeDir?: string | undefined;
  /** Stored conversations older than this many days are purged; 0 keeps everything. */
  retentionDays: number;
  logLevel: LogLevelName;
  slashCommand: string;
  /** Answers kept for reuse by identical requests; 0 turns the cache off. */
  adviceCacheSize: number;
  /** An unclaimed case is announced again in the adviser channel after this many minutes; 0 never. */
  caseRemindMinutes?: number;
  /** Back-off of events retried after a Web API or store failure (bot/slack/inbox.ts). */
  retry?: { minMs: number; maxMs: number; inDoubtMaxMs: number; webApiRetries: number };
}
export type Config =
  | ({ mode: 'http'; signingSecret: string; port: number; host: string } & SlackSettings)
  | ({ mode: 'socket'; appToken: string } & SlackSettings)
  | { mode: 'terminal'; dataDir: string; retentionDays: number; logLevel: LogLevelName };

export type ConfigResult = { ok: true; config: Config } | { ok: false; error: string };

type Env = Record<string, string | undefined>;

/** Empty strings count as unset (a blank line in `.env` must not switch modes). */
function clean(env: Env): Env {
  const out: Env = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== '') out[k] = v.trim();
  return out;
}

function firstIssue(error: z.ZodError, env: Env): string {
  const issue = error.issues[0];
  const name = issue?.path.map(String).join('.') || 'environment';
  const message = env[name] === undefined ? 'is not set' : issue?.message;
  return `Configuration error: ${name} ${message ?? 'is invalid'}`;
}

/** What both Slack modes read, from their validated environment. */
function slackSettings(
  d: z.infer<typeof SocketEnv> | z.infer<typeof HttpEnv> | z.infer<typeof OAuthEnv>,
): SlackSettings {
  return {
    botToken: d.SLACK_BOT_TOKEN,
    apiUrl: d.SLACK_API_URL,
    adviserChannel: d.ADVISER_CHANNEL,
    dataDir: d.DATA_DIR,
    databaseUrl: d.DATABASE_URL,
    leaseMs: d.LEASE_MS,
    opsPort: d.OPS_PORT,
    knowledgeDir: d.KNOWLEDGE_DIR,
    retentionDays: d.RETENTION_DAYS,
    logLevel: d.LOG_LEVEL,
    slashCommand: d.SLASH_COMMAND,
    adviceCacheSize: d.ADVICE_CACHE_SIZE,
    caseRemindMinutes: d.CASE_REMIND_MINUTES,
    retry: {
      minMs: d.RETRY_MIN_MS,
      maxMs: Math.max(d.RETRY_MIN_MS, d.RETRY_MAX_MS),
      inDoubtMaxMs: d.IN_DOUBT_MAX_MS,
      webApiRetries: d.WEB_API_RETRIES,
    },
  };
}

/** Decides the mode and validates what it needs. Never throws; the error is one line naming the variable. */
export function loadConfig(rawEnv: Env = process.env): ConfigResult {
  const env = clean(rawEnv);
  const hasOAuth = env.SLACK_CLIENT_ID !== undefined;
  const hasBot = env.SLACK_BOT_TOKEN !== undefined || (hasOAuth && env.SLACK_SIGNING_SECRET !== undefined);
  const hasApp = env.SLACK_APP_TOKEN !== undefined;
  const hasSecret = env.SLACK_SIGNING_SECRET !== undefined;

  if (!hasBot && !hasApp && !hasSecret) {
    const r = TerminalEnv.safeParse(env);
    if (!r.success) return { ok: false, error: firstIssue(r.error, env) };
    return {
      ok: true,
      config: {
        mode: 'terminal',
        dataDir: r.data.DATA_DIR,
        retentionDays: r.data.RETENTION_DAYS,
        logLevel: r.data.LOG_LEVEL,
      },
    };
  }
  if (!hasBot) {
    return {
      ok: false,
      error: `Configuration error: SLACK_BOT_TOKEN is not set (needed with ${hasApp ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET'})`,
    };
  }
  if (!hasApp && !hasSecret) {
    return {
      ok: false,
      error:
        'Configuration error: SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is not set; the bot token alone is not enough',
    };
  }
  if (hasApp) {
    const r = SocketEnv.safeParse(env);
    if (!r.success) return { ok: false, error: firstIssue(r.error, env) };
    const d = r.data;
    return {
      ok: true,
      config: {
        mode: 'socket',
        appToken: d.SLACK_APP_TOKEN,
        ...slackSettings(d),
      },
    };
  }
  if (hasOAuth) {
    const o = OAuthEnv.safeParse(env);
    if (!o.success) return { ok: false, error: firstIssue(o.error, env) };
    const d = o.data;
    return {
      ok: true,
      config: {
        mode: 'http',
        signingSecret: d.SLACK_SIGNING_SECRET,
        port: d.PORT,
        host: d.HOST,
        ...slackSettings(d),
        oauth: {
          clientId: d.SLACK_CLIENT_ID,
          clientSecret: d.SLACK_CLIENT_SECRET,
          stateSecret: d.SLACK_STATE_SECRET,
          redirectUri: d.SLACK_REDIRECT_URI,
        },
        adviserTeam: d.ADVISER_TEAM,
      },
    };
  }
  const r = HttpEnv.safeParse(env);
  if (!r.success) return { ok: false, error: firstIssue(r.error, env) };
  const d = r.data;
  return {
    ok: true,
    config: {
      mode: 'http',
      signingSecret: d.SLACK_SIGNING_SECRET,
      port: d.PORT,
      host: d.HOST,
      ...slackSettings(d),
    },
  };
}

/** DATA_DIR and RETENTION_DAYS only, for tools that use the database without Slack (`npm run purge`). */
export function loadStoreConfig(
  rawEnv: Env = process.env,
):
  | { ok: true; dataDir: string; databaseUrl?: string | undefined; retentionDays: number }
  | { ok: false; error: string } {
  const env = clean(rawEnv);
  const r = StoreEnv.safeParse(env);
  if (!r.success) return { ok: false, error: firstIssue(r.error, env) };
  return {
    ok: true,
    dataDir: r.data.DATA_DIR,
    databaseUrl: r.data.DATABASE_URL,
    retentionDays: r.data.RETENTION_DAYS,
  };
}

/** Reads `.env` in the working directory into process.env when it exists (existing variables win). */
export function loadDotEnv(path = '.env'): { ok: true } | { ok: false; error: string } {
  if (!existsSync(path)) return { ok: true };
  try {
    process.loadEnvFile(path);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: `Configuration error: ${path} could not be read (${(e as Error).message})` };
  }
}
