/**
 * The knowledge base: the official texts parsed into units, each with its unofficial English
 * rendering, and the metadata of each source. Loaded once and cached.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KnowledgeLoadError } from './load-error.js';
import { type ParsedUnit, ParseError, parseAnswer, parseStatute } from './parse.js';
import { TEXTS_DIR } from './paths.js';
import { parseRef, type RefResult } from './refs.js';
import { SOURCE_IDS, type SourceId, type Unit } from './types.js';
import { readYaml, zodIssue } from './yaml.js';

export { KnowledgeLoadError } from './load-error.js';
export type { SourceId, Unit } from './types.js';

const SourceMetaSchema = z.object({
  id: z.enum(SOURCE_IDS),
  title: z.string().min(1),
  title_en: z.string().min(1),
  number: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  publisher: z.string().min(1),
  url: z.string().url().nullable(),
  in_force: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  seed: z.string().min(1),
  text_file: z.string().min(1),
  english_file: z.string().min(1),
  cleaning: z.array(z.string()),
});
export type SourceMeta = z.infer<typeof SourceMetaSchema>;
const SourcesFileSchema = z.object({ sources: z.array(SourceMetaSchema).min(1) });

const EnglishFileSchema = z.object({
  source: z.enum(SOURCE_IDS),
  unofficial: z.literal(true),
  note: z.string().min(1),
  /** Each unit's own words in English (children are composed, as in the Danish). */
  units: z.record(z.string(), z.string().min(1)),
});

export interface KnowledgeBase {
  readonly units: readonly Unit[];
  readonly sources: readonly SourceMeta[];
  get(source: SourceId, ref: string): Unit | undefined;
  /** A unit by ref, or a typed error: `unknown_ref`, or for the statute `empty`/`malformed` when the ref is not canonical. */
  lookup(source: SourceId, ref: string): RefResult<Unit>;
  has(source: SourceId, ref: string): boolean;
  children(source: SourceId, ref: string): Unit[];
  /** The official text of a source as kept in `knowledge/texts/`. */
  officialText(source: SourceId): string;
}

/** Composes a parent's English the way the Danish is folded: own words, then each child with its label. */
function composeEnglish(units: ParsedUnit[], own: Map<string, string>, file: string): Map<string, string> {
  const byParent = new Map<string | null, ParsedUnit[]>();
  for (const u of units) byParent.set(u.parent, [...(byParent.get(u.parent) ?? []), u]);
  const out = new Map<string, string>();
  const render = (u: ParsedUnit, withLabel: boolean): string => {
    const kids = byParent.get(u.ref) ?? [];
    const mine = own.get(u.ref);
    if (mine === undefined && (kids.length === 0 || u.lead !== '')) {
      throw new KnowledgeLoadError(file, `units.${u.ref}`, 'no English rendering for this unit');
    }
    const lead = mine ?? '';
    const head = withLabel && u.label ? `${u.label.replace(/^Stk\./, 'Subsection')} ${lead}` : lead;
    return [head, ...kids.map((k) => render(k, true))].filter((s) => s.trim().length > 0).join('\n');
  };
  for (const u of units) out.set(u.ref, render(u, false));
  for (const ref of own.keys()) {
    if (!units.some((u) => u.ref === ref))
      throw new KnowledgeLoadError(file, `units.${ref}`, 'no such unit in the source');
  }
  return out;
}

export function loadKnowledge(dir: string = TEXTS_DIR): KnowledgeBase {
  const sourcesFile = join(dir, 'sources.yaml');
  const parsedSources = SourcesFileSchema.safeParse(readYaml(sourcesFile));
  if (!parsedSources.success) throw zodIssue(sourcesFile, parsedSources.error);
  const units: Unit[] = [];
  const texts = new Map<SourceId, string>();
  for (const meta of parsedSources.data.sources) {
    const textFile = join(dir, meta.text_file);
    let text: string;
    try {
      text = readFileSync(textFile, 'utf8');
    } catch (e) {
      throw new KnowledgeLoadError(textFile, null, `cannot read: ${(e as Error).message}`);
    }
    texts.set(meta.id, text);
    let parsed: ParsedUnit[];
    try {
      parsed =
        meta.id === 'lov-1156-2021'
          ? parseStatute(text, textFile, meta.id)
          : parseAnswer(text, textFile, meta.id);
    } catch (e) {
      if (e instanceof ParseError) throw new KnowledgeLoadError(textFile, `line ${e.line}`, e.message);
      throw e;
    }
    const enFile = join(dir, meta.english_file);
    const en = EnglishFileSchema.safeParse(readYaml(enFile));
    if (!en.success) throw zodIssue(enFile, en.error);
    if (en.data.source !== meta.id)
      throw new KnowledgeLoadError(enFile, 'source', `is ${en.data.source}, want ${meta.id}`);
    const english = composeEnglish(parsed, new Map(Object.entries(en.data.units)), enFile);
    for (const u of parsed) units.push({ ...u, text_en: english.get(u.ref)! });
  }
  const index = new Map(units.map((u) => [`${u.source}\u0000${u.ref}`, u]));
  const kb: KnowledgeBase = {
    units,
    sources: parsedSources.data.sources,
    get: (source, ref) => index.get(`${source}\u0000${ref}`),
    has: (source, ref) => index.has(`${source}\u0000${ref}`),
    lookup: (source, ref) => {
      const u = index.get(`${source}\u0000${ref}`);
      if (u) return { ok: true, value: u };
      if (source === 'lov-1156-2021') {
        const parsed = parseRef(ref);
        if (!parsed.ok) return parsed;
      }
      return { ok: false, error: { code: 'unknown_ref', ref, message: `${source} has no unit "${ref}"` } };
    },
    children: (source, ref) => units.filter((u) => u.source === source && u.parent === ref),
    officialText: (source) => texts.get(source) ?? '',
  };
  return kb;
}

let cached: KnowledgeBase | undefined;
/** The project's knowledge base, loaded on first use (or at start, by `preloadKnowledge`). */
export function knowledge(): KnowledgeBase {
  cached ??= loadKnowledge();
  return cached;
}

/**
 * Loads and validates the texts in `dir` now and makes them the ones `knowledge()` returns; a missing or
 * broken file throws a KnowledgeLoadError naming the file and field. For the start of the bot.
 */
export function preloadKnowledge(dir: string = TEXTS_DIR): KnowledgeBase {
  cached = loadKnowledge(dir);
  return cached;
}
