import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch, { type SearchResult } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../knowledge/paths.js';
import type { WeightedTerm } from '../../retrieval/analysis.js';
import type { MetaFilter } from '../../retrieval/hnsw-store.js';
import { buildHybridIndex } from '../../retrieval/index.js';

const { parts } = buildHybridIndex();
const { lexical, analyzer } = parts;
const fields = ['body_da', 'context_da', 'body_en', 'context_en'];
const mini = MiniSearch.loadJSON(lexical.toJSON(), { fields, storeFields: ['source', 'ref', 'lang'] });

/** What the index returned when it searched through `MiniSearch.search` (the reference). */
function reference(terms: readonly WeightedTerm[], filter?: MetaFilter): { id: number; score: number }[] {
  if (terms.length === 0) return [];
  const weight = new Map(terms.map((t) => [t.term, t.weight]));
  const results: SearchResult[] = mini.search(terms.map((t) => t.term).join(' '), {
    tokenize: (s) => s.split(' '),
    processTerm: (t) => t,
    boost: { body_da: 1, body_en: 1, context_da: 0.4, context_en: 0.4 },
    boostTerm: (term) => weight.get(term) ?? 1,
    filter: filter
      ? (r) =>
          (filter.source === undefined || r.source === filter.source) &&
          (filter.lang === undefined || r.lang === filter.lang)
      : undefined,
  });
  return results.map((r) => ({ id: r.id as number, score: r.score }));
}

const questions = readFileSync(join(PROJECT_ROOT, 'retrieval', 'queries.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { q: string }).q);
const filters: (MetaFilter | undefined)[] = [
  undefined,
  { source: 'lov-1156-2021' },
  { source: 'spm-485-2022' },
  { source: 'lov-1156-2021', lang: 'da' },
];

describe('lexical index', () => {
  it('scores and orders every question exactly as MiniSearch does', () => {
    for (const q of questions)
      for (const f of filters) {
        const terms = analyzer.query(q);
        expect(lexical.searchTerms(terms, f)).toEqual(reference(terms, f));
      }
  });

  it('counts a repeated term once in a document’s quality and adds its score twice, as MiniSearch', () => {
    const terms = [
      { term: 'leverandør', weight: 1 },
      { term: 'kernenet', weight: 0.5 },
      { term: 'leverandør', weight: 0.7 },
      { term: 'ukendtord', weight: 1 },
    ];
    expect(lexical.searchTerms(terms)).toEqual(reference(terms));
    expect(lexical.searchTerms([])).toEqual([]);
  });

  it('finds nothing for words no indexed text has', () => {
    expect(lexical.search('xyzzy qwertz')).toEqual([]);
  });
});
