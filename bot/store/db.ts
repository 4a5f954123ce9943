/**
 * The embedded database: better-sqlite3 in DATA_DIR, WAL mode, schema migrations keyed on `user_version`.
 * Migrations only ever add; each runs in its own transaction, so a failed one leaves the previous schema.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;
export type Statement = Database.Statement;

export const MIGRATIONS: readonly string[] = [
  // 1: the first schema
  `
  CREATE TABLE processed_events (
    event_id    TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    channel     TEXT,
    ts          TEXT,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'answered', 'failed', 'ignored')),
    detail      TEXT,
    received_at TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  );
  CREATE TABLE threads (
    channel    TEXT NOT NULL,
    thread_ts  TEXT NOT NULL,
    facts      TEXT NOT NULL,
    turns      TEXT NOT NULL DEFAULT '[]',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (channel, thread_ts)
  );
  CREATE TABLE answers (
    id         TEXT PRIMARY KEY,
    channel    TEXT NOT NULL,
    thread_ts  TEXT NOT NULL,
    user       TEXT NOT NULL,
    question   TEXT NOT NULL,
    answer     TEXT NOT NULL,
    message_ts TEXT,
    event_id   TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX answers_thread ON answers (channel, thread_ts);
  CREATE TABLE feedback (
    answer_id  TEXT NOT NULL REFERENCES answers (id),
    user       TEXT NOT NULL,
    helpful    INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    created_at TEXT NOT NULL,
    PRIMARY KEY (answer_id, user)
  );
  CREATE TABLE cases (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    answer_id       TEXT REFERENCES answers (id),
    asker           TEXT NOT NULL,
    channel         TEXT NOT NULL,
    thread_ts       TEXT NOT NULL,
    question        TEXT NOT NULL,
    facts           TEXT NOT NULL,
    answer          TEXT,
    status          TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'resolved')),
    claimed_by      TEXT,
    adviser_channel TEXT,
    adviser_ts      TEXT,
    link            TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
  );
  CREATE INDEX cases_asker ON cases (asker, status);
  CREATE UNIQUE INDEX cases_adviser_post ON cases (adviser_channel, adviser_ts);
  CREATE TABLE case_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id    INTEGER NOT NULL REFERENCES cases (id),
    kind       TEXT NOT NULL,
    actor      TEXT,
    detail     TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX case_events_case ON case_events (case_id);
  `,
  // 2: every mention in a thread asks for its active case; without this index that read scans all cases
  `
  CREATE INDEX cases_thread ON cases (channel, thread_ts);
  `,
  // 3: an event's whole life in one row (bot/slack/inbox.ts): 'received' (recorded, then acked, not yet
  // answered; the envelope is kept in \`body\` until the event is finished), 'pending' (its answer recorded,
  // not yet known to be posted), then 'answered' / 'failed' / 'ignored'. Retries wait until \`next_at\`.
  `
  CREATE TABLE processed_events_v3 (
    event_id    TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    channel     TEXT,
    ts          TEXT,
    status      TEXT NOT NULL CHECK (status IN ('received', 'pending', 'answered', 'failed', 'ignored')),
    detail      TEXT,
    received_at TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    body        TEXT,
    retry_num   INTEGER,
    attempts    INTEGER NOT NULL DEFAULT 0,
    next_at     TEXT
  );
  INSERT INTO processed_events_v3 (event_id, kind, channel, ts, status, detail, received_at, updated_at)
    SELECT event_id, kind, channel, ts, status, detail, received_at, updated_at FROM processed_events;
  DROP TABLE processed_events;
  ALTER TABLE processed_events_v3 RENAME TO processed_events;
  CREATE INDEX processed_events_open ON processed_events (received_at) WHERE status IN ('received', 'pending');
  CREATE INDEX answers_event ON answers (event_id);
  CREATE TABLE health_probe (k INTEGER PRIMARY KEY, v BLOB);
  `,
  // 4: the audit log's own records (memo requests, corrections); see store/audit.ts
  `
  CREATE TABLE audit_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT NOT NULL,
    actor      TEXT NOT NULL,
    channel    TEXT,
    thread_ts  TEXT,
    answer_id  TEXT,
    case_id    INTEGER,
    detail     TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX audit_events_time ON audit_events (created_at);
  `,
  // 5: replicas and leases (bot/store/api.ts): who holds an open event or an unposted case, and who is alive
  `
  ALTER TABLE processed_events ADD COLUMN owner TEXT;
  ALTER TABLE cases ADD COLUMN owner TEXT;
  CREATE TABLE replicas (id TEXT PRIMARY KEY, started_at TEXT NOT NULL, heartbeat_at TEXT NOT NULL);
  `,
  // 6: many workspaces: the workspace (team id, '' for the one workspace of a single bot token) in every key
  // of a conversation, and the installations of the OAuth flow (bot/slack/oauth.ts)
  `
  ALTER TABLE processed_events ADD COLUMN team TEXT NOT NULL DEFAULT '';
  ALTER TABLE answers ADD COLUMN team TEXT NOT NULL DEFAULT '';
  ALTER TABLE cases ADD COLUMN team TEXT NOT NULL DEFAULT '';
  CREATE TABLE threads_v6 (
    team       TEXT NOT NULL DEFAULT '',
    channel    TEXT NOT NULL,
    thread_ts  TEXT NOT NULL,
    facts      TEXT NOT NULL,
    turns      TEXT NOT NULL DEFAULT '[]',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (team, channel, thread_ts)
  );
  INSERT INTO threads_v6 (team, channel, thread_ts, facts, turns, updated_at)
    SELECT '', channel, thread_ts, facts, turns, updated_at FROM threads;
  DROP TABLE threads;
  ALTER TABLE threads_v6 RENAME TO threads;
  DROP INDEX answers_thread;
  CREATE INDEX answers_thread ON answers (team, channel, thread_ts);
  DROP INDEX cases_thread;
  CREATE INDEX cases_thread ON cases (team, channel, thread_ts);
  DROP INDEX cases_asker;
  CREATE INDEX cases_asker ON cases (team, asker, status);
  CREATE TABLE installations (
    workspace             TEXT PRIMARY KEY,
    team_id               TEXT,
    enterprise_id         TEXT,
    is_enterprise_install INTEGER NOT NULL CHECK (is_enterprise_install IN (0, 1)),
    data                  TEXT NOT NULL,
    updated_at            TEXT NOT NULL
  );
  `,
  // 7: why an answer was rated down (store/feedback-reasons.ts), the threads of Slack's assistant pane
  // (store/assistant-threads.ts), and the adviser desk's reads of cases by status and age (store/desk.ts)
  `
  CREATE TABLE feedback_reasons (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    answer_id  TEXT NOT NULL REFERENCES answers (id),
    user       TEXT NOT NULL,
    reason     TEXT NOT NULL CHECK (reason IN ('wrong_verdict', 'misread_facts', 'missing_source', 'hard_to_understand', 'other')),
    comment    TEXT,
    verdict    TEXT,
    topic      TEXT,
    provenance TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX feedback_reasons_answer ON feedback_reasons (answer_id);
  CREATE INDEX feedback_reasons_time ON feedback_reasons (created_at);
  CREATE TABLE assistant_threads (
    team       TEXT NOT NULL DEFAULT '',
    channel    TEXT NOT NULL,
    thread_ts  TEXT NOT NULL,
    user       TEXT NOT NULL,
    context    TEXT NOT NULL DEFAULT '{}',
    titled     INTEGER NOT NULL DEFAULT 0 CHECK (titled IN (0, 1)),
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (team, channel, thread_ts)
  );
  CREATE INDEX cases_status_age ON cases (status, created_at);
  CREATE INDEX answers_time ON answers (created_at);
  `,
];

/** Brings a database to the newest schema; returns the version it ended at. */
export function migrate(db: Db): number {
  let version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(`database schema version ${version} is newer than this program (${MIGRATIONS.length})`);
  }
  while (version < MIGRATIONS.length) {
    const sql = MIGRATIONS[version]!;
    const next = version + 1;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${next}`);
    })();
    version = next;
  }
  return version;
}

/**
 * `PRAGMA quick_check` (every page and index structure, not the row-to-index cross-check of integrity_check):
 * undefined when the database is intact, else its first findings.
 */
export function damage(db: Db): string | undefined {
  const rows = db.pragma('quick_check(5)') as { quick_check: string }[];
  const found = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  return found.length === 0 ? undefined : found.join('; ');
}

/**
 * SQLite's page cache per connection, in KiB when negative. better-sqlite3 builds SQLite with 16 MB per
 * connection, and the bot has two (the main one and the writer's), each filling it as the database grows: on
 * the load tests' database (6.4 MB and a 4 MB WAL) reading it through held 8.2 MB, against 3.7 MB with this.
 * The pages are also in the operating system's cache, so a miss is a read from memory, not from disk.
 */
const CACHE_SIZE = -2048;

/** Opens (creating when needed) `<dataDir>/advisor.sqlite` in WAL mode and migrates it. */
export function openDb(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'advisor.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma(`cache_size = ${CACHE_SIZE}`);
    migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}
