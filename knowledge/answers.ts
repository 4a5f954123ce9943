/**
 * What a unit answers to a yes/no question about its point (`knowledge/answers/yes-no.yaml`): data an
 * editor keeps beside the texts, validated at load; every row's unit must exist.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { wordClass } from '../bot/understand/words.js';
import { knowledge } from './index.js';
import { KnowledgeLoadError } from './load-error.js';
import { KNOWLEDGE_DIR } from './paths.js';
import { SOURCE_IDS, type SourceId } from './types.js';
import { readYamlFile } from './yaml.js';

export const YES_NO_FILE = join(KNOWLEDGE_DIR, 'answers', 'yes-no.yaml');
export const OPEN_FILE = join(KNOWLEDGE_DIR, 'answers', 'open.yaml');

const RowSchema = z
  .object({
    source: z.enum(SOURCE_IDS),
    ref: z.string().min(1),
    about: z.array(z.string().min(1)).min(1),
    answer: z.enum(['yes', 'no', 'depends']),
    da: z.string().min(10),
    en: z.string().min(10),
    /**
     * A question that asks whether it holds despite the unit's condition ("even if a milder measure
     * would do", "uden at …") gets the opposite answer, in these words.
     */
    despite: z
      .object({
        words: z.array(z.string().min(1)).min(1),
        da: z.string().min(10),
        en: z.string().min(10),
      })
      .strict()
      .optional(),
  })
  .strict();
const FileSchema = z.object({ ref: z.string(), rows: z.array(RowSchema).min(1) }).strict();
const OpenRowSchema = RowSchema.omit({ answer: true })
  .extend({ asks: z.array(z.string().min(1)).min(1) })
  .strict();
const OpenFileSchema = z.object({ ref: z.string(), rows: z.array(OpenRowSchema).min(1) }).strict();

/** What a unit answers to an open question ("who decides?"): `asks` is the interrogative it answers. */
export interface OpenRow {
  source: SourceId;
  ref: string;
  asks: RegExp;
  about: RegExp;
  da: string;
  en: string;
}

export interface YesNoRow {
  source: SourceId;
  ref: string;
  about: RegExp;
  answer: 'yes' | 'no' | 'depends';
  da: string;
  en: string;
  despite?: { words: RegExp; da: string; en: string };
}

let cached: YesNoRow[] | undefined;

/** The rows, compiled; a broken file or an unknown unit names the file and the row. */
export function yesNoAnswers(file = YES_NO_FILE): YesNoRow[] {
  if (cached && file === YES_NO_FILE) return cached;
  const data = readYamlFile(file, FileSchema);
  const kb = knowledge();
  const rows = data.rows.map((r, n) => {
    if (!kb.has(r.source, r.ref))
      throw new KnowledgeLoadError(file, `rows.${n}.ref`, `${r.source} has no unit ${JSON.stringify(r.ref)}`);
    let about: RegExp;
    let despite: YesNoRow['despite'];
    try {
      about = wordClass(r.about);
      if (r.despite) despite = { ...r.despite, words: wordClass(r.despite.words) };
    } catch (e) {
      throw new KnowledgeLoadError(file, `rows.${n}.about`, (e as Error).message);
    }
    const { despite: _raw, ...plain } = r;
    return { ...plain, about, ...(despite ? { despite } : {}) };
  });
  if (file === YES_NO_FILE) cached = rows;
  return rows;
}

/** The row as it answers `clause`: turned over when the clause asks about it despite its condition. */
export function answerFor(row: YesNoRow, clause: string): YesNoRow {
  if (!row.despite?.words.test(clause) || row.answer === 'depends') return row;
  const { despite: _d, ...rest } = row;
  return { ...rest, answer: row.answer === 'yes' ? 'no' : 'yes', da: row.despite.da, en: row.despite.en };
}

let openCached: OpenRow[] | undefined;

/** The open-question rows, compiled; a broken file or an unknown unit names the file and the row. */
export function openAnswers(file = OPEN_FILE): OpenRow[] {
  if (openCached && file === OPEN_FILE) return openCached;
  const data = readYamlFile(file, OpenFileSchema);
  const kb = knowledge();
  const rows = data.rows.map((r, n) => {
    if (!kb.has(r.source, r.ref))
      throw new KnowledgeLoadError(file, `rows.${n}.ref`, `${r.source} has no unit ${JSON.stringify(r.ref)}`);
    try {
      return { ...r, asks: wordClass(r.asks), about: wordClass(r.about) };
    } catch (e) {
      throw new KnowledgeLoadError(file, `rows.${n}`, (e as Error).message);
    }
  });
  if (file === OPEN_FILE) openCached = rows;
  return rows;
}
