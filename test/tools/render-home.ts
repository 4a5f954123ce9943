/**
 * Draws an App Home view as Slack lays it out, closely enough to judge it by eye: each block in order
 * (header, mrkdwn sections with *bold*, _italic_, > quotes, mentions and links, context, buttons, selects,
 * dividers, the table and the image), as an SVG rasterised with resvg. For looking at the adviser desk:
 *
 *   npx tsx test/tools/render-home.ts OUT.png
 *
 * renders the desk of a known history (test/desk/seed.ts) as an adviser would see it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { chartPng, FONT_FILES } from '../../bot/desk/chart.js';
import { homeView } from '../../bot/slack/blocks.js';
import { DESK_CASES, deskBlocks } from '../../bot/slack/desk.js';
import { casesClaimedBy, deskFigures, openCasesOldestFirst } from '../../bot/store/desk.js';
import { Store } from '../../bot/store/index.js';
import { seedDesk } from '../desk/seed.js';

// biome-ignore lint/suspicious/noExplicitAny: blocks of every kind, read loosely by a drawing tool
type Obj = Record<string, any>;
const W = 900;
const PAD = 24;
const INNER = W - 2 * PAD;
const CH = 7.6; // average character width of DejaVu Sans at 14 px

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unesc = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const EMOJI: Record<string, string> = {
  white_check_mark: '✔',
  x: '✘',
  grey_question: '?',
  large_yellow_circle: '●',
  large_blue_circle: '●',
  alarm_clock: '⏰',
};

interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: boolean;
}

/** One line of mrkdwn into styled runs. */
function runs(line: string): Run[] {
  const out: Run[] = [];
  const re = /<([^>|]+)(?:\|([^>]+))?>|\*([^*]+)\*|_([^_]+)_|:([a-z_]+):/g;
  let at = 0;
  for (const m of line.matchAll(re)) {
    if (m.index! > at) out.push({ text: unesc(line.slice(at, m.index)) });
    if (m[1] !== undefined) {
      const target = m[1];
      const label =
        m[2] ??
        (target.startsWith('@')
          ? `@${target.slice(1)}`
          : target.startsWith('#')
            ? `#${target.slice(1)}`
            : target);
      out.push({ text: unesc(label), link: true });
    } else if (m[3] !== undefined) out.push({ text: unesc(m[3]), bold: true });
    else if (m[4] !== undefined) out.push({ text: unesc(m[4]), italic: true });
    else if (m[5] !== undefined) out.push({ text: EMOJI[m[5]] ?? '' });
    at = m.index! + m[0].length;
  }
  if (at < line.length) out.push({ text: unesc(line.slice(at)) });
  return out;
}

/** Wraps runs into lines of at most `width` px (by an average character width). */
function wrap(rs: Run[], width: number, ch = CH): Run[][] {
  const lines: Run[][] = [[]];
  let used = 0;
  for (const r of rs) {
    for (const word of r.text.split(/(?<= )/)) {
      const w = word.length * ch * (r.bold ? 1.08 : 1);
      if (used + w > width && used > 0) {
        lines.push([]);
        used = 0;
      }
      lines.at(-1)!.push({ ...r, text: word });
      used += w;
    }
  }
  return lines;
}

function tspans(line: Run[], color = '#1d1c1d'): string {
  return line
    .map(
      (r) =>
        `<tspan fill="${r.link ? '#1264a3' : color}"${r.bold ? ' font-weight="bold"' : ''}${r.italic ? ' font-style="italic"' : ''}>${esc(r.text)}</tspan>`,
    )
    .join('');
}

function mrkdwn(
  text: string,
  x: number,
  y: number,
  width: number,
  size = 14,
  color = '#1d1c1d',
): { svg: string; h: number } {
  let svg = '';
  let h = 0;
  const lh = size * 1.45;
  for (const raw of text.split('\n')) {
    const quote = raw.startsWith('>');
    const line = quote ? raw.slice(1) : raw;
    const wrapped = wrap(runs(line), width - (quote ? 14 : 0), (CH * size) / 14);
    for (const l of wrapped) {
      if (quote) svg += `<rect x="${x}" y="${y + h + 2}" width="4" height="${lh}" fill="#dddddd"/>`;
      svg += `<text x="${x + (quote ? 14 : 0)}" y="${y + h + size + 2}" font-size="${size}">${tspans(l, color)}</text>`;
      h += lh;
    }
  }
  return { svg, h };
}

function buttonSvg(b: Obj, x: number, y: number): { svg: string; w: number } {
  const label = String(b.text?.text ?? '');
  const w = Math.round(label.length * 7.4 + 26);
  const primary = b.style === 'primary';
  const fill = primary ? '#007a5a' : '#ffffff';
  const stroke = primary ? '#007a5a' : '#bbbbbb';
  return {
    w,
    svg:
      `<rect x="${x}" y="${y}" width="${w}" height="30" rx="4" fill="${fill}" stroke="${stroke}"/>` +
      `<text x="${x + w / 2}" y="${y + 20}" font-size="13" font-weight="bold" text-anchor="middle" fill="${primary ? '#ffffff' : '#1d1c1d'}">${esc(label)}${b.url ? ' ↗' : ''}</text>`,
  };
}

function selectSvg(s: Obj, x: number, y: number): { svg: string; w: number } {
  const label = String(s.initial_option?.text?.text ?? s.placeholder?.text ?? '');
  const w = Math.round(label.length * 7.4 + 44);
  return {
    w,
    svg:
      `<rect x="${x}" y="${y}" width="${w}" height="30" rx="4" fill="#ffffff" stroke="#bbbbbb"/>` +
      `<text x="${x + 12}" y="${y + 20}" font-size="13">${esc(label)}</text>` +
      `<text x="${x + w - 20}" y="${y + 20}" font-size="12" fill="#616061">▾</text>`,
  };
}

export function renderBlocks(blocks: Obj[], images: Record<string, Buffer>): string {
  let y = PAD;
  let body = '';
  for (const b of blocks) {
    switch (b.type) {
      case 'header': {
        const r = mrkdwn(`*${b.text.text}*`, PAD, y, INNER, 20);
        body += r.svg;
        y += r.h + 10;
        break;
      }
      case 'section': {
        const acc = b.accessory as Obj | undefined;
        const accW = acc
          ? (acc.type === 'static_select' ? selectSvg(acc, 0, 0).w : buttonSvg(acc, 0, 0).w) + 16
          : 0;
        const r = mrkdwn(b.text?.text ?? '', PAD, y, INNER - accW);
        body += r.svg;
        if (acc) {
          const a =
            acc.type === 'static_select'
              ? selectSvg(acc, W - PAD - accW + 16, y)
              : buttonSvg(acc, W - PAD - accW + 16, y);
          body += a.svg;
        }
        y += Math.max(r.h, acc ? 34 : 0) + 10;
        break;
      }
      case 'context': {
        for (const e of b.elements as Obj[]) {
          const r = mrkdwn(e.text ?? '', PAD, y, INNER, 12, '#616061');
          body += r.svg;
          y += r.h;
        }
        y += 8;
        break;
      }
      case 'actions': {
        let x = PAD;
        for (const e of b.elements as Obj[]) {
          const r = e.type === 'static_select' ? selectSvg(e, x, y) : buttonSvg(e, x, y);
          body += r.svg;
          x += r.w + 8;
        }
        y += 42;
        break;
      }
      case 'divider':
        body += `<line x1="${PAD}" y1="${y + 8}" x2="${W - PAD}" y2="${y + 8}" stroke="#dddddd"/>`;
        y += 20;
        break;
      case 'table': {
        const rows = b.rows as Obj[][];
        const col0 = INNER * 0.72;
        const rh = 26;
        body += `<rect x="${PAD}" y="${y}" width="${INNER}" height="${rows.length * rh}" fill="#ffffff" stroke="#dddddd"/>`;
        rows.forEach((row, i) => {
          const ty = y + i * rh;
          if (i === 0) body += `<rect x="${PAD}" y="${ty}" width="${INNER}" height="${rh}" fill="#f4f4f4"/>`;
          if (i > 0) body += `<line x1="${PAD}" y1="${ty}" x2="${W - PAD}" y2="${ty}" stroke="#eeeeee"/>`;
          const weight = i === 0 ? ' font-weight="bold"' : '';
          const label = String(row[0]?.text ?? '');
          const cut = label.length > 82 ? `${label.slice(0, 81)}…` : label;
          body += `<text x="${PAD + 10}" y="${ty + 18}" font-size="13"${weight}>${esc(cut)}</text>`;
          body += `<text x="${W - PAD - 10}" y="${ty + 18}" font-size="13" text-anchor="end"${weight}>${esc(String(row[1]?.text ?? ''))}</text>`;
        });
        body += `<line x1="${PAD + col0}" y1="${y}" x2="${PAD + col0}" y2="${y + rows.length * rh}" stroke="#eeeeee"/>`;
        y += rows.length * rh + 14;
        break;
      }
      case 'image': {
        const png = images[b.slack_file?.id ?? b.image_url];
        if (png === undefined) break;
        const w = png.readUInt32BE(16);
        const h = png.readUInt32BE(20);
        const dh = Math.round((INNER * h) / w);
        body += `<image x="${PAD}" y="${y}" width="${INNER}" height="${dh}" href="data:image/png;base64,${png.toString('base64')}"/>`;
        y += dh + 14;
        break;
      }
      default: {
        const r = mrkdwn(`_[${b.type}]_`, PAD, y, INNER);
        body += r.svg;
        y += r.h + 8;
      }
    }
  }
  const height = y + PAD;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" font-family="DejaVu Sans"><rect width="${W}" height="${height}" fill="#ffffff"/>${body}</svg>`;
}

export function renderPng(blocks: Obj[], images: Record<string, Buffer>): Buffer {
  return new Resvg(renderBlocks(blocks, images), {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
}

const out = process.argv[2];
if (out !== undefined && import.meta.url.endsWith(process.argv[1]!.split('/').at(-1)!)) {
  const store = Store.open(mkdtempSync(join(tmpdir(), 'render-home-')));
  seedDesk(store);
  const today = '2026-11-22';
  const figures = deskFigures(store, { since: '2026-10-24', until: '2026-11-23' });
  const open = openCasesOldestFirst(store, 1000);
  const home = homeView(store.openCasesFor('U0ADVISER'), '/leverandor');
  const blocks = [
    ...(home.blocks as Obj[]),
    { type: 'divider' },
    ...deskBlocks({
      open: open.slice(0, DESK_CASES),
      openTotal: open.length,
      mine: casesClaimedBy(store, 'U0ADVISER'),
      figures,
      lastDay: today,
      periodDays: 30,
      nowMs: Date.parse(`${today}T12:00:00Z`),
      chartFileId: 'F0CHART',
    }),
  ];
  writeFileSync(out, renderPng(blocks as Obj[], { F0CHART: chartPng({ ...figures, until: today }) }));
  store.close();
  console.log(`wrote ${out}`);
}
