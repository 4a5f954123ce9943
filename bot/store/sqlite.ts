/**
 * The embedded engine behind the store interface: the synchronous `Store` (better-sqlite3, bot/store/index.ts)
 * with every method resolving at once. One process per file: its leases are taken over exclusively at start.
 */
import { join } from 'node:path';
import type { AdvisorStore, AuditRows, CopyTable, InstallationRow, TakenOver } from './api.js';
import {
  type AssistantContext,
  assistantThread,
  claimAssistantTitle,
  saveAssistantContext,
  startAssistantThread,
} from './assistant-threads.js';
import type { NewAuditEvent } from './audit.js';
import { damage } from './db.js';
import { casesClaimedBy, casesDueReminder, deskFigures, openCasesOldestFirst } from './desk.js';
import { feedbackReasonsFor, type NewFeedbackReason, recordFeedbackReason } from './feedback-reasons.js';
import type { EventStatus, NewAnswer, NewCase, ReceivedEvent, SerializedAnswer } from './index.js';
import { Store } from './index.js';

export class SqliteStore implements AdvisorStore {
  readonly engine = 'sqlite' as const;
  readonly where: string;

  constructor(
    readonly sync: Store,
    where = sync.db.name,
  ) {
    this.where = where;
  }

  static open(dataDir: string, onBadRow?: (why: string) => void): SqliteStore {
    return new SqliteStore(Store.open(dataDir, onBadRow), join(dataDir, 'advisor.sqlite'));
  }

  get replicaId(): string {
    return this.sync.replicaId;
  }

  isOpen(): boolean {
    return this.sync.db.open;
  }
  async close(): Promise<void> {
    this.sync.close();
  }
  async probeWrite(): Promise<void> {
    this.sync.probeWrite();
  }
  async damage(): Promise<string | undefined> {
    return damage(this.sync.db);
  }

  async heartbeat(): Promise<void> {
    this.sync.heartbeat();
  }
  async takeOver(o: { leaseMs: number; exclusive?: boolean; limit?: number }): Promise<TakenOver> {
    return this.sync.takeOver(o);
  }
  async release(): Promise<number> {
    return this.sync.release();
  }

  async getEvent(eventId: string) {
    return this.sync.getEvent(eventId);
  }
  async hasEvent(eventId: string) {
    return this.sync.hasEvent(eventId);
  }
  async isHandled(eventId: string) {
    return this.sync.isHandled(eventId);
  }
  async receiveEvent(e: ReceivedEvent) {
    return this.sync.receiveEvent(e);
  }
  async claimEvent(e: {
    eventId: string;
    kind: string;
    channel?: string;
    ts?: string;
    status: EventStatus;
    team?: string;
  }) {
    return this.sync.claimEvent(e);
  }
  async finishEvent(eventId: string, status: EventStatus, detail?: string) {
    this.sync.finishEvent(eventId, status, detail);
  }
  async deferEvent(eventId: string, nextAt: string, detail: string) {
    return this.sync.deferEvent(eventId, nextAt, detail);
  }
  async noteEvent(eventId: string, detail: string) {
    this.sync.noteEvent(eventId, detail);
  }
  async openEvents(limit?: number) {
    return this.sync.openEvents(limit);
  }
  async dueEvents(limit: number) {
    return this.sync.dueEvents(limit);
  }
  async answerForEvent(eventId: string) {
    return this.sync.answerForEvent(eventId);
  }

  async recordAnswer(input: NewAnswer) {
    return this.sync.recordAnswer(input);
  }
  async recordSerialized(a: SerializedAnswer) {
    return this.sync.recordSerialized(a);
  }
  async markAnswerPosted(answerId: string, messageTs: string | undefined, eventId?: string) {
    this.sync.markAnswerPosted(answerId, messageTs, eventId);
  }
  async pendingAnswers(before?: string) {
    return this.sync.pendingAnswers(before);
  }
  async closeInterruptedEvents(before: string) {
    return this.sync.closeInterruptedEvents(before);
  }
  async getAnswer(answerId: string) {
    return this.sync.getAnswer(answerId);
  }
  async answerIdsSince(since: string) {
    return this.sync.answerIdsSince(since);
  }
  async answerJson(answerId: string) {
    return this.sync.answerJson(answerId);
  }
  async answersInThread(channel: string, threadTs: string, team?: string) {
    return this.sync.answersInThread(channel, threadTs, team);
  }
  async getThread(channel: string, threadTs: string, team?: string) {
    return this.sync.getThread(channel, threadTs, team);
  }
  async threadContext(channel: string, threadTs: string, team?: string) {
    return this.sync.threadContext(channel, threadTs, team);
  }

  async recordFeedback(answerId: string, user: string, helpful: boolean) {
    return this.sync.recordFeedback(answerId, user, helpful);
  }
  async feedbackFor(answerId: string) {
    return this.sync.feedbackFor(answerId);
  }

  async getCase(caseId: number) {
    return this.sync.getCase(caseId);
  }
  async activeCaseForThread(channel: string, threadTs: string, team?: string) {
    return this.sync.activeCaseForThread(channel, threadTs, team);
  }
  async caseByAdviserPost(adviserChannel: string, adviserTs: string) {
    return this.sync.caseByAdviserPost(adviserChannel, adviserTs);
  }
  async openCasesFor(user: string, team?: string) {
    return this.sync.openCasesFor(user, team);
  }
  async unpostedCases(before?: string) {
    return this.sync.unpostedCases(before);
  }
  async openCase(input: NewCase) {
    return this.sync.openCase(input);
  }
  async setCasePost(caseId: number, adviserChannel: string, adviserTs: string, link?: string) {
    this.sync.setCasePost(caseId, adviserChannel, adviserTs, link);
  }
  async claimCase(caseId: number, adviser: string) {
    return this.sync.claimCase(caseId, adviser);
  }
  async resolveCase(caseId: number, adviser: string) {
    return this.sync.resolveCase(caseId, adviser);
  }
  async addCaseEvent(caseId: number, kind: string, actor: string | null, detail: string | null, at?: string) {
    this.sync.addCaseEvent(caseId, kind, actor, detail, at);
  }
  async caseEvents(caseId: number) {
    return this.sync.caseEvents(caseId);
  }

  async lastAnswerJsonOf(user: string, team = '') {
    const r = this.sync.db
      .prepare(
        'SELECT answer FROM answers WHERE user = ? AND team = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
      )
      .get(user, team) as { answer: string } | undefined;
    return r?.answer;
  }

  async recordFeedbackReason(input: NewFeedbackReason, at?: string) {
    return recordFeedbackReason(this.sync, input, at);
  }
  async feedbackReasonsFor(answerId: string) {
    return feedbackReasonsFor(this.sync, answerId);
  }

  async startAssistantThread(t: {
    team?: string;
    channel: string;
    threadTs: string;
    user: string;
    context: AssistantContext;
  }) {
    startAssistantThread(this.sync, t);
  }
  async assistantThread(channel: string, threadTs: string, team?: string) {
    return assistantThread(this.sync, channel, threadTs, team);
  }
  async saveAssistantContext(channel: string, threadTs: string, context: AssistantContext, team?: string) {
    return saveAssistantContext(this.sync, channel, threadTs, context, team);
  }
  async claimAssistantTitle(channel: string, threadTs: string, team?: string) {
    return claimAssistantTitle(this.sync, channel, threadTs, team);
  }

  async openCasesOldestFirst(limit?: number) {
    return openCasesOldestFirst(this.sync, limit);
  }
  async casesClaimedBy(adviser: string, limit?: number) {
    return casesClaimedBy(this.sync, adviser, limit);
  }
  async deskFigures(period: { since: string; until: string }, top?: number) {
    return deskFigures(this.sync, period, top);
  }
  async casesDueReminder(before: string, limit?: number) {
    return casesDueReminder(this.sync, before, limit);
  }

  async saveInstallation(i: InstallationRow) {
    this.sync.saveInstallation(i);
  }
  async findInstallation(workspace: string) {
    return this.sync.findInstallation(workspace);
  }
  async deleteInstallation(workspace: string) {
    this.sync.deleteInstallation(workspace);
  }

  async recordAudit(e: NewAuditEvent, at?: string) {
    this.sync.recordAudit(e, at);
  }
  async auditRows(o: { since: string; until: string; user: string | null }): Promise<AuditRows> {
    return this.sync.auditRows(o);
  }
  async correctionDetails(answerIds: readonly string[]) {
    return this.sync.correctionDetails(answerIds);
  }
  async purge(days: number, o?: { dryRun?: boolean; now?: Date }) {
    return this.sync.purge(days, o);
  }

  async dumpTable(table: CopyTable) {
    return this.sync.dumpTable(table);
  }
  async loadTable(table: CopyTable, rows: Record<string, unknown>[]) {
    this.sync.loadTable(table, rows);
  }
  async countRows(table: CopyTable) {
    return this.sync.countRows(table);
  }
}
