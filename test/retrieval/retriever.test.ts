import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEXTS_DIR } from '../../knowledge/paths.js';
import { HybridRetriever, loadRetriever } from '../../retrieval/index.js';

const tmp = mkdtempSync(join(tmpdir(), 'retrieval-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const retriever = loadRetriever({ dir: join(tmp, 'index') });
const top = (q: string, source?: 'lov-1156-2021' | 'spm-485-2022') =>
  retriever.search(q, { k: 5, source })[0]?.ref;

describe('hybrid retrieval', () => {
  it('resolves a Danish and an English question about the same thing to the same unit', () => {
    const da = top('Hvad er fristen for at indbringe CFCS’ afgørelse for retten?');
    const en = top('What is the deadline for taking the CFCS decision to court?');
    expect(da).toBe('§ 7, stk. 2');
    expect(en).toBe(da);
    expect(top('Gælder loven på Færøerne?')).toBe('§ 19');
    expect(top('Does the act apply in the Faroe Islands?')).toBe('§ 19');
  });

  it('prefers the precise subsection to its section', () => {
    const refs = retriever
      .search('How long do we have to bring the decision before the court?', { k: 10 })
      .map((h) => h.ref);
    expect(refs.indexOf('§ 7, stk. 2')).toBeGreaterThanOrEqual(0);
    expect(refs.indexOf('§ 7, stk. 2')).toBeLessThan(
      refs.indexOf('§ 7') === -1 ? Infinity : refs.indexOf('§ 7'),
    );
  });

  it('finds the minister’s answer for camera questions and can be restricted by source', () => {
    expect(top('Can anyone guarantee that surveillance cameras have no backdoors?')).toBe('Svar, afsnit 4');
    const hits = retriever.search('overvågningskameraer bagdøre', { k: 5, source: 'lov-1156-2021' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.source === 'lov-1156-2021')).toBe(true);
  });

  it('returns each ref once, best first, with its unit', () => {
    const hits = retriever.search('kritiske netkomponenter kernenet backbone routere', { k: 10 });
    expect(new Set(hits.map((h) => `${h.source} ${h.ref}`)).size).toBe(hits.length);
    for (let i = 1; i < hits.length; i += 1) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    expect(hits[0]!.unit.ref).toBe(hits[0]!.ref);
    expect(retriever.search('', { k: 5 })).toEqual([]);
  });

  it('finds the provision each fact of a scenario calls for', () => {
    const refs = (q: string) => retriever.search(q, { k: 5 }).map((h) => h.ref);
    // an agreement already in place, asked about "now": keeping it (§ 3) and the temporal rules (§ 17)
    const existing = refs(
      'We are a mobile operator with 600,000 end users and have had a contract for our core network with an Asian vendor for years. Can the centre do anything about it right now?',
    );
    expect(existing.some((r) => r.startsWith('§ 17'))).toBe(true);
    expect(existing.some((r) => r.startsWith('§ 3'))).toBe(true);
    // secret information in court: the special advocate and what is withheld from the party
    const secret = refs(
      'Hvis sagen kommer for retten, må vores advokat så se de hemmelige oplysninger om leverandøren?',
    );
    expect(secret.some((r) => r.startsWith('§ 9'))).toBe(true);
    // serving a state body's staff is litra b; delivering internet is no equipment delivered (§ 3, stk. 2)
    const staff = refs(
      'Vi leverer internet til 900 ansatte i en statslig styrelse og har ellers 3.000 private kunder. Er vi omfattet?',
    );
    expect(staff).toContain('§ 1, nr. 3, litra b');
    expect(staff).not.toContain('§ 3, stk. 2');
    // "valid" meets "uden gyldighed"
    expect(refs('We signed anyway although the deal had been banned. Is it still valid?')).toContain('§ 16');
  });

  it('works as a LangChain retriever', async () => {
    const docs = await new HybridRetriever({ retriever, k: 3 }).invoke(
      'Is a contract signed despite a ban valid?',
    );
    expect(docs).toHaveLength(3);
    const invalid = docs.find((d) => d.metadata.ref === '§ 16');
    expect(invalid?.pageContent).toContain('uden gyldighed');
    expect(invalid?.metadata.source).toBe('lov-1156-2021');
  });
});

describe('persisted index', () => {
  it('is reused while its sources are unchanged and rebuilt when a source changes', () => {
    const texts = join(tmp, 'texts');
    cpSync(TEXTS_DIR, texts, { recursive: true });
    const dir = join(tmp, 'index-rebuild');
    expect(loadRetriever({ dir, textsDir: texts }).rebuilt).toBe(true);
    const again = loadRetriever({ dir, textsDir: texts });
    expect(again.rebuilt).toBe(false);
    expect(again.search('Færøerne Grønland')[0]?.ref).toBe('§ 19');
    appendFileSync(join(texts, 'spm-485-2022.da.txt'), '\n');
    expect(loadRetriever({ dir, textsDir: texts }).rebuilt).toBe(true);
    expect(loadRetriever({ dir, textsDir: texts }).rebuilt).toBe(false);
  });
});
