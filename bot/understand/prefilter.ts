/**
 * A cheap test that tells when a regular expression cannot match, so the big word tables are only run
 * over text that holds one of their words. From a pattern's source it derives a set of literal strings
 * of which every match contains at least one (`\p{L}*kamera\p{L}*|cctv` needs "kamera" or "cctv");
 * when the lower-cased text contains none of them, the pattern has no match there.
 *
 * The syntax comes from regexpp (`@eslint-community/regexpp`, ESLint's parser), read under the `u`
 * flag the tables compile with; a source it rejects gets no test. The walk of its tree is all that is
 * ours. The test only ever says "no match" when that is certain: anything the walk does not follow
 * (classes, `\p{…}`, back-references, `.`) counts as "could be anything", and a pattern whose required
 * strings are too short or too many to pay off gets no test at all. Case: under the `i` and `u` flags a
 * letter matches exactly the characters whose lower case contains it, except `ſ` (long s, folds to
 * `s`); text with `ſ` is always run.
 *
 * - `mayMatch(rx, text)`: false only when `rx` has no match in `text` (extract.ts runs every word
 *   pattern through it).
 * - `WordScanner`: which of many words occur in a text, in one pass (topic.ts's signal words).
 * - `SplitAlternation`: a big alternation whose slow `\p{L}*stem` alternatives are only tried where
 *   their words occur, with exactly the whole pattern's matches (the organisation keywords).
 * Never build a RegExp per text: one with `\p{L}` under `iu` takes milliseconds to compile.
 */

import { type AST, RegExpParser } from '@eslint-community/regexpp';

/**
 * What a part of a pattern can match: exactly one of a few strings, or anything containing one of them.
 * In a requirement, a string marked `BEGIN` is one the match begins with.
 */
type Info = { exact: Set<string> } | { req: Set<string> | null };

const MAX_EXACT = 64;
/** A required set is worth testing only if its strings are this long and this few. */
const MIN_LEN = 3;
const MAX_REQ = 48;

const ANY: Info = { req: null };
/**
 * Marks a string that must start a word: it follows `(?<![\p{L}\p{N}])`, so the character before it
 * is no letter or digit ("tale" in "vil tale med", not in "aftale").
 */
const WORD_START = '\u0000';
/** Marks a required string that begins the match (so what comes before it in a sequence joins it). */
const BEGIN = '\u0001';
const bare = (x: string) => x.replace(/^[\u0000\u0001]+/u, '');
const EMPTY: Info = { exact: new Set(['']) };

function toReq(i: Info): Set<string> | null {
  if ('req' in i) return i.req;
  return i.exact.has('') ? null : new Set([...i.exact].map((x) => BEGIN + x));
}

function minLen(s: Iterable<string>): number {
  let m = Number.POSITIVE_INFINITY;
  for (const x of s) m = Math.min(m, bare(x).length);
  return m;
}

/** The more selective of two requirements (both hold for every match). */
function better(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (!a) return b;
  if (!b) return a;
  const la = minLen(a);
  const lb = minLen(b);
  if (la !== lb) return la > lb ? a : b;
  return a.size <= b.size ? a : b;
}
/**
 * What a run of known strings followed by a part with requirement `b` requires: each string of `b`
 * that begins the part is joined to the run ("vil " + "tale"); the others stand alone. `atStart`: the
 * run begins the match.
 */
function joinRun(run: Set<string>, b: Set<string>, atStart: boolean): Set<string> | null {
  const out = new Set<string>();
  for (const y of b) {
    if (!y.startsWith(BEGIN)) out.add(y);
    else for (const x of run) out.add((atStart ? BEGIN : '') + x + y.slice(1));
    if (out.size > MAX_EXACT) return null;
  }
  return out;
}

/** The requirement without its `BEGIN` marks (for a part that no longer begins the match). */
function strip(r: Set<string> | null): Set<string> | null {
  return r && new Set([...r].map((x) => (x.startsWith(BEGIN) ? x.slice(1) : x)));
}

function concat(a: Info, b: Info): Info {
  if ('exact' in a && 'exact' in b && a.exact.size * b.exact.size <= MAX_EXACT) {
    const out = new Set<string>();
    for (const x of a.exact) for (const y of b.exact) out.add(x + y);
    return { exact: out };
  }
  return { req: better(toReq(a), toReq(b)) };
}

function alternation(parts: Info[]): Info {
  if (parts.every((p) => 'exact' in p)) {
    const out = new Set<string>();
    for (const p of parts) for (const x of (p as { exact: Set<string> }).exact) out.add(x);
    if (out.size <= MAX_EXACT) return { exact: out };
  }
  const out = new Set<string>();
  for (const p of parts) {
    const r = toReq(p);
    if (!r) return ANY;
    for (const x of r) out.add(x);
  }
  return { req: out };
}

function repeat(i: Info, min: number, max: number): Info {
  if (min === 0) {
    if (max === 1 && 'exact' in i && i.exact.size < MAX_EXACT) return { exact: new Set([...i.exact, '']) };
    return ANY;
  }
  if (min === 1 && max === 1) return i;
  return { req: toReq(i) };
}

const PARSER = new RegExpParser();
/** The pattern under the `u` flag (every table compiles with it); throws on a syntax error. */
const parse = (source: string) => PARSER.parsePattern(source, 0, source.length, { unicode: true });
/** `(?<![\p{L}\p{N}])`: with `wordStarts`, kept as `WORD_START` before what follows it. */
const WORD_START_RAW = String.raw`(?<![\p{L}\p{N}])`;
/** A class member read as a plain character: not an escape like `\n` or `\u00a0`, not `[`. */
const plain = (e: AST.CharacterClassElement): e is AST.Character =>
  e.type === 'Character' && !/^(?:\\\w|\[$)/.test(e.raw);
const lower = (c: AST.Character) => String.fromCodePoint(c.value).toLowerCase();

function alternatives(alts: AST.Alternative[], wordStarts: boolean): Info {
  const parts = alts.map((a) => sequence(a.elements, wordStarts));
  return parts.length === 1 ? parts[0]! : alternation(parts);
}

/** Runs of exactly known elements are joined into strings; the best run's strings are required. */
function sequence(elements: AST.Element[], wordStarts: boolean): Info {
  let run = EMPTY as { exact: Set<string> };
  let runAtStart = true; // the run begins where the match begins
  let best: Set<string> | null = null;
  let exact = true;
  const runReq = () => {
    const r = toReq(run);
    return r && !runAtStart ? new Set([...r].map((x) => x.slice(1))) : r;
  };
  for (const e of elements) {
    const atom = element(e, wordStarts);
    const joined = concat(run, atom);
    if ('exact' in joined) {
      run = joined;
      continue;
    }
    exact = false;
    const atomReq = toReq(atom);
    // The run joined to the strings the atom begins with ("vil " + "tale|snakke …").
    const both = atomReq && !('exact' in atom) ? joinRun(run.exact, atomReq, runAtStart) : null;
    best = better(best, both ?? runReq());
    if ('exact' in atom) run = atom;
    else {
      if (!both)
        best = better(
          best,
          atomReq && runAtStart && run.exact.size === 1 && run.exact.has('') ? atomReq : strip(atomReq),
        );
      run = EMPTY as { exact: Set<string> };
    }
    runAtStart = false;
  }
  if (exact) return run;
  return { req: better(best, runReq()) };
}

function element(e: AST.Element, wordStarts: boolean): Info {
  switch (e.type) {
    case 'Quantifier':
      return repeat(element(e.element, wordStarts), e.min, e.max);
    case 'Group':
    case 'CapturingGroup':
      return alternatives(e.alternatives, wordStarts);
    case 'Assertion': // `^`, `$`, `\b`, look-arounds: they match no characters
      return wordStarts && e.raw === WORD_START_RAW ? { exact: new Set([WORD_START]) } : EMPTY;
    case 'Character':
      return { exact: new Set([lower(e)]) };
    case 'CharacterClass': {
      // Only a short list of plain characters (`[- ]`, `[ab]`) is read as a choice; the rest is anything.
      const els: AST.CharacterClassElement[] = e.elements;
      if (e.negate || els.length === 0 || els.length > 8 || !els.every(plain)) return ANY;
      return { exact: new Set(els.map(lower)) };
    }
    default: // `.`, `\d`, `\p{…}`, back-references
      return ANY;
  }
}

/** The strings one of which every match contains (lower case), or undefined when there is no useful test. */
export function requiredStrings(
  source: string,
  minLength = MIN_LEN,
  wordStarts = false,
): string[] | undefined {
  let info: Info;
  try {
    info = alternatives(parse(source).alternatives, wordStarts);
  } catch {
    return undefined;
  }
  const req = toReq(info);
  if (!req) return undefined;
  // A word start inside a string ("x" then a boundary) is only dropped: the rest is still required.
  const cleaned = [...req].map((x) => {
    const y = x.replaceAll(BEGIN, '');
    const rest = y.replaceAll(WORD_START, '');
    return y.startsWith(WORD_START) ? WORD_START + rest : rest;
  });
  if (cleaned.some((x) => x === '' || x === WORD_START)) return undefined;
  // A string that contains another one of the set adds nothing ("skrev" covers "skrevet").
  const all = [...new Set(cleaned)];
  const kept = all.filter((s) => !all.some((t) => t !== s && s.includes(t)));
  if (kept.length > MAX_REQ || minLen(kept) < minLength) return undefined;
  return kept;
}

const LETTER_OR_DIGIT_BEFORE = /[\p{L}\p{N}]$/u;
/** Which characters below U+3000 are letters or digits (the rest are looked up with the pattern). */
const LETTER_OR_DIGIT = (() => {
  const table = new Uint8Array(0x3000);
  for (let c = 0; c < table.length; c++) if (/[\p{L}\p{N}]/u.test(String.fromCharCode(c))) table[c] = 1;
  return table;
})();
/** `word` occurs in `text` where no letter or digit is right before it. */
function atWordStart(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (i === 0) return true;
    const c = text.charCodeAt(i - 1);
    const letter =
      c < LETTER_OR_DIGIT.length
        ? LETTER_OR_DIGIT[c] === 1
        : LETTER_OR_DIGIT_BEFORE.test(text.slice(Math.max(0, i - 2), i));
    if (!letter) return true;
  }
  return false;
}

/**
 * Pairs of adjacent characters, hashed into a bit set: a string whose pairs are not all in a text's set
 * is not in the text, which is cheaper to see than to search for it.
 */
const PAIR_BITS = 2048;
const pairBit = (a: number, b: number) => ((a * 31) ^ (b * 131) ^ (b >>> 5)) & (PAIR_BITS - 1);
function pairBitsOf(s: string): Int32Array {
  const bits = new Set<number>();
  for (let i = 0; i + 1 < s.length; i++) bits.add(pairBit(s.charCodeAt(i), s.charCodeAt(i + 1)));
  return Int32Array.from(bits);
}

/** A required string, with its pairs, and whether it must start a word. */
type Need = { word: string; pairs: Int32Array; wordStart: boolean };
function needsOf(req: string[] | undefined): Need[] | null {
  if (!req) return null;
  return req.map((x) => {
    const wordStart = x.startsWith(WORD_START);
    const word = wordStart ? x.slice(1) : x;
    return { word, pairs: pairBitsOf(word), wordStart };
  });
}
const cache = new WeakMap<RegExp, Need[] | null>();
/** The text last looked at, lower-cased, and the pairs of characters in it. */
let lastText = '';
let lastLower = '';
let lastLongS = false;
const lastPairs = new Uint8Array(PAIR_BITS);

/** False only when `rx` certainly has no match in `text`. */
export function mayMatch(rx: RegExp, text: string): boolean {
  let req = cache.get(rx);
  if (req === undefined) {
    req = needsOf(requiredStrings(rx.source, MIN_LEN, true));
    cache.set(rx, req);
  }
  if (!req) return true;
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
    lastLongS = lastLower.includes('ſ');
    lastPairs.fill(0);
    for (let i = 0; i + 1 < lastLower.length; i++)
      lastPairs[pairBit(lastLower.charCodeAt(i), lastLower.charCodeAt(i + 1))] = 1;
  }
  if (lastLongS) return true;
  for (const need of req) {
    let maybe = true;
    for (const b of need.pairs)
      if (lastPairs[b] === 0) {
        maybe = false;
        break;
      }
    if (maybe && (need.wordStart ? atWordStart(lastLower, need.word) : lastLower.includes(need.word)))
      return true;
  }
  return false;
}

/** Up to this many words, `includes` per word beats one walk of the trie. */
const FEW_WORDS = 64;

interface TrieNode {
  next: Map<number, TrieNode>;
  /** The id of the word that ends here, or -1. */
  word: number;
}

/**
 * Many words looked for at once: one pass over the text says which of them occur (a trie walked from
 * every position), instead of one `includes` per word. Words are matched as given (pass lower case).
 */
export class WordScanner {
  private readonly root: TrieNode = { next: new Map(), word: -1 };
  private readonly ids = new Map<string, number>();
  /** Each word with its character pairs (for the few-words search). */
  private readonly list: Array<{ word: string; id: number; pairs: Int32Array }> = [];
  private readonly pairs = new Uint8Array(PAIR_BITS);

  /** The id of `word`, added if new. */
  id(word: string): number {
    let id = this.ids.get(word);
    if (id !== undefined) return id;
    id = this.ids.size;
    this.ids.set(word, id);
    this.list.push({ word, id, pairs: pairBitsOf(word) });
    let node = this.root;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let n = node.next.get(c);
      if (!n) {
        n = { next: new Map(), word: -1 };
        node.next.set(c, n);
      }
      node = n;
    }
    node.word = id;
    return id;
  }

  /** Which words occur in `text`: `found[id]` is 1 for each. */
  scan(text: string): Uint8Array {
    const found = new Uint8Array(this.ids.size);
    if (this.ids.size <= FEW_WORDS) {
      // A few words: the built-in search (after the pairs test) is faster than walking the trie.
      const pairs = this.pairs;
      pairs.fill(0);
      for (let i = 0; i + 1 < text.length; i++)
        pairs[pairBit(text.charCodeAt(i), text.charCodeAt(i + 1))] = 1;
      for (const w of this.list)
        if (w.pairs.every((b) => pairs[b] === 1) && text.includes(w.word)) found[w.id] = 1;
      return found;
    }
    for (let i = 0; i < text.length; i++) {
      let node: TrieNode | undefined = this.root;
      for (let j = i; j < text.length; j++) {
        node = node.next.get(text.charCodeAt(j));
        if (!node) break;
        if (node.word >= 0) found[node.word] = 1;
      }
    }
    return found;
  }
}

/** The top-level alternatives of a pattern source (`a|(?:b|c)|d` → `a`, `(?:b|c)`, `d`). */
export function splitAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/**
 * A global pattern `head(?:(?<a>x|y|…)|(?<b>…)|…)tail` whose slow alternatives (a run of letters
 * first, `\p{L}*stem\p{L}*`, or a look-behind) are only tried where their words occur. The engine
 * tries every alternative at every word; a slow one costs a pass over the word each time.
 *
 * `matches(text)` gives exactly the matches of the whole pattern: the next match starts where the
 * pattern without the slow alternatives, or one of the slow alternatives whose words are in the text,
 * first matches (an alternative without its words cannot match); the whole pattern is then run from
 * there, so which alternative and group win is its own choice. No pattern is built per text (building
 * one costs milliseconds); each slow alternative's own pattern is built the first time it is needed.
 */
export class SplitAlternation {
  private readonly words = new WordScanner();
  /** The whole pattern. */
  readonly pattern: RegExp;
  /** The pattern without the slow alternatives (undefined if all are slow). */
  private readonly fast: RegExp | undefined;
  /** Each slow alternative, with the ids of the words it needs (undefined: it is always run). */
  private readonly slow: Array<{ source: string; needs?: number[]; rx?: RegExp }>;

  constructor(head: string, groups: Array<[name: string, source: string]>, tail: string, flags: string) {
    if (!flags.includes('g')) throw new Error('SplitAlternation needs a global pattern');
    this.pattern = new RegExp(
      `${head}(?:${groups.map(([n, s]) => `(?<${n}>${s})`).join('|')})${tail}`,
      flags,
    );
    const fast: string[] = [];
    this.slow = [];
    for (const [, source] of groups)
      for (const alt of splitAlternatives(source)) {
        if (!/^(?:\\p\{L\}[*+]|\(\?<[=!])/u.test(alt)) {
          fast.push(alt);
          continue;
        }
        const needs = requiredStrings(alt, 1)?.map((w) => this.words.id(w));
        this.slow.push({ source: `${head}(?:${alt})${tail}`, ...(needs ? { needs } : {}) });
      }
    this.fast = fast.length ? new RegExp(`${head}(?:${fast.join('|')})${tail}`, flags) : undefined;
  }

  /** Every match of `pattern` in `text`, as `[...text.matchAll(pattern)]` gives them. */
  matches(text: string): RegExpExecArray[] {
    const out: RegExpExecArray[] = [];
    const lower = text.toLowerCase();
    if (lower.includes('ſ')) {
      this.pattern.lastIndex = 0;
      for (let m = this.pattern.exec(text); m; m = this.pattern.exec(text)) {
        out.push(m);
        if (m[0] === '')
          this.pattern.lastIndex = advanceIndex(text, this.pattern.lastIndex, this.pattern.unicode);
      }
      return out;
    }
    const found = this.words.scan(lower);
    // The patterns to look with, and where each next matches (-1: not looked yet, Infinity: no more).
    const finders: RegExp[] = [];
    if (this.fast) finders.push(this.fast);
    for (const s of this.slow)
      if (!s.needs || s.needs.some((w) => found[w] === 1)) {
        s.rx ??= new RegExp(s.source, this.pattern.flags);
        finders.push(s.rx);
      }
    const next = finders.map(() => -1);
    let from = 0;
    while (from <= text.length) {
      let at = Number.POSITIVE_INFINITY;
      for (let i = 0; i < finders.length; i++) {
        if (next[i]! < from) {
          const rx = finders[i]!;
          rx.lastIndex = from;
          const m = rx.exec(text);
          next[i] = m ? m.index : Number.POSITIVE_INFINITY;
        }
        at = Math.min(at, next[i]!);
      }
      if (at === Number.POSITIVE_INFINITY) break;
      this.pattern.lastIndex = at;
      const m = this.pattern.exec(text);
      if (!m) break; // cannot happen: some alternative matches at `at`
      out.push(m);
      from = m[0] === '' ? advanceIndex(text, m.index, this.pattern.unicode) : m.index + m[0].length;
    }
    this.pattern.lastIndex = 0;
    return out;
  }
}

/** The index after `i`, a whole code point when `unicode` (as `String.prototype.matchAll` steps). */
export function advanceIndex(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const lead = text.charCodeAt(i);
  const trail = text.charCodeAt(i + 1);
  return lead >= 0xd800 && lead <= 0xdbff && trail >= 0xdc00 && trail <= 0xdfff ? i + 2 : i + 1;
}
