/**
 * The pipeline on a thread of its own, so answering never holds up the thread that reads requests and
 * acks them (Slack's 3-second limit, issue 14): the main thread receives, records, acks and posts; this
 * thread reads the question and computes the answer. It loads and validates the knowledge itself and
 * answers one warm-up question before it says it is ready, so a broken text or register still stops the
 * start, naming the file and row.
 *
 * Requests are answered in order. If the thread dies, the questions it held fail (their events are
 * retried by the inbox) and a new thread is started for the next question.
 */
import { Worker } from 'node:worker_threads';
import type { Answer } from '../guardrails/contract.js';
import type { AdviseRequest } from './pipeline.js';

export interface AsyncAdvisor {
  advise(req: AdviseRequest): Promise<Answer>;
  close(): Promise<void>;
}

type Reply = { id: number; answer: Answer } | { id: number; error: string };
type Ready = { ready: true } | { ready: false; error: string };

const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER = new URL(FROM_SOURCE ? './advisor-worker.ts' : './advisor-worker.js', import.meta.url);
/** Run from source (tsx, as the tests start the bot), the thread loads its .ts file through tsx too. */
const SOURCE_BOOT = FROM_SOURCE
  ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(WORKER.href)}); })`
  : '';

/**
 * The pipeline thread's heap (live ~35 MB: modules, texts, index). V8's heap flags on Node's command line
 * apply to every thread and override the limit a worker's resourceLimits names: `npm start` therefore passes
 * only `--max-old-space-size` (the main thread's cap, which is then this thread's too, in place of 128), so
 * that the young generation here is this one (16 MB). With `--max-semi-space-size=32` it was 64 MB.
 */
export const PIPELINE_HEAP = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 };

function spawn(knowledgeDir: string | undefined): Promise<Worker> {
  return new Promise((resolve, reject) => {
    // the thread holds the texts, registers and index once; see PIPELINE_HEAP
    const w = new Worker(FROM_SOURCE ? SOURCE_BOOT : WORKER, {
      eval: FROM_SOURCE,
      workerData: { knowledgeDir },
      resourceLimits: PIPELINE_HEAP,
    });
    const early = (e: unknown) => reject(e instanceof Error ? e : new Error(String(e)));
    w.once('error', early);
    w.once('message', (m: Ready) => {
      w.off('error', early);
      if (m.ready) resolve(w);
      else {
        void w.terminate();
        reject(new Error(m.error));
      }
    });
  });
}

/** Starts the pipeline thread; rejects with the start-up error when the knowledge does not load. */
export async function startAdvisorThread(knowledgeDir?: string): Promise<AsyncAdvisor> {
  let worker: Worker | undefined = await spawn(knowledgeDir);
  let restarting: Promise<Worker> | undefined;
  let closed = false;
  let next = 1;
  const waiting = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();

  const attach = (w: Worker) => {
    w.on('message', (m: Reply) => {
      const p = waiting.get(m.id);
      if (p === undefined) return;
      waiting.delete(m.id);
      if ('answer' in m) p.resolve(m.answer);
      else p.reject(new Error(m.error));
    });
    const gone = (why: string) => {
      if (worker !== w) return;
      worker = undefined;
      for (const [id, p] of waiting) {
        waiting.delete(id);
        p.reject(new Error(`pipeline thread stopped (${why})`));
      }
    };
    w.on('error', (e) => gone(e instanceof Error ? e.message : String(e)));
    w.on('exit', (code) => gone(`exit ${code}`));
  };
  attach(worker);

  const current = async (): Promise<Worker> => {
    if (worker !== undefined) return worker;
    if (closed) throw new Error('pipeline thread closed');
    restarting ??= spawn(knowledgeDir).then(
      (w) => {
        restarting = undefined;
        worker = w;
        attach(w);
        return w;
      },
      (e) => {
        restarting = undefined;
        throw e;
      },
    );
    return restarting;
  };

  return {
    async advise(req) {
      const w = await current();
      const id = next++;
      return new Promise<Answer>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        w.postMessage({ id, req });
      });
    },
    async close() {
      closed = true;
      const w = worker;
      worker = undefined;
      if (w !== undefined) await w.terminate();
    },
  };
}
