import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as X from '../../../bot/understand/lexicon.js';
import { FIXTURE, snapshot } from './lexicon-snapshot.js';

// The fixture was recorded from the lexicon as TypeScript constants, before its words moved to YAML.
describe('the lexicon exports', () => {
  const recorded = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
  const now = snapshot(X as unknown as Record<string, unknown>);
  it('are the same names', () => {
    expect(Object.keys(now)).toEqual(Object.keys(recorded));
  });
  it.each(Object.keys(recorded))('%s is the same to the character', (name) => {
    expect(now[name]).toStrictEqual(recorded[name]);
  });
  it('are the same kinds of value', () => {
    for (const [name, v] of Object.entries(X)) {
      const was = recorded[name];
      if (typeof v === 'function') expect(was).toHaveProperty('function');
      else expect(Array.isArray(v), name).toBe(Array.isArray(was));
    }
  });
});
