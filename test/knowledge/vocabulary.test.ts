import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedLexicon, type Lexicon, loadLexicon, vocabularyDir } from '../../knowledge/lexicon.js';
import { KnowledgeLoadError } from '../../knowledge/load-error.js';
import { readYaml } from '../../knowledge/yaml.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A vocabulary folder with one file, `words.yaml`, holding `entries`. */
function folder(entries: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vocabulary-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'words.yaml'), `ref: a test\nentries:\n${entries}`);
  return dir;
}

const GOOD = `  STEM:
    any:
      - kamera
      - camera
  SIGNAL:
    why: Patterns counted one by one.
    each:
      - "{ref:STEM}"
      - \\bcctv\\b
      - pattern: (?:{any})\\s+of
        any:
          - remov
          - mitigat
  NUMBERS:
    why: Words with their numbers, in order.
    values:
      zwei: 2
      half a: 0.5
      ét: 1
`;

function loadError(load: () => unknown): KnowledgeLoadError {
  try {
    load();
  } catch (e) {
    expect(e).toBeInstanceOf(KnowledgeLoadError);
    return e as KnowledgeLoadError;
  }
  throw new Error('expected the load to fail');
}

describe('a vocabulary', () => {
  it('reads an each entry as its patterns, each expanded on its own', () => {
    const v = loadLexicon(folder(GOOD));
    expect(v.each('SIGNAL')).toEqual([
      'kamera|camera',
      String.raw`\bcctv\b`,
      String.raw`(?:remov|mitigat)\s+of`,
    ]);
  });

  it('reads a values entry as its words and numbers, in the order of the file', () => {
    const v = loadLexicon(folder(GOOD));
    expect(Object.entries(v.values('NUMBERS'))).toEqual([
      ['zwei', 2],
      ['half a', 0.5],
      ['ét', 1],
    ]);
    v.each('SIGNAL');
    expect(() => v.allRead()).not.toThrow();
  });

  it('gives the same from its cache, written and read back', () => {
    const dir = folder(GOOD);
    const cache = join(dir, 'cache.json');
    const fresh = loadLexicon(dir);
    for (let i = 0; i < 2; i++) {
      const v = cachedLexicon(dir, cache);
      expect(v.each('SIGNAL')).toEqual(fresh.each('SIGNAL'));
      expect(Object.entries(v.values('NUMBERS'))).toEqual(Object.entries(fresh.values('NUMBERS')));
    }
  });

  it.each([
    {
      what: 'an each pattern that does not compile',
      edit: (t: string) => t.replace('\\bcctv\\b', '(cctv'),
      field: 'entries.SIGNAL.each.1',
    },
    {
      what: 'an each pattern with an unknown placeholder',
      edit: (t: string) => t.replace('\\bcctv\\b', 'cctv{Q}'),
      field: 'entries.SIGNAL.each.1',
    },
    {
      what: 'a reference to an each entry',
      edit: (t: string) => t.replace('      - camera\n', '      - camera\n      - "{ref:SIGNAL}"\n'),
      field: 'entries.STEM.any.2',
    },
    {
      what: 'a value that is no number',
      edit: (t: string) => t.replace('zwei: 2', 'zwei: two'),
      field: 'entries.NUMBERS.values.zwei',
    },
    {
      what: 'a values key that is no plain word',
      edit: (t: string) => t.replace('zwei: 2', 'zw.i: 2'),
      field: 'entries.NUMBERS.values.zw.i',
    },
    {
      what: 'an entry of two kinds',
      edit: (t: string) => t.replace('    each:\n', '    words: [x]\n    each:\n'),
      field: 'entries.SIGNAL',
    },
  ])('names the file and the entry: $what', ({ edit, field }) => {
    const good = folder(GOOD);
    const dir = folder(edit(GOOD));
    expect(dir).not.toBe(good);
    const e = loadError(() => loadLexicon(dir));
    expect([e.file, e.field]).toEqual([join(dir, 'words.yaml'), field]);
  });

  it('names an entry the code reads as another kind', () => {
    const v = loadLexicon(folder(GOOD));
    expect(loadError(() => v.values('SIGNAL')).detail).toBe('is each, the code reads values');
    expect(loadError(() => v.each('NUMBERS')).detail).toBe('is values, the code reads each');
  });
});

describe('the topic and numbers vocabularies', () => {
  /** Every entry of a folder as `l` reads it, by the kind its file gives it. */
  function everyEntry(dir: string, l: Lexicon): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const { entries } = readYaml(join(dir, f)) as { entries: Record<string, Record<string, unknown>> };
      for (const [name, e] of Object.entries(entries)) {
        if (e.each) out[name] = l.each(name);
        else if (e.values) out[name] = Object.entries(l.values(name));
        else if (e.words) out[name] = l.words(name);
        else if (Array.isArray(e.table))
          out[name] = l.table(name, [...new Set((e.table as Array<{ key: string }>).map((r) => r.key))]);
        else out[name] = l.text(name);
      }
    }
    return out;
  }
  it.each(['topic', 'numbers'] as const)('%s: the cache gives what the YAML gives', (name) => {
    const dir = vocabularyDir(name);
    const cache = join(mkdtempSync(join(tmpdir(), 'vocabulary-cache-')), 'cache.json');
    dirs.push(join(cache, '..'));
    const fresh = everyEntry(dir, loadLexicon(dir));
    expect(Object.keys(fresh).length).toBeGreaterThan(10);
    cachedLexicon(dir, cache); // writes it
    expect(readFileSync(cache, 'utf8')).toContain('"key":"sha256:');
    expect(everyEntry(dir, cachedLexicon(dir, cache))).toStrictEqual(fresh);
  });
});
