/**
 * Hybrid retrieval over the knowledge base: a dense index (hashed embeddings in hnswlib-node) and a
 * lexical BM25+ index (MiniSearch), both over the Danish text and the English rendering of every
 * unit, fused by reciprocal rank fusion and deduplicated by ref. The index is persisted to a folder
 * and keyed by a hash of its sources, so a changed text, glossary or analysis rebuilds it.
 *
 * Synchronous API for the pipeline: `loadRetriever().search(question, { k, source })`.
 * LangChain API: `new HybridRetriever({ retriever })` (a `BaseRetriever`).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import { z } from 'zod';
import { loadKnowledge } from '../knowledge/index.js';
import { PROJECT_ROOT, TEXTS_DIR } from '../knowledge/paths.js';
import type { SourceId, Unit } from '../knowledge/types.js';
import { ANALYSIS_VERSION, Analyzer, type Lang } from './analysis.js';
import { DEFAULT_DIM, HashingEmbeddings } from './embeddings.js';
import { GLOSSARY_FILE, loadGlossary } from './glossary.js';
import { DocMetaSchema, HnswVectorStore } from './hnsw-store.js';
import { type LexicalDoc, LexicalIndex } from './lexical.js';

export interface Hit {
  source: SourceId;
  ref: string;
  score: number;
  unit: Unit;
}
export interface SearchOptions {
  k?: number;
  source?: SourceId;
}
export interface Retriever {
  /** Units for a question in Danish or English: deduplicated by ref, best first. Synchronous. */
  search(query: string, opts?: SearchOptions): Hit[];
}

export const DEFAULT_INDEX_DIR = join(PROJECT_ROOT, 'dist', 'index');
/** Bump when the persisted layout or the fusion inputs change. */
const INDEX_FORMAT = '2';
const MANIFEST = 'manifest.json';
const LEXICAL_FILE = 'lexical.json';
/** Reciprocal rank fusion constant: small, because the corpus is small and the top ranks matter. */
const RRF_K = 10;
/** Weight of the dense rankings against the lexical ones (the lexical index is the sharper here). */
const DENSE_WEIGHT = 0.5;
/** Units this similar to one listed above them (Jaccard of their terms) move behind the others. */
const NEAR_DUPLICATE = 0.7;
/** Weight of the best clause score against the whole question's; clauses are searched lexically only. */
const CLAUSE_WEIGHT = 1;
const MIN_CLAUSE_WORDS = 3;
/** A descendant scoring at least this share of its ancestor's score is listed in its place. */
const LEAF_SHARE = 0.9;
/** Weight of the concept rankings (see `addConcepts`), and how deep into each one a unit gains. */
const CONCEPT_WEIGHT = 1;
const CONCEPT_DEPTH = 5;
const OTHER_SOURCE = 0.75;

export interface IndexPaths {
  /** Folder of the persisted index (default `dist/index/`). */
  dir?: string;
  /** Folder of the knowledge texts (default `knowledge/texts/`). */
  textsDir?: string;
  /** The glossary (default `retrieval/glossary.yaml`). */
  glossaryFile?: string;
}

const ManifestSchema = z.object({
  key: z.string(),
  format: z.literal(INDEX_FORMAT),
  dim: z.number().int().positive(),
  docs: z.array(DocMetaSchema),
  df: z.record(z.string(), z.number()),
  docCount: z.number().int().nonnegative(),
  builtAt: z.string(),
});
type Manifest = z.infer<typeof ManifestSchema>;

/** Hash of everything the index is built from: the texts, the glossary, the analysis and format versions. */
export function indexKey(paths: IndexPaths = {}): string {
  const textsDir = paths.textsDir ?? TEXTS_DIR;
  const h = createHash('sha256');
  h.update(`analysis ${ANALYSIS_VERSION} format ${INDEX_FORMAT} dim ${DEFAULT_DIM}\n`);
  for (const name of readdirSync(textsDir).sort()) {
    h.update(`file ${name}\n`);
    h.update(readFileSync(join(textsDir, name)));
  }
  h.update('glossary\n');
  h.update(readFileSync(paths.glossaryFile ?? GLOSSARY_FILE));
  return h.digest('hex');
}

const unitKey = (source: string, ref: string) => `${source}\u0000${ref}`;

/** The indexed texts of a unit: its own text per language, and its context (ancestors' words, chapter). */
function unitDocs(units: readonly Unit[]): Omit<LexicalDoc, 'id'>[] {
  const byKey = new Map(units.map((u) => [unitKey(u.source, u.ref), u]));
  const englishLead = (u: Unit) => (u.lead ? (u.text_en.split('\n')[0] ?? '') : '');
  const out: Omit<LexicalDoc, 'id'>[] = [];
  for (const u of units) {
    const ancestors: Unit[] = [];
    for (let p = u.parent; p !== null; ) {
      const a = byKey.get(unitKey(u.source, p));
      if (!a) break;
      ancestors.push(a);
      p = a.parent;
    }
    for (const lang of ['da', 'en'] as Lang[]) {
      const body = lang === 'da' ? u.text : u.text_en;
      if (!body.trim()) continue;
      const context = [
        ...ancestors.map((a) => (lang === 'da' ? a.lead : englishLead(a))),
        lang === 'da' && u.chapter ? u.chapter.title : '',
      ]
        .filter(Boolean)
        .join('\n');
      out.push({ source: u.source, ref: u.ref, lang, body, context });
    }
  }
  return out;
}

interface Parts {
  units: readonly Unit[];
  analyzer: Analyzer;
  embeddings: HashingEmbeddings;
  store: HnswVectorStore;
  lexical: LexicalIndex;
  docs: z.infer<typeof DocMetaSchema>[];
}

/** The loaded index. `search` is the hybrid; `searchDense` and `searchLexical` are its two halves. */
export class HybridIndex implements Retriever {
  private readonly byKey: Map<string, Unit>;
  /** Units by position in `parts.units`, and their positions by key. */
  private readonly unitIds = new Map<string, number>();
  private readonly hasChildren: Uint8Array;
  /** Each unit's descendants (positions). */
  private readonly descendants: number[][];
  /** `ancestorOf[a * n + b]`: whether unit `a` is an ancestor of unit `b` (same source). */
  private readonly ancestorOf: Uint8Array;
  /**
   * `similarity[a * n + b]`: Jaccard similarity of two units' Danish index terms, to tell
   * near-duplicate provisions apart (§ 2, stk. 1 / § 3, stk. 1). Computed at load: the units are few.
   */
  private readonly similarity: Float64Array;
  /** Scratch for `preferLeaves`: each unit's position in the ranking (-1: absent), and whether it is taken. */
  private readonly rankPos: Int32Array;
  private readonly used: Uint8Array;

  /** The unit key of each indexed document (lexical ids), and of each of the vector store's documents. */
  private readonly docKeys: string[];
  private readonly storeKeys = new WeakMap<object, string>();

  constructor(private readonly parts: Parts) {
    this.docKeys = parts.docs.map((d) => unitKey(d.source, d.ref));
    const units = parts.units;
    const n = units.length;
    this.byKey = new Map(units.map((u) => [unitKey(u.source, u.ref), u]));
    units.forEach((u, i) => {
      this.unitIds.set(unitKey(u.source, u.ref), i);
    });
    this.hasChildren = new Uint8Array(n);
    this.ancestorOf = new Uint8Array(n * n);
    this.descendants = units.map(() => []);
    units.forEach((u, i) => {
      if (u.parent !== null) {
        const parent = this.unitIds.get(unitKey(u.source, u.parent));
        if (parent !== undefined) this.hasChildren[parent] = 1;
      }
      for (let p = u.parent; p !== null; ) {
        const key = unitKey(u.source, p);
        const a = this.unitIds.get(key);
        if (a === undefined) break;
        if (this.ancestorOf[a * n + i] === 0) this.descendants[a]!.push(i);
        this.ancestorOf[a * n + i] = 1;
        p = units[a]!.parent;
      }
    });
    const termSets = units.map((u) => new Set(parts.analyzer.terms(u.text, 'da')));
    this.similarity = new Float64Array(n * n);
    for (let a = 0; a < n; a += 1)
      for (let b = a; b < n; b += 1) {
        const sim = jaccard(termSets[a]!, termSets[b]!);
        this.similarity[a * n + b] = sim;
        this.similarity[b * n + a] = sim;
      }
    this.rankPos = new Int32Array(n).fill(-1);
    this.used = new Uint8Array(n);
    parts.store.prepareScan(); // at load rather than on the first question
  }

  get units(): readonly Unit[] {
    return this.parts.units;
  }

  private storeKey(d: { metadata: { source: string; ref: string } }): string {
    let key = this.storeKeys.get(d);
    if (key === undefined) {
      key = unitKey(d.metadata.source, d.metadata.ref);
      this.storeKeys.set(d, key);
    }
    return key;
  }

  /** Refs ranked by the dense index, best first (each ref once). */
  private denseRanking(query: string, source?: SourceId): { key: string; score: number }[] {
    const bag = this.parts.embeddings.queryFeatures(query);
    if (bag.size === 0) return []; // nothing the indexed texts share: no neighbours, not arbitrary ones
    // Every document is ranked (rank fusion needs every rank): the store's whole-store search, an exact
    // scan of hnswlib's vectors with hnswlib's arithmetic (see dense-scan.ts), over the query's
    // non-zero coordinates.
    const vec = this.parts.embeddings.vectorizeSparse(bag);
    const res = this.parts.store.searchAllSync(vec, source ? { source } : undefined);
    return dedupe(res.map(([d, score]) => ({ key: this.storeKey(d), score })));
  }

  /** Refs ranked by the lexical index, best first (each ref once). */
  private lexicalRanking(query: string, source?: SourceId): { key: string; score: number }[] {
    const res = this.parts.lexical.search(query, source ? { source } : undefined, (t) =>
      this.parts.embeddings.knows(t),
    );
    return dedupe(
      res.map((r) => {
        return { key: this.docKeys[r.id]!, score: r.score };
      }),
    );
  }

  private hits(ranked: { key: string; score: number }[], k: number): Hit[] {
    return ranked.slice(0, k).map(({ key, score }) => {
      const unit = this.byKey.get(key)!;
      return { source: unit.source, ref: unit.ref, score, unit };
    });
  }

  /**
   * Leaf preference: a unit with children matches whatever its children match, so where a
   * descendant scores at least LEAF_SHARE of its ancestor, the descendant takes the ancestor's place
   * and the ancestor moves behind the other results, as does any unit whose ancestor or
   * descendant, or a near-duplicate (§ 2, stk. 1 and § 3, stk. 1), is already listed, so that the
   * first results cover more ground. Scores are then made non-increasing.
   *
   * Only the first `k` results are returned: the listed units are only ever appended to, so once
   * `k` are listed the first `k` results are final, and the rest need not be ordered.
   */
  private preferLeaves(
    ranked: { key: string; score: number }[],
    k: number,
  ): { key: string; score: number }[] {
    const sorted = [...ranked].sort((a, b) => b.score - a.score);
    const { rankPos, used } = this;
    const ids = sorted.map((c) => this.unitIds.get(c.key)!);
    ids.forEach((u, i) => {
      rankPos[u] = i;
    });
    const placed: { id: number; key: string; score: number }[] = [];
    const deferred: { key: string; score: number }[] = [];
    try {
      for (let i = 0; i < sorted.length && placed.length < k; i += 1) {
        const c = sorted[i]!;
        const cId = ids[i]!;
        if (used[cId]) continue;
        let cur = c;
        let curId = cId;
        while (this.hasChildren[curId]) {
          // The first (best) unused descendant scoring at least LEAF_SHARE of the candidate.
          const min = LEAF_SHARE * c.score;
          let best = -1;
          for (const d of this.descendants[curId]!) {
            const p = rankPos[d]!;
            if (p >= 0 && !used[d] && sorted[p]!.score >= min && (best === -1 || p < best)) best = p;
          }
          if (best === -1) break;
          deferred.push(cur);
          used[curId] = 1;
          cur = sorted[best]!;
          curId = ids[best]!;
        }
        used[curId] = 1;
        const n = this.parts.units.length;
        const redundant = placed.some(
          (p) =>
            (cur === c && (this.ancestorOf[p.id * n + cId] === 1 || this.ancestorOf[cId * n + p.id] === 1)) ||
            this.similarity[p.id * n + curId]! >= NEAR_DUPLICATE,
        );
        if (redundant) deferred.push(cur);
        else placed.push({ id: curId, key: cur.key, score: c.score });
      }
    } finally {
      for (const u of ids) {
        rankPos[u] = -1;
        used[u] = 0;
      }
    }
    const out: { key: string; score: number }[] =
      placed.length >= k
        ? placed.slice(0, k).map(({ key, score }) => ({ key, score }))
        : [
            ...placed.map(({ key, score }) => ({ key, score })),
            ...deferred.sort((a, b) => b.score - a.score),
          ];
    for (let i = 1; i < out.length; i += 1)
      out[i] = { key: out[i]!.key, score: Math.min(out[i]!.score, out[i - 1]!.score) };
    return out;
  }

  searchDense(query: string, opts: SearchOptions = {}): Hit[] {
    const k = opts.k ?? 5;
    return this.hits(this.preferLeaves(this.denseRanking(query, opts.source), k), k);
  }

  searchLexical(query: string, opts: SearchOptions = {}): Hit[] {
    const k = opts.k ?? 5;
    return this.hits(this.preferLeaves(this.lexicalRanking(query, opts.source), k), k);
  }

  /** Reciprocal rank fusion of the dense and the lexical ranking of one query. */
  private rrf(query: string, source?: SourceId, dense = true): Map<string, number> {
    const fused = new Map<string, number>();
    const fuse = (ranking: { key: string }[], weight = 1) =>
      ranking.forEach((r, i) => {
        fused.set(r.key, (fused.get(r.key) ?? 0) + weight / (RRF_K + i + 1));
      });
    if (dense) fuse(this.denseRanking(query, source), DENSE_WEIGHT);
    fuse(this.lexicalRanking(query, source));
    return fused;
  }

  /**
   * Hybrid search: the dense and the lexical ranking fused by reciprocal rank fusion. A question
   * that states a scenario (several sentences or clauses: who we are, what the agreement is about,
   * when it was signed, then the question) is also searched clause by clause, and each unit gains
   * its best clause score, so that every fact of the scenario can bring its own provision.
   */
  search(query: string, opts: SearchOptions = {}): Hit[] {
    const fused = this.rrf(query, opts.source);
    const clauses = splitClauses(query);
    if (clauses.length > 1) {
      const best = new Map<string, number>();
      for (const c of clauses) {
        for (const [key, score] of this.rrf(c, opts.source, false))
          best.set(key, Math.max(best.get(key) ?? 0, score));
      }
      for (const [key, score] of best) fused.set(key, (fused.get(key) ?? 0) + CLAUSE_WEIGHT * score);
    }
    const pointed = this.addConcepts(fused, query, opts.source);
    // A source none of the question's concepts points to (the minister's answer, for a question
    // about agreements and deadlines) weighs less.
    if (pointed.size > 0)
      for (const [key, score] of fused) {
        const src = this.byKey.get(key)?.source;
        if (src && !pointed.has(src)) fused.set(key, OTHER_SOURCE * score);
      }
    const ranked = [...fused].map(([key, score]) => ({ key, score }));
    const k = opts.k ?? 5;
    return this.hits(this.preferLeaves(ranked, k), k);
  }

  /**
   * Concept search: every domain concept the question names (a glossary entry it matches) is
   * searched on its own, in the statute's words, over the Danish texts; each unit gains its
   * reciprocal rank in each concept's top CONCEPT_DEPTH, scaled by how specific the concept is
   * (an IDF over the units it is found in), so that facts pointing at the same provision add up
   * (a date and "at present" → § 17) while a concept every prohibition shares ("provider") adds
   * little. Returns the sources the concepts' best units belong to.
   */
  private addConcepts(fused: Map<string, number>, query: string, source?: SourceId): Set<SourceId> {
    const pointed = new Set<SourceId>();
    const concepts = this.parts.analyzer.concepts(query);
    if (concepts.length === 0) return pointed;
    const gain = new Map<string, number>();
    for (const terms of concepts) {
      const res = this.parts.lexical.searchTerms(
        terms.map((term) => ({ term, weight: 1 })),
        { source, lang: 'da' },
      );
      const ranking = dedupe(
        res.map((r) => {
          return { key: this.docKeys[r.id]!, score: r.score };
        }),
      );
      const best = ranking[0] && this.byKey.get(ranking[0].key);
      if (best) pointed.add(best.source);
      const n = this.parts.units.length;
      // A concept found in few units tells more than one found in many (as an IDF).
      const spec = Math.log(n / Math.max(1, ranking.length)) / Math.log(n);
      ranking.slice(0, CONCEPT_DEPTH).forEach((r, i) => {
        const g = spec / (RRF_K + i + 1);
        gain.set(r.key, (gain.get(r.key) ?? 0) + g);
      });
    }
    for (const [key, g] of gain) fused.set(key, (fused.get(key) ?? 0) + CONCEPT_WEIGHT * g);
    return pointed;
  }
}

/**
 * Clauses of a question: sentences (ended by `.` before a capital, `?`, `!` or a line break), and
 * within a sentence the parts joined by a comma or `og`/`and`/`men`/`but`, each of at least three words.
 */
export function splitClauses(text: string): string[] {
  return text
    .split(/(?<=[?!])\s+|(?<=[.:;])\s+(?=\p{Lu})|\n+|,\s+(?!\d)|\s+(?:og|and|men|but|so|så)\s+/iu)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= MIN_CLAUSE_WORDS);
}

/** Jaccard similarity of two term sets (0 when either is empty). */
function jaccard(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let both = 0;
  for (const t of x) if (y.has(t)) both += 1;
  return both / (x.size + y.size - both);
}

function dedupe(list: { key: string; score: number }[]): { key: string; score: number }[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    if (seen.has(r.key)) return false;
    seen.add(r.key);
    return true;
  });
}

function analyzerFor(units: readonly Unit[], glossaryFile?: string): Analyzer {
  return new Analyzer(
    loadGlossary(glossaryFile),
    units.map((u) => u.text),
  );
}

/** Builds the index in memory from the knowledge texts and the glossary. */
export function buildHybridIndex(paths: IndexPaths = {}): {
  index: HybridIndex;
  manifest: Manifest;
  parts: Parts;
} {
  const units = loadKnowledge(paths.textsDir ?? TEXTS_DIR).units;
  const analyzer = analyzerFor(units, paths.glossaryFile);
  const docs = unitDocs(units).map((d, id) => ({ ...d, id }));
  const embeddings = new HashingEmbeddings({ analyzer, dim: DEFAULT_DIM });
  const bags = docs.map((d) => embeddings.documentFeatures(d.body, d.lang, d.context));
  embeddings.fit(bags);
  const store = new HnswVectorStore(embeddings, DEFAULT_DIM, docs.length);
  store.addVectorsSync(
    bags.map((b) => embeddings.vectorize(b)),
    docs.map(
      (d) => new Document({ pageContent: d.body, metadata: { source: d.source, ref: d.ref, lang: d.lang } }),
    ),
  );
  const lexical = LexicalIndex.build(analyzer, docs);
  const metas = docs.map((d) => ({ source: d.source, ref: d.ref, lang: d.lang }));
  const manifest: Manifest = {
    key: indexKey(paths),
    format: INDEX_FORMAT,
    dim: DEFAULT_DIM,
    docs: metas,
    df: embeddings.df,
    docCount: embeddings.docCount,
    builtAt: new Date().toISOString(),
  };
  const parts: Parts = { units, analyzer, embeddings, store, lexical, docs: metas };
  return { index: new HybridIndex(parts), manifest, parts };
}

/** Builds the index and writes it to `dir` (atomically: a temp folder renamed into place). */
export function buildIndex(paths: IndexPaths = {}): {
  dir: string;
  key: string;
  docs: number;
  index: HybridIndex;
} {
  const dir = paths.dir ?? DEFAULT_INDEX_DIR;
  const { index, manifest, parts } = buildHybridIndex(paths);
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  parts.store.save(tmp);
  writeFileSync(join(tmp, LEXICAL_FILE), parts.lexical.toJSON());
  writeFileSync(join(tmp, MANIFEST), JSON.stringify(manifest));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { dir, key: manifest.key, docs: manifest.docs.length, index };
}

/** The persisted index if it exists and was built from the current sources, else null. */
function readPersisted(paths: IndexPaths, key: string): HybridIndex | null {
  const dir = paths.dir ?? DEFAULT_INDEX_DIR;
  const file = join(dir, MANIFEST);
  if (!existsSync(file)) return null;
  try {
    const manifest = ManifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!manifest.success || manifest.data.key !== key) return null;
    const units = loadKnowledge(paths.textsDir ?? TEXTS_DIR).units;
    const analyzer = analyzerFor(units, paths.glossaryFile);
    const embeddings = new HashingEmbeddings({
      analyzer,
      dim: manifest.data.dim,
      df: manifest.data.df,
      docCount: manifest.data.docCount,
    });
    const store = HnswVectorStore.load(dir, embeddings);
    const lexical = LexicalIndex.load(readFileSync(join(dir, LEXICAL_FILE), 'utf8'), analyzer);
    return new HybridIndex({ units, analyzer, embeddings, store, lexical, docs: manifest.data.docs });
  } catch {
    return null; // unreadable or partial: rebuilt below
  }
}

export interface LoadedRetriever extends Retriever {
  searchDense(query: string, opts?: SearchOptions): Hit[];
  searchLexical(query: string, opts?: SearchOptions): Hit[];
  /** Whether this load rebuilt the index (missing or stale) rather than reading it. */
  readonly rebuilt: boolean;
}

/**
 * Loads the persisted index, building (and persisting) it when it is missing or was built from
 * other texts, glossary or analysis. If the folder cannot be written, the index is kept in memory.
 */
export function loadRetriever(opts: IndexPaths = {}): LoadedRetriever {
  const key = indexKey(opts);
  const persisted = readPersisted(opts, key);
  if (persisted) return withFlag(persisted, false);
  let index: HybridIndex;
  try {
    index = buildIndex(opts).index;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === undefined) throw e;
    index = buildHybridIndex(opts).index; // read-only folder: serve from memory
  }
  return withFlag(index, true);
}

function withFlag(index: HybridIndex, rebuilt: boolean): LoadedRetriever {
  return {
    rebuilt,
    search: (q, o) => index.search(q, o),
    searchDense: (q, o) => index.searchDense(q, o),
    searchLexical: (q, o) => index.searchLexical(q, o),
  };
}

export interface HybridRetrieverInput extends BaseRetrieverInput {
  /** The synchronous retriever to wrap (default: `loadRetriever()`). */
  retriever?: Retriever;
  k?: number;
  source?: SourceId;
}

/** LangChain `BaseRetriever` over the hybrid index: documents carry `{ source, ref, score, text_en }`. */
export class HybridRetriever extends BaseRetriever {
  lc_namespace = ['supplier_security_advisor', 'retrieval'];
  private readonly retriever: Retriever;
  private readonly k: number;
  private readonly source: SourceId | undefined;

  constructor(fields: HybridRetrieverInput = {}) {
    super(fields);
    this.retriever = fields.retriever ?? loadRetriever();
    this.k = fields.k ?? 5;
    this.source = fields.source;
  }

  override async _getRelevantDocuments(query: string): Promise<Document[]> {
    return this.retriever.search(query, { k: this.k, source: this.source }).map(
      (h) =>
        new Document({
          pageContent: h.unit.text,
          metadata: { source: h.source, ref: h.ref, score: h.score, text_en: h.unit.text_en },
        }),
    );
  }
}
