import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document } from '@langchain/core/documents';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../knowledge/paths.js';
import { densify, sparsify } from '../../retrieval/dense-scan.js';
import { HnswVectorStore } from '../../retrieval/hnsw-store.js';
import { buildHybridIndex } from '../../retrieval/index.js';

const { parts } = buildHybridIndex();
const { store, embeddings } = parts;
const questions = readFileSync(join(PROJECT_ROOT, 'retrieval', 'queries.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { q: string }).q);
const brief = (res: [{ metadata: { ref: string; lang: string } }, number][]) =>
  res.map(([d, s]) => [d.metadata.ref, d.metadata.lang, s]);

describe('dense search over the whole store', () => {
  it('gives hnswlib’s documents, order and similarities to the bit, with and without a source', () => {
    for (const q of questions) {
      const bag = embeddings.queryFeatures(q);
      const sparse = embeddings.vectorizeSparse(bag);
      const dense = embeddings.vectorize(bag);
      expect(densify(sparse, embeddings.dim)).toEqual(dense);
      for (const filter of [
        undefined,
        { source: 'lov-1156-2021' as const },
        { source: 'spm-485-2022' as const },
      ])
        expect(brief(store.searchAllSync(sparse, filter))).toEqual(
          brief(store.searchSync(dense, store.size, filter)),
        );
    }
  });

  it('orders equally near documents as hnswlib does, and tells a source apart', () => {
    const dim = 32;
    const vec = (seed: number) =>
      Array.from({ length: dim }, (_, i) => ((i * seed) % 7 === 0 ? 0 : Math.sin(i + seed)));
    const vectors = [vec(1), vec(2), vec(1), vec(3), vec(2), vec(1)];
    const small = new HnswVectorStore(embeddings, dim, vectors.length);
    small.addVectorsSync(
      vectors,
      vectors.map(
        (_, i) =>
          new Document({
            pageContent: `doc ${i}`,
            metadata: { source: i % 2 ? 'spm-485-2022' : 'lov-1156-2021', ref: `§ ${i}`, lang: 'da' },
          }),
      ),
    );
    for (const q of [vec(1), vec(2), vec(5), vec(1).map((x, i) => (i < 10 ? x : 0))])
      for (const filter of [undefined, { source: 'spm-485-2022' as const }]) {
        const expected = brief(small.searchSync(q, vectors.length, filter));
        expect(brief(small.searchAllSync(sparsify(q), filter))).toEqual(expected);
      }
  });
});
