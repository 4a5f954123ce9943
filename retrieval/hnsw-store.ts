/**
 * A thin LangChain `VectorStore` over hnswlib-node (cosine space), with synchronous search for the
 * pipeline's hot path and save/load to a folder.
 *
 * Why not `HNSWLib` from @langchain/community: that package pulls browser-automation and LLM-SDK
 * peer dependencies into the tree and clashes with the project's zod 4; this store needs only
 * @langchain/core's interfaces and hnswlib-node itself.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, type DocumentInterface } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { VectorStore } from '@langchain/core/vectorstores';
import hnswlib from 'hnswlib-node';
import { z } from 'zod';
import { SOURCE_IDS, type SourceId } from '../knowledge/types.js';
import { DenseScan, densify, type SparseVector, sparsify } from './dense-scan.js';

export interface DocMeta {
  source: SourceId;
  ref: string;
  lang: 'da' | 'en';
}
export const DocMetaSchema = z.object({
  source: z.enum(SOURCE_IDS),
  ref: z.string().min(1),
  lang: z.enum(['da', 'en']),
});

/** Metadata filter: documents whose metadata has all the given values. */
export type MetaFilter = Partial<DocMeta>;

const StoredSchema = z.object({
  dim: z.number().int().positive(),
  docs: z.array(z.object({ pageContent: z.string(), metadata: DocMetaSchema })),
});

const INDEX_FILE = 'hnsw.bin';
const DOCS_FILE = 'hnsw-docs.json';

export class HnswVectorStore extends VectorStore {
  declare FilterType: MetaFilter;
  private index: hnswlib.HierarchicalNSW;
  private docs: Document<DocMeta>[] = [];
  /** The exact scan of the stored vectors (see dense-scan.ts): undefined until checked, null if it does not match. */
  private scan: DenseScan | null | undefined;

  _vectorstoreType(): string {
    return 'hnswlib-node';
  }

  constructor(
    embeddings: EmbeddingsInterface,
    readonly dim: number,
    capacity = 256,
  ) {
    super(embeddings, {});
    this.index = new hnswlib.HierarchicalNSW('cosine', dim);
    this.index.initIndex({ maxElements: capacity, m: 16, efConstruction: 200, randomSeed: 100 });
  }

  get size(): number {
    return this.docs.length;
  }

  addVectorsSync(vectors: number[][], documents: DocumentInterface[]): void {
    if (vectors.length !== documents.length) throw new Error('vectors and documents differ in number');
    const need = this.docs.length + vectors.length;
    if (need > this.index.getMaxElements())
      this.index.resizeIndex(Math.max(need, 2 * this.index.getMaxElements()));
    vectors.forEach((v, i) => {
      if (v.length !== this.dim)
        throw new Error(`vector of dimension ${v.length}, the store has ${this.dim}`);
      const meta = DocMetaSchema.parse(documents[i]!.metadata);
      this.index.addPoint(v, this.docs.length);
      this.scan = undefined;
      this.masks.clear();
      this.docs.push(new Document({ pageContent: documents[i]!.pageContent, metadata: meta }));
    });
  }

  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<void> {
    this.addVectorsSync(vectors, documents);
  }

  async addDocuments(documents: DocumentInterface[]): Promise<void> {
    const vectors = await this.embeddings.embedDocuments(documents.map((d) => d.pageContent));
    this.addVectorsSync(vectors, documents);
  }

  /** Nearest documents by cosine similarity (1 best), restricted by metadata. */
  searchSync(query: number[], k: number, filter?: MetaFilter): [Document<DocMeta>, number][] {
    const keep = filter ? this.docs.map((d) => matches(d.metadata, filter)) : null;
    const available = keep ? keep.filter(Boolean).length : this.docs.length;
    const n = Math.min(k, available);
    if (n === 0) return [];
    this.index.setEf(Math.max(n, 64));
    const res = this.index.searchKnn(query, n, keep ? (label: number) => keep[label] === true : undefined);
    return res.neighbors.map(
      (label, i) => [this.docs[label]!, 1 - res.distances[i]!] as [Document<DocMeta>, number],
    );
  }

  /**
   * Every document by cosine similarity (1 best), restricted by metadata: the same as
   * `searchSync(densify(query), size, filter)`, by the exact scan where it matches this build of
   * hnswlib (checked once, see `exactScan`), else by hnswlib.
   */
  searchAllSync(query: SparseVector, filter?: MetaFilter): [Document<DocMeta>, number][] {
    const scan = this.exactScan();
    if (!scan) return this.searchSync(densify(query, this.dim), this.docs.length, filter);
    const keep = filter ? this.keepMask(filter) : undefined;
    const { labels, distances } = scan.rank(query, keep);
    return labels.map((label) => [this.docs[label]!, 1 - distances[label]!] as [Document<DocMeta>, number]);
  }

  /** Which documents a filter keeps (memoised per filter; the filters in use are few). */
  private readonly masks = new Map<string, Uint8Array>();
  private keepMask(filter: MetaFilter): Uint8Array {
    const id = `${filter.source ?? ''}\u0000${filter.ref ?? ''}\u0000${filter.lang ?? ''}`;
    let mask = this.masks.get(id);
    if (mask === undefined) {
      mask = Uint8Array.from(this.docs, (d) => (matches(d.metadata, filter) ? 1 : 0));
      if (this.masks.size >= 64) this.masks.clear();
      this.masks.set(id, mask);
    }
    return mask;
  }

  /** Checks the exact scan now (else on the first search): whether searches over the whole store use it. */
  prepareScan(): boolean {
    return this.exactScan() !== null;
  }

  /**
   * The exact scan, once it has given the same documents, order and distances (to the bit) as hnswlib
   * for probe queries (stored vectors, sums of two, with and without a source filter); null where
   * it does not (another platform's arithmetic, a graph hnswlib cannot search through).
   */
  private exactScan(): DenseScan | null {
    if (this.scan !== undefined) return this.scan;
    const n = this.docs.length;
    let scan: DenseScan | null = null;
    if (n > 0 && this.dim % 16 === 0) {
      const stored = Array.from({ length: n }, (_, label) => this.index.getPoint(label));
      scan = new DenseScan(this.dim, stored);
      const probes: number[][] = [];
      const step = Math.max(1, Math.floor(n / 4));
      for (let a = 0; a < n; a += step) {
        probes.push(stored[a]!);
        const b = (a * 7 + 3) % n;
        probes.push(stored[a]!.map((x, i) => (i % 3 === 0 ? 0 : x + 0.5 * stored[b]![i]!)));
      }
      const filters: (MetaFilter | undefined)[] = [
        undefined,
        ...new Set(this.docs.map((d) => d.metadata.source)),
      ].map((source) => (source === undefined ? undefined : { source }));
      const same = (x: [Document<DocMeta>, number][], y: [Document<DocMeta>, number][]) =>
        x.length === y.length && x.every(([d, s], i) => d === y[i]![0] && Object.is(s, y[i]![1]));
      this.scan = scan;
      const ok = probes.every((q) =>
        filters.every((filter) =>
          same(this.searchAllSync(sparsify(q), filter), this.searchSync(q, n, filter)),
        ),
      );
      if (!ok) scan = null;
    }
    this.scan = scan;
    return scan;
  }

  async similaritySearchVectorWithScore(
    query: number[],
    k: number,
    filter?: MetaFilter,
  ): Promise<[Document, number][]> {
    return this.searchSync(query, k, filter);
  }

  save(dir: string): void {
    this.index.writeIndexSync(join(dir, INDEX_FILE));
    const stored: z.infer<typeof StoredSchema> = {
      dim: this.dim,
      docs: this.docs.map((d) => ({ pageContent: d.pageContent, metadata: d.metadata })),
    };
    writeFileSync(join(dir, DOCS_FILE), JSON.stringify(stored));
  }

  static load(dir: string, embeddings: EmbeddingsInterface): HnswVectorStore {
    const stored = StoredSchema.parse(JSON.parse(readFileSync(join(dir, DOCS_FILE), 'utf8')));
    const store = new HnswVectorStore(embeddings, stored.dim, 1);
    store.index = new hnswlib.HierarchicalNSW('cosine', stored.dim);
    store.index.readIndexSync(join(dir, INDEX_FILE));
    store.docs = stored.docs.map((d) => new Document({ pageContent: d.pageContent, metadata: d.metadata }));
    if (store.index.getCurrentCount() !== store.docs.length)
      throw new Error('the vector index and its documents differ in number');
    return store;
  }
}

function matches(meta: DocMeta, filter: MetaFilter): boolean {
  return (
    (filter.source === undefined || meta.source === filter.source) &&
    (filter.ref === undefined || meta.ref === filter.ref) &&
    (filter.lang === undefined || meta.lang === filter.lang)
  );
}
