/**
 * Memos to file, rendered as PDF and read back with pdftotext (poppler-utils): a covered, a not-covered, a
 * needs-facts and an informational answer in Danish and English. The text must carry the question (every
 * turn), the facts with where each came from, the refs, the quotes verbatim, the verdict, the standing note
 * and the provenance, on at most two pages; the Markdown beside it carries the same, quotes byte for byte.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMemo, memoMarkdown, memoPdf, pdfSafe, readingsOf, renderMemo } from '../../bot/memo/index.js';
import { MEMO_TEXTS } from '../../bot/memo/model.js';
import { createAdvisor } from '../../bot/pipeline.js';
import { currentProvenance, stampProvenance } from '../../bot/provenance.js';
import { CHECK_LABEL, FACT_LABEL, VERDICT_LABEL } from '../../bot/slack/texts.js';
import type { Answer } from '../../guardrails/contract.js';
import type { FactKey } from '../../guardrails/facts.js';

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'memo-'));
const advisor = createAdvisor();
const AT = '2026-11-22T10:15:00.000Z';

const CASES: { name: string; verdict: Answer['verdict']; turns: string[] }[] = [
  {
    name: 'covered-da',
    verdict: 'covered',
    turns: ['Er vi omfattet?', 'Vi er et dansk teleselskab med 60.000 slutbrugere.'],
  },
  {
    name: 'covered-en',
    verdict: 'covered',
    turns: ['We are a Danish telecom provider with 80,000 end users. Are we covered?'],
  },
  { name: 'not-covered-da', verdict: 'not_covered', turns: ['Må vores kommune købe Hikvision-kameraer?'] },
  {
    name: 'not-covered-en',
    verdict: 'not_covered',
    turns: ['We are a telecom provider with 20,000 end users and no state agreements. Are we covered?'],
  },
  { name: 'needs-facts-da', verdict: 'needs_facts', turns: ['Er vi omfattet af loven?'] },
  { name: 'needs-facts-en', verdict: 'needs_facts', turns: ['Does the act apply to us?'] },
  {
    name: 'informational-da',
    verdict: 'informational',
    turns: ['Hvilken domstol skal en sag mod en afgørelse fra CFCS anlægges ved?'],
  },
  {
    name: 'informational-en',
    verdict: 'informational',
    turns: ['Which court hears a case against a CFCS decision?'],
  },
];

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
/** pdftotext's text without the page footers (they fall between the parts of a quote that runs over a page). */
function pdfText(file: string, layout = false): string {
  const out = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  });
  return out.replace(/^\s*(Notat|Memo) a_\w+ · (side|page) \d+ (af|of) \d+\s*$/gm, '');
}

function answerFor(turns: string[], id: string): Answer {
  return stampProvenance(advisor.advise({ turns, asOf: '2026-11-22' }), id, AT);
}

describe.skipIf(!hasPoppler)('memo PDF, read back with pdftotext', () => {
  it.each(CASES)(
    '$name: question, facts and sources, checks, verdict, verbatim quotes, note, provenance',
    async (c) => {
      const id = `a_${c.name.replace(/-/g, '')}`;
      const answer = answerFor(c.turns, id);
      expect(answer.verdict).toBe(c.verdict);
      const lang = answer.language;
      const t = MEMO_TEXTS[lang];
      const { bytes } = await renderMemo({ answer, turns: c.turns }, 'pdf');
      const file = join(dir, `${c.name}.pdf`);
      writeFileSync(file, bytes);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

      const raw = pdfText(file);
      const text = flat(raw);
      const layout = pdfText(file, true);
      // one to two pages
      const pages = execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1];
      expect(Number(pages)).toBeGreaterThanOrEqual(1);
      expect(Number(pages)).toBeLessThanOrEqual(2);

      expect(text).toContain(t.title);
      for (const turn of c.turns) expect(text).toContain(flat(turn));
      // every fact on one row with its source
      const readings = readingsOf(answer, c.turns);
      for (const key of Object.keys(answer.facts)) expect(readings.map((r) => r.fact)).toContain(key);
      for (const r of readings) {
        const label = FACT_LABEL[lang][r.fact as FactKey];
        // (a long label wraps in its cell: its first words start the row)
        const head = label.split(' ').slice(0, 3).join(' ');
        const row = layout
          .split('\n')
          .find((l) => l.trimStart().startsWith(head) && l.includes(t.source[r.source]));
        expect(row, `${label} / ${t.source[r.source]}`).toBeDefined();
      }
      for (const check of answer.checks) {
        expect(text).toContain(CHECK_LABEL[lang][check.id]);
        // (the memo starts the reason with a capital letter)
        expect(text.toLowerCase()).toContain(flat(pdfSafe(check.detail)).toLowerCase());
        for (const ref of check.factors?.length ? check.factors : check.citations)
          expect(text).toContain(ref);
      }
      if (answer.checks.length === 0) expect(text).toContain(flat(t.noChecks));
      expect(layout).toMatch(new RegExp(`${t.verdict} +${VERDICT_LABEL[lang][answer.verdict]}`));
      // the direct answer (contract v2), in words
      const direct = t.directWord[answer.direct_answer ?? 'none'];
      expect(layout).toMatch(new RegExp(`${t.direct} +${direct}`));
      expect(answer.citations.length).toBeGreaterThan(0);
      for (const cit of answer.citations) {
        expect(text).toContain(cit.ref);
        // verbatim, the statute's non-breaking hyphen written as a hyphen (the standard fonts lack it)
        expect(text).toContain(flat(pdfSafe(cit.quote)));
        if (lang === 'en' && cit.quote_en) expect(text).toContain(flat(pdfSafe(cit.quote_en)));
      }
      expect(text).toContain(flat(t.noteText));
      // what is for the chat stays out of the file: prompts to press a button, the shortened quotes
      expect(text).not.toMatch(/Eskalér|Press "Escalate"|Kilderne siger:|The sources say:/);
      expect(text).toContain(answer.provenance!.knowledge);
      expect(text).toContain(answer.provenance!.rules.version);
      if (answer.provenance!.rules.commit) expect(text).toContain(answer.provenance!.rules.commit);
      expect(text).toContain(id);
      expect(text).toContain(AT);

      // the Markdown beside it: the same content, each quote line byte for byte
      const md = memoMarkdown(buildMemo({ answer, turns: c.turns }));
      for (const cit of answer.citations)
        for (const line of cit.quote.split('\n').filter((l) => l.trim())) expect(md).toContain(`> ${line}`);
      expect(md).toContain(answer.provenance!.knowledge);
      for (const turn of c.turns) expect(md).toContain(turn.trim().replace(/([\\`*_[\]<>|])/g, '\\$1'));
    },
  );

  it('marks a fact taken from a register, the row named, and an assumed one, by their sources', async () => {
    const turns = ['Må vores kommune købe Hikvision-kameraer?'];
    const answer = answerFor(turns, 'a_register');
    const readings = readingsOf(answer, turns);
    expect(readings.find((r) => r.fact === 'supplier_country')?.source).toBe('register');
    // the territorial check assumed Denmark without a fact for it: the memo says so
    expect(readings.find((r) => r.fact === 'territory')).toMatchObject({ value: 'DK', source: 'assumed' });
    expect(
      readings
        .filter((r) => r.fact !== 'supplier_country' && r.fact !== 'territory')
        .every((r) => r.source === 'said'),
    ).toBe(true);
    const file = join(dir, 'register.pdf');
    writeFileSync(file, (await renderMemo({ answer, turns }, 'pdf')).bytes);
    const layout = pdfText(file, true);
    expect(layout).toMatch(/Leverandørens land\s+CN \(Kina\)\s+fra register: “Hikvision -> CN/);
    expect(layout).toMatch(/Område\s+Danmark\s+antaget: “Danmark, da intet peger/);
  });

  it('renders the readings the pipeline gives (contract v2 `understood`), corrections included', async () => {
    const base = answerFor(
      ['We are a Danish telecom provider with 80,000 end users. Are we covered?'],
      'a_v2',
    );
    const answer = {
      ...base,
      direct_answer: 'yes',
      understood: [
        {
          fact: 'organisation_type',
          value: 'telecom_provider',
          source: 'said',
          span: 'Danish telecom provider',
        },
        { fact: 'end_users', value: 80000, source: 'corrected', span: 'set in the coverage form' },
        { fact: 'territory', value: 'DK', source: 'assumed', span: 'Denmark, as nothing points elsewhere' },
      ],
    } as Answer;
    const file = join(dir, 'v2.pdf');
    writeFileSync(file, (await renderMemo({ answer, turns: [] }, 'pdf')).bytes);
    const layout = pdfText(file, true);
    expect(layout).toMatch(/End users\s+80,000\s+corrected: “set in the coverage form”/);
    expect(layout).toMatch(/Organisation type\s+Telecom provider\s+said: “Danish telecom provider”/);
    expect(flat(layout)).toContain('Direct answer Yes');
  });
});

describe('memo speed', () => {
  it('a typical memo (PDF) takes well under 300 ms', async () => {
    const answer = answerFor(['Må vores kommune købe Hikvision-kameraer?'], 'a_speed');
    const memo = buildMemo({ answer, turns: ['Må vores kommune købe Hikvision-kameraer?'] });
    await memoPdf(memo); // warm (fonts, modules)
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await renderMemo({ answer, turns: ['Må vores kommune købe Hikvision-kameraer?'] }, 'pdf');
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    expect(times[2]!).toBeLessThan(300);
  });

  it('has a provenance even without a stamp: the process versions', () => {
    const p = currentProvenance();
    expect(p.knowledge).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(p.rules.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
