import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdvisor } from '../../bot/pipeline.js';
import { createSlackApp } from '../../bot/slack/app.js';
import { createLogger } from '../../bot/slack/logger.js';
import { Store } from '../../bot/store/index.js';
import { SqliteStore } from '../../bot/store/sqlite.js';
import { get, SIGNING_SECRET, tempDataDir } from './harness.js';
import { BOT_ID, BOT_TOKEN, BOT_USER, SlackStandin } from './standin.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs');
const MAIN = join(ROOT, 'bot', 'main.ts');

let standin: SlackStandin;
beforeAll(async () => {
  standin = await new SlackStandin().start();
});
afterAll(async () => {
  await standin?.stop();
});

function run(env: Record<string, string>, cwd: string) {
  const child = spawn(process.execPath, ['--import', `file://${TSX}`, MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('npm start (bot/main.ts)', () => {
  it('stops with one line naming a malformed variable, no stack trace', async () => {
    const p = run(
      { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: 'eighty' },
      tempDataDir(),
    );
    expect(await p.exited).toBe(1);
    const lines = p.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration error: PORT /);
    expect(p.stderr()).not.toContain(SIGNING_SECRET);
  });

  it('reads .env, serves /healthz in HTTP mode against SLACK_API_URL and stops cleanly on SIGTERM', async () => {
    const dir = tempDataDir();
    const port = await freePort();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      join(dir, '.env'),
      `SLACK_BOT_TOKEN=${BOT_TOKEN}\nSLACK_SIGNING_SECRET=${SIGNING_SECRET}\n`,
    );
    const p = run(
      { SLACK_API_URL: standin.apiUrl, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, 'data') },
      dir,
    );
    const url = `http://127.0.0.1:${port}`;
    let health: { status: number; body: string } | undefined;
    for (let i = 0; i < 300 && health === undefined; i++) {
      health = await get({ url }, '/healthz').catch(() => undefined);
      if (health === undefined) await new Promise((r) => setTimeout(r, 50));
    }
    expect(health?.status).toBe(200);
    expect(standin.ok('auth.test').length).toBeGreaterThanOrEqual(1);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.stderr()).not.toContain(BOT_TOKEN);
    // retention runs at start with the default limit
    expect(p.stderr()).toMatch(/"retention_days":365.*"msg":"retention purge"/);
  });

  it('stops with one line naming RETENTION_DAYS when it is not a whole number of days', async () => {
    const p = run(
      { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, RETENTION_DAYS: 'forever' },
      tempDataDir(),
    );
    expect(await p.exited).toBe(1);
    expect(p.stderr().trim()).toMatch(/^Configuration error: RETENTION_DAYS must be a whole number of days/);
  });
});

describe('Socket Mode', () => {
  it('builds the app without calling Slack', () => {
    const before = standin.calls.length;
    const store = Store.open(tempDataDir());
    const { app } = createSlackApp({
      config: {
        mode: 'socket',
        appToken: 'xapp-1-A1-1-abc',
        botToken: BOT_TOKEN,
        apiUrl: standin.apiUrl,
        adviserChannel: undefined,
        dataDir: '',
        knowledgeDir: undefined,
        retentionDays: 365,
        logLevel: 'error',
        slashCommand: '/leverandor',
        adviceCacheSize: 0,
      },
      identity: { botId: BOT_ID, botUserId: BOT_USER },
      advisor: createAdvisor(),
      store: new SqliteStore(store),
      log: createLogger('error'),
    });
    expect(app).toBeDefined();
    expect(standin.calls.length).toBe(before);
    store.close();
  });
});
