/**
 * The two writes every answer makes (record the answer before posting it, mark it posted after), behind
 * one asynchronous interface with two implementations:
 * - `backgroundWriter`: a worker thread with its own connection to the same database (WAL lets it write
 *   while the main connection reads). The event loop that acks Slack's requests no longer waits for
 *   SQLite's commits and WAL checkpoints, and writes that arrive together are committed together.
 *   A write resolves only after its transaction committed, so an answer is still recorded before it is
 *   posted, and a retry still finds its event.
 * - `directWriter`: the same writes on the main connection (the terminal, tests, and the fallback when
 *   the worker cannot start or stops).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PROJECT_ROOT } from '../../knowledge/paths.js';
import type { AdvisorStore } from './api.js';
import {
  checkReceived,
  type NewAnswer,
  type ReceivedEvent,
  type SerializedAnswer,
  type Store,
  serializeAnswer,
} from './index.js';

/** A request the store refused as invalid (not a failing disk). */
export class InvalidInput extends Error {
  override readonly name = 'InvalidInput';
}

export interface AnswerWriter {
  /**
   * Records an event at the door (see Store.receiveEvent): resolves once it is committed, so the caller may
   * ack it. Rejects with what the store threw (a full disk, an invalid id).
   */
  receiveEvent(e: ReceivedEvent): Promise<'recorded' | 'known'>;
  /** Records the answer (see Store.recordAnswer); false when its event was already known. */
  recordAnswer(input: NewAnswer): Promise<boolean>;
  /** The answer reached Slack (see Store.markAnswerPosted). */
  markAnswerPosted(answerId: string, messageTs: string | undefined, eventId?: string): Promise<void>;
  /** Finishes the writes in flight and stops. */
  close(): Promise<void>;
  readonly kind: 'background' | 'direct';
}

/** Writes on the store's own connection (either engine: PostgreSQL's client does not block the loop). */
export function directWriter(store: AdvisorStore | Store): AnswerWriter {
  return {
    kind: 'direct',
    receiveEvent: async (e) => store.receiveEvent(e),
    recordAnswer: async (input) => store.recordAnswer(input),
    markAnswerPosted: async (answerId, messageTs, eventId) => {
      await store.markAnswerPosted(answerId, messageTs, eventId);
    },
    close: async () => {},
  };
}

/** Messages to the worker, and its replies. */
export type WriteRequest =
  | { n: number; op: 'receive'; event: ReceivedEvent }
  | { n: number; op: 'record'; answer: SerializedAnswer }
  | { n: number; op: 'posted'; answerId: string; messageTs: string | null; eventId: string | null };
export type WriteReply =
  | { n: number; ok: true; value: boolean | string | null }
  | { n: number; ok: false; error: string; invalid?: boolean };

/** The worker's script: next to this file when running from dist, else the built one. */
function workerScript(): string | undefined {
  const here = fileURLToPath(new URL('./writer-worker.js', import.meta.url));
  if (existsSync(here)) return here;
  const built = join(PROJECT_ROOT, 'dist', 'bot', 'store', 'writer-worker.js');
  return existsSync(built) ? built : undefined;
}

/**
 * The writer thread's heap: it holds a connection and a batch of rows at a time (~9 MB live). With the young
 * generation of `npm start`'s former `--max-semi-space-size` its heap reached 28 MB under the load tests,
 * with this one 16 MB. As for the pipeline thread (advisor-thread.ts PIPELINE_HEAP), a heap flag on Node's
 * command line overrides the limit it names: under `npm start` the old generation's cap is the command
 * line's (256 MB). If the thread dies, its writes are done on the main connection (see fallBack).
 */
export const WRITER_HEAP = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 48 };

/**
 * Starts the background writer on `dataDir`; when it cannot start (no built worker script, or the
 * worker fails), or stops later, writes go to `store` directly, so nothing is ever dropped.
 */
export async function backgroundWriter(
  dataDir: string,
  store: Store,
  onFallback: (why: string) => void = () => {},
): Promise<AnswerWriter> {
  const direct = directWriter(store);
  const script = workerScript();
  if (script === undefined) {
    onFallback('no built writer-worker.js');
    return direct;
  }
  const worker = new Worker(script, {
    workerData: { dataDir, replicaId: store.replicaId },
    resourceLimits: WRITER_HEAP,
  });
  const ready = await new Promise<true | string>((resolve) => {
    worker.once('message', (m: unknown) => resolve(m === 'ready' ? true : String(m)));
    worker.once('error', (e) => resolve(e.message));
    worker.once('exit', (code) => resolve(`exited with ${code}`));
  });
  if (ready !== true) {
    onFallback(`writer did not start: ${ready}`);
    await worker.terminate();
    return direct;
  }

  let n = 0;
  let alive = true;
  /** Requests sent and not yet answered, in the order they were made. */
  const pending = new Map<
    number,
    {
      req: WriteRequest;
      done: Promise<unknown>;
      resolve: (v: boolean | string | null) => void;
      reject: (e: Error) => void;
    }
  >();
  // The requests of one turn of the event loop go to the worker as one message.
  let outbox: WriteRequest[] = [];
  const sendOutbox = () => {
    const batch = outbox;
    outbox = [];
    if (alive && batch.length > 0) worker.postMessage(batch);
  };
  worker.on('message', (replies: WriteReply[]) => {
    for (const r of replies) {
      const p = pending.get(r.n);
      if (!p) continue;
      pending.delete(r.n);
      if (r.ok) p.resolve(r.value);
      else if (r.invalid) p.reject(new InvalidInput(r.error));
      else p.reject(Object.assign(new Error(r.error), { code: r.error || 'store_write_failed' }));
    }
  });
  // A worker that dies leaves its unanswered writes undone: they are done directly, in order.
  const fallBack = (why: string) => {
    if (!alive) return;
    alive = false;
    onFallback(why);
    for (const [k, p] of pending) {
      pending.delete(k);
      try {
        p.resolve(runDirect(store, p.req));
      } catch (e) {
        p.reject(e as Error);
      }
    }
  };
  worker.on('error', (e) => fallBack(`writer failed: ${e.message}`));
  worker.on('exit', (code) => fallBack(`writer exited with ${code}`));

  const send = (req: WriteRequest): Promise<boolean | string | null> => {
    if (!alive) {
      try {
        return Promise.resolve(runDirect(store, req));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    let resolve!: (v: boolean | string | null) => void;
    let reject!: (e: Error) => void;
    const p = new Promise<boolean | string | null>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    pending.set(req.n, { req, done: p.catch(() => undefined), resolve, reject });
    outbox.push(req);
    if (outbox.length === 1) setImmediate(sendOutbox);
    return p;
  };

  return {
    kind: 'background',
    receiveEvent: async (event) => {
      // ids are checked here, so a bad one fails in the caller, before anything is sent
      checkReceived(event);
      return (await send({ n: ++n, op: 'receive', event })) as 'recorded' | 'known';
    },
    recordAnswer: async (input) => {
      // validated and serialised here, so bad input fails in the caller, before anything is sent
      const answer = serializeAnswer(input);
      return (await send({ n: ++n, op: 'record', answer })) === true;
    },
    markAnswerPosted: async (answerId, messageTs, eventId) => {
      await send({ n: ++n, op: 'posted', answerId, messageTs: messageTs ?? null, eventId: eventId ?? null });
    },
    close: async () => {
      await Promise.all([...pending.values()].map((p) => p.done));
      if (!alive) return;
      alive = false;
      await worker.terminate();
    },
  };
}

/** One request, on a connection of this thread (the worker's, or the main one after a fallback). */
export function runDirect(store: Store, req: WriteRequest): boolean | string | null {
  if (req.op === 'receive') return store.receiveEvent(req.event);
  if (req.op === 'record') return store.recordSerialized(req.answer);
  store.markAnswerPosted(req.answerId, req.messageTs ?? undefined, req.eventId ?? undefined);
  return null;
}
