import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../knowledge/paths.js';
import { densify } from '../../retrieval/dense-scan.js';
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
});
