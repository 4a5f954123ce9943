/** A valid answer for the store's tests (what is stored matters to them, not what it says). */
import type { Answer } from '../../guardrails/contract.js';

export const answer: Answer = {
  language: 'da',
  topic: 'provider_status',
  verdict: 'covered',
  checks: [],
  facts: { organisation_type: 'telecom_provider', end_users: 60000 },
  missing_facts: [],
  citations: [],
  retrieved: [],
  escalation: 'none',
  direct_answer: null,
  understood: [],
  answer: 'Ja, I er omfattet (§ 1, nr. 3, litra a).',
  as_of: '2026-11-22',
};
