/**
 * An offline, deterministic embedding behind LangChain's `Embeddings` interface: hashed features
 * (analysed word stems, compound parts, glossary expansions for questions, character 3-5-grams of
 * the words) weighted by an IDF fitted on the indexed texts, signed-hashed into a fixed dimension
 * and L2-normalised, for a cosine space. No model, no network: the same text always gives the
 * same vector.
 */
import { Embeddings } from '@langchain/core/embeddings';
import { type Analyzer, detectLanguage, type Lang, PART_WEIGHT } from './analysis.js';
import type { SparseVector } from './dense-scan.js';

/** 2048 buckets: at 512 the hashed features collide enough to cost a tenth of recall on the eval. */
export const DEFAULT_DIM = 2048;
const NGRAM_WEIGHT = 0.1;
const CONTEXT_WEIGHT = 0.6;
/** At most this many features' buckets and IDFs are memoised. */
const SLOT_CACHE = 50_000;

/** 32-bit FNV-1a. */
function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export type FeatureBag = Map<string, number>;

function addFeature(bag: FeatureBag, f: string, w: number) {
  bag.set(f, (bag.get(f) ?? 0) + w);
}

/** Each word's n-gram features (`g:` and the gram), memoised: words recur. Bounded: cleared when full. */
const gramCache = new Map<string, string[]>();
const GRAM_CACHE = 20_000;

function ngramFeatures(word: string): string[] {
  let grams = gramCache.get(word);
  if (grams === undefined) {
    const padded = `<${word}>`;
    grams = [];
    for (let n = 3; n <= 5; n += 1)
      for (let i = 0; i + n <= padded.length; i += 1) grams.push(`g:${padded.slice(i, i + n)}`);
    if (gramCache.size >= GRAM_CACHE) gramCache.clear();
    gramCache.set(word, grams);
  }
  return grams;
}

function addNgrams(bag: FeatureBag, word: string, w: number) {
  const grams = ngramFeatures(word);
  if (grams.length === 0) return;
  for (const g of grams) addFeature(bag, g, w / Math.sqrt(grams.length));
}

export interface HashingEmbeddingsOptions {
  analyzer: Analyzer;
  dim?: number;
  /** Document frequency of each feature in the indexed texts, and their number. */
  df?: Record<string, number>;
  docCount?: number;
}

export class HashingEmbeddings extends Embeddings {
  readonly dim: number;
  readonly analyzer: Analyzer;
  df: Record<string, number>;
  docCount: number;

  constructor(opts: HashingEmbeddingsOptions) {
    super({});
    this.analyzer = opts.analyzer;
    this.dim = opts.dim ?? DEFAULT_DIM;
    this.df = opts.df ?? {};
    this.docCount = opts.docCount ?? 0;
  }

  /** Features of an indexed text in a known language, with optional context (ancestors, chapter). */
  documentFeatures(text: string, lang: Lang, context = ''): FeatureBag {
    const bag: FeatureBag = new Map();
    const add = (t: string, scale: number) => {
      for (const p of this.analyzer.positions(t, lang)) {
        addFeature(bag, `w:${p.stem}`, scale);
        for (const part of p.parts) addFeature(bag, `w:${part}`, scale * PART_WEIGHT);
        addNgrams(bag, p.word, scale * NGRAM_WEIGHT);
      }
    };
    add(text, 1);
    if (context) add(context, CONTEXT_WEIGHT);
    return bag;
  }

  /** Features of a question in either language, with the glossary's expansions; only features the fitted texts have. */
  queryFeatures(text: string): FeatureBag {
    const bag: FeatureBag = new Map();
    for (const { term, weight } of this.analyzer.query(text)) addFeature(bag, `w:${term}`, weight);
    // The words `query` read (the same analysis of the same text, so not repeated).
    for (const w of this.analyzer.queryWords(text)) {
      // Only the n-grams the fitted texts have: the others would be dropped below (a word's weight
      // is still shared by all its n-grams).
      const { grams, count } = this.queryNgrams(w);
      for (const g of grams) addFeature(bag, g, NGRAM_WEIGHT / Math.sqrt(count));
    }
    // A feature no indexed text has cannot make any text nearer (bar hash collisions): drop it.
    if (this.docCount > 0) for (const f of bag.keys()) if (this.df[f] === undefined) bag.delete(f);
    return bag;
  }

  /** A word's n-gram features that the fitted texts have (all, if none is fitted), and the number of all its n-grams. */
  private readonly knownGrams = new Map<string, { grams: string[]; count: number }>();
  private queryNgrams(word: string): { grams: string[]; count: number } {
    let entry = this.knownGrams.get(word);
    if (entry === undefined) {
      const all = ngramFeatures(word);
      entry = {
        grams: this.docCount > 0 ? all.filter((g) => this.df[g] !== undefined) : all,
        count: all.length,
      };
      if (this.knownGrams.size >= GRAM_CACHE) this.knownGrams.clear();
      this.knownGrams.set(word, entry);
    }
    return entry;
  }

  /** Whether an analysed term occurs in the fitted texts. */
  knows(term: string): boolean {
    return this.df[`w:${term}`] !== undefined;
  }

  /** Fits the IDF on the feature bags of the indexed texts. */
  fit(bags: FeatureBag[]): void {
    const df: Record<string, number> = {};
    for (const b of bags) for (const f of b.keys()) df[f] = (df[f] ?? 0) + 1;
    this.df = df;
    this.docCount = bags.length;
    this.slots.clear();
    this.knownGrams.clear();
  }

  /**
   * A feature's bucket, sign and IDF (they depend on the feature and the fitted texts only). Memoised:
   * words recur across questions. Bounded: cleared when full.
   */
  private readonly slots = new Map<string, { bucket: number; idf: number; sign: number }>();
  private slot(f: string): { bucket: number; idf: number; sign: number } {
    let s = this.slots.get(f);
    if (s === undefined) {
      const sign = fnv1a(f, 0x9747b28c) & 1 ? 1 : -1;
      const idf = this.idf(f);
      s = { bucket: fnv1a(f) % this.dim, idf, sign };
      if (this.slots.size >= SLOT_CACHE) this.slots.clear();
      this.slots.set(f, s);
    }
    return s;
  }

  /**
   * `vectorize` by its non-zero coordinates in ascending order: the same values to the bit (each bucket
   * adds its features in the bag's order; the norm adds the squares in the order of the buckets).
   */
  vectorizeSparse(bag: FeatureBag): SparseVector {
    if (this.scratch.length !== this.dim) {
      this.scratch = new Float64Array(this.dim);
      this.touched = new Uint8Array(this.dim);
    }
    const sums = this.scratch;
    const touched: number[] = [];
    for (const [f, w] of bag) {
      const { bucket, sign, idf } = this.slot(f);
      if (this.touched[bucket] !== 1) {
        this.touched[bucket] = 1;
        touched.push(bucket);
      }
      sums[bucket] = sums[bucket]! + sign * Math.log1p(w) * idf;
    }
    const index = Int32Array.from(touched).sort();
    let norm = 0;
    for (const b of index) norm += sums[b]! * sums[b]!;
    norm = Math.sqrt(norm) || 1;
    const value = Float64Array.from(index, (b) => sums[b]! / norm);
    for (const b of index) {
      sums[b] = 0;
      this.touched[b] = 0;
    }
    return { index, value };
  }

  /** Scratch for `vectorizeSparse`: each bucket's sum, and whether a feature fell in it. */
  private scratch = new Float64Array(0);
  private touched = new Uint8Array(0);

  private idf(f: string): number {
    return Math.log((this.docCount + 1) / ((this.df[f] ?? 0) + 1)) + 1;
  }

  /** The unit vector of a feature bag: log-scaled weight × IDF, signed-hashed into `dim` buckets. */
  vectorize(bag: FeatureBag): number[] {
    const v = new Float64Array(this.dim);
    for (const [f, w] of bag) {
      const h = fnv1a(f);
      const sign = fnv1a(f, 0x9747b28c) & 1 ? 1 : -1;
      v[h % this.dim]! += sign * Math.log1p(w) * this.idf(f);
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return Array.from(v, (x) => x / norm);
  }

  embedDocumentSync(text: string, lang: Lang = detectLanguage(text), context = ''): number[] {
    return this.vectorize(this.documentFeatures(text, lang, context));
  }

  embedQuerySync(text: string): number[] {
    return this.vectorize(this.queryFeatures(text));
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => this.embedDocumentSync(d));
  }

  override async embedQuery(document: string): Promise<number[]> {
    return this.embedQuerySync(document);
  }
}
