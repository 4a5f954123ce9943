/**
 * The Slack bot's persistent state: processed events (idempotency), thread facts, answers, feedback and
 * escalation cases with their history. Every multi-row write is one transaction; every row read back is
 * validated with zod (a row that does not validate is reported as absent, never deleted); values are
 * validated before they are written, so bad input is refused without touching what is stored.
 */

import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type Answer, AnswerSchema } from '../../guardrails/contract.js';
import { type Facts, FactsSchema } from '../../guardrails/facts.js';
import { answerJson } from '../answer-json.js';
import { withStoredProvenance } from '../provenance.js';
import type { AuditRows, CopyTable, InstallationRow, TakenOver } from './api.js';
import type { NewAuditEvent } from './audit.js';
import { type Db, openDb, type Statement } from './db.js';

export { migrate, openDb } from './db.js';

export const now = (): string => new Date().toISOString();

/** The turns kept per thread (the facts of older turns live on in the thread's facts). */
export const MAX_TURNS = 10;
/**
 * The text kept per thread, all turns together (one question may be 4,000 characters): the pipeline's work
 * per follow-up grows with the turns it reads, so a thread of long, hostile questions must not make each
 * follow-up cost more (20 turns of 4,000 characters cost ~0.5 s per follow-up; bounded, ~60 ms).
 */
export const MAX_THREAD_CHARS = 4_000;

/** The newest turns that fit both bounds (oldest first); a newest turn longer than `maxChars` keeps its end. */
export function boundTurns(
  turns: readonly string[],
  maxTurns = MAX_TURNS,
  maxChars = MAX_THREAD_CHARS,
): string[] {
  const out: string[] = [];
  let total = 0;
  for (let i = turns.length - 1; i >= 0 && out.length < maxTurns; i--) {
    const t = turns[i]!;
    if (total + t.length > maxChars) {
      if (out.length === 0) out.push(t.slice(-maxChars));
      break;
    }
    out.push(t);
    total += t.length;
  }
  return out.reverse();
}
export const id = z.string().min(1).max(255);

const jsonOf = <T extends z.ZodType>(schema: T) =>
  z.string().transform((s, ctx) => {
    try {
      const parsed = schema.safeParse(JSON.parse(s));
      if (parsed.success) return parsed.data as z.infer<T>;
      ctx.addIssue({ code: 'custom', message: parsed.error.message });
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON' });
    }
    return z.NEVER;
  });

export const EVENT_STATUSES = ['received', 'pending', 'answered', 'failed', 'ignored'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EventRow = z.object({
  event_id: z.string(),
  kind: z.string(),
  channel: z.string().nullable(),
  ts: z.string().nullable(),
  status: z.enum(EVENT_STATUSES),
  detail: z.string().nullable(),
  received_at: z.string(),
  updated_at: z.string(),
  body: z.string().nullable().optional(),
  retry_num: z.number().int().nullable().optional(),
  attempts: z.number().int().optional(),
  next_at: z.string().nullable().optional(),
  owner: z.string().nullable().optional(),
  team: z.string().optional(),
});
export type ProcessedEvent = z.infer<typeof EventRow>;

/** An event recorded at the door: what `Store.receiveEvent` takes. */
export interface ReceivedEvent {
  eventId: string;
  kind: string;
  channel?: string | undefined;
  ts?: string | undefined;
  /** The envelope as received (JSON), kept until the event is finished. */
  body: string;
  retryNum?: number | undefined;
  /** The workspace it came from ('' for the one workspace of a single bot token). */
  team?: string | undefined;
}

/** Validates the ids of an event to receive; throws a ZodError when one is not an id (over 255 characters). */
export function checkReceived(e: ReceivedEvent): void {
  id.parse(e.eventId);
  if (e.channel !== undefined) id.parse(e.channel);
  if (e.ts !== undefined) id.parse(e.ts);
}

/** Statuses an event ends in; its envelope is then no longer kept. */
export const FINAL = new Set<EventStatus>(['answered', 'failed', 'ignored']);

export const ThreadRow = z.object({
  team: z.string().optional(),
  channel: z.string(),
  thread_ts: z.string(),
  facts: jsonOf(FactsSchema),
  turns: jsonOf(z.array(z.string())),
  updated_at: z.string(),
});
export type ThreadState = z.infer<typeof ThreadRow>;

export const AnswerRow = z
  .object({
    id: z.string(),
    channel: z.string(),
    thread_ts: z.string(),
    user: z.string(),
    question: z.string(),
    answer: jsonOf(AnswerSchema),
    message_ts: z.string().nullable(),
    event_id: z.string().nullable(),
    created_at: z.string(),
    team: z.string().optional(),
  })
  // the answer's provenance gets its id and time from the row
  .transform(withStoredProvenance);
export type StoredAnswer = z.infer<typeof AnswerRow>;

export const FeedbackRow = z.object({
  answer_id: z.string(),
  user: z.string(),
  helpful: z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1),
  created_at: z.string(),
});
export type Feedback = z.infer<typeof FeedbackRow>;

export const CASE_STATUSES = ['open', 'claimed', 'resolved'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CaseRow = z.object({
  id: z.number().int().positive(),
  answer_id: z.string().nullable(),
  asker: z.string(),
  channel: z.string(),
  thread_ts: z.string(),
  question: z.string(),
  facts: jsonOf(FactsSchema),
  answer: jsonOf(AnswerSchema).nullable(),
  status: z.enum(CASE_STATUSES),
  claimed_by: z.string().nullable(),
  adviser_channel: z.string().nullable(),
  adviser_ts: z.string().nullable(),
  link: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  owner: z.string().nullable().optional(),
  team: z.string().optional(),
});
export type Case = z.infer<typeof CaseRow>;

export const CaseEventRow = z.object({
  id: z.number().int(),
  case_id: z.number().int(),
  kind: z.string(),
  actor: z.string().nullable(),
  detail: z.string().nullable(),
  created_at: z.string(),
});
export type CaseEvent = z.infer<typeof CaseEventRow>;

export const NewAnswerInput = z.object({
  id,
  channel: id,
  threadTs: id,
  user: id,
  question: z.string(),
  answer: AnswerSchema,
  eventId: id.optional(),
  eventKind: z.string().min(1).optional(),
  /** The workspace ('' for the one workspace of a single bot token). */
  team: z.string().max(255).optional(),
});
export type NewAnswer = z.input<typeof NewAnswerInput>;

export const NewCaseInput = z.object({
  answerId: id.optional(),
  asker: id,
  channel: id,
  threadTs: id,
  question: z.string(),
  facts: FactsSchema,
  answer: AnswerSchema.optional(),
  team: z.string().max(255).optional(),
});
export type NewCase = z.input<typeof NewCaseInput>;

const NewAnswerFields = NewAnswerInput.omit({ answer: true });
export const NewCaseFields = NewCaseInput.omit({ answer: true });

/** Answers that passed `parseAnswer` (objects, not copies): the store does not validate them a second time. */
const validAnswers = new WeakSet<object>();

/**
 * Validates an answer against the contract once; the store then accepts that very object without
 * validating it again (the hot path: one validation per event, not two).
 */
export function parseAnswer(raw: unknown): ReturnType<typeof AnswerSchema.safeParse> {
  const parsed = AnswerSchema.safeParse(raw);
  if (parsed.success) validAnswers.add(parsed.data);
  return parsed;
}

/** An answer to record, checked and in its stored form (plain data: it can cross to a worker thread). */
export interface SerializedAnswer {
  id: string;
  channel: string;
  threadTs: string;
  user: string;
  question: string;
  answerJson: string;
  factsJson: string;
  eventId?: string | undefined;
  eventKind?: string | undefined;
  team?: string | undefined;
}

/** Validates an answer to record (bad input throws a ZodError, nothing is written) and serialises it. */
export function serializeAnswer(input: NewAnswer): SerializedAnswer {
  const fields = NewAnswerFields.parse(input);
  const answer = checkedAnswer(input.answer);
  return { ...fields, answerJson: answerJson(answer), factsJson: JSON.stringify(answer.facts) };
}

export const checkedAnswer = (raw: unknown): Answer =>
  typeof raw === 'object' && raw !== null && validAnswers.has(raw)
    ? (raw as Answer)
    : AnswerSchema.parse(raw);

export type CaseTransition =
  | { ok: true; case: Case }
  | { ok: false; reason: 'unknown_case' | 'already_resolved' | 'claimed_by_other'; case?: Case };

/** Rows removed (or, in a dry run, that would be removed) per table by a purge. */
export interface PurgeCounts {
  processed_events: number;
  threads: number;
  answers: number;
  feedback: number;
  cases: number;
  case_events: number;
  audit_events: number;
  feedback_reasons: number;
  assistant_threads: number;
}

export const PURGE_TABLES = [
  'processed_events',
  'threads',
  'answers',
  'feedback',
  'cases',
  'case_events',
  'audit_events',
  'feedback_reasons',
  'assistant_threads',
] as const satisfies readonly (keyof PurgeCounts)[];

export class DryRunRollback extends Error {
  constructor(readonly counts: PurgeCounts) {
    super('dry run');
  }
}

export const DAY_MS = 86_400_000;

/** Parses rows, dropping (and reporting) the ones that do not validate. */
export function rows<T extends z.ZodType>(
  schema: T,
  raw: unknown[],
  onBad: (why: string) => void,
): z.infer<T>[] {
  const out: z.infer<T>[] = [];
  for (const r of raw) {
    const p = schema.safeParse(r);
    if (p.success) out.push(p.data);
    else onBad(p.error.issues[0]?.message ?? 'invalid row');
  }
  return out;
}

/** A new replica id: random, so a restarted process never inherits the leases of the one before. */
export const newReplicaId = (): string => `r_${randomUUID().replace(/-/g, '').slice(0, 16)}`;

/** Copyable tables' key order. */
export const COPY_ORDER: Record<CopyTable, string> = {
  processed_events: 'event_id',
  threads: 'team, channel, thread_ts',
  answers: 'created_at, rowid',
  feedback: 'answer_id, user',
  cases: 'id',
  case_events: 'id',
  audit_events: 'id',
  installations: 'workspace',
  feedback_reasons: 'id',
  assistant_threads: 'team, channel, thread_ts',
};

/**
 * The embedded engine, synchronous (better-sqlite3): the bot uses it through `SqliteStore` (bot/store/sqlite.ts),
 * the background writer's thread and the tests directly.
 */
export class Store {
  readonly db: Db;
  private readonly onBadRow: (why: string) => void;
  /** The replica this connection writes for (the owner of the events it records). */
  readonly replicaId: string;

  constructor(db: Db, onBadRow: (why: string) => void = () => {}, replicaId: string = newReplicaId()) {
    this.db = db;
    this.onBadRow = onBadRow;
    this.replicaId = replicaId;
  }

  static open(dataDir: string, onBadRow?: (why: string) => void, replicaId?: string): Store {
    return new Store(openDb(dataDir), onBadRow, replicaId);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Prepared statements, by their SQL: preparing is a measurable share of a write, the texts are fixed. */
  private readonly statements = new Map<string, Statement>();

  private sql(text: string): Statement {
    let st = this.statements.get(text);
    if (st === undefined) {
      st = this.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  private one<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> | undefined {
    if (raw === undefined) return undefined;
    return rows(schema, [raw], this.onBadRow)[0];
  }

  // ---- events -------------------------------------------------------------------------------------------

  getEvent(eventId: string): ProcessedEvent | undefined {
    return this.one(EventRow, this.sql('SELECT * FROM processed_events WHERE event_id = ?').get(eventId));
  }

  /** Whether an event id is known at all (recorded at the door or later): a retry of it is not recorded again. */
  hasEvent(eventId: string): boolean {
    return this.sql('SELECT 1 FROM processed_events WHERE event_id = ?').get(eventId) !== undefined;
  }

  /** Whether an event is past `received`: its answer (or refusal) is recorded, or it is finished. */
  isHandled(eventId: string): boolean {
    const r = this.sql('SELECT status FROM processed_events WHERE event_id = ?').get(eventId) as
      | { status: string }
      | undefined;
    return r !== undefined && r.status !== 'received';
  }

  /**
   * Records an event as it arrives, before it is acked: `recorded` when it is new, `known` when its id was
   * seen before (Slack's retry, a replay). Bad ids throw (ZodError) and nothing is written.
   */
  receiveEvent(e: ReceivedEvent): 'recorded' | 'known' {
    checkReceived(e);
    const t = now();
    const r = this.sql(
      `INSERT OR IGNORE INTO processed_events
         (event_id, kind, channel, ts, status, received_at, updated_at, body, retry_num, owner, team)
         VALUES (?, ?, ?, ?, 'received', ?, ?, ?, ?, ?, ?)`,
    ).run(
      e.eventId,
      e.kind.slice(0, 255),
      e.channel ?? null,
      e.ts ?? null,
      t,
      t,
      e.body,
      e.retryNum ?? null,
      this.replicaId,
      (e.team ?? '').slice(0, 255),
    );
    return r.changes === 1 ? 'recorded' : 'known';
  }

  /**
   * Takes an event on to `status` (handled without an answer: ignored, refused, relayed): from `received`,
   * or as a new row when it was not recorded at the door. False when it was already past `received`.
   */
  claimEvent(e: {
    eventId: string;
    kind: string;
    channel?: string;
    ts?: string;
    status: EventStatus;
    team?: string;
  }): boolean {
    const t = now();
    const r = this.sql(
      `INSERT INTO processed_events (event_id, kind, channel, ts, status, received_at, updated_at, owner, team)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (event_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at,
           body = CASE WHEN excluded.status IN ('answered', 'failed', 'ignored') THEN NULL ELSE body END
         WHERE processed_events.status = 'received'`,
    ).run(
      id.parse(e.eventId),
      e.kind,
      e.channel ?? null,
      e.ts ?? null,
      e.status,
      t,
      t,
      this.replicaId,
      e.team ?? '',
    );
    return r.changes === 1;
  }

  /** Sets an event's status; a final status drops its kept envelope and any retry time. */
  finishEvent(eventId: string, status: EventStatus, detail?: string): void {
    if (FINAL.has(status)) {
      this.sql(
        `UPDATE processed_events SET status = ?, detail = ?, updated_at = ?, body = NULL, next_at = NULL
           WHERE event_id = ?`,
      ).run(status, detail ?? null, now(), eventId);
      return;
    }
    this.sql('UPDATE processed_events SET status = ?, detail = ?, updated_at = ? WHERE event_id = ?').run(
      status,
      detail ?? null,
      now(),
      eventId,
    );
  }

  /** An attempt failed for a reason that passes (Slack down, the store full): try again at `nextAt`. */
  deferEvent(eventId: string, nextAt: string, detail: string): number {
    this.sql(
      `UPDATE processed_events SET attempts = attempts + 1, next_at = ?, detail = ?, updated_at = ?
         WHERE event_id = ?`,
    ).run(nextAt, detail.slice(0, 200), now(), eventId);
    const r = this.sql('SELECT attempts FROM processed_events WHERE event_id = ?').get(eventId) as
      | { attempts: number }
      | undefined;
    return r?.attempts ?? 0;
  }

  /** A note on an unfinished event (e.g. `posting`, before a retried post goes out). */
  noteEvent(eventId: string, detail: string): void {
    this.sql('UPDATE processed_events SET detail = ?, updated_at = ? WHERE event_id = ?').run(
      detail,
      now(),
      eventId,
    );
  }

  /** Events not finished (`received` or `pending`), oldest first: the work a start picks up. */
  openEvents(limit = 10_000): ProcessedEvent[] {
    const raw = this.sql(
      `SELECT * FROM processed_events WHERE status IN ('received', 'pending') ORDER BY received_at LIMIT ?`,
    ).all(limit);
    return rows(EventRow, raw, this.onBadRow);
  }

  /** See AdvisorStore.dueEvents. */
  dueEvents(limit: number): string[] {
    const rows = this.sql(
      `SELECT event_id FROM processed_events WHERE status IN ('received', 'pending') AND owner = ?
         AND (next_at IS NULL OR next_at <= ?) ORDER BY received_at LIMIT ?`,
    ).all(this.replicaId, now(), limit) as { event_id: string }[];
    return rows.map((r) => r.event_id);
  }

  /** The answer recorded for an event, if any. */
  answerForEvent(eventId: string): StoredAnswer | undefined {
    return this.one(
      AnswerRow,
      this.sql('SELECT * FROM answers WHERE event_id = ? ORDER BY rowid LIMIT 1').get(eventId),
    );
  }

  /**
   * Whether the database takes a write now: 16 KB (a few new pages, as an event with its answer needs),
   * committed through the WAL and removed again. Throws what SQLite throws (SQLITE_FULL, SQLITE_IOERR, …).
   */
  probeWrite(): void {
    this.db.transaction(() => {
      this.sql('INSERT OR REPLACE INTO health_probe (k, v) VALUES (1, randomblob(16384))').run();
      this.sql('DELETE FROM health_probe').run();
    })();
  }

  // ---- answers and threads ------------------------------------------------------------------------------

  /**
   * Records the intent to answer: the answer row, the thread's facts and (when given) the event id, all in
   * one transaction. Returns false, writing nothing, when the event id is already known (a retry).
   */
  recordAnswer(input: NewAnswer): boolean {
    return this.recordSerialized(serializeAnswer(input));
  }

  /**
   * `recordAnswer` for an answer already validated and serialised by `serializeAnswer` (the form the
   * background writer receives, so the answer is not validated or serialised a second time).
   */
  recordSerialized(a: SerializedAnswer): boolean {
    const t = now();
    return this.db.transaction(() => {
      if (a.eventId !== undefined) {
        // from `received` (recorded at the door) or new; an event already past that is a duplicate
        const r = this.sql(
          `INSERT INTO processed_events (event_id, kind, channel, ts, status, received_at, updated_at, owner, team)
             VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?)
             ON CONFLICT (event_id) DO UPDATE SET status = 'pending', detail = NULL, updated_at = excluded.updated_at
             WHERE processed_events.status = 'received'
               AND (processed_events.owner IS NULL OR processed_events.owner = ?)`,
        ).run(
          a.eventId,
          a.eventKind ?? 'event',
          a.channel,
          a.threadTs,
          t,
          t,
          this.replicaId,
          a.team ?? '',
          this.replicaId,
        );
        if (r.changes === 0) return false;
      }
      this.sql(
        `INSERT INTO answers (id, channel, thread_ts, user, question, answer, event_id, created_at, team)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        a.id,
        a.channel,
        a.threadTs,
        a.user,
        a.question,
        a.answerJson,
        a.eventId ?? null,
        t,
        a.team ?? '',
      );
      const turns = boundTurns([
        ...(this.getThread(a.channel, a.threadTs, a.team ?? '')?.turns ?? []),
        a.question,
      ]);
      this.sql(
        `INSERT INTO threads (team, channel, thread_ts, facts, turns, updated_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (team, channel, thread_ts) DO UPDATE SET facts = excluded.facts, turns = excluded.turns,
             updated_at = excluded.updated_at`,
      ).run(a.team ?? '', a.channel, a.threadTs, a.factsJson, JSON.stringify(turns), t);
      return true;
    })();
  }

  /** The answer reached Slack: remember its message ts and close the event. */
  markAnswerPosted(answerId: string, messageTs: string | undefined, eventId?: string): void {
    this.db.transaction(() => {
      this.sql('UPDATE answers SET message_ts = ? WHERE id = ?').run(messageTs ?? null, answerId);
      if (eventId !== undefined) this.finishEvent(eventId, 'answered');
    })();
  }

  /**
   * Answers recorded for an event that is still `pending` and never marked as posted: the process stopped
   * between recording and posting them. Oldest first.
   */
  pendingAnswers(before: string = now()): StoredAnswer[] {
    const raw = this.sql(
      `SELECT a.* FROM answers a JOIN processed_events e ON e.event_id = a.event_id
         WHERE e.status = 'pending' AND a.message_ts IS NULL AND a.created_at < ? ORDER BY a.created_at, a.rowid`,
    ).all(before);
    return rows(AnswerRow, raw, this.onBadRow);
  }

  /**
   * Events still `pending` from before `before` that have no stored answer (a refusal, a usage hint or a
   * relay interrupted by a crash): those whose envelope is kept go back to `received`, to be handled again;
   * the others cannot be finished and are closed as `failed` / `interrupted`. Returns how many were closed.
   */
  closeInterruptedEvents(before: string): number {
    const noAnswer = `status = 'pending' AND updated_at < ?
      AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.event_id = processed_events.event_id)`;
    return this.db.transaction(() => {
      this.sql(
        `UPDATE processed_events SET status = 'received', detail = 'redo', updated_at = ?
           WHERE ${noAnswer} AND body IS NOT NULL`,
      ).run(now(), before);
      return this.sql(
        `UPDATE processed_events SET status = 'failed', detail = 'interrupted', updated_at = ?
           WHERE ${noAnswer}`,
      ).run(now(), before).changes;
    })();
  }

  answerIdsSince(since: string): string[] {
    return (
      this.sql('SELECT id FROM answers WHERE created_at >= ? ORDER BY created_at, rowid').all(since) as {
        id: string;
      }[]
    ).map((r) => r.id);
  }

  answerJson(answerId: string): string | undefined {
    return (
      this.sql('SELECT answer FROM answers WHERE id = ?').get(answerId) as { answer: string } | undefined
    )?.answer;
  }

  getAnswer(answerId: string): StoredAnswer | undefined {
    return this.one(AnswerRow, this.sql('SELECT * FROM answers WHERE id = ?').get(answerId));
  }

  answersInThread(channel: string, threadTs: string, team = ''): StoredAnswer[] {
    const raw = this.sql(
      'SELECT * FROM answers WHERE team = ? AND channel = ? AND thread_ts = ? ORDER BY created_at, rowid',
    ).all(team, channel, threadTs);
    return rows(AnswerRow, raw, this.onBadRow);
  }

  getThread(channel: string, threadTs: string, team = ''): ThreadState | undefined {
    return this.one(
      ThreadRow,
      this.sql('SELECT * FROM threads WHERE team = ? AND channel = ? AND thread_ts = ?').get(
        team,
        channel,
        threadTs,
      ),
    );
  }

  /** Facts and earlier turns of a thread; empty for an unknown thread or a row that does not validate. */
  threadContext(channel: string, threadTs: string, team = ''): { facts: Facts; turns: string[] } {
    const t = this.getThread(channel, threadTs, team);
    return { facts: t?.facts ?? {}, turns: t?.turns ?? [] };
  }

  // ---- feedback -----------------------------------------------------------------------------------------

  /** Stores (or replaces) a person's vote on an answer; false when the answer is unknown. */
  recordFeedback(answerId: string, user: string, helpful: boolean): boolean {
    id.parse(user);
    return this.db.transaction(() => {
      if (this.sql('SELECT 1 FROM answers WHERE id = ?').get(answerId) === undefined) return false;
      this.sql(
        `INSERT INTO feedback (answer_id, user, helpful, created_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (answer_id, user) DO UPDATE SET helpful = excluded.helpful, created_at = excluded.created_at`,
      ).run(answerId, user, helpful ? 1 : 0, now());
      return true;
    })();
  }

  feedbackFor(answerId: string): Feedback[] {
    return rows(
      FeedbackRow,
      this.sql('SELECT * FROM feedback WHERE answer_id = ? ORDER BY created_at').all(answerId),
      this.onBadRow,
    );
  }

  // ---- cases --------------------------------------------------------------------------------------------

  getCase(caseId: number): Case | undefined {
    return this.one(CaseRow, this.sql('SELECT * FROM cases WHERE id = ?').get(caseId));
  }

  /** The unresolved case of a thread, if any (so a second click does not open a second case). */
  activeCaseForThread(channel: string, threadTs: string, team = ''): Case | undefined {
    return this.one(
      CaseRow,
      this.sql(
        `SELECT * FROM cases WHERE team = ? AND channel = ? AND thread_ts = ? AND status != 'resolved'
           ORDER BY id DESC LIMIT 1`,
      ).get(team, channel, threadTs),
    );
  }

  caseByAdviserPost(adviserChannel: string, adviserTs: string): Case | undefined {
    return this.one(
      CaseRow,
      this.sql('SELECT * FROM cases WHERE adviser_channel = ? AND adviser_ts = ?').get(
        adviserChannel,
        adviserTs,
      ),
    );
  }

  openCasesFor(user: string, team = ''): Case[] {
    return rows(
      CaseRow,
      this.sql(`SELECT * FROM cases WHERE team = ? AND asker = ? AND status != 'resolved' ORDER BY id`).all(
        team,
        user,
      ),
      this.onBadRow,
    );
  }

  /** Open or claimed cases opened before `before` that never reached the adviser channel. Oldest first. */
  unpostedCases(before: string = now()): Case[] {
    return rows(
      CaseRow,
      this.sql(
        `SELECT * FROM cases WHERE status != 'resolved' AND adviser_ts IS NULL AND created_at < ? ORDER BY id`,
      ).all(before),
      this.onBadRow,
    );
  }

  openCase(input: NewCase): Case {
    const c = {
      ...NewCaseFields.parse(input),
      answer: input.answer === undefined ? undefined : checkedAnswer(input.answer),
    };
    const t = now();
    const caseId = this.db.transaction(() => {
      const r = this.sql(
        `INSERT INTO cases (answer_id, asker, channel, thread_ts, question, facts, answer, status, created_at, updated_at, owner, team)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`,
      ).run(
        c.answerId ?? null,
        c.asker,
        c.channel,
        c.threadTs,
        c.question,
        JSON.stringify(c.facts),
        c.answer === undefined ? null : JSON.stringify(c.answer),
        t,
        t,
        this.replicaId,
        c.team ?? '',
      );
      const newId = Number(r.lastInsertRowid);
      this.insertCaseEvent(newId, 'opened', c.asker, null, t);
      return newId;
    })();
    return this.getCase(caseId)!;
  }

  setCasePost(caseId: number, adviserChannel: string, adviserTs: string, link?: string): void {
    const t = now();
    this.db.transaction(() => {
      this.sql(
        'UPDATE cases SET adviser_channel = ?, adviser_ts = ?, link = ?, updated_at = ? WHERE id = ?',
      ).run(adviserChannel, adviserTs, link ?? null, t, caseId);
      this.insertCaseEvent(caseId, 'posted', null, `${adviserChannel}/${adviserTs}`, t);
    })();
  }

  claimCase(caseId: number, adviser: string): CaseTransition {
    id.parse(adviser);
    const t = now();
    return this.db.transaction((): CaseTransition => {
      const c = this.getCase(caseId);
      if (c === undefined) return { ok: false, reason: 'unknown_case' };
      if (c.status === 'resolved') return { ok: false, reason: 'already_resolved', case: c };
      if (c.status === 'claimed' && c.claimed_by !== adviser)
        return { ok: false, reason: 'claimed_by_other', case: c };
      this.sql(`UPDATE cases SET status = 'claimed', claimed_by = ?, updated_at = ? WHERE id = ?`).run(
        adviser,
        t,
        caseId,
      );
      this.insertCaseEvent(caseId, 'claimed', adviser, null, t);
      return { ok: true, case: this.getCase(caseId)! };
    })();
  }

  resolveCase(caseId: number, adviser: string): CaseTransition {
    id.parse(adviser);
    const t = now();
    return this.db.transaction((): CaseTransition => {
      const c = this.getCase(caseId);
      if (c === undefined) return { ok: false, reason: 'unknown_case' };
      if (c.status === 'resolved') return { ok: false, reason: 'already_resolved', case: c };
      this.sql(
        `UPDATE cases SET status = 'resolved', claimed_by = COALESCE(claimed_by, ?), updated_at = ? WHERE id = ?`,
      ).run(adviser, t, caseId);
      this.insertCaseEvent(caseId, 'resolved', adviser, null, t);
      return { ok: true, case: this.getCase(caseId)! };
    })();
  }

  addCaseEvent(caseId: number, kind: string, actor: string | null, detail: string | null, at = now()): void {
    this.insertCaseEvent(caseId, kind, actor, detail, at);
  }

  caseEvents(caseId: number): CaseEvent[] {
    return rows(
      CaseEventRow,
      this.sql('SELECT * FROM case_events WHERE case_id = ? ORDER BY id').all(caseId),
      this.onBadRow,
    );
  }

  // ---- replicas and leases (see bot/store/api.ts) ----------------------------------------------------------

  heartbeat(): void {
    const t = now();
    this.sql(
      `INSERT INTO replicas (id, started_at, heartbeat_at) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at`,
    ).run(this.replicaId, t, t);
  }

  takeOver(o: { leaseMs: number; exclusive?: boolean; limit?: number }): TakenOver {
    const me = this.replicaId;
    const cutoff = new Date(Date.now() - o.leaseMs).toISOString();
    const limit = o.limit ?? 10_000;
    const dead = o.exclusive
      ? `owner IS NULL OR owner != @me`
      : `owner IS NULL OR (owner != @me AND owner NOT IN (SELECT id FROM replicas WHERE heartbeat_at >= @cutoff))`;
    return this.db.transaction((): TakenOver => {
      const events = this.sql(
        `UPDATE processed_events SET owner = @me
           WHERE event_id IN (SELECT event_id FROM processed_events
             WHERE status IN ('received', 'pending') AND (${dead}) ORDER BY received_at LIMIT @limit)
           RETURNING event_id, status`,
      ).all({ me, cutoff, limit }) as TakenOver['events'];
      const cases = (
        this.sql(
          `UPDATE cases SET owner = @me
             WHERE id IN (SELECT id FROM cases WHERE status != 'resolved' AND adviser_ts IS NULL AND (${dead})
               ORDER BY id LIMIT @limit)
             RETURNING id`,
        ).all({ me, cutoff, limit }) as { id: number }[]
      ).map((r) => r.id);
      if (o.exclusive) this.sql('DELETE FROM replicas WHERE id != ?').run(me);
      else this.sql('DELETE FROM replicas WHERE heartbeat_at < ?').run(cutoff);
      events.sort((a, b) => (a.event_id < b.event_id ? -1 : 1));
      return { events, cases: cases.sort((a, b) => a - b) };
    })();
  }

  release(): number {
    return this.db.transaction(() => {
      const n = this.sql(
        `UPDATE processed_events SET owner = NULL WHERE owner = ? AND status IN ('received', 'pending')`,
      ).run(this.replicaId).changes;
      this.sql('UPDATE cases SET owner = NULL WHERE owner = ? AND adviser_ts IS NULL').run(this.replicaId);
      this.sql('DELETE FROM replicas WHERE id = ?').run(this.replicaId);
      return n;
    })();
  }

  // ---- installations ---------------------------------------------------------------------------------------

  saveInstallation(i: InstallationRow): void {
    this.sql(
      `INSERT INTO installations (workspace, team_id, enterprise_id, is_enterprise_install, data, updated_at)
         VALUES (@workspace, @team_id, @enterprise_id, @is_enterprise_install, @data, @updated_at)
         ON CONFLICT (workspace) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id,
           is_enterprise_install = excluded.is_enterprise_install, data = excluded.data, updated_at = excluded.updated_at`,
    ).run(i);
  }

  findInstallation(workspace: string): InstallationRow | undefined {
    return this.sql('SELECT * FROM installations WHERE workspace = ?').get(workspace) as
      | InstallationRow
      | undefined;
  }

  deleteInstallation(workspace: string): void {
    this.sql('DELETE FROM installations WHERE workspace = ?').run(workspace);
  }

  // ---- audit ------------------------------------------------------------------------------------------------

  recordAudit(e: NewAuditEvent, at: string = now()): void {
    this.sql(
      `INSERT INTO audit_events (kind, actor, channel, thread_ts, answer_id, case_id, detail, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      e.kind,
      e.actor,
      e.channel ?? null,
      e.threadTs ?? null,
      e.answerId ?? null,
      e.caseId ?? null,
      e.detail ?? null,
      at,
    );
  }

  auditRows(o: { since: string; until: string; user: string | null }): AuditRows {
    const args = [o.since, o.until, o.user, o.user];
    return {
      answers: this.sql(
        `SELECT id, channel, thread_ts, user, answer, created_at FROM answers
           WHERE created_at >= ? AND created_at < ? AND (? IS NULL OR user = ?)`,
      ).all(...args) as AuditRows['answers'],
      caseEvents: this.sql(
        `SELECT e.kind, e.actor, e.detail, e.created_at, c.id AS case_id, c.channel, c.thread_ts, c.answer_id
           FROM case_events e JOIN cases c ON c.id = e.case_id
           WHERE e.created_at >= ? AND e.created_at < ? AND (? IS NULL OR e.actor = ?)`,
      ).all(...args) as AuditRows['caseEvents'],
      votes: this.sql(
        `SELECT f.answer_id, f.user, f.helpful, f.created_at, a.channel, a.thread_ts
           FROM feedback f JOIN answers a ON a.id = f.answer_id
           WHERE f.created_at >= ? AND f.created_at < ? AND (? IS NULL OR f.user = ?)`,
      ).all(...args) as AuditRows['votes'],
      own: this.sql(
        `SELECT kind, actor, channel, thread_ts, answer_id, case_id, detail, created_at FROM audit_events
           WHERE created_at >= ? AND created_at < ? AND (? IS NULL OR actor = ?)`,
      ).all(...args) as AuditRows['own'],
    };
  }

  correctionDetails(answerIds: readonly string[]): (string | null)[] {
    if (answerIds.length === 0) return [];
    return (
      this.db
        .prepare(
          `SELECT detail FROM audit_events WHERE kind = 'corrected' AND answer_id IN (${answerIds.map(() => '?').join(', ')})
             ORDER BY created_at, id`,
        )
        .all(...answerIds) as { detail: string | null }[]
    ).map((r) => r.detail);
  }

  // ---- copying between engines ------------------------------------------------------------------------------

  dumpTable(table: CopyTable): Record<string, unknown>[] {
    return this.db.prepare(`SELECT * FROM ${table} ORDER BY ${COPY_ORDER[table]}`).all() as Record<
      string,
      unknown
    >[];
  }

  loadTable(table: CopyTable, rowsIn: Record<string, unknown>[]): void {
    if (rowsIn.length === 0) return;
    const cols = Object.keys(rowsIn[0]!);
    const st = this.db.prepare(
      `INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
    );
    this.db.transaction(() => {
      for (const r of rowsIn) st.run(r);
    })();
  }

  countRows(table: CopyTable): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }

  // ---- retention ----------------------------------------------------------------------------------------

  /**
   * Deletes, in one transaction, what is older than `days` days: processed events and threads last updated
   * before then, answers and votes given before then (an answer a kept case refers to stays, with its votes),
   * and resolved cases closed before then with their history. Open and claimed cases are kept. `days` 0 keeps
   * everything. A dry run counts the same rows and rolls back.
   */
  purge(days: number, o: { dryRun?: boolean; now?: Date } = {}): PurgeCounts {
    const d = z.number().int().min(0).parse(days);
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
    if (d === 0) return zero;
    const cutoff = new Date((o.now ?? new Date()).getTime() - d * DAY_MS).toISOString();
    const run = this.db.transaction((): PurgeCounts => {
      const del = (sql: string, ...args: unknown[]) => this.sql(sql).run(...args).changes;
      const oldCases = `SELECT id FROM cases WHERE status = 'resolved' AND updated_at < ?`;
      const counts: PurgeCounts = { ...zero };
      counts.case_events = del(`DELETE FROM case_events WHERE case_id IN (${oldCases})`, cutoff);
      counts.cases = del(`DELETE FROM cases WHERE id IN (${oldCases})`, cutoff);
      const oldAnswers = `SELECT id FROM answers WHERE created_at < ?
        AND id NOT IN (SELECT answer_id FROM cases WHERE answer_id IS NOT NULL)`;
      // the reasons go with the votes (store/feedback-reasons.ts): an answer is never deleted before them
      counts.feedback_reasons = del(
        `DELETE FROM feedback_reasons WHERE answer_id IN (${oldAnswers})
           OR (created_at < ? AND answer_id NOT IN (SELECT answer_id FROM cases WHERE answer_id IS NOT NULL))`,
        cutoff,
        cutoff,
      );
      counts.feedback = del(
        `DELETE FROM feedback WHERE answer_id IN (${oldAnswers})
           OR (created_at < ? AND answer_id NOT IN (SELECT answer_id FROM cases WHERE answer_id IS NOT NULL))`,
        cutoff,
        cutoff,
      );
      counts.answers = del(`DELETE FROM answers WHERE id IN (${oldAnswers})`, cutoff);
      counts.threads = del('DELETE FROM threads WHERE updated_at < ?', cutoff);
      counts.processed_events = del('DELETE FROM processed_events WHERE updated_at < ?', cutoff);
      counts.audit_events = del('DELETE FROM audit_events WHERE created_at < ?', cutoff);
      counts.assistant_threads = del('DELETE FROM assistant_threads WHERE updated_at < ?', cutoff);
      if (o.dryRun) throw new DryRunRollback(counts);
      return counts;
    });
    try {
      return run();
    } catch (e) {
      if (e instanceof DryRunRollback) return e.counts;
      throw e;
    }
  }

  private insertCaseEvent(
    caseId: number,
    kind: string,
    actor: string | null,
    detail: string | null,
    t: string,
  ) {
    this.sql('INSERT INTO case_events (case_id, kind, actor, detail, created_at) VALUES (?, ?, ?, ?, ?)').run(
      caseId,
      kind,
      actor,
      detail,
      t,
    );
  }
}
