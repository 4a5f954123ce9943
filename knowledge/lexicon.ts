/**
 * The fact extractor's vocabulary (`knowledge/vocabulary/lexicon/*.yaml`, described in its README): word
 * lists and regular-expression sources, Danish and English, read once per process and expanded into the
 * strings and tables that `bot/understand/lexicon.ts` exports. A file that is no YAML, breaks the schema,
 * names an unknown placeholder or entry, or makes a pattern that does not compile gives a KnowledgeLoadError
 * naming the file and the entry.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KnowledgeLoadError } from './load-error.js';
import { KNOWLEDGE_DIR } from './paths.js';
import { readYamlFile } from './yaml.js';

export const LEXICON_DIR = join(KNOWLEDGE_DIR, 'vocabulary', 'lexicon');

/** Letters (any script), zero or more: a stem's rest of word (`{W}`). */
export const W = String.raw`\p{L}*`;
/** Not preceded / followed by a letter or digit (a Unicode word boundary: `{B}`, `{E}`). */
export const B = String.raw`(?<![\p{L}\p{N}])`;
export const E = String.raw`(?![\p{L}\p{N}])`;
/** Up to n words in between (`{gap:n}`). */
export const gap = (n: number) => String.raw`(?:[\p{L}\p{N}'’&/-]+\s+){0,${n}}`;

/**
 * A pattern: `any` (alternatives, joined with `|`; each a source or a pattern of its own), standing where
 * `pattern` says `{any}` or, without a `pattern`, the whole; `suffix` is added to every alternative.
 */
interface Pattern {
  pattern?: string;
  any?: Array<string | Pattern>;
  suffix?: string;
}
const Source = z.string().min(1);
function checkPattern(p: Pattern, ctx: z.RefinementCtx): void {
  const issue = (message: string, path: string[] = []) => ctx.addIssue({ code: 'custom', path, message });
  if (p.pattern === undefined && p.any === undefined) issue('needs a pattern or alternatives (any)');
  if (p.suffix !== undefined && p.any === undefined) issue('a suffix needs alternatives (any)', ['suffix']);
  const slots = p.pattern === undefined ? 0 : p.pattern.split('{any}').length - 1;
  if (p.pattern !== undefined && p.any !== undefined && slots !== 1)
    issue('with alternatives, says {any} exactly once', ['pattern']);
  if (p.any === undefined && slots > 0) issue('says {any} but has no alternatives (any)', ['pattern']);
}
const fields = {
  pattern: Source.optional(),
  get any() {
    return z
      .array(z.union([Source, NestedPattern]))
      .min(1)
      .optional();
  },
  suffix: Source.optional(),
};
const NestedPattern: z.ZodType<Pattern> = z.object(fields).strict().superRefine(checkPattern);
const Row = z
  .object({ key: Source, ...fields })
  .strict()
  .superRefine(checkPattern);
const Entry = z
  .object({
    why: Source.optional(),
    ...fields,
    words: z.array(Source).min(1).optional(),
    table: z.array(Row).min(1).optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    const kinds = [e.pattern !== undefined || e.any !== undefined, e.words, e.table].filter(Boolean);
    if (kinds.length !== 1)
      ctx.addIssue({ code: 'custom', message: 'needs one of: pattern/any, words, table' });
    else if (!e.words && !e.table) checkPattern(e, ctx);
  });
const LexiconFile = z
  .object({
    ref: Source,
    entries: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'a name is UPPER_CASE'), Entry),
  })
  .strict();
type EntryData = z.infer<typeof Entry>;

/** `{` a letter … `}`; not `\p{L}` or `\u{…}`, and quantifiers (`{0,80}`) start with a digit. */
const PLACEHOLDER = /(?<!\\[pPu]|\\)\{([A-Za-z][^{}]*)\}/g;

export interface Lexicon {
  /** A pattern entry, expanded. */
  text(name: string): string;
  /** A words entry. */
  words(name: string): string[];
  /** A table entry's rows, each key one of `keys`. */
  table<K extends string>(name: string, keys: readonly K[]): Array<[K, string]>;
  /** Throws unless every entry has been read by the code or is referred to by another entry. */
  allRead(): void;
}

/** Reads and expands every file of `dir` now (uncached: `lexicon()` is the process's copy). */
export function loadLexicon(dir: string = LEXICON_DIR): Lexicon {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join(dir, f));
  } catch (e) {
    throw new KnowledgeLoadError(dir, null, `cannot read: ${(e as Error).message}`);
  }
  const entries = new Map<string, { file: string; entry: EntryData }>();
  for (const file of files)
    for (const [name, entry] of Object.entries(readYamlFile(file, LexiconFile).entries)) {
      const other = entries.get(name);
      if (other) throw new KnowledgeLoadError(file, `entries.${name}`, `already an entry of ${other.file}`);
      entries.set(name, { file, entry });
    }

  /** Each pattern entry's text and its alternatives joined (for `{ref:…}` and `{any:…}`). */
  const texts = new Map<string, { text: string; any?: string }>();
  const referred = new Set<string>();
  const expanding = new Set<string>();

  /** `source` with its placeholders expanded; `own` is what `{any}` stands for. */
  const expand = (source: string, file: string, field: string, own?: string): string =>
    source.replace(PLACEHOLDER, (whole, body: string) => {
      if (body === 'W') return W;
      if (body === 'B') return B;
      if (body === 'E') return E;
      if (body === 'any' && own !== undefined) return own;
      const g = /^gap:(\d+)$/.exec(body);
      if (g) return gap(Number(g[1]));
      const r = /^(ref|any):([A-Z][A-Z0-9_]*)$/.exec(body);
      if (!r) throw new KnowledgeLoadError(file, field, `unknown placeholder ${whole}`);
      const target = r[2]!;
      const t = entries.get(target);
      if (!t) throw new KnowledgeLoadError(file, field, `${whole}: no such entry`);
      if (t.entry.words || t.entry.table)
        throw new KnowledgeLoadError(file, field, `${whole}: ${target} is not a pattern`);
      if (r[1] === 'any' && !t.entry.any)
        throw new KnowledgeLoadError(file, field, `${whole}: ${target} has no alternatives (any)`);
      referred.add(target);
      const built = resolve(target);
      return r[1] === 'ref' ? built.text : built.any!;
    });

  const build = (p: Pattern, file: string, field: string): { text: string; any?: string } => {
    const suffix = p.suffix ?? '';
    const any = p.any
      ?.map((a, k) =>
        typeof a === 'string'
          ? expand(a + suffix, file, `${field}.any.${k}`)
          : build(a, file, `${field}.any.${k}`).text + expand(suffix, file, `${field}.suffix`),
      )
      .join('|');
    return { text: p.pattern === undefined ? any! : expand(p.pattern, file, `${field}.pattern`, any), any };
  };
  /** `build`, and the whole must compile as the extractor compiles it. */
  const compiled = (p: Pattern, file: string, field: string) => {
    const built = build(p, file, field);
    try {
      new RegExp(built.text, 'iu');
    } catch (e) {
      throw new KnowledgeLoadError(file, field, `the pattern does not compile: ${(e as Error).message}`);
    }
    return built;
  };
  function resolve(name: string): { text: string; any?: string } {
    const done = texts.get(name);
    if (done) return done;
    const { file, entry } = entries.get(name)!;
    if (expanding.has(name)) throw new KnowledgeLoadError(file, `entries.${name}`, 'refers to itself');
    expanding.add(name);
    const built = compiled(entry, file, `entries.${name}`);
    expanding.delete(name);
    texts.set(name, built);
    return built;
  }

  const tables = new Map<string, Array<{ key: string; text: string }>>();
  for (const [name, { file, entry }] of entries) {
    if (entry.table)
      tables.set(
        name,
        entry.table.map((row, k) => ({
          key: row.key,
          text: compiled(row, file, `entries.${name}.table.${k}`).text,
        })),
      );
    else if (!entry.words) resolve(name);
  }

  const read = new Set<string>();
  const get = (name: string, kind: 'pattern' | 'words' | 'table') => {
    const e = entries.get(name);
    if (!e) throw new KnowledgeLoadError(dir, `entries.${name}`, 'no such entry in any file');
    const is = e.entry.words ? 'words' : e.entry.table ? 'table' : 'pattern';
    if (is !== kind)
      throw new KnowledgeLoadError(e.file, `entries.${name}`, `is ${is}, the code reads ${kind}`);
    read.add(name);
    return e;
  };
  return {
    text(name) {
      get(name, 'pattern');
      return texts.get(name)!.text;
    },
    words(name) {
      return [...get(name, 'words').entry.words!];
    },
    table<K extends string>(name: string, keys: readonly K[]): Array<[K, string]> {
      const { file } = get(name, 'table');
      return tables.get(name)!.map(({ key, text }, k): [K, string] => {
        if (!(keys as readonly string[]).includes(key))
          throw new KnowledgeLoadError(
            file,
            `entries.${name}.table.${k}.key`,
            `${key} is none of ${keys.join(', ')}`,
          );
        return [key as K, text];
      });
    },
    allRead() {
      for (const [name, { file }] of entries)
        if (!read.has(name) && !referred.has(name))
          throw new KnowledgeLoadError(file, `entries.${name}`, 'no code reads it and no entry refers to it');
    },
  };
}

let cached: Lexicon | undefined;
/** The lexicon of the knowledge folder, read once per process. */
export function lexicon(): Lexicon {
  cached ??= loadLexicon();
  return cached;
}
