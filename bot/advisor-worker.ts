/** The pipeline thread's side (bot/advisor-thread.ts): loads the knowledge, warms up, then answers. */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { preloadKnowledge } from '../knowledge/index.js';
import { preloadRegisters } from '../knowledge/registers.js';
import { type AdviseRequest, createAdvisor } from './pipeline.js';
import { WARM_UP } from './warm-up.js';

const port = parentPort;
if (port === null) throw new Error('advisor-worker runs as a worker thread');
const { knowledgeDir } = workerData as { knowledgeDir?: string };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);

let advisor: ReturnType<typeof createAdvisor>;
try {
  preloadKnowledge(knowledgeDir === undefined ? undefined : join(knowledgeDir, 'texts'));
  preloadRegisters(knowledgeDir === undefined ? undefined : join(knowledgeDir, 'registers'));
  advisor = createAdvisor();
  advisor.advise({ turns: [WARM_UP], asOf: new Date().toISOString().slice(0, 10), priorFacts: {} });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ ready: false, error: message(e) });
  process.exit(1);
}

port.on('message', ({ id, req }: { id: number; req: AdviseRequest }) => {
  try {
    port.postMessage({ id, answer: advisor.advise(req) });
  } catch (e) {
    port.postMessage({ id, error: message(e) });
  }
});
