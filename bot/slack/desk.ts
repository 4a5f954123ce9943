/**
 * The adviser desk, below the App Home of members of the adviser channel: the open cases oldest first
 * (age, asker, verdict, the question; buttons to claim it and to open the asker's thread), the adviser's
 * own cases (close, open the thread), and the figures of a chosen period as a Block Kit table and as the
 * chart (desk/chart.ts, uploaded to Slack and shown from there). Labels are Danish / English, as the case
 * posts are; what people wrote is escaped.
 */
import type { types } from '@slack/bolt';
import { duration, figureRows } from '../desk/figures.js';
import type { Figures } from '../store/desk.js';
import type { Case } from '../store/index.js';
import { button, escapeMrkdwn, LIMITS, truncate } from './blocks.js';
import { VERDICT_LABEL } from './texts.js';

type Block = types.KnownBlock;

export const DESK_PERIODS = [7, 30, 90, 365] as const;
export const DEFAULT_PERIOD = 30;
export const PERIOD_ACTION = 'desk_period';
export const OPEN_THREAD_ACTION = 'desk_open_thread';
/** Cases shown per list (two blocks each; a home view holds 100). */
export const DESK_CASES = 12;

const PERIOD_LABEL: Record<number, string> = {
  7: 'Sidste 7 dage / Last 7 days',
  30: 'Sidste 30 dage / Last 30 days',
  90: 'Sidste 90 dage / Last 90 days',
  365: 'Sidste år / Last year',
};

const plain = (text: string, max: number = LIMITS.sectionText): types.PlainTextElement => ({
  type: 'plain_text',
  text: truncate(text, max),
  emoji: true,
});
const md = (text: string): types.SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) },
});

function caseLine(c: Case, nowMs: number): string {
  const age = duration(nowMs - Date.parse(c.created_at));
  const verdict =
    c.answer === null ? '–' : `${VERDICT_LABEL.da[c.answer.verdict]} / ${VERDICT_LABEL.en[c.answer.verdict]}`;
  const q = escapeMrkdwn(truncate(c.question.replace(/\s+/g, ' '), 240));
  return `*#${c.id}* · ${age} · <@${c.asker}> · _${verdict}_\n>${q}`;
}

function caseButtons(c: Case, mine: boolean): types.ActionsBlock {
  const elements: types.ActionsBlockElement[] = mine
    ? [button('case_resolve', 'Afslut / Resolve', String(c.id))]
    : [button('case_claim', 'Tag sagen / Claim', String(c.id), 'primary')];
  if (c.link !== null && /^https:\/\/\S+$/.test(c.link))
    elements.push({
      type: 'button',
      action_id: OPEN_THREAD_ACTION,
      text: plain('Åbn tråden / Open the thread', LIMITS.buttonText),
      url: c.link,
      value: String(c.id),
    });
  return { type: 'actions', block_id: `desk_${mine ? 'mine' : 'open'}_${c.id}`, elements };
}

function caseList(title: string, cases: Case[], total: number, mine: boolean, nowMs: number): Block[] {
  const out: Block[] = [md(`*${title}* (${total})`)];
  if (cases.length === 0) out.push(md('_ingen / none_'));
  for (const c of cases.slice(0, DESK_CASES)) out.push(md(caseLine(c, nowMs)), caseButtons(c, mine));
  if (total > DESK_CASES)
    out.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: `… og ${total - DESK_CASES} mere / and ${total - DESK_CASES} more` },
      ],
    });
  return out;
}

/** The figures as a table block: a heading row, then one row per figure. */
export function figuresTable(f: Figures): types.TableBlock {
  const cell = (text: string) => ({ type: 'raw_text' as const, text: truncate(text, 300) || '–' });
  return {
    type: 'table',
    block_id: 'desk_figures',
    column_settings: [{ is_wrapped: true }, { align: 'right' }],
    rows: [
      [cell('Tal / Figure'), cell('Antal / Value')],
      ...figureRows(f)
        .slice(0, 99)
        .map((r) => [cell(r.label.trim()), cell(r.value)]),
    ],
  };
}

/** The same figures as text, where a table cannot be shown. */
export function figuresSections(f: Figures): Block[] {
  const lines = figureRows(f).map((r) => `${escapeMrkdwn(r.label.trim())}: *${escapeMrkdwn(r.value)}*`);
  const out: Block[] = [];
  let cur = '';
  for (const l of lines) {
    if (cur.length + l.length + 1 > 2900) {
      out.push(md(cur));
      cur = '';
    }
    cur = cur === '' ? l : `${cur}\n${l}`;
  }
  if (cur !== '') out.push(md(cur));
  return out;
}

export interface DeskInput {
  open: Case[];
  openTotal: number;
  mine: Case[];
  figures: Figures;
  /** The last day the figures include (their `until` is the day after). */
  lastDay: string;
  periodDays: number;
  nowMs: number;
  /** The uploaded chart, shown from Slack. */
  chartFileId?: string | undefined;
  /** false: the figures as text instead of a table block. */
  table?: boolean;
}

export function deskBlocks(d: DeskInput): Block[] {
  const period = DESK_PERIODS.includes(d.periodDays as (typeof DESK_PERIODS)[number])
    ? d.periodDays
    : DEFAULT_PERIOD;
  const option = (days: number) => ({
    value: String(days),
    text: plain(PERIOD_LABEL[days]!, LIMITS.optionText),
  });
  const blocks: Block[] = [
    { type: 'header', text: plain('Rådgiverskranke / Adviser desk', LIMITS.headerText) },
    ...caseList('Åbne sager, ældste først / Open cases, oldest first', d.open, d.openTotal, false, d.nowMs),
    { type: 'divider' },
    ...caseList('Mine sager / My cases', d.mine, d.mine.length, true, d.nowMs),
    { type: 'divider' },
    {
      type: 'section',
      block_id: 'desk_period',
      text: { type: 'mrkdwn', text: `*Tal / Figures* · ${d.figures.since} – ${d.lastDay}` },
      accessory: {
        type: 'static_select',
        action_id: PERIOD_ACTION,
        options: DESK_PERIODS.map(option),
        initial_option: option(period),
      },
    },
    ...(d.table === false ? figuresSections(d.figures) : [figuresTable(d.figures)]),
  ];
  if (d.chartFileId !== undefined)
    blocks.push({
      type: 'image',
      slack_file: { id: d.chartFileId },
      alt_text: truncate(
        `Vurderinger, emner og årsager til ikke hjælpsomt, ${d.figures.since} – ${d.lastDay} / Verdicts, topics and why answers were not helpful`,
        2000,
      ),
    });
  return blocks;
}
