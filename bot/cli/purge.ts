#!/usr/bin/env node
/**
 * `npm run purge [-- --days N] [--dry-run]`: deletes stored conversations older than the retention limit
 * (RETENTION_DAYS, default 365, or --days) from the database in DATA_DIR, in one transaction, and prints how
 * many rows of each table it removed (with --dry-run: would remove, and nothing changes). Open and claimed
 * cases are kept. Errors: one line on stderr, exit 2 (usage) or 1 (database).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadStoreConfig } from '../config.js';
import type { AdvisorStore } from '../store/api.js';
import { PURGE_TABLES, type PurgeCounts } from '../store/index.js';
import { openStore } from '../store/open.js';
import { runAsProgram } from './args.js';

const USAGE = 'usage: npm run purge [-- --days N] [--dry-run]';

export interface PurgeRun {
  code: number;
  stdout: string;
  stderr: string;
}

const Days = z.coerce.number().int().min(0).max(36_500);

function table(counts: PurgeCounts): string {
  const width = Math.max(...PURGE_TABLES.map((t) => t.length));
  const lines = PURGE_TABLES.map((t) => `  ${t.padEnd(width)}  ${counts[t]}`);
  const total = PURGE_TABLES.reduce((n, t) => n + counts[t], 0);
  return `${lines.join('\n')}\n  ${'total'.padEnd(width)}  ${total}\n`;
}

/** The command, without touching process state (for tests and for `main`). */
export async function purgeCommand(
  args: string[],
  env: Record<string, string | undefined>,
  now?: Date,
): Promise<PurgeRun> {
  let values: { days?: string; 'dry-run'?: boolean; help?: boolean };
  try {
    values = parseArgs({
      args,
      options: {
        days: { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (e) {
    return { code: 2, stdout: '', stderr: `purge: ${(e as Error).message}\n${USAGE}\n` };
  }
  if (values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
  const config = loadStoreConfig(env);
  if (!config.ok) return { code: 2, stdout: '', stderr: `purge: ${config.error}\n` };
  let days = config.retentionDays;
  if (values.days !== undefined) {
    const d = Days.safeParse(values.days);
    if (!d.success) {
      return {
        code: 2,
        stdout: '',
        stderr: `purge: --days must be a whole number of days from 0 to 36500\n${USAGE}\n`,
      };
    }
    days = d.data;
  }
  const dryRun = values['dry-run'] === true;
  if (days === 0) {
    return { code: 0, stdout: 'Retention is 0 days: everything is kept, nothing was removed.\n', stderr: '' };
  }
  let store: AdvisorStore | undefined;
  try {
    store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    const counts = await store.purge(days, { dryRun, now });
    const where = config.databaseUrl === undefined ? config.dataDir : store.where;
    const head = dryRun
      ? `Dry run: would remove these rows older than ${days} days from ${where} (nothing changed):`
      : `Removed rows older than ${days} days from ${where}:`;
    return { code: 0, stdout: `${head}\n${table(counts)}`, stderr: '' };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return {
      code: 1,
      stdout: '',
      stderr: `purge: the database in ${config.databaseUrl === undefined ? `DATA_DIR=${config.dataDir}` : 'DATABASE_URL'} could not be purged (${typeof code === 'string' ? code : 'error'})\n`,
    };
  } finally {
    await store?.close();
  }
}

await runAsProgram('purge', import.meta.url, purgeCommand);
