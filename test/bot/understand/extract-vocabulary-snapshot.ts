/**
 * The vocabulary `bot/understand/extract.ts` and `bot/understand/doubt.ts` held inline (every regular
 * expression's source and flags, every word set's members in order) as JSON. Recorded once from the
 * TypeScript constants (`npx tsx test/bot/understand/extract-vocabulary-snapshot.ts`), so that moving their
 * words to the lexicon's YAML can be shown to change no value by one character
 * (extract-vocabulary-identity.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as D from '../../../bot/understand/doubt.js';
import * as X from '../../../bot/understand/extract.js';

export const FIXTURE = fileURLToPath(new URL('./extract-vocabulary.fixture.json', import.meta.url));

/** A value as JSON that keeps what matters to the regular-expression engine and to the code. */
export function encode(v: unknown): unknown {
  if (v instanceof RegExp) return { regexp: v.source, flags: v.flags };
  if (v instanceof Set) return { set: [...v].map(encode) };
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

export function snapshot(): { extract: Record<string, unknown>; doubt: Record<string, unknown> } {
  return { extract: snapshotOf(X), doubt: snapshotOf(D) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(FIXTURE, `${JSON.stringify(snapshot(), null, 1)}\n`);
  process.stdout.write(`wrote ${FIXTURE}\n`);
}
