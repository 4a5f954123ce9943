/**
 * What the adviser desk reads (App Home for members of the adviser channel, `npm run report`, and the
 * reminders of unclaimed cases): the open cases oldest first, an adviser's own cases, the figures of a
 * period, and the cases due to be announced again. Reads only, on the tables the store already has (plus
 * `feedback_reasons`); kept apart from the Store class so another store can port them one by one.
 */
import { VERDICTS } from '../../guardrails/contract.js';
import { FEEDBACK_REASONS, type FeedbackReason } from './feedback-reasons.js';
import type { Case, Store } from './index.js';

/** Cases still open (nobody has claimed them), oldest first. */
export function openCasesOldestFirst(store: Store, limit = 50): Case[] {
  return casesWhere(store, `status = 'open' ORDER BY created_at, id LIMIT ?`, limit);
}

/** The cases an adviser has claimed and not closed, oldest first. */
export function casesClaimedBy(store: Store, adviser: string, limit = 50): Case[] {
  return casesWhere(
    store,
    `status = 'claimed' AND claimed_by = ? ORDER BY created_at, id LIMIT ?`,
    adviser,
    limit,
  );
}

function casesWhere(store: Store, where: string, ...args: unknown[]): Case[] {
  const ids = store.db.prepare(`SELECT id FROM cases WHERE ${where}`).all(...args) as { id: number }[];
  return ids.flatMap((r) => {
    const c = store.getCase(r.id);
    return c === undefined ? [] : [c];
  });
}

/** A question the bot most often could not settle (out of scope) or needed more facts for. */
export interface OpenQuestion {
  question: string;
  verdict: 'out_of_scope' | 'needs_facts';
  count: number;
}

export interface Figures {
  /** The period: `since` included, `until` excluded (ISO dates or times). */
  since: string;
  until: string;
  /** Answers given (each answer once: a corrected or shared answer is an answer too). */
  questions: number;
  verdicts: Record<(typeof VERDICTS)[number], number>;
  /** Topics, most asked first. */
  topics: { topic: string; count: number }[];
  /** Cases opened in the period. */
  escalations: number;
  /** Of those, how many were claimed and closed, and the median time to each (ms; null when none). */
  claimed: number;
  closed: number;
  medianClaimMs: number | null;
  medianCloseMs: number | null;
  /** Cases still open now, of all periods. */
  openNow: number;
  helpful: number;
  notHelpful: number;
  reasons: Record<FeedbackReason, number>;
  /** The questions answered out_of_scope or needs_facts most often (the same words, case and spaces aside). */
  openQuestions: OpenQuestion[];
}

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function deskFigures(store: Store, period: { since: string; until: string }, top = 5): Figures {
  const db = store.db;
  const { since, until } = period;
  const inPeriod = 'created_at >= ? AND created_at < ?';

  const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Figures['verdicts'];
  const byVerdict = db
    .prepare(
      `SELECT json_extract(answer, '$.verdict') AS v, COUNT(*) AS n FROM answers WHERE ${inPeriod} GROUP BY v`,
    )
    .all(since, until) as { v: string | null; n: number }[];
  let questions = 0;
  for (const r of byVerdict) {
    questions += r.n;
    if (r.v !== null && r.v in verdicts) verdicts[r.v as keyof typeof verdicts] += r.n;
  }
  const topics = db
    .prepare(
      `SELECT json_extract(answer, '$.topic') AS topic, COUNT(*) AS count FROM answers WHERE ${inPeriod}
         AND json_extract(answer, '$.topic') IS NOT NULL GROUP BY topic ORDER BY count DESC, topic`,
    )
    .all(since, until) as { topic: string; count: number }[];

  const cases = db
    .prepare(
      `SELECT c.id, c.created_at AS opened,
         (SELECT MIN(created_at) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'claimed') AS claimed,
         (SELECT MIN(created_at) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'resolved') AS resolved
       FROM cases c WHERE c.${inPeriod}`,
    )
    .all(since, until) as { id: number; opened: string; claimed: string | null; resolved: string | null }[];
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
  const openNow = (db.prepare(`SELECT COUNT(*) AS n FROM cases WHERE status = 'open'`).get() as { n: number })
    .n;

  const votes = db
    .prepare(`SELECT helpful, COUNT(*) AS n FROM feedback WHERE ${inPeriod} GROUP BY helpful`)
    .all(since, until) as { helpful: number; n: number }[];
  const reasons = Object.fromEntries(FEEDBACK_REASONS.map((r) => [r, 0])) as Figures['reasons'];
  for (const r of db
    .prepare(`SELECT reason, COUNT(*) AS n FROM feedback_reasons WHERE ${inPeriod} GROUP BY reason`)
    .all(since, until) as { reason: string; n: number }[]) {
    if (r.reason in reasons) reasons[r.reason as FeedbackReason] = r.n;
  }

  const openQuestions = (
    db
      .prepare(
        `SELECT MIN(question) AS question, json_extract(answer, '$.verdict') AS verdict, COUNT(*) AS count
           FROM answers WHERE ${inPeriod} AND json_extract(answer, '$.verdict') IN ('out_of_scope', 'needs_facts')
           GROUP BY lower(trim(question)), verdict ORDER BY count DESC, MIN(created_at) LIMIT ?`,
      )
      .all(since, until, top) as OpenQuestion[]
  ).map((q) => ({ question: q.question.replace(/\s+/g, ' ').trim(), verdict: q.verdict, count: q.count }));

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

/**
 * Open cases posted to the adviser channel whose last announcement (the post, or a reminder) is older than
 * `before`: the ones to announce again. Oldest first.
 */
export function casesDueReminder(store: Store, before: string, limit = 20): Case[] {
  return casesWhere(
    store,
    `status = 'open' AND adviser_ts IS NOT NULL AND
       (SELECT MAX(created_at) FROM case_events e WHERE e.case_id = cases.id AND e.kind IN ('posted', 'reminded')) < ?
     ORDER BY created_at, id LIMIT ?`,
    before,
    limit,
  );
}
