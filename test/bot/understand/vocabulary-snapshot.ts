/**
 * Every value export of `bot/understand/topic.ts` and `bot/understand/numbers.ts` as JSON: a regular
 * expression as its source and flags, an object as its entries in order (the order decides how word lists
 * are joined), arrays and strings as they are; functions are left out. Recorded once from the vocabulary as
 * it was in TypeScript constants (`npx tsx test/bot/understand/vocabulary-snapshot.ts`), so that moving its
 * words to YAML can be shown to change no value by one character (vocabulary-identity.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as N from '../../../bot/understand/numbers.js';
import * as T from '../../../bot/understand/topic.js';

export const FIXTURE = fileURLToPath(new URL('./vocabulary.fixture.json', import.meta.url));

/** A value as JSON that keeps what matters to the regular-expression engine and to the code. */
export function encode(v: unknown): unknown {
  if (v instanceof RegExp) return { regexp: v.source, flags: v.flags };
  if (Array.isArray(v)) return v.map(encode);
  if (v !== null && typeof v === 'object')
    return { entries: Object.entries(v).map(([k, x]) => [k, encode(x)]) };
  return v;
}

/** The value exports of a module, by name. */
export function snapshotOf(mod: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(mod).sort())
    if (typeof mod[name] !== 'function') out[name] = encode(mod[name]);
  return out;
}

export function snapshot(): { topic: Record<string, unknown>; numbers: Record<string, unknown> } {
  return { topic: snapshotOf(T), numbers: snapshotOf(N) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(FIXTURE, `${JSON.stringify(snapshot(), null, 1)}\n`);
  process.stdout.write(`wrote ${FIXTURE}\n`);
}
