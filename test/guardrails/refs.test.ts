/**
 * Every ref a check can cite exists in the statute, and every piece of statute text a check quotes
 * (`// >` lines) is the official text, verbatim.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECK_REFS, runCheck } from '../../guardrails/checks/index.js';
import { CHECK_IDS } from '../../guardrails/contract.js';
import { COMPONENTS, type Facts, ORGANISATION_TYPES, TERRITORIES } from '../../guardrails/facts.js';
import { KnowledgeLoadError, knowledge } from '../../knowledge/index.js';
import { fakeRegisters } from './fixtures/fake-registers.js';
import fixture from './fixtures/statute-refs.json' with { type: 'json' };

/** The knowledge base when it loads; the eval's list of refs while it cannot. */
function statuteHas(): (ref: string) => boolean {
  try {
    const kb = knowledge();
    return (ref) => kb.has('lov-1156-2021', ref);
  } catch (e) {
    if (!(e instanceof KnowledgeLoadError)) throw e;
    const refs = new Set(fixture.refs);
    return (ref) => refs.has(ref);
  }
}

const date = fc
  .record({
    y: fc.integer({ min: 2019, max: 2029 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const facts: fc.Arbitrary<Facts> = fc.record(
  {
    organisation_type: fc.constantFrom(...ORGANISATION_TYPES),
    end_users: fc.oneof(fc.integer({ min: 0, max: 3_000_000 }), fc.constantFrom(49_999, 50_000, 50_001)),
    state_end_users: fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.constantFrom(499, 500, 501)),
    nationwide_public_service: fc.boolean(),
    component: fc.constantFrom(...COMPONENTS),
    supplier: fc.constantFrom('Hikvision', 'Ericsson', 'Nokia', 'Shady', 'Acme Networks'),
    supplier_country: fc.constantFrom('CN', 'SE', 'DE', 'CH', 'XX', 'BR'),
    agreement_date: date,
    agreement_status: fc.constantFrom('new' as const, 'existing' as const),
    territory: fc.constantFrom(...TERRITORIES),
    decision_date: date,
    wants_human: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('citations of the checks', () => {
  it('every ref any check can cite exists in lov-1156-2021', () => {
    const has = statuteHas();
    for (const id of CHECK_IDS)
      for (const ref of CHECK_REFS[id]) expect(has(ref), `${id}: ${ref}`).toBe(true);
  });

  it('for any facts and date, a check cites only its declared refs and explains itself in both languages', () => {
    fc.assert(
      fc.property(facts, date, fc.constantFrom(...CHECK_IDS), (f, asOf, id) => {
        const t = runCheck(id, f, asOf, fakeRegisters);
        expect(t.id).toBe(id);
        expect(t.citations.length).toBeGreaterThan(0);
        for (const ref of [...t.citations, ...(t.factors ?? [])]) expect(CHECK_REFS[id]).toContain(ref);
        expect(t.detail.da.trim()).not.toBe('');
        expect(t.detail.en.trim()).not.toBe('');
        if (t.result !== 'unknown') expect(t.missing).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('a check never reads a fact that was not given', () => {
    fc.assert(
      fc.property(facts, date, fc.constantFrom(...CHECK_IDS), (f, asOf, id) => {
        for (const k of runCheck(id, f, asOf, fakeRegisters).facts_used)
          expect(f[k], `${id} used ${k}`).not.toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });
});

describe('statute text quoted in the checks (Catala style)', () => {
  const squash = (s: string) => s.replace(/[•]/g, ' ').replace(/\s+/g, ' ').trim();
  const official = squash(
    readFileSync(join(import.meta.dirname, '../../knowledge/texts/lov-1156-2021.da.txt'), 'utf8'),
  );
  const dir = join(import.meta.dirname, '../../guardrails/checks');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts'].includes(f));

  it('has one file per check, each quoting the statute', () => {
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...CHECK_IDS].sort());
  });

  it.each(files)('%s quotes the official text verbatim', (file) => {
    const blocks: string[] = [];
    let current: string[] = [];
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const m = /^\s*\/\/ > ?(.*)$/.exec(line);
      if (m) current.push(m[1]!);
      else if (current.length) {
        blocks.push(current.join(' '));
        current = [];
      }
    }
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) expect(official, b).toContain(squash(b));
  });
});
