/** The domain glossary (retrieval/glossary.yaml): validated data, never code. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { PROJECT_ROOT } from '../knowledge/paths.js';

export const GLOSSARY_FILE = join(PROJECT_ROOT, 'retrieval', 'glossary.yaml');

const Phrase = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().min(1));

export const GlossarySchema = z.object({
  version: z.number().int().positive(),
  lexicon: z.array(Phrase).default([]),
  stop_phrases: z.array(Phrase).default([]),
  entries: z
    .array(
      z
        .object({
          en: z.array(Phrase).default([]),
          da: z.array(Phrase).default([]),
          statute: z.array(Phrase).min(1),
        })
        .strict()
        .refine((e) => e.en.length + e.da.length > 0, { message: 'needs at least one `en` or `da` phrase' }),
    )
    .min(1),
});
export type Glossary = z.infer<typeof GlossarySchema>;

/** A glossary file that cannot be used: names the file and the field. */
export class GlossaryError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    readonly detail: string,
  ) {
    super(`${file}${field ? ` (${field})` : ''}: ${detail}`);
    this.name = 'GlossaryError';
  }
}

export function parseGlossary(raw: string, file = GLOSSARY_FILE): Glossary {
  let data: unknown;
  try {
    data = parseYaml(raw);
  } catch (e) {
    throw new GlossaryError(file, null, `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const parsed = GlossarySchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new GlossaryError(
      file,
      first ? first.path.join('.') || '(root)' : null,
      first?.message ?? 'invalid',
    );
  }
  return parsed.data;
}

export function loadGlossary(file: string = GLOSSARY_FILE): Glossary {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    throw new GlossaryError(file, null, `cannot read: ${(e as Error).message}`);
  }
  return parseGlossary(raw, file);
}
