import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import '../../bot/understand/extract.js';
import { ORGANISATION_TYPES } from '../../guardrails/facts.js';
import { cachedLexicon, LEXICON_DIR, type Lexicon, lexicon, loadLexicon } from '../../knowledge/lexicon.js';
import { KnowledgeLoadError } from '../../knowledge/load-error.js';

/** The names and shapes of the lexicon's entries as they were when the words moved to YAML. */
const FIXTURE = join(import.meta.dirname, '..', 'bot', 'understand', 'lexicon.fixture.json');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the lexicon with `file` changed by `edit`. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lexicon-broken-'));
  dirs.push(dir);
  cpSync(LEXICON_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  expect(after, 'the edit changed nothing').not.toBe(before);
  writeFileSync(path, after);
  return dir;
}

function loadError(load: () => unknown): KnowledgeLoadError {
  try {
    load();
  } catch (e) {
    expect(e).toBeInstanceOf(KnowledgeLoadError);
    return e as KnowledgeLoadError;
  }
  throw new Error('expected the load to fail');
}

describe('the lexicon files', () => {
  it('load, and the extractor reads every entry', () => {
    expect(() => lexicon().allRead()).not.toThrow();
  });

  it.each([
    {
      what: 'no YAML',
      file: 'organisation.yaml',
      edit: (t: string) => t.replace('entries:', 'entries: [\n'),
      field: null,
    },
    {
      what: 'a misspelt field',
      file: 'organisation.yaml',
      edit: (t: string) => t.replace('  NEGATION:\n', '  NEGATION:\n    whyy: x\n'),
      field: 'entries.NEGATION',
    },
    {
      what: 'a number among the alternatives',
      file: 'organisation.yaml',
      edit: (t: string) => t.replace('      - never\n', '      - 12\n'),
      field: 'entries.NEGATION.any.2',
    },
    {
      what: 'a pattern without {any} beside alternatives',
      file: 'organisation.yaml',
      edit: (t: string) => t.replace('pattern: ^(?:{any})$', 'pattern: ^(?:our)$'),
      field: 'entries.GENERIC_ORG_WORD.pattern',
    },
    {
      what: 'an unknown placeholder',
      file: 'organisation.yaml',
      edit: (t: string) => t.replace('      - never\n', '      - never{Q}\n'),
      field: 'entries.NEGATION.any.2',
    },
    {
      what: 'a reference to no entry',
      file: 'supplier.yaml',
      edit: (t: string) => t.replace('"{ref:SUPPLIER_NOUN}"', '"{ref:SUPPLIER_NOUNS}"'),
      field: 'entries.SUPPLIER_REFERENT.any.0',
    },
    {
      what: 'a pattern that does not compile',
      file: 'organisation.yaml',
      edit: (t: string) => t.replace('      - never\n', '      - (never\n'),
      field: 'entries.NEGATION',
    },
    {
      what: 'an entry that refers to itself',
      file: 'supplier.yaml',
      edit: (t: string) => t.replace('      - brand\n', '      - "{ref:SUPPLIER_NOUN}"\n'),
      field: 'entries.SUPPLIER_NOUN',
    },
    {
      what: 'a name given twice',
      file: 'dates.yaml',
      edit: (t: string) => t.replace('  DECISION_WORDS:', '  NEGATION:'),
      field: 'entries.NEGATION',
      // dates.yaml is read first: the second file to name it is the one in error
      named: 'organisation.yaml',
    },
  ] as Array<{
    what: string;
    file: string;
    edit: (t: string) => string;
    field: string | null;
    named?: string;
  }>)('name the file and the entry: $what', ({ file, edit, field, named }) => {
    const dir = brokenCopy(file, edit);
    const e = loadError(() => loadLexicon(dir));
    expect([e.file, e.field]).toEqual([join(dir, named ?? file), field]);
  });

  it('name a table key that is no organisation type', () => {
    const dir = brokenCopy('organisation.yaml', (t) => t.replace('key: telecom_provider', 'key: telco'));
    const e = loadError(() => loadLexicon(dir).table('ORG_KEYWORDS', ORGANISATION_TYPES));
    expect([e.file, e.field]).toEqual([join(dir, 'organisation.yaml'), 'entries.ORG_KEYWORDS.table.0.key']);
  });

  it('name an entry the code reads that no file has, and one no code reads', () => {
    const dir = brokenCopy('organisation.yaml', (t) => t.replace('  NEGATION:', '  NEGATIONS:'));
    const l = loadLexicon(dir);
    expect(loadError(() => l.text('NEGATION')).field).toBe('entries.NEGATION');
    expect(loadError(() => l.allRead()).field).toMatch(/^entries\./);
  });
});

describe('the lexicon cache', () => {
  const recorded = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
  /** Every recorded export as `l` gives it (W, B, E and gap are code, not entries). */
  const exportsOf = (l: Lexicon) =>
    Object.fromEntries(
      Object.entries(recorded)
        .filter(([name]) => !['W', 'B', 'E', 'gap'].includes(name))
        .map(([name, v]) => {
          if (typeof v === 'string') return [name, l.text(name)];
          const rows = v as unknown[];
          if (typeof rows[0] === 'string') return [name, l.words(name)];
          const keys = [...new Set((rows as Array<[string, string]>).map(([k]) => k))];
          return [name, l.table(name, keys)];
        }),
    );
  // The cache gives what reading the YAML gives (the recorded exports serve only as the list of names
  // and shapes: the words themselves change as the vocabulary grows).
  const expected = exportsOf(loadLexicon(LEXICON_DIR));

  it('gives what the YAML gives, written and read back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexicon-cache-'));
    dirs.push(dir);
    const cache = join(dir, 'lexicon.json');
    expect(exportsOf(cachedLexicon(LEXICON_DIR, cache))).toStrictEqual(expected);
    expect(readFileSync(cache, 'utf8')).toContain('"key":"sha256:');
    expect(exportsOf(cachedLexicon(LEXICON_DIR, cache))).toStrictEqual(expected);
  });

  it('is read while the files are the same, and not once one changes', () => {
    const copy = mkdtempSync(join(tmpdir(), 'lexicon-cache-'));
    dirs.push(copy);
    cpSync(LEXICON_DIR, copy, { recursive: true });
    const cache = join(copy, 'cache.json');
    cachedLexicon(copy, cache);
    // the cache, changed behind the loader's back, is what a start with the same files reads
    const written = readFileSync(cache, 'utf8');
    writeFileSync(cache, written.replace('never|none', 'never|nothing'));
    expect(cachedLexicon(copy, cache).text('NEGATION')).toContain('never|nothing');
    // a changed file makes it stale: the YAML is read again
    const yaml = join(copy, 'organisation.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('      - none\n', '      - nobody\n'));
    expect(cachedLexicon(copy, cache).text('NEGATION')).toContain('never|nobody');
    // and a broken file is an error, whatever the cache holds
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('      - nobody\n', '      - (nobody\n'));
    expect(loadError(() => cachedLexicon(copy, cache)).field).toBe('entries.NEGATION');
  });
});
