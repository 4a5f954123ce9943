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

/**
 * Reads a ref as people write it (`§2 stk 2 nr 2`, `paragraf 7, stk. 2`, `section 19`) into canonical
 * parts. Returns a typed error when nothing ref-like is there.
 */
export function parseLooseRef(text: string): RefResult<StatuteRef> {
  const m =
    /(?:§§?|paragraf|section|sec\.)\s*(\d+)(?:\s*,?\s*(?:stk\.?|subsection|para\.?)\s*(\d+))?(?:\s*,?\s*(?:nr\.?|no\.?|item)\s*(\d+))?(?:\s*,?\s*(?:litra|letter)\s*([a-z])\b)?/i.exec(
      text,
    );
  if (!m)
    return { ok: false, error: { code: 'malformed', ref: text, message: `no statute ref in "${text}"` } };
  const value: StatuteRef = { section: Number(m[1]) };
  if (m[2]) value.stk = Number(m[2]);
  if (m[3]) value.nr = Number(m[3]);
  if (m[4] && m[3]) value.litra = m[4].toLowerCase();
  return { ok: true, value };
}

/** `§ 1, nr. 3, litra a` covers itself and is covered by `§ 1, nr. 3` and `§ 1`. */
export function refCovers(general: string, specific: string): boolean {
  return general === specific || specific.startsWith(`${general},`);
}
