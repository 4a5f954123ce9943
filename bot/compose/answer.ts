/**
 * The reply a person reads, composed from the verdict, the checks' explanations, the facts that
 * decided, what is missing (asked as a question), the units relied on, and what follows.
 * Plain language first, references after; never a dump of fields.
 */
import type { Answer, Language } from '../../guardrails/contract.js';
import type { CheckTrace } from '../../guardrails/evaluate.js';
import { type FactKey, isExistingAgreement } from '../../guardrails/facts.js';
import type { KnowledgeBase } from '../../knowledge/index.js';
import { ASK_FOR, T } from './texts.js';

export interface ComposeInput {
  answer: Answer;
  traces: CheckTrace[];
  kb: KnowledgeBase;
  injected: boolean;
}

/** Capitalised, with a full stop: a check's one-line detail made a sentence. */
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
  const guidance = a.citations.some((c) => c.source === 'spm-485-2022');
  const parts = [...statute];
  if (guidance)
    parts.push(lang === 'da' ? 'svar på spørgsmål nr. 485 (2022)' : 'the answer to question no. 485 (2022)');
  return parts.join('; ');
}

function headline(a: Answer, traces: CheckTrace[], lang: Language): string {
  const da = lang === 'da';
  const no = traces.filter((t) => t.result === 'no' && t.id !== 'supplier_risk' && t.id !== 'court_deadline');
  switch (a.verdict) {
    case 'covered':
      if (a.topic === 'provider_status') {
        return da
          ? 'Ja. Efter det oplyste er I en væsentlig erhvervsmæssig udbyder efter § 1, nr. 3, og loven om leverandørsikkerhed gælder for jer.'
          : 'Yes. On the facts given you are a significant provider under § 1, nr. 3, and the supplier security act applies to you.';
      }
      if (isExistingAgreement(a.facts, a.as_of)) {
        return da
          ? 'Ja. Aftalen er omfattet af loven: CFCS kan i særlige tilfælde forbyde jer at opretholde den eller at anvende det leverede, hvis det vurderes at udgøre en væsentlig trussel mod statens sikkerhed (§ 3, stk. 1 og 2).'
          : 'Yes. The agreement is covered by the act: CFCS may in special cases forbid you to keep it, or to use what was delivered, if that is judged a significant threat to national security (§ 3, stk. 1 and 2).';
      }
      return da
        ? 'Ja. Aftalen er omfattet af loven: CFCS kan i særlige tilfælde forbyde jer at indgå den, hvis den vurderes at udgøre en trussel mod statens sikkerhed (§ 2, stk. 1).'
        : 'Yes. The agreement is covered by the act: CFCS may in special cases forbid you to enter into it if it is judged a threat to national security (§ 2, stk. 1).';
    case 'not_covered': {
      // The first check that rules it out, in a sentence; the reasoning below lists them all.
      const why = no[0] ? sentence(no[0].detail[lang]) : '';
      return da
        ? `Nej. Loven om leverandørsikkerhed gælder ikke her. ${why}`
        : `No. The supplier security act does not apply here. ${why}`;
    }
    case 'needs_facts':
      return da
        ? 'Det kan jeg ikke afgøre endnu ud fra det oplyste.'
        : 'I cannot decide that yet from what you have told me.';
    case 'informational':
      return da ? 'Her er, hvad kilderne siger.' : 'Here is what the sources say.';
    case 'out_of_scope':
      return T.outOfScope[lang];
  }
}

export function composeAnswerText({ answer: a, traces, injected }: ComposeInput): string {
  const lang = a.language;
  const da = lang === 'da';
  const lines: string[] = [];
  if (injected) lines.push(T.injection[lang]);
  if (a.topic === 'escalation_request' || a.escalation === 'required') lines.push(T.escalationRequired[lang]);
  if (a.verdict === 'out_of_scope') {
    lines.push(T.outOfScope[lang]);
    return lines.join('\n\n');
  }
  if (!(a.topic === 'escalation_request' && traces.length === 0)) lines.push(headline(a, traces, lang));

  // The reasoning: the checks that were evaluated, each in one line.
  const reasoning = traces.filter((t) => t.id !== 'court_deadline' || a.topic === 'procedure');
  if (reasoning.length > 0) {
    lines.push(
      [T.reasoning[lang], ...reasoning.map((t) => `• ${t.detail[lang]} (${t.citations.join('; ')})`)].join(
        '\n',
      ),
    );
  }
  if (a.verdict === 'needs_facts' && a.missing_facts.length) {
    lines.push(
      [T.missingIntro[lang], ...a.missing_facts.map((k) => `• ${ASK_FOR[k as FactKey][lang]}`)].join('\n'),
    );
  }

  // Informational answers: the units themselves, shortened, with their refs.
  if (a.verdict === 'informational' && a.citations.length) {
    // A unit whose enclosing unit is quoted is already in that quote.
    const shown = a.citations.filter(
      (c) => !a.citations.some((o) => o !== c && o.source === c.source && c.ref.startsWith(`${o.ref},`)),
    );
    const quoted = shown.slice(0, 4).map((c) => {
      const where =
        c.source === 'lov-1156-2021'
          ? c.ref
          : da
            ? `Svar på spm. 485, ${c.ref}`
            : `Answer to question 485, ${c.ref}`;
      const words = lang === 'en' && c.quote_en ? `${gist(c.quote_en)} ${T.unofficial.en}` : gist(c.quote);
      return `• ${where}: «${words}»`;
    });
    lines.push([T.sourcesSay[lang], ...quoted].join('\n'));
  }

  // Surveillance equipment: the guidance, and no ban.
  const camera = a.facts.component === 'surveillance_camera' && a.topic !== 'guidance';
  if (camera) {
    lines.push(T.noBanInSources[lang]);
    // FE's care is aimed at suppliers from outside Denmark's security-policy circle: say so when the
    // supplier is known to be inside it, and otherwise state the guidance as it is.
    const risk = traces.find((t) => t.id === 'supplier_risk')?.result;
    lines.push(risk === 'no' ? T.guidanceNoConcern[lang] : T.guidanceCare[lang]);
  }

  if (a.verdict === 'covered' && a.topic !== 'provider_status') lines.push(T.cfcsDecides[lang]);
  if (a.escalation === 'offered') lines.push(T.escalationOffered[lang]);
  const refs = refList(a, lang);
  if (refs) lines.push(`${T.reliesOn[lang]}: ${refs}.`);
  return lines.join('\n\n');
}
