/**
 * The lexical index: MiniSearch (BM25+) with the project's analysis as its tokenizer. Each unit is
 * indexed twice, Danish text with Danish analysis and English rendering with English analysis; the
 * field says which language a text is in, and a question is analysed in both (with the glossary).
 *
 * MiniSearch builds the index and owns its persisted form (`toJSON`). Searching does not go through
 * `MiniSearch.search`: the queries here are exact terms (no prefix, no fuzzy matching), so every
 * term's BM25+ score in every document depends only on the corpus and is computed once, at load;
 * a search then only weighs and adds them up. The arithmetic, the order of the additions and the
 * order of ties are MiniSearch 7's own (`executeQuerySpec`, `termResults`, the `OR` combinator and
 * the final `score * quality` and stable sort), so the results are the same to the last bit
 * (test/retrieval/lexical.test.ts compares the two).
 */
import MiniSearch, { type Options } from 'minisearch';
import { z } from 'zod';
import type { Analyzer, Lang, WeightedTerm } from './analysis.js';
import type { DocMeta, MetaFilter } from './hnsw-store.js';

export interface LexicalDoc extends DocMeta {
  id: number;
  body: string;
  context: string;
}

const FIELDS = ['body_da', 'context_da', 'body_en', 'context_en'] as const;
type Field = (typeof FIELDS)[number];
/** Field boosts, in MiniSearch's field order: a unit's own words over its context's. */
const BOOST: Record<Field, number> = { body_da: 1, context_da: 0.4, body_en: 1, context_en: 0.4 };
/** MiniSearch's default BM25+ parameters. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

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

/** The parts of MiniSearch's serialised index (serialization version 2) that scoring reads. */
const SerializedSchema = z.object({
  documentCount: z.number().int().nonnegative(),
  documentIds: z.record(z.string(), z.number()),
  fieldIds: z.record(z.string(), z.number().int().nonnegative()),
  fieldLength: z.record(z.string(), z.array(z.number().nullable())),
  averageFieldLength: z.array(z.number().nullable()),
  storedFields: z.record(z.string(), z.object({ source: z.string(), lang: z.string() }).passthrough()),
  index: z.array(z.tuple([z.string(), z.record(z.string(), z.record(z.string(), z.number()))])),
  serializationVersion: z.literal(2),
});

/**
 * One term's matches, in MiniSearch's order (field by field, documents by ascending short id):
 * the document (its position in `docs`), the field's boost and the BM25+ score.
 */
interface Postings {
  doc: Int32Array;
  boost: Float64Array;
  raw: Float64Array;
}

interface ScoredDoc {
  /** The caller's document id. */
  id: number;
  source: string;
  lang: string;
}

/** MiniSearch 7's `calcBM25Score`, operation for operation. */
function bm25(termFreq: number, matching: number, total: number, fieldLength: number, avg: number): number {
  const { k, b, d } = BM25;
  const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avg)));
}

export class LexicalIndex {
  private readonly postings = new Map<string, Postings>();
  /** Documents by position (short ids in ascending order). */
  private readonly docs: ScoredDoc[] = [];
  /** Per-search scratch: a document's score so far, the number of distinct terms it matched, and the
   * term (its index in the query) that last touched it. */
  private readonly acc: Float64Array;
  private readonly termScore: Float64Array;
  private readonly matched: Int32Array;
  private readonly lastTerm: Int32Array;

  private constructor(
    private readonly json: string,
    private readonly analyzer: Analyzer,
  ) {
    const data = SerializedSchema.parse(JSON.parse(json));
    const position = new Map<number, number>();
    for (const short of Object.keys(data.documentIds)
      .map(Number)
      .sort((a, b) => a - b)) {
      const stored = data.storedFields[String(short)];
      position.set(short, this.docs.length);
      this.docs.push({
        id: data.documentIds[String(short)]!,
        source: stored?.source ?? '',
        lang: stored?.lang ?? '',
      });
    }
    const n = this.docs.length;
    this.acc = new Float64Array(n);
    this.termScore = new Float64Array(n);
    this.matched = new Int32Array(n);
    this.lastTerm = new Int32Array(n).fill(-1);
    for (const [term, byField] of data.index) {
      const doc: number[] = [];
      const boost: number[] = [];
      const raw: number[] = [];
      for (const field of FIELDS) {
        const fieldId = data.fieldIds[field];
        const freqs = fieldId === undefined ? undefined : byField[String(fieldId)];
        if (fieldId === undefined || !freqs) continue;
        const shorts = Object.keys(freqs)
          .map(Number)
          .sort((a, b) => a - b);
        const avg = data.averageFieldLength[fieldId] ?? 0;
        for (const short of shorts) {
          const pos = position.get(short);
          if (pos === undefined) continue; // not in the index's documents (never happens: nothing is removed)
          const length = data.fieldLength[String(short)]?.[fieldId] ?? 0;
          doc.push(pos);
          boost.push(BOOST[field]);
          raw.push(bm25(freqs[String(short)]!, shorts.length, data.documentCount, length, avg));
        }
      }
      this.postings.set(term, {
        doc: Int32Array.from(doc),
        boost: Float64Array.from(boost),
        raw: Float64Array.from(raw),
      });
    }
  }

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
    return new LexicalIndex(JSON.stringify(mini), analyzer);
  }

  /** The index from its persisted form (`toJSON`). */
  static load(json: string, analyzer: Analyzer): LexicalIndex {
    return new LexicalIndex(json, analyzer);
  }

  toJSON(): string {
    return this.json;
  }

  /** Whether a term occurs in any indexed text. */
  has(term: string): boolean {
    return this.postings.has(term);
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
    // As MiniSearch: a term's boost is its last weight; the query is the terms joined and split on spaces.
    const weight = new Map(terms.map((t) => [t.term, t.weight]));
    const words = terms
      .map((t) => t.term)
      .join(' ')
      .split(' ')
      .filter((w) => !!w);
    const { acc, termScore, matched, lastTerm } = this;
    const order: number[] = []; // documents in the order they were first matched
    const seen = new Map<string, number>(); // a repeated term counts once in a document's quality
    const touched: number[] = [];
    words.forEach((word, q) => {
      const p = this.postings.get(word);
      if (!p) return;
      const termBoost = weight.get(word) ?? 1;
      const first = seen.get(word) ?? q;
      seen.set(word, first);
      touched.length = 0;
      for (let i = 0; i < p.doc.length; i += 1) {
        const d = p.doc[i]!;
        const doc = this.docs[d]!;
        if (
          filter &&
          ((filter.source !== undefined && doc.source !== filter.source) ||
            (filter.lang !== undefined && doc.lang !== filter.lang))
        )
          continue; // MiniSearch filters after scoring: leaving a document out changes no other's score
        const s = termBoost * p.boost[i]! * p.raw[i]!;
        if (lastTerm[d] === q) termScore[d]! += s;
        else {
          lastTerm[d] = q;
          termScore[d] = s;
          touched.push(d);
        }
      }
      for (const d of touched) {
        if (matched[d] === 0) {
          order.push(d);
          acc[d] = termScore[d]!;
        } else acc[d] = acc[d]! + termScore[d]!;
        // `matched` counts distinct terms: a repeat (same first index) adds no quality.
        if (first === q) matched[d] = matched[d]! + 1;
      }
    });
    const results = order.map((d) => ({ id: this.docs[d]!.id, score: acc[d]! * (matched[d]! || 1) }));
    for (const d of order) {
      matched[d] = 0;
      lastTerm[d] = -1;
    }
    return results.sort((a, b) => b.score - a.score);
  }
}
