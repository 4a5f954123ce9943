/**
 * The memo as a PDF (pdfkit, A4, the PDF standard fonts: nothing to embed, so it is small and quick).
 * The standard fonts speak WinAnsi (Windows-1252): Danish letters, §, quotation marks and dashes are in
 * it; the few characters of the texts that are not (the statute's non-breaking hyphen, an arrow) are
 * written as their nearest WinAnsi form by `pdfSafe`, which is the only change made to a quote.
 */
import PDFDocument from 'pdfkit';
import type { Memo, MemoBlock } from './model.js';

const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const NEAREST: Record<string, string> = {
  '\u2011': '-', // non-breaking hyphen ("net og ‑tjenester")
  '\u2010': '-',
  '\u2212': '-',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u200b': '',
};

/** The text as the standard fonts can show it: WinAnsi characters as they are, the rest at their nearest. */
export function pdfSafe(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\n' || (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch))
      out += ch;
    else out += NEAREST[ch] ?? '?';
  }
  return out;
}

const PAGE = { size: 'A4' as const, margins: { top: 50, bottom: 54, left: 62, right: 62 } };
const FONT = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
  quote: 'Times-Roman',
  mono: 'Courier',
};
const COLOR = {
  text: '#111111',
  muted: '#555555',
  rule: '#b8b8b8',
  bar: '#9aa7b8',
  head: '#1f3a5f',
  fill: '#eef1f5',
};
const SIZE = {
  title: 17,
  subtitle: 9.5,
  heading: 11,
  body: 9.5,
  small: 8.5,
  quote: 10,
  footer: 7.5,
  mono: 7.5,
};

type Doc = PDFKit.PDFDocument;

export async function memoPdf(memo: Memo, o: { at?: string } = {}): Promise<Buffer> {
  const doc: Doc = new PDFDocument({
    ...PAGE,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: pdfSafe(memo.title),
      Subject: pdfSafe(memo.subtitle),
      Author: 'Leverandørsikkerhed – rådgivningsbot',
      ...(o.at ? { CreationDate: new Date(o.at) } : {}),
    },
    lang: memo.language === 'da' ? 'da-DK' : 'en-GB',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = PAGE.margins.left;
  const width = doc.page.width - PAGE.margins.left - PAGE.margins.right;
  const bottom = () => doc.page.height - PAGE.margins.bottom;
  /** Starts a new page unless `h` points still fit on this one. */
  const room = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };
  const text = (s: string, font: string, size: number, color: string, opts: PDFKit.Mixins.TextOptions = {}) =>
    doc.font(font).fontSize(size).fillColor(color).text(pdfSafe(s), opts);

  // Title block
  text(memo.title, FONT.bold, SIZE.title, COLOR.head, { width });
  doc.moveDown(0.2);
  text(memo.subtitle, FONT.regular, SIZE.subtitle, COLOR.muted, { width });
  doc.moveDown(0.2);
  text(memo.dateLine, FONT.regular, SIZE.subtitle, COLOR.text, { width });
  doc.moveDown(0.4);
  rule(doc, left, width);

  for (const section of memo.sections) {
    doc.moveDown(0.6);
    // keep a heading with the first lines under it (with all of a table of fields, such as the provenance)
    const first = section.blocks[0];
    room(SIZE.heading + 12 + (first?.kind === 'fields' ? fieldsHeight(doc, first.rows, width) : 28));
    text(section.heading, FONT.bold, SIZE.heading, COLOR.head, { width });
    doc.moveDown(0.25);
    for (const b of section.blocks) renderBlock(doc, b, left, width, room, text);
  }

  // Footers, now that the number of pages is known
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const line = memo.footer.replace('{page}', String(i + 1)).replace('{pages}', String(range.count));
    doc
      .font(FONT.regular)
      .fontSize(SIZE.footer)
      .fillColor(COLOR.muted)
      .text(pdfSafe(line), left, doc.page.height - 38, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;
}

function rule(doc: Doc, left: number, width: number): void {
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(0.6)
    .strokeColor(COLOR.rule)
    .stroke();
}

type TextFn = (s: string, font: string, size: number, color: string, opts?: PDFKit.Mixins.TextOptions) => Doc;

function renderBlock(
  doc: Doc,
  b: MemoBlock,
  left: number,
  width: number,
  room: (h: number) => void,
  text: TextFn,
): void {
  const gap = () => doc.moveDown(0.35);
  switch (b.kind) {
    case 'para': {
      const size = b.small ? SIZE.small : SIZE.body;
      room(size * 2.5);
      if (b.lead) {
        doc.font(FONT.bold).fontSize(size).fillColor(COLOR.text).text(pdfSafe(b.lead), left, doc.y, {
          width,
          continued: true,
        });
        doc.font(FONT.regular).text(pdfSafe(b.text), { width });
      } else text(b.text, FONT.regular, size, COLOR.text, { width });
      gap();
      return;
    }
    case 'list': {
      const indent = 16;
      b.items.forEach((item, i) => {
        room(SIZE.body * 2.5);
        const y = doc.y;
        doc
          .font(FONT.regular)
          .fontSize(SIZE.body)
          .fillColor(COLOR.muted)
          .text(b.ordered ? `${i + 1}.` : '•', left, y, { width: indent });
        doc.fillColor(COLOR.text).text(pdfSafe(`“${item}”`), left + indent, y, { width: width - indent });
        doc.x = left;
        doc.moveDown(0.15);
      });
      gap();
      return;
    }
    case 'facts': {
      const cols = [width * 0.3, width * 0.22, width * 0.48];
      const pad = 3;
      const rowHeight = (cells: string[], font: string) =>
        Math.max(
          ...cells.map((c, i) =>
            doc
              .font(font)
              .fontSize(SIZE.body)
              .heightOfString(pdfSafe(c), { width: cols[i]! - 2 * pad }),
          ),
        ) +
        2 * pad;
      const drawRow = (cells: string[], font: string, fill?: string) => {
        const h = rowHeight(cells, font);
        if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
        const y = doc.y;
        if (fill) doc.rect(left, y, width, h).fill(fill);
        let x = left;
        cells.forEach((c, i) => {
          doc
            .font(font)
            .fontSize(SIZE.body)
            .fillColor(COLOR.text)
            .text(pdfSafe(c), x + pad, y + pad, { width: cols[i]! - 2 * pad });
          x += cols[i]!;
        });
        doc
          .moveTo(left, y + h)
          .lineTo(left + width, y + h)
          .lineWidth(0.4)
          .strokeColor(COLOR.rule)
          .stroke();
        doc.x = left;
        doc.y = y + h;
      };
      drawRow(b.head, FONT.bold, COLOR.fill);
      for (const r of b.rows) drawRow(r, FONT.regular);
      doc.moveDown(0.5);
      return;
    }
    case 'subheading': {
      room(SIZE.body * 5);
      doc.moveDown(0.2);
      text(b.text, FONT.bold, SIZE.body, COLOR.muted, { width });
      doc.moveDown(0.2);
      return;
    }
    case 'check': {
      room(SIZE.body * 4);
      doc
        .font(FONT.bold)
        .fontSize(SIZE.body)
        .fillColor(COLOR.text)
        .text(pdfSafe(`${b.title}: `), left, doc.y, { width, continued: true })
        .font(FONT.regular)
        .text(pdfSafe(b.result), { continued: b.refs !== '' })
        .fillColor(COLOR.muted)
        .text(b.refs ? pdfSafe(`  (${b.refs})`) : '', { continued: false });
      doc
        .font(FONT.regular)
        .fontSize(SIZE.body)
        .fillColor(COLOR.text)
        .text(pdfSafe(b.reason), left + 12, doc.y + 1, { width: width - 12 });
      doc.x = left;
      gap();
      return;
    }
    case 'quote': {
      room(SIZE.quote * 4);
      doc
        .font(FONT.bold)
        .fontSize(SIZE.body)
        .fillColor(COLOR.text)
        .text(pdfSafe(b.ref), left, doc.y, { width, continued: true })
        .font(FONT.regular)
        .fillColor(COLOR.muted)
        .text(pdfSafe(` · ${b.source}`));
      doc.moveDown(0.15);
      barred(doc, b.text, FONT.quote, SIZE.quote, COLOR.text, left, width);
      if (b.english) {
        doc.moveDown(0.2);
        text(`${b.englishLabel ?? ''}:`, FONT.italic, SIZE.small, COLOR.muted, { width });
        barred(doc, b.english, FONT.italic, SIZE.small, COLOR.muted, left, width);
      }
      doc.moveDown(0.5);
      return;
    }
    case 'fields': {
      const keyWidth = Math.min(150, width * 0.32);
      for (const [k, v] of b.rows) {
        // hashes and ids in a fixed-width face, small enough that a SHA-256 fits on one line
        const mono = /^(sha256:|a_)[0-9a-f]+$/.test(v);
        const vFont = mono ? FONT.mono : FONT.regular;
        const vSize = mono ? SIZE.mono : SIZE.body;
        const h = Math.max(
          doc
            .font(FONT.bold)
            .fontSize(SIZE.body)
            .heightOfString(pdfSafe(k), { width: keyWidth - 6 }),
          doc
            .font(vFont)
            .fontSize(vSize)
            .heightOfString(pdfSafe(v), { width: width - keyWidth }),
        );
        room(h + 2);
        const y = doc.y;
        text(k, FONT.bold, SIZE.body, COLOR.text, { width: keyWidth - 6 });
        doc
          .font(vFont)
          .fontSize(vSize)
          .fillColor(COLOR.text)
          .text(pdfSafe(v), left + keyWidth, y + (mono ? 1 : 0), {
            width: width - keyWidth,
          });
        doc.x = left;
        doc.y = y + h + 2;
      }
      gap();
      return;
    }
  }
}

const fieldsKeyWidth = (width: number) => Math.min(150, width * 0.32);

/** Hashes and ids in a fixed-width face, small enough that a SHA-256 fits on one line. */
function fieldFace(v: string): { vFont: string; vSize: number; mono: boolean } {
  const mono = /^(sha256:|a_)[0-9a-z_]+$/.test(v);
  return { vFont: mono ? FONT.mono : FONT.regular, vSize: mono ? SIZE.mono : SIZE.body, mono };
}

function fieldHeight(doc: Doc, k: string, v: string, width: number): number {
  const keyWidth = fieldsKeyWidth(width);
  const { vFont, vSize } = fieldFace(v);
  return Math.max(
    doc
      .font(FONT.bold)
      .fontSize(SIZE.body)
      .heightOfString(pdfSafe(k), { width: keyWidth - 6 }),
    doc
      .font(vFont)
      .fontSize(vSize)
      .heightOfString(pdfSafe(v), { width: width - keyWidth }),
  );
}

function fieldsHeight(doc: Doc, rows: [string, string][], width: number): number {
  return rows.reduce((n, [k, v]) => n + fieldHeight(doc, k, v, width) + 2, 0);
}

/** A quoted text, indented, with a bar on its left on each page it runs over. */
function barred(
  doc: Doc,
  s: string,
  font: string,
  size: number,
  color: string,
  left: number,
  width: number,
): void {
  const indent = 12;
  for (const para of s.split('\n')) {
    if (para.trim() === '') continue;
    if (doc.y + size * 2 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    let y0 = doc.y;
    const onPage = () => {
      y0 = doc.page.margins.top;
    };
    doc.on('pageAdded', onPage);
    doc
      .font(font)
      .fontSize(size)
      .fillColor(color)
      .text(pdfSafe(para), left + indent, doc.y, {
        width: width - indent,
        lineGap: 1,
      });
    doc.removeListener('pageAdded', onPage);
    const y1 = doc.y;
    doc
      .moveTo(left + 3, y0 + 1)
      .lineTo(left + 3, y1 - 2)
      .lineWidth(1.6)
      .strokeColor(COLOR.bar)
      .stroke();
    doc.x = left;
    doc.moveDown(0.15);
  }
}
