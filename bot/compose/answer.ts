/**
 * The reply a person reads. The first sentence answers the question as it was put (its word agrees with
 * `direct_answer`); then only the reasons that decide; then what the law says; then what to do next.
 * Every phrase is in `texts.ts`, in Danish and English.
 */
import type { Answer, Language } from '../../guardrails/contract.js';
import type { CheckTrace } from '../../guardrails/evaluate.js';
import { type FactKey, isExistingAgreement } from '../../guardrails/facts.js';
import type { KnowledgeBase } from '../../knowledge/index.js';
import type { Doubt } from '../understand/doubt.js';
import type { QuestionReading } from '../understand/question.js';
import type { Direct } from './direct.js';
import { ASK_FOR, ASK_PROVIDER_FOR, DEPENDS_ON, DEPENDS_ON_PROVIDER, H, T } from './texts.js';

export interface ComposeInput {
  answer: Answer;
  traces: CheckTrace[];
  kb: KnowledgeBase;
  injected: boolean;
  question?: QuestionReading;
  direct?: Direct;
  /** A unit's plain-language explainer, where the knowledge has one. */
  explain?: (
    source: Answer['citations'][number]['source'],
    ref: string,
    lang: Language,
  ) => string | undefined;
  /** Facts read in doubt: shown with the words that raised it, and asked precisely. */
  doubts?: Doubt[];
  /** The thread's purchase or agreement, when the question asks about the organisation beside it. */
  purchase?: { topic: Answer['topic']; checks: CheckTrace[]; verdict: Answer['verdict'] };
}

const DECIDING = new Set([
  'significant_provider',
  'critical_component',
  'temporal_scope',
  'territorial_scope',
]);

/** A check's one-line detail with its refs: "60.000 slutbrugere er mere end 50.000 (§ 1, nr. 3, litra a)". */
const withRefs = (t: CheckTrace, lang: Language) => `${t.detail[lang]} (${t.citations.join('; ')})`;

/** Capitalised, with a full stop. */
function sentence(s: string): string {
  const t = s.trim();
  if (!t) return t;
  return `${t[0]!.toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
}

/** A unit's words shortened to a readable length, cut at a word boundary. */
function gist(text: string, max = 260): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' '))} …`;
}

function refList(a: Answer, lang: Language): string {
  const statute = a.citations.filter((c) => c.source === 'lov-1156-2021').map((c) => c.ref);
  const parts = [...statute];
  if (a.citations.some((c) => c.source === 'spm-485-2022')) parts.push(T.guidanceName[lang]);
  return parts.join('; ');
}

/** What the person asks to do, in their words' class: buy, enter into, keep or use. */
function act(a: Answer, q: QuestionReading | undefined): keyof typeof H.act {
  const c = q?.clause ?? '';
  if (/(?<![\p{L}])(?:beholde|fortsætte|keep|continue|opretholde|retain)/iu.test(c)) return 'keep';
  if (/(?<![\p{L}])(?:bruge|benytte|anvende|use|using|installere|install|deploy)/iu.test(c)) return 'use';
  if (/(?<![\p{L}])(?:indgå|underskrive|skrive under|sign|enter|conclude)/iu.test(c)) return 'enter';
  if (/(?<![\p{L}])(?:køb|buy|purchas|anskaff|indkøb|procur|order|bestill)/iu.test(c)) return 'buy';
  if (isExistingAgreement(a.facts, a.as_of)) return 'keep';
  return a.topic === 'equipment_purchase' ? 'buy' : 'enter';
}

/** "kommunen", "regionen", "jer": who the question is about. */
function subject(a: Answer, lang: Language): string {
  const t = a.facts.organisation_type;
  return (t && H.subject[t as keyof typeof H.subject]?.[lang]) ?? H.subject.you[lang];
}

/** What is bought or agreed: "overvågningskameraer fra Hikvision", "aftalen". */
function object(a: Answer, lang: Language): string {
  const c = a.facts.component;
  const what = c && c !== 'other' ? H.component[c][lang] : undefined;
  if (what && a.facts.supplier) return `${what} ${H.from[lang]} ${a.facts.supplier}`;
  if (what) return what;
  return a.topic === 'equipment_purchase' ? H.theEquipment[lang] : H.theAgreement[lang];
}

/** The failing deciding checks, as one clause: "en kommune er ikke udbyder … (§ 1, nr. 3), og …". */
function failing(traces: CheckTrace[], lang: Language): string {
  const no = traces.filter((t) => DECIDING.has(t.id) && t.result === 'no');
  const parts = no.map((t) => {
    const d = withRefs(t, lang);
    return `${d[0]!.toLowerCase()}${d.slice(1)}`;
  });
  return parts.join(lang === 'da' ? ', og ' : ', and ');
}

/** A doubt that sets what the writer is aside: the writer supplies a provider, or asks about another party. */
const setsWriterAside = (d: { reason: string }) => d.reason === 'for_provider' || d.reason === 'asked_party';

/** The provider's counts decide, not the writer's: the writer supplies it, or asks about it. */
function forProvider(input: ComposeInput): boolean {
  return (input.doubts ?? []).some(setsWriterAside);
}

/** "Det afhænger af, hvor mange slutbrugere …": what a needs-facts answer waits for. */
function dependsOn(a: Answer, lang: Language, provider: boolean): string {
  const keys = a.missing_facts.slice(0, 2) as FactKey[];
  const what = keys.map((k) => ((provider && DEPENDS_ON_PROVIDER[k]) || DEPENDS_ON[k])[lang]);
  return H.dependsOn[lang](what.join(lang === 'da' ? ' og ' : ' and '));
}

/** The first sentence: the answer to the question as asked. */
function headline(a: Answer, traces: CheckTrace[], input: ComposeInput): string {
  const lang = a.language;
  const q = input.question;
  const form = q?.form ?? 'coverage';
  const existing = isExistingAgreement(a.facts, a.as_of);
  if (a.verdict === 'informational') {
    const row = input.direct?.row;
    if (row) return row[lang];
    const open = input.direct?.open;
    if (open?.length)
      return open
        .slice(0, 2)
        .map((r) => r[lang])
        .join(' ');
    const deadline = traces.find((t) => t.id === 'court_deadline');
    if (deadline && deadline.result !== 'unknown') {
      const d = sentence(withRefs(deadline, lang));
      if (a.direct_answer === 'yes') return `${H.yes[lang]} ${d}`;
      if (a.direct_answer === 'no') return `${H.no[lang]} ${d}`;
      return d;
    }
    // "Are we still in time?" without the day the decision was notified: that day decides (§ 7, stk. 2).
    if (deadline && a.direct_answer === 'depends') return H.deadlineDepends[lang];
    const lead = a.citations[0];
    const explained = lead ? input.explain?.(lead.source, lead.ref, lang) : undefined;
    if (explained) return explained;
    if (lead) {
      const where = lead.source === 'lov-1156-2021' ? lead.ref : T.guidanceName[lang];
      const words = lang === 'en' && lead.quote_en ? lead.quote_en : lead.quote;
      return H.leadUnit[lang](where, gist(words, 220));
    }
    return T.sourcesSay[lang];
  }
  // A prohibition already made answers "may we?" with no and "does it stop us?" with yes.
  if (q?.prohibited && (form === 'permission' || form === 'obstacle'))
    return `${form === 'permission' ? H.no[lang] : H.yes[lang]} ${H.prohibited[lang]}`;
  if (a.verdict === 'needs_facts') return dependsOn(a, lang, forProvider(input));
  if (a.verdict === 'not_covered') {
    const why = failing(traces, lang);
    if (form === 'permission' && q?.prohibited !== true)
      return H.notStopped[lang](subject(a, lang), act(a, q), object(a, lang), why);
    if (form === 'obstacle' && q?.prohibited !== true)
      return H.nothingInWay[lang](act(a, q), object(a, lang), why);
    if (form === 'cfcs_power') return H.cfcsCannot[lang](why);
    if (a.topic === 'provider_status') return H.notProvider[lang](why);
    return H.notCovered[lang](
      a.topic === 'equipment_purchase' ? H.thePurchase[lang] : H.theAgreement[lang],
      why,
    );
  }
  // covered
  const litra = traces.find((t) => t.id === 'significant_provider')?.citations.join('; ') ?? '§ 1, nr. 3';
  if (a.topic === 'provider_status') return H.isProvider[lang](litra);
  const power = existing ? H.mayForbidKeep[lang] : H.mayForbidEnter[lang];
  if (a.direct_answer === 'depends') return `${H.dependsOnCfcs[lang]} ${power}`;
  if (form === 'permission') return H.allowedCovered[lang](act(a, q), power);
  if (form === 'obstacle') return H.notForbiddenCovered[lang](power);
  return `${H.yes[lang]} ${H.agreementCovered[lang]} ${power}`;
}

export function composeAnswerText(input: ComposeInput): string {
  const { answer: a, traces, injected } = input;
  const lang = a.language;
  const lines: string[] = [];
  if (a.verdict === 'out_of_scope') {
    if (injected) lines.push(T.injection[lang]);
    lines.push(T.outOfScope[lang]);
    return lines.join('\n\n');
  }
  const asksHuman = a.topic === 'escalation_request' || a.escalation === 'required';
  const head = asksHuman && traces.length === 0 ? '' : headline(a, traces, input);
  if (head) lines.push(head);
  // The second subject: what follows for the purchase or agreement the thread is about.
  const p = input.purchase;
  if (p && p.verdict === 'not_covered')
    lines.push(H.purchaseNot[lang](object({ ...a, topic: p.topic }, lang), failing(p.checks, lang)));
  else if (p && p.verdict === 'covered')
    lines.push(H.purchaseCovered[lang](object({ ...a, topic: p.topic }, lang)));
  if (asksHuman) lines.push(T.escalationRequired[lang]);
  if (injected) lines.push(T.injection[lang]);

  // Only the reasons that decide: for covered the conditions that make it so; for needs_facts what is
  // open; for not_covered the headline already gave the failing checks.
  const deciding = traces.filter((t) => DECIDING.has(t.id));
  let reasons: CheckTrace[] = [];
  if (a.verdict === 'covered')
    reasons = deciding.filter(
      (t) => t.result === 'yes' && !(t.id === 'territorial_scope' && t.facts_used.length === 0),
    );
  // A fact read in doubt is shown with its words below, not as "not known".
  if (a.verdict === 'needs_facts' && !(input.doubts ?? []).length)
    reasons = deciding.filter((t) => t.result === 'unknown');
  if (reasons.length)
    lines.push([T.reasoning[lang], ...reasons.map((t) => `• ${sentence(withRefs(t, lang))}`)].join('\n'));
  const risk = traces.find((t) => t.id === 'supplier_risk');
  if (a.verdict === 'covered' && a.topic !== 'provider_status' && risk?.result === 'yes')
    lines.push([H.factorsIntro[lang], `• ${sentence(withRefs(risk, lang))}`].join('\n'));
  // The writer supplies a provider: what the writer is was set aside, so say why, and ask the provider's.
  const provider = forProvider(input);
  const doubts = (input.doubts ?? []).filter((d) => a.missing_facts.includes(d.fact) || setsWriterAside(d));
  if (a.verdict === 'needs_facts' && doubts.length)
    lines.push(doubts.map((d) => H.doubt[lang](d)).join('\n'));
  const ask = (k: FactKey) => ((provider && ASK_PROVIDER_FOR[k]) || ASK_FOR[k])[lang];
  if (a.verdict === 'needs_facts' && a.missing_facts.length)
    lines.push([T.missingIntro[lang], ...a.missing_facts.map((k) => `• ${ask(k as FactKey)}`)].join('\n'));

  // Informational answers: the units themselves, most relevant first.
  if (a.verdict === 'informational' && a.citations.length) {
    const shown = a.citations.filter(
      (c) => !a.citations.some((o) => o !== c && o.source === c.source && c.ref.startsWith(`${o.ref},`)),
    );
    const quoted = shown.slice(0, 3).map((c) => {
      const where = c.source === 'lov-1156-2021' ? c.ref : `${T.guidanceName[lang]}, ${c.ref}`;
      const words = lang === 'en' && c.quote_en ? `${gist(c.quote_en)} ${T.unofficial.en}` : gist(c.quote);
      return `• ${where}: «${words}»`;
    });
    lines.push([T.sourcesSay[lang], ...quoted].join('\n'));
  }

  // What to do next, for this person.
  const next: string[] = [];
  const camera = a.facts.component === 'surveillance_camera' && a.topic !== 'guidance';
  if (camera) next.push(risk?.result === 'no' ? T.guidanceNoConcern[lang] : T.guidanceCare[lang]);
  if (a.verdict === 'covered' && a.topic !== 'provider_status') next.push(T.cfcsDecides[lang]);
  // What being, or not being, a significant provider means in practice.
  if (a.topic === 'provider_status' && a.verdict === 'covered' && !input.purchase)
    next.push(H.whatCoveredMeans[lang]);
  if (a.topic === 'provider_status' && a.verdict === 'not_covered') {
    const sp = traces.find((t) => t.id === 'significant_provider');
    if (sp?.result === 'no' && a.facts.organisation_type === 'telecom_provider')
      next.push(H.whenCovered[lang]);
  }
  const deadline = traces.find((t) => t.id === 'court_deadline');
  if (deadline?.result === 'yes' && deadline.deadline) next.push(H.fileBy[lang](deadline.detail[lang]));
  if (a.verdict === 'needs_facts') next.push(H.answerAbove[lang]);
  if (a.escalation === 'offered') next.push(T.escalationOffered[lang]);
  if (next.length) lines.push([H.nextSteps[lang], ...next.map((n) => `• ${n}`)].join('\n'));

  const refs = refList(a, lang);
  if (refs) lines.push(`${T.reliesOn[lang]}: ${refs}.`);
  return lines.join('\n\n');
}
