/**
 * The audit log: who asked, in which channel (Slack ids, never names), what was answered, who escalated,
 * claimed, closed or corrected, who voted and who filed a memo. Most of it is what the store keeps anyway
 * (answers, feedback, case history); what nothing else records (memo requests, corrections) goes into
 * `audit_events`. Everything here is removed by the same retention rule as the rest (`Store.purge`).
 */
import type { AdvisorStore } from './api.js';

/** The kinds, in the order a case's life takes them: what happened in the same millisecond is listed so. */
export const AUDIT_KINDS = [
  'answered',
  'corrected',
  'feedback_helpful',
  'feedback_not_helpful',
  'escalated',
  'case_posted',
  'claimed',
  'asker_message',
  'adviser_reply',
  'closed',
  'memo',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditEvent {
  at: string;
  kind: string;
  user: string | null;
  channel: string | null;
  thread_ts: string | null;
  answer_id: string | null;
  case_id: number | null;
  verdict: string | null;
  direct_answer: string | null;
  refs: string | null;
  knowledge: string | null;
  detail: string | null;
}

/** What a record of a request adds (a memo asked for, facts corrected). */
export interface NewAuditEvent {
  kind: 'memo' | 'corrected' | (string & {});
  actor: string;
  channel?: string | undefined;
  threadTs?: string | undefined;
  answerId?: string | undefined;
  caseId?: number | undefined;
  detail?: string | undefined;
}

export async function recordAudit(
  store: AdvisorStore,
  e: NewAuditEvent,
  at: string = new Date().toISOString(),
): Promise<void> {
  await store.recordAudit(e, at);
}

/** Case history kinds as the audit log names them. */
const CASE_KIND: Record<string, string> = {
  opened: 'escalated',
  posted: 'case_posted',
  claimed: 'claimed',
  resolved: 'closed',
};

interface AnswerSummary {
  verdict: string | null;
  direct_answer: string | null;
  refs: string | null;
  knowledge: string | null;
}

function summary(json: string): AnswerSummary {
  try {
    const a = JSON.parse(json) as {
      verdict?: unknown;
      direct_answer?: unknown;
      citations?: { ref?: unknown }[];
      provenance?: { knowledge?: unknown };
    };
    return {
      verdict: typeof a.verdict === 'string' ? a.verdict : null,
      direct_answer: typeof a.direct_answer === 'string' ? a.direct_answer : null,
      refs: Array.isArray(a.citations)
        ? a.citations.map((c) => (typeof c?.ref === 'string' ? c.ref : '')).join('; ')
        : null,
      knowledge: typeof a.provenance?.knowledge === 'string' ? a.provenance.knowledge : null,
    };
  } catch {
    return { verdict: null, direct_answer: null, refs: null, knowledge: null };
  }
}

const NONE: AnswerSummary = { verdict: null, direct_answer: null, refs: null, knowledge: null };

/**
 * Every audit event from `since` (inclusive, an ISO date or time) to `until` (exclusive), oldest first;
 * only those of `user` (as asker, actor or voter) when given.
 */
export async function auditEvents(
  store: AdvisorStore,
  o: { since: string; until?: string; user?: string },
): Promise<AuditEvent[]> {
  const rows = await store.auditRows({ since: o.since, until: o.until ?? '9999', user: o.user ?? null });
  const out: AuditEvent[] = [];
  const { answers, caseEvents, votes, own } = rows;
  for (const a of answers)
    out.push({
      at: a.created_at,
      kind: 'answered',
      user: a.user,
      channel: a.channel,
      thread_ts: a.thread_ts,
      answer_id: a.id,
      case_id: null,
      ...summary(a.answer),
      detail: null,
    });
  for (const e of caseEvents)
    out.push({
      at: e.created_at,
      kind: CASE_KIND[e.kind] ?? e.kind,
      user: e.actor,
      channel: e.channel,
      thread_ts: e.thread_ts,
      answer_id: e.answer_id,
      case_id: e.case_id,
      ...NONE,
      // what a relayed message said is the conversation, not its record
      detail: e.kind === 'posted' || e.kind === 'post_failed' ? e.detail : null,
    });
  for (const v of votes)
    out.push({
      at: v.created_at,
      kind: v.helpful ? 'feedback_helpful' : 'feedback_not_helpful',
      user: v.user,
      channel: v.channel,
      thread_ts: v.thread_ts,
      answer_id: v.answer_id,
      case_id: null,
      ...NONE,
      detail: null,
    });
  for (const e of own)
    out.push({
      at: e.created_at,
      kind: e.kind,
      user: e.actor,
      channel: e.channel,
      thread_ts: e.thread_ts,
      answer_id: e.answer_id,
      case_id: e.case_id,
      ...NONE,
      detail: e.detail,
    });
  const order = (k: string) => AUDIT_KINDS.indexOf(k as AuditKind);
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : order(a.kind) - order(b.kind)));
}

export const AUDIT_COLUMNS = [
  'at',
  'kind',
  'user',
  'channel',
  'thread_ts',
  'answer_id',
  'case_id',
  'verdict',
  'direct_answer',
  'refs',
  'knowledge',
  'detail',
] as const satisfies readonly (keyof AuditEvent)[];

/** One CSV field (RFC 4180); a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function auditCsv(events: AuditEvent[]): string {
  const lines = [AUDIT_COLUMNS.join(',')];
  for (const e of events) lines.push(AUDIT_COLUMNS.map((c) => csvField(e[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The facts people set by a correction (a form) for the answers of a thread up to `answerId`, merged in
 * order: no turn says them, so a replay of those answers must be given them.
 */
export async function correctionsFor(
  store: AdvisorStore,
  answerIds: readonly string[],
): Promise<Record<string, unknown>> {
  if (answerIds.length === 0) return {};
  const details = await store.correctionDetails(answerIds);
  let out: Record<string, unknown> = {};
  for (const detail of details) {
    try {
      const facts = JSON.parse(detail ?? '{}') as unknown;
      if (facts && typeof facts === 'object' && !Array.isArray(facts)) out = { ...out, ...facts };
    } catch {
      // not a facts record
    }
  }
  return out;
}
