/**
 * What a DATABASE_URL is, without loading the PostgreSQL client: the embedded engine's process (the default)
 * never loads `pg` and `kysely` (~12 MB of memory) at all.
 */

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/** Whether a DATABASE_URL names PostgreSQL. */
export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);
