/**
 * The desk's figures as a picture: Apache ECharts renders an SVG on the server (no browser, no canvas) and
 * resvg turns it into a PNG, with the DejaVu Sans font shipped in the dejavu-fonts-ttf package, so it looks
 * the same on a machine without fonts. Three bar charts side by side: the verdicts, the topics, and why
 * answers were rated down.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { TOPICS, type Topic, VERDICTS } from '../../guardrails/contract.js';
import { TOPIC_LABEL } from '../slack/texts.js';
import type { Figures } from '../store/desk.js';
import { FEEDBACK_REASONS } from '../store/feedback-reasons.js';
import { duration } from './figures.js';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const FONT_FILES = [join(FONT_DIR, 'DejaVuSans.ttf'), join(FONT_DIR, 'DejaVuSans-Bold.ttf')];
const FONT = 'DejaVu Sans';

export const CHART_WIDTH = 1200;
export const CHART_HEIGHT = 520;

const COLORS = { verdict: '#1d3557', topic: '#457b9d', reason: '#c8553d' };

/** Short labels for the bars, Danish above English (the full ones are in the table). */
const SHORT = {
  verdict: {
    covered: ['Omfattet', 'Covered'],
    not_covered: ['Ikke omfattet', 'Not covered'],
    needs_facts: ['Mangler oplysninger', 'Needs facts'],
    informational: ['Det siger reglerne', 'What the rules say'],
    out_of_scope: ['Uden for emnet', 'Out of scope'],
  },
  reason: {
    wrong_verdict: ['Forkert vurdering', 'Wrong verdict'],
    misread_facts: ['Oplysninger læst forkert', 'Facts misread'],
    missing_source: ['Mangler en kilde', 'Source missing'],
    hard_to_understand: ['Svært at forstå', 'Hard to understand'],
    other: ['Andet', 'Other'],
  },
} as const;
/** A bar's name: Danish and English, split again by the axis label's formatter into two styled lines. */
const twoLines = ([da, en]: readonly [string, string]) => `${da} | ${en}`;
const styled = (name: string) => {
  const [da = '', en = ''] = name.split(' | ');
  return da === en ? `{da|${da}}` : `{da|${da}}\n{en|${en}}`;
};

export function chartSvg(f: Figures): string {
  const verdicts = VERDICTS.map((v) => ({ name: twoLines(SHORT.verdict[v]), value: f.verdicts[v] }));
  const topicCount = new Map(f.topics.map((t) => [t.topic, t.count]));
  const topics = TOPICS.map((t) => ({
    name: twoLines([TOPIC_LABEL.da[t as Topic], TOPIC_LABEL.en[t as Topic]]),
    value: topicCount.get(t) ?? 0,
  }));
  const reasons = FEEDBACK_REASONS.map((r) => ({ name: twoLines(SHORT.reason[r]), value: f.reasons[r] }));
  const panels = [
    { title: 'Vurderinger / Verdicts', data: verdicts, color: COLORS.verdict },
    { title: 'Emner / Topics', data: topics, color: COLORS.topic },
    {
      title: `Ikke hjælpsomt, hvorfor / Not helpful, why (${f.notHelpful})`,
      data: reasons,
      color: COLORS.reason,
    },
  ];
  // each panel: its labels on the left (room for the longest), its bars to the right
  const panelWidth = (CHART_WIDTH - 40) / panels.length;
  const labelRoom = 190;
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: FONT },
      title: [
        {
          text: `Leverandørsikkerhed · ${f.since} – ${f.until}`,
          subtext:
            `Spørgsmål / questions: ${f.questions}   ·   Sager / cases: ${f.escalations}   ·   ` +
            `median til at tage / to claim: ${duration(f.medianClaimMs)}   ·   til at afslutte / to close: ${duration(f.medianCloseMs)}`,
          left: 20,
          top: 12,
          textStyle: { fontFamily: FONT, fontSize: 20, color: '#1d3557' },
          subtextStyle: { fontFamily: FONT, fontSize: 14, color: '#444444' },
        },
        ...panels.map((p, i) => ({
          text: p.title,
          left: 20 + i * panelWidth,
          top: 92,
          textStyle: { fontFamily: FONT, fontSize: 15, color: '#222222' },
        })),
      ],
      grid: panels.map((_, i) => ({
        left: 20 + i * panelWidth + labelRoom,
        width: panelWidth - labelRoom - 40,
        top: 130,
        bottom: 40,
      })),
      xAxis: panels.map((_, i) => ({
        type: 'value',
        gridIndex: i,
        minInterval: 1,
        max: (v: { max: number }) => Math.max(1, Math.ceil(v.max * 1.2)),
        axisLabel: { fontFamily: FONT, fontSize: 12, color: '#555555' },
        splitLine: { lineStyle: { color: '#e5e5e5' } },
      })),
      yAxis: panels.map((p, i) => ({
        type: 'category',
        gridIndex: i,
        inverse: true,
        data: p.data.map((d) => d.name),
        axisTick: { show: false },
        axisLabel: {
          fontFamily: FONT,
          formatter: styled,
          rich: {
            da: { fontFamily: FONT, fontSize: 13, color: '#222222', lineHeight: 17 },
            en: { fontFamily: FONT, fontSize: 11, color: '#777777', lineHeight: 15 },
          },
        },
      })),
      series: panels.map((p, i) => ({
        type: 'bar',
        xAxisIndex: i,
        yAxisIndex: i,
        data: p.data.map((d) => d.value),
        itemStyle: { color: p.color },
        barMaxWidth: 26,
        label: { show: true, position: 'right', fontFamily: FONT, fontSize: 13, color: '#222222' },
      })),
    });
    return chart.renderToSVGString();
  } finally {
    // the chart keeps an animation timer alive until it is disposed
    chart.dispose();
  }
}

/** The chart as PNG bytes. */
export function chartPng(f: Figures): Buffer {
  const svg = chartSvg(f);
  return new Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT },
    background: '#ffffff',
  })
    .render()
    .asPng();
}
