/**
 * Reading the knowledge's YAML data files: a file that cannot be read, is no YAML, or breaks its zod schema
 * gives a KnowledgeLoadError naming the file and, where known, the field.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { KnowledgeLoadError } from './load-error.js';

/** The first issue of a failed schema check, as a load error naming the file and the field. */
export function zodIssue(file: string, err: z.ZodError): KnowledgeLoadError {
  const first = err.issues[0];
  const field = first ? first.path.join('.') || '(root)' : null;
  return new KnowledgeLoadError(file, field, first?.message ?? 'invalid');
}

/** The parsed YAML of a file, unchecked. */
export function readYaml(file: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    throw new KnowledgeLoadError(file, null, `cannot read: ${(e as Error).message}`);
  }
  try {
    return parseYaml(raw);
  } catch (e) {
    throw new KnowledgeLoadError(file, null, `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** The YAML of a file, checked against `schema`. */
export function readYamlFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const parsed = schema.safeParse(readYaml(file));
  if (!parsed.success) throw zodIssue(file, parsed.error);
  return parsed.data;
}
