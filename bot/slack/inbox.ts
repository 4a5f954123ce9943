/**
 * An event's life in one place: received → recorded → acked → answered → posted.
 *
 * - **The door** (`install`): Bolt's `processEvent` is wrapped, so for every `event_callback` (HTTP and Socket
 *   Mode alike) the event is recorded in the store (`processed_events`, status `received`, its envelope kept)
 *   *before* it is acked. An id seen before is acked and not handled again (Slack's retries, replays, also
 *   after a restart). When the store cannot write, the event is not acked (HTTP 503, so Slack delivers it
 *   again), health turns red and the person is told once that the bot cannot answer now.
 * - **One worker loop** (`enqueue`, `run`): recorded events are handled one per turn of the event loop, at most
 *   `concurrency` at a time, so acks never wait behind answering. The backlog is the database's: at most
 *   `maxQueued` ids wait in memory, and when more arrived they are read back from the store as the queue empties. A `received` event goes through Bolt's
 *   listeners (which record the answer, `pending`, then post it and mark it `answered`); a `pending` one has
 *   its stored answer posted. An event no listener answered is closed as `ignored`.
 * - **Retries** (`retryLater`): a Web API failure that passes (network, 5xx, 429, Slack's own internal errors)
 *   or a store that cannot write defers the event with exponential back-off (honouring Retry-After), up to
 *   `giveUpMs`; a refusal by Slack (channel_not_found, invalid_blocks, …) fails it at once.
 * - **At start** (`start`): what the last process left open is picked up: `received` events are handled,
 *   `pending` answers are posted (bot/slack/resume.ts; an answer whose post may have reached Slack is first
 *   looked for by its own id, and while Slack cannot be asked it waits instead of being posted blind).
 */
import type { App, ReceiverEvent } from '@slack/bolt';
import { ZodError } from 'zod';
import type { AdvisorStore, TakenOver } from '../store/api.js';
import type { ProcessedEvent } from '../store/index.js';
import { InvalidInput } from '../store/writer.js';
import {
  cleanQuestion,
  clientIn,
  errorCode,
  guessLanguage,
  report,
  type SlackDeps,
  type WebClient,
  workspaceOf,
} from './core.js';
import { crashCode } from './guard.js';
import type { Logger } from './logger.js';
import { loopBusy, nextSlot } from './pace.js';
import { type Health, NotRecorded } from './receiver.js';
import { resumeAnswer, resumeTakenOver } from './resume.js';
import { T } from './texts.js';

export interface RetryPolicy {
  /** First wait after a failed attempt, doubled each time up to `maxMs`. */
  minMs: number;
  maxMs: number;
  /** An event still not answered this long after it arrived is given up (failed, logged). */
  giveUpMs: number;
  /** How long an answer whose post may have reached Slack waits for Slack to be asked before it is posted. */
  inDoubtMaxMs: number;
  /** Events handled at the same time. */
  concurrency: number;
  /**
   * Recorded events waiting in memory at most (their ids; the first 256 also with their envelopes). More stay
   * recorded in the store only and are read back as the queue empties (Store.dueEvents).
   */
  maxQueued: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  minMs: 2_000,
  maxMs: 60_000,
  giveUpMs: 24 * 60 * 60 * 1000,
  inDoubtMaxMs: 10 * 60 * 1000,
  concurrency: 8,
  // ~100 bytes each: a backlog of hours of overload holds about 1 MB here, the rest waits in the database
  maxQueued: 10_000,
};

/** Slack's own errors that pass; every other `ok: false` is a refusal that a retry would only repeat. */
const TRANSIENT_PLATFORM = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
  'rate_limited',
  'team_added_to_org',
]);

/** Whether a failure passes (retry later), and after how long at least (Retry-After). */
export function transient(e: unknown): { transient: boolean; retryAfterMs?: number } {
  const o = (e ?? {}) as { code?: unknown; data?: { error?: unknown }; retryAfter?: unknown };
  if (o.code === 'slack_webapi_rate_limited_error') {
    const s = typeof o.retryAfter === 'number' ? o.retryAfter : 1;
    return { transient: true, retryAfterMs: s * 1000 };
  }
  if (o.code === 'slack_webapi_request_error' || o.code === 'slack_webapi_http_error')
    return { transient: true };
  if (o.code === 'slack_webapi_platform_error') {
    return { transient: typeof o.data?.error === 'string' && TRANSIENT_PLATFORM.has(o.data.error) };
  }
  // the store (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY, a stopped writer) or anything unknown: try again
  return { transient: true };
}

/** Whether the store takes writes: red after a failed write until a write (or a probe) succeeds. */
export class StoreHealth {
  private failure: { error: string; since: string } | undefined;
  private lastProbe = 0;
  private probing = false;
  started = false;
  /** Set when the replica stops taking events (SIGTERM): not ready, still alive. */
  draining = false;

  constructor(
    private readonly store: AdvisorStore,
    private readonly knowledgeLoaded: () => boolean = () => true,
  ) {}

  failed(e: unknown): void {
    this.failure ??= { error: crashCode(e), since: new Date().toISOString() };
  }

  succeeded(): void {
    this.failure = undefined;
  }

  /** Probes a write now; the result is what `ok` says from then on. */
  async probe(): Promise<boolean> {
    if (this.probing) return this.failure === undefined;
    this.probing = true;
    this.lastProbe = Date.now();
    try {
      await this.store.probeWrite();
      this.failure = undefined;
    } catch (e) {
      this.failure = { error: crashCode(e), since: this.failure?.since ?? new Date().toISOString() };
    } finally {
      this.probing = false;
    }
    return this.failure === undefined;
  }

  /** Writes work, as last seen (while red, a write is probed in the background at most once a second). */
  get ok(): boolean {
    if (!this.store.isOpen()) return false;
    if (this.failure !== undefined && Date.now() - this.lastProbe >= 1000) void this.probe();
    return this.failure === undefined;
  }

  /** Health as /healthz and /readyz report it, a write probed first when due. */
  async report(): Promise<Health> {
    const since = Date.now() - this.lastProbe;
    // while red, a write is probed at most once a second; a database on the network (PostgreSQL) is also
    // probed while green, at most every 5 s, so /readyz sees it gone before an event does
    if (
      this.store.isOpen() &&
      (this.failure !== undefined ? since >= 1000 : this.store.engine === 'postgres' && since >= 5000)
    )
      await this.probe();
    const ok = this.ok;
    return {
      ok,
      ready: ok && this.started && !this.draining && this.knowledgeLoaded(),
      knowledge: this.knowledgeLoaded() ? 'loaded' : 'not_loaded',
      ...(this.draining ? { stopping: true } : {}),
      store: ok ? 'ok' : this.store.isOpen() ? 'cannot_write' : 'closed',
      ...(this.failure === undefined ? {} : { error: this.failure.error, since: this.failure.since }),
    };
  }
}

type Body = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A small set that forgets its oldest entries. */
class Recent {
  private readonly items = new Set<string>();
  constructor(private readonly max: number) {}
  /** True the first time `k` is seen. */
  add(k: string): boolean {
    if (this.items.has(k)) return false;
    this.items.add(k);
    if (this.items.size > this.max) this.items.delete(this.items.values().next().value as string);
    return true;
  }
}

export interface InboxOptions {
  store: AdvisorStore;
  log: Logger;
  health: StoreHealth;
  policy?: Partial<RetryPolicy>;
  /** How long this replica's hold on its events lasts without a heartbeat (default 15 s). */
  leaseMs?: number;
}

export class Inbox {
  readonly policy: RetryPolicy;
  readonly leaseMs: number;
  private readonly store: AdvisorStore;
  private sweeper: NodeJS.Timeout | undefined;
  private sweeping = false;
  private readonly idle: (() => void)[] = [];
  private readonly log: Logger;
  readonly health: StoreHealth;
  private dispatch: ((e: ReceiverEvent) => Promise<void>) | undefined;
  private client: WebClient | undefined;
  private deps: SlackDeps | undefined;
  private readonly queue: { id: string; body?: Body }[] = [];
  private readonly queued = new Set<string>();
  /** Events being handled now (so an event read back from the store is not started twice). */
  private readonly running = new Set<string>();
  /**
   * Events were left in the store only (the queue was full): until they are read back, when the queue has
   * emptied, new events wait there too, so the oldest are still answered first.
   */
  private spilled = false;
  /** Events left in the store only so far (a read-back in progress reads again if this moved meanwhile). */
  private spills = 0;
  private refilling = false;
  private readonly waiting = new Map<string, NodeJS.Timeout>();
  private inFlight = 0;
  private scheduled = false;
  private stopped = false;
  /** Events being recorded now: checked for `stopped` before, committed after (drain waits for them). */
  private recording = 0;
  private readonly told = new Recent(2000);

  constructor(o: InboxOptions) {
    this.store = o.store;
    this.log = o.log;
    this.health = o.health;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...o.policy };
    this.leaseMs = o.leaseMs ?? 15_000;
  }

  /** Puts the door in front of Bolt's event processing. */
  install(app: App, deps: SlackDeps): void {
    const inner = app.processEvent.bind(app);
    this.dispatch = inner;
    this.client = app.client;
    this.deps = deps;
    app.processEvent = async (event: ReceiverEvent) => {
      const b = event.body as Body;
      if (b.type !== 'event_callback' || typeof b.event_id !== 'string' || typeof b.event !== 'object') {
        return inner(event);
      }
      await this.receive(b, event);
    };
  }

  private async receive(b: Body, event: ReceiverEvent): Promise<void> {
    const ev = b.event as Body;
    const eventId = b.event_id as string;
    const m = this.deps?.metrics;
    m?.eventsReceived.inc({ kind: str(ev.type)?.slice(0, 40) ?? 'event' });
    const ackTimer = m?.ackSeconds.startTimer();
    let r: 'recorded' | 'known';
    if (this.stopped) {
      m?.eventsRefused.inc({ reason: 'stopping' });
      // stopping (SIGTERM): not acked, so Slack delivers it again, to another replica
      throw new NotRecorded('this replica is stopping');
    }
    this.recording += 1;
    try {
      // committed (on the writer thread in `npm start`) before the ack
      r = await this.deps!.writer.receiveEvent({
        eventId,
        kind: str(ev.type) ?? 'event',
        channel: str(ev.channel),
        ts: str(ev.thread_ts) ?? str(ev.ts),
        body: JSON.stringify(b),
        retryNum: event.retryNum,
        team: workspaceOf(this.deps!, b),
      });
      this.health.succeeded();
    } catch (e) {
      if (e instanceof ZodError || e instanceof InvalidInput) {
        // an id Slack would never send (over 255 characters): nothing to record it by; the person is told
        await event.ack();
        ackTimer?.();
        m?.eventsAcked.inc({ outcome: 'invalid' });
        this.log.warn({ error: 'invalid_payload', field: 'id' }, 'event not recorded: an id is invalid');
        void this.tell(b, 'unreadable');
        report(this.deps!, { kind: 'event', id: eventId.slice(0, 80), outcome: 'invalid' });
        return;
      }
      this.health.failed(e);
      m?.eventsRefused.inc({ reason: 'store' });
      m?.errors.inc({ where: 'door' });
      this.log.error({ event_id: eventId, error: crashCode(e) }, 'event could not be recorded; not acked');
      void this.tell(b, 'unavailable');
      throw new NotRecorded('the store could not record the event');
    } finally {
      this.recording -= 1;
    }
    await event.ack();
    ackTimer?.();
    m?.eventsAcked.inc({ outcome: r === 'known' ? 'known' : 'new' });
    if (r === 'known') {
      this.log.info({ event_id: eventId, retry: event.retryNum }, 'duplicate delivery ignored');
      report(this.deps!, { kind: 'event', id: eventId, outcome: 'duplicate' });
      return;
    }
    this.enqueue(eventId, b);
  }

  /** Tells the person who asked (a mention, a DM, a reply in a thread) that the bot cannot answer now. */
  private async tell(b: Body, what: 'unavailable' | 'unreadable'): Promise<void> {
    const ev = b.event as Body;
    const channel = str(ev.channel);
    const user = str(ev.user);
    const eventId = str(b.event_id) ?? '';
    if (channel === undefined || user === undefined || channel.length > 255 || this.deps === undefined)
      return;
    if (ev.bot_id !== undefined || ev.subtype !== undefined || user === this.deps.botUserId) return;
    const isQuestion =
      ev.type === 'app_mention' ||
      (ev.type === 'message' && (ev.channel_type === 'im' || typeof ev.thread_ts === 'string'));
    if (!isQuestion || !this.told.add(eventId.slice(0, 300))) return;
    const lang = guessLanguage(cleanQuestion(str(ev.text), this.deps.botUserId));
    const ts = str(ev.thread_ts) ?? str(ev.ts);
    try {
      const client =
        this.client === undefined
          ? undefined
          : await clientIn(this.deps, workspaceOf(this.deps, b), this.client);
      await client?.chat.postMessage({
        channel,
        text: T[lang][what],
        ...(ts !== undefined && /^\d+\.\d+$/.test(ts) ? { thread_ts: ts } : {}),
      });
    } catch (e) {
      this.log.error({ channel, error: errorCode(e) }, 'could not tell the person');
    }
  }

  /** Queues a recorded event for the loop. */
  enqueue(id: string, body?: Body): void {
    if (this.stopped || this.queued.has(id)) return;
    if (this.spilled || this.queue.length >= this.policy.maxQueued) {
      // recorded and owned by this replica: it waits in the store, read back when the queue has emptied
      this.spilled = true;
      this.spills++;
      this.kick();
      return;
    }
    this.queued.add(id);
    // envelopes wait in memory only while the queue is short; beyond that they are read back from the store
    this.queue.push(this.queue.length < 256 && body !== undefined ? { id, body } : { id });
    this.kick();
  }

  private kick(): void {
    if (this.queue.length === 0 && this.spilled) void this.refill();
    if (this.scheduled || this.queue.length === 0 || this.inFlight >= this.policy.concurrency) return;
    this.scheduled = true;
    nextSlot(() => {
      this.scheduled = false;
      // a new event starts only while the loop has room: under overload answers wait, acks do not
      if (this.inFlight > 0 && loopBusy()) {
        this.scheduled = true;
        setTimeout(() => {
          this.scheduled = false;
          this.kick();
        }, 5);
        return;
      }
      const next = this.queue.shift();
      if (next !== undefined) {
        this.queued.delete(next.id);
        this.inFlight++;
        this.running.add(next.id);
        this.run(next.id, next.body)
          .catch((e: unknown) => this.log.error({ event_id: next.id, error: crashCode(e) }, 'event failed'))
          .finally(() => {
            this.running.delete(next.id);
            this.inFlight--;
            if (this.inFlight === 0) for (const f of this.idle.splice(0)) f();
            this.kick();
          });
      }
      this.kick();
    });
  }

  /**
   * Reads back the events left in the store when the queue was full: this replica's open ones that are due,
   * oldest first, except those in memory (queued, being handled, or waiting for their retry).
   */
  private async refill(): Promise<void> {
    if (this.refilling || this.stopped) return;
    this.refilling = true;
    const spills = this.spills;
    // the events being handled are open too, and come back with the others
    const limit = this.policy.maxQueued + this.running.size;
    let ids: string[] | undefined;
    try {
      ids = await this.store.dueEvents(limit);
    } catch (e) {
      this.log.warn({ error: crashCode(e) }, 'events waiting in the store could not be read; trying again');
    }
    this.refilling = false;
    if (this.stopped) return;
    if (ids === undefined) {
      this.later(1000, () => this.kick());
      return;
    }
    this.spilled = false;
    for (const id of ids) if (!this.running.has(id) && !this.waiting.has(id)) this.enqueue(id);
    // more than fitted, or more left in the store meanwhile: read again when the queue has emptied
    if (ids.length >= limit || this.spills !== spills) this.spilled = true;
    this.kick();
  }

  private async run(id: string, body?: Body): Promise<void> {
    let row: ProcessedEvent | undefined;
    try {
      row = await this.store.getEvent(id);
    } catch (e) {
      await this.retryLater(id, e);
      return;
    }
    if (row === undefined || (row.status !== 'received' && row.status !== 'pending')) return;
    if (row.status === 'pending') {
      await this.postPending(row);
      return;
    }
    let envelope = body;
    if (envelope === undefined) {
      try {
        envelope = JSON.parse(row.body ?? 'null') as Body;
      } catch {
        envelope = undefined;
      }
      if (envelope === null || typeof envelope !== 'object') {
        await this.store.finishEvent(id, 'failed', 'no_envelope');
        return;
      }
    }
    await this.dispatch!({
      body: envelope,
      ack: async () => {},
      ...(typeof row.retry_num === 'number' ? { retryNum: row.retry_num } : {}),
    });
    // handled without an answer or refusal (not a question, an edit, App Home): closed, unless it waits
    if (!this.waiting.has(id)) {
      try {
        if (!(await this.store.isHandled(id))) await this.store.finishEvent(id, 'ignored');
      } catch (e) {
        this.health.failed(e);
      }
    }
  }

  /** A `pending` event: its stored answer is posted (after looking for it in Slack when it may be there). */
  private async postPending(row: ProcessedEvent): Promise<void> {
    const a = await this.store.answerForEvent(row.event_id);
    if (a === undefined) {
      await this.store.finishEvent(row.event_id, 'failed', 'no_answer');
      return;
    }
    const inDoubt = row.detail === null || row.detail === 'posting' || row.detail.startsWith('doubt:');
    const age = Date.now() - Date.parse(row.received_at);
    if (!inDoubt) await this.store.noteEvent(row.event_id, 'posting');
    const r = await resumeAnswer(this.client!, this.deps!, a, {
      lookFirst: inDoubt,
      postBlind: age > this.policy.inDoubtMaxMs,
    });
    if (r === 'posted' || r === 'found')
      report(this.deps!, { kind: 'event', id: row.event_id, outcome: 'answered' });
  }

  /**
   * An attempt at an event failed (a post, a write, Slack could not be asked): deferred with back-off when
   * the failure passes, failed when it does not or when the event is older than `giveUpMs`. Returns whether
   * it will be tried again.
   */
  async retryLater(id: string, e: unknown): Promise<boolean> {
    const t = transient(e);
    const code = errorCode(e);
    let row: ProcessedEvent | undefined;
    try {
      row = await this.store.getEvent(id);
    } catch {
      row = undefined;
    }
    const age = row === undefined ? 0 : Date.now() - Date.parse(row.received_at);
    if (!t.transient || age > this.policy.giveUpMs) {
      try {
        await this.store.finishEvent(id, 'failed', t.transient ? `gave_up:${code}` : code);
      } catch (err) {
        this.health.failed(err);
      }
      this.log.error({ event_id: id, error: code, gave_up: t.transient }, 'event failed');
      this.deps?.metrics?.errors.inc({ where: 'event' });
      return false;
    }
    const attempts = (row?.attempts ?? 0) + 1;
    const backoff = Math.min(this.policy.maxMs, this.policy.minMs * 2 ** Math.min(attempts - 1, 20));
    const wait = Math.max(backoff * (0.75 + Math.random() * 0.5), t.retryAfterMs ?? 0);
    try {
      // `doubt:`: its post may be in Slack (Slack could not be asked); `retry:`: the last attempt failed for certain
      const kind = code === 'history_unavailable' ? 'doubt' : 'retry';
      await this.store.deferEvent(id, new Date(Date.now() + wait).toISOString(), `${kind}:${code}`);
    } catch (err) {
      this.health.failed(err);
    }
    this.log.warn(
      { event_id: id, error: code, attempt: attempts, wait_ms: Math.round(wait) },
      'will try again',
    );
    this.after(id, wait);
    return true;
  }

  /** Runs the event again after `ms`. */
  private after(id: string, ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.waiting.get(id));
    this.waiting.set(
      id,
      setTimeout(() => {
        this.waiting.delete(id);
        this.enqueue(id);
      }, ms),
    );
  }

  /** Runs `fn` after `ms` unless stopped (for work that is not an event: cases to send). */
  later(ms: number, fn: () => void): void {
    if (this.stopped) return;
    const t = setTimeout(fn, ms);
    t.unref();
  }

  /**
   * Picks up what was left open: with the embedded engine (one process) everything the last process held; on
   * PostgreSQL what replicas whose lease ran out held. Then the bot is ready, and every third of a lease it
   * heartbeats and takes over what a replica that died meanwhile held. Never throws.
   */
  async start(_startedAt?: string): Promise<void> {
    const exclusive = this.store.engine === 'sqlite';
    try {
      await this.store.heartbeat();
      await this.resume(await this.store.takeOver({ leaseMs: this.leaseMs, exclusive }));
    } catch (e) {
      this.log.error({ error: crashCode(e) }, 'open events could not be read');
    } finally {
      this.health.started = true;
    }
    if (this.stopped) return;
    this.sweeper = setInterval(() => void this.sweep(exclusive), Math.max(200, Math.floor(this.leaseMs / 3)));
    this.sweeper.unref();
  }

  private async resume(taken: TakenOver): Promise<void> {
    if (taken.events.length + taken.cases.length === 0) return;
    // a replica (or the last process) stopped without finishing this: worth a warning in the log
    this.log.warn({ events: taken.events.length, cases: taken.cases.length }, 'open work taken over');
    await resumeTakenOver(this.client!, this.deps!, taken, (id) => this.enqueue(id));
  }

  /** One heartbeat, and the open work of replicas that stopped heartbeating. */
  private async sweep(exclusive: boolean): Promise<void> {
    if (this.sweeping || this.stopped) return;
    this.sweeping = true;
    try {
      await this.store.heartbeat();
      if (!exclusive) await this.resume(await this.store.takeOver({ leaseMs: this.leaseMs }));
    } catch (e) {
      this.log.warn({ error: crashCode(e) }, 'heartbeat or take-over failed');
    } finally {
      this.sweeping = false;
    }
  }

  /** Stops taking work: queued events stay recorded and are picked up at the next start (or by a replica). */
  stop(): void {
    this.stopped = true;
    this.health.draining = true;
    clearInterval(this.sweeper);
    for (const t of this.waiting.values()) clearTimeout(t);
    this.waiting.clear();
    this.queue.length = 0;
    this.queued.clear();
    this.spilled = false;
  }

  /**
   * Stops taking work, waits up to `timeoutMs` for the events in progress, then hands back what this replica
   * still holds (queued, waiting for a retry, or not finished in time), so another replica takes it at once.
   * Returns how many events were handed back.
   */
  async drain(timeoutMs: number): Promise<{ finished: boolean; handedBack: number }> {
    this.stop();
    const finished =
      this.inFlight === 0 ||
      (await new Promise<boolean>((resolve) => {
        const t = setTimeout(() => resolve(false), timeoutMs);
        this.idle.push(() => {
          clearTimeout(t);
          resolve(true);
        });
      }));
    // an event that passed the `stopped` check before the stop is committed after it: wait for it, so that
    // what it left this replica's own is handed back too (bounded by the same grace)
    const until = Date.now() + timeoutMs;
    while (this.recording > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
    let handedBack = 0;
    try {
      handedBack = await this.store.release();
    } catch (e) {
      this.log.error(
        { error: crashCode(e) },
        'open events could not be handed back; their lease will run out',
      );
    }
    return { finished, handedBack };
  }

  /** Events queued, waiting for a retry, and in progress (for tests and the log). */
  get load(): { queued: number; waiting: number; inFlight: number } {
    return { queued: this.queue.length, waiting: this.waiting.size, inFlight: this.inFlight };
  }
}
