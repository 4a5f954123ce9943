/**
 * What a message asks about: the topic of the answer contract, and whether it is in scope at all.
 * Signals are stems matched inside words, so Danish compounds (leverandøraftale, overvågningskameraer)
 * are met by their parts. The words are data, `knowledge/vocabulary/topic/` (signals.yaml: the patterns
 * of each signal; questions.yaml: the act's name, the terms § 1 defines, asking what a term means, and
 * asking at all), read once per process by `knowledge/lexicon.ts`; this file holds only how they decide.
 */
import type { Topic } from '../../guardrails/contract.js';
import type { Facts } from '../../guardrails/facts.js';
import { vocabulary } from '../../knowledge/lexicon.js';

const V = vocabulary('topic');

/** The signals, in the order they are counted; each is the entry of signals.yaml named in capitals (PROVIDER_Q). */
const SIGNAL_NAMES = [
  'powers',
  'providerQ',
  'aboutAuthority',
  'anchor',
  'otherLaw',
  'offtopic',
  'procedure',
  'guidanceStrong',
  'guidanceWeak',
  'camera',
  'price',
  'purchase',
  'agreement',
  'coverage',
  'buyer',
  'definition',
  'document',
  'human',
  'writer',
] as const;
type Signal = (typeof SIGNAL_NAMES)[number];

/** Each signal: a list of regular-expression sources matched against the lower-cased message. */
export const SIGNALS = Object.fromEntries(
  SIGNAL_NAMES.map((k) => [k, V.each(k.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase())]),
) as Record<Signal, string[]>;

/** The act's own name speaks of suppliers and security; it says nothing about what is asked. */
const SHOP_RE = new RegExp(V.each('SHOP').join('|'), 'giu');
export const ACT_NAME = new RegExp(V.text('ACT_NAME'), 'giu');
/** The act named in any form (its title, `leverandørsikkerhed…`, its number, a § of it, its own term for whom it covers). */
export const ACT_NAMED = new RegExp(V.text('ACT_NAMED'), 'iu');
/**
 * The terms § 1 defines, by the unit that defines them (the units are the table's keys). A question what
 * such a term means, or what counts as one, is answered by its definition first.
 */
export const DEFINED_TERMS: Array<[ref: string, term: RegExp]> = V.table('DEFINED_TERMS', [
  '§ 1, nr. 1',
  '§ 1, nr. 2',
  '§ 1, nr. 3',
]).map(([ref, term]) => [ref, new RegExp(term, 'iu')]);
/** Asking what a term means or what counts as it, not whether the writer is covered. */
export const ASKS_MEANING = new RegExp(V.text('ASKS_MEANING'), 'iu');
/** A message that starts like a question (or has a question mark) asks something of its own. */
export const QUESTION_WORD = new RegExp(V.text('QUESTION_WORD'), 'i');
/** Where a new question starts: after a question mark, or after a comma or "and"/"og" before a question word. */
export const QUESTION_PART_BREAK = new RegExp(V.text('QUESTION_PART_BREAK'), 'i');

// A YAML entry nothing reads is a mistake (a misspelt name, a word left behind): say so at start.
V.allRead();

const COMPILED = Object.fromEntries(
  Object.entries(SIGNALS).map(([k, list]) => [k, list.map((s) => new RegExp(s, 'iu'))]),
) as Record<Signal, RegExp[]>;

export type SignalCounts = Record<Signal, number>;

/**
 * The § 1 units that define the terms a question asks the meaning of ("hvad betyder 'slutbruger'?",
 * "what does the act mean by critical network components?"), in the order the text names them.
 */
export function definitionsAsked(text: string): string[] {
  if (!ASKS_MEANING.test(text)) return [];
  return DEFINED_TERMS.map(([ref, rx]) => ({ ref, at: text.search(rx) }))
    .filter((d) => d.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((d) => d.ref);
}

export function signals(text: string): SignalCounts {
  const t = text.toLowerCase().replace(ACT_NAME, ' loven ');
  const out = {} as SignalCounts;
  for (const k of Object.keys(COMPILED) as Signal[]) out[k] = COMPILED[k].filter((rx) => rx.test(t)).length;
  return out;
}

const CRITICAL = new Set([
  'core_network',
  'backbone_router',
  'backbone_server',
  'oss_bss_nms',
  'ran_control',
  'operations_service',
]);

export interface TopicDecision {
  topic: Topic;
  /** True when the message itself names what it asks (not just facts for an earlier question). */
  explicit: boolean;
  signals: SignalCounts;
}

function isQuestion(text: string): boolean {
  return /\?/.test(text) || QUESTION_WORD.test(text);
}

/**
 * Classifies one message. `turnFacts` are the facts extracted from this message alone, `facts` those of
 * the whole thread so far. A message that only adds facts (no question of its own) is not explicit, so
 * the thread keeps the topic of the earlier question.
 */
export function classifyTopic(text: string, turnFacts: Facts, facts: Facts): TopicDecision {
  const s = signals(text);
  const decide = (topic: Topic, explicit = true): TopicDecision => ({ topic, explicit, signals: s });
  // Where the organisation sits says nothing about what is asked.
  const substantive = Object.keys(turnFacts).filter((k) => k !== 'territory').length;
  const inScope = s.anchor > 0 || substantive > 0;
  if (!inScope || (s.offtopic > 0 && s.anchor <= 1 && substantive <= 1)) return decide('out_of_scope');
  // "Er vi omfattet af NIS2?": coverage by another law, even from a telecom provider that says its size.
  // Naming this act, CFCS's powers or an agreement's subject keeps the question in scope.
  if (
    s.otherLaw > 0 &&
    !ACT_NAMED.test(text) &&
    s.powers === 0 &&
    s.guidanceStrong === 0 &&
    // cameras asked about under another law (retention, signs): the guidance is about their suppliers
    (s.camera === 0 || turnFacts.supplier_country === undefined) &&
    (turnFacts.component === undefined || !CRITICAL.has(turnFacts.component)) &&
    turnFacts.supplier === undefined
  )
    return decide('out_of_scope');
  // "Hvad koster et Hikvision-kamera, og hvor får vi det billigst?": a price, not whether one may buy it.
  // ("… og hvor kan vi købe dem billigst?": where to buy is a shop asked for, not a purchase.)
  if (s.price > 0) {
    const rest = signals(text.replace(SHOP_RE, ' '));
    if (rest.purchase + s.coverage + s.procedure + s.powers + s.guidanceStrong === 0)
      return decide('out_of_scope');
  }
  if (turnFacts.wants_human) return decide('escalation_request');
  // What a term of § 1 means, with nothing described but perhaps the kind of system asked about
  // ("does our billing system count?"): what the law says, not a decision about the writer.
  if (
    definitionsAsked(text).length > 0 &&
    turnFacts.end_users === undefined &&
    turnFacts.state_end_users === undefined &&
    turnFacts.organisation_type === undefined &&
    turnFacts.agreement_status === undefined &&
    turnFacts.agreement_date === undefined &&
    turnFacts.supplier === undefined &&
    turnFacts.supplier_country === undefined
  )
    return decide('procedure');
  if (turnFacts.decision_date) return decide('procedure');
  // What CFCS may do, asked in general (no organisation or agreement described): what the law says.
  const describesUs =
    turnFacts.end_users !== undefined ||
    turnFacts.organisation_type !== undefined ||
    turnFacts.component !== undefined ||
    turnFacts.supplier !== undefined;
  if (s.powers > 0 && !describesUs && s.camera === 0) return decide('procedure');

  const camera = s.camera > 0 || facts.component === 'surveillance_camera';
  const guidance = s.guidanceStrong + (camera ? 1 : 0) + s.aboutAuthority;
  const described =
    (turnFacts.component !== undefined && turnFacts.component !== 'surveillance_camera') ||
    turnFacts.end_users !== undefined ||
    turnFacts.agreement_status !== undefined ||
    turnFacts.agreement_date !== undefined;

  // Deadlines, courts, appeals, sanctions, publication, compensation, validity … unless it is a
  // coverage question about a described agreement or organisation, or mostly about the guidance.
  if (s.procedure > 0 && !(s.coverage > 0 && described && s.procedure <= 1) && s.procedure >= guidance) {
    return decide('procedure');
  }

  if (camera) {
    // Someone buying or setting up cameras asks whether anything stands in the way; otherwise the
    // question is what FE and CFCS say about such equipment.
    // The buyer may have said who it is earlier in the thread ("Kommunen skal have kameraer …" then
    // "det bliver nok Hikvision"). A telecom provider's earlier question was about its network instead.
    const threadBuyer =
      facts.organisation_type !== undefined &&
      facts.organisation_type !== 'telecom_provider' &&
      facts.organisation_type !== 'radio_tv';
    const buyer = s.buyer > 0 || turnFacts.organisation_type !== undefined || threadBuyer;
    const acquiring =
      s.purchase > 0 || turnFacts.supplier !== undefined || turnFacts.agreement_status !== undefined;
    // "Does the FE statement ban those cameras?": what the guidance says, asked by no one in particular.
    if (s.document > 0 && turnFacts.organisation_type === undefined && facts.organisation_type === undefined)
      return decide('guidance');
    // ("Hvad siger vejledningen om dem i dag?": the guidance named and asked about is the question)
    const asksGuidance = s.document > 0 && s.guidanceStrong > 0;
    if (buyer && acquiring && s.guidanceStrong <= 1 && s.aboutAuthority === 0 && !asksGuidance)
      return decide('equipment_purchase');
    if (buyer && turnFacts.organisation_type !== undefined && s.guidanceStrong === 0)
      return decide('equipment_purchase');
    return decide('guidance');
  }

  // An agreement is described by what it concerns or whom it is with; a question whether the
  // organisation itself is significant stays a provider question however its contracts are mentioned.
  const agreementSubject =
    (turnFacts.component !== undefined && turnFacts.component !== 'surveillance_camera') ||
    turnFacts.supplier !== undefined ||
    turnFacts.supplier_country !== undefined ||
    turnFacts.agreement_date !== undefined;
  // Asked whether the organisation is significant, an agreement named only by what it delivers ("en aftale
  // med Forsvaret om 800 SIM-kort") describes its customers; naming a supplier makes it an agreement question.
  const asksStatus =
    s.providerQ > 0 && turnFacts.supplier === undefined && turnFacts.supplier_country === undefined;
  // ("kontrakten med styrelsen er underskrevet … 650 af styrelsens medarbejdere. Bliver vi omfattet?": an
  // agreement that only counts state end users is the litra b question, not an agreement's.)
  const countsState = (turnFacts.state_end_users ?? 0) > 0;
  const agreement =
    (agreementSubject && !asksStatus) ||
    (turnFacts.agreement_status !== undefined && s.providerQ === 0 && !countsState);
  const supplierTalk =
    s.agreement > 0 &&
    (turnFacts.supplier !== undefined ||
      turnFacts.supplier_country !== undefined ||
      // (agreements that count state end users are customers' agreements, litra b's question)
      // (and asked whether the organisation is significant, its contracts describe its customers)
      (s.agreement > 1 && !countsState && !asksStatus));
  // "Is it right that the act bans Huawei equipment?": a supplier named by no one speaking for an
  // organisation, with nothing of an agreement described in the thread, asks what the law says.
  const general =
    s.writer === 0 &&
    s.buyer === 0 &&
    isQuestion(text) &&
    turnFacts.component === undefined &&
    turnFacts.agreement_status === undefined &&
    turnFacts.agreement_date === undefined &&
    facts.organisation_type === undefined &&
    facts.end_users === undefined &&
    facts.state_end_users === undefined;
  if ((agreement || supplierTalk) && general) return decide('procedure');
  if (agreement || supplierTalk) return decide('agreement');
  // Someone buying equipment asks whether the act stands in the way.
  if (
    s.purchase > 0 &&
    s.buyer > 0 &&
    s.guidanceStrong === 0 &&
    s.aboutAuthority === 0 &&
    s.coverage === 0 &&
    turnFacts.end_users === undefined &&
    turnFacts.state_end_users === undefined
  ) {
    const provider = facts.organisation_type === 'telecom_provider' || facts.organisation_type === 'radio_tv';
    return decide(provider ? 'agreement' : 'equipment_purchase');
  }
  if (s.guidanceStrong > 0 || s.aboutAuthority > 0) return decide('guidance');
  if (s.coverage > 0 || turnFacts.end_users !== undefined || turnFacts.state_end_users !== undefined) {
    const explicit = s.coverage > 0 || /\?/.test(text);
    const component = facts.component;
    // "Is that agreement caught by the act?" after the thread described one (its supplier, its country)
    const threadAgreement =
      s.agreement > 0 && (facts.supplier !== undefined || facts.supplier_country !== undefined);
    return decide(
      (component && CRITICAL.has(component)) || threadAgreement ? 'agreement' : 'provider_status',
      explicit,
    );
  }
  if (s.guidanceWeak > 0) return decide('guidance');
  if (s.definition > 0) return decide('procedure');
  if (substantive > 0) return decide('provider_status', false);
  // In scope but no clearer signal: a question about what the law says; a statement without a
  // question adds to the thread's earlier question instead.
  return decide('procedure', isQuestion(text));
}

/**
 * The parts of a question that asks several things: split where a new question starts after a
 * comma, "and"/"og", or a question mark ("Which court hears it, and how many judges sit?").
 */
export function questionParts(text: string): string[] {
  return text
    .split(QUESTION_PART_BREAK)
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length >= 3);
}
