#!/usr/bin/env node
/**
 * `npm run replay -- --since YYYY-MM-DD` (or `--answer ID`): runs the stored questions of the database in
 * DATA_DIR through today's knowledge and rules, at the date each was answered at, and lists every answer
 * whose verdict, direct answer or citations (refs and quoted text) would now differ, with the old and the
 * new provenance side by side. Exit 0 when none differs, 1 when any does (so it can gate a knowledge
 * update), 2 on a usage error. KNOWLEDGE_DIR points at another copy of the knowledge to try it first.
 */
import { parseArgs } from 'node:util';
import type { Answer, Provenance } from '../../guardrails/contract.js';
import { type Facts, FactsSchema } from '../../guardrails/facts.js';
import { loadStoreConfig } from '../config.js';
import type { Advisor } from '../pipeline.js';
import { shortProvenance } from '../provenance.js';
import type { AdvisorStore } from '../store/api.js';
import { correctionsFor } from '../store/audit.js';
import { MAX_TURNS, type StoredAnswer } from '../store/index.js';
import { openStore } from '../store/open.js';
import { isIsoDate, runAsProgram } from './args.js';

const USAGE = 'usage: npm run replay -- (--since YYYY-MM-DD | --answer ID) [--json]';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

type V2 = Answer & {
  direct_answer?: string | null;
  understood?: { fact: string; value: unknown; source: string }[];
};

export interface Difference {
  answer_id: string;
  at: string;
  channel: string;
  thread_ts: string;
  question: string;
  verdict?: [string, string];
  direct_answer?: [string | null, string | null];
  citations?: { removed: string[]; added: string[]; changed: string[] };
  old: Provenance | null;
  new: Provenance | null;
}

const key = (c: Answer['citations'][number]) => `${c.source}|${c.ref}`;
const refOf = (k: string) => k.split('|')[1] ?? k;

/** What differs between an old and a new answer to the same question (undefined: nothing). */
export function compareAnswers(
  old: Answer,
  now: Answer,
  /** False for an answer stored before direct answers existed: it has none to compare. */
  hadDirectAnswer = true,
): Pick<Difference, 'verdict' | 'direct_answer' | 'citations'> | undefined {
  const d: Pick<Difference, 'verdict' | 'direct_answer' | 'citations'> = {};
  if (old.verdict !== now.verdict) d.verdict = [old.verdict, now.verdict];
  const od = (old as V2).direct_answer ?? null;
  const nd = (now as V2).direct_answer ?? null;
  if (hadDirectAnswer && od !== nd) d.direct_answer = [od, nd];
  const before = new Map(old.citations.map((c) => [key(c), c.quote]));
  const after = new Map(now.citations.map((c) => [key(c), c.quote]));
  const removed = [...before.keys()].filter((k) => !after.has(k)).map(refOf);
  const added = [...after.keys()].filter((k) => !before.has(k)).map(refOf);
  const changed = [...before.keys()].filter((k) => after.has(k) && after.get(k) !== before.get(k)).map(refOf);
  if (removed.length || added.length || changed.length) d.citations = { removed, added, changed };
  return Object.keys(d).length ? d : undefined;
}

/** The thread's answers up to and including this one, oldest first, as the bot saw them. */
async function threadUpTo(store: AdvisorStore, a: StoredAnswer): Promise<StoredAnswer[]> {
  const thread = await store.answersInThread(a.channel, a.thread_ts);
  const upTo = thread.findIndex((x) => x.id === a.id);
  return (upTo >= 0 ? thread.slice(0, upTo + 1) : [a]).slice(-MAX_TURNS);
}

/**
 * Facts the person set by a correction: no turn says them, so they are carried into the replay. Those set
 * in the coverage form come from the audit log's records, corrections in the thread from the readings.
 */
async function correctedFacts(store: AdvisorStore, thread: StoredAnswer[]): Promise<Facts> {
  const last = thread.at(-1)?.answer as V2 | undefined;
  const out: Record<string, unknown> = await correctionsFor(
    store,
    thread.map((a) => a.id),
  );
  for (const r of last?.understood ?? []) if (r.source === 'corrected') out[r.fact] = r.value;
  const parsed = FactsSchema.safeParse(out);
  return parsed.success ? parsed.data : {};
}

export async function replay(
  store: AdvisorStore,
  advisor: Advisor,
  o: { since?: string; answerId?: string },
): Promise<{
  replayed: number;
  differences: Difference[];
}> {
  const ids = o.answerId !== undefined ? [o.answerId] : await store.answerIdsSince(o.since ?? '0000');
  const differences: Difference[] = [];
  let replayed = 0;
  for (const id of ids) {
    const stored = await store.getAnswer(id);
    if (stored === undefined) continue;
    replayed += 1;
    const old = stored.answer;
    const thread = await threadUpTo(store, stored);
    const now = advisor.advise({
      turns: thread.map((a) => a.question),
      asOf: old.as_of,
      priorFacts: await correctedFacts(store, thread),
    });
    const raw = (await store.answerJson(id)) ?? '';
    const d = compareAnswers(old, now, /"direct_answer":/.test(raw));
    if (d === undefined) continue;
    differences.push({
      answer_id: stored.id,
      at: stored.created_at,
      channel: stored.channel,
      thread_ts: stored.thread_ts,
      question: stored.question,
      ...d,
      old: old.provenance ?? null,
      new: now.provenance ?? null,
    });
  }
  return { replayed, differences };
}

function provenanceColumns(p: Provenance | null): [string, string] {
  if (p === null) return ['(not recorded)', '(not recorded)'];
  const s = shortProvenance(p);
  return [p.knowledge, s.rules];
}

export function formatDifferences(r: { replayed: number; differences: Difference[] }, from: string): string {
  const lines = [
    `Replayed ${r.replayed} answer(s) ${from} with today's knowledge and rules: ${r.differences.length} would now differ.`,
  ];
  for (const d of r.differences) {
    lines.push(
      '',
      `${d.answer_id}  ${d.at}  ${d.channel} ${d.thread_ts}`,
      `  question:      ${d.question.replace(/\s+/g, ' ').slice(0, 200)}`,
    );
    if (d.verdict) lines.push(`  verdict:       ${d.verdict[0]} -> ${d.verdict[1]}`);
    if (d.direct_answer)
      lines.push(`  direct answer: ${d.direct_answer[0] ?? 'none'} -> ${d.direct_answer[1] ?? 'none'}`);
    if (d.citations) {
      const parts = [
        ...d.citations.removed.map((x) => `- ${x}`),
        ...d.citations.added.map((x) => `+ ${x}`),
        ...d.citations.changed.map((x) => `~ ${x} (text changed)`),
      ];
      lines.push(`  citations:     ${parts.join('; ')}`);
    }
    const [ok, or] = provenanceColumns(d.old);
    const [nk, nr] = provenanceColumns(d.new);
    const w = Math.max(ok.length, or.length, 3);
    lines.push(`                 ${'old'.padEnd(w)}  new`);
    lines.push(`  knowledge:     ${ok.padEnd(w)}  ${nk}`);
    lines.push(`  rules:         ${or.padEnd(w)}  ${nr}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function replayCommand(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<CliRun> {
  const usage = (m: string): CliRun => ({ code: 2, stdout: '', stderr: `replay: ${m}\n${USAGE}\n` });
  let values: { since?: string; answer?: string; json?: boolean; help?: boolean };
  try {
    values = parseArgs({
      args,
      options: {
        since: { type: 'string' },
        answer: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (e) {
    return usage((e as Error).message);
  }
  if (values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
  if ((values.since === undefined) === (values.answer === undefined))
    return usage('give exactly one of --since and --answer');
  if (values.since !== undefined && !isIsoDate(values.since))
    return usage(`--since must be a real date as YYYY-MM-DD, got "${values.since}"`);
  const config = loadStoreConfig(env);
  if (!config.ok) return { code: 2, stdout: '', stderr: `replay: ${config.error}\n` };
  let store: AdvisorStore | undefined;
  try {
    store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    // the pipeline (and the knowledge it loads) only when there is something to replay
    const { createAdvisor } = await import('../pipeline.js');
    const advisor = createAdvisor({ onGuardFailure: () => {} });
    const r = await replay(
      store,
      advisor,
      values.answer !== undefined ? { answerId: values.answer } : { since: values.since! },
    );
    if (values.answer !== undefined && r.replayed === 0)
      return { code: 2, stdout: '', stderr: `replay: no stored answer has the id "${values.answer}"\n` };
    const from = values.answer !== undefined ? `(answer ${values.answer})` : `since ${values.since}`;
    const stdout = values.json ? `${JSON.stringify(r)}\n` : formatDifferences(r, from);
    return { code: r.differences.length > 0 ? 1 : 0, stdout, stderr: '' };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return {
      code: 2,
      stdout: '',
      stderr: `replay: ${typeof code === 'string' ? code : (e as Error).message.split('\n')[0]}\n`,
    };
  } finally {
    await store?.close();
  }
}

await runAsProgram('replay', import.meta.url, replayCommand);
