#!/usr/bin/env node
/**
 * `npm run report -- --since YYYY-MM-DD [--until YYYY-MM-DD] [--csv] [--png FILE]`: the adviser desk's
 * figures for a period, offline, from the database in DATA_DIR: questions, verdicts and topics, cases
 * opened with the median time to claim and to close, 👍/👎 with the reasons, and the questions answered out
 * of scope or needing facts most often. A text table on stdout, or CSV with `--csv`; `--png` also writes
 * the desk's chart. Days are UTC days, `--until` included (default: today). Errors: one line on stderr,
 * exit 2 (usage) or 1 (database, file).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadStoreConfig } from '../config.js';
import { chartPng } from '../desk/chart.js';
import { figuresCsv, figuresText } from '../desk/figures.js';
import type { AdvisorStore } from '../store/api.js';
import type { Figures } from '../store/desk.js';
import { openStore } from '../store/open.js';
import { periodProblem, runAsProgram } from './args.js';

const USAGE = 'usage: npm run report -- --since YYYY-MM-DD [--until YYYY-MM-DD] [--csv] [--png FILE]';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export async function reportCommand(
  args: string[],
  env: Record<string, string | undefined>,
  today: () => string = () => new Date().toISOString().slice(0, 10),
): Promise<CliRun> {
  const usage = (m: string): CliRun => ({ code: 2, stdout: '', stderr: `report: ${m}\n${USAGE}\n` });
  let values: { since?: string; until?: string; csv?: boolean; png?: string; help?: boolean };
  try {
    values = parseArgs({
      args,
      options: {
        since: { type: 'string' },
        until: { type: 'string' },
        csv: { type: 'boolean' },
        png: { type: 'string' },
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
  const until = values.until ?? today();
  if (until < values.since) return usage(`--until (${until}) is before --since (${values.since})`);
  if (values.png !== undefined && values.png.trim() === '') return usage('--png needs a file name');
  const config = loadStoreConfig(env);
  if (!config.ok) return { code: 2, stdout: '', stderr: `report: ${config.error}\n` };
  let store: AdvisorStore | undefined;
  let figures: Figures;
  try {
    store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    figures = await store.deskFigures({ since: values.since, until: nextDay(until) });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return {
      code: 1,
      stdout: '',
      stderr: `report: the database in ${config.databaseUrl === undefined ? `DATA_DIR=${config.dataDir}` : 'DATABASE_URL'} could not be read (${typeof code === 'string' ? code : 'error'})\n`,
    };
  } finally {
    await store?.close();
  }
  // the report names the days as given: `until` is the last day included
  const shown = { ...figures, until };
  if (values.png !== undefined) {
    try {
      writeFileSync(values.png, chartPng(shown));
    } catch (e) {
      return {
        code: 1,
        stdout: '',
        stderr: `report: ${values.png} could not be written (${(e as Error).message})\n`,
      };
    }
  }
  return { code: 0, stdout: values.csv ? figuresCsv(shown) : figuresText(shown), stderr: '' };
}

await runAsProgram('report', import.meta.url, reportCommand);
