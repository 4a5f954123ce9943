/**
 * Reads one YAML data file of the knowledge and checks it with a zod schema: a file that cannot be read,
 * is no YAML, or breaks the schema gives a KnowledgeLoadError naming the file and the field.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { KnowledgeLoadError } from './load-error.js';

export function readYamlFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new KnowledgeLoadError(file, null, (e as Error).message);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new KnowledgeLoadError(file, i?.path.join('.') || null, i?.message ?? 'invalid');
  }
  return parsed.data;
}
