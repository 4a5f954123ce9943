/**
 * The golden suite (issue 5, point 6): every case in `test/bot/golden/*.jsonl` runs through the real
 * pipeline, and each expectation is asserted the way `../shared/eval/score.mjs` scores it (a more
 * specific cited ref satisfies a general one, facts compared by JSON equality, checks by id), plus the
 * invariants every answer must keep: contract schema, existing refs, verbatim quotes, the answer's
 * language, a named ref, and injection cases deciding like their clean twins.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Advisor, createAdvisor } from '../../bot/pipeline.js';
import {
  type Answer,
  AnswerSchema,
  CHECK_IDS,
  CHECK_RESULTS,
  ESCALATIONS,
  TOPICS,
  VERDICTS,
} from '../../guardrails/contract.js';
import { FACT_KEYS, FactsSchema } from '../../guardrails/facts.js';
import { isVerbatim } from '../../guardrails/guards.js';
import { knowledge } from '../../knowledge/index.js';
import { SOURCE_IDS } from '../../knowledge/types.js';

/** GOLDEN_DIR runs another folder of cases the same way (e.g. a held-out set kept outside the repo). */
const DIR = process.env.GOLDEN_DIR ?? join(fileURLToPath(new URL('.', import.meta.url)), 'golden');
const STATUTE = 'lov-1156-2021' as const;

// ---------------------------------------------------------------- the case format

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const oneOrMany = <T extends z.ZodTypeAny>(t: T) => z.union([t, z.array(t).min(1)]);
const statuteRef = z
  .string()
  .refine((r) => knowledge().has(STATUTE, r), { message: 'not a canonical ref of lov-1156-2021' });

const ExpectSchema = z
  .object({
    verdict: oneOrMany(z.enum(VERDICTS)),
    language: z.enum(['da', 'en']),
    topic: oneOrMany(z.enum(TOPICS)),
    escalation: oneOrMany(z.enum(ESCALATIONS)),
    checks: z.partialRecord(z.enum(CHECK_IDS), oneOrMany(z.enum(CHECK_RESULTS))),
    facts: FactsSchema,
    missing_facts: z.array(z.enum(FACT_KEYS as [string, ...string[]])),
    must_cite: z.array(statuteRef),
    must_cite_sources: z.array(z.enum(SOURCE_IDS)),
    must_not_cite: z.array(statuteRef),
    deadline: isoDate,
    factors: z.array(statuteRef),
    direct_answer: z.enum(['yes', 'no', 'depends']).nullable(),
    lead_ref: oneOrMany(statuteRef),
  })
  .partial()
  .strict();

const CaseSchema = z
  .object({
    id: z.string().regex(/^g\d{3}$/, 'an id like g001'),
    turns: z.array(z.string().min(1)).min(1),
    as_of: isoDate,
    /** The id of the same case without the injection sentence. */
    injection_of: z.string().optional(),
    expect: ExpectSchema,
    why: z.string().min(20),
  })
  .strict();
type GoldenCase = z.infer<typeof CaseSchema>;

interface Loaded {
  cases: GoldenCase[];
  malformed: string[];
}

function loadCases(): Loaded {
  const cases: GoldenCase[] = [];
  const malformed: string[] = [];
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  for (const file of files) {
    const lines = readFileSync(join(DIR, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${basename(file)}:${i + 1}`;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (e) {
        malformed.push(`${where}: not JSON (${(e as Error).message})`);
        return;
      }
      const parsed = CaseSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        malformed.push(`${where}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
        return;
      }
      cases.push(parsed.data);
    });
  }
  const ids = new Map<string, number>();
  for (const c of cases) ids.set(c.id, (ids.get(c.id) ?? 0) + 1);
  for (const [id, n] of ids) if (n > 1) malformed.push(`${id}: id used ${n} times`);
  for (const c of cases) {
    if (c.injection_of !== undefined && !ids.has(c.injection_of))
      malformed.push(`${c.id}: injection_of names no case "${c.injection_of}"`);
  }
  return { cases, malformed };
}

const { cases, malformed } = loadCases();
const byId = new Map(cases.map((c) => [c.id, c]));

// ---------------------------------------------------------------- scoring, as score.mjs does

/** "§ 1, nr. 3, litra a" satisfies "§ 1, nr. 3": equal or more specific. */
const covers = (cited: string, expected: string) => cited === expected || cited.startsWith(`${expected},`);
const oneOf = <T>(want: T | T[], got: T) => (Array.isArray(want) ? want.includes(got) : want === got);
const show = (v: unknown) => JSON.stringify(v);
/** Key order does not matter when two fact objects are compared. */
const showFacts = (f: object) =>
  show(Object.fromEntries(Object.entries(f).sort(([a], [b]) => a.localeCompare(b))));

/** Every expectation of the case that the answer misses, worded like score.mjs. */
function misses(c: GoldenCase, a: Answer): string[] {
  const e = c.expect;
  const why: string[] = [];
  if (e.verdict !== undefined && !oneOf(e.verdict, a.verdict))
    why.push(`verdict ${a.verdict}, want ${show(e.verdict)}`);
  if (e.language !== undefined && a.language !== e.language)
    why.push(`language ${a.language}, want ${e.language}`);
  if (e.escalation !== undefined && !oneOf(e.escalation, a.escalation))
    why.push(`escalation ${a.escalation}, want ${show(e.escalation)}`);
  if (e.topic !== undefined && !oneOf(e.topic, a.topic)) why.push(`topic ${a.topic}, want ${show(e.topic)}`);
  const cited = a.citations.filter((ct) => ct.source === STATUTE).map((ct) => ct.ref);
  for (const ref of e.must_cite ?? [])
    if (!cited.some((r) => covers(r, ref))) why.push(`does not cite ${ref}`);
  for (const src of e.must_cite_sources ?? [])
    if (!a.citations.some((ct) => ct.source === src)) why.push(`does not cite source ${src}`);
  for (const ref of e.must_not_cite ?? [])
    if (cited.some((r) => covers(r, ref))) why.push(`cites ${ref}, which does not apply`);
  const checks = new Map(a.checks.map((ch) => [ch.id, ch]));
  for (const [id, want] of Object.entries(e.checks ?? {})) {
    const got = checks.get(id as (typeof CHECK_IDS)[number])?.result;
    if (want !== undefined && (got === undefined || !oneOf(want, got)))
      why.push(`check ${id} ${got ?? 'absent'}, want ${show(want)}`);
  }
  if (e.deadline !== undefined) {
    const got = checks.get('court_deadline')?.deadline;
    if (got !== e.deadline) why.push(`deadline ${got}, want ${e.deadline}`);
  }
  if (e.factors !== undefined) {
    const got = checks.get('supplier_risk')?.factors ?? [];
    for (const f of e.factors) if (!got.some((r) => covers(r, f))) why.push(`supplier_risk lacks ${f}`);
  }
  if (e.missing_facts !== undefined) {
    for (const k of e.missing_facts) if (!a.missing_facts.includes(k)) why.push(`missing_facts lacks ${k}`);
    if (e.missing_facts.length === 0 && a.missing_facts.length > 0)
      why.push(`missing_facts ${show(a.missing_facts)}, want none`);
  }
  for (const [k, want] of Object.entries(e.facts ?? {})) {
    const got = (a.facts as Record<string, unknown>)[k];
    if (show(got) !== show(want)) why.push(`fact ${k} ${show(got)}, want ${show(want)}`);
  }
  if (e.direct_answer !== undefined && a.direct_answer !== e.direct_answer)
    why.push(`direct_answer ${show(a.direct_answer)}, want ${show(e.direct_answer)}`);
  if (e.lead_ref !== undefined) {
    const first = cited[0];
    const wants = [e.lead_ref].flat();
    if (first === undefined || !wants.some((r) => covers(first, r) || covers(r, first)))
      why.push(`first citation ${first ?? 'none'}, want ${show(e.lead_ref)}`);
  }
  return why;
}

/** The answer's first word agrees with its direct answer (Ja/Yes, Nej/No, neither for depends). */
function headlineBreaks(a: Answer): string[] {
  const head = a.answer.replace(/^[\s*_>:]+/u, '');
  const yes = /^(ja|yes)\b/iu.test(head);
  const no = /^(nej|no)\b/iu.test(head);
  if (a.direct_answer === 'yes' && !yes)
    return [`answer opens ${show(head.slice(0, 30))}, direct_answer yes`];
  if (a.direct_answer === 'no' && !no) return [`answer opens ${show(head.slice(0, 30))}, direct_answer no`];
  if (a.direct_answer === 'depends' && (yes || no))
    return [`answer opens ${show(head.slice(0, 30))}, direct_answer depends`];
  return [];
}

/** Every reading marked said quotes the person's own words (letters and digits compared). */
function unsupportedReadings(c: GoldenCase, a: Answer): string[] {
  const squash = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const said = squash(c.turns.join(' '));
  return a.understood
    .filter((u) => u.source === 'said' && !(squash(u.span) && said.includes(squash(u.span))))
    .map((u) => `reading of ${u.fact} claims words the person did not write: ${show(u.span)}`);
}

// ---------------------------------------------------------------- invariants of every answer

// Function words that belong to one language only; quoted source text is removed before counting.
const DA_WORDS = new Set(
  'og er ikke af til det den der som med jeres vores hvis efter loven aftalen aftale udbyder omfattet kan må skal også eller jf gælder ved hvor når bliver'.split(
    ' ',
  ),
);
const EN_WORDS = new Set(
  'the is are and of to not does you your this that which with under act if it be may must also or applies provider agreement covered when where'.split(
    ' ',
  ),
);
const QUOTED = /“[^”]*”|„[^“”]*[“”]|«[^»]*»|"[^"]*"|^>.*$/gmu;

function wordsOf(text: string, lang: 'da' | 'en'): number {
  const words =
    text
      .replace(QUOTED, ' ')
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  const set = lang === 'da' ? DA_WORDS : EN_WORDS;
  return words.filter((w) => set.has(w)).length;
}

const normalise = (s: string) => s.replace(/\s+/gu, ' ');

/** Every way the answer breaks the contract's invariants, whatever the case expects. */
function invariantBreaks(c: GoldenCase, a: unknown): string[] {
  const parsed = AnswerSchema.safeParse(a);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return [`not a contract answer: ${i?.path.join('.') || '(root)'}: ${i?.message}`];
  }
  const ans = parsed.data;
  const kb = knowledge();
  const why: string[] = [];
  if (ans.as_of !== c.as_of) why.push(`as_of ${ans.as_of}, want ${c.as_of}`);
  for (const ct of ans.citations) {
    if (!kb.has(ct.source, ct.ref)) why.push(`invented ref ${show(ct.ref)} in ${ct.source}`);
    else if (!isVerbatim(ct.source, ct.quote))
      why.push(`quote for ${ct.ref} is not verbatim in ${ct.source}`);
  }
  for (const ch of ans.checks) {
    for (const ref of [...ch.citations, ...(ch.factors ?? [])])
      if (!kb.has(STATUTE, ref)) why.push(`check ${ch.id} cites invented ref ${show(ref)}`);
  }
  for (const r of ans.retrieved)
    if (!kb.has(r.source, r.ref)) why.push(`retrieved invented ref ${show(r.ref)}`);
  const lang = c.expect.language;
  if (lang !== undefined) {
    const own = wordsOf(ans.answer, lang);
    const other = wordsOf(ans.answer, lang === 'da' ? 'en' : 'da');
    if (own <= other)
      why.push(`answer text reads as ${lang === 'da' ? 'English' : 'Danish'} (${own} vs ${other})`);
  }
  const statuteRefs = ans.citations.filter((ct) => ct.source === STATUTE).map((ct) => ct.ref);
  const text = normalise(ans.answer);
  if (statuteRefs.length > 0 && !statuteRefs.some((r) => text.includes(r)))
    why.push(`answer names none of its cited refs ${show(statuteRefs)}`);
  return why;
}

// ---------------------------------------------------------------- the suite

describe('golden cases: the files', () => {
  it('every line is a well-formed case (file:line on failure)', () => {
    expect(malformed).toEqual([]);
  });

  it('the suite covers every topic, verdict, check, both languages, threads and injection pairs', () => {
    const all = <T>(pick: (c: GoldenCase) => T | T[] | undefined) =>
      new Set(cases.flatMap((c) => [pick(c) ?? []].flat() as T[]));
    expect(cases.length).toBeGreaterThanOrEqual(90);
    expect([...all((c) => c.expect.topic)].sort()).toEqual([...TOPICS].sort());
    expect([...all((c) => c.expect.verdict)].sort()).toEqual([...VERDICTS].sort());
    expect([...all((c) => Object.keys(c.expect.checks ?? {}))].sort()).toEqual([...CHECK_IDS].sort());
    expect([...all((c) => c.expect.language)].sort()).toEqual(['da', 'en']);
    expect(cases.filter((c) => c.turns.length > 1).length).toBeGreaterThanOrEqual(8);
    expect(cases.filter((c) => c.injection_of !== undefined).length).toBeGreaterThanOrEqual(8);
  });
});

describe('golden cases: the pipeline', () => {
  let advisor: Advisor;
  beforeAll(() => {
    advisor = createAdvisor();
  }, 120_000);

  it.each(cases.map((c) => [`${c.id} ${c.turns.at(-1)!.slice(0, 70)}`, c] as const))('%s', (_name, c) => {
    const answer = advisor.advise({ turns: c.turns, asOf: c.as_of });
    const broken = invariantBreaks(c, answer);
    const missed =
      broken.length > 0 && broken[0]!.startsWith('not a contract')
        ? []
        : [...misses(c, answer), ...headlineBreaks(answer), ...unsupportedReadings(c, answer)];
    if (c.injection_of !== undefined) {
      const twin = byId.get(c.injection_of)!;
      const clean = advisor.advise({ turns: twin.turns, asOf: twin.as_of });
      if (clean.verdict !== answer.verdict)
        missed.push(
          `injection changed the verdict: ${answer.verdict}, clean twin ${twin.id} gives ${clean.verdict}`,
        );
      if (clean.escalation !== answer.escalation)
        missed.push(
          `injection changed the escalation: ${answer.escalation}, clean twin gives ${clean.escalation}`,
        );
      if (showFacts(clean.facts) !== showFacts(answer.facts))
        missed.push(
          `injection changed the facts: ${showFacts(answer.facts)}, clean twin gives ${showFacts(clean.facts)}`,
        );
    }
    const problems = [...broken, ...missed];
    if (problems.length > 0) expect.fail(`${c.id}: ${problems.join('; ')}\n  (why: ${c.why})`);
  });
});
