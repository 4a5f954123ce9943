/**
 * Plain-language explainers: for every unit of each source, two to four sentences in Danish and in
 * English on what the unit means for the person asking. Written once, kept as YAML data in
 * `knowledge/explainers/<source>.yaml` (read from the source folder, also when running from dist/),
 * validated with zod at load against the units the knowledge base has. They explain; they are not the
 * text, and they name nothing the unit's text does not (test/knowledge/explainers.test.ts).
 */
import { join } from 'node:path';
import { z } from 'zod';
import { type KnowledgeBase, knowledge } from './index.js';
import { KnowledgeLoadError } from './load-error.js';
import { KNOWLEDGE_DIR } from './paths.js';
import { SOURCE_IDS, type SourceId } from './types.js';
import { readYaml, zodIssue } from './yaml.js';

export { KnowledgeLoadError } from './load-error.js';

export const EXPLAINERS_DIR = join(KNOWLEDGE_DIR, 'explainers');
/** The file holding a source's explainers, in `dir`. */
export const explainerFile = (source: SourceId, dir: string = EXPLAINERS_DIR): string =>
  join(dir, `${source}.yaml`);

export type ExplainerLang = 'da' | 'en';

export interface Explainers {
  /** The explainer of a unit in one language; undefined for a ref the source does not have. */
  get(source: SourceId, ref: string, lang: ExplainerLang): string | undefined;
}

const text = z.string().trim().min(1, 'must not be empty');
const ExplainerFileSchema = z.strictObject({
  source: z.enum(SOURCE_IDS),
  /** Ref → the explainer in each language. */
  units: z.record(z.string(), z.strictObject({ da: text, en: text })),
});

function readExplainers(dir: string, kb: KnowledgeBase): Explainers {
  const index = new Map<string, { da: string; en: string }>();
  for (const source of SOURCE_IDS) {
    const file = explainerFile(source, dir);
    const parsed = ExplainerFileSchema.safeParse(readYaml(file));
    if (!parsed.success) throw zodIssue(file, parsed.error);
    if (parsed.data.source !== source)
      throw new KnowledgeLoadError(file, 'source', `is ${parsed.data.source}, want ${source}`);
    for (const [ref, explainer] of Object.entries(parsed.data.units)) {
      if (!kb.has(source, ref))
        throw new KnowledgeLoadError(file, `units.${ref}`, 'no such unit in the source');
      index.set(`${source}\u0000${ref}`, explainer);
    }
    for (const u of kb.units) {
      if (u.source === source && !index.has(`${source}\u0000${u.ref}`))
        throw new KnowledgeLoadError(file, `units.${u.ref}`, 'no explainer for this unit');
    }
  }
  return { get: (source, ref, lang) => index.get(`${source}\u0000${ref}`)?.[lang] };
}

let cached: Explainers | undefined;
/**
 * The explainers of every unit of both sources. With no arguments, the project's files against the
 * project's knowledge base, loaded on first use and cached; with a folder or a knowledge base
 * (tests), read afresh.
 */
export function loadExplainers(dir: string = EXPLAINERS_DIR, kb?: KnowledgeBase): Explainers {
  if (dir === EXPLAINERS_DIR && kb === undefined) {
    cached ??= readExplainers(dir, knowledge());
    return cached;
  }
  return readExplainers(dir, kb ?? knowledge());
}
