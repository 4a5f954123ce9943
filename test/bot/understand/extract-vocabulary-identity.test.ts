import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE, snapshot } from './extract-vocabulary-snapshot.js';

// The fixture was recorded from extract.ts and doubt.ts with their words as TypeScript constants, before
// the words moved to the lexicon's YAML (knowledge/vocabulary/lexicon/).
describe.each(['extract', 'doubt'] as const)('the %s exports', (mod) => {
  const recorded = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, Record<string, unknown>>)[
    mod
  ]!;
  const now = snapshot()[mod];
  it('are the same names', () => {
    expect(Object.keys(now)).toEqual(Object.keys(recorded));
  });
  it.each(Object.keys(recorded))('%s is the same to the character', (name) => {
    expect(now[name]).toStrictEqual(recorded[name]);
  });
});
