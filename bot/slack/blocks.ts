/**
 * Block Kit built from the answer object (and the case, home and modal views). Block Kit's limits are
 * enforced here, so whatever the pipeline returns, Slack accepts the message: at most 50 blocks per message
 * (100 per view), section text ≤ 3000, header ≤ 150, button text ≤ 75, button value ≤ 2000, context ≤ 10
 * elements, actions ≤ 25 elements. Long texts are cut at a word boundary with an ellipsis.
 */

import type { types } from '@slack/bolt';
import type { Answer, Citation, Language } from '../../guardrails/contract.js';
import { FACT_KEYS, type Facts } from '../../guardrails/facts.js';
import { knowledge } from '../../knowledge/index.js';
import { T as ANSWER_TEXTS } from '../compose/texts.js';
import { understoodLine } from '../compose/understood.js';
import { MEMO_BUTTON, memoOffered, provenanceLine } from '../memo/slack.js';
import type { Case } from '../store/index.js';
import { escapeText } from './escape.js';
import {
  CHECK_LABEL,
  EXAMPLE_QUESTIONS,
  FACT_LABEL,
  RESULT_ICON,
  RESULT_WORD,
  T,
  usageText,
  VERDICT_LABEL,
} from './texts.js';

export type Block = types.KnownBlock;
export type Button = types.Button;

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  contextElements: 10,
  contextText: 2000,
  actionsElements: 25,
  fallbackText: 3000,
  viewTitle: 24,
  inputLabel: 2000,
  optionText: 75,
} as const;

/** Folded quotes show this many characters; the rest is behind a "show all" button. */
export const QUOTE_FOLD = 600;

/** Cuts to at most `max` characters (UTF-16 units), preferring a word boundary, ending with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  let cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.8) cut = cut.slice(0, space);
  // never leave half a surrogate pair or half an HTML entity behind
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/&[a-z]{0,4}$/, '');
  return `${cut.trimEnd()}…`;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters (see escape.ts). */
export const escapeMrkdwn = escapeText;

/** Splits a long text into pieces of at most `max` characters, at paragraph, line or word boundaries. */
export function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let at = window.lastIndexOf('\n\n');
    if (at < max * 0.5) at = window.lastIndexOf('\n');
    if (at < max * 0.5) at = window.lastIndexOf(' ');
    if (at < max * 0.5) at = max;
    if (/[\uD800-\uDBFF]/.test(rest.charAt(at - 1))) at -= 1;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0) out.push(rest);
  return out;
}

const mrkdwn = (text: string): types.MrkdwnElement => ({
  type: 'mrkdwn',
  text: truncate(text, LIMITS.sectionText),
});
const plain = (text: string, max: number): types.PlainTextElement => ({
  type: 'plain_text',
  text: truncate(text, max),
  emoji: true,
});
const section = (text: string, accessory?: types.Button): types.SectionBlock =>
  accessory === undefined
    ? { type: 'section', text: mrkdwn(text) }
    : { type: 'section', text: mrkdwn(text), accessory };
const context = (...texts: string[]): types.ContextBlock => ({
  type: 'context',
  elements: texts
    .slice(0, LIMITS.contextElements)
    .map((t) => ({ type: 'mrkdwn', text: truncate(t, LIMITS.contextText) })),
});

export function button(
  actionId: string,
  text: string,
  value: string,
  style?: 'primary' | 'danger',
): types.Button {
  const b: types.Button = {
    type: 'button',
    action_id: actionId,
    text: plain(text, LIMITS.buttonText),
    value: value.slice(0, LIMITS.buttonValue),
  };
  if (style !== undefined) b.style = style;
  return b;
}

/**
 * Makes any list of blocks acceptable to Slack: truncates texts, caps element counts and, when there are
 * too many blocks, drops from the middle while keeping the first block and a trailing actions block.
 */
export function enforceBlockLimits(blocks: Block[], maxBlocks: number = LIMITS.messageBlocks): Block[] {
  const fixed = blocks.map(fixBlock);
  if (fixed.length <= maxBlocks) return fixed;
  // the buttons at the end (actions, then the feedback's context_actions) are kept
  let tail = 0;
  while (
    tail < 2 &&
    tail < fixed.length &&
    ['actions', 'context_actions'].includes(fixed[fixed.length - 1 - tail]!.type)
  )
    tail++;
  return [...fixed.slice(0, maxBlocks - tail), ...fixed.slice(fixed.length - tail)];
}

function fixText<E extends types.PlainTextElement | types.MrkdwnElement>(t: E, max: number): E {
  return { ...t, text: truncate(t.text, max) };
}

function fixButton(b: types.Button): types.Button {
  return {
    ...b,
    text: fixText(b.text, LIMITS.buttonText),
    ...(b.value === undefined ? {} : { value: b.value.slice(0, LIMITS.buttonValue) }),
  };
}

function fixBlock(block: Block): Block {
  switch (block.type) {
    case 'header':
      return { ...block, text: fixText(block.text, LIMITS.headerText) };
    case 'section': {
      const out: types.SectionBlock = { ...block };
      if (out.text !== undefined) out.text = fixText(out.text, LIMITS.sectionText);
      if (out.fields !== undefined) out.fields = out.fields.slice(0, 10).map((f) => fixText(f, 2000));
      if (out.accessory?.type === 'button') out.accessory = fixButton(out.accessory);
      return out;
    }
    case 'context':
      return {
        ...block,
        elements: block.elements
          .slice(0, LIMITS.contextElements)
          .map((e) => (e.type === 'mrkdwn' || e.type === 'plain_text' ? fixText(e, LIMITS.contextText) : e)),
      };
    case 'actions':
      return {
        ...block,
        elements: block.elements
          .slice(0, LIMITS.actionsElements)
          .map((e) => (e.type === 'button' ? fixButton(e) : e)),
      };
    default:
      return block;
  }
}

// ---- the answer ---------------------------------------------------------------------------------------

export function verdictLabel(answer: Pick<Answer, 'language' | 'verdict'>): string {
  return VERDICT_LABEL[answer.language][answer.verdict];
}

/** The plain-text fallback (`text`) of an answer message: the verdict first, then the answer. */
export function answerFallbackText(answer: Answer): string {
  return truncate(`${verdictLabel(answer)}: ${escapeText(answer.answer)}`, LIMITS.fallbackText);
}

function sourceName(lang: Language, source: Citation['source']): string {
  return source === 'lov-1156-2021' ? T[lang].lawName : T[lang].answerName;
}

/** The official publication's address (knowledge/texts/sources.yaml), when the source has one. */
export function sourceUrl(source: Citation['source']): string | undefined {
  const url = knowledge().sources.find((s) => s.id === source)?.url;
  // only an https address is linked: Slack's link markup would break on `|` or `>`
  return url && /^https:\/\/[^\s|<>]+$/.test(url) ? url : undefined;
}

/** The source's name, linked to its official publication when it has an address. */
function sourceLink(lang: Language, source: Citation['source']): string {
  const url = sourceUrl(source);
  return url === undefined ? sourceName(lang, source) : `<${url}|${sourceName(lang, source)}>`;
}

function quoteLines(text: string): string {
  return text
    .split('\n')
    .map((l) => `>${l}`)
    .join('\n');
}

/** One cited unit; `folded` when the quote is longer than QUOTE_FOLD. */
export function citationText(answer: Answer, c: Citation): { text: string; folded: boolean } {
  const t = T[answer.language];
  const showEn = answer.language === 'en' && c.quote_en !== undefined;
  const folded = c.quote.length > QUOTE_FOLD || (showEn && c.quote_en!.length > QUOTE_FOLD);
  const quote = (s: string) => escapeMrkdwn(s.length > QUOTE_FOLD ? truncate(s, QUOTE_FOLD) : s);
  let text = `*${escapeMrkdwn(c.ref)}* · ${sourceLink(answer.language, c.source)}\n${quoteLines(quote(c.quote))}`;
  if (showEn) text += `\n_Unofficial English:_ ${quote(c.quote_en!)}`;
  if (folded) text += `\n_${t.folded}_`;
  return { text, folded };
}

export interface AnswerBlockOptions {
  /** Stored id of the answer; carried by the buttons. */
  answerId: string;
  /** Omit the actions block (e.g. in an adviser post). */
  withActions?: boolean;
  /**
   * A private answer (a slash command's): it restates the question, which the asker cannot see anywhere
   * else, and offers "Del i kanalen" / "Share in channel".
   */
  private?: { question: string };
  /** Shown above the answer: who asked what (a shared answer, one about a chosen message). */
  lead?: string;
}

export function answerBlocks(answer: Answer, opts: AnswerBlockOptions): Block[] {
  const lang = answer.language;
  const t = T[lang];
  const max = LIMITS.messageBlocks;
  const withActions = opts.withActions ?? true;
  const tailSize = withActions ? 3 : 1;

  const head: Block[] = [];
  if (opts.lead !== undefined) head.push(section(opts.lead));
  if (opts.private !== undefined)
    head.push(
      section(`*${t.yourQuestion}*\n${quoteLines(escapeMrkdwn(truncate(opts.private.question, 2500)))}`),
    );
  head.push({ type: 'header', text: plain(verdictLabel(answer), LIMITS.headerText) });
  // The checks get a section of their own below, so the answer's own list of reasons is not repeated.
  const text =
    answer.checks.length > 0
      ? answer.answer
          .split('\n\n')
          .filter((p) => !p.startsWith(ANSWER_TEXTS.reasoning[lang]))
          .join('\n\n')
      : answer.answer;
  const answerParts = splitText(escapeMrkdwn(text), LIMITS.sectionText);
  for (const part of answerParts.slice(0, 3)) head.push(section(part));
  if (answerParts.length > 3) {
    const last = head.pop() as types.SectionBlock;
    head.push(
      section(truncate(`${last.text!.text}\n${answerParts.slice(3).join('\n')}`, LIMITS.sectionText)),
    );
  }

  // Only the checks that decide are shown; the rest are behind "Vis alle tjek" / "Show all checks".
  const deciding = decidingChecks(answer);
  if (deciding.length > 0) {
    const lines = deciding.map((c) => {
      const refs = c.citations.length > 0 ? ` (${c.citations.map(escapeMrkdwn).join('; ')})` : '';
      const extra =
        (c.factors && c.factors.length > 0 ? ` — ${c.factors.map(escapeMrkdwn).join(', ')}` : '') +
        (c.deadline ? ` — ${c.deadline}` : '');
      return `${RESULT_ICON[c.result]} *${CHECK_LABEL[lang][c.id]}*: ${RESULT_WORD[lang][c.result]}${extra}${refs}\n${escapeMrkdwn(c.detail)}`;
    });
    const chunks = packLines(lines, LIMITS.sectionText, `*${t.reasoning}*`);
    const room = 8;
    const shown = chunks.slice(0, room);
    for (const chunk of shown) head.push(section(chunk.text));
    const hidden = lines.length - shown.reduce((n, c) => n + c.lines, 0);
    if (hidden > 0) head.push(context(t.moreChecks(hidden)));
  }
  // What was read, and where from, so the person can see it and correct it.
  const read = understoodLine(answer);
  if (read) head.push(context(escapeMrkdwn(read)));
  if (answer.verdict === 'needs_facts' && answer.missing_facts.length > 0) {
    const names = answer.missing_facts.map(
      (k) => FACT_LABEL[lang][k as keyof (typeof FACT_LABEL)['da']] ?? k,
    );
    head.push(context(`${t.missing}: ${names.join(', ')}`));
  }

  const middle: Block[] = [];
  if (answer.citations.length > 0) {
    const room = max - head.length - tailSize - 2; // divider and a possible "more" note
    middle.push({ type: 'divider' });
    const shown = answer.citations.slice(0, Math.max(0, room));
    shown.forEach((c, i) => {
      const { text, folded } = citationText(answer, c);
      middle.push(
        section(text, folded ? button('quote_expand', t.showAll, `${opts.answerId}|${i}`) : undefined),
      );
    });
    if (answer.citations.length > shown.length)
      middle.push(context(t.moreCitations(answer.citations.length - shown.length)));
  }

  const tail: Block[] = [
    answer.provenance
      ? context(t.asOf(answer.as_of), provenanceLine(lang, answer.provenance, opts.answerId))
      : context(t.asOf(answer.as_of)),
  ];
  if (withActions)
    tail.push(
      answerActions(answer, opts.answerId, { shareable: opts.private !== undefined }),
      feedbackBlock(answer.language, opts.answerId),
    );
  return enforceBlockLimits([...head, ...middle, ...tail], max);
}

/** The checks, those that decided the verdict first (a `no` for not_covered, an `unknown` for needs_facts). */
export function decidingFirst(answer: Pick<Answer, 'verdict' | 'checks'>): Answer['checks'] {
  const decisive =
    answer.verdict === 'not_covered' ? 'no' : answer.verdict === 'needs_facts' ? 'unknown' : undefined;
  if (decisive === undefined) return answer.checks;
  return [
    ...answer.checks.filter((c) => c.result === decisive),
    ...answer.checks.filter((c) => c.result !== decisive),
  ];
}

/**
 * The checks that decide the answer: for not_covered those that fail, for needs_facts those still open,
 * for covered those that hold (a Denmark only assumed decides nothing), and a court deadline.
 */
export function decidingChecks(answer: Pick<Answer, 'verdict' | 'checks' | 'understood'>): Answer['checks'] {
  const assumedDk = answer.understood.some((r) => r.fact === 'territory' && r.source === 'assumed');
  return answer.checks.filter((c) => {
    if (c.id === 'court_deadline') return true;
    if (c.id === 'supplier_risk') return answer.verdict === 'covered' && c.result === 'yes';
    if (answer.verdict === 'not_covered') return c.result === 'no';
    if (answer.verdict === 'needs_facts') return c.result === 'unknown';
    return c.result === 'yes' && !(c.id === 'territorial_scope' && assumedDk);
  });
}

/** Every check of an answer, for "Vis alle tjek" / "Show all checks". */
export function allChecksBlocks(answer: Answer): Block[] {
  const lang = answer.language;
  const lines = decidingFirst(answer).map((c) => {
    const refs = c.citations.length > 0 ? ` (${c.citations.map(escapeMrkdwn).join('; ')})` : '';
    return `${RESULT_ICON[c.result]} *${CHECK_LABEL[lang][c.id]}*: ${RESULT_WORD[lang][c.result]}${refs}\n${escapeMrkdwn(c.detail)}`;
  });
  return enforceBlockLimits(
    packLines(lines, LIMITS.sectionText, `*${T[lang].allChecks}*`).map((c) => section(c.text)),
  );
}

export function answerActions(
  answer: Pick<Answer, 'language' | 'escalation'> &
    Partial<Pick<Answer, 'checks' | 'understood' | 'verdict'>>,
  answerId: string,
  o: { shareable?: boolean } = {},
): types.ActionsBlock {
  const t = T[answer.language];
  const extra: types.Button[] = [];
  if (o.shareable) extra.push(button('share_answer', t.share, answerId));
  // Facts read from the message can be corrected in the coverage form, prefilled with them.
  if (
    (answer.understood?.length ?? 0) > 0 &&
    answer.verdict !== 'informational' &&
    answer.verdict !== 'out_of_scope'
  )
    extra.push(button('correct_facts', t.correctFacts, answerId));
  if (
    (answer.checks?.length ?? 0) > 0 &&
    decidingChecks(answer as Answer).length < (answer.checks?.length ?? 0)
  )
    extra.push(button('show_checks', t.showChecks, answerId));
  return {
    type: 'actions',
    block_id: 'answer_actions',
    elements: [
      button('escalate', t.escalate, answerId, answer.escalation === 'none' ? undefined : 'primary'),
      ...extra,
      // an answer that decides or informs can be filed as a memo
      ...(answer.verdict !== undefined && memoOffered(answer.verdict)
        ? [button(MEMO_BUTTON.actionId, MEMO_BUTTON.text[answer.language], answerId)]
        : []),
    ],
  };
}

/** The action_id of the native feedback buttons on every answer. */
export const FEEDBACK_ACTION = 'answer_feedback';

/**
 * Slack's native 👍/👎 (`feedback_buttons` in a `context_actions` block). Their values say which was
 * pressed and on which answer: `helpful|<answer id>`, `not_helpful|<answer id>`, as the older
 * `feedback_helpful` / `feedback_not_helpful` buttons did with their action ids.
 */
export function feedbackBlock(lang: Language, answerId: string): types.ContextActionsBlock {
  const t = T[lang];
  return {
    type: 'context_actions',
    block_id: 'answer_feedback',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: FEEDBACK_ACTION,
        positive_button: {
          text: plain(t.helpful, LIMITS.buttonText),
          accessibility_label: t.helpfulA11y,
          value: `helpful|${answerId}`.slice(0, LIMITS.buttonValue),
        },
        negative_button: {
          text: plain(t.notHelpful, LIMITS.buttonText),
          accessibility_label: t.notHelpfulA11y,
          value: `not_helpful|${answerId}`.slice(0, LIMITS.buttonValue),
        },
      },
    ],
  };
}

/** Groups lines into texts of at most `max` characters, the heading on the first one. */
function packLines(lines: string[], max: number, heading: string): { text: string; lines: number }[] {
  const out: { text: string; lines: number }[] = [];
  let cur = { text: heading, lines: 0 };
  for (const raw of lines) {
    const line = truncate(raw, max - heading.length - 1);
    if (cur.text.length + 1 + line.length > max) {
      out.push(cur);
      cur = { text: line, lines: 1 };
    } else cur = { text: cur.text.length === 0 ? line : `${cur.text}\n${line}`, lines: cur.lines + 1 };
  }
  if (cur.text.length > 0) out.push(cur);
  return out;
}

// ---- small messages -----------------------------------------------------------------------------------

export function textBlocks(text: string, extra?: types.ActionsBlock): Block[] {
  const parts = splitText(text, LIMITS.sectionText).map((p) => section(p));
  return enforceBlockLimits(extra === undefined ? parts : [...parts, extra]);
}

/** The reply to a not-helpful vote: thanks, and a button to ask an adviser. */
export function offerEscalationBlocks(lang: Language, answerId: string): Block[] {
  const t = T[lang];
  return textBlocks(t.sorry, {
    type: 'actions',
    elements: [button('escalate', t.escalate, answerId, 'primary')],
  });
}

export function usageBlocks(command: string): Block[] {
  return textBlocks(usageText(command));
}

// ---- cases (adviser channel) --------------------------------------------------------------------------

export function factsText(lang: Language, facts: Facts): string {
  const lines = FACT_KEYS.filter((k) => facts[k] !== undefined).map(
    (k) => `• ${FACT_LABEL[lang][k]}: ${escapeMrkdwn(String(facts[k]))}`,
  );
  return lines.length > 0 ? lines.join('\n') : lang === 'da' ? '_ingen oplysninger_' : '_no facts given_';
}

const STATUS_LABEL: Record<Case['status'], string> = {
  open: ':large_yellow_circle: åben / open',
  claimed: ':large_blue_circle: taget / claimed',
  resolved: ':white_check_mark: afsluttet / resolved',
};

export function caseBlocks(c: Case): Block[] {
  const link = c.link;
  const blocks: Block[] = [
    { type: 'header', text: plain(`Sag / Case #${c.id}`, LIMITS.headerText) },
    section(
      `*Spørgsmål / Question* fra / from <@${c.asker}>\n${quoteLines(escapeMrkdwn(truncate(c.question, 2500)))}`,
    ),
    section(`*Fakta / Facts*\n${factsText('da', c.facts)}`),
  ];
  if (c.answer !== null) {
    const a = c.answer;
    const checks = a.checks.map(
      (k) =>
        `${RESULT_ICON[k.result]} ${CHECK_LABEL.da[k.id]}: ${escapeMrkdwn(k.detail)} (${k.citations.join('; ')})`,
    );
    const text = [`*Botens vurdering / Bot verdict:* ${VERDICT_LABEL.da[a.verdict]}`, ...checks].join('\n');
    blocks.push(section(text));
  }
  const who = c.claimed_by !== null ? ` · <@${c.claimed_by}>` : '';
  blocks.push(
    context(`Status: ${STATUS_LABEL[c.status]}${who}`, link ? `<${link}|Til tråden / Go to the thread>` : ''),
  );
  const buttons: types.Button[] = [];
  if (c.status === 'open') buttons.push(button('case_claim', 'Tag sagen / Claim', String(c.id), 'primary'));
  if (c.status !== 'resolved') buttons.push(button('case_resolve', 'Afslut / Resolve', String(c.id)));
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: `case_${c.id}`, elements: buttons });
  return enforceBlockLimits(
    blocks.map((b) =>
      b.type === 'context' ? { ...b, elements: b.elements.filter((e) => 'text' in e && e.text !== '') } : b,
    ),
  );
}

export function caseFallbackText(c: Case): string {
  return truncate(`Sag / Case #${c.id} (${c.status}): ${escapeText(c.question)}`, LIMITS.fallbackText);
}

// ---- App Home -----------------------------------------------------------------------------------------

export function homeView(openCases: Case[], command: string): types.HomeView {
  const blocks: Block[] = [
    { type: 'header', text: plain('Leverandørsikkerhed · Supplier security', LIMITS.headerText) },
    section(
      'Jeg besvarer spørgsmål om *lov nr. 1156 af 8. juni 2021* om leverandørsikkerhed i den kritiske teleinfrastruktur og om CFCS’ vejledning om overvågningskameraer. Svarene citerer loven ordret; en rådgiver kan tage over.\n\n' +
        'I answer questions about the Danish act on supplier security in critical telecom infrastructure and the CFCS guidance on surveillance cameras, quoting the law verbatim; a human adviser can take over.',
    ),
    section(`*Eksempler / Examples*\n${EXAMPLE_QUESTIONS.map((q) => `• ${q}`).join('\n')}`),
    section(usageText(command)),
    { type: 'divider' },
  ];
  if (openCases.length === 0) blocks.push(section('*Dine åbne sager / Your open cases*\n_ingen / none_'));
  else {
    blocks.push(section('*Dine åbne sager / Your open cases*'));
    for (const c of openCases.slice(0, 80)) {
      blocks.push(
        section(`*#${c.id}* · ${STATUS_LABEL[c.status]}\n${escapeMrkdwn(truncate(c.question, 300))}`),
      );
    }
  }
  return { type: 'home', blocks: enforceBlockLimits(blocks, LIMITS.viewBlocks) };
}
