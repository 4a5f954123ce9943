/**
 * Which paragraph of a section answers a question: the hybrid ranking may return a whole section
 * (`§ 9`) whose folded text matches best, while the answer should quote the paragraph that carries the
 * matching words (`§ 9, stk. 1`). Scores each child by the question's stems found in its own words
 * (Danish and the English rendering), weighted by how rare the stem is among the source's units.
 */
import type { KnowledgeBase } from '../knowledge/index.js';
import type { SourceId, Unit } from '../knowledge/types.js';
import { isStopWord, type Lang, stem, tokenize } from './analysis.js';

function stems(text: string, lang: Lang): Set<string> {
  const out = new Set<string>();
  for (const w of tokenize(text)) {
    if (w.length < 3 || isStopWord(w, lang)) continue;
    const s = stem(w, lang);
    out.add(s);
    // Danish compounds: a long stem also stands for its first part and its head (sikkerhedsoplysninger).
    if (lang === 'da' && s.length >= 10) for (let i = 4; i <= s.length - 4; i++) out.add(s.slice(i));
  }
  return out;
}

export class ParagraphChooser {
  private readonly unitStems = new Map<string, Set<string>>();
  private readonly df = new Map<string, number>();
  private readonly leaves: number;

  constructor(private readonly kb: KnowledgeBase) {
    const leaves = kb.units.filter((u) => kb.children(u.source, u.ref).length === 0);
    this.leaves = leaves.length;
    for (const u of kb.units) {
      const own = new Set([...stems(u.text, 'da'), ...stems(u.text_en, 'en')]);
      this.unitStems.set(`${u.source}|${u.ref}`, own);
    }
    for (const u of leaves)
      for (const s of this.unitStems.get(`${u.source}|${u.ref}`)!) this.df.set(s, (this.df.get(s) ?? 0) + 1);
  }

  private score(query: Set<string>, u: Unit): number {
    const own = this.unitStems.get(`${u.source}|${u.ref}`);
    if (!own) return 0;
    let sum = 0;
    for (const s of query) if (own.has(s)) sum += Math.log(1 + this.leaves / (this.df.get(s) ?? 1));
    return sum;
  }

  /** The child of `ref` whose words best match `query`, or undefined when none matches at all. */
  best(source: SourceId, ref: string, query: string): Unit | undefined {
    const q = new Set([...stems(query, 'da'), ...stems(query, 'en')]);
    let best: Unit | undefined;
    let bestScore = 0;
    for (const c of this.kb.children(source, ref)) {
      const sc = this.score(q, c);
      if (sc > bestScore) {
        best = c;
        bestScore = sc;
      }
    }
    return best;
  }
}
