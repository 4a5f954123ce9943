/**
 * The store as the bot sees it: one interface, two engines.
 * - `sqlite` (bot/store/sqlite.ts): the embedded default, better-sqlite3 in DATA_DIR, one process.
 * - `postgres` (bot/store/postgres.ts): `DATABASE_URL=postgres://…`, through kysely + pg, for two or more
 *   replicas on one database.
 * Both pass the same tests (test/store/engines.test.ts). Every method is asynchronous (the embedded engine
 * answers at once, PostgreSQL over the network); a write resolves once it is committed.
 *
 * Replicas and leases: each process is a replica with its own id (`replicaId`), and heartbeats its row in
 * `replicas`. An event recorded at the door belongs to the replica that recorded it (`owner`); a replica whose
 * heartbeat is older than the lease is dead, and `takeOver` hands its open events (and unposted cases) to the
 * caller, once (a row is moved by one UPDATE, so two replicas never both take it). A replica that stops cleanly
 * hands its open work back (`release`), so another takes it at once.
 */

import type { Facts } from '../../guardrails/facts.js';
import type { AssistantContext, AssistantThread } from './assistant-threads.js';
import type { NewAuditEvent } from './audit.js';
import type { Figures } from './desk.js';
import type { NewFeedbackReason, StoredFeedbackReason } from './feedback-reasons.js';
import type {
  Case,
  CaseEvent,
  CaseTransition,
  EventStatus,
  Feedback,
  NewAnswer,
  NewCase,
  ProcessedEvent,
  PurgeCounts,
  ReceivedEvent,
  SerializedAnswer,
  StoredAnswer,
  ThreadState,
} from './index.js';

export type Engine = 'sqlite' | 'postgres';

/** One workspace's (or one organisation's) installation of the app: Bolt's Installation as JSON in `data`. */
export interface InstallationRow {
  /** `T…` of a workspace, or `E…` of an organisation-wide installation. */
  workspace: string;
  team_id: string | null;
  enterprise_id: string | null;
  is_enterprise_install: number;
  data: string;
  updated_at: string;
}

/** What the audit log reads (bot/store/audit.ts puts it together). */
export interface AuditRows {
  answers: {
    id: string;
    channel: string;
    thread_ts: string;
    user: string;
    answer: string;
    created_at: string;
  }[];
  caseEvents: {
    kind: string;
    actor: string | null;
    detail: string | null;
    created_at: string;
    case_id: number;
    channel: string;
    thread_ts: string;
    answer_id: string | null;
  }[];
  votes: {
    answer_id: string;
    user: string;
    helpful: number;
    created_at: string;
    channel: string;
    thread_ts: string;
  }[];
  own: {
    kind: string;
    actor: string;
    channel: string | null;
    thread_ts: string | null;
    answer_id: string | null;
    case_id: number | null;
    detail: string | null;
    created_at: string;
  }[];
}

/** Work a replica took over from a dead one (or, at an exclusive start, from the last process). */
export interface TakenOver {
  events: { event_id: string; status: EventStatus }[];
  cases: number[];
}

export interface AdvisorStore {
  readonly engine: Engine;
  /** This process's id as a replica (the owner of what it records). */
  readonly replicaId: string;
  /** Where the data lives, for messages (a file, or the URL without its password). */
  readonly where: string;

  // ---- life --------------------------------------------------------------------------------------------
  isOpen(): boolean;
  close(): Promise<void>;
  /** Whether the database takes a write now; throws what the engine throws. */
  probeWrite(): Promise<void>;
  /** Damage found by the engine's own check (SQLite's quick_check), or undefined. */
  damage(): Promise<string | undefined>;

  // ---- replicas and leases -----------------------------------------------------------------------------
  /** Marks this replica alive (now). */
  heartbeat(): Promise<void>;
  /**
   * Takes the open events and unposted cases of replicas whose heartbeat is older than `leaseMs` (or that
   * have no owner); with `exclusive` (one process on the database: SQLite), of every other replica.
   */
  takeOver(o: { leaseMs: number; exclusive?: boolean; limit?: number }): Promise<TakenOver>;
  /** Hands this replica's open work back (owner cleared) and removes its heartbeat. */
  release(): Promise<number>;

  // ---- events ------------------------------------------------------------------------------------------
  getEvent(eventId: string): Promise<ProcessedEvent | undefined>;
  hasEvent(eventId: string): Promise<boolean>;
  isHandled(eventId: string): Promise<boolean>;
  receiveEvent(e: ReceivedEvent): Promise<'recorded' | 'known'>;
  claimEvent(e: {
    eventId: string;
    kind: string;
    channel?: string;
    ts?: string;
    status: EventStatus;
    team?: string;
  }): Promise<boolean>;
  finishEvent(eventId: string, status: EventStatus, detail?: string): Promise<void>;
  deferEvent(eventId: string, nextAt: string, detail: string): Promise<number>;
  noteEvent(eventId: string, detail: string): Promise<void>;
  openEvents(limit?: number): Promise<ProcessedEvent[]>;
  /**
   * The ids of this replica's open events that are due (no retry time still ahead), oldest first: what the
   * inbox reads back when more events arrived than it keeps in memory (bot/slack/inbox.ts).
   */
  dueEvents(limit: number): Promise<string[]>;
  answerForEvent(eventId: string): Promise<StoredAnswer | undefined>;

  // ---- answers and threads -----------------------------------------------------------------------------
  recordAnswer(input: NewAnswer): Promise<boolean>;
  recordSerialized(a: SerializedAnswer): Promise<boolean>;
  markAnswerPosted(answerId: string, messageTs: string | undefined, eventId?: string): Promise<void>;
  pendingAnswers(before?: string): Promise<StoredAnswer[]>;
  closeInterruptedEvents(before: string): Promise<number>;
  getAnswer(answerId: string): Promise<StoredAnswer | undefined>;
  /** Ids of the answers given since `since` (ISO), oldest first (`npm run replay`). */
  answerIdsSince(since: string): Promise<string[]>;
  /** An answer as it is stored (JSON text), without validating it. */
  answerJson(answerId: string): Promise<string | undefined>;
  /** A thread is its workspace's (`team`: the team id; '' for the one workspace of a single bot token). */
  answersInThread(channel: string, threadTs: string, team?: string): Promise<StoredAnswer[]>;
  getThread(channel: string, threadTs: string, team?: string): Promise<ThreadState | undefined>;
  threadContext(channel: string, threadTs: string, team?: string): Promise<{ facts: Facts; turns: string[] }>;

  // ---- feedback ----------------------------------------------------------------------------------------
  recordFeedback(answerId: string, user: string, helpful: boolean): Promise<boolean>;
  feedbackFor(answerId: string): Promise<Feedback[]>;

  // ---- cases -------------------------------------------------------------------------------------------
  getCase(caseId: number): Promise<Case | undefined>;
  activeCaseForThread(channel: string, threadTs: string, team?: string): Promise<Case | undefined>;
  caseByAdviserPost(adviserChannel: string, adviserTs: string): Promise<Case | undefined>;
  openCasesFor(user: string, team?: string): Promise<Case[]>;
  unpostedCases(before?: string): Promise<Case[]>;
  openCase(input: NewCase): Promise<Case>;
  setCasePost(caseId: number, adviserChannel: string, adviserTs: string, link?: string): Promise<void>;
  claimCase(caseId: number, adviser: string): Promise<CaseTransition>;
  resolveCase(caseId: number, adviser: string): Promise<CaseTransition>;
  addCaseEvent(
    caseId: number,
    kind: string,
    actor: string | null,
    detail: string | null,
    at?: string,
  ): Promise<void>;
  caseEvents(caseId: number): Promise<CaseEvent[]>;

  /** The answer (JSON text) last given to a person in a workspace, or undefined. */
  lastAnswerJsonOf(user: string, team?: string): Promise<string | undefined>;

  // ---- why an answer was rated down (bot/store/feedback-reasons.ts) --------------------------------------
  /** False, writing nothing, when the answer is unknown; bad input throws a ZodError. */
  recordFeedbackReason(input: NewFeedbackReason, at?: string): Promise<boolean>;
  feedbackReasonsFor(answerId: string): Promise<StoredFeedbackReason[]>;

  // ---- the assistant pane's threads (bot/store/assistant-threads.ts); keyed by workspace too -----------
  startAssistantThread(t: {
    team?: string;
    channel: string;
    threadTs: string;
    user: string;
    context: AssistantContext;
  }): Promise<void>;
  assistantThread(channel: string, threadTs: string, team?: string): Promise<AssistantThread | undefined>;
  saveAssistantContext(
    channel: string,
    threadTs: string,
    context: AssistantContext,
    team?: string,
  ): Promise<boolean>;
  claimAssistantTitle(channel: string, threadTs: string, team?: string): Promise<boolean>;

  // ---- the adviser desk (bot/store/desk.ts) ------------------------------------------------------------
  openCasesOldestFirst(limit?: number): Promise<Case[]>;
  casesClaimedBy(adviser: string, limit?: number): Promise<Case[]>;
  deskFigures(period: { since: string; until: string }, top?: number): Promise<Figures>;
  casesDueReminder(before: string, limit?: number): Promise<Case[]>;

  // ---- installations (many workspaces, bot/slack/oauth.ts) ----------------------------------------------
  saveInstallation(i: InstallationRow): Promise<void>;
  findInstallation(workspace: string): Promise<InstallationRow | undefined>;
  deleteInstallation(workspace: string): Promise<void>;

  // ---- audit and retention -----------------------------------------------------------------------------
  recordAudit(e: NewAuditEvent, at?: string): Promise<void>;
  auditRows(o: { since: string; until: string; user: string | null }): Promise<AuditRows>;
  /** The `detail` of `corrected` audit records of these answers, oldest first. */
  correctionDetails(answerIds: readonly string[]): Promise<(string | null)[]>;
  purge(days: number, o?: { dryRun?: boolean; now?: Date }): Promise<PurgeCounts>;

  // ---- moving data between engines (npm run store:copy) ------------------------------------------------
  /** Every row of a table, in key order, as plain values. */
  dumpTable(table: CopyTable): Promise<Record<string, unknown>[]>;
  /** Inserts rows into an empty table (ids kept; sequences moved past them). */
  loadTable(table: CopyTable, rows: Record<string, unknown>[]): Promise<void>;
  /** Rows per table. */
  countRows(table: CopyTable): Promise<number>;
}

/** The tables `store:copy` moves, parents before children. */
export const COPY_TABLES = [
  'processed_events',
  'threads',
  'answers',
  'feedback',
  'cases',
  'case_events',
  'audit_events',
  'installations',
  'feedback_reasons',
  'assistant_threads',
] as const;
export type CopyTable = (typeof COPY_TABLES)[number];
