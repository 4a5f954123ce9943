/**
 * `npm start`: reads `.env` when present, validates the configuration and starts the bot in the mode it
 * selects: Slack over HTTP, Slack in Socket Mode, or (no Slack tokens) the terminal chat on the same
 * pipeline. A configuration problem is one line on stderr and exit code 1, never a stack trace.
 */

import { join } from 'node:path';
import { KnowledgeLoadError, preloadKnowledge } from '../knowledge/index.js';
import { preloadRegisters } from '../knowledge/registers.js';
import { createAdviceCache } from './advice-cache.js';
import { startAdvisorThread } from './advisor-thread.js';
import { loadConfig, loadDotEnv } from './config.js';
import { Metrics } from './metrics.js';
import { createSlackApp, DEFAULT_RETRY, whoAmI } from './slack/app.js';
import { danishToday, type SlackAdvisor } from './slack/core.js';
import { crashCode, installCrashPolicy } from './slack/guard.js';
import { createLogger } from './slack/logger.js';
import { startOpsServer } from './slack/ops.js';
import type { AdvisorStore } from './store/api.js';
import { openStore } from './store/open.js';
import { SqliteStore } from './store/sqlite.js';
import { backgroundWriter, directWriter } from './store/writer.js';
import { WARM_UP } from './warm-up.js';

function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

/**
 * Loads and validates the knowledge (from `dir`, default the project's), then starts the pipeline: on a
 * thread of its own (bot/advisor-thread.ts) unless PIPELINE_THREAD=0, warmed with one question. With the
 * thread, the pipeline's modules (retrieval, its index and its libraries) are loaded there only, not here.
 */
async function startAdvisor(dir: string | undefined, threaded: boolean): Promise<SlackAdvisor> {
  try {
    preloadKnowledge(dir === undefined ? undefined : join(dir, 'texts'));
    preloadRegisters(dir === undefined ? undefined : join(dir, 'registers'));
    if (threaded) return await startAdvisorThread(dir);
    const { createAdvisor } = await import('./pipeline.js');
    const advisor = createAdvisor();
    advisor.advise({ turns: [WARM_UP], asOf: danishToday(), priorFacts: {} });
    return advisor;
  } catch (e) {
    if (e instanceof KnowledgeLoadError) fail(`Start-up error: ${e.message}`);
    fail(`Start-up error: the advisor could not start (${e instanceof Error ? e.message : String(e)})`);
  }
}

async function main(): Promise<void> {
  const dot = loadDotEnv();
  if (!dot.ok) fail(dot.error);
  const loaded = loadConfig(process.env);
  if (!loaded.ok) fail(loaded.error);
  const config = loaded.config;

  if (config.mode === 'terminal') {
    const [{ runTerminalChat }, { createAdvisor }] = await Promise.all([
      import('./cli/chat.js'),
      import('./pipeline.js'),
    ]);
    await runTerminalChat(createAdvisor());
    return;
  }

  const log = createLogger(config.logLevel);
  // Every text and register is loaded and validated now, and one question is answered: a broken file stops
  // the start here, naming the file and row, not at the first person's question.
  const advisor = await startAdvisor(config.knowledgeDir, process.env.PIPELINE_THREAD !== '0');

  let store: AdvisorStore;
  try {
    store = await openStore({
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      onBadRow: (why) => log.warn({ why }, 'a stored row did not validate'),
      onPoolError: (e) =>
        log.warn({ error: crashCode(e) }, 'a database connection failed; the pool replaces it'),
    });
  } catch (e) {
    fail(`Start-up error: ${(e as Error).message}`);
  }
  try {
    const found = await store.damage();
    if (found !== undefined)
      fail(`Start-up error: the database ${store.where} is damaged (quick_check: ${found})`);
  } catch (e) {
    fail(`Start-up error: the database ${store.where} could not be checked (${(e as Error).message})`);
  }
  // one workspace: the bot token says who the bot is; many (OAuth): each installation does, per request
  const who =
    config.botToken === undefined
      ? { ok: true as const, identity: { botId: '', botUserId: '' } }
      : await whoAmI(config.botToken, config.apiUrl);
  if (!who.ok) fail(`Start-up error: ${who.error}`);
  // Retention (SECURITY.md): old conversations are purged at start and once a day; 0 keeps everything.
  if (config.retentionDays > 0) {
    const purge = async () => {
      try {
        const removed = await store.purge(config.retentionDays);
        log.info({ retention_days: config.retentionDays, removed }, 'retention purge');
      } catch (e) {
        log.error({ error: crashCode(e) }, 'retention purge failed');
      }
    };
    await purge();
    setInterval(() => void purge(), 24 * 60 * 60 * 1000).unref();
  }
  // the embedded engine commits on a thread of its own; PostgreSQL's client never blocks the loop
  const writer =
    store instanceof SqliteStore
      ? await backgroundWriter(config.dataDir, store.sync, (why) =>
          log.warn({ why }, 'answers are written on the main thread'),
        )
      : directWriter(store);
  const metrics = new Metrics({ defaults: true });
  const { app, inbox, health, reminders } = createSlackApp({
    config,
    identity: who.identity,
    advisor,
    cache: createAdviceCache(config.adviceCacheSize),
    store,
    writer,
    log,
    metrics,
    ...(config.retry ? { retryPolicy: config.retry } : {}),
    retryConfig: { ...DEFAULT_RETRY, retries: config.retry?.webApiRetries ?? DEFAULT_RETRY.retries },
  });
  // A bad request must never end the process: errors outside a listener are logged by code and the bot
  // serves on while its database is open.
  installCrashPolicy(process, { log, healthy: () => store.isOpen(), exit: (code) => process.exit(code) });

  const startedAt = new Date().toISOString();
  if (config.mode === 'http') {
    await app.start({ port: config.port, host: config.host });
    log.info(
      { mode: 'http', host: config.host, port: config.port },
      'listening on POST /slack/events, GET /healthz',
    );
  } else {
    await app.start();
    log.info({ mode: 'socket' }, 'connected in Socket Mode');
  }
  // Socket Mode has no listener of its own: /healthz, /readyz and /metrics on a small port when OPS_PORT is set
  const ops =
    config.mode === 'socket' && config.opsPort !== undefined
      ? await startOpsServer({
          port: config.opsPort,
          host: '0.0.0.0',
          health: () => health.report(),
          metrics: () => metrics.text(),
          mode: 'socket',
        })
      : undefined;
  if (ops !== undefined) log.info({ port: ops.port }, 'serving GET /healthz, /readyz and /metrics');
  if (config.adviserChannel === undefined)
    log.warn('ADVISER_CHANNEL is not set: escalations point people to CFCS');
  // Work recorded but not done when the process last stopped: events not yet answered, answers not yet
  // posted, cases not yet sent. /readyz turns green when this has been read.
  void inbox.start(startedAt);
  // cases nobody has claimed are announced again in the adviser channel (CASE_REMIND_MINUTES)
  const stopReminders = reminders.start();

  // SIGTERM: stop taking events (the door answers 503 so Slack delivers them to another replica), let what is
  // in progress finish for up to STOP_GRACE_MS, hand back what this replica still holds (another replica, or
  // the next start, takes it at once), close the store. Bounded: after twice the grace the process exits anyway.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    const grace = STOP_GRACE_MS;
    setTimeout(
      () => {
        log.error({ signal }, 'stop took too long; exiting');
        process.exit(1);
      },
      2 * grace + 2_000,
    ).unref();
    try {
      stopReminders();
      const drained = await inbox.drain(grace);
      log.info(drained, 'events finished or handed back');
      await app.stop().catch(() => undefined);
      await ops?.close();
      await writer.close();
      if ('close' in advisor && typeof advisor.close === 'function') await advisor.close();
    } finally {
      await store.close().catch(() => undefined);
      log.info('stopped');
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** How long a stopping replica lets the events in progress finish before handing them back. */
const STOP_GRACE_MS = Number(process.env.STOP_GRACE_MS ?? 10_000) || 10_000;

main().catch((e: unknown) => {
  fail(`Start-up error: ${e instanceof Error ? e.message : String(e)}`);
});
