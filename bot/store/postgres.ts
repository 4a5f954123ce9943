/**
 * The PostgreSQL engine (`DATABASE_URL=postgres://…`): kysely over a pg pool, schema by kysely's Migrator
 * (bot/store/pg-migrations.ts). The same rules as the embedded engine: every multi-row write is one
 * transaction, every row read back is validated with zod (a row that does not validate is reported as absent),
 * values are validated before they are written. What two replicas could race on is decided by the database:
 * an event's step from `received` is one conditional UPSERT, a case is claimed under a row lock, open work is
 * taken over with `FOR UPDATE SKIP LOCKED`, and a thread's turns are appended under its row lock.
 */
import { Kysely, Migrator, PostgresDialect, type RawBuilder, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { z } from 'zod';
import { VERDICTS } from '../../guardrails/contract.js';
import type { Facts } from '../../guardrails/facts.js';
import type { AdvisorStore, AuditRows, CopyTable, InstallationRow, TakenOver } from './api.js';
import { type AssistantContext, AssistantThreadRow } from './assistant-threads.js';
import type { NewAuditEvent } from './audit.js';
import { type Figures, median, type OpenQuestion } from './desk.js';
import { FEEDBACK_REASONS, type FeedbackReason, NewFeedbackReason, ReasonRow } from './feedback-reasons.js';
import {
  AnswerRow,
  boundTurns,
  type Case,
  CaseEventRow,
  CaseRow,
  type CaseTransition,
  COPY_ORDER,
  checkedAnswer,
  checkReceived,
  DAY_MS,
  DryRunRollback,
  EventRow,
  type EventStatus,
  FeedbackRow,
  id,
  type NewAnswer,
  type NewCase,
  NewCaseFields,
  newReplicaId,
  now,
  type ProcessedEvent,
  type PurgeCounts,
  type ReceivedEvent,
  rows,
  type SerializedAnswer,
  type StoredAnswer,
  serializeAnswer,
  ThreadRow,
  type ThreadState,
} from './index.js';
import { pgMigrations } from './pg-migrations.js';
import { redactUrl } from './pg-url.js';

export { isPostgresUrl, redactUrl } from './pg-url.js';

// biome-ignore lint/suspicious/noExplicitAny: the queries are SQL text; rows are validated with zod
type Db = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: as above
type Q = Db | Transaction<any>;

/** Columns of each table (what `loadTable` takes from rows written by the other engine). */
const COLUMNS: Record<CopyTable, readonly string[]> = {
  processed_events: [
    'event_id',
    'kind',
    'channel',
    'ts',
    'status',
    'detail',
    'received_at',
    'updated_at',
    'body',
    'retry_num',
    'attempts',
    'next_at',
    'owner',
    'team',
  ],
  threads: ['team', 'channel', 'thread_ts', 'facts', 'turns', 'updated_at'],
  answers: [
    'id',
    'channel',
    'thread_ts',
    'user',
    'question',
    'answer',
    'message_ts',
    'event_id',
    'created_at',
    'team',
  ],
  feedback: ['answer_id', 'user', 'helpful', 'created_at'],
  cases: [
    'id',
    'answer_id',
    'asker',
    'channel',
    'thread_ts',
    'question',
    'facts',
    'answer',
    'status',
    'claimed_by',
    'adviser_channel',
    'adviser_ts',
    'link',
    'created_at',
    'updated_at',
    'owner',
    'team',
  ],
  case_events: ['id', 'case_id', 'kind', 'actor', 'detail', 'created_at'],
  audit_events: [
    'id',
    'kind',
    'actor',
    'channel',
    'thread_ts',
    'answer_id',
    'case_id',
    'detail',
    'created_at',
  ],
  installations: ['workspace', 'team_id', 'enterprise_id', 'is_enterprise_install', 'data', 'updated_at'],
  feedback_reasons: [
    'id',
    'answer_id',
    'user',
    'reason',
    'comment',
    'verdict',
    'topic',
    'provenance',
    'created_at',
  ],
  assistant_threads: [
    'team',
    'channel',
    'thread_ts',
    'user',
    'context',
    'titled',
    'started_at',
    'updated_at',
  ],
};

export { COLUMNS as TABLE_COLUMNS };

const PG_ORDER: Record<CopyTable, string> = {
  ...COPY_ORDER,
  answers: 'created_at, seq',
  feedback: 'answer_id, "user"',
  assistant_threads: 'team, channel, thread_ts',
};

export interface PgOptions {
  url: string;
  onBadRow?: (why: string) => void;
  replicaId?: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Called when an idle connection fails (the pool replaces it). */
  onPoolError?: (e: Error) => void;
}

export class PgStore implements AdvisorStore {
  readonly engine = 'postgres' as const;
  readonly replicaId: string;
  readonly where: string;
  readonly db: Db;
  private readonly pool: pg.Pool;
  private readonly onBadRow: (why: string) => void;
  private open = true;

  private constructor(o: PgOptions) {
    this.replicaId = o.replicaId ?? newReplicaId();
    this.where = redactUrl(o.url);
    this.onBadRow = o.onBadRow ?? (() => {});
    this.pool = new pg.Pool({
      connectionString: o.url,
      max: o.poolSize ?? 10,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
    });
    this.pool.on('error', (e) => o.onPoolError?.(e));
    this.db = new Kysely({ dialect: new PostgresDialect({ pool: this.pool }) });
  }

  /** Connects, brings the schema to the newest migration and returns the store; throws a clear Error. */
  static async open(o: PgOptions): Promise<PgStore> {
    const s = new PgStore(o);
    try {
      const { error, results } = await new Migrator({ db: s.db, provider: pgMigrations }).migrateToLatest();
      if (error !== undefined) {
        const failed = results?.find((r) => r.status === 'Error')?.migrationName;
        throw new Error(
          `${failed === undefined ? 'migration failed' : `migration ${failed} failed`}: ${(error as Error).message ?? String(error)}`,
        );
      }
    } catch (e) {
      await s.close();
      throw e instanceof Error ? e : new Error(String(e));
    }
    return s;
  }

  private async all<T extends z.ZodType>(schema: T, q: RawBuilder<unknown>, on: Q = this.db) {
    const r = await q.execute(on);
    return rows(schema, r.rows as unknown[], this.onBadRow);
  }

  private async one<T extends z.ZodType>(schema: T, q: RawBuilder<unknown>, on: Q = this.db) {
    return (await this.all(schema, q, on))[0] as z.infer<T> | undefined;
  }

  private async changes(q: RawBuilder<unknown>, on: Q = this.db): Promise<number> {
    const r = await q.execute(on);
    return Number(r.numAffectedRows ?? 0n);
  }

  // ---- life -------------------------------------------------------------------------------------------

  isOpen(): boolean {
    return this.open;
  }

  async close(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    await this.db.destroy();
  }

  async probeWrite(): Promise<void> {
    await this.db.transaction().execute(async (t) => {
      await sql`INSERT INTO health_probe (k, v) VALUES (1, convert_to(repeat('x', 16384), 'UTF8'))
        ON CONFLICT (k) DO UPDATE SET v = excluded.v`.execute(t);
      await sql`DELETE FROM health_probe`.execute(t);
    });
  }

  async damage(): Promise<string | undefined> {
    await sql`SELECT 1`.execute(this.db);
    return undefined;
  }

  // ---- replicas and leases ----------------------------------------------------------------------------

  async heartbeat(): Promise<void> {
    const t = now();
    await sql`INSERT INTO replicas (id, started_at, heartbeat_at) VALUES (${this.replicaId}, ${t}, ${t})
      ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at`.execute(this.db);
  }

  async takeOver(o: { leaseMs: number; exclusive?: boolean; limit?: number }): Promise<TakenOver> {
    const me = this.replicaId;
    const cutoff = new Date(Date.now() - o.leaseMs).toISOString();
    const limit = o.limit ?? 10_000;
    const dead = o.exclusive
      ? sql`(owner IS NULL OR owner != ${me})`
      : sql`(owner IS NULL OR (owner != ${me} AND owner NOT IN (SELECT id FROM replicas WHERE heartbeat_at >= ${cutoff})))`;
    return this.db.transaction().execute(async (t) => {
      const events = await sql<TakenOver['events'][number]>`UPDATE processed_events SET owner = ${me}
        WHERE event_id IN (SELECT event_id FROM processed_events
          WHERE status IN ('received', 'pending') AND ${dead}
          ORDER BY received_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING event_id, status`.execute(t);
      const cases = await sql<{ id: number }>`UPDATE cases SET owner = ${me}
        WHERE id IN (SELECT id FROM cases WHERE status != 'resolved' AND adviser_ts IS NULL AND ${dead}
          ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING id`.execute(t);
      if (o.exclusive) await sql`DELETE FROM replicas WHERE id != ${me}`.execute(t);
      else await sql`DELETE FROM replicas WHERE heartbeat_at < ${cutoff}`.execute(t);
      const ev = [...events.rows].sort((a, b) => (a.event_id < b.event_id ? -1 : 1));
      return { events: ev, cases: cases.rows.map((r) => r.id).sort((a, b) => a - b) };
    });
  }

  async release(): Promise<number> {
    const me = this.replicaId;
    return this.db.transaction().execute(async (t) => {
      const n = await this.changes(
        sql`UPDATE processed_events SET owner = NULL WHERE owner = ${me} AND status IN ('received', 'pending')`,
        t,
      );
      await sql`UPDATE cases SET owner = NULL WHERE owner = ${me} AND adviser_ts IS NULL`.execute(t);
      await sql`DELETE FROM replicas WHERE id = ${me}`.execute(t);
      return n;
    });
  }

  // ---- events -----------------------------------------------------------------------------------------

  getEvent(eventId: string): Promise<ProcessedEvent | undefined> {
    return this.one(EventRow, sql`SELECT * FROM processed_events WHERE event_id = ${eventId}`);
  }

  async hasEvent(eventId: string): Promise<boolean> {
    const r = await sql`SELECT 1 FROM processed_events WHERE event_id = ${eventId}`.execute(this.db);
    return r.rows.length > 0;
  }

  async isHandled(eventId: string): Promise<boolean> {
    const r = await sql<{
      status: string;
    }>`SELECT status FROM processed_events WHERE event_id = ${eventId}`.execute(this.db);
    return r.rows.length > 0 && r.rows[0]!.status !== 'received';
  }

  async receiveEvent(e: ReceivedEvent): Promise<'recorded' | 'known'> {
    checkReceived(e);
    const t = now();
    const n = await this.changes(sql`INSERT INTO processed_events
        (event_id, kind, channel, ts, status, received_at, updated_at, body, retry_num, owner, team)
        VALUES (${e.eventId}, ${e.kind.slice(0, 255)}, ${e.channel ?? null}, ${e.ts ?? null}, 'received', ${t}, ${t},
          ${e.body}, ${e.retryNum ?? null}, ${this.replicaId}, ${(e.team ?? '').slice(0, 255)})
        ON CONFLICT (event_id) DO NOTHING`);
    return n === 1 ? 'recorded' : 'known';
  }

  async claimEvent(e: {
    eventId: string;
    kind: string;
    channel?: string;
    ts?: string;
    status: EventStatus;
    team?: string;
  }): Promise<boolean> {
    const t = now();
    const n = await this.changes(sql`INSERT INTO processed_events
        (event_id, kind, channel, ts, status, received_at, updated_at, owner, team)
        VALUES (${id.parse(e.eventId)}, ${e.kind}, ${e.channel ?? null}, ${e.ts ?? null}, ${e.status}, ${t}, ${t},
          ${this.replicaId}, ${e.team ?? ''})
        ON CONFLICT (event_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at,
          body = CASE WHEN excluded.status IN ('answered', 'failed', 'ignored') THEN NULL ELSE processed_events.body END
        WHERE processed_events.status = 'received'`);
    return n === 1;
  }

  async finishEvent(eventId: string, status: EventStatus, detail?: string, on: Q = this.db): Promise<void> {
    if (status === 'answered' || status === 'failed' || status === 'ignored') {
      await sql`UPDATE processed_events SET status = ${status}, detail = ${detail ?? null}, updated_at = ${now()},
        body = NULL, next_at = NULL WHERE event_id = ${eventId}`.execute(on);
      return;
    }
    await sql`UPDATE processed_events SET status = ${status}, detail = ${detail ?? null}, updated_at = ${now()}
      WHERE event_id = ${eventId}`.execute(on);
  }

  async deferEvent(eventId: string, nextAt: string, detail: string): Promise<number> {
    const r = await sql<{ attempts: number }>`UPDATE processed_events
      SET attempts = attempts + 1, next_at = ${nextAt}, detail = ${detail.slice(0, 200)}, updated_at = ${now()}
      WHERE event_id = ${eventId} RETURNING attempts`.execute(this.db);
    return r.rows[0]?.attempts ?? 0;
  }

  async noteEvent(eventId: string, detail: string): Promise<void> {
    await sql`UPDATE processed_events SET detail = ${detail}, updated_at = ${now()} WHERE event_id = ${eventId}`.execute(
      this.db,
    );
  }

  openEvents(limit = 10_000): Promise<ProcessedEvent[]> {
    return this.all(
      EventRow,
      sql`SELECT * FROM processed_events WHERE status IN ('received', 'pending') ORDER BY received_at LIMIT ${limit}`,
    );
  }

  async dueEvents(limit: number): Promise<string[]> {
    const r = await sql<{ event_id: string }>`SELECT event_id FROM processed_events
      WHERE status IN ('received', 'pending') AND owner = ${this.replicaId}
        AND (next_at IS NULL OR next_at <= ${now()}) ORDER BY received_at LIMIT ${limit}`.execute(this.db);
    return r.rows.map((row) => row.event_id);
  }

  answerForEvent(eventId: string): Promise<StoredAnswer | undefined> {
    return this.one(AnswerRow, sql`SELECT * FROM answers WHERE event_id = ${eventId} ORDER BY seq LIMIT 1`);
  }

  // ---- answers and threads ----------------------------------------------------------------------------

  async recordAnswer(input: NewAnswer): Promise<boolean> {
    return this.recordSerialized(serializeAnswer(input));
  }

  async recordSerialized(a: SerializedAnswer): Promise<boolean> {
    const t = now();
    return this.db.transaction().execute(async (tx) => {
      if (a.eventId !== undefined) {
        const n = await this.changes(
          sql`INSERT INTO processed_events (event_id, kind, channel, ts, status, received_at, updated_at, owner, team)
            VALUES (${a.eventId}, ${a.eventKind ?? 'event'}, ${a.channel}, ${a.threadTs}, 'pending', ${t}, ${t},
              ${this.replicaId}, ${a.team ?? ''})
            ON CONFLICT (event_id) DO UPDATE SET status = 'pending', detail = NULL, updated_at = excluded.updated_at
            WHERE processed_events.status = 'received'
              AND (processed_events.owner IS NULL OR processed_events.owner = ${this.replicaId})`,
          tx,
        );
        if (n === 0) return false;
      }
      const team = a.team ?? '';
      await sql`INSERT INTO answers (id, channel, thread_ts, "user", question, answer, event_id, created_at, team)
        VALUES (${a.id}, ${a.channel}, ${a.threadTs}, ${a.user}, ${a.question}, ${a.answerJson}, ${a.eventId ?? null}, ${t},
          ${team})`.execute(tx);
      // the thread's row is locked while its turns are appended: two replicas answering the same thread
      // append in turn, neither turn is lost
      const before = await this.one(
        ThreadRow,
        sql`SELECT * FROM threads WHERE team = ${team} AND channel = ${a.channel} AND thread_ts = ${a.threadTs}
          FOR UPDATE`,
        tx,
      );
      const turns = boundTurns([...(before?.turns ?? []), a.question]);
      await sql`INSERT INTO threads (team, channel, thread_ts, facts, turns, updated_at)
        VALUES (${team}, ${a.channel}, ${a.threadTs}, ${a.factsJson}, ${JSON.stringify(turns)}, ${t})
        ON CONFLICT (team, channel, thread_ts) DO UPDATE SET facts = excluded.facts, turns = excluded.turns,
          updated_at = excluded.updated_at`.execute(tx);
      return true;
    });
  }

  async markAnswerPosted(answerId: string, messageTs: string | undefined, eventId?: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await sql`UPDATE answers SET message_ts = ${messageTs ?? null} WHERE id = ${answerId}`.execute(tx);
      if (eventId !== undefined) await this.finishEvent(eventId, 'answered', undefined, tx);
    });
  }

  pendingAnswers(before: string = now()): Promise<StoredAnswer[]> {
    return this.all(
      AnswerRow,
      sql`SELECT a.* FROM answers a JOIN processed_events e ON e.event_id = a.event_id
        WHERE e.status = 'pending' AND a.message_ts IS NULL AND a.created_at < ${before}
        ORDER BY a.created_at, a.seq`,
    );
  }

  async closeInterruptedEvents(before: string): Promise<number> {
    const noAnswer = sql`status = 'pending' AND updated_at < ${before}
      AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.event_id = processed_events.event_id)`;
    return this.db.transaction().execute(async (tx) => {
      await sql`UPDATE processed_events SET status = 'received', detail = 'redo', updated_at = ${now()}
        WHERE ${noAnswer} AND body IS NOT NULL`.execute(tx);
      return this.changes(
        sql`UPDATE processed_events SET status = 'failed', detail = 'interrupted', updated_at = ${now()}
          WHERE ${noAnswer}`,
        tx,
      );
    });
  }

  getAnswer(answerId: string): Promise<StoredAnswer | undefined> {
    return this.one(AnswerRow, sql`SELECT * FROM answers WHERE id = ${answerId}`);
  }

  async answerIdsSince(since: string): Promise<string[]> {
    const r = await sql<{ id: string }>`SELECT id FROM answers WHERE created_at >= ${since}
      ORDER BY created_at, seq`.execute(this.db);
    return r.rows.map((x) => x.id);
  }

  async answerJson(answerId: string): Promise<string | undefined> {
    const r = await sql<{ answer: string }>`SELECT answer FROM answers WHERE id = ${answerId}`.execute(
      this.db,
    );
    return r.rows[0]?.answer;
  }

  answersInThread(channel: string, threadTs: string, team = ''): Promise<StoredAnswer[]> {
    return this.all(
      AnswerRow,
      sql`SELECT * FROM answers WHERE team = ${team} AND channel = ${channel} AND thread_ts = ${threadTs}
        ORDER BY created_at, seq`,
    );
  }

  getThread(channel: string, threadTs: string, team = ''): Promise<ThreadState | undefined> {
    return this.one(
      ThreadRow,
      sql`SELECT * FROM threads WHERE team = ${team} AND channel = ${channel} AND thread_ts = ${threadTs}`,
    );
  }

  async threadContext(
    channel: string,
    threadTs: string,
    team = '',
  ): Promise<{ facts: Facts; turns: string[] }> {
    const t = await this.getThread(channel, threadTs, team);
    return { facts: t?.facts ?? {}, turns: t?.turns ?? [] };
  }

  // ---- feedback ---------------------------------------------------------------------------------------

  async recordFeedback(answerId: string, user: string, helpful: boolean): Promise<boolean> {
    id.parse(user);
    return this.db.transaction().execute(async (tx) => {
      const known = await sql`SELECT 1 FROM answers WHERE id = ${answerId}`.execute(tx);
      if (known.rows.length === 0) return false;
      await sql`INSERT INTO feedback (answer_id, "user", helpful, created_at)
        VALUES (${answerId}, ${user}, ${helpful ? 1 : 0}, ${now()})
        ON CONFLICT (answer_id, "user") DO UPDATE SET helpful = excluded.helpful, created_at = excluded.created_at`.execute(
        tx,
      );
      return true;
    });
  }

  feedbackFor(answerId: string) {
    return this.all(
      FeedbackRow,
      sql`SELECT * FROM feedback WHERE answer_id = ${answerId} ORDER BY created_at`,
    );
  }

  // ---- cases ------------------------------------------------------------------------------------------

  getCase(caseId: number, on: Q = this.db): Promise<Case | undefined> {
    return this.one(CaseRow, sql`SELECT * FROM cases WHERE id = ${caseId}`, on);
  }

  activeCaseForThread(channel: string, threadTs: string, team = ''): Promise<Case | undefined> {
    return this.one(
      CaseRow,
      sql`SELECT * FROM cases WHERE team = ${team} AND channel = ${channel} AND thread_ts = ${threadTs}
        AND status != 'resolved' ORDER BY id DESC LIMIT 1`,
    );
  }

  caseByAdviserPost(adviserChannel: string, adviserTs: string): Promise<Case | undefined> {
    return this.one(
      CaseRow,
      sql`SELECT * FROM cases WHERE adviser_channel = ${adviserChannel} AND adviser_ts = ${adviserTs}`,
    );
  }

  openCasesFor(user: string, team = ''): Promise<Case[]> {
    return this.all(
      CaseRow,
      sql`SELECT * FROM cases WHERE team = ${team} AND asker = ${user} AND status != 'resolved' ORDER BY id`,
    );
  }

  unpostedCases(before: string = now()): Promise<Case[]> {
    return this.all(
      CaseRow,
      sql`SELECT * FROM cases WHERE status != 'resolved' AND adviser_ts IS NULL AND created_at < ${before} ORDER BY id`,
    );
  }

  async openCase(input: NewCase): Promise<Case> {
    const c = {
      ...NewCaseFields.parse(input),
      answer: input.answer === undefined ? undefined : checkedAnswer(input.answer),
    };
    const t = now();
    const caseId = await this.db.transaction().execute(async (tx) => {
      const r = await sql<{ id: number }>`INSERT INTO cases
          (answer_id, asker, channel, thread_ts, question, facts, answer, status, created_at, updated_at, owner, team)
        VALUES (${c.answerId ?? null}, ${c.asker}, ${c.channel}, ${c.threadTs}, ${c.question}, ${JSON.stringify(c.facts)},
          ${c.answer === undefined ? null : JSON.stringify(c.answer)}, 'open', ${t}, ${t}, ${this.replicaId},
          ${c.team ?? ''})
        RETURNING id`.execute(tx);
      const newId = r.rows[0]!.id;
      await this.insertCaseEvent(tx, newId, 'opened', c.asker, null, t);
      return newId;
    });
    return (await this.getCase(caseId))!;
  }

  async setCasePost(caseId: number, adviserChannel: string, adviserTs: string, link?: string): Promise<void> {
    const t = now();
    await this.db.transaction().execute(async (tx) => {
      await sql`UPDATE cases SET adviser_channel = ${adviserChannel}, adviser_ts = ${adviserTs}, link = ${link ?? null},
        updated_at = ${t} WHERE id = ${caseId}`.execute(tx);
      await this.insertCaseEvent(tx, caseId, 'posted', null, `${adviserChannel}/${adviserTs}`, t);
    });
  }

  async claimCase(caseId: number, adviser: string): Promise<CaseTransition> {
    id.parse(adviser);
    const t = now();
    return this.db.transaction().execute(async (tx): Promise<CaseTransition> => {
      // the row is locked until the claim commits: of two advisers clicking at once, one claims
      const c = await this.one(CaseRow, sql`SELECT * FROM cases WHERE id = ${caseId} FOR UPDATE`, tx);
      if (c === undefined) return { ok: false, reason: 'unknown_case' };
      if (c.status === 'resolved') return { ok: false, reason: 'already_resolved', case: c };
      if (c.status === 'claimed' && c.claimed_by !== adviser)
        return { ok: false, reason: 'claimed_by_other', case: c };
      await sql`UPDATE cases SET status = 'claimed', claimed_by = ${adviser}, updated_at = ${t} WHERE id = ${caseId}`.execute(
        tx,
      );
      await this.insertCaseEvent(tx, caseId, 'claimed', adviser, null, t);
      return { ok: true, case: (await this.getCase(caseId, tx))! };
    });
  }

  async resolveCase(caseId: number, adviser: string): Promise<CaseTransition> {
    id.parse(adviser);
    const t = now();
    return this.db.transaction().execute(async (tx): Promise<CaseTransition> => {
      const c = await this.one(CaseRow, sql`SELECT * FROM cases WHERE id = ${caseId} FOR UPDATE`, tx);
      if (c === undefined) return { ok: false, reason: 'unknown_case' };
      if (c.status === 'resolved') return { ok: false, reason: 'already_resolved', case: c };
      await sql`UPDATE cases SET status = 'resolved', claimed_by = COALESCE(claimed_by, ${adviser}), updated_at = ${t}
        WHERE id = ${caseId}`.execute(tx);
      await this.insertCaseEvent(tx, caseId, 'resolved', adviser, null, t);
      return { ok: true, case: (await this.getCase(caseId, tx))! };
    });
  }

  async addCaseEvent(
    caseId: number,
    kind: string,
    actor: string | null,
    detail: string | null,
    at: string = now(),
  ): Promise<void> {
    await this.insertCaseEvent(this.db, caseId, kind, actor, detail, at);
  }

  caseEvents(caseId: number) {
    return this.all(CaseEventRow, sql`SELECT * FROM case_events WHERE case_id = ${caseId} ORDER BY id`);
  }

  private async insertCaseEvent(
    on: Q,
    caseId: number,
    kind: string,
    actor: string | null,
    detail: string | null,
    t: string,
  ): Promise<void> {
    await sql`INSERT INTO case_events (case_id, kind, actor, detail, created_at)
      VALUES (${caseId}, ${kind}, ${actor}, ${detail}, ${t})`.execute(on);
  }

  // ---- installations --------------------------------------------------------------------------------

  async saveInstallation(i: InstallationRow): Promise<void> {
    await sql`INSERT INTO installations (workspace, team_id, enterprise_id, is_enterprise_install, data, updated_at)
      VALUES (${i.workspace}, ${i.team_id}, ${i.enterprise_id}, ${i.is_enterprise_install}, ${i.data}, ${i.updated_at})
      ON CONFLICT (workspace) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id,
        is_enterprise_install = excluded.is_enterprise_install, data = excluded.data,
        updated_at = excluded.updated_at`.execute(this.db);
  }

  async findInstallation(workspace: string): Promise<InstallationRow | undefined> {
    const r = await sql<InstallationRow>`SELECT * FROM installations WHERE workspace = ${workspace}`.execute(
      this.db,
    );
    return r.rows[0];
  }

  async deleteInstallation(workspace: string): Promise<void> {
    await sql`DELETE FROM installations WHERE workspace = ${workspace}`.execute(this.db);
  }

  // ---- audit and retention ----------------------------------------------------------------------------

  async recordAudit(e: NewAuditEvent, at: string = now()): Promise<void> {
    await sql`INSERT INTO audit_events (kind, actor, channel, thread_ts, answer_id, case_id, detail, created_at)
      VALUES (${e.kind}, ${e.actor}, ${e.channel ?? null}, ${e.threadTs ?? null}, ${e.answerId ?? null},
        ${e.caseId ?? null}, ${e.detail ?? null}, ${at})`.execute(this.db);
  }

  async auditRows(o: { since: string; until: string; user: string | null }): Promise<AuditRows> {
    const { since, until, user } = o;
    const q = async <T>(s: RawBuilder<T>) => (await s.execute(this.db)).rows;
    return {
      answers: await q(sql<
        AuditRows['answers'][number]
      >`SELECT id, channel, thread_ts, "user", answer, created_at
        FROM answers WHERE created_at >= ${since} AND created_at < ${until}
        AND (${user}::text IS NULL OR "user" = ${user})`),
      caseEvents: await q(sql<
        AuditRows['caseEvents'][number]
      >`SELECT e.kind, e.actor, e.detail, e.created_at, c.id AS case_id, c.channel, c.thread_ts, c.answer_id
        FROM case_events e JOIN cases c ON c.id = e.case_id
        WHERE e.created_at >= ${since} AND e.created_at < ${until} AND (${user}::text IS NULL OR e.actor = ${user})`),
      votes: await q(sql<
        AuditRows['votes'][number]
      >`SELECT f.answer_id, f."user", f.helpful, f.created_at, a.channel, a.thread_ts
        FROM feedback f JOIN answers a ON a.id = f.answer_id
        WHERE f.created_at >= ${since} AND f.created_at < ${until} AND (${user}::text IS NULL OR f."user" = ${user})`),
      own: await q(sql<
        AuditRows['own'][number]
      >`SELECT kind, actor, channel, thread_ts, answer_id, case_id, detail, created_at FROM audit_events
        WHERE created_at >= ${since} AND created_at < ${until} AND (${user}::text IS NULL OR actor = ${user})`),
    };
  }

  async correctionDetails(answerIds: readonly string[]): Promise<(string | null)[]> {
    if (answerIds.length === 0) return [];
    const r = await sql<{ detail: string | null }>`SELECT detail FROM audit_events
      WHERE kind = 'corrected' AND answer_id = ANY(${[...answerIds]}::text[]) ORDER BY created_at, id`.execute(
      this.db,
    );
    return r.rows.map((x) => x.detail);
  }

  async purge(days: number, o: { dryRun?: boolean; now?: Date } = {}): Promise<PurgeCounts> {
    const zero: PurgeCounts = {
      processed_events: 0,
      threads: 0,
      answers: 0,
      feedback: 0,
      cases: 0,
      case_events: 0,
      audit_events: 0,
      feedback_reasons: 0,
      assistant_threads: 0,
    };
    if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number, 0 or more');
    if (days === 0) return zero;
    const cutoff = new Date((o.now ?? new Date()).getTime() - days * DAY_MS).toISOString();
    try {
      return await this.db.transaction().execute(async (tx) => {
        const del = (q: RawBuilder<unknown>) => this.changes(q, tx);
        const oldCases = sql`SELECT id FROM cases WHERE status = 'resolved' AND updated_at < ${cutoff}`;
        const kept = sql`SELECT answer_id FROM cases WHERE answer_id IS NOT NULL`;
        const oldAnswers = sql`SELECT id FROM answers WHERE created_at < ${cutoff} AND id NOT IN (${kept})`;
        const counts: PurgeCounts = { ...zero };
        counts.case_events = await del(sql`DELETE FROM case_events WHERE case_id IN (${oldCases})`);
        counts.cases = await del(sql`DELETE FROM cases WHERE id IN (${oldCases})`);
        // the reasons go with the votes (store/feedback-reasons.ts): an answer is never deleted before them
        counts.feedback_reasons =
          await del(sql`DELETE FROM feedback_reasons WHERE answer_id IN (${oldAnswers})
          OR (created_at < ${cutoff} AND answer_id NOT IN (${kept}))`);
        counts.feedback = await del(sql`DELETE FROM feedback WHERE answer_id IN (${oldAnswers})
          OR (created_at < ${cutoff} AND answer_id NOT IN (${kept}))`);
        counts.answers = await del(sql`DELETE FROM answers WHERE id IN (${oldAnswers})`);
        counts.threads = await del(sql`DELETE FROM threads WHERE updated_at < ${cutoff}`);
        counts.processed_events = await del(sql`DELETE FROM processed_events WHERE updated_at < ${cutoff}`);
        counts.audit_events = await del(sql`DELETE FROM audit_events WHERE created_at < ${cutoff}`);
        counts.assistant_threads = await del(sql`DELETE FROM assistant_threads WHERE updated_at < ${cutoff}`);
        if (o.dryRun) throw new DryRunRollback(counts);
        return counts;
      });
    } catch (e) {
      if (e instanceof DryRunRollback) return e.counts;
      throw e;
    }
  }

  // ---- issue 17: feedback reasons, the assistant pane, the adviser desk ---------------------------------

  async lastAnswerJsonOf(user: string, team = ''): Promise<string | undefined> {
    const r = await sql<{
      answer: string;
    }>`SELECT answer FROM answers WHERE "user" = ${user} AND team = ${team}
      ORDER BY created_at DESC, seq DESC LIMIT 1`.execute(this.db);
    return r.rows[0]?.answer;
  }

  async recordFeedbackReason(input: NewFeedbackReason, at: string = now()): Promise<boolean> {
    const r = NewFeedbackReason.parse(input);
    const answer = await this.getAnswer(r.answerId);
    if (answer === undefined) return false;
    const comment = r.comment?.trim();
    await sql`INSERT INTO feedback_reasons (answer_id, "user", reason, comment, verdict, topic, provenance, created_at)
      VALUES (${r.answerId}, ${r.user}, ${r.reason}, ${comment === undefined || comment === '' ? null : comment},
        ${answer.answer.verdict}, ${answer.answer.topic},
        ${answer.answer.provenance === undefined ? null : JSON.stringify(answer.answer.provenance)}, ${at})`.execute(
      this.db,
    );
    return true;
  }

  feedbackReasonsFor(answerId: string) {
    return this.all(ReasonRow, sql`SELECT * FROM feedback_reasons WHERE answer_id = ${answerId} ORDER BY id`);
  }

  async startAssistantThread(t: {
    team?: string;
    channel: string;
    threadTs: string;
    user: string;
    context: AssistantContext;
  }): Promise<void> {
    const at = now();
    await sql`INSERT INTO assistant_threads (team, channel, thread_ts, "user", context, titled, started_at, updated_at)
      VALUES (${t.team ?? ''}, ${id.parse(t.channel)}, ${id.parse(t.threadTs)}, ${id.parse(t.user)},
        ${JSON.stringify(t.context)}, 0, ${at}, ${at})
      ON CONFLICT (team, channel, thread_ts) DO UPDATE SET context = excluded.context, updated_at = excluded.updated_at`.execute(
      this.db,
    );
  }

  assistantThread(channel: string, threadTs: string, team = '') {
    return this.one(
      AssistantThreadRow,
      sql`SELECT * FROM assistant_threads WHERE team = ${team} AND channel = ${channel} AND thread_ts = ${threadTs}`,
    );
  }

  async saveAssistantContext(
    channel: string,
    threadTs: string,
    context: AssistantContext,
    team = '',
  ): Promise<boolean> {
    const n =
      await this.changes(sql`UPDATE assistant_threads SET context = ${JSON.stringify(context)}, updated_at = ${now()}
      WHERE team = ${team} AND channel = ${channel} AND thread_ts = ${threadTs}`);
    return n === 1;
  }

  async claimAssistantTitle(channel: string, threadTs: string, team = ''): Promise<boolean> {
    const n = await this.changes(sql`UPDATE assistant_threads SET titled = 1, updated_at = ${now()}
      WHERE team = ${team} AND channel = ${channel} AND thread_ts = ${threadTs} AND titled = 0`);
    return n === 1;
  }

  openCasesOldestFirst(limit = 50): Promise<Case[]> {
    return this.all(
      CaseRow,
      sql`SELECT * FROM cases WHERE status = 'open' ORDER BY created_at, id LIMIT ${limit}`,
    );
  }

  casesClaimedBy(adviser: string, limit = 50): Promise<Case[]> {
    return this.all(
      CaseRow,
      sql`SELECT * FROM cases WHERE status = 'claimed' AND claimed_by = ${adviser} ORDER BY created_at, id LIMIT ${limit}`,
    );
  }

  casesDueReminder(before: string, limit = 20): Promise<Case[]> {
    return this.all(
      CaseRow,
      sql`SELECT * FROM cases WHERE status = 'open' AND adviser_ts IS NOT NULL AND
        (SELECT MAX(created_at) FROM case_events e WHERE e.case_id = cases.id AND e.kind IN ('posted', 'reminded')) < ${before}
        ORDER BY created_at, id LIMIT ${limit}`,
    );
  }

  async deskFigures(period: { since: string; until: string }, top = 5): Promise<Figures> {
    const { since, until } = period;
    const q = async <T>(s: RawBuilder<unknown>) => (await s.execute(this.db)).rows as T[];
    const inPeriod = sql`created_at >= ${since} AND created_at < ${until}`;
    const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Figures['verdicts'];
    let questions = 0;
    for (const r of await q<{ v: string | null; n: number }>(
      sql`SELECT (answer::jsonb)->>'verdict' AS v, COUNT(*)::int AS n FROM answers WHERE ${inPeriod} GROUP BY v`,
    )) {
      questions += r.n;
      if (r.v !== null && r.v in verdicts) verdicts[r.v as keyof typeof verdicts] += r.n;
    }
    const topics = await q<{ topic: string; count: number }>(
      sql`SELECT (answer::jsonb)->>'topic' AS topic, COUNT(*)::int AS count FROM answers WHERE ${inPeriod}
        AND (answer::jsonb)->>'topic' IS NOT NULL GROUP BY topic ORDER BY count DESC, topic`,
    );
    const cases = await q<{ id: number; opened: string; claimed: string | null; resolved: string | null }>(
      sql`SELECT c.id, c.created_at AS opened,
        (SELECT MIN(created_at) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'claimed') AS claimed,
        (SELECT MIN(created_at) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'resolved') AS resolved
        FROM cases c WHERE c.created_at >= ${since} AND c.created_at < ${until}`,
    );
    const span = (from: string, to: string | null) =>
      to === null ? undefined : Date.parse(to) - Date.parse(from);
    const toClaim = cases.flatMap((c) => {
      // a case closed without being claimed first was taken when it was closed
      const d = span(c.opened, c.claimed ?? c.resolved);
      return d === undefined ? [] : [d];
    });
    const toClose = cases.flatMap((c) => {
      const d = span(c.opened, c.resolved);
      return d === undefined ? [] : [d];
    });
    const openNow =
      (await q<{ n: number }>(sql`SELECT COUNT(*)::int AS n FROM cases WHERE status = 'open'`))[0]?.n ?? 0;
    const votes = await q<{ helpful: number; n: number }>(
      sql`SELECT helpful, COUNT(*)::int AS n FROM feedback WHERE ${inPeriod} GROUP BY helpful`,
    );
    const reasons = Object.fromEntries(FEEDBACK_REASONS.map((r) => [r, 0])) as Figures['reasons'];
    for (const r of await q<{ reason: string; n: number }>(
      sql`SELECT reason, COUNT(*)::int AS n FROM feedback_reasons WHERE ${inPeriod} GROUP BY reason`,
    )) {
      if (r.reason in reasons) reasons[r.reason as FeedbackReason] = r.n;
    }
    const openQuestions = (
      await q<OpenQuestion>(
        sql`SELECT MIN(question) AS question, (answer::jsonb)->>'verdict' AS verdict, COUNT(*)::int AS count
          FROM answers WHERE ${inPeriod} AND (answer::jsonb)->>'verdict' IN ('out_of_scope', 'needs_facts')
          GROUP BY lower(trim(question)), verdict ORDER BY count DESC, MIN(created_at) LIMIT ${top}`,
      )
    ).map((o) => ({ question: o.question.replace(/\s+/g, ' ').trim(), verdict: o.verdict, count: o.count }));
    return {
      since,
      until,
      questions,
      verdicts,
      topics,
      escalations: cases.length,
      claimed: toClaim.length,
      closed: toClose.length,
      medianClaimMs: median(toClaim),
      medianCloseMs: median(toClose),
      openNow,
      helpful: votes.find((v) => v.helpful === 1)?.n ?? 0,
      notHelpful: votes.find((v) => v.helpful === 0)?.n ?? 0,
      reasons,
      openQuestions,
    };
  }

  // ---- copying ----------------------------------------------------------------------------------------

  async dumpTable(table: CopyTable): Promise<Record<string, unknown>[]> {
    const cols = COLUMNS[table].map((c) => `"${c}"`).join(', ');
    const r = await sql
      .raw<Record<string, unknown>>(`SELECT ${cols} FROM ${table} ORDER BY ${PG_ORDER[table]}`)
      .execute(this.db);
    return r.rows;
  }

  async loadTable(table: CopyTable, input: Record<string, unknown>[]): Promise<void> {
    if (input.length === 0) return;
    const cols = COLUMNS[table].filter((c) => c in input[0]!);
    await this.db.transaction().execute(async (tx) => {
      for (let i = 0; i < input.length; i += 500) {
        const chunk = input.slice(i, i + 500);
        const values = sql.join(chunk.map((r) => sql`(${sql.join(cols.map((c) => sql`${r[c] ?? null}`))})`));
        await sql`INSERT INTO ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) VALUES ${values}`.execute(
          tx,
        );
      }
      if (
        table === 'cases' ||
        table === 'case_events' ||
        table === 'audit_events' ||
        table === 'feedback_reasons'
      ) {
        await sql
          .raw(
            `SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM ${table}`,
          )
          .execute(tx);
      }
    });
  }

  async countRows(table: CopyTable): Promise<number> {
    const r = await sql.raw<{ n: string }>(`SELECT count(*) AS n FROM ${table}`).execute(this.db);
    return Number(r.rows[0]?.n ?? 0);
  }
}
