import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDotEnv } from '../config.js';

/** Dates given on the command line or in case files: YYYY-MM-DD and a real calendar day. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Today in Copenhagen, YYYY-MM-DD: the default date the law is applied at. */
const COPENHAGEN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' });
export function today(): string {
  return COPENHAGEN_DAY.format(new Date());
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a store command when its module is the program (`npm run purge|audit|replay`), not when a test
 * imports it: the `.env` file first (a bad one exits 2, naming what is wrong), then the command.
 */
export async function runAsProgram(
  name: string,
  moduleUrl: string,
  command: (argv: string[], env: NodeJS.ProcessEnv) => CommandResult | Promise<CommandResult>,
): Promise<void> {
  let main = false;
  try {
    main = realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    main = false;
  }
  if (!main) return;
  const dot = loadDotEnv();
  if (!dot.ok) {
    process.stderr.write(`${name}: ${dot.error}\n`);
    process.exit(2);
  }
  const r = await command(process.argv.slice(2), process.env);
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}

/**
 * The period of a report or an audit: `--since` required, `--until` optional, both real days as
 * YYYY-MM-DD. Returns what is wrong, in the words the usage line shows, or undefined when it is fine.
 */
export function periodProblem(since: string | undefined, until: string | undefined): string | undefined {
  if (since === undefined) return '--since is required';
  if (!isIsoDate(since)) return `--since must be a real date as YYYY-MM-DD, got "${since}"`;
  if (until !== undefined && !isIsoDate(until))
    return `--until must be a real date as YYYY-MM-DD, got "${until}"`;
  return undefined;
}
