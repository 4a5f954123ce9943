/**
 * supplier_risk: is at least one of the factors of § 2, stk. 2 present for the supplier? The act names
 * no countries or companies, so a factor rests either on what the person said (the supplier's country)
 * or on the project's register of suppliers and countries; `factor_sources` says which.
 *
 * Quoted statute text is marked `// >` and is verbatim (a test checks it against the official text).
 */
import type { FactKey, Facts } from '../facts.js';
import type { CheckTrace, FactorSource } from './types.js';

const STK_2 = '§ 2, stk. 2';
const NR_1 = '§ 2, stk. 2, nr. 1';
const NR_2 = '§ 2, stk. 2, nr. 2';
const NR_3 = '§ 2, stk. 2, nr. 3';
const NR_4 = '§ 2, stk. 2, nr. 4';
export const REFS = [STK_2, NR_1, NR_2, NR_3, NR_4] as const;

/** A register claim with its source; `null` value: the register does not know. */
export interface Claim<T> {
  value: T;
  source: string;
}

/** The parts of the register (knowledge/registers.ts) this check reads. */
export interface RegisterCountry {
  name_da?: string;
  name_en?: string;
  /** Inside Denmark's security-policy circle (EU and NATO members). */
  security_circle: boolean;
  compels_intelligence_cooperation: Claim<boolean | null>;
}
export interface RegisterSupplier {
  /** ISO 3166-1 alpha-2 of the country of domicile. */
  country: string;
  state_controlled: Claim<boolean> | null;
  harmful_activity: Claim<boolean> | null;
}
export interface SupplierRegisters {
  supplierByName(name: string): RegisterSupplier | undefined;
  country(code: string): RegisterCountry | undefined;
}

/** A register that knows nothing: every factor then rests on the facts alone. */
export const EMPTY_REGISTERS: SupplierRegisters = {
  supplierByName: () => undefined,
  country: () => undefined,
};

// § 2, stk. 2
// > I vurderingen vil bl.a. kunne indgå, om leverandøren, leverandørens væsentligste underleverandører og
// > aktører, der udøver kontrol over eller har betydelig indflydelse på leverandøren,
//
// > 1) er hjemmehørende i eller varetager produktionen eller driften fra et land, som Danmark ikke har
// > indgået en sikkerhedsaftale med, eller som Danmark ikke har et tilsvarende sikkerhedsmæssigt samarbejde med,
//    → the country is outside Denmark's security-policy circle (EU and NATO), per the register.
// > 2) er hjemmehørende i eller varetager produktionen eller driften fra et land, hvor det efter det
// > pågældende lands lovgivning er muligt at pålægge leverandører eller deres underleverandører at udføre
// > eller deltage i forhold, som vil udgøre spionage eller sabotage,
//    → the register claims the country's law can compel cooperation with intelligence work.
// > 3) direkte eller indirekte kontrolleres af et andet lands statslige organer, herunder militære myndigheder, og
//    → the register claims the supplier is state-controlled.
// > 4) er eller har været involveret i aktiviteter i Danmark eller andre lande, som har medført en negativ
// > påvirkning af statens sikkerhed, informationssikkerheden eller den offentlige orden.
//    → from a register claim, or from what the person said about the supplier.
/** The register's source, up to its first colon: the document, without the gloss. */
const cite = (c: Claim<unknown>) => {
  const head = c.source.split(/: |; | \(| — /)[0]!.trim();
  return head.length > 90 ? `${head.slice(0, head.lastIndexOf(' ', 90))} …` : head;
};

/** What the person said about the supplier beyond the contract's facts (e.g. "controlled by a foreign military"). */
export interface SupplierStatements {
  state_controlled?: boolean;
  /** The person said the supplier has been involved in activities that harmed security or public order (nr. 4). */
  harmful_activity?: boolean;
}

export function supplierRisk(
  facts: Facts,
  _asOf: string,
  register: SupplierRegisters = EMPTY_REGISTERS,
  statements: SupplierStatements = {},
): CheckTrace {
  const base = { id: 'supplier_risk' as const };
  const supplier = facts.supplier !== undefined ? register.supplierByName(facts.supplier) : undefined;
  const stated = facts.supplier_country;
  const code = stated ?? supplier?.country;
  const countrySource: FactorSource = stated !== undefined ? 'statement' : 'register';
  const used: FactKey[] = [];
  if (stated !== undefined) used.push('supplier_country');
  if (facts.supplier !== undefined && (supplier !== undefined || stated === undefined)) used.push('supplier');

  if (
    code === undefined &&
    supplier === undefined &&
    statements.state_controlled !== true &&
    statements.harmful_activity !== true
  ) {
    const named = facts.supplier !== undefined;
    return {
      ...base,
      result: 'unknown',
      citations: [STK_2],
      facts_used: used,
      missing: ['supplier_country'],
      factors: [],
      factor_sources: {},
      detail: named
        ? {
            da: `leverandøren ${facts.supplier} findes ikke i registret, og dens land er ikke oplyst`,
            en: `the supplier ${facts.supplier} is not in the register and its country is not known`,
          }
        : {
            da: 'hverken leverandør eller land er oplyst',
            en: 'neither the supplier nor its country is known',
          },
    };
  }

  const country = code !== undefined ? register.country(code) : undefined;
  const found: Array<{ ref: string; source: FactorSource; da: string; en: string }> = [];
  const nameDa = country?.name_da ?? code ?? '';
  const nameEn = country?.name_en ?? code ?? '';
  if (country && code) {
    if (!country.security_circle) {
      found.push({
        ref: NR_1,
        source: countrySource,
        da: `${nameDa} er uden for Danmarks sikkerhedspolitiske kreds (EU og NATO)`,
        en: `${nameEn} is outside Denmark's security-policy circle (EU and NATO)`,
      });
    }
    if (country.compels_intelligence_cooperation.value === true) {
      found.push({
        ref: NR_2,
        source: countrySource,
        da: `lovgivningen i ${nameDa} kan pålægge leverandører at bistå efterretningsarbejde (registret: ${cite(country.compels_intelligence_cooperation)})`,
        en: `the law of ${nameEn} can compel suppliers to assist intelligence work (register: ${cite(country.compels_intelligence_cooperation)})`,
      });
    }
  }
  if (statements.state_controlled === true) {
    found.push({
      ref: NR_3,
      source: 'statement',
      da: 'leverandøren kontrolleres efter det oplyste af et andet lands statslige organer',
      en: "by your account the supplier is controlled by another country's state bodies",
    });
  } else if (supplier?.state_controlled?.value === true) {
    found.push({
      ref: NR_3,
      source: 'register',
      da: `leverandøren kontrolleres af statslige organer (registret: ${cite(supplier.state_controlled)})`,
      en: `the supplier is controlled by state bodies (register: ${cite(supplier.state_controlled)})`,
    });
  }
  if (statements.harmful_activity === true) {
    found.push({
      ref: NR_4,
      source: 'statement',
      da: 'leverandøren har efter det oplyste været involveret i aktiviteter, der har skadet sikkerheden, informationssikkerheden eller den offentlige orden',
      en: 'by your account the supplier has been involved in activities that harmed security, information security or public order',
    });
  } else if (supplier?.harmful_activity?.value === true) {
    found.push({
      ref: NR_4,
      source: 'register',
      da: `leverandøren har været involveret i skadelige aktiviteter (registret: ${cite(supplier.harmful_activity)})`,
      en: `the supplier has been involved in harmful activities (register: ${cite(supplier.harmful_activity)})`,
    });
  }

  if (found.length > 0) {
    return {
      ...base,
      result: 'yes',
      citations: found.map((f) => f.ref),
      facts_used: used,
      missing: [],
      factors: found.map((f) => f.ref),
      factor_sources: Object.fromEntries(found.map((f) => [f.ref, f.source])),
      detail: { da: found.map((f) => f.da).join('; '), en: found.map((f) => f.en).join('; ') },
    };
  }
  if (country === undefined) {
    // A country the register does not know: no factor can be shown, and none ruled out.
    return {
      ...base,
      result: 'unknown',
      citations: [STK_2],
      facts_used: used,
      missing: [],
      factors: [],
      factor_sources: {},
      detail: {
        da: `registret har ingen oplysninger om landet ${code ?? ''}`.trim(),
        en: `the register has no information about the country ${code ?? ''}`.trim(),
      },
    };
  }
  return {
    ...base,
    result: 'no',
    citations: [STK_2],
    facts_used: used,
    missing: [],
    factors: [],
    factor_sources: {},
    detail: {
      da: `ingen af forholdene i § 2, stk. 2 er kendt for leverandøren fra ${nameDa}`,
      en: `none of the factors of § 2, stk. 2 is known for the supplier from ${nameEn}`,
    },
  };
}
