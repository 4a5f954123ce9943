/**
 * The Bolt app, thin: receiver by mode (HTTP: `POST /slack/events`, `GET /healthz`, `GET /readyz` through
 * bot/slack/receiver.ts, which refuses what is not Slack's before parsing it; or Socket Mode),
 * the Web API pointed at SLACK_API_URL, the bot's identity passed in (so the constructor never calls
 * Slack), and the listeners.
 */
import { randomUUID } from 'node:crypto';
import { App, LogLevel, webApi } from '@slack/bolt';
import type { InstallationQuery } from '@slack/oauth';
import type { AdviceCache } from '../advice-cache.js';
import type { Config } from '../config.js';
import { Metrics, timedStore } from '../metrics.js';
import type { AdvisorStore } from '../store/api.js';
import { type AnswerWriter, directWriter } from '../store/writer.js';
import type { SlackAdvisor } from './core.js';
import { danishToday, errorCode, type Handled, type SlackDeps } from './core.js';
import { crashCode } from './guard.js';
import { Inbox, type RetryPolicy, StoreHealth } from './inbox.js';
import { registerListeners } from './listeners/index.js';
import { boltLogger, type Logger } from './logger.js';
import { createOAuth } from './oauth.js';
import { SlackReceiver } from './receiver.js';
import { remindUnclaimed, startReminders } from './reminders.js';
import { teamOfBody } from './workspace.js';

export type SlackConfig = Extract<Config, { mode: 'http' | 'socket' }>;

export interface BotIdentity {
  botId: string;
  botUserId: string;
}

export type RetryOptions = NonNullable<webApi.WebClientOptions['retryConfig']>;

/** Web API retries: rate limits wait for Retry-After; 5xx and network errors back off a few times. */
export const DEFAULT_RETRY: RetryOptions = {
  retries: 4,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 8000,
  randomize: true,
};

export interface SlackAppOptions {
  config: SlackConfig;
  identity: BotIdentity;
  advisor: SlackAdvisor;
  cache?: AdviceCache;
  store: AdvisorStore;
  /** Default: writes on the store's own connection. */
  writer?: AnswerWriter;
  log: Logger;
  retryConfig?: RetryOptions;
  today?: () => string;
  onHandled?: (h: Handled) => void;
  /** Back-off of retried events (bot/slack/inbox.ts). */
  retryPolicy?: Partial<RetryPolicy>;
  /** Bytes a request body may have (default DEFAULT_BODY_LIMIT). */
  bodyLimit?: number;
  /** How long this replica's hold on its events lasts without a heartbeat (bot/store/api.ts). */
  leaseMs?: number;
  /** Counters for `GET /metrics` (default: a new registry for this app). */
  metrics?: Metrics;
  /** Whether the knowledge is loaded (for /readyz; default: it is, the advisor was made from it). */
  knowledgeLoaded?: () => boolean;
}

export interface SlackBot {
  app: App;
  deps: SlackDeps;
  metrics: Metrics;
  /** What /healthz and /readyz report. */
  health: StoreHealth;
  /** The events' life: start it once the app listens (`inbox.start`), it picks up what was left open. */
  inbox: Inbox;
  /** Announces unclaimed cases again (bot/slack/reminders.ts): `run` once now, `start` every few minutes. */
  reminders: { run(nowMs?: number): Promise<number>; start(): () => void };
}

export function createSlackApp(o: SlackAppOptions): SlackBot {
  const { config, identity, log } = o;
  const logger = boltLogger(log);
  const metrics = o.metrics ?? new Metrics();
  const store = timedStore(o.store, metrics);
  const health = new StoreHealth(store, o.knowledgeLoaded);
  const inbox = new Inbox({
    store,
    log,
    health,
    ...(o.retryPolicy ? { policy: o.retryPolicy } : {}),
    ...(o.leaseMs !== undefined ? { leaseMs: o.leaseMs } : { leaseMs: config.leaseMs }),
  });
  const deps: SlackDeps = {
    advisor: o.advisor,
    cache: o.cache,
    store,
    writer: o.writer ?? directWriter(store),
    log,
    adviserChannel: config.adviserChannel,
    slashCommand: config.slashCommand,
    botUserId: identity.botUserId,
    today: o.today ?? danishToday,
    newId: () => `a_${randomUUID().replace(/-/g, '')}`,
    onHandled: o.onHandled,
    events: inbox,
    caseRemindMs: (config.caseRemindMinutes ?? 0) * 60_000,
    metrics,
  };
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: config.apiUrl,
    retryConfig: o.retryConfig ?? DEFAULT_RETRY,
    logger: boltLogger(log, 'web-api'),
  };
  // Many workspaces: each request is authorised by its workspace's installation, kept in the store
  const oauth =
    config.mode === 'http' && config.oauth !== undefined
      ? createOAuth({ ...config.oauth, store, apiUrl: config.apiUrl, log, clientOptions })
      : undefined;
  if (oauth !== undefined) {
    deps.workspaceOf = (body) => teamOfBody(body) ?? '';
    deps.clientFor = oauth.clientFor;
    deps.adviserTeam = config.adviserTeam;
  }
  const auth =
    oauth !== undefined
      ? { authorize: (q: InstallationQuery<boolean>) => oauth.installer.authorize(q) }
      : { token: config.botToken, botId: identity.botId, botUserId: identity.botUserId };
  const common = {
    ...auth,
    tokenVerificationEnabled: false,
    ignoreSelf: true,
    convoStore: false as const,
    logger,
    clientOptions,
  };

  let app: App;
  if (config.mode === 'http') {
    const receiver = new SlackReceiver({
      signingSecret: config.signingSecret,
      log,
      health: () => health.report(),
      metrics: () => metrics.text(),
      ...(oauth === undefined ? {} : { routes: oauth.handle }),
      ...(o.bodyLimit === undefined ? {} : { bodyLimit: o.bodyLimit }),
    });
    app = new App({ ...common, receiver });
  } else {
    app = new App({ ...common, socketMode: true, appToken: config.appToken });
  }

  registerListeners(app, deps);
  inbox.install(app, deps);
  app.error(async (error) => {
    const e = error as { original?: unknown; originals?: unknown[] };
    const causes = e.original !== undefined ? [e.original] : (e.originals ?? []);
    log.error(
      { error: errorCode(error), cause: causes.length === 0 ? undefined : causes.map(crashCode).join(', ') },
      'unhandled error in a listener',
    );
    metrics.errors.inc({ where: 'listener' });
  });
  const reminders = {
    run: (nowMs?: number) => remindUnclaimed(app.client, deps, nowMs),
    start: () => startReminders(app.client, deps),
  };
  return { app, deps, inbox, metrics, health, reminders };
}

/** Asks Slack who the bot is (auth.test); a typed error instead of a throw. */
export async function whoAmI(
  botToken: string,
  apiUrl: string,
): Promise<{ ok: true; identity: BotIdentity } | { ok: false; error: string }> {
  const client = new webApi.WebClient(botToken, {
    slackApiUrl: apiUrl,
    retryConfig: { retries: 2, minTimeout: 200, maxTimeout: 1000 },
    logLevel: LogLevel.ERROR,
  });
  try {
    const res = await client.auth.test();
    if (typeof res.bot_id === 'string' && typeof res.user_id === 'string') {
      return { ok: true, identity: { botId: res.bot_id, botUserId: res.user_id } };
    }
    return { ok: false, error: 'SLACK_BOT_TOKEN is not a bot token (auth.test returned no bot_id)' };
  } catch (e) {
    const code = errorCode(e);
    if ((e as { code?: unknown }).code === webApi.ErrorCode.PlatformError) {
      return { ok: false, error: `Slack refused SLACK_BOT_TOKEN (${code})` };
    }
    return { ok: false, error: `Slack could not be reached at SLACK_API_URL=${apiUrl} (${code})` };
  }
}
