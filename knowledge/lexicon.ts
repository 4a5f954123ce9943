/**
 * The reader's vocabularies (`knowledge/vocabulary/<name>/*.yaml`, described in its README): word lists,
 * regular-expression sources and number words, Danish and English, read once per process and expanded into
 * the strings and tables that the code names: each folder `VOCABULARIES` lists is named by one module, the
 * fact extractor's lexicon (`lexicon/`) by `bot/understand/extract.ts`.
 * A file that is no YAML, breaks the schema, names an unknown placeholder or entry, or makes a pattern that
 * does not compile gives a KnowledgeLoadError naming the file and the entry. A start from the build reads
 * each expansion from `dist/vocabulary/<name>.json` while it was made from the same files by the same loader
 * (`vocabulary`), as parsing the YAML is most of the cost.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { KnowledgeLoadError } from './load-error.js';
import { KNOWLEDGE_DIR, PROJECT_ROOT } from './paths.js';
import { readYamlFile } from './yaml.js';

/** The folders of `knowledge/vocabulary/` read by this loader, each named by one module of the reader. */
export const VOCABULARIES = ['lexicon', 'topic', 'numbers'] as const;
export type VocabularyName = (typeof VOCABULARIES)[number];
export const vocabularyDir = (name: VocabularyName): string => join(KNOWLEDGE_DIR, 'vocabulary', name);
/** The last expansion of a vocabulary, keyed by a hash of its files and of this loader (see `vocabulary`). */
export const vocabularyCache = (name: VocabularyName): string =>
  join(PROJECT_ROOT, 'dist', 'vocabulary', `${name}.json`);
export const LEXICON_DIR = vocabularyDir('lexicon');
export const LEXICON_CACHE = vocabularyCache('lexicon');

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
/** Plain words, one space between (a `values` key: looked up as written, and joined into patterns as it is). */
const PlainWords = z.string().regex(/^\p{L}+(?: \p{L}+)*$/u, 'plain words: letters, one space between');
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
    get each() {
      return z
        .array(z.union([Source, NestedPattern]))
        .min(1)
        .optional();
    },
    values: z
      .record(PlainWords, z.number())
      .refine((v) => Object.keys(v).length > 0, 'needs at least one word')
      .optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    const pattern = e.pattern !== undefined || e.any !== undefined;
    const kinds = [pattern, e.words, e.table, e.each, e.values].filter(Boolean);
    if (kinds.length !== 1)
      ctx.addIssue({ code: 'custom', message: 'needs one of: pattern/any, words, table, each, values' });
    else if (pattern) checkPattern(e, ctx);
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
  /** An each entry: its patterns, each expanded on its own, in order. */
  each(name: string): string[];
  /** A values entry: each word with the number it stands for, in the file's order. */
  values(name: string): Record<string, number>;
  /** Throws unless every entry has been read by the code or is referred to by another entry. */
  allRead(): void;
}

/** The lexicon expanded: what a `Lexicon` answers from, as plain data (the cache's content). */
const Compiled = z.object({
  entries: z.record(
    z.string(),
    z.object({
      file: z.string(),
      text: z.string().optional(),
      words: z.array(z.string()).optional(),
      rows: z.array(z.object({ key: z.string(), text: z.string() })).optional(),
      each: z.array(z.string()).optional(),
      values: z.array(z.tuple([z.string(), z.number()])).optional(),
    }),
  ),
  referred: z.array(z.string()),
});
type Compiled = z.infer<typeof Compiled>;

/** The YAML files of `dir`, in name order. */
function lexiconFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join(dir, f));
  } catch (e) {
    throw new KnowledgeLoadError(dir, null, `cannot read: ${(e as Error).message}`);
  }
}

/** Reads and expands every file of `dir` now (uncached: `lexicon()` is the process's copy). */
export function loadLexicon(dir: string = LEXICON_DIR): Lexicon {
  return lexiconOf(compileLexicon(lexiconFiles(dir)), dir);
}

/** Parses, validates and expands the files. */
function compileLexicon(files: string[]): Compiled {
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
      if (t.entry.words || t.entry.table || t.entry.each || t.entry.values)
        throw new KnowledgeLoadError(file, field, `${whole}: ${target} is not a pattern`);
      if (r[1] === 'any' && !t.entry.any)
        throw new KnowledgeLoadError(file, field, `${whole}: ${target} has no alternatives (any)`);
      referred.add(target);
      const built = resolve(target);
      return r[1] === 'ref' ? built.text : built.any!;
    });

  const build = (p: string | Pattern, file: string, field: string): { text: string; any?: string } => {
    if (typeof p === 'string') return { text: expand(p, file, field) };
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
  const compiled = (p: string | Pattern, file: string, field: string) => {
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

  const out: Compiled = { entries: {}, referred: [] };
  for (const [name, { file, entry }] of entries) {
    const at = { file: basename(file) };
    if (entry.words) out.entries[name] = { ...at, words: entry.words };
    else if (entry.values) out.entries[name] = { ...at, values: Object.entries(entry.values) };
    else if (entry.each) {
      const each = entry.each.map((p, k) => compiled(p, file, `entries.${name}.each.${k}`).text);
      out.entries[name] = { ...at, each };
    } else if (entry.table) {
      const rows = entry.table.map((row, k) => ({
        key: row.key,
        text: compiled(row, file, `entries.${name}.table.${k}`).text,
      }));
      out.entries[name] = { ...at, rows };
    } else out.entries[name] = { ...at, text: resolve(name).text };
  }
  out.referred = [...referred];
  return out;
}

/** Answers from an expanded lexicon; `dir` is where its files are (for the errors). */
function lexiconOf(c: Compiled, dir: string): Lexicon {
  const read = new Set<string>();
  const referred = new Set(c.referred);
  const get = (name: string, kind: 'pattern' | 'words' | 'table' | 'each' | 'values') => {
    const e = c.entries[name];
    if (!e) throw new KnowledgeLoadError(dir, `entries.${name}`, 'no such entry in any file');
    const file = join(dir, e.file);
    const is = e.words ? 'words' : e.rows ? 'table' : e.each ? 'each' : e.values ? 'values' : 'pattern';
    if (is !== kind)
      throw new KnowledgeLoadError(file, `entries.${name}`, `is ${is}, the code reads ${kind}`);
    read.add(name);
    return { ...e, file };
  };
  return {
    text(name) {
      return get(name, 'pattern').text!;
    },
    words(name) {
      return [...get(name, 'words').words!];
    },
    table<K extends string>(name: string, keys: readonly K[]): Array<[K, string]> {
      const { file, rows } = get(name, 'table');
      return rows!.map(({ key, text }, k): [K, string] => {
        if (!(keys as readonly string[]).includes(key))
          throw new KnowledgeLoadError(
            file,
            `entries.${name}.table.${k}.key`,
            `${key} is none of ${keys.join(', ')}`,
          );
        return [key as K, text];
      });
    },
    each(name) {
      return [...get(name, 'each').each!];
    },
    values(name) {
      return Object.fromEntries(get(name, 'values').values!);
    },
    allRead() {
      for (const [name, { file }] of Object.entries(c.entries))
        if (!read.has(name) && !referred.has(name))
          throw new KnowledgeLoadError(
            join(dir, file),
            `entries.${name}`,
            'no code reads it and no entry refers to it',
          );
    },
  };
}

/** A hash of this loader and of every file's name and bytes: the same key, the same lexicon. */
function lexiconKey(files: string[]): string {
  const h = createHash('sha256');
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const file of files) {
    h.update(`\0${basename(file)}\0`);
    try {
      h.update(readFileSync(file));
    } catch (e) {
      throw new KnowledgeLoadError(file, null, `cannot read: ${(e as Error).message}`);
    }
  }
  return `sha256:${h.digest('hex')}`;
}

const CacheFile = z.object({ key: z.string(), lexicon: Compiled });
/** The cached expansion when it was made from these very files by this very loader, else undefined. */
function readCache(file: string, key: string): Compiled | undefined {
  try {
    const c = CacheFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return c.success && c.data.key === key ? c.data.lexicon : undefined;
  } catch {
    return undefined; // none yet, or unreadable: expanded from the YAML
  }
}

/** Writes the expansion atomically (a temp file renamed into place). */
function writeCache(file: string, key: string, lexicon: Compiled): void {
  const tmp = `${file}.tmp-${process.pid}`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(tmp, JSON.stringify({ key, lexicon }));
  renameSync(tmp, file);
}

/** For `npm run build`: parses, validates and expands a vocabulary and writes its cache. */
export function buildVocabularyCache(name: VocabularyName): { file: string; key: string; entries: number } {
  const files = lexiconFiles(vocabularyDir(name));
  const key = lexiconKey(files);
  const c = compileLexicon(files);
  const file = vocabularyCache(name);
  writeCache(file, key, c);
  return { file, key, entries: Object.keys(c.entries).length };
}

/**
 * The lexicon of `dir`, read from `cacheFile` when that was written from these very files by this very
 * loader, else parsed, validated and expanded (and the cache written, where it can be).
 */
export function cachedLexicon(dir: string, cacheFile: string): Lexicon {
  const files = lexiconFiles(dir);
  const key = lexiconKey(files);
  let c = readCache(cacheFile, key);
  if (!c) {
    c = compileLexicon(files);
    try {
      writeCache(cacheFile, key, c);
    } catch {
      rmSync(`${cacheFile}.tmp-${process.pid}`, { force: true }); // a read-only folder: parsed again next time
    }
  }
  return lexiconOf(c, dir);
}

/** Run from the build (dist/), not from the sources: tests and tsx always read the YAML itself. */
const FROM_DIST = import.meta.url.endsWith('.js');
const loaded = new Map<VocabularyName, Lexicon>();
/**
 * A vocabulary of the knowledge folder, read once per process. Parsing the YAML is most of the cost, so a
 * start from the build reads its cache (`vocabularyCache`), which `npm run build` writes, keyed like the
 * retrieval index (any change to the files or the loader parses, validates and expands the YAML again).
 */
export function vocabulary(name: VocabularyName): Lexicon {
  let v = loaded.get(name);
  if (!v) {
    const dir = vocabularyDir(name);
    v = FROM_DIST ? cachedLexicon(dir, vocabularyCache(name)) : loadLexicon(dir);
    loaded.set(name, v);
  }
  return v;
}
/** The fact extractor's vocabulary (`knowledge/vocabulary/lexicon/`). */
export function lexicon(): Lexicon {
  return vocabulary('lexicon');
}
