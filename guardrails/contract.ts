/** The answer object of `../shared/spec/answer-contract.md`, version 2, as a zod schema. */
import { z } from 'zod';
import { SOURCE_IDS } from '../knowledge/types.js';
import { FACT_KEYS, FactsSchema } from './facts.js';

export const TOPICS = [
  'provider_status',
  'agreement',
  'equipment_purchase',
  'procedure',
  'guidance',
  'escalation_request',
  'out_of_scope',
] as const;
export const VERDICTS = ['covered', 'not_covered', 'needs_facts', 'informational', 'out_of_scope'] as const;
export const ESCALATIONS = ['none', 'offered', 'required'] as const;
export const CHECK_IDS = [
  'significant_provider',
  'critical_component',
  'temporal_scope',
  'territorial_scope',
  'supplier_risk',
  'court_deadline',
] as const;
export const CHECK_RESULTS = ['yes', 'no', 'unknown'] as const;

export type Topic = (typeof TOPICS)[number];
export type Verdict = (typeof VERDICTS)[number];
export type Escalation = (typeof ESCALATIONS)[number];
export type CheckId = (typeof CHECK_IDS)[number];
export type CheckResultValue = (typeof CHECK_RESULTS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const CheckSchema = z.object({
  id: z.enum(CHECK_IDS),
  result: z.enum(CHECK_RESULTS),
  citations: z.array(z.string()),
  detail: z.string().min(1),
  factors: z.array(z.string()).optional(),
  deadline: isoDate.optional(),
});
export type ContractCheck = z.infer<typeof CheckSchema>;

export const CitationSchema = z.object({
  source: z.enum(SOURCE_IDS),
  ref: z.string().min(1),
  quote: z.string().min(1),
  quote_en: z.string().min(1).optional(),
});
export type Citation = z.infer<typeof CitationSchema>;

export const RetrievedSchema = z.object({
  source: z.enum(SOURCE_IDS),
  ref: z.string().min(1),
  score: z.number(),
});
export type Retrieved = z.infer<typeof RetrievedSchema>;

export const READING_SOURCES = ['said', 'assumed', 'register', 'corrected'] as const;
/** Where a fact came from (contract v2, `understood`): the person's words, a default, a register, a correction. */
export const ReadingSchema = z.object({
  fact: z.enum(FACT_KEYS as [string, ...string[]]),
  value: z.union([z.string(), z.number(), z.boolean()]),
  source: z.enum(READING_SOURCES),
  span: z.string().min(1),
});
export type Reading = z.infer<typeof ReadingSchema>;

/** Which knowledge and rules produced an answer (bot/provenance.ts); its id and time where it was given. */
export const ProvenanceSchema = z.object({
  knowledge: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  rules: z.object({ version: z.string().min(1), commit: z.string().min(1).optional() }),
  answer_id: z.string().min(1).optional(),
  at: z.string().min(1).optional(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const AnswerSchema = z.object({
  language: z.enum(['da', 'en']),
  topic: z.enum(TOPICS),
  verdict: z.enum(VERDICTS),
  checks: z.array(CheckSchema),
  facts: FactsSchema,
  missing_facts: z.array(z.enum(FACT_KEYS as [string, ...string[]])),
  citations: z.array(CitationSchema),
  retrieved: z.array(RetrievedSchema),
  escalation: z.enum(ESCALATIONS),
  // Answers stored before contract version 2 have neither: they read as no short answer and no readings.
  direct_answer: z.enum(['yes', 'no', 'depends']).nullable().default(null),
  understood: z.array(ReadingSchema).default([]),
  answer: z.string().min(20),
  as_of: isoDate,
  provenance: ProvenanceSchema.optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;
export type Language = Answer['language'];
