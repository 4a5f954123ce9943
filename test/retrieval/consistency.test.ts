import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../knowledge/paths.js';
import { buildHybridIndex } from '../../retrieval/index.js';

const { index } = buildHybridIndex();
const questions = readFileSync(join(PROJECT_ROOT, 'retrieval', 'queries.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { q: string }).q);
const brief = (hits: { ref: string; score: number }[]) => hits.map((h) => [h.ref, h.score]);

describe('retrieval depth', () => {
  it('gives the same first results, with the same scores, whatever number of results is asked for', () => {
    for (const q of questions)
      for (const source of [undefined, 'lov-1156-2021', 'spm-485-2022'] as const) {
        const deep = brief(index.search(q, { k: 200, source }));
        for (const k of [1, 2, 5, 10, 40])
          expect(brief(index.search(q, { k, source }))).toEqual(deep.slice(0, k));
      }
  });

  it('does so for the dense and the lexical half too', () => {
    for (const q of questions.slice(0, 40)) {
      const dense = brief(index.searchDense(q, { k: 200 }));
      const lexical = brief(index.searchLexical(q, { k: 200 }));
      for (const k of [1, 3, 10]) {
        expect(brief(index.searchDense(q, { k }))).toEqual(dense.slice(0, k));
        expect(brief(index.searchLexical(q, { k }))).toEqual(lexical.slice(0, k));
      }
    }
  });

  it('answers the same question the same way every time (no state kept between searches)', () => {
    const q = questions[0]!;
    const first = brief(index.search(q, { k: 40 }));
    for (const other of questions.slice(1, 30)) index.search(other, { k: 3, source: 'lov-1156-2021' });
    expect(brief(index.search(q, { k: 40 }))).toEqual(first);
  });

  it('answers the same after more distinct words than its memos hold (they are emptied, not grown)', () => {
    const q = questions[1]!;
    const first = brief(index.search(q, { k: 40 }));
    // Distinct letter-only words: the base-26 digits of i written as a to z.
    const word = (i: number) =>
      `ord${[...i.toString(26)].map((c) => String.fromCharCode(97 + Number.parseInt(c, 26))).join('')}`;
    const words = Array.from({ length: 25_000 }, (_, i) => word(i));
    for (let i = 0; i < words.length; i += 5_000) index.search(words.slice(i, i + 5_000).join(' '), { k: 3 });
    expect(brief(index.search(q, { k: 40 }))).toEqual(first);
  });
});
