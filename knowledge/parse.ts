/**
 * Parses the official texts (as kept in `knowledge/texts/`) into addressable units.
 * The statute: sections (`§ N`), paragraphs (`Stk. N`), items (`N)`) and letters (`a)`).
 * The parliamentary answer: the preamble, the question, and the answer paragraph by paragraph,
 * with FE's quoted statement marked as FE's.
 */
import { formatRef, type StatuteRef } from './refs.js';
import type { SourceId, Unit } from './types.js';

export type ParsedUnit = Omit<Unit, 'text_en'>;

export class ParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
    this.name = 'ParseError';
  }
}

interface Node {
  ref: StatuteRef;
  kind: Unit['kind'];
  lead: string;
  label: string;
  children: Node[];
  chapter: { number: number; title: string } | null;
}

/** Folded text of a node: its own words, then each child with its label, one per line. */
function fullText(n: Node, withLabel: boolean): string {
  const own = withLabel && n.label ? `${n.label} ${n.lead}` : n.lead;
  return [own, ...n.children.map((c) => fullText(c, true))].filter((s) => s.length > 0).join('\n');
}

export function parseStatute(
  text: string,
  file = 'lov-1156-2021.da.txt',
  source: SourceId = 'lov-1156-2021',
): ParsedUnit[] {
  const lines = text.split('\n');
  const sections: Node[] = [];
  let chapter: { number: number; title: string } | null = null;
  let section: Node | null = null;
  let stk: Node | null = null; // current paragraph (explicit Stk. N, or the implicit first one)
  let item: Node | null = null;
  let sawStk = false;

  const closeSection = () => {
    if (!section) return;
    // A section with only its first paragraph has no `stk.` level: lift it.
    const first = section.children[0];
    if (!sawStk && first && first.kind === 'paragraph') {
      section.lead = first.lead;
      section.children = first.children;
      const relabel = (n: Node, parent: StatuteRef) => {
        n.ref = { ...n.ref, stk: undefined };
        delete n.ref.stk;
        for (const c of n.children) relabel(c, n.ref);
        void parent;
      };
      for (const c of section.children) relabel(c, section.ref);
    }
    sections.push(section);
  };

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.replace(/\s+$/, '');
    if (!line.trim()) return;
    let m: RegExpExecArray | null;
    m = /^Kapitel (\d+) (.+)$/.exec(line);
    if (m) {
      chapter = { number: Number(m[1]), title: m[2]!.trim() };
      return;
    }
    m = /^§ (\d+)$/.exec(line);
    if (m) {
      closeSection();
      const n = Number(m[1]);
      section = { ref: { section: n }, kind: 'section', lead: '', label: '', children: [], chapter };
      stk = { ref: { section: n, stk: 1 }, kind: 'paragraph', lead: '', label: '', children: [], chapter };
      section.children.push(stk);
      item = null;
      sawStk = false;
      return;
    }
    if (!section || !stk) return; // title and promulgation lines before § 1
    const sec: Node = section;
    m = /^Stk\. (\d+) (.+)$/.exec(line);
    if (m) {
      const n = Number(m[1]);
      if (n !== (stk.ref.stk ?? 1) + 1)
        throw new ParseError(file, lineNo, `Stk. ${n} follows stk. ${stk.ref.stk}`);
      sawStk = true;
      stk = {
        ref: { section: sec.ref.section, stk: n },
        kind: 'paragraph',
        lead: m[2]!,
        label: `Stk. ${n}`,
        children: [],
        chapter,
      };
      sec.children.push(stk);
      item = null;
      return;
    }
    m = /^\s*•\s*(\d+)\) (.+)$/.exec(line);
    if (m) {
      const n = Number(m[1]);
      item = { ref: { ...stk.ref, nr: n }, kind: 'item', lead: m[2]!, label: `${n})`, children: [], chapter };
      stk.children.push(item);
      return;
    }
    m = /^\s*•\s*([a-z])\) (.+)$/.exec(line);
    if (m) {
      if (!item) throw new ParseError(file, lineNo, `letter ${m[1]}) outside an item`);
      item.children.push({
        ref: { ...item.ref, litra: m[1]! },
        kind: 'letter',
        lead: m[2]!,
        label: `${m[1]})`,
        children: [],
        chapter,
      });
      return;
    }
    if (/^\s*•/.test(line))
      throw new ParseError(file, lineNo, `unrecognised list item "${line.trim().slice(0, 40)}"`);
    // Plain paragraph text: the first paragraph of the section (stk. 1), or a continuation.
    if (stk.lead === '' && stk.children.length === 0) stk.lead = line.trim();
    else throw new ParseError(file, lineNo, `unexpected text "${line.trim().slice(0, 40)}"`);
  });
  closeSection();
  if (sections.length === 0) throw new ParseError(file, 1, 'no sections (§) found');

  const units: ParsedUnit[] = [];
  const emit = (n: Node, parent: string | null) => {
    const ref = formatRef(n.ref);
    units.push({
      source,
      ref,
      parent,
      kind: n.kind,
      chapter: n.chapter,
      text: fullText(n, false),
      lead: n.lead,
      label: n.label,
      order: units.length,
    });
    for (const c of n.children) emit(c, ref);
  };
  for (const s of sections) emit(s, null);
  return units;
}

/**
 * The parliamentary answer: paragraphs separated by blank lines. `Spørgsmål nr. …:` and `Svar:` are
 * headings; the answer's paragraphs are `Svar, afsnit N`; paragraphs inside the quotation marks are FE's.
 */
export function parseAnswer(
  text: string,
  file = 'spm-485-2022.da.txt',
  source: SourceId = 'spm-485-2022',
): ParsedUnit[] {
  const paras = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const units: ParsedUnit[] = [];
  const add = (u: Omit<ParsedUnit, 'order' | 'source' | 'chapter' | 'lead' | 'label'>) =>
    units.push({ ...u, source, chapter: null, lead: u.text, label: '', order: units.length });
  let part: 'preamble' | 'question' | 'answer' | 'closing' = 'preamble';
  const answer: string[] = [];
  let inQuote = false;
  let afsnit = 0;
  for (const p of paras) {
    if (/^Spørgsmål nr\. \d+:$/.test(p)) {
      part = 'question';
      continue;
    }
    if (/^Svar:$/.test(p)) {
      part = 'answer';
      continue;
    }
    if (part === 'preamble') {
      add({ ref: 'Indledning', parent: null, kind: 'preamble', text: p, speaker: 'member' });
      continue;
    }
    if (part === 'question') {
      add({ ref: 'Spørgsmål', parent: null, kind: 'question', text: p, speaker: 'member' });
      continue;
    }
    if (part === 'closing') continue; // greeting and signature
    const opens = p.startsWith('”') || p.startsWith('"');
    if (opens) inQuote = true;
    const speaker = inQuote ? 'FE' : 'minister';
    if (p.endsWith('”') || p.endsWith('"')) inQuote = false;
    afsnit += 1;
    answer.push(p);
    const body = p.replace(/^[”"]/, '').replace(/[”"]$/, '');
    units.push({
      source,
      ref: `Svar, afsnit ${afsnit}`,
      parent: 'Svar',
      kind: 'statement',
      chapter: null,
      text: body,
      lead: body,
      label: '',
      speaker,
      order: -1,
    });
    if (/^Jeg henholder mig/.test(p)) part = 'closing';
  }
  if (afsnit === 0) throw new ParseError(file, 1, 'no "Svar:" heading or no answer paragraphs');
  const whole: ParsedUnit = {
    source,
    ref: 'Svar',
    parent: null,
    kind: 'answer',
    chapter: null,
    text: answer.join('\n'),
    lead: '',
    label: '',
    speaker: 'minister',
    order: -1,
  };
  const firstStatement = units.findIndex((u) => u.ref.startsWith('Svar, afsnit'));
  units.splice(firstStatement, 0, whole);
  return units.map((u, i) => ({ ...u, order: i }));
}
