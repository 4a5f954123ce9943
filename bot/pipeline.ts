/**
 * The advisory pipeline: a thread of messages in, an answer object (answer contract v1) out.
 * understand → check → retrieve → compose → guard, in that order and one way. The CLI, the terminal
 * chat and Slack all call `createAdvisor().advise(...)` and nothing else.
 */

import type { SupplierStatements } from '../guardrails/checks/index.js';
import type { CountBounds } from '../guardrails/checks/significant_provider.js';
import type {
  Answer,
  Citation,
  Escalation,
  Language,
  Reading,
  Retrieved,
  Topic,
  Verdict,
} from '../guardrails/contract.js';
import {
  type CheckTrace,
  deriveVerdict,
  type Evaluation,
  evaluate,
  toContractCheck,
} from '../guardrails/evaluate.js';
import { type FactKey, type Facts, isExistingAgreement, mergeFacts } from '../guardrails/facts.js';
import { checkAnswer, type GuardFailure } from '../guardrails/guards.js';
import {
  AGREEMENT_CUTOFF,
  END_USERS_THRESHOLD,
  STATE_END_USERS_THRESHOLD,
  valueAt,
} from '../guardrails/params.js';
import { openAnswers, yesNoAnswers } from '../knowledge/answers.js';
import { loadExplainers } from '../knowledge/explainers.js';
import { knowledge } from '../knowledge/index.js';
import { formatRef, parseLooseRef } from '../knowledge/refs.js';
import type { SourceId } from '../knowledge/types.js';
import { type Hit, loadRetriever, type Retriever } from '../retrieval/index.js';
import { ParagraphChooser } from '../retrieval/paragraph.js';
import { composeAnswerText } from './compose/answer.js';
import { directAnswer } from './compose/direct.js';
import { T } from './compose/texts.js';
import { currentProvenance } from './provenance.js';
import { isCorrection, parseCorrection } from './understand/correction.js';
import { normaliseText } from './understand/door.js';
import {
  countTakenBack,
  type Doubt,
  doubtVocabulary,
  findDoubts,
  laterFigure,
  partMeant,
} from './understand/doubt.js';
import { extractFacts } from './understand/extract.js';
import { sanitizeInstructions } from './understand/injection.js';
import { detectLanguage } from './understand/language.js';
import { findNumbers } from './understand/numbers.js';
import { questionVocabulary, readQuestion } from './understand/question.js';
import { classifyTopic, definitionsAsked, questionParts } from './understand/topic.js';

export interface AdviseRequest {
  /** One person's messages in one thread, oldest first; the answer is to the last one. */
  turns: string[];
  /** The date the law is applied at, YYYY-MM-DD. */
  asOf: string;
  /** Facts already known for this thread (e.g. persisted by the Slack store); turns add to them. */
  priorFacts?: Facts;
}

export interface Advisor {
  advise(req: AdviseRequest): Answer;
}

export interface AdvisorOptions {
  retriever?: Retriever;
  /** Where guard failures are reported (the answer itself becomes an honest fallback). */
  onGuardFailure?: (failures: GuardFailure[], answer: Answer) => void;
}

const STATUTE: SourceId = 'lov-1156-2021';
const GUIDANCE: SourceId = 'spm-485-2022';

/** Where a fact was last set: the words it was read from, the register, or a correction. */
interface Span {
  span: string;
  register?: boolean;
  corrected?: boolean;
}

/** The topic of a thread: the latest turn that asks something of its own, else the latest turn's. */
function threadTopic(turns: string[], asOf: string, prior: Facts) {
  let facts = prior;
  /** For each fact, the words of the turn it was last read from, and whether the register supplied it. */
  const spans: Partial<Record<FactKey, Span>> = {};
  /** Facts read in doubt, by key: the latest turn's reading wins, and a turn that states it plainly clears it. */
  const doubts = new Map<FactKey, Doubt>();
  /** Counts said with a bound ("over 50.000"): the latest turn that gives the count says whether it has one. */
  const bounds: CountBounds = {};
  const thresholds = {
    endUsersThreshold: valueAt(END_USERS_THRESHOLD, asOf),
    stateThreshold: valueAt(STATE_END_USERS_THRESHOLD, asOf),
  };
  let topic: Topic = 'out_of_scope';
  let injected = false;
  let lastExplicit: Topic | undefined;
  const statements: SupplierStatements = {};
  let lastTurnAsks = false;
  /** What the last message (not a correction) said by itself, before doubt. */
  let lastFacts: Facts = {};
  let procedural = false;
  /** Whether the thread's count so far already includes wholesale end users (then none are added). */
  let priorWholesale = false;
  let priorState: number | undefined;
  for (const raw of turns) {
    // A correction (`/set end_users 60000`) sets facts; it is not read as language and asks nothing.
    if (isCorrection(raw)) {
      const c = parseCorrection(raw);
      if (!c.ok) continue;
      facts = mergeFacts(facts, c.facts);
      for (const key of Object.keys(c.facts) as FactKey[]) {
        spans[key] = { span: '', corrected: true };
        doubts.delete(key);
        if (key === 'end_users' || key === 'state_end_users') delete bounds[key];
      }
      continue;
    }
    const { text, removed } = sanitizeInstructions(raw);
    injected ||= removed;
    const turn = extractFacts(text, { asOf });
    lastFacts = { ...turn.facts };
    const doubted = findDoubts(text, turn, { ...thresholds, threadOrganisation: facts.organisation_type });
    // "hmm, that 55k figure might include closed accounts": the count said before is in doubt, and the
    // follow-up continues the thread's question.
    const priorUsers = facts.end_users;
    const takenBack =
      turn.facts.end_users === undefined
        ? countTakenBack(text, facts.end_users, thresholds.endUsersThreshold)
        : undefined;
    if (takenBack !== undefined)
      doubted.push({
        fact: 'end_users',
        reason: takenBack.reason,
        span: takenBack.span,
        threshold: thresholds.endUsersThreshold,
      });
    // "Økonomiafdelingen siger 53.000": a bare figure near the count said before restates it. A
    // correction replaces it; otherwise, across the threshold, the two statements disagree.
    const later =
      turn.facts.end_users === undefined && takenBack === undefined
        ? laterFigure(text, priorUsers, thresholds.endUsersThreshold)
        : undefined;
    if (later?.corrects) {
      turn.facts.end_users = later.value;
      turn.evidence.end_users = later.span;
    } else if (later)
      doubted.push({
        fact: 'end_users',
        reason: 'disagree',
        span: later.span,
        threshold: thresholds.endUsersThreshold,
      });
    // "min kollega siger 48.000 … jeg ved ikke, hvem af os der har ret": a later count the writer does not
    // stand behind, on the other side of the threshold from the one before, leaves the count open.
    const now = turn.facts.end_users;
    const vocabulary = doubtVocabulary();
    if (
      now !== undefined &&
      priorUsers !== undefined &&
      now !== priorUsers &&
      now > thresholds.endUsersThreshold !== priorUsers > thresholds.endUsersThreshold &&
      vocabulary.ignorance.test(text) &&
      vocabulary.sources.test(text) &&
      !vocabulary.correction.test(text)
    )
      doubted.push({
        fact: 'end_users',
        reason: 'disagree',
        span: exactSpan(text, turn.evidence.end_users),
        threshold: thresholds.endUsersThreshold,
      });
    // "correction – 520 is their headcount, only 497 of them have our SIMs": the part of the state count
    // said before is the one served.
    const part = turn.facts.state_end_users === undefined ? partMeant(text, priorState) : undefined;
    if (part && priorState !== undefined && priorState > 0) {
      turn.facts.state_end_users = part.value;
      turn.evidence.state_end_users = part.span;
    }
    // "legal now says the 2021 document might just be an annex … signed back in 2019": a later date said
    // with doubt, on the other side of 7 December 2020 from the one before, leaves the date open.
    const dateBefore = facts.agreement_date;
    const dateNow = turn.facts.agreement_date;
    if (
      dateBefore !== undefined &&
      dateNow !== undefined &&
      dateNow !== dateBefore &&
      dateNow >= valueAt(AGREEMENT_CUTOFF, asOf) !== dateBefore >= valueAt(AGREEMENT_CUTOFF, asOf) &&
      doubtVocabulary().uncertain.test(text)
    )
      doubted.push({
        fact: 'agreement_date',
        reason: 'disagree',
        span: exactSpan(text, turn.evidence.agreement_date),
      });
    if (turn.facts.end_users !== undefined) delete bounds.end_users;
    if (turn.facts.state_end_users !== undefined) delete bounds.state_end_users;
    if (turn.signals.end_users_bound) bounds.end_users = turn.signals.end_users_bound;
    if (turn.signals.state_end_users_bound) bounds.state_end_users = turn.signals.state_end_users_bound;
    for (const key of Object.keys(turn.facts) as FactKey[]) doubts.delete(key);
    for (const d of doubted) {
      delete turn.facts[d.fact];
      doubts.set(d.fact, d);
    }
    for (const key of Object.keys(turn.facts) as FactKey[]) {
      const ev = turn.evidence[key];
      // A country that comes with a registered supplier's name, not from a word of its own, is the register's.
      const register = key === 'supplier_country' && ev !== undefined && ev === turn.evidence.supplier;
      spans[key] = { span: exactSpan(text, ev), register };
    }
    if (turn.signals.end_users_added !== undefined && turn.facts.end_users === undefined)
      spans.end_users = { span: exactSpan(text, turn.evidence.end_users) };
    // "resellers add about 4.000 more": the follow-up grows the count said before it.
    // A follow-up that counts only end users through the writer's wholesale customers adds them too.
    const added: number | undefined =
      turn.signals.end_users_added ??
      (turn.signals.end_users_wholesale_only && !priorWholesale ? turn.facts.end_users : undefined);
    facts =
      added !== undefined && facts.end_users !== undefined
        ? mergeFacts(facts, { ...turn.facts, end_users: facts.end_users + added })
        : mergeFacts(facts, turn.facts);
    // "… om yderligere 250 brugere": a later state count said to come on top adds to the one before.
    if (
      turn.signals.state_end_users_additive &&
      priorState !== undefined &&
      turn.facts.state_end_users !== undefined
    )
      facts = { ...facts, state_end_users: priorState + turn.facts.state_end_users };
    priorState = facts.state_end_users;
    if (turn.facts.end_users !== undefined || added !== undefined)
      priorWholesale = turn.signals.end_users_with_wholesale === true || added !== undefined;
    if (turn.signals.state_controlled !== undefined)
      statements.state_controlled = turn.signals.state_controlled;
    if (turn.signals.harmful_activity !== undefined)
      statements.harmful_activity = turn.signals.harmful_activity;
    // What is asked does not depend on whether a fact was read in doubt: the topic sees the facts as read.
    const decision = classifyTopic(text, lastFacts, facts);
    lastTurnAsks = decision.explicit;
    // "Who decides on a ban?" asks about the ban powers themselves (chapter 2), so they are not mere context.
    procedural = decision.signals.procedure > 0 && decision.signals.powers === 0;
    if (decision.explicit && decision.topic !== 'out_of_scope') lastExplicit = decision.topic;
    topic = decision.explicit ? decision.topic : (lastExplicit ?? decision.topic);
    // A follow-up that only adds facts keeps the question it answers.
    // A follow-up that adds a fact, even only where the network is or one in doubt, or names the count
    // said before ("the 95,000 includes …"), is about the thread's question.
    const adds = Object.keys(lastFacts).length > 0 || doubted.length > 0;
    const refersBack = priorUsers !== undefined && findNumbers(text).some((n) => n.value === priorUsers);
    if (decision.topic === 'out_of_scope' && lastExplicit && (adds || refersBack)) topic = lastExplicit;
  }
  // A fact in doubt decides nothing: its check stays open and the answer asks for it.
  for (const key of doubts.keys()) {
    delete facts[key];
    if (key === 'end_users' || key === 'state_end_users') delete bounds[key];
  }
  return {
    facts,
    bounds,
    topic,
    injected,
    statements,
    lastTurnAsks,
    procedural,
    spans,
    doubts: [...doubts.values()],
    lastFacts,
  };
}

/**
 * The words a fact was read from, exactly as written: the evidence itself, or, for a count summed from
 * several places ("32.000 egne … 21.000 slutbrugere"), the stretch from its first part to its last.
 */
function exactSpan(text: string, evidence: string | undefined): string {
  if (evidence && text.includes(evidence)) return evidence;
  const parts = (evidence ?? '')
    .split('…')
    .map((p) => p.trim())
    .filter(Boolean);
  const start = parts[0] ? text.indexOf(parts[0]) : -1;
  if (start >= 0) {
    const lastPart = parts[parts.length - 1]!;
    const end = text.indexOf(lastPart, start);
    return end >= 0 ? text.slice(start, end + lastPart.length) : parts[0]!;
  }
  // The reader kept no words of its own: the message as written, up to a readable length.
  return text.trim().slice(0, 160) || text;
}

/** The statute units a message names: "§ 6", "§ 2, stk. 3", and a bare "litra b" as § 1, nr. 3's letter. */
function namedRefs(text: string): string[] {
  const kb = knowledge();
  const out: string[] = [];
  for (const m of text.matchAll(/(?:§|paragraf|section)\s*\d+[^.?!;]{0,30}/giu)) {
    const r = parseLooseRef(m[0]);
    if (r.ok && kb.has(STATUTE, formatRef(r.value))) out.push(formatRef(r.value));
  }
  for (const m of text.matchAll(/(?<![\p{L}§\d,]\s?)\blitra\s+([ab])\b/giu))
    out.push(`§ 1, nr. 3, litra ${m[1]!.toLowerCase()}`);
  return [...new Set(out)];
}

const CARRIED: Record<Language, string> = {
  da: 'fra tidligere i tråden',
  en: 'from earlier in the thread',
};
const CORRECTED: Record<Language, string> = {
  da: 'rettet af dig',
  en: 'corrected by you',
};
const ASSUMED_DK: Record<Language, string> = {
  da: 'Danmark, da intet peger på Færøerne eller Grønland',
  en: 'Denmark, as nothing points to the Faroe Islands or Greenland',
};

/** What was read and from where (contract v2, `understood`): one reading per fact, in the facts' order. */
function readings(
  facts: Facts,
  spans: Partial<Record<FactKey, Span>>,
  territoryChecked: boolean,
  language: Language,
): Reading[] {
  const out: Reading[] = [];
  for (const [key, value] of Object.entries(facts) as Array<[FactKey, string | number | boolean]>) {
    const read = spans[key];
    if (read?.corrected) out.push({ fact: key, value, source: 'corrected', span: CORRECTED[language] });
    else if (read?.register)
      out.push({
        fact: key,
        value,
        source: 'register',
        span: `${facts.supplier ?? read.span} → ${value} (knowledge/registers/suppliers.yaml)`,
      });
    else if (read) out.push({ fact: key, value, source: 'said', span: read.span });
    else out.push({ fact: key, value, source: 'assumed', span: CARRIED[language] });
  }
  if (facts.territory === undefined && territoryChecked)
    out.push({ fact: 'territory', value: 'DK', source: 'assumed', span: ASSUMED_DK[language] });
  return out;
}

/** Refs the deciding checks rely on, in the order an adviser would read them. */
function decidingRefs(ev: Evaluation, topic: Topic, facts: Facts, asOf: string, asked = ''): string[] {
  const existing = isExistingAgreement(facts, asOf);
  const refs: string[] = [];
  // The check that decides comes first: for not_covered the failing ones, then the rest.
  const fails = (c: CheckTrace) => Number(ev.verdict === 'not_covered' && c.result === 'no');
  const deciding = ev.checks.filter((c) => c.id !== 'supplier_risk').sort((a, b) => fails(b) - fails(a));
  for (const c of deciding) {
    if (c.id === 'territorial_scope' && c.result === 'yes' && ev.verdict !== 'covered') continue;
    if (
      ev.verdict === 'not_covered' &&
      c.result === 'yes' &&
      c.id !== 'significant_provider' &&
      c.id !== 'critical_component'
    )
      continue;
    refs.push(...c.citations);
  }
  const risk = ev.checks.find((c) => c.id === 'supplier_risk');
  if (risk?.result === 'yes' && ev.applies && topic !== 'provider_status') refs.push(...(risk.factors ?? []));
  if (
    ev.verdict === 'covered' &&
    (topic === 'agreement' || topic === 'equipment_purchase' || topic === 'escalation_request')
  ) {
    // What follows from coverage leads: § 2 for entering a new agreement, § 3 for keeping an existing one.
    if (existing) refs.unshift('§ 3, stk. 1', '§ 3, stk. 2');
    else if (ev.checks.some((c) => c.id === 'critical_component')) refs.unshift('§ 2, stk. 1');
  }
  // § 2, stk. 1 is about entering new agreements; an existing one is a matter for § 3.
  const out = [...new Set(existing ? refs.filter((r) => r !== '§ 2, stk. 1') : refs)];
  // "Bliver vi omfattet via litra b?": the unit the question names leads, when it is among the reasons.
  const named = out.find((r) => namedIn(asked, r));
  return named ? [named, ...out.filter((r) => r !== named)] : out;
}

/** The question names this unit: its litra ("via litra b"), or the unit itself ("§ 2, stk. 3"). */
function namedIn(asked: string, ref: string): boolean {
  const flat = asked.replace(/\s+/g, ' ').toLowerCase();
  const litra = /litra ([a-z])$/.exec(ref)?.[1];
  if (litra) return new RegExp(`(?<![\\p{L}])litra ${litra}(?![\\p{L}])`, 'u').test(flat);
  return flat.includes(ref.toLowerCase());
}

function citation(source: SourceId, ref: string, language: Language): Citation | undefined {
  const u = knowledge().get(source, ref);
  if (!u) return undefined;
  const c: Citation = { source, ref, quote: u.text };
  if (language === 'en') c.quote_en = u.text_en;
  return c;
}

/**
 * A whole section answers less precisely than its paragraph: a section hit is replaced by the
 * paragraph whose words match the question best, keeping the section's score.
 */
function descendToParagraphs(hits: Hit[], query: string, chooser: ParagraphChooser): Hit[] {
  const out = hits.flatMap((h) => {
    const children =
      h.unit.kind === 'section' || h.unit.kind === 'answer' ? chooser.best(h.source, h.ref, query) : [];
    return children.length ? children.map((c) => ({ ...h, ref: c.ref, unit: c })) : [h];
  });
  return out.filter((h, i) => out.findIndex((o) => o.source === h.source && o.ref === h.ref) === i);
}

/**
 * A procedure question (decisions, appeals, courts, sanctions, compensation, publication) usually
 * names the ban it is about; the units that grant the ban powers (chapters 1 and 2) are its context,
 * not its answer, so they weigh less than the procedural chapters.
 */
function procedureWeight(h: Hit): number {
  // The procedural paragraphs inside chapter 2 (proportionality, § 2, stk. 3 and § 3, stk. 4; the
  // deadline for winding down, § 3, stk. 3) answer a procedure question themselves.
  if (h.unit.kind !== 'section' && PROCEDURAL_TEXT.test(h.unit.text)) return 1;
  return (h.unit.chapter?.number ?? 99) <= 2 ? 0.55 : 1;
}
const PROCEDURAL_TEXT = /mindre indgribende|\bfrist\b/iu;

/** The retrieved units that answer an informational question: the best, and those close to it. */
function answeringHits(
  hits: Hit[],
  source: SourceId,
  max: number,
  descend?: (hs: Hit[]) => Hit[],
  weigh: (h: Hit) => number = () => 1,
): Hit[] {
  const mine = hits
    .filter((h) => h.source === source)
    .map((h) => ({ ...h, score: h.score * weigh(h) }))
    .sort((a, b) => b.score - a.score);
  const best = mine[0]?.score ?? 0;
  const chosen = mine.filter((h, i) => i === 0 || h.score >= best * 0.6).slice(0, max);
  return descend ? descend(chosen) : chosen;
}

/**
 * The retrieved refs, and where two or more items of one paragraph are among them, that paragraph
 * first: its words introduce them (`§ 14, stk. 1` before its `nr. 1` and `nr. 2`).
 */
function withIntroducingParagraph(hits: Hit[]): string[] {
  const kb = knowledge();
  const refs = hits.map((h) => h.ref);
  const out: string[] = [];
  for (const ref of refs) {
    const parent = kb.get(STATUTE, ref)?.parent;
    const siblings = refs.filter((r) => parent && kb.get(STATUTE, r)?.parent === parent).length;
    if (parent && siblings > 1 && kb.get(STATUTE, parent)?.kind !== 'section') out.push(parent);
    out.push(ref);
  }
  return [...new Set(out)];
}

const CARE_QUERY =
  'omtanke ved indkøb af overvågningsudstyr fra lande uden for Danmarks normale sikkerhedspolitiske kreds';

export function createAdvisor(opts: AdvisorOptions = {}): Advisor {
  const kb = knowledge();
  const retriever = opts.retriever ?? loadRetriever();
  // A guard failure is logged (codes and refs only, never the message text) and answered honestly.
  const onGuardFailure =
    opts.onGuardFailure ??
    ((failures: GuardFailure[]) =>
      process.stderr.write(
        `${JSON.stringify({ level: 'warn', msg: 'answer failed its guards', failures: failures.map((f) => f.code) })}\n`,
      ));
  const chooser = new ParagraphChooser(kb);
  // The answer tables and the question vocabulary are loaded (and validated) at start, not at the first question.
  // (The extractor's lexicon, knowledge/vocabulary/lexicon/, was loaded and validated earlier still: when
  // bot/understand/extract.ts was imported, as it compiles its patterns once.)
  yesNoAnswers();
  openAnswers();
  questionVocabulary();
  doubtVocabulary();
  const explainers = loadExplainers();
  const explain = (source: SourceId, ref: string, lang: Language) => explainers.get(source, ref, lang);
  // Which knowledge and rules give this advisor's answers (the same for all of them: both load once).
  const provenance = currentProvenance();
  // The minister's words on care when buying cameras: a fixed query, so searched once.
  let careUnit: Hit | null | undefined;
  const care = (): Hit | undefined => {
    if (careUnit === undefined)
      careUnit =
        descendToParagraphs(
          retriever.search(CARE_QUERY, { k: 1, source: GUIDANCE }),
          CARE_QUERY,
          chooser,
        )[0] ?? null;
    return careUnit ?? undefined;
  };

  const derive = (topic: Topic, a: Answer): Verdict =>
    deriveVerdict(
      topic,
      a.checks.map((c) => ({ id: c.id, result: c.result }) as CheckTrace),
    );

  function advise(req: AdviseRequest): Answer {
    // Normalised once at the door: everything below reads what the person sees.
    const turns = (req.turns.length ? req.turns : ['']).map(normaliseText);
    // What the person wrote, without the corrections they made through a form or a command.
    const spoken = turns.filter((t) => !isCorrection(t));
    if (spoken.length === 0) spoken.push('');
    const last = spoken[spoken.length - 1] ?? '';
    const language = detectLanguage(last, spoken.length > 1 ? detectLanguage(spoken.join(' ')) : 'da');
    const read = threadTopic(turns, req.asOf, req.priorFacts ?? {});
    const { injected, statements, lastTurnAsks, procedural, spans } = read;
    const { doubts, facts } = read;
    const doubtful = doubts.map((d) => d.fact);
    const question = readQuestion(spoken.map((t) => sanitizeInstructions(t).text));
    // Two subjects: after a purchase, "we are a telecom with 80.000 end users: are we covered?" asks
    // about the organisation; the purchase is answered beside it, each with its own reason.
    let topic = read.topic;
    // A question the law's procedure answers (a row of knowledge/answers) is a procedure question, also as
    // a follow-up in a thread about coverage, and never out of scope: "and if we ignore the ban?".
    if (question.turn === spoken.length - 1 && (question.form === 'open' || question.form === 'polar')) {
      const said = read.lastFacts;
      const asksProcedure =
        yesNoAnswers().some((r) => r.source === STATUTE && r.about.test(question.clause)) ||
        openAnswers().some((r) => r.asks.test(question.clause) && r.about.test(question.clause));
      // Facts said beside the question ask about coverage, unless the question supposes a prohibition.
      const statesCoverage =
        !question.supposesProhibition &&
        (said.organisation_type !== undefined ||
          said.end_users !== undefined ||
          said.component !== undefined);
      const aboutAct = topic !== 'out_of_scope' || questionVocabulary().actWords.test(last);
      if (
        asksProcedure &&
        aboutAct &&
        !statesCoverage &&
        topic !== 'guidance' &&
        topic !== 'escalation_request'
      )
        topic = 'procedure';
    }
    let purchase: { topic: Topic; checks: CheckTrace[]; verdict: Verdict } | undefined;
    if (
      spoken.length > 1 &&
      question.form === 'coverage' &&
      question.aboutWriter &&
      question.turn === spoken.length - 1 &&
      (topic === 'agreement' || topic === 'equipment_purchase')
    ) {
      const said = read.lastFacts;
      if (
        (said.organisation_type !== undefined || said.end_users !== undefined) &&
        said.component === undefined
      ) {
        const p = evaluate(topic, facts, req.asOf, {
          statements,
          doubtful,
          bounds: read.bounds,
          asksDeadline: question.inTime,
        });
        purchase = { topic, checks: p.checks, verdict: p.verdict };
        topic = 'provider_status';
      }
    }
    const ev = evaluate(topic, facts, req.asOf, {
      statements,
      doubtful,
      bounds: read.bounds,
      asksDeadline: question.inTime,
    });

    // Retrieval looks for what the last turn asks; a turn that only adds facts is read with the question before it.
    const query = sanitizeInstructions(spoken.slice(lastTurnAsks ? -1 : -2).join(' ')).text;
    const ranking = topic === 'out_of_scope' ? [] : retriever.search(query, { k: 40 });
    const hits = ranking.slice(0, 10);
    const retrieved: Retrieved[] = hits.map((h) => ({
      source: h.source,
      ref: h.ref,
      score: Number(h.score.toFixed(4)),
    }));

    /** The statute units that answer a procedure question, best first. */
    const procedureRefs = (q: string, hitsFor: Hit[], max = 3): string[] =>
      withIntroducingParagraph(
        answeringHits(
          // A decision date is no agreement date: the act's temporal rules (chapter 10) are not asked.
          hitsFor.filter((h) => !(facts.decision_date && h.unit.chapter?.number === 10)),
          STATUTE,
          max,
          (hs) => descendToParagraphs(hs, q, chooser),
          procedural || max === 1 ? procedureWeight : undefined,
        ),
      );
    const refs: Array<[SourceId, string]> = decidingRefs(ev, topic, facts, req.asOf, question.clause).map(
      (r) => [STATUTE, r],
    );
    // The second subject's reasons are cited too.
    for (const c of purchase?.checks ?? [])
      if (c.result === 'no' && c.id !== 'supplier_risk') for (const r of c.citations) refs.push([STATUTE, r]);
    if (ev.verdict === 'informational' || (topic === 'escalation_request' && ev.checks.length === 0)) {
      if (topic === 'guidance')
        for (const h of answeringHits(ranking, GUIDANCE, 2, (hs) => descendToParagraphs(hs, query, chooser)))
          refs.push([h.source, h.ref]);
      // A guidance question the statute answers best (what CFCS may weigh, § 2, stk. 2) cites the statute too.
      if (topic === 'guidance' && ranking[0]?.source === STATUTE)
        for (const h of answeringHits(ranking, STATUTE, 2, (hs) => descendToParagraphs(hs, query, chooser)))
          refs.push([h.source, h.ref]);
      if (topic === 'guidance' && !refs.some(([s]) => s === GUIDANCE)) {
        for (const h of retriever.search(query, { k: 2, source: GUIDANCE }).slice(0, 1))
          refs.push([h.source, h.ref]);
      }
      if (topic === 'procedure') {
        // "Hvad betyder 'slutbruger'?": the unit that defines the term, then what retrieval found.
        for (const ref of definitionsAsked(sanitizeInstructions(last).text)) refs.push([STATUTE, ref]);
        for (const ref of procedureRefs(query, ranking)) refs.push([STATUTE, ref]);
      }
    }
    // A question of several parts ("which court, and how many judges?", "when did it enter into force,
    // and does it reach our 2019 contract?"): each part that asks what the law says gets its own units.
    const parts = questionParts(sanitizeInstructions(last).text);
    if (parts.length > 1 && topic !== 'out_of_scope') {
      for (const part of parts) {
        const asks = classifyTopic(part, {}, {});
        if (asks.topic !== 'procedure' || !asks.explicit) continue;
        const partRanking = retriever.search(part, { k: 10, source: STATUTE });
        for (const ref of procedureRefs(part, partRanking, 1)) refs.push([STATUTE, ref]);
      }
    }
    const camera = facts.component === 'surveillance_camera';
    const buying = (t: Topic | undefined) => t === 'equipment_purchase' || t === 'agreement';
    if (camera && (buying(topic) || buying(purchase?.topic))) {
      const c = care();
      if (c) refs.push([c.source, c.ref]);
    }
    const seen = new Set<string>();
    const citations: Citation[] = [];
    for (const [source, ref] of refs) {
      const key = `${source}|${ref}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const c = citation(source, ref, language);
      if (c) citations.push(c);
    }

    let escalation: Escalation = ev.escalation;
    if (facts.wants_human) escalation = 'required';
    // In scope, but nothing in the sources answers it: a person should.
    if (escalation === 'none' && ev.verdict === 'informational' && citations.length === 0)
      escalation = 'offered';

    const direct = directAnswer({
      question,
      topic,
      verdict: ev.verdict,
      checks: ev.checks,
      citations,
      retrieved,
    });
    // The unit that answers a yes/no question about the law is cited first.
    for (const r of (direct.open ?? []).slice(1).reverse()) {
      if (!citations.some((c) => c.source === r.source && c.ref === r.ref)) {
        const c = citation(r.source, r.ref, language);
        if (c) citations.unshift(c);
      }
    }
    // A unit the person names ("litra b", "§ 6") and the answer cites leads, unless a unit answers directly.
    const named = namedRefs(sanitizeInstructions(last).text);
    if (!direct.lead)
      for (const ref of named.reverse()) {
        const at = citations.findIndex(
          (c) => c.source === STATUTE && (c.ref === ref || c.ref.startsWith(`${ref},`)),
        );
        if (at > 0) citations.unshift(...citations.splice(at, 1));
      }
    if (direct.lead) {
      const { source, ref } = direct.lead;
      const at = citations.findIndex((c) => c.source === source && c.ref === ref);
      const lead = at >= 0 ? citations.splice(at, 1)[0] : citation(source, ref, language);
      if (lead) citations.unshift(lead);
    }

    const draft: Answer = {
      language,
      topic,
      verdict: ev.verdict,
      checks: ev.checks.map((c) => toContractCheck(c, language)),
      facts,
      missing_facts: ev.verdict === 'needs_facts' ? ev.missing_facts : [],
      citations,
      retrieved,
      escalation,
      direct_answer: direct.value,
      understood: readings(
        facts,
        spans,
        ev.checks.some((c) => c.id === 'territorial_scope'),
        language,
      ),
      answer: '',
      as_of: req.asOf,
      provenance,
    };
    draft.answer = composeAnswerText({
      answer: draft,
      traces: ev.checks,
      kb,
      injected,
      question,
      direct,
      explain,
      doubts,
      purchase,
    });

    const failures = checkAnswer(draft, derive);
    if (failures.length === 0) return draft;
    onGuardFailure(failures, draft);
    return fallback(draft, language);
  }

  function fallback(draft: Answer, language: Language): Answer {
    const verified = draft.citations.filter((c) => kb.has(c.source, c.ref));
    const safe: Answer = {
      ...draft,
      verdict: draft.topic === 'out_of_scope' ? 'out_of_scope' : 'informational',
      topic: draft.topic === 'out_of_scope' ? 'out_of_scope' : 'escalation_request',
      checks: [],
      missing_facts: [],
      citations: verified.map((c) => citation(c.source, c.ref, language)!).filter(Boolean),
      retrieved: draft.retrieved.filter((r) => kb.has(r.source, r.ref)),
      escalation: 'offered',
      direct_answer: null,
      answer: T.fallback[language],
    };
    return safe;
  }

  return { advise };
}
