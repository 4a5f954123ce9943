/**
 * What the listeners share: answering a question in a thread (once per event id), escalating to the
 * adviser channel, and telling the asker. Listeners stay thin and call these.
 */
import type { webApi } from '@slack/bolt';
import type { Answer, Language } from '../../guardrails/contract.js';
import type { Facts } from '../../guardrails/facts.js';
import type { AdviceCache } from '../advice-cache.js';
import type { Metrics } from '../metrics.js';
import type { AdviseRequest } from '../pipeline.js';
import type { AdvisorStore } from '../store/api.js';
import { boundTurns, type Case, MAX_TURNS, parseAnswer } from '../store/index.js';
import type { AnswerWriter } from '../store/writer.js';
import {
  answerBlocks,
  answerFallbackText,
  type Block,
  caseBlocks,
  caseFallbackText,
  textBlocks,
} from './blocks.js';
import { inertSlackText } from './escape.js';
import type { Inbox } from './inbox.js';
import type { Logger } from './logger.js';
import { nextSlot } from './pace.js';
import { MAX_QUESTION_CHARS, T } from './texts.js';

export type WebClient = webApi.WebClient;

/** What a listener reports when it is done (used by tests and for the log). */
export interface Handled {
  kind: 'event' | 'command' | 'action' | 'view';
  /** event_id, action_id, command name or callback_id */
  id: string;
  outcome: string;
}

/** The pipeline as Slack uses it: in process (tests, CLI) or on its own thread (npm start). */
export interface SlackAdvisor {
  advise(req: AdviseRequest): Answer | Promise<Answer>;
}

export interface SlackDeps {
  advisor: SlackAdvisor;
  /** Answers already given, reused for the very same request (see advice-cache.ts). */
  cache?: AdviceCache;
  store: AdvisorStore;
  /** The writes every answer makes (on a background thread in `npm start`, see store/writer.ts). */
  writer: AnswerWriter;
  log: Logger;
  adviserChannel: string | undefined;
  slashCommand: string;
  botUserId: string;
  /** Today's date in Denmark, YYYY-MM-DD (the date the law is applied at). */
  today: () => string;
  /** A new answer id. */
  newId: () => string;
  onHandled?: (h: Handled) => void;
  /** The life of events (bot/slack/inbox.ts): retries of what failed for a reason that passes. */
  events?: Inbox;
  /** An unclaimed case is announced again in the adviser channel after this long (ms); 0 never. */
  caseRemindMs?: number;
  /** Counters and latencies for `GET /metrics` (bot/metrics.ts). */
  metrics?: Metrics;
  /** The workspace of a request body ('' with a single bot token; see bot/slack/workspace.ts). */
  workspaceOf?: (body: unknown) => string;
  /** The client that speaks for the bot in a workspace (default: the app's own). */
  clientFor?: (team: string) => Promise<WebClient>;
  /** The workspace of the adviser channel, when it is not the asker's (the advisers' own workspace). */
  adviserTeam?: string | undefined;
}

/** The client for a workspace, or `fallback` (a listener's own) when there is one workspace. */
export async function clientIn(
  deps: SlackDeps,
  team: string | undefined,
  fallback: WebClient,
): Promise<WebClient> {
  if (deps.clientFor === undefined || team === undefined) return fallback;
  return deps.clientFor(team);
}

/** The client for the adviser channel: the advisers' workspace's when it is set apart. */
export function adviserClient(deps: SlackDeps, fallback: WebClient): Promise<WebClient> {
  return clientIn(deps, deps.adviserTeam, fallback);
}

/** A request body's workspace ('' with a single bot token). */
export const workspaceOf = (deps: SlackDeps, body: unknown): string => deps.workspaceOf?.(body) ?? '';

const DANISH_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' });

let todayCache = { until: 0, date: '' };

/** Today in Denmark; formatted at most once a minute (a day changes on a minute's edge). */
export function danishToday(): string {
  const now = Date.now();
  // (a clock set back is noticed too)
  if (now >= todayCache.until || now < todayCache.until - 60_000) {
    todayCache = { until: Math.ceil((now + 1) / 60_000) * 60_000, date: DANISH_DATE.format(new Date(now)) };
  }
  return todayCache.date;
}

export function report(deps: SlackDeps, h: Handled): void {
  deps.log.debug({ kind: h.kind, id: h.id, outcome: h.outcome }, 'handled');
  deps.onHandled?.(h);
}

/** Slack message ts ("1700000000.000100"); anything else is a placeholder for "no thread". */
export const isTs = (ts: string | undefined): ts is string => ts !== undefined && /^\d+\.\d+$/.test(ts);

export function guessLanguage(text: string): Language {
  if (/[æøå]/i.test(text)) return 'da';
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const da = words.filter((w) =>
    /^(og|er|vi|det|en|et|af|til|på|ikke|hvad|hvordan|skal|må|om|kan|jeg|har)$/.test(w),
  ).length;
  const en = words.filter((w) =>
    /^(and|is|we|the|a|an|of|to|on|not|what|how|must|may|if|can|i|have|are|does|do)$/.test(w),
  ).length;
  return en > da ? 'en' : 'da';
}

/** The question as the person wrote it: without mentions of the bot, Slack's escapes undone. */
export function cleanQuestion(text: string | undefined, botUserId: string): string {
  return (text ?? '')
    .replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), ' ')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Runs the pipeline and checks its answer against the contract; a throw or an invalid answer is a typed
 * failure (logged by the caller), never an exception in a listener.
 */
export async function adviseSafely(
  deps: SlackDeps,
  req: AdviseRequest,
): Promise<{ ok: true; answer: Answer } | { ok: false; error: string }> {
  const cached = deps.cache?.get(req);
  if (cached !== undefined) return { ok: true, answer: cached };
  const end = deps.metrics?.pipelineSeconds.startTimer();
  try {
    // validated once here; the store takes this very object without validating it again
    const parsed = parseAnswer(await deps.advisor.advise(req));
    if (parsed.success) {
      deps.cache?.set(req, parsed.data);
      return { ok: true, answer: parsed.data };
    }
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid answer: ${issue?.path.join('.')} ${issue?.message}` };
  } catch (e) {
    return { ok: false, error: errorCode(e) };
  } finally {
    end?.();
  }
}

function errorCode(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown; message?: unknown };
    if (typeof o.data?.error === 'string') return o.data.error;
    if (typeof o.statusCode === 'number') return `http_${o.statusCode}`;
    if (typeof o.code === 'string') return o.code;
    if (typeof o.message === 'string') return o.message.slice(0, 200);
  }
  return 'unknown_error';
}

const turnWaiters: (() => void)[] = [];
/** Answers waiting for their turn at most; beyond it, answering takes priority over reading requests. */
export const MAX_WAITING_TURNS = 32;
let turnScheduled = false;

function drainTurn(): void {
  const next = turnWaiters.shift();
  if (turnWaiters.length > 0) nextSlot(drainTurn);
  else turnScheduled = false;
  next?.();
}

/**
 * Resolves in a later turn of the event loop, one waiter per turn: thinking (the pipeline is synchronous)
 * is spread over turns, so Slack's acks, which must come within 3 seconds, never wait behind a queue of it.
 */
export function nextTurn(): Promise<void> {
  // Work in progress is bounded: with this many answers already waiting, this one goes on at once, so
  // the event loop reads new requests (and acks them) only as fast as it answers, and memory stays flat.
  if (turnWaiters.length >= MAX_WAITING_TURNS) return Promise.resolve();
  return new Promise((resolve) => {
    turnWaiters.push(resolve);
    if (!turnScheduled) {
      turnScheduled = true;
      nextSlot(drainTurn);
    }
  });
}

/** Stands for the answer id in a reused answer's blocks (the same form as a real id, never one). */
const ANSWER_ID_SLOT = `a_${'0'.repeat(31)}x`;
const blockTemplates = new WeakMap<Answer, string>();

/**
 * The answer's blocks as JSON. A reused (frozen, see advice-cache.ts) answer's blocks are built once, with
 * a placeholder where each post's own answer id goes (in its buttons).
 */
export function answerBlocksJson(answer: Answer, answerId: string): string {
  if (!Object.isFrozen(answer)) return JSON.stringify(answerBlocks(answer, { answerId }));
  let template = blockTemplates.get(answer);
  if (template === undefined) {
    template = JSON.stringify(answerBlocks(answer, { answerId: ANSWER_ID_SLOT }));
    blockTemplates.set(answer, template);
  }
  return template.replaceAll(ANSWER_ID_SLOT, answerId);
}

/** Posts to a thread (or, for a placeholder ts, as a top-level message to the channel/user). */
export async function postToThread(
  client: WebClient,
  channel: string,
  threadTs: string | undefined,
  text: string,
  blocks?: Block[],
): Promise<{ channel?: string; ts?: string }> {
  const res = await client.chat.postMessage({
    channel,
    text,
    blocks: blocks ?? textBlocks(text),
    ...(isTs(threadTs) ? { thread_ts: threadTs } : {}),
  });
  return { channel: res.channel, ts: res.ts };
}

export interface ThreadQuestion {
  eventId: string;
  kind: string;
  channel: string;
  threadTs: string;
  user: string;
  text: string | undefined;
  retryNum?: number;
  /** Shown above the answer (who asked, for an answer about someone else's message); escaped mrkdwn. */
  lead?: string;
  /** The workspace ('' with a single bot token). */
  team?: string;
  /** The bot's user in that workspace (default deps.botUserId). */
  botUserId?: string;
}

/**
 * Answers a message in its thread, exactly once per event id: the event id, the answer and the thread's
 * facts are recorded in one transaction before anything is posted, so a retry (or a retry after a
 * restart) finds the event and is not answered again.
 */
export async function answerInThread(client: WebClient, deps: SlackDeps, q: ThreadQuestion): Promise<string> {
  const { store, log } = deps;
  const ctx = { event_id: q.eventId, channel: q.channel, retry: q.retryNum };
  const question = cleanQuestion(q.text, q.botUserId ?? deps.botUserId);
  const team = q.team ?? '';
  const lang = guessLanguage(question);

  if (question.length === 0 || question.length > MAX_QUESTION_CHARS) {
    if (
      !(await store.claimEvent({
        eventId: q.eventId,
        kind: q.kind,
        channel: q.channel,
        ts: q.threadTs,
        status: 'pending',
        team,
      }))
    )
      return 'duplicate';
    const reply =
      question.length === 0 ? usageHint(deps, lang) : T[lang].tooLong(question.length, MAX_QUESTION_CHARS);
    try {
      await postToThread(client, q.channel, q.threadTs, reply);
      await store.finishEvent(q.eventId, 'answered', question.length === 0 ? 'empty' : 'too_long');
    } catch (e) {
      await store.finishEvent(q.eventId, 'failed', errorCode(e)).catch(() => undefined);
      log.error({ ...ctx, error: errorCode(e) }, 'could not post reply');
      return 'failed';
    }
    log.info(
      { ...ctx, chars: question.length },
      question.length === 0 ? 'empty question' : 'question too long',
    );
    return question.length === 0 ? 'empty' : 'refused';
  }

  // One answer per turn of the event loop: requests that arrived meanwhile are read and acked first.
  await nextTurn();
  if (await store.isHandled(q.eventId)) {
    log.info(ctx, 'duplicate delivery ignored');
    return 'duplicate';
  }
  // The thread is the conversation: its earlier turns give the follow-up its topic, its facts carry over.
  const thread = await store.threadContext(q.channel, q.threadTs, team);
  const advised = await adviseSafely(deps, {
    // earlier turns within the thread's bounds (MAX_THREAD_CHARS), however long the thread has grown
    turns: [...boundTurns(thread.turns, MAX_TURNS - 1), question],
    asOf: deps.today(),
    priorFacts: thread.facts,
  });
  if (!advised.ok) {
    log.error({ ...ctx, error: advised.error }, 'pipeline failed');
    deps.metrics?.errors.inc({ where: 'pipeline' });
    if (
      !(await store.claimEvent({
        eventId: q.eventId,
        kind: q.kind,
        channel: q.channel,
        ts: q.threadTs,
        status: 'failed',
        team,
      }))
    )
      return 'duplicate';
    await postToThread(client, q.channel, q.threadTs, T[lang].failed).catch(() => undefined);
    return 'failed';
  }
  const answer = advised.answer;

  const answerId = deps.newId();
  let recorded: boolean;
  try {
    recorded = await deps.writer.recordAnswer({
      id: answerId,
      channel: q.channel,
      threadTs: q.threadTs,
      user: q.user,
      question,
      answer,
      eventId: q.eventId,
      eventKind: q.kind,
      team,
    });
  } catch (e) {
    // the store cannot write (disk full, a broken file): the event stays recorded and is tried again
    log.error({ ...ctx, error: errorCode(e) }, 'answer could not be recorded');
    if (deps.events === undefined) throw e;
    deps.events.health.failed(e);
    return (await deps.events.retryLater(q.eventId, e)) ? 'deferred' : 'failed';
  }
  if (!recorded) {
    log.info(ctx, 'duplicate delivery ignored');
    return 'duplicate';
  }
  log.debug({ ...ctx, question }, 'question');
  let messageTs: string | undefined;
  try {
    const res = await client.chat.postMessage({
      channel: q.channel,
      thread_ts: q.threadTs,
      text: q.lead === undefined ? answerFallbackText(answer) : `${q.lead}\n${answerFallbackText(answer)}`,
      // Slack takes `blocks` as JSON text; a reused answer's is built once (see answerBlocksJson)
      blocks:
        q.lead === undefined
          ? (answerBlocksJson(answer, answerId) as unknown as Block[])
          : answerBlocks(answer, { answerId, lead: q.lead }),
    });
    messageTs = res.ts;
  } catch (e) {
    log.error({ ...ctx, answer_id: answerId, error: errorCode(e) }, 'answer could not be posted');
    deps.metrics?.errors.inc({ where: 'post_answer' });
    if (deps.events !== undefined)
      return (await deps.events.retryLater(q.eventId, e)) ? 'deferred' : 'failed';
    await store.finishEvent(q.eventId, 'failed', errorCode(e));
    return 'failed';
  }
  try {
    await deps.writer.markAnswerPosted(answerId, messageTs, q.eventId);
  } catch (e) {
    // posted, but not marked: never posted again at runtime; a restart finds it in the thread by its id
    log.error({ ...ctx, answer_id: answerId, error: errorCode(e) }, 'posted answer could not be marked');
    deps.events?.health.failed(e);
  }
  log.info({ ...ctx, answer_id: answerId, verdict: answer.verdict, topic: answer.topic }, 'answered');
  deps.metrics?.answered.inc({ verdict: answer.verdict, topic: answer.topic });
  if (answer.escalation === 'required') {
    await escalate(client, deps, {
      answerId,
      answer,
      asker: q.user,
      channel: q.channel,
      threadTs: q.threadTs,
      question,
      facts: answer.facts,
      team,
    });
  }
  return 'answered';
}

function usageHint(deps: SlackDeps, lang: Language): string {
  return lang === 'da'
    ? `Skriv dit spørgsmål efter at du nævner mig, fx om jeres organisation er omfattet af loven om leverandørsikkerhed. \`${deps.slashCommand} hjælp\` viser mere.`
    : `Write your question after mentioning me, e.g. whether your organisation is covered by the supplier-security act. \`${deps.slashCommand} help\` shows more.`;
}

// ---- escalation ---------------------------------------------------------------------------------------

export interface EscalationRequest {
  answerId?: string;
  answer?: Answer;
  asker: string;
  /** The asker's conversation: channel + thread ts (a placeholder ts means "post to the channel/DM"). */
  channel: string;
  threadTs: string;
  question: string;
  facts: Facts;
  /** The asker's workspace ('' with a single bot token). */
  team?: string | undefined;
}

export async function permalink(client: WebClient, channel: string, ts: string): Promise<string | undefined> {
  if (!isTs(ts)) return undefined;
  try {
    const res = await client.chat.getPermalink({ channel, message_ts: ts });
    if (typeof res.permalink === 'string') return res.permalink;
  } catch {
    // fall through to the archive link, which Slack redirects to the message
  }
  return `https://slack.com/archives/${channel}/p${ts.replace('.', '')}`;
}

/**
 * Opens a case and posts it to the adviser channel; the asker's thread gets the case number. Without an
 * adviser channel the asker is told how to reach CFCS directly. Returns the case, when one was opened.
 */
export async function escalate(
  client: WebClient,
  deps: SlackDeps,
  r: EscalationRequest,
): Promise<Case | undefined> {
  const { store, log } = deps;
  const lang = r.answer?.language ?? guessLanguage(r.question);
  const t = T[lang];
  const tell = async (text: string) => {
    try {
      await postToThread(client, r.channel, r.threadTs, text);
    } catch (e) {
      log.error({ channel: r.channel, error: errorCode(e) }, 'could not tell the asker');
    }
  };
  if (deps.adviserChannel === undefined) {
    await tell(t.noAdviser);
    log.info({ channel: r.channel }, 'escalation without adviser channel: pointed to CFCS');
    return undefined;
  }
  const existing = await store.activeCaseForThread(r.channel, r.threadTs, r.team ?? '');
  if (existing !== undefined) {
    await tell(t.caseExists(existing.id));
    return existing;
  }
  const opened = await store.openCase({
    answerId: r.answerId,
    asker: r.asker,
    channel: r.channel,
    threadTs: r.threadTs,
    question: r.question,
    facts: r.facts,
    answer: r.answer,
    team: r.team ?? '',
  });
  const posted = await postCase(client, deps, opened);
  if (!posted.ok) {
    await tell(`${t.failed} ${t.noAdviser}`);
    return await store.getCase(opened.id);
  }
  log.info({ case_id: opened.id }, 'case opened');
  deps.metrics?.escalations.inc();
  await tell(t.caseOpened(opened.id));
  return await store.getCase(opened.id);
}

/**
 * Posts a stored case to the adviser channel (with a link to the asker's thread) and records the post. A
 * failure is recorded in the case's history and logged; never thrown.
 */
export async function postCase(
  client: WebClient,
  deps: SlackDeps,
  c: Case,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const { store, log } = deps;
  if (deps.adviserChannel === undefined) return { ok: false, error: 'no_adviser_channel' };
  const link = await permalink(client, c.channel, c.thread_ts);
  try {
    const withLink: Case = { ...c, link: link ?? null };
    const advisers = await adviserClient(deps, client);
    const res = await advisers.chat.postMessage({
      channel: deps.adviserChannel,
      text: caseFallbackText(withLink),
      blocks: caseBlocks(withLink),
    });
    if (res.ts === undefined) throw new Error('chat.postMessage returned no ts');
    await store.setCasePost(c.id, res.channel ?? deps.adviserChannel, res.ts, link);
    return { ok: true };
  } catch (e) {
    const error = errorCode(e);
    await store.addCaseEvent(c.id, 'post_failed', null, error).catch(() => undefined);
    log.error({ case_id: c.id, error }, 'case could not be posted to the adviser channel');
    return { ok: false, error };
  }
}

/** Tells the asker of a case something, in their thread. */
export async function tellAsker(client: WebClient, deps: SlackDeps, c: Case, text: string): Promise<boolean> {
  try {
    // in the asker's workspace, wherever the adviser who acted sits
    await postToThread(await clientIn(deps, c.team, client), c.channel, c.thread_ts, text);
    return true;
  } catch (e) {
    deps.log.error({ case_id: c.id, error: errorCode(e) }, 'could not reach the asker');
    return false;
  }
}

/**
 * A message from the asker's side of a thread with an active case goes to the case's thread in the
 * adviser channel too, so the adviser sees the conversation continue.
 */
export async function relayToCase(
  client: WebClient,
  deps: SlackDeps,
  c: Case | undefined,
  m: { user: string; text: string | undefined },
): Promise<boolean> {
  if (c === undefined || c.adviser_channel === null || c.adviser_ts === null) return false;
  try {
    await (await adviserClient(deps, client)).chat.postMessage({
      channel: c.adviser_channel,
      thread_ts: c.adviser_ts,
      // the asker's words, made inert: their mentions, broadcasts and links are not live in the adviser channel
      text: `*<@${m.user}> (sag / case #${c.id}):*\n${inertSlackText(m.text)}`,
    });
    await deps.store.addCaseEvent(c.id, 'asker_message', m.user, m.text ?? '');
    return true;
  } catch (e) {
    deps.log.error({ case_id: c.id, error: errorCode(e) }, 'could not relay to the case thread');
    return false;
  }
}

export function caseLanguage(c: Case): Language {
  return c.answer?.language ?? guessLanguage(c.question);
}

/** Whether a user is a member of the adviser channel (the only people who may claim and resolve cases). */
export async function isAdviser(client: WebClient, deps: SlackDeps, user: string): Promise<boolean> {
  if (deps.adviserChannel === undefined) return false;
  const advisers = await adviserClient(deps, client);
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const res = await advisers.conversations.members({
      channel: deps.adviserChannel,
      limit: 1000,
      ...(cursor ? { cursor } : {}),
    });
    if (res.members?.includes(user)) return true;
    cursor = res.response_metadata?.next_cursor;
    if (!cursor) return false;
  }
  return false;
}

/** Re-renders the adviser post of a case after a change. */
export async function refreshCasePost(client: WebClient, deps: SlackDeps, c: Case): Promise<void> {
  if (c.adviser_channel === null || c.adviser_ts === null) return;
  try {
    await (await adviserClient(deps, client)).chat.update({
      channel: c.adviser_channel,
      ts: c.adviser_ts,
      text: caseFallbackText(c),
      blocks: caseBlocks(c),
    });
  } catch (e) {
    deps.log.error({ case_id: c.id, error: errorCode(e) }, 'could not update the case post');
  }
}

export { errorCode };
