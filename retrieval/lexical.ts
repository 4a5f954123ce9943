/**
 * The lexical index: MiniSearch (BM25+) with the project's analysis as its tokenizer. Each unit is
 * indexed twice, Danish text with Danish analysis and English rendering with English analysis; the
 * field says which language a text is in, and a question is analysed in both (with the glossary).
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Analyzer, Lang, WeightedTerm } from './analysis.js';
import type { DocMeta, MetaFilter } from './hnsw-store.js';

export interface LexicalDoc extends DocMeta {
  id: number;
  body: string;
  context: string;
}

const FIELDS = ['body_da', 'context_da', 'body_en', 'context_en'] as const;
type Field = (typeof FIELDS)[number];

interface StoredDoc {
  id: number;
  source: DocMeta['source'];
  ref: string;
  lang: Lang;
  body_da?: string;
  context_da?: string;
  body_en?: string;
  context_en?: string;
}

function options(analyzer: Analyzer): Options<StoredDoc> {
  return {
    fields: [...FIELDS],
    storeFields: ['source', 'ref', 'lang'],
    // Index side: the field names the language of the text.
    tokenize: (text, field) =>
      field ? analyzer.terms(text, field.endsWith('_da') ? 'da' : 'en') : text.split(' '),
    processTerm: (t) => t,
  };
}

export class LexicalIndex {
  private constructor(
    private readonly mini: MiniSearch<StoredDoc>,
    private readonly analyzer: Analyzer,
  ) {}

  static build(analyzer: Analyzer, docs: LexicalDoc[]): LexicalIndex {
    const mini = new MiniSearch<StoredDoc>(options(analyzer));
    mini.addAll(
      docs.map((d) => ({
        id: d.id,
        source: d.source,
        ref: d.ref,
        lang: d.lang,
        [`body_${d.lang}`]: d.body,
        [`context_${d.lang}`]: d.context,
      })),
    );
    return new LexicalIndex(mini, analyzer);
  }

  static load(json: string, analyzer: Analyzer): LexicalIndex {
    return new LexicalIndex(MiniSearch.loadJSON<StoredDoc>(json, options(analyzer)), analyzer);
  }

  toJSON(): string {
    return JSON.stringify(this.mini);
  }

  /**
   * BM25+ search of a question (any language): document ids with scores, best first. `known` may
   * leave out terms no indexed text has (they cannot match; fewer terms, faster search).
   */
  search(
    query: string,
    filter?: MetaFilter,
    known?: (term: string) => boolean,
  ): { id: number; score: number }[] {
    return this.searchTerms(
      this.analyzer.query(query).filter((t) => !known || known(t.term)),
      filter,
    );
  }

  /** BM25+ search of analysed, weighted terms: document ids with scores, best first. */
  searchTerms(terms: readonly WeightedTerm[], filter?: MetaFilter): { id: number; score: number }[] {
    if (terms.length === 0) return [];
    const weight = new Map(terms.map((t) => [t.term, t.weight]));
    const boost: Partial<Record<Field, number>> = {
      body_da: 1,
      body_en: 1,
      context_da: 0.4,
      context_en: 0.4,
    };
    const results: SearchResult[] = this.mini.search(terms.map((t) => t.term).join(' '), {
      tokenize: (s) => s.split(' '),
      processTerm: (t) => t,
      boost,
      boostTerm: (term) => weight.get(term) ?? 1,
      filter: filter
        ? (r) =>
            (filter.source === undefined || r.source === filter.source) &&
            (filter.lang === undefined || r.lang === filter.lang)
        : undefined,
    });
    return results.map((r) => ({ id: r.id as number, score: r.score }));
  }
}
