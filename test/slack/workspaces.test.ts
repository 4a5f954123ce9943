/**
 * Many workspaces: Bolt's OAuth installation flow against the Web API stand-in installs two test workspaces
 * (the installations kept in the advisor's own database: SQLite, and a REAL PostgreSQL this file starts).
 * Both then ask in a channel with the same id and the same thread ts: each is answered with its own
 * workspace's token, and no thread, fact or case of one is visible in the other.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.js';
import { createAdvisor } from '../../bot/pipeline.js';
import { createSlackApp, type SlackConfig } from '../../bot/slack/app.js';
import type { Handled } from '../../bot/slack/core.js';
import { createLogger } from '../../bot/slack/logger.js';
import { BOT_SCOPES } from '../../bot/slack/oauth.js';
import type { AdvisorStore } from '../../bot/store/api.js';
import { openStore } from '../../bot/store/open.js';
import { PROJECT_ROOT } from '../../knowledge/paths.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { ADVISER_CHANNEL, nextTs, SIGNING_SECRET, send, TODAY, tempDataDir } from './harness.js';
import { SlackStandin } from './standin.js';

let pgServer: TestPostgres;
let standin: SlackStandin;
beforeAll(async () => {
  pgServer = await startPostgres();
  standin = await new SlackStandin().start();
}, 60_000);
afterAll(async () => {
  await standin?.stop();
  await pgServer?.stop();
});

function httpGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const req = request(url, { method: 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

async function startMultiBot(store: AdvisorStore) {
  const loaded = loadConfig({
    SLACK_CLIENT_ID: '1111111111.2222222222',
    SLACK_CLIENT_SECRET: 'abcdef0123456789abcdef',
    SLACK_STATE_SECRET: 'a state secret of some length',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: standin.apiUrl,
    ADVISER_CHANNEL,
    DATA_DIR: tempDataDir(),
    PORT: '0',
    HOST: '127.0.0.1',
  });
  if (!loaded.ok || loaded.config.mode !== 'http') throw new Error(JSON.stringify(loaded));
  const handled: Handled[] = [];
  const { app, inbox } = createSlackApp({
    config: loaded.config as SlackConfig,
    identity: { botId: '', botUserId: '' },
    advisor: createAdvisor(),
    store,
    log: createLogger('error', new Writable({ write: (_c, _e, cb) => cb() })),
    today: () => TODAY,
    retryConfig: { retries: 1, minTimeout: 5, maxTimeout: 10 },
    retryPolicy: { minMs: 20, maxMs: 200 },
    onHandled: (h) => handled.push(h),
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as unknown as import('node:http').Server;
  await inbox.start();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const until = async (pred: () => boolean, what: string) => {
    const end = Date.now() + 15_000;
    while (!pred()) {
      if (Date.now() > end) throw new Error(`timed out: ${what}; ${JSON.stringify(handled)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return {
    url,
    handled,
    until,
    async stop() {
      inbox.stop();
      server.closeAllConnections?.();
      await app.stop();
    },
  };
}

/** The OAuth round trip as a browser makes it: the install link, Slack's redirect back with a code. */
async function install(bot: { url: string }, team: string): Promise<void> {
  const start = await httpGet(`${bot.url}/slack/install`);
  expect(start.status).toBe(302);
  const location = new URL(String(start.headers.location));
  expect(location.pathname).toBe('/oauth/v2/authorize');
  expect(location.searchParams.get('client_id')).toBe('1111111111.2222222222');
  expect(location.searchParams.get('scope')).toContain('chat:write');
  const state = location.searchParams.get('state')!;
  const cookie = String([start.headers['set-cookie']].flat()[0]).split(';')[0]!;
  // without the browser's state cookie, the callback is refused
  const forged = await httpGet(
    `${bot.url}/slack/oauth_redirect?code=code-${team}&state=${encodeURIComponent(state)}`,
  );
  expect(forged.status).toBe(400);
  const back = await httpGet(
    `${bot.url}/slack/oauth_redirect?code=code-${team}&state=${encodeURIComponent(state)}`,
    {
      cookie,
    },
  );
  expect(back.body).toContain('installed');
  expect(back.status).toBe(200);
}

const tokenOf = (team: string) => [...standin.installs].find(([, w]) => w.team === team)?.[0];

function mentionIn(
  team: string,
  o: { channel: string; ts: string; text: string; user: string; threadTs?: string },
) {
  const eventId = `Ev${team}${o.ts.replace('.', '')}`;
  const event = {
    type: 'app_mention',
    user: o.user,
    text: `<@U0BOT${team}> ${o.text}`,
    ts: o.ts,
    channel: o.channel,
    event_ts: o.ts,
    ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
  };
  const body = JSON.stringify({
    token: 'legacy',
    team_id: team,
    api_app_id: 'A0APP',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: team, user_id: `U0BOT${team}`, is_bot: true }],
  });
  return { body, eventId };
}

const ENGINES = [
  { name: 'sqlite', open: () => openStore({ dataDir: tempDataDir() }) },
  {
    name: 'postgres',
    open: async () => openStore({ dataDir: '.', databaseUrl: await pgServer.database('ws') }),
  },
];

describe('OAuth configuration', () => {
  it('asks at install for the scopes the manifest declares', () => {
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'manifest.json'), 'utf8')) as {
      oauth_config: { scopes: { bot: string[] }; redirect_urls?: string[] };
    };
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    expect(manifest.oauth_config.redirect_urls?.[0]).toMatch(/\/slack\/oauth_redirect$/);
  });

  it('needs no bot token, and names what is wrong in one line', () => {
    const base = {
      SLACK_CLIENT_ID: '1111111111.2222222222',
      SLACK_CLIENT_SECRET: 'abcdef0123456789abcdef',
      SLACK_STATE_SECRET: 'a state secret of some length',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
    };
    const ok = loadConfig(base);
    expect(ok.ok && ok.config.mode === 'http' && ok.config.botToken === undefined).toBe(true);
    expect(loadConfig({ ...base, SLACK_STATE_SECRET: 'short' })).toEqual({
      ok: false,
      error: 'Configuration error: SLACK_STATE_SECRET must be at least 16 characters (any random text)',
    });
    const bad = loadConfig({ ...base, SLACK_CLIENT_SECRET: 'x' });
    expect(bad.ok === false && bad.error).toMatch(/^Configuration error: SLACK_CLIENT_SECRET must be/);
    expect(bad.ok === false && bad.error).not.toContain(base.SLACK_SIGNING_SECRET);
  });
});

describe.each(ENGINES)('two workspaces installed by OAuth, installations on $name', ({ open }) => {
  it('answers each with its own token; threads, facts and cases stay in their workspace', async () => {
    const store = await open();
    const bot = await startMultiBot(store);
    try {
      const A = `T0A${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
      const B = `T0B${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
      await install(bot, A);
      await install(bot, B);
      expect(await store.findInstallation(`T:${A}`)).toMatchObject({ team_id: A });
      const [tokenA, tokenB] = [tokenOf(A)!, tokenOf(B)!];
      expect(tokenA).not.toBe(tokenB);

      // the same channel id and thread ts in both (as Slack Connect makes possible), the same person id
      const channel = 'C0SHARED';
      const ts = nextTs();
      const user = 'U0SAME';
      const a = mentionIn(A, {
        channel,
        ts,
        user,
        text: 'Vi er en dansk internetudbyder med 72.000 slutbrugere. Er vi omfattet?',
      });
      const b = mentionIn(B, { channel, ts, user, text: 'Er vi omfattet af loven?' });
      expect((await send(bot, a.body)).status).toBe(200);
      expect((await send(bot, b.body)).status).toBe(200);
      await bot.until(
        () => [a, b].every((x) => bot.handled.some((h) => h.id === x.eventId)),
        'both answered',
      );

      const posts = standin
        .ok('chat.postMessage')
        .filter((c) => c.params.channel === channel && c.params.thread_ts === ts);
      const answers = posts.filter((c) => JSON.stringify(c.params.blocks ?? '').includes('answer_feedback'));
      expect(answers.map((c) => c.token).sort()).toEqual([tokenA, tokenB].sort());

      // facts: A's 72,000 end users are A's; B's thread (same channel, same ts) knows nothing of them
      const factsA = await store.threadContext(channel, ts, A);
      const factsB = await store.threadContext(channel, ts, B);
      expect(factsA.facts.end_users).toBe(72_000);
      expect(factsB.facts.end_users).toBeUndefined();
      expect(factsB.turns).toEqual(['Er vi omfattet af loven?']);
      expect(await store.getThread(channel, ts)).toBeUndefined();

      // a follow-up in B's thread is answered from B's facts only, with B's token
      const follow = mentionIn(B, { channel, ts: nextTs(), threadTs: ts, user, text: 'Hvad med os?' });
      await send(bot, follow.body);
      await bot.until(() => bot.handled.some((h) => h.id === follow.eventId), 'the follow-up');
      expect((await store.threadContext(channel, ts, B)).facts.end_users).toBeUndefined();
      expect((await store.answersInThread(channel, ts, A)).length).toBe(1);
      expect((await store.answersInThread(channel, ts, B)).length).toBe(2);

      // a case opened in A is A's: the same person in B has none, and B's App Home shows none
      const e = mentionIn(A, {
        channel,
        ts: nextTs(),
        user,
        text: 'Jeg vil gerne tale med en rådgiver hos CFCS om vores aftale.',
      });
      await send(bot, e.body);
      await bot.until(() => bot.handled.some((h) => h.id === e.eventId), 'the escalation');
      const opened = await store.openCasesFor(user, A);
      const required = (await store.answerForEvent(e.eventId))?.answer.escalation === 'required';
      expect(required).toBe(true);
      expect(opened.length).toBe(1);
      expect(await store.openCasesFor(user, B)).toEqual([]);
      expect(await store.openCasesFor(user)).toEqual([]);
      if (required) {
        const casePost = standin
          .ok('chat.postMessage')
          .filter(
            (c) =>
              c.params.channel === ADVISER_CHANNEL &&
              JSON.stringify(c.params.blocks ?? '').includes(`case_${opened[0]!.id}`),
          )
          .at(-1);
        expect(casePost?.token).toBe(tokenA);
      }
      const home = JSON.stringify({
        token: 'legacy',
        team_id: B,
        api_app_id: 'A0APP',
        event: { type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: nextTs() },
        type: 'event_callback',
        event_id: `EvHOME${B}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: B, user_id: `U0BOT${B}`, is_bot: true }],
      });
      await send(bot, home);
      await bot.until(() => bot.handled.some((h) => h.id === `EvHOME${B}`), 'App Home');
      const published = standin
        .ok('views.publish')
        .filter((c) => c.params.user_id === user)
        .at(-1)!;
      expect(published.token).toBe(tokenB);
      if (required) expect(JSON.stringify(published.params.view)).not.toContain(`#${opened[0]!.id}`);
    } finally {
      await bot.stop();
      await store.close();
    }
  });
});
