import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeLoadError, loadKnowledge } from '../../knowledge/index.js';
import { TEXTS_DIR } from '../../knowledge/paths.js';
import { loadRegisters, REGISTERS_DIR } from '../../knowledge/registers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of `from` in a temp dir, with `file` changed by `edit`. */
function brokenCopy(from: string, file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-broken-'));
  dirs.push(dir);
  cpSync(from, dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
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

describe('loadKnowledge on broken files', () => {
  it('loads the real files', () => {
    expect(loadKnowledge().units.length).toBeGreaterThan(60);
  });

  it.each([
    {
      what: 'an English unit left out',
      file: 'lov-1156-2021.en.yaml',
      edit: (t: string) =>
        t.replace(/^ {2}'§ 2, stk\. 2, nr\. 3':[\s\S]*?(?=^ {2}'§ 2, stk\. 2, nr\. 4')/m, ''),
      field: 'units.§ 2, stk. 2, nr. 3',
    },
    {
      what: 'an English unit for a ref the statute lacks',
      file: 'lov-1156-2021.en.yaml',
      edit: (t: string) => `${t}  '§ 20': Invented.\n`,
      field: 'units.§ 20',
    },
    {
      what: 'the English marked official',
      file: 'spm-485-2022.en.yaml',
      edit: (t: string) => t.replace('unofficial: true', 'unofficial: false'),
      field: 'unofficial',
    },
    {
      what: 'an empty English rendering',
      file: 'spm-485-2022.en.yaml',
      edit: (t: string) => t.replace(/^ {2}Svar, afsnit 7: .*$/m, "  Svar, afsnit 7: ''"),
      field: 'units.Svar, afsnit 7',
    },
    {
      what: 'a bad date in the metadata',
      file: 'sources.yaml',
      edit: (t: string) => t.replace("date: '2021-06-08'", 'date: 8. juni 2021'),
      field: 'sources.0.date',
    },
    {
      what: 'an unknown source id',
      file: 'sources.yaml',
      edit: (t: string) => t.replace('id: spm-485-2022', 'id: spm-999-2022'),
      field: 'sources.1.id',
    },
    {
      what: 'a statute with a skipped paragraph number',
      file: 'lov-1156-2021.da.txt',
      edit: (t: string) =>
        t.replace('Stk. 3 Center for Cybersikkerhed kan kun', 'Stk. 4 Center for Cybersikkerhed kan kun'),
      field: 'line',
    },
  ])('names the file and the field for $what', ({ file, edit, field }) => {
    const dir = brokenCopy(TEXTS_DIR, file, edit);
    const err = loadError(() => loadKnowledge(dir));
    expect(err.file).toBe(join(dir, file));
    expect(err.field ?? '').toContain(field);
    expect(err.message).toContain(file);
    expect(err.message).toContain(field);
    expect(err.message).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it('says a file that is not YAML is not valid YAML', () => {
    const dir = brokenCopy(TEXTS_DIR, 'sources.yaml', (t) => `${t}\n  - id: [unclosed\n`);
    const err = loadError(() => loadKnowledge(dir));
    expect(err.message).toMatch(/sources\.yaml: not valid YAML/);
  });

  it('says which file is missing', () => {
    const dir = brokenCopy(TEXTS_DIR, 'sources.yaml', (t) =>
      t.replace('english_file: spm-485-2022.en.yaml', 'english_file: gone.yaml'),
    );
    expect(loadError(() => loadKnowledge(dir)).message).toMatch(/gone\.yaml: cannot read/);
  });
});

describe('loadRegisters on broken files', () => {
  it('loads the real files', () => {
    expect(loadRegisters().suppliers.length).toBeGreaterThan(15);
  });

  it.each([
    {
      what: 'a claim without a source',
      file: 'countries.yaml',
      edit: (t: string) => t.replace('eu: { value: true, source: *eu }', 'eu: { value: true }'),
      field: 'countries.0.eu.source',
    },
    {
      what: 'an empty source',
      file: 'suppliers.yaml',
      edit: (t: string) => t.replace(/^ {4}source: .*$/m, "    source: ''"),
      field: 'suppliers.0.source',
    },
    {
      what: 'a claim that is not a yes/no',
      file: 'countries.yaml',
      edit: (t: string) =>
        t.replace('nato: { value: false, source: *nato }', "nato: { value: 'maybe', source: *nato }"),
      field: 'countries.0.nato.value',
    },
    {
      what: 'a supplier kind that is not known',
      file: 'suppliers.yaml',
      edit: (t: string) =>
        t.replace('kind: [surveillance_camera, video_management_software]', 'kind: [camera]'),
      field: 'suppliers.0.kind.0',
    },
    {
      what: 'a supplier in a country the register lacks',
      file: 'suppliers.yaml',
      edit: (t: string) => t.replace('country: CN', 'country: BR'),
      field: 'suppliers.0.country',
    },
    {
      what: 'a country code that is not ISO 3166',
      file: 'countries.yaml',
      edit: (t: string) => t.replace('code: AT', 'code: XX'),
      field: 'countries.0.code',
    },
    {
      what: 'a country listed twice',
      file: 'countries.yaml',
      edit: (t: string) => t.replace('code: BE', 'code: AT'),
      field: 'countries.1.code',
    },
    {
      what: 'an alias naming two suppliers',
      file: 'suppliers.yaml',
      edit: (t: string) => t.replace('aliases: [Dahua Technology,', 'aliases: [Hik Vision,'),
      field: 'suppliers.1.aliases.0',
    },
    {
      what: 'an English name the ISO package does not have',
      file: 'countries.yaml',
      edit: (t: string) => t.replace('name_en: China', 'name_en: Cathay'),
      field: 'name_en',
    },
    {
      what: 'an unknown field (a typo)',
      file: 'countries.yaml',
      edit: (t: string) =>
        t.replace('compels_intelligence_cooperation: { value: null', 'compels_intelligence: { value: null'),
      field: 'countries.0',
    },
  ])('names the file and the field for $what', ({ file, edit, field }) => {
    const dir = brokenCopy(REGISTERS_DIR, file, edit);
    const err = loadError(() => loadRegisters(dir));
    expect(err.file).toBe(join(dir, file));
    expect(err.field ?? '').toContain(field);
    expect(err.message).toContain(file);
    expect(err.message).toContain(field);
  });
});
