#!/usr/bin/env node
/**
 * `ask`: the answer contract's command line.
 *   ask --json [--as-of YYYY-MM-DD] "question"   one JSON answer on stdout
 *   ask --jsonl FILE [--as-of YYYY-MM-DD]         one answer per case line, `id` added
 *   ask [--as-of …] "question"                   the answer text, for people
 *   ask --memo FILE.pdf|FILE.md [--as-of …] "question"   also writes the memo to file (PDF or Markdown)
 * stdout carries only answers; logs and errors go to stderr. Bad flags or dates: one line, exit 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { memoFormatOf } from '../memo/format.js';
import { createAdvisor } from '../pipeline.js';
import { newAnswerId, stampProvenance } from '../provenance.js';
import { isIsoDate, today } from './args.js';

const USAGE = 'usage: ask [--json | --jsonl FILE] [--memo FILE.pdf|FILE.md] [--as-of YYYY-MM-DD] "question"';

function fail(message: string): never {
  process.stderr.write(`ask: ${message}\n`);
  process.exit(2);
}

const CaseSchema = z.object({
  id: z.union([z.string().min(1), z.number()]),
  turns: z
    .array(z.string().max(20_000, 'a turn is longer than 20,000 characters'))
    .min(1, 'turns is empty')
    .refine((t) => t.at(-1)?.trim(), 'the last turn is an empty question'),
  as_of: z.string().refine(isIsoDate, 'as_of is not a real date as YYYY-MM-DD').optional(),
});

/** The answer with its own id and time (provenance). */
const given = (answer: Parameters<typeof stampProvenance>[0]) =>
  stampProvenance(answer, newAnswerId(), new Date().toISOString());

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  const options = {
    json: { type: 'boolean' },
    jsonl: { type: 'string' },
    'as-of': { type: 'string' },
    memo: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  } as const;
  try {
    parsed = parseArgs({ options, allowPositionals: true, strict: true });
  } catch (e) {
    fail(`${(e as Error).message.split('\n')[0]}. ${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const asOf = values['as-of'] ?? today();
  if (!isIsoDate(asOf)) fail(`--as-of must be a real date as YYYY-MM-DD, got "${asOf}"`);
  if (values.json && values.jsonl !== undefined) fail(`--json and --jsonl exclude each other. ${USAGE}`);
  const memoFormat = values.memo === undefined ? undefined : memoFormatOf(values.memo);
  if (values.memo !== undefined && memoFormat === undefined)
    fail(`--memo takes a file ending in .pdf or .md, got "${values.memo}"`);
  if (values.memo !== undefined && values.jsonl !== undefined)
    fail(`--memo and --jsonl exclude each other. ${USAGE}`);

  if (values.jsonl !== undefined) {
    if (positionals.length) fail(`--jsonl takes no question on the command line. ${USAGE}`);
    let raw: string;
    try {
      raw = readFileSync(values.jsonl, 'utf8');
    } catch (e) {
      fail(`cannot read ${values.jsonl}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const advisor = createAdvisor({ onGuardFailure: logGuard });
    let failed = 0;
    const out: string[] = [];
    raw.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        failed += 1;
        out.push(JSON.stringify({ id: null, error: `line ${i + 1}: not valid JSON` }));
        return;
      }
      const c = CaseSchema.safeParse(json);
      if (!c.success) {
        failed += 1;
        const id = (json as { id?: unknown })?.id;
        const issue = c.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
        out.push(
          JSON.stringify({
            id: typeof id === 'string' || typeof id === 'number' ? id : null,
            error: `line ${i + 1}: ${where}${issue?.message ?? 'invalid case'}`,
          }),
        );
        return;
      }
      const answer = given(advisor.advise({ turns: c.data.turns, asOf: c.data.as_of ?? asOf }));
      out.push(JSON.stringify({ id: c.data.id, ...answer }));
    });
    process.stdout.write(out.length ? `${out.join('\n')}\n` : '');
    if (failed) process.exitCode = 1;
    return;
  }

  const question = positionals.join(' ').trim();
  if (!question) fail(`the question is empty. ${USAGE}`);
  const answer = given(createAdvisor({ onGuardFailure: logGuard }).advise({ turns: [question], asOf }));
  if (values.memo !== undefined && memoFormat !== undefined) {
    const { renderMemo } = await import('../memo/index.js');
    const { bytes } = await renderMemo({ answer, turns: [question] }, memoFormat);
    try {
      writeFileSync(values.memo, bytes);
    } catch (e) {
      process.stderr.write(
        `ask: cannot write ${values.memo}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
      );
      process.exitCode = 1;
    }
  }
  process.stdout.write(values.json ? `${JSON.stringify(answer)}\n` : `${answer.answer}\n`);
}

function logGuard(failures: { code: string; message: string }[]): void {
  process.stderr.write(`guard: ${failures.map((f) => `${f.code}: ${f.message}`).join('; ')}\n`);
}

void main();
