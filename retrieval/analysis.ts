/**
 * Text analysis shared by the lexical and the dense index: normalisation, tokens, stop words,
 * Snowball stemming (Danish, English), Danish compound splitting and glossary expansion.
 * The same functions analyse the indexed units and the user's question.
 */
import * as snowball from 'snowball-stemmers';
import type { Glossary } from './glossary.js';
import { DANISH_STOP_WORDS, ENGLISH_STOP_WORDS } from './stopwords.js';

/** Bump when the analysis changes in a way that changes the index (the index key includes it). */
export const ANALYSIS_VERSION = '11';

export type Lang = 'da' | 'en';
export const LANGS: readonly Lang[] = ['da', 'en'];

/**
 * Lower case, NFC, Danish letters kept (æ ø å), other diacritics folded (é → e, ó → o; the German and
 * Swedish ä/ö become æ/ø), hyphen variants unified, and digit groups joined (`50.000`, `50,000` → `50000`).
 */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'æ')
    .replace(/ö/g, 'ø')
    .normalize('NFD')
    .replace(/(?!\u030a)[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/[\u2010-\u2015\u2212\u00ad]/g, '-')
    .replace(/[’`´]/g, "'")
    .replace(
      /(?<![\d.,])(\d{1,3})((?:[.,]\d{3})+)(?![\d]|[.,]\d)/g,
      (_m, a: string, rest: string) => a + rest.replace(/[.,]/g, ''),
    );
}

/**
 * Word tokens of normalised text. A hyphenated word yields its parts and the parts joined
 * (`core-net` → core, net, corenet); a leading hyphen (`-tjenester`) is dropped.
 */
export function tokenize(text: string): string[] {
  const cached = tokenCache.get(text);
  if (cached) return cached;
  const out: string[] = [];
  for (const raw of normalize(text).split(/[^\p{L}\p{N}'-]+/u)) {
    const word = raw.replace(/^[-']+|[-']+$/g, '').replace(/'s$/, '');
    if (!word) continue;
    if (word.includes('-')) {
      const parts = word.split(/-+/).filter(Boolean);
      out.push(...parts);
      if (parts.length > 1) out.push(parts.join(''));
    } else out.push(word);
  }
  remember(tokenCache, text, out);
  return out;
}

/** At most this many words' analyses (stems, compound splits, positions) are memoised, per cache. */
const WORD_CACHE = 20_000;
const tokenCache = new Map<string, string[]>();
const specialCache = new Map<string, string[]>();
/** A small memo: a question is analysed several times (per language, with and without stop words). */
function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= 256) cache.clear();
  cache.set(key, value);
}

const stemmers = { da: snowball.newStemmer('danish'), en: snowball.newStemmer('english') };
const stemCache = { da: new Map<string, string>(), en: new Map<string, string>() };

export function stem(word: string, lang: Lang): string {
  const cache = stemCache[lang];
  let s = cache.get(word);
  if (s === undefined) {
    s = /^\p{N}+$/u.test(word) ? word : stemmers[lang].stem(word);
    if (cache.size >= WORD_CACHE) cache.clear();
    cache.set(word, s);
  }
  return s;
}

export function isStopWord(word: string, lang: Lang): boolean {
  return (lang === 'da' ? DANISH_STOP_WORDS : ENGLISH_STOP_WORDS).has(word);
}

/** Rough language of a text: Danish letters and stop words against English stop words. */
export function detectLanguage(text: string): Lang {
  let da = 0;
  let en = 0;
  for (const t of tokenize(text)) {
    if (/[æøå]/.test(t)) da += 1;
    if (DANISH_STOP_WORDS.has(t)) da += 1;
    if (ENGLISH_STOP_WORDS.has(t)) en += 1;
  }
  return en > da ? 'en' : 'da';
}

const MONTHS =
  'januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec|january|february|march|may|june|july|october';
const DATE_RES = [
  new RegExp(`\\b\\d{1,2}\\.?\\s*(?:${MONTHS})\\.?(?:\\s+\\d{4})?\\b`, 'g'),
  new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'g'),
  new RegExp(`\\b(?:${MONTHS})\\s+(?:19|20)\\d{2}\\b`, 'g'),
  /\b\d{1,2}[/.]\d{1,2}[-/.](?:\d{4}|\d{2})\b/g,
  /\b(?:19|20)\d{2}-\d{2}-\d{2}\b/g,
  /\b(?:19[89]\d|20[0-4]\d)\b/g,
];
const COUNT_RE = /\b(\d+(?:[.,]\d+)?)(?:\s*(mio|million|millioner|millions|mn|tusind|thousand)\b)?/g;
const MULTIPLIER: Record<string, number> = {
  mio: 1e6,
  million: 1e6,
  millioner: 1e6,
  millions: 1e6,
  mn: 1e6,
  tusind: 1e3,
  thousand: 1e3,
};

/**
 * Kinds of expressions that carry meaning beyond their words: a date or year (`#dato`: the act's
 * temporal rules) and a count of a hundred or more (`#antal`, with one `#antal10^k` for every power
 * of ten it reaches, so that 1.8 million is nearer to "more than 50,000" than to "more than 500").
 */
export function specialTerms(text: string): string[] {
  const cached = specialCache.get(text);
  if (cached) return cached;
  let rest = normalize(text);
  const out: string[] = [];
  for (const re of DATE_RES) {
    rest = rest.replace(re, () => {
      out.push('#dato');
      return ' ';
    });
  }
  for (const m of rest.matchAll(COUNT_RE)) {
    const value = Number(m[1]!.replace(',', '.')) * (m[2] ? MULTIPLIER[m[2]]! : 1);
    if (!(value >= 100)) continue;
    out.push('#antal');
    for (let k = 2; k <= Math.min(7, Math.floor(Math.log10(value))); k += 1) out.push(`#antal10^${k}`);
  }
  remember(specialCache, text, out);
  return out;
}

/** One position of an analysed text: the stem of the word and the stems of its compound parts. */
export interface Position {
  word: string;
  stem: string;
  parts: string[];
}

/** A term of an analysed query with its weight (the user's own words 1, glossary expansions less). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** A glossary phrase found in a text, at positions [start, end). */
interface Match {
  ph: Phrase;
  start: number;
  end: number;
}

interface Phrase {
  stems: string[];
  /** Set for an exact phrase (`=signed`): the word forms that must occur. */
  words?: string[] | undefined;
  expansion: string[];
  weight: number;
  /** Index of the glossary entry the phrase belongs to. */
  entry: number;
}

/** Each power-of-ten mark of a count (`#antal10^4`) weighs this much in a question. */
const MAGNITUDE_WEIGHT = 0.3;
/** A date in a question points at the act's temporal rules (§ 17) or its deadline (§ 7, stk. 2). */
const DATE_WEIGHT = 2;
export const EXPANSION_WEIGHT = 1;
export const PART_WEIGHT = 0.6;

const MIN_PART = 3;
/** Words that are also inflectional or derivational endings: never a compound's head. */
const SUFFIX_LIKE = new Set([
  'ingen',
  'inger',
  'ende',
  'ender',
  'else',
  'elser',
  'elsen',
  'heden',
  'ningen',
  'erne',
  'ene',
]);

interface QueryAnalysis {
  terms: WeightedTerm[];
  words: string[];
  concepts: string[][];
}

/** Danish expansion terms (with weights) of matched glossary phrases: each term at its highest weight. */
function expansionsOf(matches: readonly Phrase[]): WeightedTerm[] {
  const out = new Map<string, number>();
  for (const ph of matches) for (const t of ph.expansion) out.set(t, Math.max(out.get(t) ?? 0, ph.weight));
  return [...out].map(([term, weight]) => ({ term, weight }));
}

export class Analyzer {
  private readonly words = new Set<string>();
  private readonly stems = new Set<string>();
  /** Three-letter heads (`net`, `tv`-like words) are only taken from the glossary's lexicon. */
  private readonly shortHeads = new Set<string>();
  private readonly splitCache = new Map<string, string[]>();
  private readonly names = new Set<string>();
  private readonly stopPhrases: { first: string; re: RegExp }[];
  /** Glossary phrases as stem sequences per language, with the entry's expansion terms. */
  /** Glossary phrases by language and first stem. */
  private readonly phrases = { da: new Map<string, Phrase[]>(), en: new Map<string, Phrase[]>() };
  /** A question's analysis: it is asked for several times in one search (lexical, dense, concepts). */
  private readonly queryCache = new Map<string, QueryAnalysis>();
  private readonly positionCache = { da: new Map<string, Position>(), en: new Map<string, Position>() };
  /** The concept of a date in a question: the statute's dates and its temporal provisions. */
  private readonly dateConcept: string[];

  /**
   * @param glossary the domain glossary
   * @param vocabulary Danish text whose words the compound splitter may use as compound parts
   */
  constructor(
    readonly glossary: Glossary,
    vocabulary: Iterable<string>,
  ) {
    this.stopPhrases = [...glossary.stop_phrases]
      .map((p) => normalize(p).replace(/\s+/g, ' ').trim())
      .sort((a, b) => b.length - a.length)
      .map((p) => ({
        first: p.split(' ')[0]!,
        re: new RegExp(
          `(?<![\\p{L}\\p{N}])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`,
          'gu',
        ),
      }));
    const lower = new Set<string>();
    const capital = new Set<string>();
    const learn = (text: string) => {
      for (const m of text.matchAll(/(?<![.:!?]\s)(?<!^)\b(\p{L}+)/gmu)) {
        const w = m[1]!;
        if (/^\p{Lu}\p{Ll}/u.test(w)) capital.add(normalize(w));
        else if (/^\p{Ll}/u.test(w)) lower.add(normalize(w));
      }
      for (const w of tokenize(text)) {
        if (w.length < MIN_PART || DANISH_STOP_WORDS.has(w) || /\d/.test(w)) continue;
        this.words.add(w);
        this.stems.add(stem(w, 'da'));
      }
    };
    for (const t of vocabulary) learn(t);
    for (const w of glossary.lexicon) {
      learn(w);
      const n = normalize(w);
      if (n.length === MIN_PART) this.shortHeads.add(n);
    }
    for (const e of glossary.entries) for (const s of e.statute) learn(s);
    // Names (only ever capitalised inside a sentence: Grønland, Erhvervsstyrelsen) are not split.
    for (const w of capital) if (!lower.has(w)) this.names.add(w);
    this.dateConcept = ['#dato', ...this.terms('virkning', 'da')];
    for (const [entry, e] of glossary.entries.entries()) {
      const expansion = [...new Set(e.statute.flatMap((s) => this.terms(s, 'da')))];
      // An entry adds the weight of one word, shared by its statute terms.
      const weight = EXPANSION_WEIGHT / Math.max(1, expansion.length);
      for (const lang of LANGS) {
        for (const m of e[lang]) {
          // `=signed`: these word forms exactly (a tense the stem loses: signed/sign, indgået/indgå).
          const exact = m.startsWith('=');
          const pos = this.positions(exact ? m.slice(1) : m, lang, undefined, true);
          const stems = pos.map((p) => p.stem);
          if (stems.length === 0) continue;
          const words = exact ? pos.map((p) => p.word) : undefined;
          const byFirst = this.phrases[lang];
          byFirst.set(stems[0]!, [
            ...(byFirst.get(stems[0]!) ?? []),
            { stems, words, expansion, weight, entry },
          ]);
        }
      }
    }
  }

  /** A question without the names of the sources (the glossary's `stop_phrases`), normalised. */
  withoutStopPhrases(text: string): string {
    let out = normalize(text);
    // A phrase whose first word is nowhere in the text cannot match (the replace would change nothing).
    for (const { first, re } of this.stopPhrases) if (out.includes(first)) out = out.replace(re, ' ');
    return out;
  }

  /**
   * Splits a Danish compound into its parts: the longest known head (a word of the sources or the
   * glossary, inflected or not), then the modifier with a linking `s`/`e` removed, recursively.
   * `overvågningskameraer` → [overvågning, kameraer]; `kernenetudstyr` → [kernenet, kerne, net, udstyr].
   * A word that is not a compound gives [].
   */
  splitCompound(word: string): string[] {
    const cached = this.splitCache.get(word);
    if (cached) return cached;
    const out: string[] = [];
    if (word.length >= 2 * MIN_PART + 1 && /^\p{L}+$/u.test(word) && !this.names.has(word)) {
      for (let i = 2; i <= word.length - MIN_PART; i += 1) {
        const head = word.slice(i);
        if (!this.knownHead(head)) continue;
        let mod = word.slice(0, i);
        const bare = mod.slice(0, -1);
        if (mod.endsWith('s') && bare.length >= MIN_PART && (this.words.has(bare) || !this.words.has(mod)))
          mod = bare;
        // A stop word or particle as modifier (`ikke`anonymiseret, `på`klages) gives only the head.
        const particle = DANISH_STOP_WORDS.has(mod);
        if (mod.length < (particle ? 2 : MIN_PART)) continue;
        if (!particle) out.push(mod, ...this.splitCompound(mod));
        out.push(head);
        break;
      }
    }
    if (this.splitCache.size >= WORD_CACHE) this.splitCache.clear();
    this.splitCache.set(word, out);
    return out;
  }

  private knownHead(head: string): boolean {
    if (DANISH_STOP_WORDS.has(head) || SUFFIX_LIKE.has(head)) return false;
    if (head.length < 4) return this.shortHeads.has(head);
    if (this.words.has(head)) return true;
    const st = stem(head, 'da');
    return head.length >= 5 && ((st.length >= 4 && this.stems.has(st)) || this.shortHeads.has(st));
  }

  /**
   * Analysed positions of a text in a language, its stop words removed (and those of `alsoStop`, the
   * language a question is mostly written in), or kept (`keepStop`: glossary phrases such as
   * `lige nu` or `in force` are matched word for word).
   */
  positions(text: string, lang: Lang, alsoStop?: Lang, keepStop = false): Position[] {
    const out: Position[] = [];
    for (const w of tokenize(text)) {
      if (!keepStop && (isStopWord(w, lang) || (alsoStop !== undefined && isStopWord(w, alsoStop)))) continue;
      out.push(this.position(w, lang));
    }
    for (const t of specialTerms(text)) out.push({ word: t, stem: t, parts: [] });
    return out;
  }

  /** The analysis of one word (shared, not to be changed). Memoised: words recur; bounded. */
  private position(w: string, lang: Lang): Position {
    const cache = this.positionCache[lang];
    let p = cache.get(w);
    if (p === undefined) {
      const parts = lang === 'da' ? this.splitCompound(w).map((x) => stem(x, 'da')) : [];
      p = { word: w, stem: stem(w, lang), parts: [...new Set(parts)] };
      if (cache.size >= WORD_CACHE) cache.clear();
      cache.set(w, p);
    }
    return p;
  }

  /** Index terms of a text in a language: stems and compound-part stems. */
  terms(text: string, lang: Lang): string[] {
    return this.positions(text, lang).flatMap((p) => [p.stem, ...p.parts]);
  }

  /** The glossary phrases that occur in the positions (a phrase of several words word for word). */
  private matchedPhrases(positions: Position[], lang: Lang): Match[] {
    const found: Match[] = [];
    const byFirst = this.phrases[lang];
    const tryPhrase = (ph: Phrase, i: number, viaPart: boolean) => {
      const n = ph.stems.length;
      if (viaPart && (n !== 1 || ph.words)) return;
      for (let j = 1; j < n; j += 1) if (positions[i + j]?.stem !== ph.stems[j]) return;
      if (ph.words?.some((w, j) => positions[i + j]?.word !== w)) return;
      found.push({ ph, start: i, end: i + n });
    };
    positions.forEach((p, i) => {
      for (const ph of byFirst.get(p.stem) ?? []) tryPhrase(ph, i, false);
      // The parts of a compound the sources do not use (`kernenetudstyr`) match one-word phrases.
      if (!this.words.has(p.word))
        for (const part of p.parts) for (const ph of byFirst.get(part) ?? []) tryPhrase(ph, i, true);
    });
    return found;
  }

  /**
   * The glossary phrases of a text, matched in both languages (the positions of the two analyses
   * are the same words, stop words kept). The longest match wins: a phrase of another entry that
   * overlaps a longer match is not counted (`home router` is no central router, `ingen aftaler
   * med staten` no agreement with the state).
   */
  private glossaryMatches(text: string): Phrase[] {
    const found = LANGS.flatMap((lang) =>
      this.matchedPhrases(this.positions(text, lang, undefined, true), lang),
    );
    return found
      .filter(
        (m) =>
          !found.some(
            (o) =>
              o.ph.entry !== m.ph.entry &&
              o.end - o.start > m.end - m.start &&
              o.start < m.end &&
              m.start < o.end,
          ),
      )
      .map((m) => m.ph);
  }

  /** Danish expansion terms (with weights) of the glossary entries whose phrases occur in a text. */
  expansions(text: string): WeightedTerm[] {
    return expansionsOf(this.glossaryMatches(text));
  }

  /**
   * The domain concepts a question names: for each glossary entry one of whose phrases occurs in
   * it (in either language), that entry's Danish statute terms. Each is a small query in the
   * statute's own words, so that every fact of a scenario can bring its own provision.
   */
  concepts(question: string): string[][] {
    return this.analyseQuery(question).concepts;
  }

  private conceptsOf(text: string, matches: readonly Phrase[]): string[][] {
    const byEntry = new Map<number, string[]>();
    for (const ph of matches) byEntry.set(ph.entry, ph.expansion);
    const out = [...byEntry.values()];
    // A date names a point in time: the act's temporal rules are a concept of the question.
    if (specialTerms(text).includes('#dato')) out.push(this.dateConcept);
    return out;
  }

  /**
   * The weighted terms of a question in either language: Danish and English stems of the user's
   * words (weight 1), compound parts, and the glossary's Danish statute terms (lower weight).
   */
  query(question: string): WeightedTerm[] {
    return this.analyseQuery(question).terms;
  }

  /**
   * The words of a question as `query` reads them (both languages' positions, stop words of either
   * the language or the question's main language left out), each once, in order.
   */
  queryWords(question: string): string[] {
    return this.analyseQuery(question).words;
  }

  private analyseQuery(question: string): QueryAnalysis {
    const cached = this.queryCache.get(question);
    if (cached) return cached;
    const text = this.withoutStopPhrases(question);
    const weights = new Map<string, number>();
    const words = new Set<string>();
    const add = (t: string, w: number) => weights.set(t, Math.max(weights.get(t) ?? 0, w));
    const main = detectLanguage(text);
    for (const lang of LANGS) {
      for (const p of this.positions(text, lang, main)) {
        words.add(p.word);
        add(p.stem, p.stem === '#dato' ? DATE_WEIGHT : p.stem.startsWith('#antal10^') ? MAGNITUDE_WEIGHT : 1);
        // Compound parts only where the question is Danish (`greenland` is no Danish compound).
        if (main === 'da') for (const part of p.parts) add(part, PART_WEIGHT);
      }
    }
    // The glossary phrases of the question give both its expansion terms and its concepts.
    const matches = this.glossaryMatches(text);
    for (const t of expansionsOf(matches)) add(t.term, t.weight);
    const out = {
      terms: [...weights].map(([term, weight]) => ({ term, weight })),
      words: [...words],
      concepts: this.conceptsOf(text, matches),
    };
    if (this.queryCache.size >= 64) this.queryCache.clear();
    this.queryCache.set(question, out);
    return out;
  }
}
