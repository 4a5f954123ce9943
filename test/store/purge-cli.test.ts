/** `npm run purge [-- --days N] [--dry-run]` (bot/cli/purge.ts). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { purgeCommand } from '../../bot/cli/purge.js';
import { Store } from '../../bot/store/index.js';
import { PROJECT_ROOT } from '../../knowledge/paths.js';
import { answer } from './fixtures.js';

/** A data dir with one answer 400 days old and one from today. */
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'advisor-purge-'));
  const s = Store.open(dir);
  for (const [id, age] of [
    ['old', 400],
    ['new', 0],
  ] as const) {
    s.recordAnswer({
      id,
      channel: 'C1',
      threadTs: `${age}.1`,
      user: 'U1',
      question: 'q',
      answer,
      eventId: `Ev_${id}`,
    });
    const t = new Date(Date.now() - age * 86_400_000).toISOString();
    s.db.prepare('UPDATE answers SET created_at = ? WHERE id = ?').run(t, id);
    s.db.prepare('UPDATE threads SET updated_at = ? WHERE thread_ts = ?').run(t, `${age}.1`);
    s.db.prepare('UPDATE processed_events SET updated_at = ? WHERE event_id = ?').run(t, `Ev_${id}`);
  }
  s.close();
  return dir;
}

const answers = (dir: string) => {
  const s = Store.open(dir);
  try {
    return (s.db.prepare('SELECT id FROM answers ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  } finally {
    s.close();
  }
};

describe('npm run purge', () => {
  it('--dry-run prints what would go and changes nothing; then the purge removes it', async () => {
    const dir = dataDir();
    const dry = await purgeCommand(['--dry-run'], { DATA_DIR: dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Dry run: would remove these rows older than 365 days/);
    expect(dry.stdout).toMatch(/answers\s+1\n/);
    expect(dry.stdout).toMatch(/threads\s+1\n/);
    expect(dry.stdout).toMatch(/processed_events\s+1\n/);
    expect(answers(dir)).toEqual(['new', 'old']);

    const run = await purgeCommand([], { DATA_DIR: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Removed rows older than 365 days/);
    expect(run.stdout).toMatch(/total\s+3\n/);
    expect(answers(dir)).toEqual(['new']);
  });

  it('--days overrides RETENTION_DAYS; 0 keeps everything', async () => {
    const dir = dataDir();
    expect((await purgeCommand(['--days', '0'], { DATA_DIR: dir, RETENTION_DAYS: '1' })).stdout).toMatch(
      /everything is kept/,
    );
    expect(answers(dir)).toEqual(['new', 'old']);
    expect((await purgeCommand([], { DATA_DIR: dir, RETENTION_DAYS: '0' })).stdout).toMatch(
      /everything is kept/,
    );
    expect((await purgeCommand(['--days', '500'], { DATA_DIR: dir, RETENTION_DAYS: '1' })).stdout).toMatch(
      /answers\s+0\n/,
    );
  });

  it('bad input is one line naming what is wrong, exit 2', async () => {
    const bad = await purgeCommand(['--days', 'soon'], { DATA_DIR: dataDir() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^purge: --days must be a whole number/);
    const env = await purgeCommand([], { RETENTION_DAYS: '-3' });
    expect(env.code).toBe(2);
    expect(env.stderr).toMatch(/^purge: Configuration error: RETENTION_DAYS/);
    expect((await purgeCommand(['--what'], {})).code).toBe(2);
  });

  it('runs as a program (what the npm script runs, from source here)', async () => {
    const dir = dataDir();
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(PROJECT_ROOT, 'bot', 'cli', 'purge.ts'), '--dry-run'],
      {
        cwd: PROJECT_ROOT,
        env: { PATH: process.env.PATH ?? '', DATA_DIR: dir },
        encoding: 'utf8',
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/answers\s+1\n/);
  });
});
