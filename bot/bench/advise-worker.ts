/** A worker thread that answers questions with the advisor (for the worker-pool prototype of the benchmark). */
import { parentPort } from 'node:worker_threads';
import type { AdviseRequest } from '../pipeline.js';
import { createAdvisor } from '../pipeline.js';

const advisor = createAdvisor();
parentPort?.on('message', (m: { id: number; req: AdviseRequest }) => {
  try {
    parentPort?.postMessage({ id: m.id, answer: advisor.advise(m.req) });
  } catch (e) {
    parentPort?.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
parentPort?.postMessage({ ready: true });
