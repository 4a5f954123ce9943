/**
 * Fuzzing the `ask --jsonl` reader, run as a process the way a user runs it: a file of random and
 * malformed lines gives one output line per (non-blank) input line, in order; a bad line is
 * `{"id": …, "error": "…"}`, a good one a contract answer with its id; exit 1 when any line failed, else 0;
 * stderr never carries a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../guardrails/contract.js';
import { PROJECT_ROOT } from '../../knowledge/paths.js';
import { hostileText, RUNS } from './arbitraries.js';

const dir = mkdtempSync(join(tmpdir(), 'fuzz-ask-'));
/** Each run is a process start; keep the count modest (FUZZ_RUNS scales it). */
const PROCESS_RUNS = Math.max(3, Math.ceil(RUNS / 10));

function ask(lines: string[]) {
  const file = join(dir, `cases-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, lines.join('\n'));
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'bot', 'cli', 'ask.ts'), '--jsonl', file, '--as-of', '2026-11-22'],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}

const oneLine = hostileText.map((s) => s.replace(/[\r\n]/g, ' '));
const anyJson = fc.jsonValue({ maxDepth: 3 });
const id = fc.oneof(
  fc.string({ minLength: 1, maxLength: 10 }),
  fc.integer(),
  fc.constant(null),
  fc.constant(''),
  anyJson,
);

/** A line of a cases file: good cases, near-misses and garbage. */
const caseLine: fc.Arbitrary<string> = fc.oneof(
  // a well-formed case with hostile turns
  fc
    .record({
      id: fc.oneof(fc.string({ minLength: 1, maxLength: 10 }), fc.integer()),
      turns: fc.array(oneLine, { minLength: 1, maxLength: 3 }),
    })
    .map((c) => JSON.stringify(c)),
  // wrong types and missing fields
  fc
    .record(
      {
        id,
        turns: fc.oneof(anyJson, fc.array(anyJson, { maxLength: 3 })),
        as_of: fc.oneof(fc.string({ maxLength: 12 }), anyJson),
      },
      { requiredKeys: [] },
    )
    .map((c) => JSON.stringify(c)),
  // any JSON at all (arrays, numbers, null, strings)
  anyJson.map((v) => JSON.stringify(v)),
  // not JSON
  oneLine,
  // truncated JSON
  fc.record({ id: fc.string({ maxLength: 5 }), turns: fc.array(oneLine, { maxLength: 2 }) }).chain((c) => {
    const s = JSON.stringify(c);
    return fc.nat({ max: Math.max(0, s.length - 1) }).map((n) => s.slice(0, n));
  }),
  // a huge turn
  fc.constantFrom(
    JSON.stringify({ id: 'huge', turns: ['x'.repeat(25_000)] }),
    JSON.stringify({ id: 'big-ok', turns: [`Er vi omfattet? ${'60.000 slutbrugere '.repeat(900)}`] }),
  ),
);

const ErrorLine = (o: Record<string, unknown>) =>
  Object.keys(o).sort().join(',') === 'error,id' &&
  typeof o.error === 'string' &&
  (o.error as string).length > 0;

describe('ask --jsonl on random and malformed files', () => {
  it(
    'one output line per input line, errors as {id, error}, exit 1 iff a line failed, no stack trace',
    () => {
      fc.assert(
        fc.property(fc.array(caseLine, { minLength: 1, maxLength: 25 }), (lines) => {
          const r = ask(lines);
          expect(r.error, 'the process ran').toBeUndefined();
          expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);
          const expected = lines.filter((l) => l.trim() !== '');
          const out = r.stdout.split('\n').filter((l) => l !== '');
          expect(out).toHaveLength(expected.length);
          let errors = 0;
          out.forEach((line) => {
            const o = JSON.parse(line) as Record<string, unknown>;
            expect('id' in o, line.slice(0, 200)).toBe(true);
            if ('error' in o) {
              expect(ErrorLine(o), line.slice(0, 200)).toBe(true);
              errors += 1;
            } else {
              const { id: _id, ...answer } = o;
              const a = AnswerSchema.safeParse(answer);
              expect(a.success, `${line.slice(0, 200)}: ${a.error?.message}`).toBe(true);
            }
          });
          expect(r.status).toBe(errors > 0 ? 1 : 0);
          // lines that are not JSON at all are always errors with a null id
          expected.forEach((l, i) => {
            let isJson = true;
            try {
              JSON.parse(l);
            } catch {
              isJson = false;
            }
            if (!isJson) expect(JSON.parse(out[i]!)).toMatchObject({ id: null, error: expect.any(String) });
          });
        }),
        {
          numRuns: PROCESS_RUNS,
          examples: [
            [['{bad', '{"id":"a","turns":["Er vi omfattet?"]}', '[]', 'null', '{"id":{"x":1},"turns":"no"}']],
          ],
        },
      );
    },
    PROCESS_RUNS * 20_000,
  );
});
