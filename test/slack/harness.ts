/**
 * Starts the REAL Bolt app (HTTP receiver on an ephemeral port on 127.0.0.1) against the Web API
 * stand-in, and sends requests exactly as Slack does: signed with v0 HMAC-SHA256 of `v0:timestamp:body`,
 * JSON for events, form-encoded (`payload=` for interactivity) for commands and actions.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { App } from '@slack/bolt';
import { createAdviceCache } from '../../bot/advice-cache.js';
import { loadConfig } from '../../bot/config.js';
import { type Advisor, createAdvisor } from '../../bot/pipeline.js';
import { createSlackApp, type SlackBot, type SlackConfig } from '../../bot/slack/app.js';
import type { Handled, SlackDeps } from '../../bot/slack/core.js';
import type { Inbox, RetryPolicy } from '../../bot/slack/inbox.js';
import { createLogger } from '../../bot/slack/logger.js';
import { Store } from '../../bot/store/index.js';
import { SqliteStore } from '../../bot/store/sqlite.js';
import { backgroundWriter } from '../../bot/store/writer.js';
import { BOT_ID, BOT_TOKEN, BOT_USER, type SlackStandin, TEAM } from './standin.js';

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const ADVISER_CHANNEL = 'C0ADVISE';
export const TODAY = '2026-11-22';

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'advisor-slack-'));
}

export interface RunningBot {
  app: App;
  deps: SlackDeps;
  inbox: Inbox;
  reminders: SlackBot['reminders'];
  store: Store;
  url: string;
  handled: Handled[];
  logs: string[];
  waitHandled(pred: (h: Handled) => boolean, what?: string): Promise<Handled>;
  stop(): Promise<void>;
}

export async function startBot(
  standin: SlackStandin,
  opts: {
    dataDir: string;
    adviserChannel?: string | null;
    retries?: number;
    advisor?: Advisor;
    /** Write answers on the background writer thread, as `npm start` does (default: the main connection). */
    backgroundWriter?: boolean;
    /** Back-off of retried events (default: fast, 20 ms doubling to 200 ms). */
    retryPolicy?: Partial<RetryPolicy>;
    /** More environment (e.g. CASE_REMIND_MINUTES). */
    env?: Record<string, string>;
  },
): Promise<RunningBot> {
  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: standin.apiUrl,
    DATA_DIR: opts.dataDir,
    LOG_LEVEL: 'info',
    PORT: '0',
    HOST: '127.0.0.1',
  };
  if (opts.adviserChannel !== null) env.ADVISER_CHANNEL = opts.adviserChannel ?? ADVISER_CHANNEL;
  Object.assign(env, opts.env);
  const loaded = loadConfig(env);
  if (!loaded.ok || loaded.config.mode !== 'http') throw new Error(`test config: ${JSON.stringify(loaded)}`);
  const config = loaded.config as SlackConfig & { mode: 'http' };

  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  const log = createLogger('info', sink);
  const store = Store.open(config.dataDir);
  const writer = opts.backgroundWriter ? await backgroundWriter(config.dataDir, store) : undefined;
  const handled: Handled[] = [];
  const waiters: { pred: (h: Handled) => boolean; resolve: (h: Handled) => void }[] = [];
  const startedAt = new Date().toISOString();
  const { app, deps, inbox, reminders } = createSlackApp({
    config,
    identity: { botId: BOT_ID, botUserId: BOT_USER },
    advisor: opts.advisor ?? createAdvisor(),
    cache: createAdviceCache(config.adviceCacheSize),
    store: new SqliteStore(store),
    writer,
    log,
    today: () => TODAY,
    retryConfig: { retries: opts.retries ?? 2, factor: 1, minTimeout: 5, maxTimeout: 20 },
    retryPolicy: { minMs: 20, maxMs: 200, ...opts.retryPolicy },
    onHandled: (h) => {
      handled.push(h);
      for (const w of [...waiters]) {
        if (w.pred(h)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(h);
        }
      }
    },
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as unknown as import('node:http').Server;
  const { port } = server.address() as AddressInfo;
  await inbox.start(startedAt);
  return {
    app,
    deps,
    inbox,
    reminders,
    store,
    url: `http://127.0.0.1:${port}`,
    handled,
    logs,
    waitHandled(pred, what = 'a handled report') {
      const found = handled.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${what}; handled: ${JSON.stringify(handled)}`)),
          15_000,
        );
        waiters.push({
          pred,
          resolve: (h) => {
            clearTimeout(timer);
            resolve(h);
          },
        });
      });
    },
    async stop() {
      inbox.stop();
      server.closeAllConnections?.();
      await app.stop();
      await writer?.close();
      store.close();
    },
  };
}

// ---- signed requests ----------------------------------------------------------------------------------

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  timestamp?: number;
  secret?: string;
  signature?: string | null;
  retryNum?: number;
  contentType?: string;
}

export interface SlackResponse {
  status: number;
  body: string;
}

/** POSTs `body` to /slack/events signed as Slack signs it. */
export function send(bot: { url: string }, body: string, o: SendOptions = {}): Promise<SlackResponse> {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string | number> = {
    'content-type': o.contentType ?? 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-slack-request-timestamp': String(timestamp),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
  };
  if (o.signature !== null) headers['x-slack-signature'] = o.signature ?? sign(body, timestamp, o.secret);
  if (o.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(o.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return new Promise((resolve, reject) => {
    const req = request(`${bot.url}/slack/events`, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

export function get(bot: { url: string }, path: string): Promise<SlackResponse> {
  return new Promise((resolve, reject) => {
    const req = request(`${bot.url}${path}`, { method: 'GET', agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

// ---- payloads -----------------------------------------------------------------------------------------

let counter = 0;
export const nextTs = () => {
  counter += 1;
  return `${1_700_000_000 + counter}.${String(counter).padStart(6, '0')}`;
};
export const nextEventId = () =>
  `Ev${Date.now().toString(36).toUpperCase()}${(counter++).toString(36).toUpperCase()}`;

export function eventBody(
  event: Record<string, unknown>,
  eventId = nextEventId(),
): { body: string; eventId: string } {
  return {
    eventId,
    body: JSON.stringify({
      token: 'legacy-verification-token',
      team_id: TEAM,
      api_app_id: 'A0APP',
      event,
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: TEAM, user_id: BOT_USER, is_bot: true }],
    }),
  };
}

export function mention(o: {
  user?: string;
  channel?: string;
  text: string;
  ts?: string;
  thread_ts?: string;
}) {
  const ts = o.ts ?? nextTs();
  return {
    type: 'app_mention',
    user: o.user ?? 'U0ASKER',
    text: `<@${BOT_USER}> ${o.text}`,
    ts,
    channel: o.channel ?? 'C0GENERAL',
    event_ts: ts,
    ...(o.thread_ts ? { thread_ts: o.thread_ts } : {}),
  };
}

export function message(o: {
  user?: string;
  channel?: string;
  channel_type?: string;
  text: string;
  ts?: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
}) {
  const ts = o.ts ?? nextTs();
  const e: Record<string, unknown> = {
    type: 'message',
    text: o.text,
    ts,
    channel: o.channel ?? 'C0GENERAL',
    channel_type: o.channel_type ?? 'channel',
    event_ts: ts,
  };
  if (o.user !== undefined) e.user = o.user;
  if (o.thread_ts) e.thread_ts = o.thread_ts;
  if (o.subtype) e.subtype = o.subtype;
  if (o.bot_id) e.bot_id = o.bot_id;
  return e;
}

/** A form-encoded interactivity request (`payload=`), as Slack sends block actions and view submissions. */
export function interactivity(payload: Record<string, unknown>): { body: string; contentType: string } {
  return {
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  };
}

export function blockAction(o: {
  actionId: string;
  value: string;
  user: string;
  channel: string;
  messageTs: string;
  threadTs?: string;
  responseUrl: string;
}) {
  return interactivity({
    type: 'block_actions',
    user: { id: o.user, username: o.user.toLowerCase(), name: o.user.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: o.messageTs,
      channel_id: o.channel,
      is_ephemeral: false,
      ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    },
    trigger_id: `${Date.now()}.trigger`,
    team: { id: TEAM, domain: 'example' },
    channel: { id: o.channel, name: 'general' },
    message: { type: 'message', ts: o.messageTs, bot_id: BOT_ID, text: '…' },
    response_url: o.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: o.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'x' },
        value: o.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  });
}

export function slashCommand(o: {
  command?: string;
  text: string;
  user?: string;
  channel?: string;
  responseUrl: string;
}) {
  return {
    body: new URLSearchParams({
      token: 'legacy-verification-token',
      team_id: TEAM,
      team_domain: 'example',
      channel_id: o.channel ?? 'C0GENERAL',
      channel_name: 'general',
      user_id: o.user ?? 'U0ASKER',
      user_name: 'asker',
      command: o.command ?? '/leverandor',
      text: o.text,
      api_app_id: 'A0APP',
      response_url: o.responseUrl,
      trigger_id: `${Date.now()}.trigger`,
    }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  };
}

export function viewSubmission(o: {
  user?: string;
  values: Record<string, string>;
  selects?: Record<string, string>;
  meta: string;
}) {
  const state: Record<string, Record<string, unknown>> = {};
  for (const [k, v] of Object.entries(o.values)) state[k] = { value: { type: 'plain_text_input', value: v } };
  for (const [k, v] of Object.entries(o.selects ?? {}))
    state[k] = {
      value: { type: 'static_select', selected_option: { value: v, text: { type: 'plain_text', text: v } } },
    };
  return interactivity({
    type: 'view_submission',
    team: { id: TEAM, domain: 'example' },
    user: { id: o.user ?? 'U0ASKER', username: 'asker', name: 'asker', team_id: TEAM },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    trigger_id: `${Date.now()}.trigger`,
    view: {
      id: 'V0MODAL',
      team_id: TEAM,
      type: 'modal',
      callback_id: 'coverage_check',
      private_metadata: o.meta,
      state: { values: state },
      hash: 'h',
      title: { type: 'plain_text', text: 'x' },
      blocks: [],
    },
    response_urls: [],
  });
}

/** A click on Slack's native feedback buttons (`feedback_buttons` in a `context_actions` block). */
export function feedbackClick(o: {
  value: string;
  user: string;
  channel: string;
  messageTs: string;
  responseUrl: string;
  actionId?: string;
}) {
  return interactivity({
    type: 'block_actions',
    user: { id: o.user, username: o.user.toLowerCase(), name: o.user.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: o.messageTs, channel_id: o.channel, is_ephemeral: false },
    trigger_id: `${Date.now()}.trigger`,
    team: { id: TEAM, domain: 'example' },
    channel: { id: o.channel, name: 'general' },
    message: { type: 'message', ts: o.messageTs, bot_id: BOT_ID, text: '…' },
    response_url: o.responseUrl,
    actions: [
      {
        type: 'feedback_buttons',
        action_id: o.actionId ?? 'answer_feedback',
        block_id: 'answer_feedback',
        value: o.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  });
}

/** A view submission of any modal, with its state values as Slack sends them. */
export function viewSubmit(o: {
  callbackId: string;
  user?: string;
  values: Record<string, Record<string, unknown>>;
  meta: string;
}) {
  return interactivity({
    type: 'view_submission',
    team: { id: TEAM, domain: 'example' },
    user: { id: o.user ?? 'U0ASKER', username: 'asker', name: 'asker', team_id: TEAM },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    trigger_id: `${Date.now()}.trigger`,
    view: {
      id: 'V0MODAL',
      team_id: TEAM,
      type: 'modal',
      callback_id: o.callbackId,
      private_metadata: o.meta,
      state: { values: o.values },
      hash: 'h',
      title: { type: 'plain_text', text: 'x' },
      blocks: [],
    },
    response_urls: [],
  });
}

/** Blocks of a posted message, typed loosely for tests. */
export type LooseBlock = {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: {
    type?: string;
    action_id?: string;
    value?: string;
    url?: string;
    text?: { text: string } | string;
    positive_button?: { value: string };
    negative_button?: { value: string };
  }[];
  accessory?: { action_id?: string; value?: string; url?: string };
  rows?: { type: string; text?: string }[][];
  slack_file?: { id?: string };
  alt_text?: string;
};
export const blocksOf = (v: unknown) => (v ?? []) as LooseBlock[];
export const buttonsOf = (v: unknown) =>
  blocksOf(v).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));

/** A message shortcut on a message, as Slack sends it (`message_action`). */
export function messageShortcut(o: {
  callbackId?: string;
  user: string;
  channel: string;
  message: Record<string, unknown>;
  responseUrl: string;
}) {
  return interactivity({
    type: 'message_action',
    callback_id: o.callbackId ?? 'ask_about_message',
    trigger_id: `${Date.now()}.trigger`,
    action_ts: `${Date.now() / 1000}`,
    message_ts: o.message.ts,
    team: { id: TEAM, domain: 'example' },
    user: { id: o.user, username: o.user.toLowerCase(), name: o.user.toLowerCase(), team_id: TEAM },
    channel: { id: o.channel, name: 'general' },
    message: o.message,
    response_url: o.responseUrl,
    token: 'legacy-verification-token',
  });
}
