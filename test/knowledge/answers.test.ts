import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPEN_FILE, openAnswers, YES_NO_FILE, yesNoAnswers } from '../../knowledge/answers.js';
import { KnowledgeLoadError } from '../../knowledge/load-error.js';

const temp = (name: string, text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'answers-')), name);
  writeFileSync(file, text);
  return file;
};

describe('what a unit answers (knowledge/answers)', () => {
  it('every row names an existing unit and its sentence cites that unit or the guidance', () => {
    for (const r of [...yesNoAnswers(), ...openAnswers()]) {
      const own = r.source === 'lov-1156-2021' ? `(${r.ref.split(', stk.')[0]}` : 'spørgsmål nr. 485';
      expect(r.da.includes(own) || r.da.includes(r.ref), `${r.ref} da`).toBe(true);
      expect(
        r.en.includes(r.source === 'lov-1156-2021' ? r.ref.split(', stk.')[0]! : 'question no. 485'),
        `${r.ref} en`,
      ).toBe(true);
    }
  });

  it('a row for a unit the law does not have names the file and the row', () => {
    const bad = readFileSync(YES_NO_FILE, 'utf8').replace('ref: "§ 6"', 'ref: "§ 20"');
    const file = temp('yes-no.yaml', bad);
    expect(() => yesNoAnswers(file)).toThrow(KnowledgeLoadError);
    expect(() => yesNoAnswers(file)).toThrow(/yes-no\.yaml \(rows\.0\.ref\).*§ 20/);
  });

  it('a broken file or a pattern that does not compile is named', () => {
    expect(() => openAnswers(temp('open.yaml', 'rows: [\n'))).toThrow(/open\.yaml/);
    const bad = readFileSync(OPEN_FILE, 'utf8').replace('"hvem", "who", "which authority"', '"hvem(", "who"');
    expect(() => openAnswers(temp('open.yaml', bad))).toThrow(/open\.yaml \(rows\.0\)/);
  });
});
