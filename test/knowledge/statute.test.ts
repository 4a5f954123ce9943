import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledge } from '../../knowledge/index.js';
import { PROJECT_ROOT } from '../../knowledge/paths.js';

/** The reference list of statute refs, copied from /work/shared/eval/score.mjs (STATUTE_REFS). */
// biome-ignore format: kept as laid out in score.mjs
const STATUTE_REFS = [
  '§ 1', '§ 1, nr. 1', '§ 1, nr. 2', '§ 1, nr. 3', '§ 1, nr. 3, litra a', '§ 1, nr. 3, litra b',
  '§ 2', '§ 2, stk. 1', '§ 2, stk. 2', '§ 2, stk. 2, nr. 1', '§ 2, stk. 2, nr. 2', '§ 2, stk. 2, nr. 3', '§ 2, stk. 2, nr. 4', '§ 2, stk. 3',
  '§ 3', '§ 3, stk. 1', '§ 3, stk. 2', '§ 3, stk. 3', '§ 3, stk. 4',
  '§ 4', '§ 4, stk. 1', '§ 4, stk. 2',
  '§ 5', '§ 5, stk. 1', '§ 5, stk. 2', '§ 5, stk. 3',
  '§ 6',
  '§ 7', '§ 7, stk. 1', '§ 7, stk. 2', '§ 7, stk. 3', '§ 7, stk. 4',
  '§ 8', '§ 8, stk. 1', '§ 8, stk. 2', '§ 8, stk. 3',
  '§ 9', '§ 9, stk. 1', '§ 9, stk. 2', '§ 9, stk. 3', '§ 9, stk. 4',
  '§ 10', '§ 10, stk. 1', '§ 10, stk. 2',
  '§ 11', '§ 12', '§ 13',
  '§ 14', '§ 14, stk. 1', '§ 14, stk. 1, nr. 1', '§ 14, stk. 1, nr. 2', '§ 14, stk. 2',
  '§ 15', '§ 16',
  '§ 17', '§ 17, stk. 1', '§ 17, stk. 2', '§ 17, stk. 3', '§ 17, stk. 4',
  '§ 18', '§ 19',
];

const LOV = 'lov-1156-2021';
const SPM = 'spm-485-2022';
const kb = knowledge();
const statute = kb.units.filter((u) => u.source === LOV);
const guidance = kb.units.filter((u) => u.source === SPM);

/** Whitespace folded and the "•" list bullets removed: the layout, not the wording. */
const norm = (s: string) => s.replace(/•/g, ' ').replace(/\s+/g, ' ').trim();
/** The squash of score.mjs: letters and digits only, after removing line-break hyphenation and labels. */
const squash = (s: string) =>
  s
    .toLowerCase()
    .replace(/-\s*\n\s*/g, '')
    .replace(/stk\.\s*\d+/g, ' ')
    .replace(/(^|[\s•])(\d+|[a-z])\)/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, '');

describe('the statute as units', () => {
  it('parses into exactly the refs the evaluation knows, in document order', () => {
    expect(statute.map((u) => u.ref)).toEqual(STATUTE_REFS);
  });

  it('gives each unit a parent that exists and comes before it', () => {
    for (const u of statute) {
      if (u.parent === null) continue;
      const p = kb.get(LOV, u.parent);
      expect(p, u.ref).toBeDefined();
      expect(p!.order).toBeLessThan(u.order);
    }
  });

  it('quotes every unit as a contiguous verbatim part of the official text', () => {
    const official = norm(kb.officialText(LOV));
    for (const u of statute) {
      expect(u.text.trim(), u.ref).not.toBe('');
      expect(official.includes(norm(u.text)), `${u.ref}: ${u.text.slice(0, 60)}`).toBe(true);
    }
  });

  it("keeps each unit's own words inside its text, and a leaf's text equal to them", () => {
    for (const u of statute) {
      expect(norm(u.text).includes(norm(u.lead)), u.ref).toBe(true);
      if (kb.children(LOV, u.ref).length === 0) expect(u.text, u.ref).toBe(u.lead);
    }
  });

  it('covers every sentence of every section body with the own words of some unit', () => {
    const lines = kb.officialText(LOV).split('\n');
    const leads = statute.map((u) => norm(u.lead));
    let inSection = false;
    let sentences = 0;
    for (const raw of lines) {
      const line = raw.trim();
      if (/^Kapitel \d+ /.test(line)) inSection = false;
      if (/^§ \d+$/.test(line)) {
        inSection = true;
        continue;
      }
      if (!inSection || !line) continue;
      const body = norm(line)
        .replace(/^Stk\. \d+ /, '')
        .replace(/^(\d+|[a-z])\) /, '');
      for (const sentence of body.split(/(?<=[.:])\s+(?=[A-ZÆØÅ§(])/)) {
        sentences += 1;
        expect(
          leads.some((l) => l.includes(sentence)),
          `not in any unit: "${sentence}"`,
        ).toBe(true);
      }
    }
    expect(sentences).toBeGreaterThan(60);
  });

  it('knows the chapter of each unit', () => {
    expect(kb.get(LOV, '§ 2, stk. 2, nr. 2')!.chapter).toEqual({
      number: 2,
      title: 'Nedlæggelse af forbud af hensyn til leverandørsikkerhed i den kritiske teleinfrastruktur',
    });
    expect(kb.get(LOV, '§ 19')!.chapter?.number).toBe(12);
  });
});

describe('the guidance (answer to question 485) as units', () => {
  it('has the question, the whole answer and each answer paragraph, FE speaking in the quote', () => {
    expect(guidance.map((u) => u.ref)).toEqual([
      'Indledning',
      'Spørgsmål',
      'Svar',
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => `Svar, afsnit ${n}`),
    ]);
    expect([3, 4, 5, 6].map((n) => kb.get(SPM, `Svar, afsnit ${n}`)!.speaker)).toEqual([
      'FE',
      'FE',
      'FE',
      'FE',
    ]);
    expect(kb.get(SPM, 'Svar, afsnit 2')!.speaker).toBe('minister');
  });

  it('quotes every paragraph verbatim from the official text', () => {
    const official = norm(kb.officialText(SPM));
    for (const u of guidance) expect(official.includes(norm(u.text)), u.ref).toBe(true);
  });
});

const seedOf = (source: string) => {
  const meta = kb.sources.find((s) => s.id === source)!;
  return join(PROJECT_ROOT, meta.seed);
};
const seedsPresent = kb.sources.every((s) => existsSync(join(PROJECT_ROOT, s.seed)));

describe.skipIf(!seedsPresent)(
  'the units against the original seeds (skipped when ../shared is absent)',
  () => {
    it.each([LOV, SPM])('finds every unit of %s in its seed', (source) => {
      const seed = squash(readFileSync(seedOf(source), 'utf8'));
      for (const u of kb.units.filter((x) => x.source === source)) {
        expect(squash(u.text).length, u.ref).toBeGreaterThan(0);
        expect(seed.includes(squash(u.text)), `${u.ref} not in the seed`).toBe(true);
      }
    });
  },
);

describe('lookup', () => {
  it.each(['§2', '§ 2 stk. 2', 'stk. 2', '§ 1, litra a'])(
    'says a non-canonical statute ref %j is malformed',
    (ref) => {
      expect(kb.lookup(LOV, ref)).toMatchObject({ ok: false, error: { code: 'malformed', ref } });
    },
  );

  it('returns the unit for a known ref', () => {
    const r = kb.lookup(LOV, '§ 7, stk. 2');
    expect(r.ok && r.value.text.startsWith('Afgørelsen skal indbringes inden 6 måneder')).toBe(true);
  });

  it.each([
    [LOV, '§ 2, stk. 4'],
    [LOV, '§ 20'],
    [LOV, '§ 1, nr. 3, litra c'],
    [LOV, '§ 6, stk. 1'],
    [SPM, 'Svar, afsnit 8'],
  ] as const)('gives a typed unknown_ref error for %s %s', (source, ref) => {
    const r = kb.lookup(source, ref);
    expect(r).toEqual({
      ok: false,
      error: { code: 'unknown_ref', ref, message: expect.stringContaining(ref) },
    });
    expect(kb.has(source, ref)).toBe(false);
  });
});
