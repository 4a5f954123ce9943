/**
 * The start-up probe of the benchmark: loads what the bot needs before it can answer (the knowledge,
 * the retrieval index, the advisor) and prints `ready` on stdout; then answers one question and prints
 * `answered`. The parent times spawn → `ready` (start-up) and spawn → `answered` (first answer).
 */
import { createAdvisor } from '../pipeline.js';

const advisor = createAdvisor();
process.stdout.write('ready\n');
advisor.advise({
  turns: ['Vi er et dansk teleselskab med 60.000 slutbrugere. Er vi omfattet?'],
  asOf: '2026-11-22',
});
process.stdout.write('answered\n');
