/**
 * The ref grammar of the answer contract for the statute: `§ 2`, `§ 2, stk. 2`, `§ 2, stk. 2, nr. 2`,
 * `§ 1, nr. 3`, `§ 1, nr. 3, litra a`. One parser and one formatter, round-tripping.
 */
export interface StatuteRef {
  section: number;
  stk?: number;
  nr?: number;
  litra?: string;
}

export type RefErrorCode = 'empty' | 'malformed' | 'unknown_ref';
export interface RefError {
  code: RefErrorCode;
  ref: string;
  message: string;
}
export type RefResult<T> = { ok: true; value: T } | { ok: false; error: RefError };

const CANONICAL = /^§ (\d+)(?:, stk\. (\d+))?(?:, nr\. (\d+))?(?:, litra ([a-z]))?$/;

/** Parses a canonical statute ref. Anything not in the canonical form is a typed `malformed` error. */
export function parseRef(ref: string): RefResult<StatuteRef> {
  if (!ref.trim()) return { ok: false, error: { code: 'empty', ref, message: 'empty ref' } };
  const m = CANONICAL.exec(ref);
  if (!m)
    return { ok: false, error: { code: 'malformed', ref, message: `not a canonical statute ref: "${ref}"` } };
  const value: StatuteRef = { section: Number(m[1]) };
  if (m[2]) value.stk = Number(m[2]);
  if (m[3]) value.nr = Number(m[3]);
  if (m[4]) {
    if (!m[3])
      return { ok: false, error: { code: 'malformed', ref, message: `litra without nr.: "${ref}"` } };
    value.litra = m[4];
  }
  return { ok: true, value };
}

export function formatRef(r: StatuteRef): string {
  let s = `§ ${r.section}`;
  if (r.stk !== undefined) s += `, stk. ${r.stk}`;
  if (r.nr !== undefined) s += `, nr. ${r.nr}`;
  if (r.litra !== undefined) s += `, litra ${r.litra}`;
  return s;
}

/** Where a section number starts: `§ 7`, `§7`, `§§ 8-13`, `paragraf 7`, `paragraffen`, `paragraph 7`, `section 7`, `sec. 7`. */
const LOOSE_SECTION = /(?:§§?|\bparagraf(?:fen)?\b|\bparagraph\b|\bsection\b|\bsec\.)\s*(\d+)/i;
/** The qualifiers that may follow the section, each once, in any order, separated by spaces or commas. */
const LOOSE_PARTS: { re: RegExp; part: 'stk' | 'nr' | 'litra' | 'paren' | 'skip' }[] = [
  { re: /^(?:stk\.?|stykke|subsection|subsec\.|sub-section)\s*(\d+)/i, part: 'stk' },
  { re: /^(\d+)\.\s*(?:stk\b\.?|stykke\b)/i, part: 'stk' },
  { re: /^(?:nr\.?|nummer|no\.?|number|item|point)\s*(\d+)/i, part: 'nr' },
  { re: /^(?:litra|letter)\s*\(?([a-z])(?![a-zæøå])\)?/i, part: 'litra' },
  { re: /^\((\d+)\)/, part: 'paren' },
  { re: /^\(([a-z])\)/i, part: 'litra' },
  { re: /^(?:\d+\.\s*pkt\.?|pkt\.?\s*\d+|\d+(?:st|nd|rd|th)\s+sentence)/i, part: 'skip' },
];

/**
 * Reads the first ref in text as people write it into canonical parts: `§2 stk 2 nr 2`,
 * `§ 1 nr. 3 litra a`, `paragraf 7, stk. 2`, `§ 7, 2. stk.`, `section 19`, `section 2(2)(3)`,
 * `§ 2, subsection 2, no. 4`. A sentence number (`1. pkt.`) is read past and dropped; a letter without an
 * item number is dropped. Returns a typed error when nothing ref-like is there.
 */
export function parseLooseRef(text: string): RefResult<StatuteRef> {
  if (!text.trim()) return { ok: false, error: { code: 'empty', ref: text, message: 'empty ref' } };
  const m = LOOSE_SECTION.exec(text);
  if (!m)
    return { ok: false, error: { code: 'malformed', ref: text, message: `no statute ref in "${text}"` } };
  const value: StatuteRef = { section: Number(m[1]) };
  let rest = text.slice(m.index + m[0].length);
  for (;;) {
    const sep = /^[\s,]*/.exec(rest)![0];
    const tail = rest.slice(sep.length);
    let hit: { n: string; part: (typeof LOOSE_PARTS)[number]['part']; length: number } | undefined;
    for (const { re, part } of LOOSE_PARTS) {
      const pm = re.exec(tail);
      if (pm) {
        hit = { n: pm[1] ?? '', part, length: pm[0].length };
        break;
      }
    }
    if (!hit) break;
    // `(2)` right after the section is its stk.; a second one is the item (`section 2(2)(3)`).
    const part =
      hit.part === 'paren' ? (value.stk === undefined && value.nr === undefined ? 'stk' : 'nr') : hit.part;
    if (part === 'stk' && value.stk === undefined && value.nr === undefined) value.stk = Number(hit.n);
    else if (part === 'nr' && value.nr === undefined) value.nr = Number(hit.n);
    else if (part === 'litra' && value.litra === undefined && value.nr !== undefined)
      value.litra = hit.n.toLowerCase();
    else if (part !== 'skip') break;
    rest = tail.slice(hit.length);
  }
  return { ok: true, value };
}

/** `§ 1, nr. 3, litra a` covers itself and is covered by `§ 1, nr. 3` and `§ 1`. */
export function refCovers(general: string, specific: string): boolean {
  return general === specific || specific.startsWith(`${general},`);
}
