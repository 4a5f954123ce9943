/**
 * A memo to file: what a public buyer puts in the case file when relying on the advisor's answer. Built
 * from the answer object alone (and the turns as asked), in the answer's language, as a list of sections
 * that the PDF and the Markdown renderers both lay out: the question, the facts and where each came from,
 * the deciding checks, the verdict and the direct answer, the units relied on (verbatim), what the
 * guidance advises, the standing note that this is guidance and not a decision, and the provenance.
 */
import type { Answer, ContractCheck, Language } from '../../guardrails/contract.js';
import { FACT_KEYS, type FactKey } from '../../guardrails/facts.js';
import { registers } from '../../knowledge/registers.js';
import { T as ANSWER_TEXTS } from '../compose/texts.js';
import { currentProvenance } from '../provenance.js';
import { OPTION_LABEL } from '../slack/coverage.js';
import { CHECK_LABEL, FACT_LABEL, RESULT_WORD, T as SLACK_TEXTS, VERDICT_LABEL } from '../slack/texts.js';

export const READING_SOURCES = ['said', 'assumed', 'register', 'corrected'] as const;
export type ReadingSource = (typeof READING_SOURCES)[number];

/** One fact and where it came from (answer contract v2, `understood`). */
export interface Reading {
  fact: string;
  value: unknown;
  source: ReadingSource;
  span: string;
}

export type DirectAnswer = 'yes' | 'no' | 'depends' | null;

/** The fields of answer contract v2 this module reads when they are there. */
type AnswerV2 = Answer & { understood?: Reading[]; direct_answer?: DirectAnswer };

export type MemoBlock =
  | { kind: 'para'; text: string; lead?: string; small?: boolean }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'subheading'; text: string }
  | { kind: 'facts'; head: [string, string, string]; rows: [string, string, string][] }
  | { kind: 'check'; title: string; result: string; refs: string; reason: string; deciding: boolean }
  | { kind: 'quote'; ref: string; source: string; text: string; english?: string; englishLabel?: string }
  | { kind: 'fields'; rows: [string, string][] };

export interface MemoSection {
  heading: string;
  blocks: MemoBlock[];
}

export interface Memo {
  language: Language;
  title: string;
  subtitle: string;
  /** Date of the memo and the date the law was applied at. */
  dateLine: string;
  sections: MemoSection[];
  /** The short line at the foot of each page (`{page}` and `{pages}` are filled in by the renderer). */
  footer: string;
  /** A file name for it, without extension. */
  fileName: string;
}

export interface MemoInput {
  answer: Answer;
  /** The person's messages in the thread, oldest first, the last one answered (default: none known). */
  turns?: string[];
  /** Facts the person set by a correction (the coverage form), when the answer has no readings of its own. */
  corrected?: Record<string, unknown>;
  /** The answer's id and time (default: from its provenance, else none / now). */
  answerId?: string;
  at?: string;
}

const STATUTE = 'lov-1156-2021';

const L = {
  da: {
    title: 'Notat om leverandørsikkerhed',
    subtitle:
      'Vurdering efter lov nr. 1156 af 8. juni 2021 om leverandørsikkerhed i den kritiske teleinfrastruktur',
    date: (d: string, asOf: string) => `Dato: ${d} · Loven er anvendt pr. ${asOf}`,
    question: 'Spørgsmålet, som det blev stillet',
    noTurns: '(spørgsmålet er ikke gemt)',
    facts: 'Oplysninger lagt til grund',
    factsHead: ['Oplysning', 'Værdi', 'Kilde'] as [string, string, string],
    noFacts: 'Der er ikke lagt konkrete oplysninger til grund.',
    source: { said: 'oplyst', assumed: 'antaget', register: 'fra register', corrected: 'rettet' },
    missing: 'Oplysninger, der mangler for at afgøre spørgsmålet',
    checks: 'Afgørende vurderinger',
    otherChecks: 'Øvrige vurderinger',
    noChecks: 'Spørgsmålet handler om, hvad reglerne siger, ikke om loven gælder; der er ingen vurderinger.',
    deciding: 'afgørende',
    refs: 'Hjemmel',
    outcome: 'Resultat',
    verdict: 'Vurdering',
    direct: 'Kort svar',
    answer: 'Svar',
    directWord: {
      yes: 'Ja',
      no: 'Nej',
      depends: 'Det afhænger af omstændighederne',
      none: 'Ikke et ja/nej-spørgsmål',
    },
    units: 'Bestemmelser, der er lagt vægt på (ordret)',
    noUnits: 'Svaret bygger ikke på bestemte bestemmelser.',
    guidance: 'Hvad vejledningen råder til',
    noGuidance:
      'Forsvarsministerens svar på spørgsmål nr. 485 (FE/CFCS om overvågningskameraer) er ikke inddraget i dette svar.',
    english: 'Uofficiel engelsk gengivelse',
    note: 'Bemærk',
    noteText:
      'Dette notat gengiver vejledning fra en rådgivningstjeneste på grundlag af lovens ordlyd og FE/CFCS’ bemærkninger i svar på spørgsmål nr. 485. Det er ikke en afgørelse fra Center for Cybersikkerhed (CFCS) og binder ikke CFCS; kun CFCS kan træffe afgørelse efter loven, og vurderingen af en leverandørs sikkerhedsrisiko er CFCS’. Den, der træffer beslutningen, har selv ansvaret for den.',
    provenance: 'Sporbarhed',
    knowledge: 'Videngrundlag (hash)',
    rules: 'Regelversion',
    answerId: 'Svar-id',
    at: 'Tidspunkt for svaret',
    unknown: 'ukendt',
    footer: 'Notat {id} · side {page} af {pages}',
    file: 'notat',
  },
  en: {
    title: 'Memo on supplier security',
    subtitle:
      'Assessment under Act no. 1156 of 8 June 2021 on supplier security in critical telecommunications infrastructure',
    date: (d: string, asOf: string) => `Date: ${d} · Law applied as of ${asOf}`,
    question: 'The question as asked',
    noTurns: '(the question was not kept)',
    facts: 'Facts as understood',
    factsHead: ['Fact', 'Value', 'Source'] as [string, string, string],
    noFacts: 'No particular facts were relied on.',
    source: { said: 'said', assumed: 'assumed', register: 'from a register', corrected: 'corrected' },
    missing: 'Facts missing to decide the question',
    checks: 'Deciding checks',
    otherChecks: 'Other checks',
    noChecks: 'The question asks what the rules say, not whether the act applies; no checks were made.',
    deciding: 'deciding',
    refs: 'Legal basis',
    outcome: 'Outcome',
    verdict: 'Verdict',
    direct: 'Direct answer',
    answer: 'Answer',
    directWord: { yes: 'Yes', no: 'No', depends: 'It depends', none: 'Not a yes/no question' },
    units: 'Provisions relied on (verbatim, Danish original)',
    noUnits: 'The answer does not rest on particular provisions.',
    guidance: 'What the guidance advises',
    noGuidance:
      "The Defence Minister's answer to parliamentary question no. 485 (FE/CFCS on surveillance cameras) was not relied on for this answer.",
    english: 'Unofficial English rendering',
    note: 'Note',
    noteText:
      "This memo records guidance from an advisory service, based on the wording of the act and the FE/CFCS statement in the answer to parliamentary question no. 485. It is not a decision by the Centre for Cyber Security (CFCS) and does not bind CFCS; only CFCS can make decisions under the act, and the assessment of a supplier's security risk is CFCS's. Whoever makes the decision remains responsible for it.",
    provenance: 'Provenance',
    knowledge: 'Knowledge (content hash)',
    rules: 'Rules version',
    answerId: 'Answer id',
    at: 'Time of the answer',
    unknown: 'unknown',
    footer: 'Memo {id} · page {page} of {pages}',
    file: 'memo',
  },
} as const;

export const MEMO_TEXTS = L;

function formatDate(iso: string, lang: Language): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }).format(d);
}

function valueText(fact: string, v: unknown, lang: Language): string {
  if (typeof v === 'boolean') return RESULT_WORD[lang][v ? 'yes' : 'no'];
  if (typeof v === 'number') return v.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB');
  const s = String(v);
  if (fact === 'supplier_country') {
    const c = registers().country(s);
    return c ? `${s} (${lang === 'da' ? c.name_da : c.name_en})` : s;
  }
  if (fact === 'supplier' || fact.endsWith('_date')) return s;
  return OPTION_LABEL[lang][s] ?? s;
}

/**
 * The readings of an answer: its `understood` when the pipeline gives one (contract v2), a fact the audit
 * log records as set in the coverage form marked as corrected (the pipeline sees it only as carried over);
 * otherwise each
 * fact, read as said, except where the turns do not show it: a supplier's country that the supplier
 * register gives, and Denmark as the territory when nothing points elsewhere (also when the territorial
 * check assumed it without a fact for it).
 */
export function readingsOf(
  answer: Answer,
  turns: readonly string[],
  corrected: Record<string, unknown> = {},
): Reading[] {
  const form = (r: Reading): Reading =>
    r.fact in corrected && corrected[r.fact] === r.value && r.source !== 'corrected'
      ? {
          ...r,
          source: 'corrected',
          span: answer.language === 'da' ? 'angivet i formularen' : 'given in the form',
        }
      : r;
  // (an answer stored before contract v2 reads as one without readings: then they are worked out here)
  const given = (answer as AnswerV2).understood;
  if (Array.isArray(given) && (given.length > 0 || Object.keys(answer.facts).length === 0))
    return given.map(form);
  const text = turns.join(' ');
  const out: Reading[] = [];
  for (const key of FACT_KEYS) {
    const value = answer.facts[key];
    if (value === undefined) continue;
    let source: ReadingSource = 'said';
    let span = '';
    if (key in corrected && corrected[key] === value) {
      source = 'corrected';
      span = answer.language === 'da' ? 'angivet i formularen' : 'given in the form';
    } else if (key === 'territory' && value === 'DK' && !/danmark|denmark|dansk|danish/i.test(text)) {
      source = 'assumed';
      span =
        answer.language === 'da'
          ? 'Danmark, da intet peger på Færøerne eller Grønland'
          : 'Denmark, as nothing points to the Faroe Islands or Greenland';
    } else if (key === 'supplier_country' && typeof answer.facts.supplier === 'string') {
      const s = registers().supplierByName(answer.facts.supplier);
      const c = registers().country(String(value));
      const named =
        c && [c.name_da, c.name_en, ...c.aliases].some((n) => text.toLowerCase().includes(n.toLowerCase()));
      if (s?.country === value && !named) {
        source = 'register';
        span = `suppliers.yaml: ${s.id}`;
      }
    }
    out.push({ fact: key, value, source, span });
  }
  const territorial = answer.checks.find((c) => c.id === 'territorial_scope');
  if (answer.facts.territory === undefined && territorial?.result === 'yes')
    out.push({ fact: 'territory', value: 'DK', source: 'assumed', span: territorial.detail });
  return out;
}

/** Whether a check decided the verdict (the others are shown as context). */
function isDeciding(answer: Answer, c: ContractCheck): boolean {
  if (answer.verdict === 'not_covered') return c.result === 'no';
  if (answer.verdict === 'needs_facts') return c.result === 'unknown';
  if (answer.verdict === 'covered') return c.id !== 'supplier_risk' && c.id !== 'court_deadline';
  return true;
}

/**
 * The answer's text for the file: without the list of reasons (the checks have a section of their own) and
 * without the offers to hand over to an adviser, which are for the chat, not the file.
 */
function answerText(answer: Answer): string {
  const lang = answer.language;
  const head = ANSWER_TEXTS.reasoning[lang];
  const chat = new Set([ANSWER_TEXTS.escalationOffered[lang], ANSWER_TEXTS.escalationRequired[lang]]);
  // the chat's shortened quotes: the memo quotes the units whole, below
  const shortQuotes = ANSWER_TEXTS.sourcesSay[lang];
  return answer.answer
    .split('\n\n')
    .filter((p) => (answer.checks.length === 0 || !p.startsWith(head)) && !p.startsWith(shortQuotes))
    .map((p) => {
      // a prompt to hand over, alone or as one of the next steps
      const lines = p.split('\n').filter((l) => !chat.has(l.replace(/^•\s*/, '').trim()));
      return lines.length === 1 && /:$/.test(lines[0]!) ? '' : lines.join('\n');
    })
    .filter((p) => p.trim() !== '')
    .join('\n\n')
    .trim();
}

export function buildMemo(input: MemoInput): Memo {
  const a = input.answer as AnswerV2;
  const lang = a.language;
  const t = L[lang];
  const prov = a.provenance ?? currentProvenance();
  const answerId = input.answerId ?? prov.answer_id ?? '';
  const at = input.at ?? prov.at ?? new Date().toISOString();
  const turns = input.turns ?? [];
  const sections: MemoSection[] = [];

  sections.push({
    heading: t.question,
    blocks:
      turns.length === 0
        ? [{ kind: 'para', text: t.noTurns }]
        : [{ kind: 'list', ordered: turns.length > 1, items: turns.map((s) => s.trim()) }],
  });

  const readings = readingsOf(a, turns, input.corrected);
  const factBlocks: MemoBlock[] =
    readings.length === 0
      ? [{ kind: 'para', text: t.noFacts }]
      : [
          {
            kind: 'facts',
            head: t.factsHead,
            rows: readings.map((r) => [
              FACT_LABEL[lang][r.fact as FactKey] ?? r.fact,
              valueText(r.fact, r.value, lang),
              r.span ? `${t.source[r.source]}: “${r.span}”` : t.source[r.source],
            ]),
          },
        ];
  if (a.verdict === 'needs_facts' && a.missing_facts.length > 0) {
    factBlocks.push({
      kind: 'para',
      lead: `${t.missing}: `,
      text: a.missing_facts.map((k) => FACT_LABEL[lang][k as FactKey] ?? k).join(', '),
    });
  }
  sections.push({ heading: t.facts, blocks: factBlocks });

  const checkBlock = (c: ContractCheck): MemoBlock => ({
    kind: 'check',
    title: CHECK_LABEL[lang][c.id],
    result: RESULT_WORD[lang][c.result] + (c.deadline ? ` (${c.deadline})` : ''),
    // a risk check that found factors rests on them; otherwise on the units it cites
    refs: (c.factors?.length ? c.factors : c.citations).join('; '),
    reason: c.detail.charAt(0).toLocaleUpperCase(lang) + c.detail.slice(1),
    deciding: isDeciding(a, c),
  });
  const deciding = a.checks.filter((c) => isDeciding(a, c));
  const others = a.checks.filter((c) => !isDeciding(a, c));
  sections.push({
    heading: t.checks,
    blocks:
      a.checks.length === 0
        ? [{ kind: 'para', text: t.noChecks }]
        : [
            ...deciding.map(checkBlock),
            ...(others.length ? [{ kind: 'subheading' as const, text: t.otherChecks }] : []),
            ...others.map(checkBlock),
          ],
  });

  const outcome: [string, string][] = [[t.verdict, VERDICT_LABEL[lang][a.verdict]]];
  if (a.direct_answer !== undefined) outcome.push([t.direct, t.directWord[a.direct_answer ?? 'none']]);
  sections.push({
    heading: t.outcome,
    blocks: [
      { kind: 'fields', rows: outcome },
      { kind: 'para', lead: `${t.answer}: `, text: answerText(a) },
    ],
  });

  const quote = (c: Answer['citations'][number]): MemoBlock => ({
    kind: 'quote',
    ref: c.ref,
    source: c.source === STATUTE ? SLACK_TEXTS[lang].lawName : SLACK_TEXTS[lang].answerName,
    text: c.quote,
    ...(lang === 'en' && c.quote_en ? { english: c.quote_en, englishLabel: t.english } : {}),
  });
  const statute = a.citations.filter((c) => c.source === STATUTE);
  const guidance = a.citations.filter((c) => c.source !== STATUTE);
  sections.push({
    heading: t.units,
    blocks: statute.length === 0 ? [{ kind: 'para', text: t.noUnits }] : statute.map(quote),
  });
  sections.push({
    heading: t.guidance,
    blocks: guidance.length === 0 ? [{ kind: 'para', text: t.noGuidance }] : guidance.map(quote),
  });
  sections.push({ heading: t.note, blocks: [{ kind: 'para', text: t.noteText }] });
  sections.push({
    heading: t.provenance,
    blocks: [
      {
        kind: 'fields',
        rows: [
          [t.knowledge, prov.knowledge],
          [
            t.rules,
            prov.rules.commit ? `${prov.rules.version}, commit ${prov.rules.commit}` : prov.rules.version,
          ],
          [t.answerId, answerId || t.unknown],
          [t.at, at],
        ],
      },
    ],
  });

  return {
    language: lang,
    title: t.title,
    subtitle: t.subtitle,
    dateLine: t.date(formatDate(at, lang), a.as_of),
    sections,
    footer: t.footer.replace('{id}', answerId || t.unknown),
    fileName: `${t.file}-${answerId || a.as_of}`,
  };
}
