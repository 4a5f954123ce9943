#!/usr/bin/env node
/**
 * `npm run store:copy -- --from A --to B`: copies everything stored from one engine to the other (or to a new
 * database of the same engine). A and B are each a PostgreSQL URL (`postgres://…`) or a data directory (its
 * `advisor.sqlite`, created when missing). Both are brought to the newest schema first; the target must be
 * empty, so nothing there is overwritten; all rows are copied table by table with their ids, and the counts are
 * compared at the end. The source is only read. Errors: one line on stderr, exit 2 (usage) or 1 (database).
 */
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type AdvisorStore, COPY_TABLES, type CopyTable } from '../store/api.js';
import { describeTarget, openStore } from '../store/open.js';
import { isPostgresUrl } from '../store/postgres.js';
import { type CommandResult, runAsProgram } from './args.js';

const USAGE = 'usage: npm run store:copy -- --from <data dir | postgres://…> --to <data dir | postgres://…>';

/** A data directory named as its file is taken as the directory. */
const asDir = (p: string) => p.replace(/[/\\]advisor\.sqlite$/, '') || '.';

async function open(target: string): Promise<AdvisorStore> {
  return isPostgresUrl(target)
    ? openStore({ dataDir: '.', databaseUrl: target, poolSize: 2 })
    : openStore({ dataDir: asDir(target) });
}

export async function copyCommand(args: string[]): Promise<CommandResult> {
  const usage = (m: string): CommandResult => ({
    code: 2,
    stdout: '',
    stderr: `store:copy: ${m}\n${USAGE}\n`,
  });
  let values: { from?: string; to?: string; help?: boolean };
  try {
    values = parseArgs({
      args,
      options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }).values;
  } catch (e) {
    return usage((e as Error).message);
  }
  if (values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
  if (values.from === undefined || values.to === undefined) return usage('both --from and --to are required');
  const from = values.from;
  const to = values.to;
  for (const t of [from, to]) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t) && !isPostgresUrl(t))
      return usage(`"${describeTarget(t)}" is neither a postgres:// URL nor a directory`);
  }
  if (!isPostgresUrl(from)) {
    const dir = asDir(from);
    if (!existsSync(dir) || !statSync(dir).isDirectory() || !existsSync(`${dir}/advisor.sqlite`))
      return usage(`--from ${from}: no advisor.sqlite there`);
  }
  if (asDir(from) === asDir(to)) return usage('--from and --to are the same database');

  let src: AdvisorStore | undefined;
  let dst: AdvisorStore | undefined;
  const where = (t: string) => describeTarget(t);
  try {
    try {
      src = await open(from);
    } catch (e) {
      return { code: 1, stdout: '', stderr: `store:copy: --from: ${(e as Error).message}\n` };
    }
    try {
      dst = await open(to);
    } catch (e) {
      return { code: 1, stdout: '', stderr: `store:copy: --to: ${(e as Error).message}\n` };
    }
    for (const t of COPY_TABLES) {
      const n = await dst.countRows(t);
      if (n > 0)
        return {
          code: 1,
          stdout: '',
          stderr: `store:copy: --to ${where(to)} is not empty (${t} has ${n} rows); nothing was copied\n`,
        };
    }
    const copied: Partial<Record<CopyTable, number>> = {};
    for (const t of COPY_TABLES) {
      const rows = await src.dumpTable(t);
      await dst.loadTable(t, rows);
      copied[t] = rows.length;
    }
    const differ: string[] = [];
    for (const t of COPY_TABLES) {
      const [a, b] = [await src.countRows(t), await dst.countRows(t)];
      if (a !== b) differ.push(`${t}: ${a} in the source, ${b} in the target`);
    }
    if (differ.length > 0)
      return { code: 1, stdout: '', stderr: `store:copy: the copy is incomplete (${differ.join('; ')})\n` };
    const width = Math.max(...COPY_TABLES.map((t) => t.length));
    const lines = COPY_TABLES.map((t) => `  ${t.padEnd(width)}  ${copied[t]}`);
    return {
      code: 0,
      stdout: `Copied ${src.engine} ${where(from)} to ${dst.engine} ${where(to)}:\n${lines.join('\n')}\n`,
      stderr: '',
    };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return {
      code: 1,
      stdout: '',
      stderr: `store:copy: the copy failed (${typeof code === 'string' ? code : (e as Error).message.split('\n')[0]}); fix it and copy again into an empty target\n`,
    };
  } finally {
    await src?.close().catch(() => undefined);
    await dst?.close().catch(() => undefined);
  }
}

await runAsProgram('store:copy', import.meta.url, (argv) => copyCommand(argv));
