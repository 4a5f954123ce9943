/**
 * Chooses the engine: `DATABASE_URL=postgres://…` selects PostgreSQL, else the embedded database in DATA_DIR.
 * Opening either brings its schema to the newest version; a failure is one Error whose message says where.
 */
import type { AdvisorStore } from './api.js';
import { isPostgresUrl, redactUrl } from './pg-url.js';
import { SqliteStore } from './sqlite.js';

export interface OpenOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  onBadRow?: (why: string) => void;
  onPoolError?: (e: Error) => void;
  poolSize?: number;
}

/** A store location as `store:copy` names it: a PostgreSQL URL, or a directory (or its advisor.sqlite). */
export function describeTarget(target: string): string {
  return isPostgresUrl(target) ? redactUrl(target) : target;
}

export async function openStore(o: OpenOptions): Promise<AdvisorStore> {
  if (o.databaseUrl !== undefined) {
    try {
      // loaded only for PostgreSQL (see pg-url.ts)
      const { PgStore } = await import('./postgres.js');
      return await PgStore.open({
        url: o.databaseUrl,
        ...(o.onBadRow ? { onBadRow: o.onBadRow } : {}),
        ...(o.onPoolError ? { onPoolError: o.onPoolError } : {}),
        ...(o.poolSize ? { poolSize: o.poolSize } : {}),
      });
    } catch (e) {
      throw new Error(
        `the database ${redactUrl(o.databaseUrl)} could not be opened (${(e as Error).message})`,
      );
    }
  }
  try {
    return SqliteStore.open(o.dataDir, o.onBadRow);
  } catch (e) {
    const file = `${o.dataDir}/advisor.sqlite`;
    const code = (e as { code?: unknown }).code;
    // pages so damaged that not even the schema can be read: quick_check cannot run, the file is damaged
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB')
      throw new Error(
        `the database ${file} is damaged (quick_check: the schema cannot be read: ${(e as Error).message})`,
      );
    throw new Error(`the database ${file} could not be opened (${(e as Error).message})`);
  }
}
