/**
 * Facts from one message of free text (Danish, English or both), as the answer contract names them.
 * Only what the writer said, or what the supplier register says about a supplier they named; a fact
 * the text does not settle is left out so the bot can ask. Each fact comes with its evidence: the
 * span of text it was read from.
 *
 * Choices worth knowing:
 * - Counts: a number is a count of end users when an end-user noun follows it within four words
 *   (`600,000 mobile and broadband end users`) or precedes it closely (`slutbrugere: ca. 57.000`).
 *   A stated total (`i alt`, `in total`) wins; otherwise own and wholesale end users are added.
 *   Counts served through agreements with state bodies give `state_end_users` (a state body's staff
 *   count: `501 of their employees`); they, and counts at municipalities or regions, are taken to be
 *   part of the total and not added, unless the writer says they come in addition (`desuden`).
 * - `state_end_users` is 0 when the writer says there are no state agreements, or when the public-
 *   sector contracts they describe are municipal or regional and nothing in the message is a state body.
 * - Counts of people: an end-user noun with one typo counts (`slutbrugre`, `kundre`; short nouns only
 *   with the right first letter, so `under` is no `kunder`). `people`/`mennesker` count only when the
 *   writer's own network reaches them (`our DAB network, listened to by 2.3 million people`).
 * - Organisation: any private business (shop, chain, clinic, law firm, hotel, salon) is `company`;
 *   `our company, a cable operator` and `our company runs the mobile network` are providers.
 *   `som region`, `vi som kommune` and a named region (`Region Midtjylland …` as subject, `hos os i …`)
 *   say what the writer is; a named body the writer serves does not, nor does the area a count is
 *   in (`households in our region`).
 * - Status: a signing still to come (`will be signed next month`, `skal underskrives`, `not yet signed`,
 *   `forventer at indgå`) is `new`, even though `signed` is in the sentence. Only the writer's agreement
 *   with a supplier counts: a sentence about serving their own customers ("we serve staff at Aarhus
 *   Kommune under our framework contracts") with no supplier, purchase, component or supplier name in
 *   it sets no status, nor does an agreement that is only the object of a CFCS decision ("before CFCS
 *   bans our agreement, must it consult …?"); `signed`/`indgået` in such a question still do.
 * - Dates: a date's role is the nearest deciding word in its clause, where only acts (`signed`,
 *   `indgået`, `since`) and decision words (`meddelt`, `notified`, `prohibition`) count, so in
 *   "CFCS notified its decision banning one of our agreements on 31 August" the date is the
 *   notification's; an agreement noun decides only when joined to the date (`aftalen fra 3. marts`), or
 *   when no act or decision word is in the clause, then the sentence. A date after `asOf` is kept.
 *   A year or month without a day is only used for the agreement date, as its first day, when the
 *   whole period lies on one side of 7 December 2020 (§ 17, stk. 2), with
 *   `signals.agreement_date_precision` (`year`, `month`) saying it is no day ("signed back in 2019" →
 *   2019-01-01, precision `year`); `signals.vague_agreement_date` keeps the one that does not (`2020`).
 * - Backbone routers or servers: when both are named, the device noun nearest the backbone word.
 * - Passive infrastructure is `other` (not critical): masts and towers, compounds included (`stålmaster`,
 *   `antennetårne`, `mast sites`), ducts and `rør`, cable and fibre itself, power supply and batteries.
 *   It is last in precedence, so a critical system named beside it wins.
 * - `ran_control` also when said in words: controllers or units that steer/control the radio network,
 *   RAN or base stations (`enheder der styrer radionettet`, `styreenheder til radionettet`).
 * - A state count after the own total ("49,999 end users, and through a contract with a state agency we
 *   also serve 800 of the agency's staff"): the state mark belongs to the nearest count after it, and
 *   `also`/`også` do not add a state or municipal count to the total (`desuden`, `in addition` do).
 * - Supplier names and aliases match as whole words, or as the first part of a Danish compound
 *   (`Huaweiudstyr`, `Hikvision-kameraer`); never as the tail of a word. A near miss (one edit) must be
 *   capitalised or long, start with the name's first letter, and not be an everyday word or surname
 *   (`protect` is no `XProtect`, `Eriksen` no `Ericsson`). The act's own name ("the Danish supplier
 *   security act", `leverandørsikkerhedsloven`, `lov om leverandørsikkerhed`) is blanked out first: it
 *   gives neither a supplier nor a country.
 * - Supplier country: a country word (the register's names and demonyms, `irsk`, `Irish`) right before
 *   a supplier noun, compounds included (`et irsk IT-firma`, `en polsk softwarevirksomhed`).
 * - Handsets: `customer_equipment` (a telco sells them to subscribers), `office_it` when the sentence
 *   says they are for the organisation's own staff or office. Neither is critical.
 * - Operating a critical system (`drift af kernenettet`) is that system's component; `operations_service`
 *   only when no system is named (`managed services for our network`).
 * - State bodies by name (Rigspolitiet, Forsvaret, Folketinget, the courts, a styrelse or ministerium)
 *   are state customers: their staff served under a contract are `state_end_users`, and that contract
 *   with customers sets no status. Speaking ("Politiet overvejer …"), such a body is the writer
 *   (`state_authority`). "No government contracts" is read with one-edit typos of the state words
 *   (`goverment`, `statsligge`, `staet`).
 * - A public service obligation is not nationwide when what follows limits it ("i vores egen region, men
 *   ikke landsdækkende", "limited to our region", "only regional"); `national public service` is.
 * - Relative years and months (`sidste år`, `i fjor`, `two years ago`, `last month`) are dated from
 *   `asOf` with year or month precision and follow the same § 17, stk. 2 rule as written years.
 * - A supplier the register does not know is taken only when written as a name right before its
 *   country (`Netcracker (US)`, `Giesecke+Devrient fra Tyskland`, `Radisys, som har hovedsæde i USA`) in
 *   a sentence about a supplier; never the writer, a place or a person signing off.
 * - Components: cloud office and staff e-mail (Microsoft 365, Google Workspace) are `office_it`; SIM
 *   cards, eSIM and set-top boxes `customer_equipment`; data centres, rack space and hosting `other`.
 * - `signals.state_controlled`: the text says the supplier is controlled by a state or military
 *   (§ 2, stk. 2, nr. 3). The register's own claim is for the checks to read; it is not copied here.
 */

import countryNames from 'i18n-iso-countries';
import type { Bound } from '../../guardrails/bounds.js';
import { COMPONENTS, type FactKey, type Facts, ORGANISATION_TYPES } from '../../guardrails/facts.js';
import { END_USERS_THRESHOLD, STATE_END_USERS_THRESHOLD } from '../../guardrails/params.js';
import { B, E, gap, lexicon } from '../../knowledge/lexicon.js';
import {
  type Country,
  registers as loadRegisters,
  type Registers,
  type Supplier,
} from '../../knowledge/registers.js';
import { type DatePrecision, findDates } from './dates.js';
import {
  clauseAround,
  doubtVocabulary,
  isListItem,
  itemTextBefore,
  lineAround,
  rangeStart,
  tableCell,
  wordStart,
} from './doubt.js';
import { type FoundNumber, findNumbers, HEDGE } from './numbers.js';

export interface Signals {
  /** The text says the supplier is controlled by a (foreign) state or military (§ 2, stk. 2, nr. 3). */
  state_controlled?: boolean;
  /** The text says the supplier has been involved in activities harming security or public order (§ 2, stk. 2, nr. 4). */
  harmful_activity?: boolean;
  /** The precision of `facts.agreement_date` when it was not a full day. */
  agreement_date_precision?: Exclude<DatePrecision, 'day'>;
  /** An agreement year or month that straddles 7 December 2020 (e.g. `2020-12`), so no date was set. */
  vague_agreement_date?: string;
  /** The writer hedged the end-user count (`ca.`, `omkring`, `about`). */
  end_users_approx?: boolean;
  /**
   * The whole message is one number ("72.000", "ca. 72k"): most likely the answer to the question the
   * bot just asked. The pipeline knows which question that was; the extractor does not.
   */
  lone_number?: number;
  /** The count is a bound, not a number: `over 50.000` is more than, `under 500` less than the value. */
  /**
   * The words that leave the agreement's component open: equipment that may or may not steer the radio
   * network ("radioudstyr til 400 mastesites"), or a critical and a non-critical use both named while
   * the use is not settled ("some in the core, some in internal IT, nobody's decided").
   */
  component_open?: string;
  /** State customers named with no count ("nogle statslige kunder", "a couple of agencies"): the words. */
  state_uncounted?: string;
  /** The end-user count was said with a bound ("over 50.000", "knap 50.000"). */
  end_users_bound?: Bound;
  state_end_users_bound?: Bound;
  /** "kontrakt med Politiet om yderligere 250 brugere": the state count comes on top of one said before. */
  state_end_users_additive?: boolean;
  /**
   * End users added to a count said in an earlier message ("resellers add about 4.000 more"): the
   * message has no count of its own, so the thread's count grows by this.
   */
  end_users_added?: number;
  /**
   * The message's count is only of end users on the network through the writer's customers
   * (wholesale, "2 tjenesteudbydere har 6.000 kunder på vores net"): litra a adds them to the
   * writer's own, so a count from an earlier message is added to, not replaced.
   */
  end_users_wholesale_only?: boolean;
  /** The message's count includes end users through wholesale customers. */
  end_users_with_wholesale?: boolean;
  /**
   * Another count of the writer's, of a different noun, neither added to the count nor a part of it
   * ("18k broadband subs, 22k mobile subs, 11k business lines": the lines): whether it counts more end
   * users or the same ones is not said.
   */
  end_users_left_out?: { value: number; evidence: string };
  /** The parts said beside a stated total add up to another figure. */
  end_users_parts_sum?: { value: number; evidence: string };
}

export interface Extraction {
  facts: Facts;
  /** The text span each fact was read from. */
  evidence: Partial<Record<FactKey, string>>;
  signals: Signals;
}

/** The part of the register the extractor reads (tests may inject their own). */
export type SupplierRegister = Pick<
  Registers,
  'suppliers' | 'countries' | 'supplierByName' | 'countryByName'
>;

export interface ExtractOptions {
  /** Today, YYYY-MM-DD: resolves `i går` and day-month dates without a year. */
  asOf?: string;
  register?: SupplierRegister;
}

const re = (src: string, flags = 'iu') => new RegExp(src, flags);
const g = (src: string) => new RegExp(src, 'giu');

// ---- compiled once -------------------------------------------------------------------------------
/**
 * The words the extractor looks for are entries of `knowledge/vocabulary/lexicon/*.yaml` (one file per kind
 * of fact, each with why it is there), read by name here, once, when this module loads.
 */
const L = lexicon();
/** The lexicon's patterns read as they are, by entry name: `P.SERVED_BEFORE` (`G.…`: global, for every match). */
const patterns = <N extends string>(names: readonly N[], flags: string) =>
  Object.fromEntries(names.map((n) => [n, new RegExp(L.text(n), flags)])) as Record<N, RegExp>;
// biome-ignore format: a list of the lexicon's entry names, several to a line
const P = patterns([
  'NOT_SELF_BETWEEN', 'AREA_BEFORE', 'AREA_COUNTED', 'ACTS_ON_WRITER', 'HAVE_SELF', 'OWNER_SELF',
  'BOUGHT_COUNT_BEFORE', 'BUSINESS_RUNS_NETWORK', 'APPOSITION', 'OWN_BUSINESS', 'RELATED_COMPANY',
  'WRITER_NAMED_BEFORE', 'NETWORK_OWNER', 'NOT_NATIONWIDE_AFTER', 'NATIONWIDE_WORD',
  'NEGATED_NATIONWIDE_AFTER', 'NEGATION', 'ASKED_NOT', 'EXACT_MARK', 'DENIED_BEFORE', 'THRESHOLD_AFTER',
  'HEADCOUNT_BEFORE', 'COMPANY_SELLS_NET', 'WE_SELL_NET', 'ANOTHER_AGREEMENT', 'THRESHOLD_BEFORE', 'RELATIVE_AFTER', 'USER_BEFORE', 'REACH_BEFORE', 'PEOPLE_USE_AFTER', 'OWN_NETWORK',
  'SELLS_NET_SERVICE', 'PUBLIC_NET_WORD', 'EMBEDDED_BOUND_BEFORE', 'SUBSET_AFTER', 'SUBSET_BEFORE',
  'STRICT_TOTAL', 'THEIR_SUBJECT', 'THEY_HAVE', 'FIRM_CUSTOMER', 'SEGMENT_LABEL', 'TOTAL_LABEL',
  'RECEIVED', 'CONTRACT', 'ADDITIVE_BEFORE', 'ADDITIVE_STRONG_BEFORE', 'CONTINUATION_BEFORE', 'NO_STATE',
  'SERVES_CUSTOMERS', 'OWNED_BY_BEFORE', 'REPORTED_TO_BEFORE', 'OWN_IN_COUNT', 'WITH_WHOLESALE_AFTER',
  'ORG_NOUN_WORD', 'CUSTOMER_NOUN_AFTER', 'INCLUDES', 'MORE_BEFORE', 'MORE_AFTER',
  'EQUIPMENT_PLACE_BEFORE', 'EQUIPMENT_PLACE_IN', 'EQUIPMENT_PLACE_AFTER', 'SELF_BEFORE',
  'NETWORK_AFTER_COUNTRY', 'OWN_STATE_BEFORE', 'HARM_ACT', 'HARM_OBJECT', 'HARM_EFFECT',
  'HARM_HYPOTHETICAL', 'FOREIGN_MARK', 'HARM_VICTIM', 'SUPPLIER_REFERENT', 'SELF_INTRO_AFTER',
  'SUPPLIER_IN', 'OUR_SUPPLIER_FROM', 'MUNICIPAL_ADJ', 'REGIONAL_ADJ', 'LAW_AFTER',
  'DK_NOT_TERRITORY_AFTER', 'NOT_YET_BEFORE', 'CUSTOMER_CONTRACT_AFTER', 'DECIDED_ON_BEFORE',
  'SERVE_VERB', 'CUSTOMER_OBJECT', 'SUPPLIER_CONTEXT', 'AGREEMENT_NOUN_OF_DATE', 'LOCATIVE_BEFORE',
  'POSSESSIVE', 'SUPPLIER_IS', 'OWN_COMPANY_IS', 'CLIENT_IS', 'LISTED', 'THING_OR_PURCHASE_BEFORE',
  'HOSPITAL_OF_REGION', 'LONE_NUMBER', 'FIRST_PERSON', 'ONE_AGREEMENT', 'ADJECTIVE_EXISTING',
  'QUESTION_SUBJECT_BEFORE', 'GAP_BREAK', 'ATTRIBUTIVE_ORG', 'PART_WITH', 'SERVED_BEFORE',
  'LIST_SEPARATOR', 'ORG_OR_THING', 'SUPPLIER_ROLE_BEFORE', 'SUPPLY_CHANGE', 'MONTH_WORD', 'SENTENCE_ANAPHOR', 'END_USER_TERM', 'WITH_COUNT',
] as const, 'iu');
// biome-ignore format: a list of the lexicon's entry names, several to a line
const G = patterns([
  'NAMED_PUBLIC_BODY', 'LOCAL_PS', 'LABEL_NONE', 'STATE_MARK', 'LOCAL_GOV_MARK', 'WHOLESALE_MARK',
  'TOTAL_MARK', 'OWN_PUBLIC_BODY_GENITIVE', 'STATE_CONTROLLED', 'STATE_OWNED_LONG', 'HARM_INVOLVED',
  'NEW_STRONG', 'EXISTING_STRONG', 'EXISTING_WEAK', 'NEW_WEAK', 'WANTS_HUMAN', 'AGREEMENT_ACTS',
  'SELF_WORD', 'WHOSE_GAP', 'CLAUSE_BREAK', 'ACT_NAME', 'THRESHOLD_MULTIPLE',
] as const, 'giu');
const ORG_KEYWORDS = L.table('ORG_KEYWORDS', ORGANISATION_TYPES);
const COMPONENT_KEYWORDS = L.table('COMPONENT_KEYWORDS', COMPONENTS);
const TERRITORY = L.table('TERRITORY', ['FO', 'GL', 'DK'] as const);
/** Organisation keywords, each alternative a named group (its type). */
const ORG_RE = g(`${B}(?:${ORG_KEYWORDS.map(([n, s]) => `(?<${n}>${s})`).join('|')})${E}`);
const SELF_RE = g(`${B}${L.text('SELF')}${E}`);
/** The sentence around a position, as `sentences` cuts the text. */
let lastSplit: { text: string; spans: Span[] } | undefined;
function sentenceOf(text: string, pos: number): string {
  // (cut once per text: the organisation reader asks for several positions of one message)
  if (lastSplit?.text !== text) lastSplit = { text, spans: sentences(text) };
  const s = sentenceAt(lastSplit.spans, pos);
  return text.slice(s.start, s.end);
}
const NATIONWIDE_RE = g(L.text('NATIONWIDE_PS'));
const USER_AFTER_RE = re(`^(?<gap>\\+?[\\s\\p{L}'’/&-]{0,60}?)${B}(?<noun>${L.text('USER_NOUN')})${E}`);
const STAFF_BEFORE_RE = re(`${B}(?:${L.text('STAFF_NOUN')})\\s+$`);
const STAFF_AFTER_RE = re(`^(?<gap>\\+?[\\s\\p{L}'’/&-]{0,60}?)${B}(?<noun>${L.text('STAFF_NOUN')})${E}`);
const NOT_USER_WORD_RE = re(`^(?:${L.text('NOT_USER_NOUN')})$`);
const USER_WORD_RE = re(`^(?:${L.text('USER_NOUN')})$`);
const PEOPLE_AFTER_RE = re(`^(?<gap>[\\s\\p{L}'’/&-]{0,40}?)${B}(?:${L.text('PEOPLE_NOUN')})${E}`);
const LABEL_USER_RE = re(`${B}(?:${L.text('USER_NOUN')})${E}`);
const SEGMENT_WORD_RE = re(`${B}(?:${L.text('SEGMENT_WORD')})`);
const FIGURE_SOURCE_RE = re(`${B}(?:${L.text('FIGURE_SOURCE')})`);
const SERVED_LABEL_RE = re(
  `(?:${L.text('CONTRACT')}|(?<![\\p{L}])(?:customers|kunder|clients|klienter))\\s*:`,
);
const OUR_CONTRACT_RE = re(`(?<![\\p{L}])(?:our|the|this|that|vores|denne|den)\\s+(?:${L.text('CONTRACT')})`);
export const FIRST_PERSON_SUBJECT_RE = re(L.text('FIRST_PERSON_SUBJECT'), 'u');
const COMPONENT_RES = COMPONENT_KEYWORDS.map(([c, s]) => [c, g(`${B}(?:${s})${E}`)] as const);
const OFFICE_RE = re(L.text('OFFICE_CONTEXT'));
const SUPPLIER_NOUN_START_RE = re(`^\\s*(?:${gap(2)})?${L.text('SUPPLIER_NOUN_AFTER_COUNTRY')}${E}`);
const SUPPLIER_ROLE_NOUN_RE = re(`^(?:${L.text('SUPPLIER_ROLE_NOUN')})`);
const BASED_IN_RE = re(`${L.text('BASED_IN')}$`);
const FROM_RE = re(`${L.text('FROM')}$`);
const TERRITORY_RES = TERRITORY.map(([t, s]) => [t, g(s)] as const);
const DECISION_RE = g(L.text('DECISION_WORDS'));
const AGREEMENT_RE = g(L.text('AGREEMENT_WORDS'));
const NEUTRAL_RE = g(L.text('NEUTRAL_DATE_WORDS'));
const GENERIC_ORG_RE = re(L.text('GENERIC_ORG_WORD'));
const SUPPLIER_NOUN_RE = new RegExp(L.text('SUPPLIER_NOUN'), 'giu');
const NOTIFIED_RE = g(L.text('NOTIFIED_WORDS'));
const PRODUCT_NOUN_START_RE = re(`^\\s*(?:${gap(2)})?${L.text('PRODUCT_NOUN')}${E}`);
const LEAD_STRIP_RE = re(`(?:${L.text('BASED_IN')}|${L.text('FROM')})$`);
const FIRST_PERSON_I_RE = /(?<![\p{L}'])I(?![\p{L}'])/u;
const WORD_RE = /\p{L}{4,}/gu;
/** A count just before a word ("9k ", "~9.000 ", "two "): the word is what is counted. */
const COUNTED_BEFORE_RE =
  /(?:\d[\d.,]*\s*(?:k|m|mio\.?|tusind\p{L}*|thousand|million)?|(?<![\p{L}])(?:two|three|four|five|six|seven|eight|nine|ten|several|many|to|tre|fire|fem|seks|flere|mange))\s+$/iu;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const SHORT_WORDS = new Set(L.words('SHORT_WORDS'));
export const COMMON_WORD_NAMES = new Set(L.words('COMMON_WORD_NAMES'));
export const NOT_NEAR_MISSES = new Set(L.words('NOT_NEAR_MISSES'));
export const COMPOUND_HEAD = L.text('COMPOUND_HEAD');
/** The text with the act's own name blanked out (same length, so positions stay). */
function withoutActName(text: string): string {
  return text.replace(G.ACT_NAME, (m) => ' '.repeat(m.length));
}

interface RegisterIndex {
  supplierRe: RegExp;
  countryRe: RegExp;
  /** Single-word names of five letters or more, lower-cased, for near misses ("Eriksson", "Huaewi"). */
  fuzzy: Array<{ name: string; key: string }>;
  /** The same, by first letter (in the same order). */
  fuzzyByFirst: Map<string, Array<{ name: string; key: string }>>;
}
const indexCache = new WeakMap<SupplierRegister, RegisterIndex>();

function nameAlternation(names: string[]): string {
  return [...new Set(names)]
    .sort((a, b) => b.length - a.length)
    .map((n) => escapeRe(n).replace(/\s+/g, '\\s+'))
    .join('|');
}

/** Acronyms (`US`, `UNV`) and everyday words (`axis`, `island`) count only when written as names. */
function caseOk(matched: string): boolean {
  const lower = matched.toLowerCase();
  // Short names that are also words ("US"/"us") only in capitals; "zte", "avm" are no words.
  if (SHORT_WORDS.has(lower)) return matched === matched.toUpperCase();
  if (COMMON_WORD_NAMES.has(lower)) return matched[0] === matched[0]!.toUpperCase();
  return true;
}

/** Every Danish and English name the ISO package knows for a country ("US", "USA", "UK"). */
function isoNames(code: string): string[] {
  try {
    return ['da', 'en'].flatMap((l) => countryNames.getName(code, l, { select: 'all' }) ?? []);
  } catch {
    return [];
  }
}

function indexOf(reg: SupplierRegister): RegisterIndex {
  let idx = indexCache.get(reg);
  if (idx) return idx;
  const supplierNames = reg.suppliers.flatMap((s: Supplier) => [s.name, ...s.aliases]);
  const countryNames: string[] = [];
  for (const c of reg.countries as readonly Country[]) {
    for (const n of [c.name_da, c.name_en, ...c.aliases, ...isoNames(c.code)]) {
      countryNames.push(n);
      if (/sk$/i.test(n)) countryNames.push(`${n}e`); // kinesisk → kinesiske
    }
  }
  idx = {
    // Danish inflections after a name: "Huaweis udstyr", "fritzboxe".
    supplierRe: new RegExp(
      `(?<![\\p{L}\\p{N}])(?<n>${nameAlternation(supplierNames)})(?:s|e|en|er|erne|es|'s|’s|${COMPOUND_HEAD})?(?![\\p{L}\\p{N}])`,
      'giu',
    ),
    countryRe: new RegExp(`(?<![\\p{L}\\p{N}])(?:${nameAlternation(countryNames)})(?![\\p{L}\\p{N}])`, 'giu'),
    fuzzy: supplierNames
      .filter((n) => /^\p{L}{5,}$/u.test(n) && !COMMON_WORD_NAMES.has(n.toLowerCase()))
      .map((n) => ({ name: n, key: n.toLowerCase() })),
    fuzzyByFirst: new Map(),
  };
  for (const f of idx.fuzzy) {
    const bucket = idx.fuzzyByFirst.get(f.key[0]!) ?? [];
    bucket.push(f);
    idx.fuzzyByFirst.set(f.key[0]!, bucket);
  }
  indexCache.set(reg, idx);
  return idx;
}

/** Optimal string alignment distance ≤ 1 (one insertion, deletion, substitution or transposition). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function lastIndex(rx: RegExp, text: string): number {
  let at = -1;
  for (const m of text.matchAll(rx)) at = m.index;
  return at;
}

// ---- text helpers --------------------------------------------------------------------------------
interface Span {
  start: number;
  end: number;
}

/** Every match of `rx` in `text` (a pattern without `g`: its first match only). */
function allMatches(rx: RegExp, text: string): RegExpExecArray[] {
  if (!rx.global) {
    const m = rx.exec(text);
    return m ? [m] : [];
  }
  // (not `matchAll`, which copies the pattern on every call)
  const out: RegExpExecArray[] = [];
  rx.lastIndex = 0;
  for (let m = rx.exec(text); m; m = rx.exec(text)) {
    out.push(m);
    if (m[0] === '') rx.lastIndex += 1;
  }
  return out;
}
// A global regex keeps where its last match ended (`lastIndex`) and starts the next `test` there: these
// look at the whole text every time, whatever was matched before.
function test(rx: RegExp, text: string): boolean {
  rx.lastIndex = 0;
  const hit = rx.test(text);
  rx.lastIndex = 0;
  return hit;
}
function exec(rx: RegExp, text: string): RegExpExecArray | null {
  rx.lastIndex = 0;
  const m = rx.exec(text);
  rx.lastIndex = 0;
  return m;
}

/** Sentence spans: split at ! ? newline, and at a point followed by space and a capital letter. */
function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  // an emoji between two sentences ends the first ("… deres ansatte 🎉 Vi har …"); so does a point after a
  // whole word when the next starts in lower case ("… 6,000 end users. a few of our customers …"), not
  // after an abbreviation ("ca. 50.000", "approx. 600")
  const rx =
    /[!?;\n]+|\.(?=\s+[\p{Lu}"“])|(?:(?<=\p{L}{5})(?<!approx)|(?<=\d[.,]\d{3}|\d{4}))\.(?=\s+\p{Ll})|\p{Extended_Pictographic}+(?=\s+\p{Lu})/gu;
  for (const m of text.matchAll(rx)) {
    const end = m.index + m[0].length;
    // "ca. Vi" is rare; "7. December" keeps a date together.
    // A year before the point ends the sentence: "… den 21. maj 2026. Er fristen …".
    // The last group of a date or a number ("7/12-20.", "50.000.") is no ordinal: it ends the sentence.
    if (m[0] === '.' && /(?<!\d[/.,-]?)\d{1,3}\s*$/.test(text.slice(Math.max(0, m.index - 6), m.index)))
      continue;
    out.push({ start, end });
    start = end;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

function sentenceBefore(spans: Span[], sentence: Span): Span | undefined {
  return spans.filter((s) => s.end <= sentence.start).at(-1);
}

function sentenceAt(spans: Span[], pos: number): Span {
  return spans.find((s) => pos >= s.start && pos < s.end) ?? spans[spans.length - 1] ?? { start: 0, end: 0 };
}

/** The start of the clause that contains `pos` (after the last comma, "but", "og" …). */
function clauseStart(text: string, sentence: Span, pos: number): number {
  let start = sentence.start;
  G.CLAUSE_BREAK.lastIndex = 0;
  const part = text.slice(sentence.start, pos);
  for (const m of part.matchAll(G.CLAUSE_BREAK)) start = sentence.start + m.index + m[0].length;
  return start;
}

function negatedBefore(text: string, sentence: Span, pos: number, window = 45): boolean {
  const from = Math.max(clauseStart(text, sentence, pos), pos - window);
  return test(P.NEGATION, text.slice(from, pos));
}

// ---- organisation --------------------------------------------------------------------------------
type OrgType = NonNullable<Facts['organisation_type']>;

function orgTypeOf(m: RegExpExecArray): OrgType | undefined {
  for (const [t] of ORG_KEYWORDS) if (m.groups?.[t] !== undefined) return t;
  return undefined;
}

/**
 * The writer's organisation. A hospital is `other` unless the writer says a region runs it
 * ("hospital i Region Midtjylland", "a hospital run by the region"): then `region`.
 */
function findOrganisation(text: string): { type: OrgType; evidence: string } | undefined {
  const found = findOrganisationType(text);
  // "vores kommunale skole", "our municipal library": an institution the municipality (or region) runs.
  if (found?.type === 'other' && test(P.MUNICIPAL_ADJ, found.evidence))
    return { type: 'municipality', evidence: found.evidence };
  if (found?.type === 'other' && test(P.REGIONAL_ADJ, found.evidence))
    return { type: 'region', evidence: found.evidence };
  if (found?.type === 'other' && /hospital|sygehus/iu.test(found.evidence)) {
    const run = exec(P.HOSPITAL_OF_REGION, text);
    if (run) return { type: 'region', evidence: `${found.evidence} … ${run[0]}` };
  }
  return found;
}

/** Right after a country word: a provider's type and then a comma or a dash, a headline of who writes. */
function opensAsProvider(after: string): boolean {
  const head = after.slice(0, 40);
  return allMatches(ORG_RE, head).some(
    (o) =>
      o.index <= 1 &&
      orgTypeOf(o) === 'telecom_provider' &&
      /^\s*[,:;–—-]/u.test(head.slice(o.index + o[0].length)),
  );
}

/** After a plain "company": an apposition of a more specific type, or the network it runs. */
function specificAfter(
  text: string,
  orgs: RegExpExecArray[],
  company: RegExpExecArray,
): { type: OrgType; end: number } | undefined {
  const from = company.index + company[0].length;
  const rest = text.slice(from, from + 80).split(/[.!?;\n]/u)[0]!;
  for (const o of orgs) {
    if (o.index < from || o.index + o[0].length > from + rest.length) continue;
    if (!test(P.APPOSITION, text.slice(from, o.index))) continue;
    const type = orgTypeOf(o);
    if (type && type !== 'company' && type !== 'other' && !test(GENERIC_ORG_RE, o[0]))
      return { type, end: o.index + o[0].length };
  }
  const runs = exec(P.BUSINESS_RUNS_NETWORK, rest);
  return runs ? { type: 'telecom_provider', end: from + runs.index + runs[0].length } : undefined;
}

/**
 * An organisation keyword the writer denies being: "we are NOT a telecom company", "vi er ikke en
 * kommune", "not an operator". The negation must stand in the same clause, shortly before the keyword.
 */
function deniedOrganisation(text: string, o: RegExpExecArray): boolean {
  const before = text.slice(Math.max(0, o.index - 30), o.index);
  const clause = before.split(/[.!?;:\n–—,(]|\s-\s/u).pop() ?? '';
  // "Er vi så ikke en væsentlig udbyder?", "aren't we a provider?": a question, not a denial.
  return test(P.DENIED_BEFORE, clause) && !test(P.ASKED_NOT, clause);
}

function findOrganisationType(text: string): { type: OrgType; evidence: string } | undefined {
  // "~9k SMEs and households", "3 ISPs", "two ministries": what a count counts is not what the writer is
  const named = allMatches(ORG_RE, text).filter((o) => !deniedOrganisation(text, o));
  const counted = (o: RegExpExecArray) =>
    COUNTED_BEFORE_RE.test(text.slice(Math.max(0, o.index - 14), o.index));
  const orgs = named.filter((o) => !counted(o));
  // "our home business: we're an ISP", "register our company as exempt … we're a Danish ISP": a plain
  // company said first gives way to what the writer says it is after.
  let plain: { type: OrgType; evidence: string } | undefined;
  selves: for (const self of allMatches(SELF_RE, text)) {
    const after = self.index + self[0].length;
    // "vi er 3 kommuner", "we own three pizzerias": counted right after being or owning, they are the writer.
    const own = test(P.OWNER_SELF, self[0].trim());
    const list = own ? named : orgs;
    for (const o of list) {
      if (o.index < after) continue;
      if (o.index - after > 70) break;
      // "a business ISP", "en kommunal fiberudbyder": of two organisation words in a row, the last is the head.
      const end = o.index + o[0].length;
      if (list.some((h) => h.index >= end && /^\s+$/u.test(text.slice(end, h.index)))) continue;
      if (own && counted(o) && !COUNTED_BEFORE_RE.test(text.slice(after, o.index))) continue;
      const between = text.slice(after, o.index).replace(/\b(?:one|en|et)\s+af\b|\bone\s+of\b/giu, ' ');
      // A sentence end or another party in between: the keyword is about something else.
      if (/[.!?;\n]/.test(between) || test(P.NOT_SELF_BETWEEN, between)) break;
      const type = orgTypeOf(o);
      if (!type) continue;
      // "do business customers count?": a kind of customer, not what the writer is.
      if (P.CUSTOMER_NOUN_AFTER.test(text.slice(o.index + o[0].length, o.index + o[0].length + 20))) continue;
      const possessive = test(P.POSSESSIVE, self[0].trim());
      // after a plain company, only the writer saying what it is ("we're an ISP") says more: "our client,
      // a Danish provider" is someone else
      if (plain && possessive) break;
      // "Vi har en lille tandlægeklinik": having is owning only with the keyword right after the article.
      if (test(P.HAVE_SELF, self[0]) && (/\d/.test(between) || between.trim().split(/\s+/).length > 3)) break;
      // "vores udbyder" / "our provider" is a supplier, not the writer.
      // "our company", "vores firma" is the writer's own business.
      if (possessive && test(GENERIC_ORG_RE, o[0]) && !test(P.OWN_BUSINESS, o[0])) break;
      // "our parent company", "vores moderselskab": a company related to the writer's, not the writer.
      if (possessive && test(P.RELATED_COMPANY, between + o[0])) break;
      // "households in our region", "12.000 kunder i vores kommune": the area the network covers, not the
      // writer ("kameraer i vores kommune" still is the municipality's own).
      if (
        possessive &&
        (type === 'region' || type === 'municipality') &&
        test(P.AREA_BEFORE, text.slice(Math.max(0, self.index - 30), self.index)) &&
        test(P.AREA_COUNTED, sentenceOf(text, self.index))
      )
        break;
      // "our Danish telco": a possessive is followed closely by what it owns.
      if (possessive && between.trim().split(/\s+/).filter(Boolean).length > 3) break;
      if (test(P.OWN_BUSINESS, o[0])) {
        // "our company, a Danish cable operator", "vores virksomhed driver mobilnettet": what the
        // business is or runs says more than the word "company".
        const more = specificAfter(text, orgs, o);
        if (more) return { type: more.type, evidence: text.slice(self.index, more.end) };
      }
      const found = { type, evidence: text.slice(self.index, o.index + o[0].length) };
      if (type !== 'company') return found;
      plain ??= found;
      continue selves;
    }
  }
  // "et forsyningsselskab, som også sælger fiberbredbånd til private": a company that sells a network
  // service to the public is a provider of one.
  if (plain) {
    const end = text.indexOf(plain.evidence) + plain.evidence.length;
    const net = exec(P.COMPANY_SELLS_NET, text.slice(end));
    if (net) return { type: 'telecom_provider', evidence: plain.evidence + net[0] };
    const sells = exec(P.WE_SELL_NET, text);
    return sells ? { type: 'telecom_provider', evidence: sells[0] } : plain;
  }
  // A sentence that starts with the type ("Kommune her, …", "Municipality in Jutland: …"), also after a
  // lead-in and a dash or colon ("quick q - Danish cable operator here").
  for (const o of orgs) {
    const before = text.slice(Math.max(0, o.index - 30), o.index);
    if (
      /(?:^|[.!?\n:]\s*|\s[-–—]\s+)(?:(?:en|et|a|an|the|vi|we|som|as)\s+)?(?:\p{L}+\s+)?$/iu.test(before) &&
      o.index < 40
    ) {
      const type = orgTypeOf(o);
      // "Politiet har bedt os om …": a body acting on the writer is someone else.
      if (type === 'state_authority' && test(P.ACTS_ON_WRITER, sentenceOf(text, o.index))) continue;
      // "Tæller kommuner og regioner som statslige …?": the plural names a kind of body, not the writer.
      if ((type === 'municipality' || type === 'region') && /(?:er|erne|ies|ions)$/iu.test(o[0])) continue;
      if (type && !['other', 'company'].includes(type) && !test(GENERIC_ORG_RE, o[0]))
        return { type, evidence: o[0] };
    }
  }
  const net = exec(P.NETWORK_OWNER, text);
  // ("vi sælger ikke bredbånd": a service denied is not sold)
  if (net && !/(?<![\p{L}])(?:ikke|not|never|aldrig)(?![\p{L}])/iu.test(net[0]))
    return { type: 'telecom_provider', evidence: net[0] };
  // The subject of the question: "Må en kommune bruge …?", "Can a municipality …", "Gælder loven for en region?"
  for (const o of orgs) {
    const before = text.slice(Math.max(0, o.index - 40), o.index);
    const type = orgTypeOf(o);
    // only in a question: "… the billing systems for a Danish mobile operator." names a client
    if (
      type &&
      test(P.QUESTION_SUBJECT_BEFORE, before) &&
      !test(GENERIC_ORG_RE, o[0]) &&
      /^[^.!\n]*\?/u.test(text.slice(o.index))
    )
      return { type, evidence: before.replace(/^.*?(\p{L}+\s+\p{L}+\s+)$/su, '$1') + o[0] };
  }
  // A region or municipality named as the writer's place: "Region Midtjylland overvejer …",
  // "hos os i Region Syddanmark", "Aarhus Kommune vil købe …"; not as a customer ("leverer til …").
  for (const m of allMatches(G.NAMED_PUBLIC_BODY, text)) {
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    if (!test(P.WRITER_NAMED_BEFORE, before)) continue;
    return { type: m.groups?.region !== undefined ? 'region' : 'municipality', evidence: m[0] };
  }
  // "vi overvejer kameraer til kommunens p-huse", "for the municipality's schools": the writer speaks
  // of its own municipality (or region) in the definite form, when no customer is served in the sentence.
  for (const m of allMatches(G.OWN_PUBLIC_BODY_GENITIVE, text)) {
    const sentence = sentenceOf(text, m.index);
    if (!test(FIRST_PERSON_SUBJECT_RE, sentence) || test(P.SERVES_CUSTOMERS, sentence)) continue;
    return { type: /region/iu.test(m[0]) ? 'region' : 'municipality', evidence: m[0] };
  }
  return undefined;
}

function findNationwide(text: string, spans: Span[]): { value: boolean; evidence: string } | undefined {
  for (const m of allMatches(G.LOCAL_PS, text)) return { value: false, evidence: m[0] };
  for (const m of allMatches(NATIONWIDE_RE, text)) {
    const s = sentenceAt(spans, m.index);
    const after = text.slice(m.index + m[0].length, s.end);
    const evidence = text
      .slice(wordStart(text, Math.max(s.start, m.index - 30)), m.index + m[0].length)
      .trim();
    const negated = negatedBefore(text, s, m.index, 50);
    if (test(P.NATIONWIDE_WORD, m[0]))
      return { value: !negated && !P.NEGATED_NATIONWIDE_AFTER.test(after), evidence };
    // An obligation without "landsdækkende": not nationwide when denied or limited ("men kun regionale");
    // nationwide only when the clause says so; otherwise the statute's qualifier is not read, and asked.
    if (negated || P.NOT_NATIONWIDE_AFTER.test(after)) return { value: false, evidence };
    const clause = after.split(/[.;!?\n]/u)[0] ?? '';
    const said = P.NATIONWIDE_WORD.exec(clause);
    // "… men de gælder kun vores egen region – ikke hele landet": the nationwide words denied
    if (said && /(?<![\p{L}])(?:ikke|not|never|aldrig)\s+(?:\p{L}+\s+)?$/iu.test(clause.slice(0, said.index)))
      return {
        value: false,
        evidence: text.slice(m.index, m.index + m[0].length + said.index + said[0].length),
      };
    if (said && !P.NEGATED_NATIONWIDE_AFTER.test(after))
      return {
        value: true,
        evidence: text.slice(m.index, m.index + m[0].length + said.index + said[0].length),
      };
  }
  return undefined;
}

// ---- end users -----------------------------------------------------------------------------------
type CountKind = 'own' | 'wholesale' | 'state' | 'local_gov';
interface Count {
  value: number;
  start: number;
  end: number;
  raw: string;
  kind: CountKind;
  total: boolean;
  subset: boolean;
  additive: boolean;
  approx: boolean;
  bound?: Bound;
  evidence: string;
  /** Where the evidence ends (the noun), and the noun itself in lower case. */
  evidenceEnd: number;
  noun?: string;
  /** Said of a third party's customers ("their customers come to …"): a total there is theirs. */
  theirs?: boolean;
  /** A state body's own staff, said as what it has ("they have ~900 staff"), not whom the writer serves. */
  headcount?: boolean;
}

function distance(n: Span, a: number, b: number): number {
  return a >= n.end ? a - n.end : b <= n.start ? n.start - b : Number.POSITIVE_INFINITY;
}

/**
 * The number a mark is about. After "at/i/hos/af …" it is the count before it ("450 employees at state
 * agencies", "500 af styrelsens medarbejdere"); otherwise the nearest count ("4,000 end users, and
 * through a state agency we serve 520 of their staff": the agency is about the 520).
 */
function owner(text: string, sentence: Span, a: number, b: number, nums: Span[]): Span | undefined {
  const inSentence = nums.filter((n) => n.start >= sentence.start && n.end <= sentence.end);
  const lead = text.slice(Math.max(sentence.start, a - 25), a);
  if (test(P.LOCATIVE_BEFORE, lead)) {
    const before = inSentence.filter((n) => n.end <= a);
    if (before.length) return before[before.length - 1];
  }
  // "Ministry of Taxation – 260 users, Agency for Data Supply and Infrastructure – 245 users": a body
  // named, then a dash, then its count.
  const next = inSentence.find((n) => n.start >= b);
  if (next && /^[^,;.\n–—]{0,60}\s[–—-]\s*$/u.test(text.slice(b, next.start))) return next;
  // "41.000 egne abonnenter, og tre MVNO'er sælger … til 10.000": a count in the mark's own clause first.
  const sameClause = inSentence.filter(
    (n) => !hasClauseBreak(text.slice(Math.min(n.end, b), Math.max(n.start, a))),
  );
  let best: Span | undefined;
  for (const n of sameClause.length ? sameClause : inSentence)
    if (!best || distance(n, a, b) < distance(best, a, b)) best = n;
  return best;
}

/**
 * A total mark near a count that is about it: "6.000 erhvervsslutbrugere, så 53.000 i alt" marks the
 * 53.000, the count nearest the mark, not the 6.000 before it.
 */
function totalMarkOf(sentence: Span, n: Span, win: string, from: number, counts: Span[]): boolean {
  const inSentence = counts.filter((c) => c.start >= sentence.start && c.end <= sentence.end);
  for (const m of allMatches(G.TOTAL_MARK, win)) {
    const a = from + m.index;
    const b = a + m[0].length;
    if (inSentence.every((c) => c.start === n.start || distance(c, a, b) >= distance(n, a, b))) return true;
  }
  return false;
}

export const NEW_SUBJECT_CLAUSE_RE = re(L.text('NEW_SUBJECT_CLAUSE'), 'u');

function hasClauseBreak(between: string): boolean {
  return test(G.CLAUSE_BREAK, between);
}

/**
 * "I forgot our wholesale partner. Their 14,500 end users also run on our network": "their" right before a
 * count points back to the reseller the sentence before names.
 */
function theirsFromBefore(text: string, spans: Span[], sentence: Span, n: Span): boolean {
  // "to serviceudbydere sælger internet hen over vores net – de har hhv. 12.000 og 9.000": a clause whose
  // subject is "de"/"they", after the resellers it points back to.
  // (numbers listed before this one are part of the same clause: "hhv. 12.000 og 9.000")
  const lead = text.slice(sentence.start, n.start).replace(/\d[\d.,]*\s+(?:og|and|or|eller)\s+$/u, '');
  // (a dash counts as a break here, unlike CLAUSE_BREAK, where "regionale – ikke landsdækkende –" must
  // stay one clause; so the last break of any kind before the count)
  const cut = Math.max(...[' – ', ' — ', ' - ', '; ', ': ', ', '].map((b) => lead.lastIndexOf(b)));
  if (cut > 0 && P.THEY_HAVE.test(lead.slice(cut)) && test(G.WHOLESALE_MARK, lead.slice(0, cut))) return true;
  if (!/(?<![\p{L}])(?:their|deres)\s+$/iu.test(text.slice(sentence.start, n.start))) return false;
  const prev = sentenceBefore(spans, sentence);
  return prev !== undefined && test(G.WHOLESALE_MARK, text.slice(prev.start, prev.end));
}

/**
 * "we supply mobile to Styrelsen for IT og Læring … our contract only covers 430 users": the contract
 * named with "our"/"the" right before a count is the one with the state body the sentence named before it.
 */
function contractWithStateBefore(text: string, sentence: Span, n: Span): boolean {
  const clause = text.slice(clauseStart(text, sentence, n.start), n.start);
  if (!test(OUR_CONTRACT_RE, clause)) return false;
  const before = text.slice(sentence.start, n.start);
  return stateServedIn(before) && !test(G.LOCAL_GOV_MARK, before) && !test(G.WHOLESALE_MARK, before);
}

/**
 * "Rettelse: aftalen er med Rigspolitiet, ikke med regionen. Det er stadig 650 brugere.": a count in a
 * sentence that opens with a pronoun for what was just said is the users of the agreement the sentence
 * before made with a state body (any municipality or region there denied).
 */
function stateFromBefore(text: string, spans: Span[], sentence: Span): boolean {
  if (!test(P.SENTENCE_ANAPHOR, text.slice(sentence.start, sentence.end))) return false;
  const prev = sentenceBefore(spans, sentence);
  if (!prev) return false;
  const before = text.slice(prev.start, prev.end);
  // "det er Københavns Politi, ikke kommunen": a state body set against a municipality names the party
  // of the contract the thread is about, even with no contract word of its own.
  const local = allMatches(G.LOCAL_GOV_MARK, before);
  const negated = local.filter((m) => negatedBefore(text, prev, prev.start + m.index, 20));
  return (
    (test(P.CONTRACT, before) || negated.length > 0) &&
    stateServedIn(before) &&
    // ("aftaler med staten: ingen" denies the agreement)
    !test(P.NO_STATE, before) &&
    !test(G.LABEL_NONE, before) &&
    negated.length === local.length
  );
}

/** Right after a country word, a noun that says the writer supplies others ("Finnish (telecom) vendor"). */
function writerSupplies(after: string): boolean {
  const next = after.trimStart();
  return test(SUPPLIER_ROLE_NOUN_RE, next) || test(SUPPLIER_ROLE_NOUN_RE, next.replace(/^[\p{L}-]+\s+/u, ''));
}

/** A place said of a supplier: after a supplier noun and "registered/based in", or "the supplier is". */
function suppliersPlace(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 50), at);
  const noun = lastIndex(SUPPLIER_NOUN_RE, before);
  // (not the writer's own noun: "We are a provider based in Tórshavn")
  const writers =
    noun >= 0 &&
    (test(P.SELF_BEFORE, before.slice(0, noun)) ||
      /(?<![\p{L}])(?:vores|vort|our|my|min|mit)\s+(?:[\p{L}-]+\s+)?\p{L}*$/iu.test(before.slice(0, noun)));
  return (
    !writers &&
    ((noun >= 0 && (test(BASED_IN_RE, before) || test(FROM_RE, before))) || test(P.SUPPLIER_IS, before))
  );
}

function inArea(text: string, sentence: Span, at: number): boolean {
  const before = text
    .slice(Math.max(sentence.start, at - 50), at)
    .replace(/(?:the|hele|den|det|flere|mange|alle|begge|nogle|several|many|all|both|some|\d+)\s+$/iu, '');
  const prep = exec(P.AREA_BEFORE, before);
  // "ansatte i Region Syddanmark", "staff in the region": people employed by the body, not a place.
  return prep !== null && !test(STAFF_BEFORE_RE, before.slice(0, prep.index));
}

function nearestMark(
  text: string,
  sentence: Span,
  num: Span,
  marks: Array<[CountKind, RegExp]>,
  others: Span[],
  /** Counts said to be the writer's own ("38.000 egne kunder"): no wholesale mark is theirs. */
  own: ReadonlySet<Span> = new Set(),
): CountKind | undefined {
  let best: { kind: CountKind; d: number } | undefined;
  // Marks further than 90 characters away do not count: only look that far (keeps this linear).
  const from = Math.max(sentence.start, num.start - 120);
  const seg = text.slice(from, Math.min(sentence.end, num.end + 120));
  for (const [kind, rx] of marks) {
    for (const m of allMatches(rx, seg)) {
      const at = from + m.index;
      if (negatedBefore(text, sentence, at, 40)) continue;
      // "et selskab, der er ejet af en statslig forsvarskoncern": the state owns the supplier, it is
      // not whom the writer serves (that is § 2, stk. 2, nr. 3, read elsewhere).
      if (kind === 'state' && test(P.OWNED_BY_BEFORE, text.slice(Math.max(sentence.start, at - 40), at)))
        continue;
      // "Indberetning til Energistyrelsen: 48.900": a body the writer reports to is no customer.
      if (kind === 'state' && test(P.REPORTED_TO_BEFORE, text.slice(Math.max(sentence.start, at - 40), at)))
        continue;
      // "et kommunalt ejet forsyningsselskab", "a municipally owned utility": the body owns the writer.
      if (/^\p{L}*\s+(?:ejet|ejede|owned)(?!\p{L})/iu.test(text.slice(at, at + m[0].length + 12))) continue;
      // "the largest operators in the region", "kunder i hele kommunen": a place the count is in, not a body.
      if (kind === 'local_gov' && inArea(text, sentence, at)) continue;
      const d = at >= num.end ? at - num.end : num.start - (at + m[0].length);
      if (d < 0) continue;
      // "… med 4.000 slutbrugere, og vi har netop vundet et udbud hos Rigspolitiet": a new clause with its
      // own subject is a new statement; a mark there is not about a count said before it.
      if (at >= num.end && NEW_SUBJECT_CLAUSE_RE.test(text.slice(num.end, at))) continue;
      // "9.000 kunder, heriblandt et par styrelser": a body named as part of the count does not own it.
      if (at >= num.end && doubtVocabulary().part_of.test(text.slice(num.end, at))) continue;
      // a count said before a new clause with its own subject is not what a mark in that clause is about
      const eligible = others.filter(
        (o) =>
          !(kind === 'wholesale' && own.has(o)) &&
          !(o.end <= at && o !== num && NEW_SUBJECT_CLAUSE_RE.test(text.slice(o.end, at))),
      );
      if (owner(text, sentence, at, at + m[0].length, eligible) !== num) continue;
      // Before the count, a mark must be whom the writer serves ("med en statslig styrelse … 500"),
      // not what the writer is ("Vi er 3 kommuner der ejer et net med 12.000 brugere").
      if (
        kind !== 'wholesale' &&
        at < num.start &&
        !test(P.SERVED_BEFORE, text.slice(Math.max(sentence.start, at - 40), at)) &&
        // "Contracts: Ministry of Taxation – 260 users, Agency for … – 245 users": a list the label says is served
        !test(SERVED_LABEL_RE, text.slice(sentence.start, at))
      )
        continue;
      if (!best || d < best.d) best = { kind, d };
    }
  }
  return best && best.d <= 90 ? best.kind : undefined;
}

/**
 * A count in parentheses right after a body's name belongs to that body ("til Skattestyrelsen (300
 * brugere) og Styrelsen for Dataforsyning (200 brugere)"), when the sentence says the writer serves it.
 */
function parenthesisOwner(text: string, sentence: Span, num: Span): CountKind | undefined {
  const open = text.lastIndexOf('(', num.start);
  if (open < sentence.start || text.lastIndexOf(')', num.start) > open) return undefined;
  if (!/^[\s~≈]*(?:ca\.?|about|omkring|cirka)?\s*$/iu.test(text.slice(open + 1, num.start))) return undefined;
  const head = text.slice(Math.max(sentence.start, open - 60), open);
  const served =
    test(P.SERVE_VERB, text.slice(sentence.start, open)) ||
    test(P.CONTRACT, text.slice(sentence.start, open));
  if (!served) return undefined;
  const last = head.split(/[,;)]/u).at(-1) ?? '';
  if (test(G.STATE_MARK, last)) return 'state';
  if (test(G.LOCAL_GOV_MARK, last)) return 'local_gov';
  return undefined;
}

/**
 * A count in a bulleted item belongs to the body the item names ("• Rigspolitiet, two police districts –
 * 190 users"), when the text before the item says whom the writer serves or contracts with.
 */
function itemOwner(text: string, num: Span): CountKind | undefined {
  const lineStart = text.lastIndexOf('\n', num.start - 1) + 1;
  const head = text.slice(lineStart, num.start);
  if (!isListItem(text, num.start, true)) return undefined;
  const before = text.slice(0, lineStart);
  if (!test(P.CONTRACT, before) && !test(P.SERVE_VERB, before) && !test(P.CONTRACT, head)) return undefined;
  if (stateServedIn(head)) return 'state';
  if (test(G.LOCAL_GOV_MARK, head)) return 'local_gov';
  // "State contracts (framework agreements):" over the list: each item is one, named or not
  const heading = /([^\n]*):\s*\n(?:\s*(?:[-•*>]|\d+[.)])[^\n]*\n)*$/u.exec(before)?.[1] ?? '';
  if (test(G.STATE_MARK, heading) && test(P.CONTRACT, heading)) return 'state';
  return undefined;
}

/**
 * An item of a list after a colon, named before its number ("Under contracts with three state agencies we
 * serve their staff: Skattestyrelsen 210 users, Styrelsen for … 180 users, and … Politi 140 users"): each
 * named item is one of the bodies the heading says the writer serves under contract.
 */
function namedItemOwner(text: string, sentence: Span, num: Span): CountKind | undefined {
  const colon = text.lastIndexOf(':', num.start);
  if (colon < sentence.start) return undefined;
  const head = text.slice(sentence.start, colon);
  if (!stateServedIn(head) || !(test(P.CONTRACT, head) || test(P.SERVE_VERB, head))) return undefined;
  const list = text.slice(colon + 1, num.start);
  if (/[;.!?\n]/u.test(list.replace(/\d[.,]\d/gu, ''))) return undefined;
  // the item: from the last separator to the number, a name (a capital first) and nothing else
  const item = list
    .split(/,|\s(?:og|and|samt|&)\s/u)
    .pop()!
    .trim();
  // "…: one covers 480 staff at …, the other 40 staff at …": each item is one of the heading's contracts
  if (
    /^(?:one|the\s+other|another|den\s+ene|den\s+anden|det\s+ene|det\s+andet)(?:\s+[\p{L}-]+){0,3}$/iu.test(
      item,
    )
  )
    return 'state';
  return /^\p{Lu}[\p{L}.-]*(?:\s+[\p{L}.-]+){0,6}$/u.test(item) && !/\d/u.test(item) ? 'state' : undefined;
}

/**
 * A bulleted item "label: N …" whose label names a body ("- Skattestyrelsen: 300 employees"): the count is
 * that body's, whatever noun follows the number.
 */
function itemLabelOwner(text: string, num: Span): CountKind | undefined {
  const line = text.slice(text.lastIndexOf('\n', num.start - 1) + 1, num.start);
  const m = /^\s*(?:[-•*>]|\d+[.)])\s*([^:\n]+):\s*(?:\p{L}+\.?\s+)?$/u.exec(line);
  if (!m) return undefined;
  const kind = labelOwner(m[1]!);
  return kind === 'own' ? undefined : kind;
}

/**
 * A state body named in the text as one the writer may serve: not one the writer reports to
 * ("Indberetning til Energistyrelsen") or one that owns someone ("ejet af staten").
 */
function stateServedIn(text: string): boolean {
  return allMatches(G.STATE_MARK, text).some(
    (m) =>
      !test(P.REPORTED_TO_BEFORE, text.slice(Math.max(0, m.index - 40), m.index)) &&
      !test(P.OWNED_BY_BEFORE, text.slice(Math.max(0, m.index - 40), m.index)),
  );
}

/** Whose a list item's count is, by its label alone. */
function labelOwner(label: string): CountKind {
  for (const [kind, rx] of [
    ['state', G.STATE_MARK],
    ['local_gov', G.LOCAL_GOV_MARK],
    ['wholesale', G.WHOLESALE_MARK],
  ] as const) {
    if (kind === 'state' ? stateServedIn(label) : test(rx, label)) return kind;
  }
  return 'own';
}

let TOLERANCE_BEFORE: RegExp | undefined;
/** A tolerance word ("give or take", "±") right before: what follows is a count's margin. */
function toleranceBefore(): RegExp {
  TOLERANCE_BEFORE ??= new RegExp(`(?:${doubtVocabulary().tolerance.source})\\s*$`, 'iu');
  return TOLERANCE_BEFORE;
}

interface Candidate {
  n: FoundNumber;
  sentence: Span;
  before: string;
  after: string;
  subset: boolean;
  evidenceEnd: number;
  noun: string | undefined;
  staffOnly: boolean;
  /** "9.000 more": a count added to one before it. */
  more: boolean;
  /** "Det giver 50.000 i alt": a bare figure that totals the counts before it, whoever they belong to. */
  totalled?: boolean;
  /** "20k, 14.5k and 6k end users": the count whose noun a listed number shares. */
  head?: FoundNumber;
  /** "- slutkunder hos vores wholesale-kunde: 15 tusind": the list item's label, which alone says whose. */
  labelLine?: string;
  /** "ten times the litra b threshold": a multiple of the state threshold, so state end users. */
  stateMultiple?: boolean;
}

/**
 * A count said as a difference from another figure: "1,800 end users short of the 50,000 mark" is 48,200,
 * "2.000 slutbrugere over grænsen på 50.000" 52,000. The figure is the larger one, and a limit (a word for
 * one around it, or the act's own 50,000 or 500).
 */
function relativeTo(
  text: string,
  nums: FoundNumber[],
  n: FoundNumber,
  evidenceEnd: number,
): { n: FoundNumber; evidenceEnd: number } | undefined {
  const rel = exec(P.RELATIVE_AFTER, text.slice(evidenceEnd, evidenceEnd + 40));
  if (!rel) return undefined;
  const at = evidenceEnd + rel[0].length;
  const m = nums.find(
    (x) => x.start === at || (x.start > at && x.start - at <= 20 && !/\d/.test(text.slice(at, x.start))),
  );
  if (!m || m.value <= n.value || m.approx || n.approx) return undefined;
  const rest = text.slice(m.end, m.end + 20);
  const limit =
    test(P.THRESHOLD_AFTER, rest) ||
    /grænse|tærskel|threshold|limit/iu.test(rel[0]) ||
    ((m.value === LITRA_A || m.value === LITRA_B) && !/^\s*\p{L}/u.test(rest));
  if (!limit) return undefined;
  const below = /short|shy|under|below|fra|færre|fewer|less/iu.test(rel[0]);
  const value = below ? m.value - n.value : m.value + n.value;
  return {
    n: { value, start: n.start, end: m.end, raw: text.slice(n.start, m.end), approx: false },
    evidenceEnd: m.end,
  };
}

const THRESHOLD_FACTOR = L.values('THRESHOLD_FACTOR');
/** The act's thresholds, declared once with their ref (guardrails/params.ts). */
const LITRA_A = END_USERS_THRESHOLD.values.at(-1)!.value;
const LITRA_B = STATE_END_USERS_THRESHOLD.values.at(-1)!.value;
const HEDGE_BEFORE_RE = new RegExp(`(?:${HEDGE})\\s*$`, 'iu');

/**
 * "we serve ten times the litra b threshold", "roughly double the litra a threshold": a count said as a
 * multiple of the act's threshold, read as that many end users (state ones when litra b's, 500, is named).
 */
function thresholdMultiples(text: string): Array<FoundNumber & { state: boolean }> {
  const out: Array<FoundNumber & { state: boolean }> = [];
  for (const m of allMatches(G.THRESHOLD_MULTIPLE, text)) {
    const f = m.groups!.factor!;
    const factor = /\d/.test(f) ? Number(f.replace(',', '.')) : THRESHOLD_FACTOR[f.toLowerCase()];
    if (factor === undefined || !Number.isFinite(factor) || factor <= 0) continue;
    const which = `${m.groups!.which ?? ''} ${m.groups!.after ?? ''}`;
    const state = /litra\s+b|500(?![.,]?\d)|stat/iu.test(which.replace(/50[.,]000/u, ''));
    const base = state ? LITRA_B : LITRA_A;
    const hedge = HEDGE_BEFORE_RE.test(text.slice(Math.max(0, m.index - 16), m.index));
    out.push({
      value: Math.round(factor * base),
      start: m.index,
      end: m.index + m[0].length,
      raw: m[0],
      approx: hedge,
      state,
    });
  }
  return out;
}

function findCounts(text: string, spans: Span[]): { counts: Count[]; added?: FoundNumber } {
  // Pass 1: which numbers count people (a noun of people next to them).
  const candidates: Candidate[] = [];
  let added: FoundNumber | undefined;
  const multiples = thresholdMultiples(text);
  const nums = findNumbers(text).filter((n) => !multiples.some((m) => m.start <= n.start && n.end <= m.end));
  for (const n of nums) {
    if (!Number.isSafeInteger(n.value) || n.value < 1) continue; // beyond 2^53 is no count anyone has
    // "between 17,000 and 22,000 customers": one count, read at its high end; the range is its doubt.
    if (rangeStart(text, n, nums)) continue;
    // "53.000 slutbrugere plus minus 500": the margin of a count is no count (doubt.ts reads it)
    if (toleranceBefore().test(text.slice(Math.max(0, n.start - 16), n.start))) continue;
    const sentence = sentenceAt(spans, n.start);
    const after = text.slice(n.end, Math.min(sentence.end, n.end + 80));
    const before = text.slice(Math.max(sentence.start, n.start - 60), n.start);
    const firstWord = /^\s*([\p{L}$€%]+\.?)/u.exec(after)?.[1];
    // the word as written, or without the full stop that ends its sentence ("70.000 elkunder.")
    if (countsThing(after)) continue;
    // "ikke sikker på, om vi stadig er over 50.000": a bound inside an embedded question is what is
    // asked about, not a count said.
    if (n.bound && P.EMBEDDED_BOUND_BEFORE.test(text.slice(sentence.start, n.boundSpan?.[0] ?? n.start)))
      continue;
    const subset = test(P.SUBSET_AFTER, after) || test(P.SUBSET_BEFORE, before);
    let evidenceEnd = n.end;
    let noun: string | undefined;
    let counted = false;
    let staffOnly = false;
    let more = false;
    let totalled = false;
    let labelLine: string | undefined;
    const ua = exec(USER_AFTER_RE, after);
    if (!(ua?.groups && okGap(ua.groups.gap!)) && restated(text, candidates, n)) {
      // "godt 50.000 slutbrugere – i sidste opgørelse 50.400": the exact figure replaces the hedged one.
      const prev = candidates.pop()!;
      candidates.push({ ...prev, n, before, after, evidenceEnd: n.end, more: false });
      continue;
    }
    // "2 wholesale customers": firms that resell the network, not end users
    if (ua?.groups && test(P.FIRM_CUSTOMER, `${ua.groups.gap}${ua.groups.noun}`)) continue;
    if (ua?.groups && okGap(ua.groups.gap!)) {
      // "Do we cross the 50k end-user threshold?", "over grænsen på 50.000 slutbrugere": the act's figure.
      if (test(P.THRESHOLD_AFTER, after.slice(ua[0].length)) || test(P.THRESHOLD_BEFORE, before)) continue;
      counted = true;
      evidenceEnd = n.end + ua[0].length;
      noun = ua.groups.noun!.toLowerCase();
    } else {
      const sa = exec(STAFF_AFTER_RE, after);
      // "we serve 800 ministry staff under a contract": the state body says whose staff they are.
      const sentenceText = text.slice(sentence.start, sentence.end);
      const served = test(P.CONTRACT, sentenceText) || test(P.SERVE_VERB, sentenceText);
      const staffGap = sa?.groups ? sa.groups.gap! : '';
      if (sa?.groups && okGap(served ? staffGap.replace(G.STATE_MARK, ' ') : staffGap)) {
        counted = true;
        staffOnly = true;
        evidenceEnd = n.end + sa[0].length;
      } else if (test(P.USER_BEFORE, before) && !startsWithOrganisation(after)) {
        counted = true;
      } else {
        // A noun with a typo ("ca 1,2 mio slutbrugre"), or people the writer's own network reaches
        // ("our own DAB network, listened to by about 2.3 million people").
        const found = typoUserNoun(after) ?? peopleReached(text, sentence, n.start, after);
        if (found) {
          counted = true;
          evidenceEnd = n.end + found.end;
          noun = found.noun;
        } else if (test(P.MORE_AFTER, after) || test(P.MORE_BEFORE, before)) {
          // "45k retail customers, and resellers bring about 9.000 more"; alone in a message, the
          // 9.000 add to a count said before it (`signals.end_users_added`).
          if (candidates.some((c) => c.n.end <= n.start)) {
            counted = true;
            more = true;
          } else if (!added) added = n;
        } else if (
          test(P.CONTINUATION_BEFORE, before) &&
          !startsWithOrganisation(after) &&
          candidates.some((c) => c.n.end <= n.start && c.n.end >= sentence.start)
        ) {
          counted = true; // "40k customers plus 15k on our wholesale partners' services"
        }
      }
    }
    // "- slutbrugere hos de 3 tjenesteudbydere …: 9.200": a list item's figure counts what its label names.
    if (!counted) {
      const line = text.slice(text.lastIndexOf('\n', n.start - 1) + 1, n.start);
      if (/:\s*$/.test(line) && LABEL_USER_RE.test(line) && !test(NOT_USER_WORD_RE, firstWord ?? '')) {
        counted = true;
        noun = LABEL_USER_RE.exec(line)?.[0].toLowerCase();
        labelLine = line;
      } else if (
        // "Privat: 31.450" above "Erhverv (slutbrugere hos erhvervskunder): 12.200": a kind of customer
        // as the label of a list whose other items count end users is a part of the same count.
        test(P.SEGMENT_LABEL, line.replace(/^\s*(?:[-•*>]|\d+[.)])?\s*/u, '')) &&
        /^[ \t]*(?:\n|$)/u.test(text.slice(n.end)) &&
        text
          .split('\n')
          .some((l) => l !== line && /:\s*(?:ca\.?\s*)?\d/u.test(l) && LABEL_USER_RE.test(l.split(':')[0]!))
      ) {
        counted = true;
        labelLine = line;
      }
    }
    // "| Fibernet Vest | 24.300 |" under "| Net | Slutbrugere |": a table cell counts what its column's
    // heading names; the row's first cell says whose.
    if (!counted) {
      const cell = tableCell(text, n.start);
      if (cell && LABEL_USER_RE.test(cell.heading) && !test(P.TOTAL_LABEL, cell.label)) {
        counted = true;
        noun = LABEL_USER_RE.exec(cell.heading)?.[0].toLowerCase();
        labelLine = cell.label;
      }
    }
    // "Det giver halvtreds tusind i alt": a bare figure marked as the total of the counts before it.
    if (!counted && candidates.length > 0) {
      const near = text.slice(Math.max(sentence.start, n.start - 12), Math.min(sentence.end, n.end + 12));
      // "… og vores tre tjenesteudbydere har tilsammen 20.000": a third party's total is theirs, a part
      const theirs = P.THEY_HAVE.test(text.slice(clauseStart(text, sentence, n.start), n.start));
      if (test(G.TOTAL_MARK, near) && !startsWithOrganisation(after)) {
        counted = true;
        totalled = !theirs;
      }
    }
    // "31.500 slutbrugere på fiber, 12.000 på coax og 7.000 på kobber": the noun said once, parts listed.
    if (!noun && !staffOnly && elidedPart(text, candidates.at(-1), n, after)) {
      counted = true;
      more = true;
    }
    // "We're 1,800 end users short of the 50,000 mark": the count is the figure named less the difference.
    if (counted) {
      const rel = relativeTo(text, nums, n, evidenceEnd);
      const c = {
        n,
        sentence,
        before,
        after,
        subset,
        evidenceEnd,
        noun,
        staffOnly,
        more,
        totalled,
        labelLine,
      };
      candidates.push(rel ? { ...c, ...rel } : c);
    }
  }
  for (const { state, ...n } of multiples) {
    const sentence = sentenceAt(spans, n.start);
    const at = candidates.findIndex((c) => c.n.start > n.start);
    const c: Candidate = {
      n,
      sentence,
      before: text.slice(Math.max(sentence.start, n.start - 60), n.start),
      after: text.slice(n.end, Math.min(sentence.end, n.end + 80)),
      subset: false,
      evidenceEnd: n.end,
      noun: undefined,
      staffOnly: false,
      more: false,
      ...(state ? { stateMultiple: true } : {}),
    };
    candidates.splice(at < 0 ? candidates.length : at, 0, c);
  }
  // "20k, 14.5k, 11k and 6k end users", "henholdsvis 320 og 190 af deres medarbejdere": numbers listed
  // just before a counted noun share it, and whose they are.
  const listed: Candidate[] = [];
  for (const c of candidates) {
    if (!c.noun && !c.staffOnly) continue;
    let right: FoundNumber = c.n;
    for (let i = nums.indexOf(c.n) - 1; i >= 0; i--) {
      const p = nums[i]!;
      if (candidates.some((x) => x.n === p) || !P.LIST_SEPARATOR.test(text.slice(p.end, right.start))) break;
      // "between 45,000 and 55,000 end users": a range's two ends are one count, not two to add
      if (rangeStart(text, p, nums)) break;
      listed.push({ ...c, n: p, evidenceEnd: p.end, more: true, head: c.n });
      right = p;
    }
    if (right !== c.n) c.more = true; // the head is a part of the list's sum too
  }
  if (listed.length) candidates.push(...listed.splice(0));
  candidates.sort((a, b) => a.n.start - b.n.start);
  // Pass 2: whose people they are. A mark belongs to the count nearest it, so only counts compete.
  const owners = candidates.map((c) => c.n);
  // "38.000 egne kunder", and "our own retail base is 31,000" (the clause before it, no reseller named first)
  const ownBefore = (c: Candidate) => {
    const clause = text.slice(clauseStart(text, c.sentence, c.n.start), c.n.start);
    const own = exec(P.OWN_IN_COUNT, clause);
    return own !== null && !doubtVocabulary().resale.test(clause.slice(0, own.index));
  };
  const ownCounts = new Set<Span>(
    candidates
      .filter((c) => test(P.OWN_IN_COUNT, text.slice(c.n.end, c.evidenceEnd)) || ownBefore(c))
      .map((c) => c.n),
  );
  const counts: Count[] = [];
  // each count from its number to its noun: what a mark near it is closest to
  const said = candidates.map((c) => ({ start: c.n.start, end: c.evidenceEnd }));
  for (const {
    n,
    sentence,
    subset,
    evidenceEnd,
    noun,
    staffOnly,
    more,
    totalled,
    labelLine,
    stateMultiple,
  } of candidates) {
    const marked =
      (stateMultiple ? 'state' : undefined) ??
      (totalled ? 'own' : undefined) ??
      (labelLine !== undefined ? labelOwner(labelLine) : undefined) ??
      itemLabelOwner(text, n) ??
      parenthesisOwner(text, sentence, n) ??
      itemOwner(text, n) ??
      namedItemOwner(text, sentence, n) ??
      nearestMark(
        text,
        sentence,
        n,
        [
          ['state', G.STATE_MARK],
          ['local_gov', G.LOCAL_GOV_MARK],
          ['wholesale', G.WHOLESALE_MARK],
        ],
        owners,
        ownCounts,
      ) ??
      'own';
    // "38.000 egne kunder", "our own retail customers": the writer's own, whatever reseller is near.
    // "Under our contract with Forsvaret, 1,200 of their staff …": the staff of the state body named before.
    const theirStaff =
      staffOnly &&
      marked === 'own' &&
      /(?<![\p{L}])(?:their|deres|its|dens|dets)(?![\p{L}])/iu.test(text.slice(n.end, evidenceEnd)) &&
      test(G.STATE_MARK, text.slice(sentence.start, n.start));
    // "48.300 slutbrugere, wholesale medregnet": a count that takes in the wholesale end users is the whole.
    const next = nums.find((m) => m.start >= evidenceEnd);
    const withWholesale =
      !staffOnly &&
      marked !== 'state' &&
      test(
        P.WITH_WHOLESALE_AFTER,
        text.slice(evidenceEnd, Math.min(sentence.end, next?.start ?? sentence.end)),
      );
    const kind: CountKind = theirStaff
      ? 'state'
      : marked === 'own' && contractWithStateBefore(text, sentence, n)
        ? 'state'
        : marked === 'own' && stateFromBefore(text, spans, sentence)
          ? 'state'
          : marked === 'own' && theirsFromBefore(text, spans, sentence, n)
            ? 'wholesale'
            : withWholesale ||
                (marked === 'wholesale' && test(P.OWN_IN_COUNT, text.slice(n.end, evidenceEnd)))
              ? 'own'
              : marked;
    if (staffOnly && (kind === 'own' || kind === 'wholesale')) continue; // "we have 200 employees"
    const win = text.slice(Math.max(sentence.start, n.start - 30), Math.min(sentence.end, evidenceEnd + 25));
    const tight = text.slice(
      Math.max(sentence.start, n.start - 15),
      Math.min(sentence.end, evidenceEnd + 15),
    );
    // "deres kunder er i alt 11.700 slutbrugere": a total of someone else's customers is their part only.
    const clause = text.slice(clauseStart(text, sentence, n.start), n.start);
    const theirs = P.THEIR_SUBJECT.test(clause) || (kind === 'wholesale' && P.THEY_HAVE.test(clause));
    const total =
      withWholesale ||
      (kind === 'own' &&
        totalMarkOf(
          sentence,
          { start: n.start, end: evidenceEnd },
          win,
          Math.max(sentence.start, n.start - 30),
          said,
        )) ||
      (kind === 'wholesale' && !theirs && test(P.STRICT_TOTAL, tight)) ||
      (kind === 'state' && test(G.TOTAL_MARK, text.slice(Math.max(sentence.start, n.start - 15), n.start)));
    counts.push({
      value: n.value,
      start: n.start,
      end: n.end,
      raw: n.raw,
      kind,
      total,
      ...(theirs ? { theirs } : {}),
      ...(kind === 'state' &&
      staffOnly &&
      (P.THEY_HAVE.test(clause) ||
        test(P.HEADCOUNT_BEFORE, text.slice(Math.max(sentence.start, n.start - 60), n.start)))
        ? { headcount: true }
        : {}),
      subset,
      additive:
        more ||
        (kind === 'own' || kind === 'wholesale' ? P.ADDITIVE_BEFORE : P.ADDITIVE_STRONG_BEFORE).test(
          text.slice(sentence.start, n.start),
        ),
      approx: n.approx,
      ...(n.bound ? { bound: n.bound } : {}),
      evidence: text.slice(n.start, evidenceEnd).trim(),
      evidenceEnd,
      ...(noun ? { noun } : {}),
    });
  }
  // A listed number is whoever's its head is.
  for (const c of candidates) {
    if (!c.head) continue;
    const own = counts.find((x) => x.start === c.n.start);
    const head = counts.find((x) => x.start === c.head!.start);
    if (own && head) own.kind = head.kind;
  }
  return counts.length || !added ? { counts } : { counts, added };
}

/**
 * A number listed after a counted noun, both placed by a preposition ("N slutbrugere på fiber, M på coax"):
 * a part of the same count, its noun left out. Only between a list's separators, in one sentence.
 */
function elidedPart(text: string, prev: Candidate | undefined, n: FoundNumber, after: string): boolean {
  if (!prev || prev.n.end > n.start || prev.sentence.start > n.start || prev.sentence.end < n.end)
    return false;
  const placed = doubtVocabulary().part_prepositions;
  const lead = (s: string) => {
    const m = /^\s*(\p{L}+)/u.exec(s);
    return m !== null && placed.test(m[1]!) && m[1]!.length === placed.exec(m[1]!)?.[0].length;
  };
  const between = text.slice(prev.evidenceEnd, n.start);
  if (/\d/.test(between)) return false;
  // "fibernettet med 28.400 slutbrugere, coax-nettet med 19.900": the same word before both numbers,
  // each a part of its own thing
  const wordBefore = (at: number) =>
    /(\p{L}+)\s*$/u.exec(text.slice(Math.max(0, at - 20), at))?.[1]?.toLowerCase();
  const w = wordBefore(n.start);
  if (
    w &&
    w === wordBefore(prev.n.start) &&
    P.PART_WITH.test(w) &&
    /[,;]|(?<!\p{L})(?:og|and)(?!\p{L})/iu.test(between)
  )
    return between.split(/\s+/).filter(Boolean).length <= 8;
  if (!lead(after) || !lead(between)) return false;
  return (
    between.split(/\s+/).filter(Boolean).length <= 7 &&
    /(?:,|(?<!\p{L})(?:og|and|samt|plus))\s*$/iu.test(between)
  );
}

/**
 * A bare exact figure right after a hedged count, close to it in value: the same count restated
 * exactly ("about 60,000 users, 61,204 at the last count", "godt 50.000 kunder – præcis 50.400").
 */
function restated(text: string, candidates: Candidate[], n: FoundNumber): boolean {
  const prev = candidates.at(-1);
  if (!(prev?.n.approx || prev?.n.bound) || n.approx || prev.more || prev.staffOnly) return false;
  if (n.start - prev.evidenceEnd > 60 || n.start < prev.evidenceEnd) return false;
  if (n.value === prev.n.value || n.value < prev.n.value * 0.8 || n.value > prev.n.value * 1.25) return false;
  const between = text.slice(prev.evidenceEnd, n.start);
  // Only a said restatement: "(50.400)", "– præcis 50.400", "50,400 at the last count".
  return (
    /^[\s(–—:-]*$/u.test(between) ||
    test(P.EXACT_MARK, between) ||
    test(P.EXACT_MARK, text.slice(n.end, n.end + 25))
  );
}

const USER_NOUN_TYPO_BASES = L.words('USER_NOUN_TYPO_BASES');
const USER_NOUN_TYPO_SHORT = L.words('USER_NOUN_TYPO_SHORT');
const USER_NOUN_TYPO_COMPOUND_ENDS = L.words('USER_NOUN_TYPO_COMPOUND_ENDS');
/**
 * An end-user noun with one typo among the first three words after a number (`slutbrugre`,
 * `abonennter`, `privatkundre` as a compound's end). Returns where the noun ends in `after`.
 */
function typoUserNoun(after: string): { end: number; noun: string } | undefined {
  const words = /^[^.!?;:\n]*/u.exec(after)![0];
  let seen = 0;
  for (const w of words.matchAll(/[\p{L}-]+/gu)) {
    if (++seen > 3) break;
    const word = w[0].toLowerCase();
    if (test(NOT_USER_WORD_RE, word) || !okGap(words.slice(0, w.index))) return undefined;
    for (const base of USER_NOUN_TYPO_BASES) {
      if (word === base || word.endsWith(base)) continue; // spelt right: the noun patterns decide
      const hit =
        withinOneEdit(word, base) ||
        (word.length > base.length + 2 &&
          [base.length - 1, base.length, base.length + 1].some((k) => withinOneEdit(word.slice(-k), base)));
      if (hit) return { end: w.index + w[0].length, noun: base };
    }
    for (const base of USER_NOUN_TYPO_SHORT)
      if (word !== base && word[0] === base[0] && word.length >= 5 && withinOneEdit(word, base))
        return { end: w.index + w[0].length, noun: base };
    for (const end of USER_NOUN_TYPO_COMPOUND_ENDS) {
      if (word.length < end.length + 3 || word.endsWith(end)) continue;
      if ([end.length - 1, end.length, end.length + 1].some((k) => withinOneEdit(word.slice(-k), end)))
        return { end: w.index + w[0].length, noun: word };
    }
  }
  return undefined;
}

/** A count of people reached by the writer's own network ("listened to by", "bruges af"). */
function peopleReached(
  text: string,
  sentence: Span,
  start: number,
  after: string,
): { end: number; noun: string } | undefined {
  const people = exec(PEOPLE_AFTER_RE, after);
  if (!people?.groups || !okGap(people.groups.gap!)) return undefined;
  const before = text.slice(Math.max(sentence.start, start - 40), start);
  const reached = test(P.REACH_BEFORE, before) && test(P.OWN_NETWORK, text.slice(sentence.start, start));
  // "2 million people listen to our FM transmitters"
  const using = test(P.PEOPLE_USE_AFTER, after.slice(people[0].length, people[0].length + 60));
  if (!reached && !using) return undefined;
  return { end: people[0].length, noun: people[0].slice(people.groups.gap!.length).toLowerCase() };
}

/** "og 2 serviceudbydere": the number counts organisations, not people. */
/**
 * The noun a count names comes within its first words, after any adjectives: "58.000 tilsluttede devices"
 * counts devices, whatever noun came before the count ("hos kunderne har vi 58.000 …").
 */
function countsThing(after: string): boolean {
  const words = /^\s*((?:[\p{L}$€%-]+\.?\s*){1,3})/u.exec(after)?.[1]?.split(/\s+/).filter(Boolean) ?? [];
  for (const w of words) {
    if (test(NOT_USER_WORD_RE, w) || test(NOT_USER_WORD_RE, w.replace(/\.$/u, ''))) return true;
    if (w.endsWith('.') || test(USER_WORD_RE, w)) return false;
  }
  return false;
}

function startsWithOrganisation(after: string): boolean {
  // "6 service providers who …": the first word or the two first ("service providers") name organisations
  const words = /^\s*([\p{L}-]+)(?:\s+([\p{L}-]+))?/u.exec(after);
  return [words?.[1], words?.[2]].some((w) => w !== undefined && P.ORG_NOUN_WORD.test(w));
}

/** Between a number and its noun: a few words, none of them a unit or another thing counted. */
function okGap(gapText: string): boolean {
  const words = gapText.split(/\s+/).filter(Boolean);
  if (words.length > 5) return false;
  if (words.some((w) => test(P.GAP_BREAK, w))) return false; // "3 ISPs whose customers": not a count of them
  ORG_RE.lastIndex = 0;
  // "3 ISPs … customers" counts ISPs; "800 of the agency's staff" counts the agency's staff.
  if (test(ORG_RE, gapText.replace(G.WHOSE_GAP, ' ').replace(P.ATTRIBUTIVE_ORG, ' '))) return false;
  return !words.some(
    (w) => test(NOT_USER_WORD_RE, w) || (/^(?:of|af)$/i.test(w) === false && /[.!?]/.test(w)),
  );
}

/**
 * "120.000 privatkunder og 8.000 erhvervskunder": two kinds of end users listed together are added.
 * The same noun twice ("50,000 users … 50,000 users") is a restatement, not a second group.
 */
function listedWith(text: string, prev: Count, c: Count): boolean {
  if (!c.noun) return false;
  // "…, coax-nettet med 19.900 og så 2.300 slutbrugere på fast trådløst": after a part with its noun left
  // out, a count listed next is the list's next part
  if (!prev.noun) return prev.additive && test(P.LISTED, text.slice(prev.evidenceEnd, c.start));
  const kind = (x: Count) => `${qualifierOf(text, x)} ${x.noun}`;
  if (kind(prev) === kind(c)) return false;
  const between = text.slice(prev.evidenceEnd, c.start);
  if (test(P.LISTED, between)) return true;
  // "18k broadband subs, 22k mobile subs", "120.000 privatkunder, 8.000 erhvervskunder": kinds of the one
  // noun (its head, for a Danish compound), listed with a comma.
  return /^\s*[,;]\s*$/.test(between) && headOf(prev.noun) === headOf(c.noun);
}

/** A row of a Markdown table ("| a | b |"), split into its cells. */
/**
 * "Our upstream transit provider carries traffic for about 1.6 million end users": a count in a clause
 * whose subject is another party (a provider, a partner, "they") and not the writer is that party's.
 */
function othersCount(text: string, spans: Span[], c: Count): boolean {
  const clause = text.slice(clauseStart(text, sentenceAt(spans, c.start), c.start), c.start);
  const w = doubtVocabulary();
  return (
    (w.provider_subject.test(clause) || w.other_party.test(clause) || P.THEIR_SUBJECT.test(clause)) &&
    !test(FIRST_PERSON_SUBJECT_RE, clause)
  );
}

/**
 * "• 28.000 private slutbrugere på vores fibernet\n• 19.500 slutbrugere hos vores erhvervskunder": items
 * of a list that each open with their count, or with a label naming a kind of customer or network
 * ("- erhverv: 19.500 slutbrugere"), enumerate parts, when their words differ. An item with another
 * label before its figure ("• årsrapport: 51.200") or a source ("ifølge …") states the count anew.
 */
function itemsOfParts(text: string, a: Count, b: Count): boolean {
  // a table's rows are parts, unless they name where each figure comes from ("| CRM | 49.200 |")
  const [ca, cb] = [tableCell(text, a.start), tableCell(text, b.start)];
  const part = (cell: NonNullable<typeof ca>) =>
    test(SEGMENT_WORD_RE, cell.label) ||
    !(test(FIGURE_SOURCE_RE, cell.label) || test(FIGURE_SOURCE_RE, cell.firstHeading));
  if (ca && cb && part(ca) && part(cb)) return ca.label !== cb.label;
  // an item that opens with its count ("• ca. 28.000 …") or with a kind's label ("- erhverv: 19.500")
  const opens = (c: Count) => {
    const before = itemTextBefore(text, c.start);
    return (
      before !== undefined &&
      (/^(?:ca\.?\s+|about\s+|~\s*)?$/iu.test(before) || test(P.SEGMENT_LABEL, before))
    );
  };
  const line = (c: Count) => {
    const l = lineAround(text, c.start);
    return text.slice(l.start, l.end);
  };
  const words = (c: Count) =>
    line(c)
      .replace(/[\d.,]+/gu, '')
      .trim()
      .toLowerCase();
  const sourced = (c: Count) => doubtVocabulary().sources.test(line(c));
  if (sourced(a) || sourced(b)) return false;
  // "Privat: 31.450" over "Erhverv (slutbrugere …): 12.200": lines that are a label and a figure, each
  // label a kind of customer or of end users, are a list without bullets.
  const row = (c: Count) => /^\s*([^:\n]{1,60}):\s*(?:ca\.?\s*|~\s*)?[\d.,]+\s*$/u.exec(line(c))?.[1];
  const kind = (label: string | undefined) =>
    label !== undefined && (test(SEGMENT_WORD_RE, label) || LABEL_USER_RE.test(label));
  if (kind(row(a)) && kind(row(b))) return row(a) !== row(b);
  return opens(a) && opens(b) && words(a) !== words(b);
}

/** The words between a count's number and its noun ("18k *consumer broadband* subs"), in lower case. */
function qualifierOf(text: string, c: Count): string {
  return text
    .slice(c.end, c.evidenceEnd - (c.noun?.length ?? 0))
    .trim()
    .toLowerCase();
}

/** A noun's head: its last four letters stand for it, so "privatkunder" and "erhvervskunder" share one. */
function headOf(noun: string): string {
  return noun.replace(/[^\p{L}]/gu, '').slice(-4);
}

export const STATE_WORDS = L.words('STATE_WORDS');
export const NOT_STATE_TYPOS = new Set(L.words('NOT_STATE_TYPOS'));
/**
 * The text with one-edit typos of the state words corrected ("no goverment contracts", "ingen statsligee
 * aftaler"), so a negated state agreement is read however it is spelt.
 */
function withStateWordsSpelt(text: string): { text: string; original: (a: number, b: number) => string } {
  // Where each corrected word starts in the corrected and in the original text.
  const shifts: Array<{ at: number; delta: number }> = [];
  let delta = 0;
  const fixed = text.replace(/\p{L}+/gu, (w, offset: number) => {
    const spelt = stateWordSpelt(w);
    if (spelt === w) return w;
    delta += spelt.length - w.length;
    shifts.push({ at: offset + delta + w.length - (spelt.length - w.length), delta });
    return spelt;
  });
  const back = (pos: number) => {
    let d = 0;
    for (const s of shifts) if (pos >= s.at) d = s.delta;
    return pos - d;
  };
  return { text: fixed, original: (a, b) => text.slice(back(a), Math.max(back(a), back(b))) };
}

function stateWordSpelt(w: string): string {
  // Every state word starts with g or s (the only letters whose lower case is g or s).
  const first = w[0];
  if (first !== 's' && first !== 'S' && first !== 'g' && first !== 'G') return w;
  const l = w.toLowerCase();
  if (STATE_WORDS.includes(l)) return w;
  if (l.length >= 7) {
    for (const b of STATE_WORDS) if (l[0] === b[0] && withinOneEdit(l, b)) return b;
    return w;
  }
  if (
    (l.length === 5 || l.length === 6) &&
    l !== 'state' &&
    l[0] === 's' &&
    !NOT_STATE_TYPOS.has(l) &&
    withinOneEdit(l, 'state') &&
    !/^sta(?:g|k|r|l|y)e$|^s.ate$/.test(l)
  )
    return 'state';
  return w;
}

function decideEndUsers(
  text: string,
  spans: Span[],
  counts: Count[],
): {
  end_users?: {
    value: number;
    evidence: string;
    approx: boolean;
    bound?: Bound;
    wholesaleOnly?: boolean;
    /** Every part said of a third party's customers: a total word there is theirs. */
    theirsOnly?: boolean;
    withWholesale?: boolean;
  };
  leftOut?: { value: number; evidence: string };
  /** Parts said beside a total, when they add up to something else. */
  partsSum?: { value: number; evidence: string };
  state?: { value: number; evidence: string; bound?: Bound; additive?: boolean };
} {
  const out: ReturnType<typeof decideEndUsers> = {};
  const totals = counts.filter((c) => c.total && !c.subset && c.kind !== 'state');
  if (totals.length) {
    const t = totals[0]!;
    out.end_users = {
      value: t.value,
      evidence: t.evidence,
      approx: t.approx,
      ...(t.bound ? { bound: t.bound } : {}),
    };
    // "| Mobil | 31.200 | / | Bredbånd | 22.400 | / | I alt | 49.800 |": parts that do not add up to the
    // total said (people with both, perhaps) leave the count open between the two.
    const parts = counts.filter(
      (c) => !c.total && !c.subset && (c.kind === 'own' || c.kind === 'wholesale') && c.start < t.start,
    );
    const sum = parts.reduce((n, c) => n + c.value, 0);
    if (
      parts.length > 1 &&
      parts.every((c) => itemsOfParts(text, parts[0]!, c) || c === parts[0]) &&
      sum !== t.value
    )
      out.partsSum = { value: sum, evidence: parts.map((c) => c.evidence).join(' … ') };
  } else {
    // "de 70.000 er husstande, som nettet passerer. Aktive slutbrugere er 31.000": dwellings the network
    // passes are no count of its users (§ 1, nr. 2) when users proper are counted too.
    const w = doubtVocabulary();
    // "80,000 homes passed, and 41,000 of them are connected": the part that uses it is the count.
    const passed = (c: Count) => {
      if (c.kind !== 'own' || !w.dwellings.test(c.evidence)) return false;
      const s = sentenceAt(spans, c.start);
      return w.coverage.test(text.slice(s.start, s.end));
    };
    const users = counts.filter((c) => c.kind === 'own' && !passed(c));
    const byUsers = users.length > 0 && counts.some(passed);
    // "61.000 er antallet af abonnementer. Det reelle antal slutbrugere er 44.800": a figure said to be a
    // count of subscriptions or lines is no count of end users beside one that is.
    const relabelled = (c: Count) =>
      c.noun !== undefined &&
      w.units.test(c.noun) &&
      /^\s*(?:er|is|are|was|var|refers\s+to|dækker\s+over)\s/iu.test(text.slice(c.end, c.evidenceEnd));
    const ofPeople = counts.some(
      (c) => c.kind === 'own' && !relabelled(c) && !(c.noun && w.units.test(c.noun)),
    );
    const parts: Count[] = [];
    let own: Count | undefined;
    for (const c of counts) {
      if ((c.subset && !byUsers) || (byUsers && passed(c)) || (ofPeople && relabelled(c))) continue;
      if (c.kind === 'own') {
        if (!own) {
          own = c;
          parts.push(c);
        } else if (
          c.value !== own.value &&
          (c.additive || listedWith(text, parts[parts.length - 1]!, c) || itemsOfParts(text, own, c))
        )
          parts.push(c);
      } else if (c.kind === 'wholesale') parts.push(c);
      else if (c.additive && own) parts.push(c);
    }
    // a count of another noun that is neither a part nor a restatement of the count
    const left = counts.find(
      (c) =>
        c.kind === 'own' &&
        !c.subset &&
        !parts.includes(c) &&
        c.noun !== undefined &&
        own?.noun !== undefined &&
        // another noun, or the same noun with another value the reader neither added nor set aside
        (headOf(c.noun) !== headOf(own.noun) ||
          (c.value !== own.value && !c.bound && !own.bound && !othersCount(text, spans, c))) &&
        !(byUsers && passed(c)) &&
        !(ofPeople && relabelled(c)),
    );
    if (left) out.leftOut = { value: left.value, evidence: left.evidence };
    if (parts.length) {
      out.end_users = {
        value: parts.reduce((s, c) => s + c.value, 0),
        evidence: parts.map((c) => c.evidence).join(' … '),
        approx: parts.some((c) => c.approx),
        ...(parts.length === 1 && parts[0]!.bound ? { bound: parts[0]!.bound } : {}),
        ...(parts.every((c) => c.kind === 'wholesale') ? { wholesaleOnly: true } : {}),
        ...(parts.every((c) => c.theirs) ? { theirsOnly: true } : {}),
        ...(parts.some((c) => c.kind === 'wholesale') ? { withWholesale: true } : {}),
      };
    }
  }
  // "… (300 brugere) og … (200 brugere), i alt præcis 500": a state total replaces its parts.
  const stateTotal = counts.find((c) => c.kind === 'state' && c.total && !c.subset);
  const served = counts.filter((c) => c.kind === 'state' && !c.headcount);
  // "… they have ~900 staff, but our contract only covers 430 users": the body's size gives way to whom
  // the writer serves, when that is said too.
  const state = stateTotal ? [stateTotal] : served.length ? served : counts.filter((c) => c.kind === 'state');
  if (state.length) {
    out.state = {
      value: state.reduce((s, c) => s + c.value, 0),
      evidence: state.map((c) => c.evidence).join(' … '),
      ...(state.length === 1 && state[0]!.bound ? { bound: state[0]!.bound } : {}),
      ...(state.every((c) => c.additive) ? { additive: true } : {}),
    };
  } else {
    const spelt = withStateWordsSpelt(text);
    const no = exec(P.NO_STATE, spelt.text);
    // A list item "aftaler med staten: ingen": the label denied, read as "ingen aftaler med staten".
    const item = no
      ? undefined
      : [...spelt.text.matchAll(G.LABEL_NONE)].find((m) =>
          test(P.NO_STATE, `ingen ${m[1]!.replace(/^[\s•*-]+/u, '')}`),
        );
    const at = no
      ? [no.index, no.index + no[0].length]
      : item
        ? [item.index, item.index + item[0].length]
        : undefined;
    // "the customer is Region Nordjylland, not a state agency": a municipality or region set against a
    // state body denied is who the contract is with.
    const swapped = at ? undefined : localNotState(text, spans);
    if (at) out.state = { value: 0, evidence: spelt.original(at[0]!, at[1]!).trim() };
    else if (swapped) out.state = { value: 0, evidence: swapped };
    else if (counts.some((c) => c.kind === 'local_gov') && test(P.CONTRACT, text)) {
      if (!test(G.STATE_MARK, text)) {
        const c = counts.find((x) => x.kind === 'local_gov')!;
        out.state = { value: 0, evidence: c.evidence };
      }
    }
  }
  return out;
}

/** A municipality or region named, and in the same sentence a state body denied: the words between. */
function localNotState(text: string, spans: Span[]): string | undefined {
  for (const st of allMatches(G.STATE_MARK, text)) {
    const sentence = sentenceAt(spans, st.index);
    if (!negatedBefore(text, sentence, st.index, 20)) continue;
    const local = allMatches(G.LOCAL_GOV_MARK, text.slice(sentence.start, sentence.end)).find(
      (m) => !negatedBefore(text, sentence, sentence.start + m.index, 20),
    );
    if (!local) continue;
    const a = Math.min(sentence.start + local.index, st.index);
    const b = Math.max(sentence.start + local.index + local[0].length, st.index + st[0].length);
    return text.slice(a, b).trim();
  }
  return undefined;
}

// ---- component -----------------------------------------------------------------------------------
type Component = NonNullable<Facts['component']>;

function findComponent(
  text: string,
  spans: Span[],
  org?: [number, number],
): { value: Component; evidence: string } | undefined {
  // "a cable & broadband company": a word that says what kind of organisation the writer is names no
  // equipment of an agreement.
  const asPlace = (m: RegExpExecArray) => {
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    return (
      // (the preposition may be part of the match: "in our core")
      (test(P.EQUIPMENT_PLACE_IN, before) ||
        test(P.EQUIPMENT_PLACE_IN, before + m[0].replace(/[\p{L}-]+$/u, ''))) &&
      test(P.EQUIPMENT_PLACE_AFTER, text.slice(m.index + m[0].length, m.index + m[0].length + 40))
    );
  };
  // (a kind named only as a place is still the one concerned: "masterne står på vores kernenet-sites")
  const placeOnly = COMPONENT_RES.some(
    ([c, rx]) => c !== 'other' && allMatches(rx, text).some((m) => !asPlace(m)),
  );
  const outside = (m: RegExpExecArray) =>
    // "no active radio equipment or control units involved": a kind denied is not the one concerned
    !negatedBefore(text, sentenceAt(spans, m.index), m.index, 40) &&
    !describesCount(text, m.index) &&
    // "cameras inside the room that houses our core network": the core is where they go
    !test(P.EQUIPMENT_PLACE_BEFORE, text.slice(Math.max(0, m.index - 50), m.index)) &&
    // "they go in our core network data centres": the core names the rooms where the equipment named goes
    !(placeOnly && asPlace(m)) &&
    (!org ||
      m.index + m[0].length <= org[0] ||
      m.index >= org[1] ||
      !text
        .slice(m.index + m[0].length, org[1])
        .split(/[\s&/,-]+/)
        .some(
          (word) =>
            test(GENERIC_ORG_RE, word) ||
            // "We're a Danish cable and broadband network": what the writer is, not what it runs
            (/^(?:network|net|netværk)$/iu.test(word) &&
              /^(?:we\s+are|we['’]re|vi\s+er)\s/iu.test(text.slice(org[0], org[1]))),
        ));
  for (const [component, rx] of COMPONENT_RES) {
    const m = allMatches(rx, text).find(outside);
    if (!m) continue;
    if (component === 'backbone_router' || component === 'backbone_server') {
      // Routers and servers both tied to the backbone: the device noun nearest it (the shorter span).
      const other = COMPONENT_RES.find(([c]) => c !== component && /^backbone_/.test(c))!;
      const o = exec(other[1], text);
      if (o && o[0].length < m[0].length) return { value: other[0], evidence: o[0] };
    }
    if (component === 'customer_equipment') {
      const s = sentenceAt(spans, m.index);
      if (/handset|smartphone|telefon|phone/i.test(m[0]) && test(OFFICE_RE, text.slice(s.start, s.end)))
        return { value: 'office_it', evidence: m[0] };
    }
    return { value: component, evidence: m[0] };
  }
  return undefined;
}

/**
 * "90.000 enheder (målere, alarmer og kameraer) koblet på vores net": a kind named in the parenthesis
 * after a count's noun says what the counted things are, not what an agreement concerns. (A count of
 * things bought, "vi køber 40 enheder (kameraer)", is the purchase.)
 */
function describesCount(text: string, at: number): boolean {
  const open = text.lastIndexOf('(', at);
  if (open < 0 || text.slice(open, at).includes(')') || at - open > 60) return false;
  // the count's noun phrase: "90.000 enheder (", "70.000 tilsluttede enheder på vores net ("
  const before = text.slice(Math.max(0, open - 60), open);
  const head = /(\d[\d.,]*\s*(?:k|tusinde|thousand)?)(?:\s+[\p{L}-]+){1,5}\s*$/iu.exec(before);
  if (!head) return false;
  const countAt = open - (before.length - head.index);
  return !test(P.BOUGHT_COUNT_BEFORE, text.slice(Math.max(0, countAt - 40), countAt));
}

/**
 * The words that leave the component open, when the one read may not be what the agreement concerns:
 * equipment of the radio network that may or may not steer it, read as passive; or uses of both kinds
 * named while the use is not settled.
 */
function componentOpen(
  text: string,
  spans: Span[],
  read: Component,
  org?: [number, number],
): string | undefined {
  const w = doubtVocabulary();
  const critical = !NON_CRITICAL.has(read);
  const open = critical ? null : w.open_equipment.exec(text);
  if (open && !/(?<!\p{L})(?:styr|steer|control|kontrol)/iu.test(text)) return open[0];
  // "drift og vedligehold af Kundens it-systemer": operation of systems the words do not name
  if (read === 'operations_service') {
    const systems = w.open_systems.exec(text);
    const named = COMPONENT_RES.some(
      ([c, rx]) => c !== 'operations_service' && !NON_CRITICAL.has(c) && allMatches(rx, text).length > 0,
    );
    if (systems && !named) return systems[0];
    // "a 5-year 'managed services' agreement": operation of what, neither a system nor a network says
    const ops = exec(COMPONENT_RES.find(([c]) => c === 'operations_service')![1], text);
    const at = ops ? sentenceAt(spans, ops.index) : undefined;
    const of = at ? text.slice(at.start, at.end) : '';
    if (ops && !named && !w.network.test(of) && !w.operated.test(of)) return ops[0];
  }
  const undecided = w.undecided.exec(text);
  if (!undecided) return undefined;
  const outside = (m: RegExpExecArray) => !org || m.index + m[0].length <= org[0] || m.index >= org[1];
  const kinds = new Set(
    COMPONENT_RES.filter(([, rx]) => allMatches(rx, text).some(outside)).map(([c]) => !NON_CRITICAL.has(c)),
  );
  return kinds.size > 1 ? undecided[0] : undefined;
}

/** An example marker just before a name, perhaps with one name and "eller"/"or" between ("fx Kina eller"). */
let exampleRe: RegExp | undefined;
function exampleBefore(before: string): boolean {
  exampleRe ??= new RegExp(
    `${doubtVocabulary().examples.source}(?:\\s+[\\p{L}-]+(?:\\s+(?:eller|or|og|and)|,))?\\s*$`,
    'iu',
  );
  return exampleRe.test(before);
}

// ---- supplier ------------------------------------------------------------------------------------
function findSupplier(
  original: string,
  reg: SupplierRegister,
): { supplier?: { value: string; evidence: string }; country?: { value: string; evidence: string } } {
  // "Does the Danish supplier security act apply?": the act's name is no supplier and no country.
  const text = withoutActName(original);
  const idx = indexOf(reg);
  const out: ReturnType<typeof findSupplier> = {};
  const named = allMatches(idx.supplierRe, text).filter((m) => caseOk(m.groups!.n!));
  const firstNamed = named[0];
  const sup = firstNamed ? reg.supplierByName(firstNamed.groups!.n!.replace(/\s+/g, ' ')) : undefined;
  if (firstNamed && sup) out.supplier = { value: sup.name, evidence: firstNamed[0] };
  let fuzzySup: Supplier | undefined;
  if (!sup) {
    // A near miss of a name (one letter added, dropped, changed or two swapped), written as a name
    // (capitalised) unless the name is long enough not to collide with everyday words.
    for (const w of text.matchAll(WORD_RE)) {
      const word = w[0];
      const lower = word.toLowerCase();
      const capital = word[0] !== lower[0];
      // Written as a name (capitalised) or long enough, never an everyday word, and with the name's
      // first letter: people mistype the middle of a name, and "protect" is no "XProtect".
      if (!(capital || lower.length >= 5) || NOT_NEAR_MISSES.has(lower)) continue;
      const hit = idx.fuzzyByFirst
        .get(lower[0]!)
        ?.find(
          (f) =>
            (capital || f.key.length >= 6) &&
            Math.abs(f.key.length - lower.length) <= 1 &&
            withinOneEdit(lower, f.key),
        );
      const found = hit ? reg.supplierByName(hit.name) : undefined;
      if (found) {
        fuzzySup = found;
        out.supplier = { value: found.name, evidence: word };
        break;
      }
    }
  }

  const namedSpans = named.map((m) => ({ start: m.index, end: m.index + m[0].length }));
  for (const c of allMatches(idx.countryRe, text)) {
    if (!caseOk(c[0])) continue;
    const country = reg.countryByName(c[0].replace(/\s+/g, ' '));
    if (!country) continue;
    const before = text.slice(Math.max(0, c.index - 60), c.index);
    const after = text.slice(c.index + c[0].length, c.index + c[0].length + 50);
    // "We're a Danish operator"; but "the provider we are considering is Indian" names the supplier's.
    // ("We're a Finnish vendor of core equipment": a writer who is a supplier gives the supplier's country.)
    if (
      test(P.SELF_BEFORE, before) &&
      !test(P.SUPPLIER_IS, before) &&
      !test(P.OUR_SUPPLIER_FROM, before) &&
      !writerSupplies(after)
    )
      continue;
    // "Lille dansk teleudbyder her": the writer introducing itself.
    if (test(P.SELF_INTRO_AFTER, after) && test(SUPPLIER_NOUN_START_RE, after)) continue;
    if (test(P.LAW_AFTER, after)) continue; // "the Danish act on supplier security"
    // "our parent company is Faroese": where the writer's group sits, not a supplier's country.
    if (test(P.OWN_COMPANY_IS, before)) continue;
    // "Kunden er et dansk bredbåndsselskab": the client's country, not a supplier's.
    if (test(P.CLIENT_IS, before)) continue;
    // "Small Danish provider, 9,000 end users …": the message opens with the writer's own description.
    if (/^\s*(?:[\p{L}-]+\s+){0,2}$/u.test(text.slice(0, c.index)) && opensAsProvider(after)) continue;
    const attachedAfter =
      test(SUPPLIER_NOUN_START_RE, after) ||
      test(PRODUCT_NOUN_START_RE, after) ||
      namedSpans.some((s) => s.start >= c.index + c[0].length && s.start - (c.index + c[0].length) <= 2);
    const predicate = test(P.SUPPLIER_IS, before) && !test(P.SELF_BEFORE, before.slice(0, -1));
    const basedIn =
      (test(BASED_IN_RE, before) || test(FROM_RE, before) || test(P.SUPPLIER_IN, before)) &&
      !test(P.NETWORK_AFTER_COUNTRY, after);
    let attachedBefore = false;
    if (basedIn) {
      // "a managed-services company based in Poland", "Huawei fra Kina": a supplier just before.
      const lead = before.replace(LEAD_STRIP_RE, '');
      const tail = lead.slice(-45);
      const selfAt = lastIndex(G.SELF_WORD, tail);
      const nounAt = lastIndex(SUPPLIER_NOUN_RE, tail);
      // "we are small internet company in Denmark": the noun the writer says it is, is the writer.
      const selfNoun =
        selfAt >= 0 &&
        nounAt > selfAt &&
        test(P.SELF_BEFORE, tail.slice(0, nounAt)) &&
        !test(SUPPLIER_ROLE_NOUN_RE, tail.slice(nounAt));
      const supplierBefore =
        (selfAt < 0 || nounAt > selfAt) &&
        !selfNoun &&
        (nounAt >= 0 || namedSpans.some((s) => s.end <= c.index && c.index - s.end <= 40));
      // "kameraer fra Kina", "we buy from China": the thing or the purchase names where it comes from.
      const thingBefore = test(P.THING_OR_PURCHASE_BEFORE, lead);
      attachedBefore = supplierBefore || thingBefore;
    }
    // "Netcracker (US)", "Skyworth (china)", "Giesecke+Devrient fra Tyskland", "Allot, based in Israel":
    // a name the register does not know, written as a name right before the country.
    const unregistered = unregisteredNameBefore(text, c.index, after, idx);
    if (unregistered && !out.supplier)
      out.supplier = { value: unregistered.replace(/\s+/g, ' '), evidence: unregistered };
    if (attachedAfter || attachedBefore || predicate || unregistered) {
      const end = c.index + c[0].length;
      out.country = {
        value: country.code,
        // Evidence from what the person wrote (the blanked act name is back in it).
        evidence: (attachedAfter
          ? original.slice(c.index, end + after.split(/[,.;!?]/)[0]!.length)
          : original.slice(wordStart(original, Math.max(0, c.index - Math.min(30, before.length))), end)
        ).trim(),
      };
      return out;
    }
  }
  if (sup) out.country = { value: sup.country, evidence: firstNamed![0] };
  else if (fuzzySup) out.country = { value: fuzzySup.country, evidence: out.supplier!.evidence };
  return out;
}

/** A capitalised name (one to three words, `Giesecke+Devrient`, `Tech Mahindra`) and how it meets a country. */
const NAME_PART = String.raw`\p{Lu}[\p{L}\p{N}]*(?:[+&.-]\p{L}[\p{L}\p{N}]*)*`;
const UNREGISTERED_NAME_BEFORE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}+&.-])(?<name>${NAME_PART}(?:\s+${NAME_PART}){0,2})(?<link>\s*\(\s*|,?\s+(?:fra|from|out\s+of|(?:(?:which|that)\s+is\s+|som\s+er\s+|der\s+er\s+)?(?:based|headquartered|located|registered|incorporated|baseret|hjemmehørende|registreret|placeret)\s+(?:in|i)|med\s+(?:hovedsæde|hovedkontor|base)\s+i|(?:with|having)\s+(?:its\s+)?(?:headquarters|head\s+office|HQ)\s+in|,?\s*(?:som|der|which|that)\s+(?:har|has)\s+(?:sit\s+|sin\s+|its\s+)?(?:hovedsæde|hovedkontor|base|headquarters|head\s+office|HQ)\s+(?:i|in)|,?\s*(?:som|der|which|that)\s+(?:er|is|ligger|sits)\s+(?:i|in)|in|i)\s+(?:the\s+)?)$`,
  'u',
);
export const NOT_A_NAME = re(L.text('NOT_A_NAME'));

function unregisteredNameBefore(
  text: string,
  at: number,
  after: string,
  idx: RegisterIndex,
): string | undefined {
  const window = text.slice(Math.max(0, at - 80), at);
  const m = exec(UNREGISTERED_NAME_BEFORE_RE, window);
  if (!m?.groups) return undefined;
  // "Vi er TDC Net fra Danmark" is the writer; "kunder i Nordjylland (Danmark)" a place.
  const lead = window.slice(0, m.index);
  // A bare "in"/"i" joins a supplier to its country only right after a supplier's role ("from
  // Sagemcom in France"); "Aarhus and Berlin in Germany" are places.
  if (/^\s+(?:in|i)\s+(?:the\s+)?$/iu.test(m.groups.link!) && !test(P.SUPPLIER_ROLE_BEFORE, lead))
    return undefined;
  if (
    /(?<![\p{L}])(?:i|in|at|på|hos|ved|near|nær|(?:vi|we|jeg|I)\s+(?:er|are|am)|we'?re|i'?m|(?:this|det|her)\s+(?:is|er)(?:\s+(?:en|et|a|an))?)\s+$/iu.test(
      lead,
    )
  )
    return undefined;
  // Only where a supplier is spoken of: a purchase, an agreement, a system, a change of supplier
  // ("Regards, Peter from Sweden" is a person).
  const sentence = sentenceOf(text, at);
  if (
    !test(P.SUPPLIER_CONTEXT, sentence) &&
    !exec(AGREEMENT_RE, sentence) &&
    !COMPONENT_RES.some(([, rx]) => exec(rx, sentence) !== null) &&
    !test(P.SUPPLY_CHANGE, sentence)
  )
    return undefined;
  // "Skyworth (china)": the bracket closes right after the country.
  if (m.groups.link!.includes('(') && !/^\s*\)/u.test(after)) return undefined;
  // Drop leading words that are no name ("Vi Skyworth …" is rare; "The Netcracker" is not).
  const words = m.groups.name!.split(/\s+/u);
  while (words.length && NOT_A_NAME.test(words[0]!)) words.shift();
  if (!words.length) return undefined;
  const name = words.join(' ');
  if (words.some((w) => NOT_A_NAME.test(w))) return undefined;
  // Not a country or place ("Danmark (DK)"), not a product or a kind of firm ("Kameraer fra Kina").
  idx.countryRe.lastIndex = 0;
  if (idx.countryRe.test(name)) return undefined;
  if (TERRITORY_RES.some(([, rx]) => exec(rx, name) !== null)) return undefined;
  if (test(P.ORG_OR_THING, name) || exec(ORG_RE, name) !== null) return undefined;
  if (COMPONENT_RES.some(([, rx]) => exec(rx, name) !== null)) return undefined;
  if (test(P.MONTH_WORD, name)) return undefined;
  return name;
}

// ---- territory, status, human, dates ------------------------------------------------------------
function findTerritory(
  text: string,
  spans: Span[],
): { value: 'FO' | 'GL' | 'DK'; evidence: string } | undefined {
  const found: Array<{ value: 'FO' | 'GL' | 'DK'; at: number; evidence: string }> = [];
  for (const [t, rx] of TERRITORY_RES) {
    for (const m of allMatches(rx, text)) {
      // "We are not based in the Faroe Islands or Greenland", "vi ligger ikke på Færøerne": a place the
      // writer denies being in says nothing about where they are.
      if (t !== 'DK' && negatedBefore(text, sentenceAt(spans, m.index), m.index, 50)) continue;
      // "a company registered in Tórshavn", "the supplier is Faroese": where the supplier is, not the network.
      if (t !== 'DK' && suppliersPlace(text, m.index)) continue;
      if (t === 'DK') {
        const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
        if (test(P.DK_NOT_TERRITORY_AFTER, after)) continue;
      }
      found.push({ value: t, at: m.index, evidence: m[0] });
    }
  }
  const first = found[0];
  if (first === undefined) return undefined;
  // The territory is where the network is: "our networks in Denmark … a talk at a conference in
  // Tórshavn" is Denmark, the Faroes named in a clause about something else.
  const network = doubtVocabulary().network;
  const aboutNetwork = (at: number) => network.test(clauseAround(text, at));
  const dk = found.filter((f) => f.value === 'DK');
  const away = found.filter((f) => f.value !== 'DK');
  if (away.length && !away.some((f) => aboutNetwork(f.at))) {
    const home = dk.find((f) => aboutNetwork(f.at));
    if (home) return { value: 'DK', evidence: home.evidence };
  }
  return { value: first.value, evidence: first.evidence };
}

/**
 * New or existing: the writer's own agreement only. A general question ("Gælder loven for aftaler
 * indgået før 7. december 2020?") has no first person in its sentence and says nothing about theirs.
 */
function findStatus(
  text: string,
  spans: Span[],
  reg?: SupplierRegister,
): { value: 'new' | 'existing'; evidence: string } | undefined {
  const supplierRe = reg ? indexOf(reg).supplierRe : undefined;
  const own = (m: RegExpExecArray) => {
    const s = sentenceAt(spans, m.index);
    const sentence = text.slice(s.start, s.end);
    // One agreement with a named supplier ("core network contract with Nokia signed in 2020") is the
    // writer's even without a first person; "agreements signed with Huawei" in general is not.
    const oneNamed =
      test(P.ONE_AGREEMENT, sentence) &&
      supplierRe !== undefined &&
      allMatches(supplierRe, sentence).some((x) => caseOk(x.groups!.n!));
    if (!(test(P.FIRST_PERSON, sentence) || test(FIRST_PERSON_I_RE, sentence) || oneNamed)) return false;
    return !customerSentence(sentence, supplierRe);
  };
  const newAll = allMatches(G.NEW_STRONG, text).filter(own);
  const newS = newAll.at(-1);
  // "will be signed", "skal først underskrives", "not yet signed": no agreement in place yet.
  const oldS = allMatches(G.EXISTING_STRONG, text)
    .filter(own)
    .filter((m) => !test(P.NOT_YET_BEFORE, text.slice(Math.max(0, m.index - 30), m.index)))
    .filter((m) => !newAll.some((n) => m.index >= n.index && m.index < n.index + n[0].length))
    .at(-1);
  // "We plan to replace our current supplier": the plan is what is asked about, whatever is in place.
  const planOverCurrent =
    newS &&
    oldS &&
    test(P.ADJECTIVE_EXISTING, oldS[0]) &&
    sentenceAt(spans, newS.index) === sentenceAt(spans, oldS.index);
  if (newS && oldS)
    return newS.index > oldS.index || planOverCurrent
      ? { value: 'new', evidence: newS[0] }
      : { value: 'existing', evidence: oldS[0] };
  if (newS) return { value: 'new', evidence: newS[0] };
  if (oldS) return { value: 'existing', evidence: oldS[0] };
  // "under our contract with them" (the state agency served): a contract with customers, not a supplier.
  // "before CFCS bans our agreement": what a decision is about, not whether it is signed.
  const newWAll = allMatches(G.NEW_WEAK, text).filter(own);
  const oldW = allMatches(G.EXISTING_WEAK, text)
    .filter(own)
    .filter((m) => !test(P.DECIDED_ON_BEFORE, text.slice(Math.max(0, m.index - 50), m.index)))
    .filter(
      (m) => !test(P.CUSTOMER_CONTRACT_AFTER, text.slice(m.index + m[0].length, m.index + m[0].length + 80)),
    )
    // "may we use a Swedish supplier?": the use asked about, not one in place.
    .filter((m) => !newWAll.some((n) => m.index >= n.index && m.index < n.index + n[0].length))
    .at(-1);
  const newW = newWAll.at(-1);
  if (oldW && newW)
    return newW.index > oldW.index
      ? { value: 'new', evidence: newW[0] }
      : { value: 'existing', evidence: oldW[0] };
  if (oldW) return { value: 'existing', evidence: oldW[0] };
  if (newW) return { value: 'new', evidence: newW[0] };
  return undefined;
}

/**
 * A sentence about serving the writer's own public or institutional customers ("We serve staff at Aarhus Municipality under our
 * framework contracts"), with no supplier, purchase, component or supplier name in it: its agreement
 * words are about contracts with customers, which the act does not regulate.
 */
const NON_CRITICAL = new Set<Component>(['customer_equipment', 'office_it', 'surveillance_camera', 'other']);
function customerSentence(sentence: string, supplierRe: RegExp | undefined): boolean {
  if (!test(P.SERVE_VERB, sentence) || !test(P.CUSTOMER_OBJECT, sentence)) return false;
  if (test(P.SUPPLIER_CONTEXT, sentence)) return false;
  // A critical system is bought from a supplier; phones or masts may be what the customers get.
  const critical = COMPONENT_RES.filter(([c]) => !NON_CRITICAL.has(c));
  if (critical.some(([, rx]) => exec(rx, sentence) !== null)) return false;
  if (supplierRe && allMatches(supplierRe, sentence).some((m) => caseOk(m.groups!.n!))) return false;
  return true;
}

function findWantsHuman(text: string): { value: true; evidence: string } | undefined {
  for (const m of allMatches(G.WANTS_HUMAN, text)) {
    const before = text.slice(Math.max(0, m.index - 25), m.index);
    // "kan jeg ikke bare få en rådgiver" is a request, so a plain "ikke" does not negate it.
    if (
      /(?:don'?t|do\s+not|no\s+need\s+to|behøver\s+ikke|har\s+ikke\s+brug\s+for|uden\s+at)\s+(?:\p{L}+\s+){0,3}$/iu.test(
        before,
      )
    )
      continue;
    return { value: true, evidence: m[0] };
  }
  return undefined;
}

type DateRole = 'agreement' | 'decision' | 'notified' | 'neutral';

function dateRole(text: string, sentence: Span, start: number, end: number): DateRole | undefined {
  // First the date's own clause, where only acts and decision words speak (and an agreement noun
  // joined to the date: "aftalen fra 3. marts 2019"); a bare agreement noun there is what was decided on.
  const from = clauseStart(text, sentence, start);
  const rest = text.slice(end, sentence.end);
  G.CLAUSE_BREAK.lastIndex = 0;
  const brk = exec(G.CLAUSE_BREAK, rest);
  const clause: Span = { start: from, end: brk ? end + brk.index : sentence.end };
  if (test(P.AGREEMENT_NOUN_OF_DATE, text.slice(Math.max(clause.start, start - 40), start)))
    return 'agreement';
  const inClause = nearestRole(text, clause, start, end, [
    ['notified', NOTIFIED_RE],
    ['decision', DECISION_RE],
    ['agreement', G.AGREEMENT_ACTS],
    ['neutral', NEUTRAL_RE],
  ]);
  if (inClause) return inClause;
  // Then any deciding word, the clause before the sentence: "en aftale med Huawei fra 2019, og CFCS meddelte …".
  const all: Array<[DateRole, RegExp]> = [
    ['notified', NOTIFIED_RE],
    ['decision', DECISION_RE],
    ['agreement', AGREEMENT_RE],
    ['neutral', NEUTRAL_RE],
  ];
  return nearestRole(text, clause, start, end, all) ?? nearestRole(text, sentence, start, end, all);
}

/** The role of the deciding word nearest the date in `span` (words after it count 1.5 times as far). */
function nearestRole(
  text: string,
  span: Span,
  start: number,
  end: number,
  roles: Array<[DateRole, RegExp]>,
): DateRole | undefined {
  let best: { role: DateRole; d: number } | undefined;
  const seg = text.slice(span.start, span.end);
  for (const [role, rx] of roles) {
    for (const m of allMatches(rx, seg)) {
      const a = span.start + m.index;
      const b = a + m[0].length;
      let d: number;
      if (b <= start) d = start - b;
      else if (a >= end) d = (a - end) * 1.5;
      else continue;
      if (d > 90) continue;
      if (!best || d < best.d) best = { role, d };
    }
  }
  return best?.role;
}

const CUTOFF = '2020-12-07';
/** The longest prefix of a message that is read (Slack allows 40,000 characters). */
export const MAX_CHARS = 6000;
/** A year or month is decisive for § 17, stk. 2 only when all of it is on one side of the cut-off. */
function decisive(value: string, precision: DatePrecision): boolean {
  if (precision === 'day') return true;
  const y = Number(value.slice(0, 4));
  if (precision === 'year') return y !== 2020;
  return value.slice(0, 7) !== CUTOFF.slice(0, 7);
}

// ---- entry point ---------------------------------------------------------------------------------
/** The facts one message states, with the span each came from. Never throws on any string. */
export function extractFacts(input: string, opts?: ExtractOptions): Extraction {
  const facts: Facts = {};
  const evidence: Partial<Record<FactKey, string>> = {};
  const signals: Signals = {};
  if (typeof input !== 'string' || input.trim() === '') return { facts, evidence, signals };
  // A message longer than this is read up to here: facts are stated early, and time stays bounded.
  const text = input.length > MAX_CHARS ? input.slice(0, MAX_CHARS) : input;
  const set = <K extends FactKey>(k: K, v: Facts[K], ev: string) => {
    facts[k] = v;
    evidence[k] = ev;
  };
  const spans = sentences(text);

  // "Does the Danish telecom supplier security act apply?": the act's name says nothing of the writer.
  const org = findOrganisation(withoutActName(text));
  // "Vi er et forsyningsselskab … Vi har også et fibernet": a business that runs a public network of its
  // own may be a provider as well, so what it is stays open.
  const ownPublicNet =
    org?.type === 'company' &&
    allMatches(P.OWN_NETWORK, text).some(
      (m) =>
        P.PUBLIC_NET_WORD.test(m[0]) ||
        P.PUBLIC_NET_WORD.test(text.slice(sentenceAt(spans, m.index).start, m.index)),
    );
  // "vi sælger fiberbredbånd til private og virksomheder": a business selling a network service to others
  // provides it (§ 1, nr. 3), whatever else it does.
  const sells = org?.type === 'company' ? exec(P.SELLS_NET_SERVICE, text) : null;
  const found = findCounts(text, spans);
  const users = decideEndUsers(text, spans, found.counts);
  // "et lille dansk firma med 1.900 slutbrugere": a business counting its own end users may be a provider.
  // (the count joined to the noun the writer calls itself by: "firma med 1.900 slutbrugere")
  const orgEnd = org && text.includes(org.evidence) ? text.indexOf(org.evidence) + org.evidence.length : -1;
  const ownEndUsers =
    org?.type === 'company' &&
    orgEnd >= 0 &&
    found.counts.some(
      (c) =>
        c.kind === 'own' &&
        c.noun !== undefined &&
        test(P.END_USER_TERM, c.noun) &&
        c.start > orgEnd &&
        test(P.WITH_COUNT, text.slice(orgEnd, c.start)),
    );
  if (sells) set('organisation_type', 'telecom_provider', sells[0]);
  else if (org && !ownPublicNet && !ownEndUsers) set('organisation_type', org.type, org.evidence);
  const ps = findNationwide(text, spans);
  if (ps) set('nationwide_public_service', ps.value, ps.evidence);

  // (a count summed from parts, "46,500 subscribers … 20,000 SIM": each part's own words)
  const usersSpans: Array<[number, number]> = [];
  for (const part of users.end_users?.evidence.split(' … ') ?? []) {
    const at = text.indexOf(part, usersSpans.at(-1)?.[1] ?? 0);
    if (at >= 0) usersSpans.push([at, at + part.length]);
  }
  const orgAt = org ? text.indexOf(org.evidence) : -1;
  const orgSpan: [number, number] | undefined =
    orgAt >= 0 ? [orgAt, orgAt + org!.evidence.length] : undefined;
  const found0 = findComponent(text, spans, orgSpan);
  const countedIn = usersSpans.find(([a, b]) => {
    const at = found0 ? text.indexOf(found0.evidence, Math.max(0, a - 1)) : -1;
    return at >= a && at < b + 2;
  });
  const counted = countedIn !== undefined;
  // "bestille 50.000 SIM'er": a count of what is bought is of things, not of end users.
  const bought =
    counted && test(P.BOUGHT_COUNT_BEFORE, text.slice(Math.max(0, countedIn[0] - 40), countedIn[0]));
  if (found.added && Number.isSafeInteger(found.added.value) && !bought)
    signals.end_users_added = found.added.value;
  // Sums of huge numbers can leave the safe integer range: such a count is no fact.
  if (users.end_users && Number.isSafeInteger(users.end_users.value) && !bought) {
    set('end_users', users.end_users.value, users.end_users.evidence);
    if (users.end_users.approx) signals.end_users_approx = true;
    if (users.end_users.bound) signals.end_users_bound = users.end_users.bound;
    // "det tal inkluderer de 5.000 via partnere": a count that includes the wholesale ones is a total.
    // ("their customers come to 33,500 in total": their total, still only the wholesale part)
    if (users.end_users.wholesaleOnly && (users.end_users.theirsOnly || !P.INCLUDES.test(text)))
      signals.end_users_wholesale_only = true;
    if (users.end_users.withWholesale) signals.end_users_with_wholesale = true;
    if (users.leftOut && Number.isSafeInteger(users.leftOut.value))
      signals.end_users_left_out = users.leftOut;
    if (users.partsSum) signals.end_users_parts_sum = users.partsSum;
  }
  if (!users.state) {
    // "we also have some state customers, a couple of agencies under Skatteministeriet": no count said.
    const vague = doubtVocabulary().vague_quantity;
    for (const m of allMatches(G.STATE_MARK, text)) {
      const clause = clauseAround(text, m.index);
      if (vague.test(clause) && !negatedBefore(text, sentenceAt(spans, m.index), m.index, 40)) {
        signals.state_uncounted = clause.trim();
        break;
      }
    }
  }
  if (users.state && Number.isSafeInteger(users.state.value)) {
    set('state_end_users', users.state.value, users.state.evidence);
    if (users.state.bound) signals.state_end_users_bound = users.state.bound;
    // ("Oh, and we also have an agreement with Skattestyrelsen covering 300 users": another agreement's.)
    const at = text.indexOf(users.state.evidence.split(' … ')[0]!);
    const sentence = at >= 0 ? sentenceAt(spans, at) : undefined;
    if (
      users.state.additive ||
      (sentence && test(P.ANOTHER_AGREEMENT, text.slice(sentence.start, sentence.end)))
    )
      signals.state_end_users_additive = true;
  }

  // "53.000 aktive SIM-kort": a component named as what is counted is no agreement's subject.
  const comp = counted && !bought ? undefined : found0;
  if (comp) {
    set('component', comp.value, comp.evidence);
    const open = componentOpen(text, spans, comp.value, orgSpan);
    if (open) signals.component_open = open;
  }

  let reg: SupplierRegister | undefined = opts?.register;
  if (!reg) {
    try {
      reg = loadRegisters();
    } catch {
      reg = undefined; // a broken register file must not stop the bot from reading the message
    }
  }
  if (reg) {
    const s = findSupplier(text, reg);
    // "en liste over forbudte lande – fx Kina eller Huawei?": names given as examples, by no one who
    // speaks of their own organisation, are not facts of the question.
    const example = (ev: string) => {
      const at = text.indexOf(ev);
      return (
        at >= 0 &&
        exampleBefore(text.slice(Math.max(0, at - 30), at)) &&
        !test(G.SELF_WORD, text) &&
        facts.component === undefined &&
        facts.organisation_type === undefined
      );
    };
    if (s.supplier && !example(s.supplier.evidence)) set('supplier', s.supplier.value, s.supplier.evidence);
    if (s.country && !example(s.country.evidence))
      set('supplier_country', s.country.value, s.country.evidence);
  }
  for (const m of allMatches(G.STATE_CONTROLLED, text)) {
    if (test(P.OWN_STATE_BEFORE, m[0])) continue; // Denmark's own state is not "another country's"
    const s = sentenceAt(spans, m.index);
    signals.state_controlled = !negatedBefore(text, s, m.index, 30);
    break;
  }
  if (signals.state_controlled === undefined) {
    // "majority-owned by a holding company that belongs to a foreign country's armed forces".
    for (const m of allMatches(G.STATE_OWNED_LONG, text)) {
      const s = sentenceAt(spans, m.index);
      const sentence = text.slice(s.start, s.end);
      if (test(P.HARM_HYPOTHETICAL, sentence)) continue;
      if (test(P.OWN_STATE_BEFORE, m[0])) continue; // 'ejet af den danske stat'
      // Another country's state (nr. 3): said so, or the supplier's country is known and not Denmark.
      const foreign =
        test(P.FOREIGN_MARK, sentence) ||
        (facts.supplier_country !== undefined && facts.supplier_country !== 'DK');
      if (!foreign) continue;
      signals.state_controlled = !negatedBefore(text, s, m.index, 30);
      break;
    }
  }
  for (const m of allMatches(G.HARM_INVOLVED, text)) {
    const s = sentenceAt(spans, m.index);
    const sentence = text.slice(s.start, s.end);
    const harm =
      test(P.HARM_ACT, sentence) || (test(P.HARM_OBJECT, sentence) && test(P.HARM_EFFECT, sentence));
    if (!harm || test(P.HARM_HYPOTHETICAL, sentence)) continue;
    // About the supplier, as the actor: "we were hit by a cyber attack" is no factor.
    if (!test(P.SUPPLIER_REFERENT, sentence) || test(P.HARM_VICTIM, sentence)) continue;
    signals.harmful_activity = !negatedBefore(text, s, m.index, 30);
    break;
  }

  const terr = findTerritory(text, spans);
  if (terr) set('territory', terr.value, terr.evidence);
  const status = findStatus(text, spans, reg);
  if (status) set('agreement_status', status.value, status.evidence);
  const human = findWantsHuman(text);
  if (human) set('wants_human', human.value, human.evidence);

  // The court deadline runs from notification: a date said to be notified beats one only said to be
  // the decision's ("traf afgørelse den 12. januar og meddelte den os den 15. januar" → 15 January).
  let decisionNotified = false;
  for (const d of findDates(text, opts?.asOf ? { asOf: opts.asOf } : undefined)) {
    const role = dateRole(text, sentenceAt(spans, d.start), d.start, d.end);
    // "today" dates a decision only when it was received then ("vi fik påbuddet i dag"), not in a
    // question about what may happen ("Can CFCS order us to end it today?").
    // ("two numbers I got today": nothing in the message is a decision, so nothing received is one)
    const relativeOnly =
      d.relative === true &&
      (!P.RECEIVED.test(text.slice(sentenceAt(spans, d.start).start, d.end)) || !test(DECISION_RE, text));
    const decision = (role === 'decision' || role === 'notified') && !relativeOnly;
    if (
      decision &&
      d.precision === 'day' &&
      (facts.decision_date === undefined || (role === 'notified' && !decisionNotified))
    ) {
      set('decision_date', d.value, d.raw);
      decisionNotified = role === 'notified';
    } else if (d.relative && d.precision === 'day') {
      // "i dag", "i går" date a decision; beside an agreement they are usually "as things stand today".
    } else if (role === 'agreement' && facts.agreement_date === undefined) {
      if (decisive(d.value, d.precision)) {
        set('agreement_date', d.value, d.raw);
        if (d.precision !== 'day') signals.agreement_date_precision = d.precision;
      } else
        signals.vague_agreement_date ??= d.precision === 'year' ? d.value.slice(0, 4) : d.value.slice(0, 7);
    }
  }
  const lone = test(P.LONE_NUMBER, text) ? findNumbers(text) : [];
  if (lone.length === 1 && Number.isFinite(lone[0]!.value)) signals.lone_number = lone[0]!.value;
  return { facts, evidence, signals };
}

// A lexicon entry nothing reads is a mistake (a misspelt name, a word left behind): say so at start.
L.allRead();
