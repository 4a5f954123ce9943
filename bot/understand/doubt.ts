/**
 * Doubt is read too, and never decides (domain.md, "Facts in doubt decide nothing"). A count that is
 * approximate or a range reaching across its threshold, two counts that disagree, a count that belongs to
 * another party, a count a reseller's unknown customers could lift, a state count mixed with municipal
 * customers, a place named only as where an office is: each makes its fact doubtful, so the check that
 * needs it stays open and the answer asks for exactly that fact. The word classes are data
 * (`knowledge/vocabulary/doubt.yaml`).
 */

import { join } from 'node:path';
import { z } from 'zod';
import { moreThan } from '../../guardrails/bounds.js';
import type { FactKey, Facts } from '../../guardrails/facts.js';
import { lexicon } from '../../knowledge/lexicon.js';
import { KnowledgeLoadError } from '../../knowledge/load-error.js';
import { KNOWLEDGE_DIR } from '../../knowledge/paths.js';
import { readYamlFile } from '../../knowledge/yaml.js';
import type { Extraction } from './extract.js';
import { type FoundNumber, findNumbers, SHARE_BEFORE } from './numbers.js';
import { questionVocabulary } from './question.js';
import { wordClass } from './words.js';

export type DoubtReason =
  | 'approximate'
  | 'bound'
  | 'range'
  | 'disagree'
  | 'other_party'
  | 'open_count'
  | 'mixed_public'
  | 'place_in_passing'
  | 'several_places'
  | 'includes_others'
  | 'not_users'
  | 'units'
  | 'realm'
  | 'households'
  | 'undecided_use'
  | 'uncounted'
  | 'stale'
  | 'utility_customers'
  | 'business_customers'
  | 'left_out'
  | 'for_provider'
  | 'asked_party'
  | 'share';

export interface Doubt {
  fact: FactKey;
  reason: DoubtReason;
  /** The words that raised the doubt, as written. */
  span: string;
  /** The threshold the doubt reaches across, for counts. */
  threshold?: number;
}

const FILE = join(KNOWLEDGE_DIR, 'vocabulary', 'doubt.yaml');
const List = z.array(z.string().min(1)).min(1);
const Schema = z
  .object({
    ref: z.string(),
    hedges: List,
    abbreviations: List,
    tolerance: List,
    loose_near: List,
    fluctuates: List,
    range_joiners: List,
    range_openers: List,
    contrast: List,
    other_party: List,
    mixed_public: List,
    others_network: List,
    first_person: List,
    uses_network: List,
    for_provider: List,
    provider_subject: List,
    client: List,
    asked_party: List,
    own_standing: List,
    revised_down: List,
    party_pronoun: List,
    because: List,
    asks_writer: List,
    supplies: List,
    agreement_asked: List,
    ignorance: List,
    resale: List,
    local_government: List,
    office: List,
    network: List,
    excluded_places: List,
    dwellings: List,
    coverage: List,
    take_up_part: List,
    denmark: List,
    includes_others: List,
    units: List,
    business_customers: List,
    machines: List,
    distributive: List,
    part_prepositions: List,
    realm: List,
    open_equipment: List,
    undecided: List,
    correction: List,
    instead_of: List,
    conditional: List,
    operated: List,
    count_in: List,
    of_them: List,
    restriction: List,
    examples: List,
    vague_quantity: List,
    part_of: List,
    open_systems: List,
    stale: List,
    sources: List,
    utility: List,
    their_customers: List,
    uncertain: List,
  })
  .strict();
type Words = Record<Exclude<keyof z.infer<typeof Schema>, 'ref'>, RegExp>;

let words: Words | undefined;
/** The writer as a sentence's subject ("vi", "we're", "I"; the lexicon's entry, case as written). */
const FIRST_PERSON_SUBJECT = new RegExp(lexicon().text('FIRST_PERSON_SUBJECT'), 'u');
const compile = (xs: string[]) => wordClass(xs);

export function doubtVocabulary(): Words {
  if (words) return words;
  const data = readYamlFile(FILE, Schema);
  const { ref: _ref, ...lists } = data;
  const out = {} as Words;
  for (const [k, xs] of Object.entries(lists)) {
    try {
      out[k as keyof Words] = compile(xs);
    } catch (e) {
      throw new KnowledgeLoadError(FILE, k, `a pattern does not compile: ${(e as Error).message}`);
    }
  }
  words = out;
  return out;
}

/** The sentence around a position: from the last full stop, question mark or line break to the next. */
function sentenceAround(text: string, at: number, from = at): { start: number; end: number } {
  let start = at;
  while (
    start > 0 &&
    !(/[!?\n]/.test(text[start - 1]!) || (text[start - 1] === '.' && isStop(text, start - 1)))
  )
    start--;
  // "50.000" and "1,2 mio." keep their dots: a stop is one followed by a space or the end.
  let end = from;
  while (end < text.length && !(/[!?\n]/.test(text[end]!) || (text[end] === '.' && isStop(text, end)))) end++;
  return { start, end };
}

let ABBREVIATION_BEFORE: RegExp | undefined;
/** A full stop that ends a sentence: followed by a space or the end, and not after "inkl", "ca", "e.g". */
function isStop(text: string, i: number): boolean {
  // a stop is followed by a space or the end ("50.000" and "cfcs.dk" go on)
  const next = text[i + 1];
  if (next !== undefined && !/\s/.test(next)) return false;
  ABBREVIATION_BEFORE ??= new RegExp(`(?:${doubtVocabulary().abbreviations.source})$`, 'iu');
  return !ABBREVIATION_BEFORE.test(text.slice(Math.max(0, i - 8), i));
}

/** The sentences of a text, as sentenceAround cuts them. */
function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; ) {
    const s = sentenceAround(text, at);
    out.push(text.slice(s.start, s.end));
    at = s.end + 1;
  }
  return out;
}

/** A clause break: a comma, semicolon, dash or sentence end, but not the dot or comma inside "32.000". */
function breaksAt(text: string, i: number): boolean {
  const c = text[i]!;
  if (!/[.;,!?\n–—]/.test(c)) return false;
  return !(/[.,]/.test(c) && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''));
}

/** The clause before a position: back to the last clause break. */
function clauseBefore(text: string, at: number): string {
  let start = at;
  while (start > 0 && !breaksAt(text, start - 1)) start--;
  return text.slice(start, at);
}

/** The clause around a position. */
export function clauseAround(text: string, at: number): string {
  let end = at;
  while (end < text.length && !breaksAt(text, end)) end++;
  return clauseBefore(text, at) + text.slice(at, end);
}

const isYearLike = (n: FoundNumber) => /^(19|20)\d{2}$/.test(n.raw.trim());

/** The numbers that the evidence of a fact was read from. */
function numbersOf(text: string, evidence: string | undefined, nums: FoundNumber[]): FoundNumber[] {
  if (!evidence) return [];
  const parts = evidence
    .split('…')
    .map((p) => p.trim())
    .filter(Boolean);
  const out: FoundNumber[] = [];
  for (const part of parts) {
    const at = text.indexOf(part);
    if (at < 0) continue;
    for (const n of nums) if (n.start >= at && n.end <= at + part.length) out.push(n);
  }
  return out;
}

/** Whether `n` is the low end of a range ("17.000-22.000", "between 17,000 and 22,000", "40k-60k"). */
export function rangeStart(text: string, n: FoundNumber, nums: FoundNumber[]): boolean {
  const w = doubtVocabulary();
  const next = nums.find((m) => m.start >= n.end && m.start - n.end <= 6);
  if (!next || next.value <= n.value) return false;
  const gap = text.slice(n.end, next.start).trim();
  const opener = w.range_openers.test(text.slice(Math.max(0, n.start - 25), n.start));
  return /^[-–—]$/u.test(gap) || (opener && w.range_joiners.test(gap) && gap.split(/\s+/u).length === 1);
}

/** The other end of a range that `n` starts or ends (the number finder reads both ends, numbers.ts). */
function rangeEnd(text: string, n: FoundNumber, nums: FoundNumber[]): number | undefined {
  if (rangeStart(text, n, nums)) return nums.find((m) => m.start >= n.end)?.value;
  const prev = nums.findLast((m) => m.end <= n.start);
  return prev && rangeStart(text, prev, nums) ? prev.value : undefined;
}

export interface DoubtOptions {
  endUsersThreshold: number;
  stateThreshold: number;
  /** What the writer said it is in an earlier message of the thread ("Jeg er ekstern konsulent …"). */
  threadOrganisation?: Facts['organisation_type'];
}

/**
 * A later message that takes back part of the count said before: it names that count and says it
 * includes something ("that 55k figure might include ~6,000 closed accounts"). Returns the words.
 */
export function countTakenBack(
  text: string,
  earlier: number | undefined,
  threshold: number,
): { span: string; reason: 'includes_others' | 'stale' } | undefined {
  if (earlier === undefined) return undefined;
  const w = doubtVocabulary();
  const nums = findNumbers(text).filter((n) => !isYearLike(n));
  const named = nums.find((n) => n.value === earlier);
  if (!named) return undefined;
  // "de 55.000 er et gammelt tal … ikke sikker på, om vi stadig er over 50.000": the count is withdrawn.
  if (
    w.stale.test(text) &&
    (w.ignorance.test(text) || /\?|(?<![\p{L}])(?:om|whether|if)(?![\p{L}])/iu.test(text))
  ) {
    const s = sentenceAround(text, named.start, named.end);
    return { span: text.slice(s.start, s.end).trim(), reason: 'stale' };
  }
  if (!w.includes_others.test(text)) return undefined;
  // What it includes, counted ("around 6,000 closed accounts"): in doubt only if taking it out (a tenth
  // more when hedged) could bring the count to the threshold; uncounted, only near the threshold.
  const part = nums.find((n) => n !== named && n.value < earlier);
  const rest = part ? earlier - part.value * (part.approx ? 1.1 : 1) : undefined;
  if (rest !== undefined ? rest > threshold === earlier > threshold : earlier > threshold * 1.25)
    return undefined;
  const s = sentenceAround(text, named.start, named.end);
  return { span: text.slice(s.start, s.end).trim(), reason: 'includes_others' };
}

/**
 * What a place is named for: the nearest office or network noun among the three words before its
 * preposition ("hovedkontor i Tórshavn" is an office's place, "net på Færøerne" a network's).
 */
function placeHead(text: string, at: number, w: Words): 'office' | 'network' | undefined {
  const before = text.slice(Math.max(0, at - 50), at);
  const m = /(\p{L}+(?:\s+\p{L}+){0,2})\s+(?:i|in|på|on|at|fra|from)\s+(?:the\s+)?$/iu.exec(before);
  if (!m) return undefined;
  for (const word of m[1]!.split(/\s+/).reverse()) {
    // "en henvendelse fra en kunde i Nuuk": a customer there, like an office there, is a place in passing
    if (w.office.test(word) || w.client.test(word)) return 'office';
    if (w.network.test(word)) return 'network';
  }
  return undefined;
}

/**
 * The words a parenthesis describes, when a position is inside one: "Our group (Nordic telco, around 900k
 * end users)" gives "Our group".
 */
function parenthesisHead(sentence: string, at: number): string {
  const open = sentence.lastIndexOf('(', at);
  if (open < 0 || sentence.lastIndexOf(')', at) > open) return '';
  return clauseBefore(sentence, open);
}

/**
 * A later message's bare figure near the count said before ("Økonomiafdelingen siger 53.000"): another
 * statement of the same count. Corrected ("sorry, 53.000"), it replaces the count; otherwise, on the
 * other side of the threshold, the two disagree. Returns what it is, with the words.
 */
/** "N, not M" and "not M, but N" between two figures; "… of them" after one (compiled on first use). */
let JOINS: RegExp[] | undefined;
let OF_THEM: RegExp | undefined;

export function laterFigure(
  text: string,
  earlier: number | undefined,
  threshold: number,
): { corrects: boolean; value: number; span: string } | undefined {
  if (earlier === undefined) return undefined;
  const w = doubtVocabulary();
  const nums = findNumbers(text);
  // "5.500, not 55.000", "ikke 55.000, men 5.500": a figure set against the one said before replaces it,
  // however far from it.
  JOINS ??= [w.instead_of, w.contrast].map((by) => new RegExp(`^[\\s,;:–—-]*(?:${by.source})[\\s:]*$`, 'iu'));
  const [insteadJoin, contrastJoin] = JOINS as [RegExp, RegExp];
  const joins = (a: FoundNumber, b: FoundNumber, by: RegExp) => by.test(text.slice(a.end, b.start));
  const instead = nums.find(
    (m, i) =>
      (nums[i + 1]?.value === earlier && joins(m, nums[i + 1]!, insteadJoin)) ||
      (nums[i - 1]?.value === earlier &&
        joins(nums[i - 1]!, m, contrastJoin) &&
        w.instead_of.test(text.slice(Math.max(0, nums[i - 1]!.start - 8), nums[i - 1]!.start))),
  );
  if (instead && instead.value !== earlier) {
    const s = sentenceAround(text, instead.start, instead.end);
    return { corrects: true, value: instead.value, span: text.slice(s.start, s.end).trim() };
  }
  const n = nums.find(
    (m) => !isYearLike(m) && m.value !== earlier && m.value >= earlier * 0.8 && m.value <= earlier * 1.25,
  );
  if (!n) return undefined;
  const s = sentenceAround(text, n.start, n.end);
  const span = text.slice(s.start, s.end).trim();
  if (w.correction.test(text) && !w.ignorance.test(text)) return { corrects: true, value: n.value, span };
  return n.value > threshold !== earlier > threshold ? { corrects: false, value: n.value, span } : undefined;
}

/**
 * A correction that names the count said before and a part of it ("correction – 520 is their headcount,
 * only 497 of them have our SIMs"): the part is the count meant.
 */
export function partMeant(
  text: string,
  earlier: number | undefined,
): { value: number; span: string } | undefined {
  const w = doubtVocabulary();
  if (earlier === undefined || !w.correction.test(text)) return undefined;
  const nums = findNumbers(text);
  if (!nums.some((n) => n.value === earlier)) return undefined;
  OF_THEM ??= new RegExp(`^\\s*(?:${w.of_them.source})`, 'iu');
  const ofThem = OF_THEM;
  const part = nums.find((n) => n.value < earlier && ofThem.test(text.slice(n.end)));
  if (!part) return undefined;
  const s = sentenceAround(text, part.start, part.end);
  return { value: part.value, span: text.slice(s.start, s.end).trim() };
}

export const PARTITIVE_RE = new RegExp(lexicon().text('PARTITIVE'), 'iu');

/**
 * The doubt about a territory read as the Faroe Islands or Greenland: named only for an office, or only
 * part of the networks or the count is there. None when the question is limited to that place ("gælder
 * kun vores færøske mobilnet").
 */
function excludedPlaceDoubt(text: string, ev: string, w: Words): Doubt | undefined {
  const all = new RegExp(w.excluded_places.source, 'giu');
  const places = [...text.matchAll(all)];
  const clauses = places.map((m) => clauseAround(text, m.index));
  if (clauses.some((c) => w.restriction.test(c) && w.network.test(c))) return undefined;
  // "og hovedkontor i Tórshavn": a place belongs to the noun just before its preposition.
  const heads = places.map((m) => placeHead(text, m.index, w));
  const officeOnly =
    !heads.some((h) => h !== 'office') ||
    (clauses.some((c) => w.office.test(c)) && !clauses.some((c) => w.network.test(c)));
  if (officeOnly && !heads.includes('network'))
    return { fact: 'territory', reason: 'place_in_passing', span: ev };
  // "65.000 slutbrugere i alt, heraf en del på vores net i Grønland": only part of the count is there.
  const partitive = clauses.find((c) => PARTITIVE_RE.test(c));
  if (partitive) return { fact: 'territory', reason: 'several_places', span: partitive.trim() };
  // "80.000 slutbrugere fordelt på vores net på Færøerne og i Danmark": networks in both places, and
  // how many users are on the Danish one is not said (Denmark named as a place, not "dansk").
  const home = new RegExp(w.denmark.source, 'giu');
  const named = [...text.matchAll(home)].filter((m) => !/^(?:dansk|danish)/iu.test(m[0]));
  // ("split between the Faroe Islands and Denmark": both places in the clause of the count's split)
  const both = clauses.find((c) => named.some((m) => c.includes(m[0])));
  if (both) return { fact: 'territory', reason: 'several_places', span: both.trim() };
  const network = clauses.find((c) => w.network.test(c));
  if (!network) return undefined;
  return named.some((m) => w.network.test(clauseAround(text, m.index)))
    ? { fact: 'territory', reason: 'several_places', span: network.trim() }
    : undefined;
}

/**
 * Who says the line a position is on: the writer (-1), or the quoted block it sits in ("> Fra: Salgschef"),
 * named by where the block starts. A quoted message's header ("From:", "Fra:") starts a new one, so two
 * e-mails pasted one after the other are two speakers, and their figures two statements of the count.
 */
export function speakerOf(text: string, at: number): number {
  const quoted = (line: string) => /^\s*>/.test(line);
  const header = (line: string) =>
    /^\s*>\s*(?:fra|from|sendt|sent|til|to|emne|subject|von|de)\s*:/iu.test(line);
  let start = text.lastIndexOf('\n', at - 1) + 1;
  const lineAt = (i: number) => text.slice(i, (text.indexOf('\n', i) + 1 || text.length + 1) - 1);
  if (!quoted(lineAt(start))) return -1;
  while (start > 0 && !header(lineAt(start))) {
    const prev = text.lastIndexOf('\n', start - 2) + 1;
    if (!quoted(lineAt(prev))) break;
    start = prev;
  }
  return start;
}

/**
 * The margin a tolerance after a count gives ("give or take 500", "± et par tusinde"): the number after
 * it, or for a vague few ("a couple of hundred", read as at least two) at most five of them.
 */
function marginAfter(text: string, n: FoundNumber, nums: FoundNumber[]): number | undefined {
  const t = doubtVocabulary().tolerance.exec(text.slice(n.end, n.end + 50));
  if (!t) return undefined;
  const at = n.end + t.index + t[0].length;
  const m = nums.find((x) => x.start >= at && x.start - at <= 12);
  if (!m) return undefined;
  return m.approx && m.bound?.side === 'above' ? m.value * 2.5 : m.value;
}

/**
 * After a count, the writer using another party's network: a first person, then a verb of using or a
 * party, then "their"/"them" ("…, and we rent capacity on their network", "og vi lejer fiber hos dem").
 */
function othersNetworkAfter(rest: string, w: Words): boolean {
  const we = w.first_person.exec(rest);
  if (!we) return false;
  const then = rest.slice(we.index);
  return (
    (w.other_party.test(then) || w.uses_network.test(then)) &&
    /(?<![\p{L}])(?:their|deres|its|dens|dets|them|dem)(?![\p{L}])/iu.test(then)
  );
}

/** The sentence the last question mark ends, without it ("" when nothing is asked with one). */
function lastQuestion(text: string): string {
  const q = text.lastIndexOf('?');
  return q < 0 ? '' : text.slice(sentenceAround(text, q).start, q);
}

/** The question asks about the writer's client: "Er min klient omfattet?", "is our customer covered?". */
function clientAsked(text: string): boolean {
  return /(?<![\p{L}])(?:min|mit|vores|my|our)\s+(?:klient|kunde|client|customer)(?![\p{L}])/iu.test(
    lastQuestion(text),
  );
}

/**
 * The last question asks whether another party (the writer's supplier, operator or client) is covered:
 * its subject is that party and no first person besides it. Not for a provider writer asking about its
 * own supplier's agreement, nor a question naming the supplier of a purchase.
 */
function askedParty(text: string, x: Extraction, w: Words): string | undefined {
  if (x.facts.organisation_type === 'telecom_provider') return undefined;
  // the main clause: "Bliver kommunen omfattet, fordi operatøren er væsentlig udbyder?" asks about the writer
  const q = lastQuestion(text).split(w.because)[0]!;
  // "Vores lokale bredbåndsleverandør har … Er de omfattet?": a pronoun for the party named just before
  const before = text.slice(0, text.lastIndexOf(q));
  const end = before.trimEnd().length - 1;
  const around = end >= 0 ? sentenceAround(before, end) : undefined;
  const previous = around ? before.slice(around.start, around.end) : '';
  const m = w.asked_party.exec(q) ?? (w.asked_party.test(previous) ? w.party_pronoun.exec(q) : null);
  if (!m || !questionVocabulary().forms.coverage.test(q)) return undefined;
  const rest = q.slice(0, m.index) + q.slice(m.index + m[0].length);
  // the writer as the subject, in the first person or by its own organisation's noun ("kommunen")
  const own = x.evidence.organisation_type?.match(/\p{L}{4,}$/u)?.[0].slice(0, 5);
  // (a first-person possessive is no subject: "Will our contract make that operator a significant provider?")
  const we = FIRST_PERSON_SUBJECT.test(rest) || /(?<![\p{L}'’])(?:us|os)(?![\p{L}'’])/iu.test(rest);
  if (we || (own && rest.toLowerCase().includes(own.toLowerCase()))) return undefined;
  const named = x.evidence.supplier;
  if (named && q.includes(named)) return undefined;
  return q;
}

let LOOSE_BEFORE: RegExp | undefined;
/** "godt", "a good" right before a number. */
function looseBefore(text: string, n: FoundNumber): boolean {
  LOOSE_BEFORE ??= new RegExp(`(?:${doubtVocabulary().loose_near.source})\\s*$`, 'iu');
  return LOOSE_BEFORE.test(text.slice(Math.max(0, n.start - 12), n.start));
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Back from a position to the start of the word it is in, so evidence quotes whole words. */
export function wordStart(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && WORD_CHAR.test(text[i - 1]!) && WORD_CHAR.test(text[i] ?? '')) i--;
  return i;
}

/** On from a position to the end of the word it is in. */
function wordEnd(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && WORD_CHAR.test(text[i - 1] ?? '') && WORD_CHAR.test(text[i]!)) i++;
  return i;
}

/**
 * The start of a list item's line ("• …", "- …", "2) …"), or with `quoted` of a quoted line ("> …") or a
 * table's row ("| …"), each of which states its figure on its own.
 */
const LIST_ITEM_HEAD = /^\s*(?:[•*·▪‣◦–-]|\d{1,2}[.)])\s/u;
const QUOTED_HEAD = /^\s*(?:>\s?|\|)/u;

/** The line a position is on, up to it. */
export function lineBefore(text: string, at: number): string {
  return text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
}

/** The whole line a position is on. */
export function lineAround(text: string, at: number): { start: number; end: number } {
  const end = text.indexOf('\n', at);
  return { start: text.lastIndexOf('\n', at - 1) + 1, end: end < 0 ? text.length : end };
}

// Cells are split at a pipe, or at a tab (a row pasted from a spreadsheet); the outer pipes may be left out.
function cellsOf(line: string): string[] | undefined {
  const t = line.replace(/^ +| +$/g, '');
  if (!/[|\t]/.test(t)) return undefined;
  return t
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/[|\t]/)
    .map((c) => c.trim());
}

/**
 * The cell a position is in, when it is in a data row of a Markdown table: the row's first cell (its
 * label) and the heading of its column (the table's first row).
 */
export function tableCell(
  text: string,
  at: number,
): { label: string; heading: string; firstHeading: string } | undefined {
  const { start: lineStart, end: lineEnd } = lineAround(text, at);
  const row = cellsOf(text.slice(lineStart, lineEnd));
  if (!row || row.length < 2) return undefined;
  const lead = text.slice(lineStart, at).replace(/^ +/, '');
  const col = (lead.match(/[|\t]/g)?.length ?? 0) - (lead.startsWith('|') ? 1 : 0);
  if (col < 1) return undefined;
  // up to the table's first row: the lines before, while they are rows too
  const lines = text.slice(0, lineStart).split('\n').slice(0, -1);
  let first: string[] | undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    const cells = cellsOf(lines[i]!);
    if (!cells) break;
    if (!cells.every((c) => /^:?-+:?$/.test(c))) first = cells;
  }
  const heading = first?.[col];
  return heading ? { label: row[0]!, heading, firstHeading: first![0] ?? '' } : undefined;
}

/** What an item's line says before a position, after its list marker ("• erhverv: " gives "erhverv: "). */
export function itemTextBefore(text: string, at: number): string | undefined {
  const line = lineBefore(text, at);
  const m = LIST_ITEM_HEAD.exec(line);
  return m ? line.slice(m[0].length).trimStart() : undefined;
}

/** Whether the line a position is on is an item of a list, or with `quoted` also a quoted line or a table row. */
export function isListItem(text: string, at: number, quoted = false): boolean {
  const line = lineBefore(text, at);
  return LIST_ITEM_HEAD.test(line) || (quoted && QUOTED_HEAD.test(line));
}

/** The doubts about the counts and the place read from one message. */
export function findDoubts(text: string, x: Extraction, opts: DoubtOptions): Doubt[] {
  const w = doubtVocabulary();
  const nums = findNumbers(text).filter((n) => !isYearLike(n));
  const out: Doubt[] = [];
  const counts: Array<[FactKey, number, number]> = [];
  const ownStanding = w.own_standing.test(lastQuestion(text));
  if (x.facts.end_users !== undefined) counts.push(['end_users', x.facts.end_users, opts.endUsersThreshold]);
  if (x.facts.state_end_users !== undefined && x.facts.state_end_users > 0)
    counts.push(['state_end_users', x.facts.state_end_users, opts.stateThreshold]);
  for (const [fact, value, threshold] of counts) {
    const own = numbersOf(text, x.evidence[fact], nums);
    const near = Math.abs(value - threshold) <= threshold * 0.1;
    const doubt = (reason: DoubtReason, span: string) => out.push({ fact, reason, span, threshold });
    const first = own[0];
    if (!first) continue;
    const s = sentenceAround(text, first.start, first.end);
    const sentence = text.slice(s.start, s.end);
    const after = text.slice(first.end, s.end);
    // A bound that reaches across the threshold: "mindst 50.000", "50k+", "under 60.000".
    const bound = fact === 'end_users' ? x.signals.end_users_bound : x.signals.state_end_users_bound;
    const loose = bound?.near ? own.find((n) => n.value === threshold && looseBefore(text, n)) : undefined;
    if (loose) {
      doubt('approximate', text.slice(...(loose.boundSpan ?? [loose.start, loose.end])).trim());
      continue;
    }
    if (bound !== undefined && moreThan(value, bound, threshold) === undefined) {
      const b = own.find((n) => n.boundSpan)?.boundSpan;
      doubt('bound', b ? text.slice(b[0], b[1]).trim() : first.raw);
      continue;
    }
    // "Hvis vi regner vores egne ansattes telefoner med, kommer vi op over 50.000": a figure across the
    // threshold reached only by counting something in is the writer's question, not the count.
    const above = (n: FoundNumber) =>
      n.value > threshold || (n.value === threshold && n.bound?.side === 'above' && !n.bound.inclusive);
    const reached = nums.find((n) => {
      if (own.includes(n) || above(n) === value > threshold) return false;
      const c = sentenceAround(text, n.start, n.end);
      const words = text.slice(c.start, c.end);
      return w.conditional.test(words) && w.count_in.test(words);
    });
    if (reached) {
      const c = sentenceAround(text, reached.start, reached.end);
      doubt('disagree', text.slice(c.start, c.end).trim());
      continue;
    }
    // "Omkring 25 % af vores 2.000 brugere sidder i Skattestyrelsen": only a share of the count is the
    // fact's, and how many that is exactly is not said.
    const share = SHARE_BEFORE.exec(text.slice(Math.max(s.start, first.start - 40), first.start));
    if (share) {
      doubt('share', `${share[0]}${(x.evidence[fact] ?? first.raw).split('…')[0]!.trim()}`.trim());
      continue;
    }
    // "51,200 'end users' – but that number includes 1,800 reseller accounts": a count said to take in
    // resellers, machines or units, which are no end users (§ 1, nr. 2), may be at or below the threshold
    // without them.
    const part = nums.find(
      (n) =>
        n.start > first.end &&
        n.value < value &&
        w.includes_others.test(text.slice(first.end, n.start)) &&
        [w.resale, w.units, w.machines].some((c) =>
          c.test(/^\s*[\p{L}-]+/u.exec(text.slice(n.end))?.[0] ?? ''),
        ),
    );
    if (part && value - part.value * (part.approx ? 1.1 : 1) <= threshold !== value <= threshold) {
      const p = sentenceAround(text, part.start, part.end);
      doubt('includes_others', text.slice(p.start, p.end).trim());
      continue;
    }
    // A margin said with the count decides on which side it lies ("48.000, give or take a couple of
    // hundred" is below 50.000; "50.000 ± 2.000" may be either).
    const margin = own.map((n) => marginAfter(text, n, nums)).find((m) => m !== undefined);
    if (margin !== undefined && value - margin <= threshold && value + margin > threshold) {
      doubt(
        'range',
        `${first.raw} ${text
          .slice(first.end, first.end + 50)
          .split(/[.;\n]/)[0]!
          .trim()}`,
      );
      continue;
    }
    // "ca. 60.000, måske lidt færre efter vi mistede en stor kunde": a count said perhaps to have fallen,
    // within a quarter above its threshold, may be at or below it now.
    if (
      value > threshold &&
      value <= threshold * 1.25 &&
      w.revised_down.test(text.slice(first.end, Math.min(s.end, first.end + 60)))
    ) {
      const rest = text.slice(first.end, Math.min(s.end, first.end + 60)).split(/[.;\n]/u)[0]!;
      doubt('approximate', (text.slice(first.start, first.end) + rest).trim());
      continue;
    }
    // An approximate count close to its threshold.
    const hedged = own.some((n) => n.approx || w.hedges.test(text.slice(Math.max(0, n.start - 25), n.start)));
    if (margin === undefined && near && (hedged || w.fluctuates.test(after))) {
      doubt('approximate', first.raw);
      continue;
    }
    // A range that reaches across the threshold, also as a part of a sum ("31,000 of our own, and the
    // resellers between 17 and 22 thousand": 48,000 to 53,000).
    const ranged = own.find((n) => {
      const other = rangeEnd(text, n, nums);
      if (other === undefined) return false;
      const lo = value - n.value + Math.min(n.value, other);
      const hi = value - n.value + Math.max(n.value, other);
      return lo <= threshold && hi > threshold;
    });
    if (ranged) {
      const rs = sentenceAround(text, ranged.start, ranged.end);
      doubt(
        'range',
        text
          .slice(
            wordStart(text, Math.max(rs.start, ranged.start - 30)),
            wordEnd(text, Math.min(rs.end, ranged.end + 12)),
          )
          .trim(),
      );
      continue;
    }
    // Two counts of the same thing on either side of the threshold.
    const rival = nums.find(
      (n) =>
        !own.includes(n) &&
        n.value !== threshold &&
        n.value >= value * 0.8 &&
        n.value <= value * 1.25 &&
        n.value > threshold !== (moreThan(value, bound, threshold) ?? value > threshold),
    );
    const between = text.slice(
      Math.min(first.start, rival?.start ?? 0),
      Math.max(first.end, rival?.end ?? 0),
    );
    // "Our annual report says 50,900 … Network ops says 49,600": two figures, each said by someone
    const sourced =
      rival !== undefined &&
      (w.sources.test(sentence) || w.sources.test(between)) &&
      w.sources.test(text.slice(Math.max(0, rival.start - 60), rival.start));
    // "• annual report: 51,200 / • statistics: 49,800": each item of a list states the count anew
    const itemised =
      rival !== undefined &&
      between.includes('\n') &&
      isListItem(text, first.start, true) &&
      isListItem(text, rival.start, true);
    if (
      rival &&
      (w.contrast.test(between) ||
        sourced ||
        itemised ||
        speakerOf(text, first.start) !== speakerOf(text, rival.start))
    ) {
      doubt('disagree', `${first.raw} … ${rival.raw}`);
      continue;
    }
    // Dwellings the network passes are no end users using it (§ 1, nr. 2), however many: passing a home is
    // no take-up, so such a count decides nothing. A broadcast network is received where it reaches, so
    // the homes it covers are its users unless take-up is said to be unknown or partial, or the count is
    // too near the threshold to leave room.
    const noun = text.slice(first.end, Math.min(s.end, first.end + 30));
    const received =
      x.facts.organisation_type === 'radio_tv' &&
      !w.ignorance.test(text) &&
      value >= threshold * 2 &&
      !w.take_up_part.test(text.slice(first.end));
    if (fact === 'end_users' && w.dwellings.test(noun) && w.coverage.test(sentence) && !received) {
      doubt(
        'not_users',
        text
          .slice(
            first.start,
            first.end + (w.dwellings.exec(noun)?.index ?? 0) + (w.dwellings.exec(noun)?.[0].length ?? 0),
          )
          .trim(),
      );
      continue;
    }
    // Subscriptions, SIM cards and lines are held by people, not people (§ 1, nr. 2): one person may hold
    // several and some serve machines, so such a count decides only far from the threshold (half or
    // twice it), and never above it when the message says they are held several each or by machines.
    // Any part of a sum may be such a count ("30,000 end users and 25,000 SIM cards").
    // (In a table the column's heading says what its figures count: "product | subs".)
    const unitOf = (n: FoundNumber) => {
      const after = text.slice(n.end, Math.min(sentenceAround(text, n.start, n.end).end, n.end + 30));
      const m = w.units.exec(after);
      if (m && after.slice(0, m.index).trim().split(/\s+/).length <= 2) return { n, m, said: undefined };
      const heading = tableCell(text, n.start)?.heading;
      const h = heading === undefined ? null : w.units.exec(heading);
      return h ? { n, m: h, said: heading } : undefined;
    };
    const unit = own.map(unitOf).find((u) => u !== undefined);
    // "mobile 31,200 / broadband 18,900 / … many customers have 2-3 products": figures per product added up
    // count a person once for each product held, so the sum may stand for fewer people.
    const several = own.length > 1 ? w.distributive.exec(text.slice(own.at(-1)!.end)) : null;
    if (!unit && several && value > threshold && /^(?:have|has|hold|holds|har)\s/iu.test(several[0])) {
      doubt('units', several[0].trim());
      continue;
    }
    if (unit) {
      const fewer =
        w.machines.test(unit.said ? text : sentence) || w.distributive.test(unit.said ? text : sentence);
      // "how many end users that is, I don't know": said not to be known, whatever the figure
      const unknown = w.ignorance.test(text.slice(unit.n.end));
      if (unknown || (fewer ? value > threshold : value > threshold / 2 && value < threshold * 2)) {
        doubt(
          'units',
          unit.said !== undefined
            ? `${unit.said}: ${unit.n.raw}`
            : text.slice(unit.n.start, unit.n.end + unit.m.index + unit.m[0].length).trim(),
        );
        continue;
      }
    }
    // "35 corporate customers", "6.000 erhvervskunder": each business may have many staff using the network,
    // so a count of them at or below the threshold does not show how many end users there are.
    // The business noun is the count's own, at most one word after the number ("ansatte hos erhvervskunder"
    // counts staff, who are the end users).
    const businessNoun = (n: FoundNumber) => {
      const m = w.business_customers.exec(text.slice(n.end, n.end + 40).split(/[,;:.()\n]/)[0]!);
      return m && /^\s*(?:[\p{L}-]+\s+)?$/u.test(text.slice(n.end, n.end + m.index)) ? m : undefined;
    };
    const business = fact === 'end_users' && value <= threshold ? own.find(businessNoun) : undefined;
    if (business) {
      const m = businessNoun(business)!;
      doubt('business_customers', text.slice(business.start, business.end + m.index + m[0].length).trim());
      continue;
    }
    // "18k broadband subs, 22k mobile subs, 11k business lines": a figure of another noun, not added,
    // that would take the count across the threshold if it were more end users.
    // "31.200 + 22.400 … I alt 49.800": the parts and the total said lie on either side of the threshold.
    const parts = fact === 'end_users' ? x.signals.end_users_parts_sum : undefined;
    if (parts && parts.value > threshold !== value > threshold) {
      doubt('disagree', `${parts.evidence} … ${first.raw}`);
      continue;
    }
    const left = fact === 'end_users' ? x.signals.end_users_left_out : undefined;
    if (left && value <= threshold && value + left.value > threshold) {
      doubt('left_out', left.evidence);
      continue;
    }
    // Households served are at least as many end users, but each may hold several (§ 1, nr. 2): a count
    // of them at or below the threshold decides only when even three users each would not pass it.
    if (
      fact === 'end_users' &&
      w.dwellings.test(noun.split(/[,;:.]/)[0]!) &&
      value <= threshold &&
      value * 3 > threshold
    ) {
      doubt(
        'households',
        text
          .slice(first.start, Math.min(s.end, first.end + 30))
          .split(/[,;:]/)[0]!
          .trim(),
      );
      continue;
    }
    // "a Danish utility (electricity + water), 95,000 customers … also a fibre network": the customers may
    // be the utility's own, not end users of the network.
    if (
      fact === 'end_users' &&
      /^\s*(?:\p{L}+\s+)?(?:customers|kunder|clients)(?![\p{L}])/iu.test(noun) &&
      w.utility.test(text) &&
      w.network.test(text)
    ) {
      doubt(
        'utility_customers',
        text.slice(first.start, first.end + (/^\s*(?:\p{L}+\s+)?\p{L}+/u.exec(noun)?.[0].length ?? 0)).trim(),
      );
      continue;
    }
    // "We're a managed-services company … to run the core network for a large Danish operator with well
    // over 1 million end users": the count is the provider's the writer works for, and the act binds the
    // provider's agreements, so what the writer is does not decide.
    // (Not when the question asks about the writer's own standing or purchase: the provider is no party.)
    if (
      fact === 'end_users' &&
      !ownStanding &&
      (x.facts.organisation_type === 'company' || x.facts.organisation_type === undefined) &&
      (w.for_provider.test(clauseBefore(text, first.start)) ||
        (w.provider_subject.test(clauseBefore(text, first.start)) &&
          (w.asks_writer.test(after) ||
            (w.supplies.test(clauseBefore(text, first.start)) && x.facts.organisation_type === 'company'))))
    ) {
      out.push({
        fact: 'organisation_type',
        reason: 'for_provider',
        span: text.slice(first.start - clauseBefore(text, first.start).length, first.end).trim(),
      });
      continue;
    }
    // "Our customer, a Danish mobile operator with 1.3 million end users, …", "Kunden er et dansk
    // bredbåndsselskab med 140.000 slutbrugere": a plain company, the writer, counts the users of a provider
    // it names as its client. The count is the provider's, so the company decides nothing. (A tenant or a
    // neighbour with users is no client the writer works for: its count stays someone else's.)
    // Also when the question asks about the writer's client ("Er min klient en væsentlig udbyder?").
    if (
      fact === 'end_users' &&
      !ownStanding &&
      (x.facts.organisation_type ?? opts.threadOrganisation) === 'company' &&
      ((w.provider_subject.test(sentence) && w.client.test(sentence)) || clientAsked(text))
    )
      out.push({ fact: 'organisation_type', reason: 'for_provider', span: sentence.trim() });
    // "Separately, we resell mobile subscriptions to 15,000 customers on Telia's mobile network": a part
    // of the count whose sentence puts it on another's network may not be the writer's network's users.
    const elsewhere =
      fact === 'end_users' && own.find((n) => w.others_network.test(clauseAround(text, n.end)));
    if (elsewhere) {
      doubt('other_party', clauseAround(text, elsewhere.end).trim());
      continue;
    }
    // A count that belongs to someone else (a parent company, a competitor), also when the sentence goes
    // on to the writer using that party's network ("Norlys has over a million customers, and we rent
    // capacity on their network"): the count's clause has no first person, the rest speaks of "their".
    const rest = text.slice(first.end, s.end);
    // ("en koncern, der samlet har 1,4 mio.": a relative clause's count is its antecedent's)
    const clause = clauseBefore(text, first.start);
    const relative = /^\s*(?:der|som|which|who|that)\s/iu.test(clause);
    const antecedent = relative ? clauseBefore(text, first.start - clause.length - 1) : '';
    if (
      w.other_party.test(clause) ||
      w.other_party.test(antecedent) ||
      w.other_party.test(parenthesisHead(sentence, first.start - s.start)) ||
      (fact === 'end_users' &&
        othersNetworkAfter(rest, w) &&
        !w.first_person.test(clauseBefore(text, first.start)))
    ) {
      doubt('other_party', clauseBefore(text, first.end).trim() || first.raw);
      continue;
    }
    // Resellers' customers the writer cannot count could lift the count over its threshold.
    // Also when they are named and not counted at all ("plus 6 service providers who sell to their own
    // customers on it"): their end users count too (§ 1, nr. 3, litra a).
    if (
      fact === 'end_users' &&
      value <= threshold &&
      w.resale.test(text) &&
      (w.ignorance.test(text) || (!x.signals.end_users_with_wholesale && w.their_customers.test(text)))
    ) {
      doubt('open_count', (w.ignorance.exec(text)?.[0] ?? first.raw).trim());
      continue;
    }
    // A state count given together with municipal or regional customers, without the split.
    if (
      fact === 'state_end_users' &&
      w.local_government.test(sentence) &&
      (w.ignorance.test(sentence) || w.mixed_public.test(sentence))
    ) {
      doubt('mixed_public', sentence.trim());
    }
  }
  // "We're a data-centre company. A mobile operator wants us to run its core servers", "we sell RAN
  // software to Danish mobile operators": with no count at all, the writer supplies a provider, and the act
  // binds the provider's agreements (§ 2, stk. 1), so what the writer is does not decide either.
  // ("Er VI omfattet?" asks about the supplier itself, which is no provider: that decides.)
  if (
    x.facts.organisation_type === 'company' &&
    x.facts.end_users === undefined &&
    w.agreement_asked.test(lastQuestion(text)) &&
    !out.some((d) => d.reason === 'for_provider')
  ) {
    const supplier = sentencesOf(text).find(
      (st) =>
        (w.for_provider.test(st) && w.supplies.test(st)) ||
        (w.provider_subject.test(st) && w.asks_writer.test(st)),
    );
    if (supplier) out.push({ fact: 'organisation_type', reason: 'for_provider', span: supplier.trim() });
  }
  // "Vores teleleverandør leverer mobil til kommunens ansatte. Er leverandøren en væsentlig udbyder?",
  // "Is that supplier covered by the act?": the question asks about another party's coverage, with no
  // first person of its own, so what the writer is (a municipality, a state agency) decides nothing.
  const party = askedParty(text, x, w);
  if (party && !out.some((d) => d.reason === 'for_provider'))
    out.push({ fact: 'organisation_type', reason: 'asked_party', span: party.trim() });
  const t = x.facts.territory;
  const ev = x.evidence.territory;
  const place = (t === 'FO' || t === 'GL') && ev ? excludedPlaceDoubt(text, ev, w) : undefined;
  if (place) out.push(place);
  // "62,000 end users in total, the bulk of them in Greenland, the rest in Denmark": read as Denmark, but
  // part of the count is where the act does not reach (§ 19), and the Danish part is not said.
  if (t === 'DK' && x.facts.end_users !== undefined) {
    const shared = [...text.matchAll(new RegExp(w.excluded_places.source, 'giu'))]
      .map((m) => clauseAround(text, m.index))
      .find((c) => PARTITIVE_RE.test(c));
    if (shared) out.push({ fact: 'territory', reason: 'several_places', span: shared.trim() });
  }
  // "we also have some state customers, a couple of agencies": state customers, but not how many.
  if (x.signals.state_uncounted && x.facts.state_end_users === undefined)
    out.push({
      fact: 'state_end_users',
      reason: 'uncounted',
      span: x.signals.state_uncounted,
      threshold: opts.stateThreshold,
    });
  // What the agreement's equipment is used for is left open: it decides § 1, nr. 1.
  if (x.signals.component_open)
    out.push({ fact: 'component', reason: 'undecided_use', span: x.signals.component_open });
  // "net i rigsfællesskabet": the Realm takes in the Faroe Islands and Greenland (§ 19), so where is open.
  // "the Danish Realm" names no Denmark of its own.
  const realm = t === undefined || t === 'DK' ? w.realm.exec(text) : null;
  const dkAt = t === 'DK' && ev ? text.indexOf(ev) : -1;
  const ownDenmark =
    t === 'DK' && !(realm && dkAt >= realm.index - 12 && dkAt <= realm.index + realm[0].length);
  if (realm && !ownDenmark)
    out.push({ fact: 'territory', reason: 'realm', span: clauseAround(text, realm.index).trim() });
  return out;
}
