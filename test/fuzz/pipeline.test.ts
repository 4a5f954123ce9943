/**
 * Fuzzing the advisory pipeline: any thread of hostile messages (and any prior facts the store might
 * hand it) gives an answer valid against the answer contract's schema, never a throw.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Advisor, createAdvisor } from '../../bot/pipeline.js';
import { type Answer, AnswerSchema } from '../../guardrails/contract.js';
import { COMPONENTS, type Facts, ORGANISATION_TYPES, TERRITORIES } from '../../guardrails/facts.js';
import { HUGE, hostileText, RUNS } from './arbitraries.js';

let advisor: Advisor;
beforeAll(() => {
  advisor = createAdvisor();
});

const isoDay = fc
  .date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Prior facts as the store could hold them: schema-valid, otherwise arbitrary. */
const priorFacts: fc.Arbitrary<Facts> = fc.record(
  {
    organisation_type: fc.constantFrom(...ORGANISATION_TYPES),
    end_users: fc.nat(),
    state_end_users: fc.nat(),
    nationwide_public_service: fc.boolean(),
    component: fc.constantFrom(...COMPONENTS),
    supplier: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    supplier_country: fc.constantFrom('CN', 'SE', 'DK', 'RU', 'US', 'ZZ'),
    agreement_date: isoDay,
    agreement_status: fc.constantFrom('new' as const, 'existing' as const),
    territory: fc.constantFrom(...TERRITORIES),
    decision_date: isoDay,
    wants_human: fc.boolean(),
  },
  { requiredKeys: [] },
);

function valid(a: Answer, asOf: string): void {
  const r = AnswerSchema.safeParse(a);
  expect(r.success, r.error?.message).toBe(true);
  expect(a.as_of).toBe(asOf);
}

describe('the pipeline on hostile input', () => {
  it('one message, any text: a contract-valid answer', () => {
    fc.assert(
      fc.property(hostileText, isoDay, (text, asOf) => valid(advisor.advise({ turns: [text], asOf }), asOf)),
      {
        numRuns: RUNS * 2,
        // found by these properties: a count beyond Number.MAX_SAFE_INTEGER made the answer break the contract
        examples: [
          ['99999999999999999999999 end users', '2026-11-22'],
          ['Vi er en teleudbyder med 9007199254740993 slutbrugere. Er vi omfattet?', '2026-11-22'],
        ],
      },
    );
  });

  it('a thread of several messages with prior facts: a contract-valid answer', () => {
    fc.assert(
      fc.property(
        fc.array(hostileText, { minLength: 0, maxLength: 5 }),
        isoDay,
        priorFacts,
        (turns, asOf, prior) => valid(advisor.advise({ turns, asOf, priorFacts: prior }), asOf),
      ),
      { numRuns: RUNS },
    );
  });

  it.each(HUGE.slice(0, 4))('a huge message (%s): a contract-valid answer', (_name, text) => {
    valid(advisor.advise({ turns: [text.slice(0, 20_000)], asOf: '2026-11-22' }), '2026-11-22');
  });
});
