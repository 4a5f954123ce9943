/** The six statute checks, by the ids of the answer contract. */
import type { CheckId } from '../contract.js';
import type { Facts } from '../facts.js';
import { REFS as COURT_REFS, courtDeadline } from './court_deadline.js';
import { REFS as COMPONENT_REFS, criticalComponent } from './critical_component.js';
import { type CountBounds, REFS as PROVIDER_REFS, significantProvider } from './significant_provider.js';
import {
  REFS as SUPPLIER_REFS,
  type SupplierRegisters,
  type SupplierStatements,
  supplierRisk,
} from './supplier_risk.js';
import { REFS as TEMPORAL_REFS, temporalScope } from './temporal_scope.js';
import { REFS as TERRITORIAL_REFS, territorialScope } from './territorial_scope.js';
import type { CheckTrace } from './types.js';

export { EMPTY_REGISTERS, type SupplierRegisters, type SupplierStatements } from './supplier_risk.js';
export type { CheckTrace, FactorSource } from './types.js';
export {
  courtDeadline,
  criticalComponent,
  significantProvider,
  supplierRisk,
  temporalScope,
  territorialScope,
};

/** Every statute ref each check may cite (in `citations` or `factors`). */
export const CHECK_REFS: Record<CheckId, readonly string[]> = {
  significant_provider: PROVIDER_REFS,
  critical_component: COMPONENT_REFS,
  temporal_scope: TEMPORAL_REFS,
  territorial_scope: TERRITORIAL_REFS,
  supplier_risk: SUPPLIER_REFS,
  court_deadline: COURT_REFS,
};

/** Runs one check by id; `registers` is read by supplier_risk only. */
export function runCheck(
  id: CheckId,
  facts: Facts,
  asOf: string,
  registers?: SupplierRegisters,
  statements?: SupplierStatements,
  bounds?: CountBounds,
): CheckTrace {
  switch (id) {
    case 'significant_provider':
      return significantProvider(facts, asOf, bounds);
    case 'critical_component':
      return criticalComponent(facts, asOf);
    case 'temporal_scope':
      return temporalScope(facts, asOf);
    case 'territorial_scope':
      return territorialScope(facts, asOf);
    case 'supplier_risk':
      return supplierRisk(facts, asOf, registers, statements);
    case 'court_deadline':
      return courtDeadline(facts, asOf);
  }
}
