/**
 * The advisory pipeline: a thread of messages in, an answer object (answer contract v1) out.
 * understand → check → retrieve → compose → guard. The CLI, the terminal chat and Slack all call this.
 *
 * STUB: being written; the signature is fixed.
 */
import type { Answer } from '../guardrails/contract.js';
import type { Facts } from '../guardrails/facts.js';

export interface AdviseRequest {
  /** One person's messages in one thread, oldest first; the answer is to the last one. */
  turns: string[];
  /** The date the law is applied at, YYYY-MM-DD. */
  asOf: string;
  /** Facts already known for this thread (e.g. persisted by the Slack store); turns add to them. */
  priorFacts?: Facts;
}

export interface Advisor {
  advise(req: AdviseRequest): Answer;
}

export function createAdvisor(): Advisor {
  return {
    advise(req) {
      const last = req.turns[req.turns.length - 1] ?? '';
      return {
        language: /[æøå]/i.test(last) ? 'da' : 'en',
        topic: 'escalation_request',
        verdict: 'needs_facts',
        checks: [],
        facts: req.priorFacts ?? {},
        missing_facts: [],
        citations: [],
        retrieved: [],
        escalation: 'offered',
        answer: 'The advisor is not ready yet: a human adviser can take this question.',
        as_of: req.asOf,
      };
    },
  };
}
