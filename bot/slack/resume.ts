/**
 * Finishing, at start, the work that was stored but not done when the process stopped (a crash, SIGKILL):
 * - answers recorded for a `pending` event and never marked as posted are posted in their thread;
 * - open or claimed cases that never reached the adviser channel are posted there, and the asker is told the
 *   case number.
 * Before posting, Slack is asked whether the post is already there (the process may have died after Slack
 * took the post but before it was marked): the answer's id is in its buttons, the case's in its block id.
 * While Slack cannot be asked, the post waits and the asking is tried again with back-off (bot/slack/inbox.ts);
 * only after the in-doubt limit (RetryPolicy.inDoubtMaxMs, default 10 minutes) is it made anyway, which may
 * then show it twice (SECURITY.md).
 */
import type { TakenOver } from '../store/api.js';
import type { Case, StoredAnswer } from '../store/index.js';
import { answerBlocks, answerFallbackText } from './blocks.js';
import {
  adviserClient,
  caseLanguage,
  clientIn,
  errorCode,
  escalate,
  postCase,
  type SlackDeps,
  tellAsker,
  type WebClient,
} from './core.js';
import { T } from './texts.js';

type Counts = { posted: number; found: number; failed: number; deferred: number };

export interface Resumed {
  answers: Counts;
  cases: Counts;
  /** Pending events without a stored answer (their text is not kept), closed as failed. */
  interrupted: number;
}

type Message = { ts?: string; blocks?: unknown };

type Page = { messages?: unknown[]; response_metadata?: { next_cursor?: string } };

/** Messages over up to five pages of a cursor-paged call; undefined when Slack cannot be asked. */
async function paged(call: (cursor?: string) => Promise<Page>): Promise<Message[] | undefined> {
  const out: Message[] = [];
  let cursor: string | undefined;
  try {
    for (let page = 0; page < 5; page++) {
      const res = await call(cursor);
      out.push(...((res.messages ?? []) as Message[]));
      cursor = res.response_metadata?.next_cursor;
      if (!cursor) break;
    }
    return out;
  } catch {
    return undefined;
  }
}

/** Messages of a thread. */
const threadMessages = (client: WebClient, channel: string, ts: string) =>
  paged((cursor) => client.conversations.replies({ channel, ts, limit: 200, ...(cursor ? { cursor } : {}) }));

/** Messages of a channel since `oldest`. */
const channelMessages = (client: WebClient, channel: string, oldest: string) =>
  paged((cursor) =>
    client.conversations.history({ channel, oldest, limit: 200, ...(cursor ? { cursor } : {}) }),
  );

const carries = (m: Message, marker: string) => JSON.stringify(m.blocks ?? []).includes(marker);

export type Resumption = 'posted' | 'found' | 'failed' | 'deferred';

/** Slack could not be asked whether a post is there (a transient failure: the asking is tried again). */
const HISTORY_UNAVAILABLE = { code: 'history_unavailable' };

/**
 * Posts a stored answer that was not marked as posted. With `lookFirst` (its post may have reached Slack
 * before the process died) the thread is searched first for a message carrying the answer's own id; when
 * Slack cannot be asked the answer waits (retried with back-off) rather than being posted blind, unless
 * `postBlind` (it has waited long enough). A failed post is retried while the failure passes.
 */
export async function resumeAnswer(
  client: WebClient,
  deps: SlackDeps,
  a: StoredAnswer,
  o: { lookFirst: boolean; postBlind: boolean } = { lookFirst: true, postBlind: true },
): Promise<Resumption> {
  const { store, log } = deps;
  // the answer's own workspace speaks for it
  client = await clientIn(deps, a.team, client);
  const eventId = a.event_id ?? undefined;
  const ctx = { event_id: eventId, channel: a.channel, answer_id: a.id };
  if (o.lookFirst) {
    const thread = await threadMessages(client, a.channel, a.thread_ts);
    const existing = thread?.find((m) => carries(m, `"${a.id}"`));
    if (existing !== undefined) {
      await store.markAnswerPosted(a.id, existing.ts, eventId);
      log.info(ctx, 'pending answer was already posted');
      return 'found';
    }
    if (thread === undefined && !o.postBlind) {
      if (eventId !== undefined && (await deps.events?.retryLater(eventId, HISTORY_UNAVAILABLE)))
        return 'deferred';
      if (eventId !== undefined) return 'failed';
    }
  }
  try {
    const res = await client.chat.postMessage({
      channel: a.channel,
      thread_ts: a.thread_ts,
      text: answerFallbackText(a.answer),
      blocks: answerBlocks(a.answer, { answerId: a.id }),
    });
    await store.markAnswerPosted(a.id, res.ts, eventId);
  } catch (e) {
    log.error({ ...ctx, error: errorCode(e) }, 'pending answer could not be posted');
    if (eventId !== undefined && deps.events !== undefined) {
      return (await deps.events.retryLater(eventId, e)) ? 'deferred' : 'failed';
    }
    if (eventId !== undefined) await store.finishEvent(eventId, 'failed', errorCode(e));
    return 'failed';
  }
  log.info({ ...ctx, verdict: a.answer.verdict }, 'pending answer posted');
  deps.metrics?.answered.inc({ verdict: a.answer.verdict, topic: a.answer.topic });
  if (a.answer.escalation === 'required') {
    await escalate(client, deps, {
      answerId: a.id,
      answer: a.answer,
      asker: a.user,
      channel: a.channel,
      threadTs: a.thread_ts,
      question: a.question,
      facts: a.answer.facts,
      team: a.team ?? '',
    });
  }
  return 'posted';
}

/**
 * Posts what was stored before `startedAt` (the moment this process started; ISO time) but not posted, so
 * work of the running process is never picked up twice; returns counts (also logged). Never throws.
 */
export async function resumePending(
  client: WebClient,
  deps: SlackDeps,
  startedAt: string = new Date().toISOString(),
): Promise<Resumed> {
  const { store, log } = deps;
  const out: Resumed = {
    answers: { posted: 0, found: 0, failed: 0, deferred: 0 },
    cases: { posted: 0, found: 0, failed: 0, deferred: 0 },
    interrupted: 0,
  };
  try {
    out.interrupted = await store.closeInterruptedEvents(startedAt);
  } catch (e) {
    log.error({ error: errorCode(e) }, 'interrupted events could not be closed');
  }
  let pending: StoredAnswer[] = [];
  let unposted: Case[] = [];
  try {
    pending = await store.pendingAnswers(startedAt);
    unposted = await store.unpostedCases(startedAt);
  } catch (e) {
    log.error({ error: errorCode(e) }, 'pending work could not be read');
  }
  const inDoubtMaxMs = deps.events?.policy.inDoubtMaxMs ?? 0;
  for (const a of pending) {
    try {
      const ev = a.event_id === null ? undefined : await store.getEvent(a.event_id);
      // an answer whose last post failed for certain is not looked for; any other may be in Slack already
      const lookFirst = !(ev?.detail ?? '').startsWith('retry:');
      const postBlind = Date.now() - Date.parse(a.created_at) > inDoubtMaxMs;
      out.answers[await resumeAnswer(client, deps, a, { lookFirst, postBlind })]++;
    } catch (e) {
      out.answers.failed++;
      log.error({ answer_id: a.id, error: errorCode(e) }, 'pending answer could not be resumed');
    }
  }
  await resumeCases(client, deps, unposted, out, 0);
  const total = (x: Resumed['answers']) => x.posted + x.found + x.failed + x.deferred;
  if (total(out.answers) + total(out.cases) + out.interrupted > 0)
    log.info({ ...out }, 'pending work resumed');
  return out;
}

/**
 * Finishes what this replica took over (bot/store/api.ts `takeOver`: the last process's open work at start, or a
 * dead replica's): the same rules as `resumePending`, per event. A `pending` event's recorded answer is posted
 * (looked for in its thread first unless its last post failed for certain); a `pending` event without an answer
 * is handled again from its kept envelope, or closed as interrupted; a `received` one goes back to the loop
 * (`enqueue`). Unposted cases go to the adviser channel after being looked for there. Never throws.
 */
export async function resumeTakenOver(
  client: WebClient,
  deps: SlackDeps,
  taken: TakenOver,
  enqueue: (eventId: string) => void,
): Promise<Resumed> {
  const { store, log } = deps;
  const out: Resumed = {
    answers: { posted: 0, found: 0, failed: 0, deferred: 0 },
    cases: { posted: 0, found: 0, failed: 0, deferred: 0 },
    interrupted: 0,
  };
  const inDoubtMaxMs = deps.events?.policy.inDoubtMaxMs ?? 0;
  for (const e of taken.events) {
    try {
      if (e.status === 'received') {
        enqueue(e.event_id);
        continue;
      }
      const a = await store.answerForEvent(e.event_id);
      const ev = await store.getEvent(e.event_id);
      if (ev === undefined || ev.status !== 'pending') continue;
      if (a === undefined) {
        if (ev.body !== null && ev.body !== undefined) {
          await store.finishEvent(e.event_id, 'received', 'redo');
          enqueue(e.event_id);
        } else {
          await store.finishEvent(e.event_id, 'failed', 'interrupted');
          out.interrupted++;
        }
        continue;
      }
      if (a.message_ts !== null) {
        await store.finishEvent(e.event_id, 'answered');
        continue;
      }
      const lookFirst = !(ev.detail ?? '').startsWith('retry:');
      const postBlind = Date.now() - Date.parse(a.created_at) > inDoubtMaxMs;
      out.answers[await resumeAnswer(client, deps, a, { lookFirst, postBlind })]++;
    } catch (err) {
      out.answers.failed++;
      log.error({ event_id: e.event_id, error: errorCode(err) }, 'taken-over event could not be resumed');
    }
  }
  const cases: Case[] = [];
  for (const id of taken.cases) {
    try {
      const c = await store.getCase(id);
      if (c !== undefined && c.adviser_ts === null && c.status !== 'resolved') cases.push(c);
    } catch (err) {
      log.error({ case_id: id, error: errorCode(err) }, 'taken-over case could not be read');
    }
  }
  await resumeCases(client, deps, cases, out, 0);
  const total = (x: Resumed['answers']) => x.posted + x.found + x.failed + x.deferred;
  if (total(out.answers) + total(out.cases) + out.interrupted > 0)
    log.info({ ...out }, 'pending work resumed');
  return out;
}

/**
 * Sends cases that never reached the adviser channel, after looking for them there by their own block id.
 * While the channel's history cannot be read they wait (tried again with back-off) rather than risk a second
 * post, unless they have waited longer than the in-doubt limit.
 */
async function resumeCases(
  client: WebClient,
  deps: SlackDeps,
  cases: Case[],
  out: Resumed,
  attempt: number,
): Promise<void> {
  const { store, log } = deps;
  const adviserChannel = deps.adviserChannel;
  if (adviserChannel !== undefined && cases.length > 0) {
    const oldest = (Date.parse(cases[0]!.created_at) / 1000 - 60).toFixed(6);
    const history = await channelMessages(await adviserClient(deps, client), adviserChannel, oldest);
    const events = deps.events;
    const inDoubtMaxMs = events?.policy.inDoubtMaxMs ?? 0;
    const waiting: Case[] = [];
    for (const c of cases) {
      try {
        const existing = history?.find((m) => carries(m, `"case_${c.id}"`));
        if (existing?.ts !== undefined) {
          await store.setCasePost(c.id, adviserChannel, existing.ts, c.link ?? undefined);
          out.cases.found++;
          continue;
        }
        if (
          history === undefined &&
          events !== undefined &&
          Date.now() - Date.parse(c.created_at) <= inDoubtMaxMs
        ) {
          waiting.push(c);
          out.cases.deferred++;
          continue;
        }
        const posted = await postCase(client, deps, c);
        if (!posted.ok) {
          out.cases.failed++;
          continue;
        }
        out.cases.posted++;
        log.info({ case_id: c.id }, 'case posted to the adviser channel after a restart');
        await tellAsker(client, deps, c, T[caseLanguage(c)].caseOpened(c.id));
      } catch (e) {
        out.cases.failed++;
        log.error({ case_id: c.id, error: errorCode(e) }, 'case could not be resumed');
      }
    }
    if (waiting.length > 0 && events !== undefined) {
      const p = events.policy;
      const wait = Math.min(p.maxMs, p.minMs * 2 ** Math.min(attempt, 20));
      log.warn({ cases: waiting.length, wait_ms: wait }, 'adviser channel history unavailable; cases wait');
      events.later(wait, () => {
        void (async () => {
          const still: Case[] = [];
          for (const c of waiting) if ((await store.getCase(c.id))?.adviser_ts === null) still.push(c);
          await resumeCases(client, deps, still, out, attempt + 1);
        })().catch(() => undefined);
      });
    }
  }
}
