/** The two sources the advisor knows, by the ids of the answer contract. */
export const SOURCE_IDS = ['lov-1156-2021', 'spm-485-2022'] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

export type UnitKind =
  | 'section'
  | 'paragraph'
  | 'item'
  | 'letter'
  | 'preamble'
  | 'question'
  | 'answer'
  | 'statement';

/** An addressable, quotable part of a source: `§ 2, stk. 2, nr. 2`, or `Svar, afsnit 4`. */
export interface Unit {
  source: SourceId;
  /** Canonical ref (answer contract): `§ 1, nr. 3, litra a`, `§ 7, stk. 2`, `Svar, afsnit 3`. */
  ref: string;
  /** Ref of the enclosing unit, or null for a top-level unit. */
  parent: string | null;
  kind: UnitKind;
  /** Chapter of the statute (`Kapitel 2`), null for the guidance. */
  chapter: { number: number; title: string } | null;
  /** The unit's whole Danish text, verbatim from the official text (children included), layout folded. */
  text: string;
  /** Unofficial English rendering of `text`. */
  text_en: string;
  /** The unit's own words, without its children (for a leaf, the same as `text`). */
  lead: string;
  /** The label the unit carries in the text: `Stk. 2`, `2)`, `a)`; empty for a section or the guidance. */
  label: string;
  /** Who speaks, for the guidance: the minister, or FE quoted by the minister. */
  speaker?: 'minister' | 'FE' | 'member';
  /** Position in document order. */
  order: number;
}
