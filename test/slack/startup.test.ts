/**
 * A broken part stops the start (exit 1, one line naming the file and row) instead of being found at the
 * first question or never: a broken or missing register, and a database with corrupt pages.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  cpSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../bot/store/index.js';
import { SIGNING_SECRET, tempDataDir } from './harness.js';
import { BOT_TOKEN, SlackStandin } from './standin.js';

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

/** Starts bot/main.ts in HTTP mode; resolves with its exit code and stderr (or kills it after 20 s). */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', `file://${TSX}`, MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standin.apiUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    }),
  );
}

/** A whole copy of knowledge/ (KNOWLEDGE_DIR stands for all of it: texts, registers, vocabulary) to break. */
function knowledgeCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'advisor-knowledge-'));
  cpSync(join(ROOT, 'knowledge'), dir, { recursive: true });
  return dir;
}

describe('a broken part stops the start', () => {
  it('a supplier row with an unknown country: exit 1 naming the file and the row', async () => {
    const dir = knowledgeCopy();
    const file = join(dir, 'registers', 'suppliers.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    country: CN\n', '    country: 12\n'));
    const r = await start({ KNOWLEDGE_DIR: dir, DATA_DIR: tempDataDir() });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Start-up error: .*suppliers\.yaml \(suppliers\.0\.country\)/);
    expect(standin.ok('auth.test').length).toBe(0);
  });

  it('a missing country register: exit 1 naming the file', async () => {
    const dir = knowledgeCopy();
    rmSync(join(dir, 'registers', 'countries.yaml'));
    const r = await start({ KNOWLEDGE_DIR: dir, DATA_DIR: tempDataDir() });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^Start-up error: .*countries\.yaml: cannot read/);
  });

  it('a database with corrupt pages: exit 1 naming the file and what quick_check found', async () => {
    const dataDir = tempDataDir();
    const store = Store.open(dataDir);
    // the pages the schema took (sqlite_master outgrows the first page as migrations add tables)
    const schemaPages = store.db.pragma('page_count', { simple: true }) as number;
    for (let i = 0; i < 400; i++) {
      store.claimEvent({
        eventId: `Ev${i}`,
        kind: 'app_mention',
        channel: 'C1',
        ts: `${i}.0`,
        status: 'answered',
      });
    }
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    // garbage over the middle of every page written after the schema (so the file still opens)
    const file = join(dataDir, 'advisor.sqlite');
    const pages = Math.floor(statSync(file).size / 4096);
    expect(pages).toBeGreaterThan(schemaPages + 3);
    const fd = openSync(file, 'r+');
    for (let p = schemaPages; p < pages; p++) writeSync(fd, Buffer.alloc(2000, 0xa5), 0, 2000, p * 4096 + 8);
    closeSync(fd);
    const r = await start({ DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(
      /^Start-up error: the database .*advisor\.sqlite is damaged \(quick_check: /,
    );
  });
});
