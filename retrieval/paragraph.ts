/**
 * Which paragraph of a section answers a question. The hybrid ranking may return a whole section
 * (`§ 9`) whose folded text matches best, while the answer should quote the paragraph that carries the
 * matching words (`§ 9, stk. 1`). Each child is scored by the question's analysed terms (stems,
 * compound parts and glossary expansions, as the indexes see them) found in its own Danish and English
 * words, each weighted by its query weight and by how rare it is among the units.
 */
import type { KnowledgeBase } from '../knowledge/index.js';
import type { SourceId, Unit } from '../knowledge/types.js';
import { Analyzer } from './analysis.js';

/** What a glossary concept whose words all stand in a paragraph adds to its score. */
const CONCEPT_BONUS = 4;

import { loadGlossary } from './glossary.js';

export class ParagraphChooser {
  private readonly analyzer: Analyzer;
  private readonly unitTerms = new Map<string, Set<string>>();
  private readonly df = new Map<string, number>();

  constructor(private readonly kb: KnowledgeBase) {
    this.analyzer = new Analyzer(
      loadGlossary(),
      kb.units.map((u) => u.text),
    );
    for (const u of kb.units) {
      const own = new Set([
        ...this.analyzer.terms(u.lead || u.text, 'da'),
        ...this.analyzer.terms(u.text_en, 'en'),
      ]);
      this.unitTerms.set(`${u.source}|${u.ref}`, own);
      for (const t of own) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
  }

  private score(query: Map<string, number>, u: Unit): number {
    const own = this.unitTerms.get(`${u.source}|${u.ref}`);
    if (!own) return 0;
    const n = this.kb.units.length;
    let sum = 0;
    for (const [t, w] of query) if (own.has(t)) sum += w * Math.log(1 + n / (this.df.get(t) ?? 1));
    return sum;
  }

  /**
   * The children of `ref` whose words match `query`, best first: the best one, and any other scoring
   * at least `close` of it (two paragraphs often answer one question together), at most `max`.
   */
  best(source: SourceId, ref: string, query: string, close = 0.8, max = 2): Unit[] {
    // Glossary expansions name the provision a situation calls for: here they count nearly as much as the
    // question's own words, since only paragraphs of one section compete.
    const q = new Map(this.analyzer.query(query).map((t) => [t.term, t.weight]));
    // A glossary concept of the question (the statute words a situation calls for) whose words all
    // stand in a paragraph names that paragraph; partly present, it counts for less.
    const concepts = this.analyzer.concepts(query).filter((c) => c.length > 1);
    const scored = this.kb
      .children(source, ref)
      .map((c) => {
        const own = this.unitTerms.get(`${c.source}|${c.ref}`) ?? new Set<string>();
        const named = concepts.reduce(
          (sum, k) => sum + (k.filter((t) => own.has(t)).length / k.length) ** 2,
          0,
        );
        return { c, score: this.score(q, c) + CONCEPT_BONUS * named };
      })
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score);
    const top = scored[0]?.score ?? 0;
    return scored
      .filter((x) => x.score >= top * close)
      .slice(0, max)
      .map((x) => x.c);
  }
}
