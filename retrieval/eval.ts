/**
 * `npm run eval:retrieval`: recall@1, recall@5 and MRR of the hybrid retriever, its dense and lexical
 * halves, and a plain baseline (MiniSearch with its default tokenizer over the Danish texts: no
 * stemming, no glossary), side by side, on the dev cases' `must_cite` refs and on retrieval/queries.jsonl.
 *
 * A retrieved unit counts for an expected ref when it is that ref, its parent or its child (same source).
 * recall@k is the share of a query's expected refs met in the top k, averaged over queries; MRR is
 * the mean reciprocal rank of the first retrieved unit that meets any expected ref.
 * Flags: `--verbose` lists the queries the hybrid misses at 5.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { z } from 'zod';
import { knowledge } from '../knowledge/index.js';
import { PROJECT_ROOT } from '../knowledge/paths.js';
import type { SourceId, Unit } from '../knowledge/types.js';
import { type Hit, loadRetriever } from './index.js';

export const QUERIES_FILE = join(PROJECT_ROOT, 'retrieval', 'queries.jsonl');
const DEV_FILE = join(PROJECT_ROOT, '..', 'shared', 'eval', 'dev-cases.jsonl');
const DEPTH = 20;

export const QuerySchema = z.object({
  id: z.string().min(1),
  lang: z.enum(['da', 'en']),
  q: z.string().min(1),
  expect: z.array(z.string().min(1)).min(1),
});
const DevCaseSchema = z.object({
  id: z.string(),
  turns: z.array(z.string()).min(1),
  expect: z.object({ must_cite: z.array(z.string()).optional() }).passthrough(),
});

export interface EvalQuery {
  id: string;
  q: string;
  expect: { source: SourceId; ref: string }[];
}

/** The source a ref belongs to: statute refs start with `§`, the rest are the minister's answer. */
export function sourceOfRef(ref: string): SourceId {
  return ref.startsWith('§') ? 'lov-1156-2021' : 'spm-485-2022';
}

function readJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => l.trim())
    .map(({ l, i }) => {
      const r = schema.safeParse(JSON.parse(l));
      if (!r.success)
        throw new Error(
          `${file}:${i + 1}: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`,
        );
      return r.data;
    });
}

export function loadOwnQueries(file = QUERIES_FILE): EvalQuery[] {
  return readJsonl(file, QuerySchema).map((q) => ({
    id: q.id,
    q: q.q,
    expect: q.expect.map((ref) => ({ source: sourceOfRef(ref), ref })),
  }));
}

function loadDevQueries(): EvalQuery[] | null {
  if (!existsSync(DEV_FILE)) return null;
  return readJsonl(DEV_FILE, DevCaseSchema)
    .filter((c) => (c.expect.must_cite ?? []).length > 0)
    .map((c) => ({
      id: c.id,
      q: c.turns.join('\n'),
      expect: (c.expect.must_cite ?? []).map((ref) => ({ source: sourceOfRef(ref), ref })),
    }));
}

type Ranked = Pick<Hit, 'source' | 'ref' | 'unit'>[];
type System = (q: string) => Ranked;

export function meets(
  r: Pick<Hit, 'source' | 'ref' | 'unit'>,
  e: { source: SourceId; ref: string },
  units: Map<string, Unit>,
): boolean {
  if (r.source !== e.source) return false;
  if (r.ref === e.ref || r.unit.parent === e.ref) return true;
  return units.get(`${e.source}\u0000${e.ref}`)?.parent === r.ref;
}

export interface Scores {
  r1: number;
  r5: number;
  mrr: number;
  ms: number;
  misses: string[];
}

export function score(system: System, queries: EvalQuery[], units: Map<string, Unit>): Scores {
  let r1 = 0;
  let r5 = 0;
  let mrr = 0;
  let ms = 0;
  const misses: string[] = [];
  // Warm-up (JIT), not timed; on altered text, so that the timed queries miss the analysis memos.
  for (const q of queries) system(`${q.q} warm-up`);
  for (const q of queries) {
    const t = performance.now();
    const ranked = system(q.q);
    ms += performance.now() - t;
    const recall = (k: number) =>
      q.expect.filter((e) => ranked.slice(0, k).some((r) => meets(r, e, units))).length / q.expect.length;
    r1 += recall(1);
    const at5 = recall(5);
    r5 += at5;
    if (at5 < 1)
      misses.push(
        `${q.id}: want ${q.expect.map((e) => e.ref).join('; ')} got ${ranked
          .slice(0, 5)
          .map((r) => r.ref)
          .join('; ')}`,
      );
    const first = ranked.findIndex((r) => q.expect.some((e) => meets(r, e, units)));
    if (first >= 0) mrr += 1 / (first + 1);
  }
  const n = queries.length || 1;
  return { r1: r1 / n, r5: r5 / n, mrr: mrr / n, ms: ms / n, misses };
}

/** The baseline: MiniSearch's default tokenizer and scoring over the Danish unit texts. */
export function baseline(units: readonly Unit[]): System {
  const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  mini.addAll(units.map((u, id) => ({ id, text: u.text })));
  return (q) =>
    mini
      .search(q)
      .slice(0, DEPTH)
      .map((r) => units[r.id as number]!)
      .map((u) => ({ source: u.source, ref: u.ref, unit: u }));
}

function main() {
  const verbose = process.argv.includes('--verbose');
  const kb = knowledge();
  const units = new Map(kb.units.map((u) => [`${u.source}\u0000${u.ref}`, u]));
  const t0 = performance.now();
  const retriever = loadRetriever();
  const loadMs = performance.now() - t0;
  const systems: [string, System][] = [
    ['hybrid', (q) => retriever.search(q, { k: DEPTH })],
    ['dense only', (q) => retriever.searchDense(q, { k: DEPTH })],
    ['lexical only', (q) => retriever.searchLexical(q, { k: DEPTH })],
    ['baseline (minisearch default)', baseline(kb.units)],
  ];
  const sets: [string, EvalQuery[]][] = [];
  const dev = loadDevQueries();
  if (dev) sets.push([`dev cases with must_cite (${dev.length})`, dev]);
  else console.log(`dev cases skipped: ${DEV_FILE} not found`);
  const own = loadOwnQueries();
  sets.push([`own queries, retrieval/queries.jsonl (${own.length})`, own]);
  console.log(`index ${retriever.rebuilt ? 'built' : 'loaded'} in ${loadMs.toFixed(0)} ms\n`);
  for (const [name, queries] of sets) {
    console.log(name);
    console.log(
      `  ${'system'.padEnd(30)} ${'recall@1'.padStart(8)} ${'recall@5'.padStart(8)} ${'MRR'.padStart(6)} ${'ms/query'.padStart(9)}`,
    );
    for (const [sys, fn] of systems) {
      const s = score(fn, queries, units);
      console.log(
        `  ${sys.padEnd(30)} ${s.r1.toFixed(3).padStart(8)} ${s.r5.toFixed(3).padStart(8)} ${s.mrr.toFixed(3).padStart(6)} ${s.ms.toFixed(2).padStart(9)}`,
      );
      if (verbose && sys === 'hybrid') for (const m of s.misses) console.log(`      miss ${m}`);
    }
    console.log('');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
