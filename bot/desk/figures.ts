/**
 * The desk's figures as rows (label, value): one list for the App Home table, the offline report's text
 * table and its CSV, so all three say the same. Labels are Danish / English, as the adviser posts are.
 */
import { TOPICS, type Topic, VERDICTS } from '../../guardrails/contract.js';
import { REASON_LABEL, TOPIC_LABEL, VERDICT_LABEL } from '../slack/texts.js';
import type { Figures } from '../store/desk.js';
import { FEEDBACK_REASONS } from '../store/feedback-reasons.js';

export interface FigureRow {
  /** Which group the row belongs to (`questions`, `verdict`, `topic`, `cases`, `feedback`, `open_question`). */
  group: string;
  /** A stable key for the CSV (`verdict.covered`, `cases.median_claim_hours`). */
  key: string;
  label: string;
  value: string;
}

const both = (da: string, en: string) => (da === en ? da : `${da} / ${en}`);

/** A duration for people: minutes under an hour, hours under two days, else days; "–" when none. */
export function duration(ms: number | null): string {
  if (ms === null) return '–';
  const min = ms / 60_000;
  if (min < 60) return `${Math.round(min)} min`;
  const h = min / 60;
  if (h < 48) return `${h.toFixed(1).replace('.', ',')} timer / hours`;
  return `${Math.round(h / 24)} dage / days`;
}

export function figureRows(f: Figures): FigureRow[] {
  const rows: FigureRow[] = [
    {
      group: 'questions',
      key: 'questions',
      label: both('Spørgsmål besvaret', 'Questions answered'),
      value: String(f.questions),
    },
  ];
  for (const v of VERDICTS)
    rows.push({
      group: 'verdict',
      key: `verdict.${v}`,
      label: `Vurdering / Verdict: ${both(VERDICT_LABEL.da[v], VERDICT_LABEL.en[v])}`,
      value: String(f.verdicts[v]),
    });
  const topicCount = new Map(f.topics.map((t) => [t.topic, t.count]));
  for (const t of TOPICS)
    rows.push({
      group: 'topic',
      key: `topic.${t}`,
      label: `Emne / Topic: ${both(TOPIC_LABEL.da[t as Topic], TOPIC_LABEL.en[t as Topic])}`,
      value: String(topicCount.get(t) ?? 0),
    });
  rows.push(
    {
      group: 'cases',
      key: 'cases.escalations',
      label: both('Sager oprettet', 'Cases opened'),
      value: String(f.escalations),
    },
    {
      group: 'cases',
      key: 'cases.claimed',
      label: both('Heraf taget', 'Of these claimed'),
      value: String(f.claimed),
    },
    {
      group: 'cases',
      key: 'cases.closed',
      label: both('Heraf afsluttet', 'Of these closed'),
      value: String(f.closed),
    },
    {
      group: 'cases',
      key: 'cases.median_claim',
      label: both('Median tid til at tage', 'Median time to claim'),
      value: duration(f.medianClaimMs),
    },
    {
      group: 'cases',
      key: 'cases.median_close',
      label: both('Median tid til at afslutte', 'Median time to close'),
      value: duration(f.medianCloseMs),
    },
    {
      group: 'cases',
      key: 'cases.open_now',
      label: both('Åbne sager nu', 'Open cases now'),
      value: String(f.openNow),
    },
    {
      group: 'feedback',
      key: 'feedback.helpful',
      label: `👍 ${both('Hjælpsomt', 'Helpful')}`,
      value: String(f.helpful),
    },
    {
      group: 'feedback',
      key: 'feedback.not_helpful',
      label: `👎 ${both('Ikke hjælpsomt', 'Not helpful')}`,
      value: String(f.notHelpful),
    },
  );
  for (const r of FEEDBACK_REASONS)
    rows.push({
      group: 'feedback',
      key: `reason.${r}`,
      label: `👎 Årsag / Reason: ${both(REASON_LABEL.da[r], REASON_LABEL.en[r])}`,
      value: String(f.reasons[r]),
    });
  for (const [i, q] of f.openQuestions.entries()) {
    const why =
      q.verdict === 'out_of_scope'
        ? both('uden for emnet', 'out of scope')
        : both('flere oplysninger', 'needs facts');
    rows.push({
      group: 'open_question',
      key: `open_question.${i + 1}.${q.verdict}`,
      label: `„${q.question}“`,
      value: `${q.count} × ${why}`,
    });
  }
  return rows;
}

const csvCell = (s: string) => (/[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The rows as CSV (RFC 4180; a cell that a spreadsheet would run as a formula is quoted). */
export function figuresCsv(f: Figures): string {
  const lines = [['since', 'until', 'group', 'key', 'label', 'value'].join(',')];
  for (const r of figureRows(f))
    lines.push([f.since, f.until, r.group, r.key, r.label, r.value].map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The rows as an aligned text table, one group after another. */
export function figuresText(f: Figures): string {
  const rows = figureRows(f);
  const width = Math.min(60, Math.max(...rows.map((r) => r.label.length)));
  const out = [`Tal / Figures ${f.since} – ${f.until}`, ''];
  let group = '';
  for (const r of rows) {
    if (r.group !== group && group !== '') out.push('');
    group = r.group;
    const label = r.label.length > width ? `${r.label.slice(0, width - 1)}…` : r.label.padEnd(width);
    out.push(`  ${label}  ${r.value}`);
  }
  return `${out.join('\n')}\n`;
}
