/**
 * CPU cost of a search, for speed work on the retriever (not a test: timings vary by machine):
 *   npx tsx retrieval/bench.ts [rounds]
 * Two loads: every query of retrieval/queries.jsonl and every dev-case turn searched as the pipeline
 * does (k 40; k 10 in the act; k 2 in the minister's answer) round after round; and the dev-case turns
 * alone at k 40, each searched once per round, so that no per-question memo helps.
 * The index is built in memory (dist/ is left alone).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../knowledge/paths.js';
import { buildHybridIndex, type SearchOptions } from './index.js';

const DEV_FILE = join(PROJECT_ROOT, '..', 'shared', 'eval', 'dev-cases.jsonl');
const QUERIES_FILE = join(PROJECT_ROOT, 'retrieval', 'queries.jsonl');

function texts(file: string, schema: z.ZodType<string[]>): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => schema.parse(JSON.parse(l)));
}

const queries = texts(
  QUERIES_FILE,
  z.object({ q: z.string() }).transform((x) => [x.q]),
);
const turns = texts(
  DEV_FILE,
  z.object({ turns: z.array(z.string()) }).transform((x) => x.turns),
);
const rounds = Number(process.argv[2] ?? 20);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`rounds must be a positive whole number, not "${process.argv[2]}"`);
  process.exit(2);
}

const { index } = buildHybridIndex();

function measure(label: string, list: string[], opts: SearchOptions[]): void {
  for (const q of list) for (const o of opts) index.search(q, o); // warm-up
  const start = process.cpuUsage();
  let n = 0;
  for (let r = 0; r < rounds; r += 1)
    for (const q of list)
      for (const o of opts) {
        index.search(q, o);
        n += 1;
      }
  const used = process.cpuUsage(start);
  console.log(`${label}: ${n} searches, ${((used.user + used.system) / n).toFixed(1)} µs CPU per search`);
}

measure(
  'queries and turns, k 40 / 10 act / 2 answer',
  [...queries, ...turns],
  [{ k: 40 }, { k: 10, source: 'lov-1156-2021' }, { k: 2, source: 'spm-485-2022' }],
);
measure('dev-case turns, k 40, once per round', turns, [{ k: 40 }]);
