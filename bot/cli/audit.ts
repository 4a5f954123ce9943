#!/usr/bin/env node
/**
 * `npm run audit -- --since YYYY-MM-DD [--until YYYY-MM-DD] [--user U…]`: the audit log of the database in
 * DATA_DIR as CSV on stdout: who asked, in which channel (Slack ids, not names), what was answered (verdict,
 * direct answer, refs, knowledge version), who escalated, claimed, closed, voted, filed a memo or corrected.
 * Days are UTC days, `--until` included. Errors: one line on stderr, exit 2 (usage) or 1 (database).
 */
import { parseArgs } from 'node:util';
import { loadStoreConfig } from '../config.js';
import type { AdvisorStore } from '../store/api.js';
import { auditCsv, auditEvents } from '../store/audit.js';
import { openStore } from '../store/open.js';
import { periodProblem, runAsProgram } from './args.js';

const USAGE = 'usage: npm run audit -- --since YYYY-MM-DD [--until YYYY-MM-DD] [--user USER_ID]';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export async function auditCommand(args: string[], env: Record<string, string | undefined>): Promise<CliRun> {
  const usage = (m: string): CliRun => ({ code: 2, stdout: '', stderr: `audit: ${m}\n${USAGE}\n` });
  let values: { since?: string; until?: string; user?: string; help?: boolean };
  try {
    values = parseArgs({
      args,
      options: {
        since: { type: 'string' },
        until: { type: 'string' },
        user: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (e) {
    return usage((e as Error).message);
  }
  if (values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
  const period = periodProblem(values.since, values.until);
  if (period !== undefined || values.since === undefined) return usage(period ?? '--since is required');
  if (values.user !== undefined && !/^[A-Z0-9]{2,40}$/.test(values.user))
    return usage(`--user takes a Slack user id such as U0123ABCD, got "${values.user}"`);
  const config = loadStoreConfig(env);
  if (!config.ok) return { code: 2, stdout: '', stderr: `audit: ${config.error}\n` };
  let store: AdvisorStore | undefined;
  try {
    store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    const events = await auditEvents(store, {
      since: values.since,
      ...(values.until ? { until: nextDay(values.until) } : {}),
      ...(values.user ? { user: values.user } : {}),
    });
    return { code: 0, stdout: auditCsv(events), stderr: '' };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return {
      code: 1,
      stdout: '',
      stderr: `audit: the database in ${config.databaseUrl === undefined ? `DATA_DIR=${config.dataDir}` : 'DATABASE_URL'} could not be read (${typeof code === 'string' ? code : 'error'})\n`,
    };
  } finally {
    await store?.close();
  }
}

await runAsProgram('audit', import.meta.url, auditCommand);
