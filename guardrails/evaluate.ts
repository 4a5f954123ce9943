/**
 * From facts to a verdict: which checks a topic needs, what they say, and whether a human should take
 * over. Deterministic: the same topic, facts and date give the same evaluation.
 */
import { registers as projectRegisters } from '../knowledge/registers.js';
import {
  type CheckTrace,
  runCheck,
  type SupplierRegisters,
  type SupplierStatements,
} from './checks/index.js';
import type { CountBounds } from './checks/significant_provider.js';
import type { CheckId, ContractCheck, Escalation, Topic, Verdict } from './contract.js';
import { IsoDateSchema } from './dates.js';
import { type FactKey, type Facts, FactsSchema } from './facts.js';

export type { CheckTrace } from './checks/index.js';

export interface Evaluation {
  checks: CheckTrace[];
  verdict: Verdict;
  escalation: Escalation;
  /** What would decide a `needs_facts` verdict (empty otherwise). */
  missing_facts: FactKey[];
  /** The act applies to the subject of the question at `asOf` (verdict `covered`). */
  applies: boolean;
}

export interface EvaluateOptions {
  /** The supplier and country register; defaults to the project's register. */
  registers?: SupplierRegisters;
  /**
   * The caller already knows FE's guidance (spm-485-2022) warns about this supplier, e.g. from a
   * source the register lacks: a surveillance-equipment purchase then offers escalation.
   */
  guidanceWarns?: boolean;
  /** What the person said about the supplier beyond the facts (read by supplier_risk). */
  statements?: SupplierStatements;
  /** Facts read in doubt: the checks that need them stay open (a territory in doubt is not assumed). */
  doubtful?: FactKey[];
  /** Counts said with a bound ("over …", "knap …"), read by significant_provider. */
  bounds?: CountBounds;
}

const PROVIDER_CHECKS: CheckId[] = ['significant_provider', 'territorial_scope'];
const AGREEMENT_CHECKS: CheckId[] = [
  'significant_provider',
  'critical_component',
  'temporal_scope',
  'territorial_scope',
];

/** The topic whose checks and verdict an escalation request borrows, from what the facts show. */
function underlyingTopic(topic: Topic, facts: Facts): Topic {
  if (topic !== 'escalation_request') return topic;
  if (facts.component !== undefined || facts.supplier !== undefined) return 'agreement';
  if (facts.end_users !== undefined) return 'provider_status';
  return 'escalation_request';
}

/** The checks a topic runs, in answer order. */
export function checksFor(topic: Topic, facts: Facts): CheckId[] {
  switch (underlyingTopic(topic, facts)) {
    case 'provider_status':
      return facts.supplier !== undefined || facts.supplier_country !== undefined
        ? [...PROVIDER_CHECKS, 'supplier_risk']
        : PROVIDER_CHECKS;
    case 'agreement':
    case 'equipment_purchase':
      return [...AGREEMENT_CHECKS, 'supplier_risk'];
    case 'procedure':
      return facts.decision_date !== undefined ? ['court_deadline'] : [];
    default:
      return [];
  }
}

function decide(deciding: CheckId[], checks: CheckTrace[]): { verdict: Verdict; missing: FactKey[] } {
  const results = deciding.map((id) => checks.find((c) => c.id === id));
  if (results.some((c) => c?.result === 'no')) return { verdict: 'not_covered', missing: [] };
  const open = results.filter((c) => c === undefined || c.result === 'unknown');
  if (open.length > 0)
    return { verdict: 'needs_facts', missing: [...new Set(open.flatMap((c) => c?.missing ?? []))] };
  return { verdict: 'covered', missing: [] };
}

function decideTopic(topic: Topic, checks: CheckTrace[]): { verdict: Verdict; missing: FactKey[] } {
  switch (topic) {
    case 'provider_status':
      return decide(PROVIDER_CHECKS, checks);
    case 'agreement':
    case 'equipment_purchase':
      return decide(AGREEMENT_CHECKS, checks);
    case 'out_of_scope':
      return { verdict: 'out_of_scope', missing: [] };
    case 'escalation_request': {
      const ran = new Set(checks.map((c) => c.id));
      if (ran.has('critical_component')) return decide(AGREEMENT_CHECKS, checks);
      if (ran.has('significant_provider')) return decide(PROVIDER_CHECKS, checks);
      return { verdict: 'informational', missing: [] };
    }
    default:
      return { verdict: 'informational', missing: [] };
  }
}

/**
 * The verdict the checks support for a topic (answer contract). A deciding check that is absent counts
 * as unknown. supplier_risk and court_deadline never decide.
 */
export function deriveVerdict(topic: Topic, checks: CheckTrace[]): Verdict {
  return decideTopic(topic, checks).verdict;
}

function escalationFor(
  topic: Topic,
  facts: Facts,
  checks: CheckTrace[],
  applies: boolean,
  guidanceWarns: boolean,
): Escalation {
  if (facts.wants_human === true) return 'required';
  const risk = checks.find((c) => c.id === 'supplier_risk')?.result === 'yes';
  if (applies && risk) return 'offered';
  // spm-485-2022: FE urges care when buying surveillance equipment from countries outside Denmark's
  // security-policy circle, whether or not the act applies (nr. 1 is a supplier_risk factor).
  const purchase = topic === 'agreement' || topic === 'equipment_purchase';
  if (purchase && facts.component === 'surveillance_camera' && (risk || guidanceWarns)) return 'offered';
  return 'none';
}

const TERRITORY_IN_DOUBT = {
  da: 'det er ikke sikkert, om nettet ligger i Danmark eller på Færøerne eller Grønland',
  en: 'it is not certain whether the network is in Denmark or in the Faroe Islands or Greenland',
};

/** Bad input to `evaluate`: a coded error whose message names what is wrong. */
export class EvaluateError extends Error {
  constructor(
    readonly code: 'bad_as_of' | 'bad_facts',
    message: string,
  ) {
    super(message);
    this.name = 'EvaluateError';
  }
}

/** Checks the inputs of `evaluate`; `null` when they are fine. */
export function validateInput(facts: unknown, asOf: unknown): EvaluateError | null {
  const d = IsoDateSchema.safeParse(asOf);
  if (!d.success)
    return new EvaluateError(
      'bad_as_of',
      `as_of ${JSON.stringify(asOf)} is not ${d.error.issues[0]?.message}`,
    );
  const f = FactsSchema.safeParse(facts);
  if (!f.success) {
    const i = f.error.issues[0];
    const where = i?.path.length ? i.path.join('.') : 'facts';
    return new EvaluateError('bad_facts', `${where}: ${i?.message ?? 'invalid'}`);
  }
  return null;
}

/** Like `evaluate`, with bad input as a value instead of a thrown error. */
export function safeEvaluate(
  topic: Topic,
  facts: Facts,
  asOf: string,
  opts: EvaluateOptions = {},
): { ok: true; value: Evaluation } | { ok: false; error: EvaluateError } {
  const error = validateInput(facts, asOf);
  return error ? { ok: false, error } : { ok: true, value: evaluate(topic, facts, asOf, opts) };
}

/**
 * The statute's checks for `topic` on `facts` at `asOf`. Throws `EvaluateError` (`bad_as_of`) when
 * `asOf` is not a real YYYY-MM-DD day; `facts` are trusted to match `FactsSchema` (use `safeEvaluate`
 * to check them too).
 */
export function evaluate(topic: Topic, facts: Facts, asOf: string, opts: EvaluateOptions = {}): Evaluation {
  const bad = IsoDateSchema.safeParse(asOf);
  if (!bad.success)
    throw new EvaluateError(
      'bad_as_of',
      `as_of ${JSON.stringify(asOf)} is not ${bad.error.issues[0]?.message}`,
    );
  const registers = opts.registers ?? projectRegisters();
  const checks = checksFor(topic, facts).map((id) => {
    const trace = runCheck(id, facts, asOf, registers, opts.statements, opts.bounds);
    // Denmark is assumed only when nothing points elsewhere; a place in doubt points elsewhere.
    if (id === 'territorial_scope' && opts.doubtful?.includes('territory'))
      return {
        ...trace,
        result: 'unknown' as const,
        facts_used: [],
        missing: ['territory' as FactKey],
        detail: TERRITORY_IN_DOUBT,
      };
    return trace;
  });
  const { verdict, missing } = decideTopic(topic, checks);
  const applies = verdict === 'covered';
  const escalation = escalationFor(
    underlyingTopic(topic, facts),
    facts,
    checks,
    applies,
    opts.guidanceWarns === true,
  );
  return { checks, verdict, escalation, missing_facts: verdict === 'needs_facts' ? missing : [], applies };
}

/** A trace as the answer contract's check object, with the detail in `lang`. */
export function toContractCheck(t: CheckTrace, lang: 'da' | 'en'): ContractCheck {
  const out: ContractCheck = {
    id: t.id,
    result: t.result,
    citations: [...t.citations],
    detail: t.detail[lang],
  };
  if (t.id === 'supplier_risk') out.factors = [...(t.factors ?? [])];
  if (t.deadline !== undefined) out.deadline = t.deadline;
  return out;
}
