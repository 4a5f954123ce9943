/**
 * The fact model of the answer contract: exactly its keys and enumerations. Facts are what the person
 * said (or what the register says about a supplier they named); nothing is invented.
 */
import { z } from 'zod';

export const ORGANISATION_TYPES = [
  'telecom_provider',
  'municipality',
  'region',
  'state_authority',
  'radio_tv',
  'company',
  'other',
] as const;
export const COMPONENTS = [
  'core_network',
  'backbone_router',
  'backbone_server',
  'oss_bss_nms',
  'ran_control',
  'operations_service',
  'surveillance_camera',
  'customer_equipment',
  'office_it',
  'other',
] as const;
export const TERRITORIES = ['DK', 'FO', 'GL'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const FactsSchema = z
  .object({
    organisation_type: z.enum(ORGANISATION_TYPES),
    end_users: z.number().int().nonnegative(),
    state_end_users: z.number().int().nonnegative(),
    nationwide_public_service: z.boolean(),
    component: z.enum(COMPONENTS),
    supplier: z.string().min(1).max(200),
    supplier_country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code'),
    agreement_date: isoDate,
    agreement_status: z.enum(['new', 'existing']),
    territory: z.enum(TERRITORIES),
    decision_date: isoDate,
    wants_human: z.boolean(),
  })
  .partial()
  .strict();

export type Facts = z.infer<typeof FactsSchema>;
export type FactKey = keyof Facts;
export const FACT_KEYS = Object.keys(FactsSchema.shape) as FactKey[];

/** Facts of a later turn override those of an earlier one; keys a turn did not mention are kept. */
export function mergeFacts(earlier: Facts, later: Facts): Facts {
  const out: Facts = { ...earlier };
  for (const key of FACT_KEYS) {
    const v = later[key];
    if (v !== undefined) (out as Record<string, unknown>)[key] = v;
  }
  return out;
}

/** An agreement already entered: said so, or dated on or before the day the law is applied at. */
export function isExistingAgreement(facts: Facts, asOf: string): boolean {
  if (facts.agreement_status !== undefined) return facts.agreement_status === 'existing';
  return facts.agreement_date !== undefined && facts.agreement_date <= asOf;
}
