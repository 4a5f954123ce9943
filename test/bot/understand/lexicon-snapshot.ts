/**
 * Every export of `bot/understand/lexicon.ts` as JSON: strings and arrays as they are, and `gap` by its
 * values for 0 to 10 words. Recorded once from the lexicon as it was in TypeScript constants
 * (`npx tsx test/bot/understand/lexicon-snapshot.ts`), so that moving the words to YAML can be shown to
 * change no export by one character (lexicon-identity.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as X from '../../../bot/understand/lexicon.js';

export const FIXTURE = fileURLToPath(new URL('./lexicon.fixture.json', import.meta.url));
export const GAP_WORDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

export function snapshot(mod: Record<string, unknown> = X): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(mod).sort()) {
    const v = mod[name];
    out[name] =
      typeof v === 'function'
        ? { function: GAP_WORDS.map((n) => (v as (n: number) => unknown)(n)) }
        : JSON.parse(JSON.stringify(v));
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(FIXTURE, `${JSON.stringify(snapshot(), null, 1)}\n`);
  process.stdout.write(`wrote ${FIXTURE}\n`);
}
