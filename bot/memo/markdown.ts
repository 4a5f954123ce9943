/** The memo as Markdown (`ask --memo FILE.md`): the same sections as the PDF, texts verbatim. */
import type { Memo, MemoBlock } from './model.js';

const esc = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');
const cell = (s: string) => esc(s).replace(/\n/g, ' ');
const quoted = (s: string) =>
  s
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');

function block(b: MemoBlock): string {
  switch (b.kind) {
    case 'para':
      return b.lead ? `**${esc(b.lead.trim())}** ${esc(b.text)}` : esc(b.text);
    case 'list':
      return b.items
        .map((s, i) => `${b.ordered ? `${i + 1}.` : '-'} ${esc(s).replace(/\n/g, ' ')}`)
        .join('\n');
    case 'facts':
      return [
        `| ${b.head.map(cell).join(' | ')} |`,
        '|---|---|---|',
        ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ].join('\n');
    case 'subheading':
      return `### ${esc(b.text)}`;
    case 'check':
      return `- **${esc(b.title)}**: ${esc(b.result)}${b.refs ? ` (${esc(b.refs)})` : ''}  \n  ${esc(b.reason)}`;
    case 'quote': {
      // The quote is the law's text as published: not escaped, only marked as a quote.
      const head = `**${esc(b.ref)}** · ${esc(b.source)}\n\n${quoted(b.text)}`;
      return b.english ? `${head}\n\n_${esc(b.englishLabel ?? '')}:_\n\n${quoted(b.english)}` : head;
    }
    case 'fields':
      return b.rows.map(([k, v]) => `- **${esc(k)}:** ${esc(v)}`).join('\n');
  }
}

export function memoMarkdown(memo: Memo): string {
  const out = [`# ${esc(memo.title)}`, `_${esc(memo.subtitle)}_`, esc(memo.dateLine)];
  for (const s of memo.sections) {
    out.push(`## ${esc(s.heading)}`);
    for (const b of s.blocks) out.push(block(b));
  }
  return `${out.join('\n\n')}\n`;
}
