/**
 * The words the fact extractor looks for, Danish and English, as regular-expression sources. They are data,
 * `knowledge/vocabulary/lexicon/*.yaml` (one file per kind of fact, each entry with why it is there), read
 * and expanded once per process by `knowledge/lexicon.ts`; this file only names them for the extractor.
 * Stems match inside compounds (`kernenetudstyr`, `overvågningskameraer`, `Hikvision-kameraer`): `W` is
 * "any letters", so `{W}kamera{W}` in the YAML is every word containing "kamera".
 */
import { COMPONENTS, ORGANISATION_TYPES } from '../../guardrails/facts.js';
import { lexicon } from '../../knowledge/lexicon.js';

export { B, E, gap, W } from '../../knowledge/lexicon.js';

type OrgType = (typeof ORGANISATION_TYPES)[number];
type Component = (typeof COMPONENTS)[number];

const L = lexicon();

// organisation.yaml
export const SELF = L.text('SELF');
export const NOT_SELF_BETWEEN = L.text('NOT_SELF_BETWEEN');
export const GENERIC_ORG_WORD = L.text('GENERIC_ORG_WORD');
export const POSSESSIVE = L.text('POSSESSIVE');
export const ORG_KEYWORDS: Array<[OrgType, string]> = L.table('ORG_KEYWORDS', ORGANISATION_TYPES);
export const NAMED_PUBLIC_BODY = L.text('NAMED_PUBLIC_BODY');
export const WRITER_NAMED_BEFORE = L.text('WRITER_NAMED_BEFORE');
export const NETWORK_OWNER = L.text('NETWORK_OWNER');
export const BUSINESS_RUNS_NETWORK = L.text('BUSINESS_RUNS_NETWORK');
export const NATIONWIDE_PS = L.text('NATIONWIDE_PS');
export const LOCAL_PS = L.text('LOCAL_PS');
export const NOT_NATIONWIDE_AFTER = L.text('NOT_NATIONWIDE_AFTER');
export const NEGATION = L.text('NEGATION');
export const SELLS_NET_SERVICE = L.text('SELLS_NET_SERVICE');
export const PUBLIC_NET_WORD = L.text('PUBLIC_NET_WORD');

// end-users.yaml
export const USER_NOUN = L.text('USER_NOUN');
export const USER_NOUN_TYPO_BASES = L.words('USER_NOUN_TYPO_BASES');
export const USER_NOUN_TYPO_COMPOUND_ENDS = L.words('USER_NOUN_TYPO_COMPOUND_ENDS');
export const USER_NOUN_TYPO_SHORT = L.words('USER_NOUN_TYPO_SHORT');
export const PEOPLE_USE_AFTER = L.text('PEOPLE_USE_AFTER');
export const PEOPLE_NOUN = L.text('PEOPLE_NOUN');
export const REACH_BEFORE = L.text('REACH_BEFORE');
export const EMBEDDED_BOUND_BEFORE = L.text('EMBEDDED_BOUND_BEFORE');
export const LABEL_NONE = L.text('LABEL_NONE');
export const OWN_NETWORK = L.text('OWN_NETWORK');
export const STAFF_NOUN = L.text('STAFF_NOUN');
export const NOT_USER_NOUN = L.text('NOT_USER_NOUN');
export const STATE_MARK = L.text('STATE_MARK');
export const LOCAL_GOV_MARK = L.text('LOCAL_GOV_MARK');
export const WHOLESALE_MARK = L.text('WHOLESALE_MARK');
export const SUBSET_AFTER = L.text('SUBSET_AFTER');
export const SUBSET_BEFORE = L.text('SUBSET_BEFORE');
export const TOTAL_MARK = L.text('TOTAL_MARK');
export const ADDITIVE_BEFORE = L.text('ADDITIVE_BEFORE');
export const ADDITIVE_STRONG_BEFORE = L.text('ADDITIVE_STRONG_BEFORE');
export const CONTINUATION_BEFORE = L.text('CONTINUATION_BEFORE');
export const NO_STATE = L.text('NO_STATE');

// components.yaml
export const COMPONENT_KEYWORDS: Array<[Component, string]> = L.table('COMPONENT_KEYWORDS', COMPONENTS);
export const OFFICE_CONTEXT = L.text('OFFICE_CONTEXT');

// supplier.yaml
export const SUPPLIER_NOUN = L.text('SUPPLIER_NOUN');
export const SUPPLIER_NOUN_AFTER_COUNTRY = L.text('SUPPLIER_NOUN_AFTER_COUNTRY');
export const SUPPLIER_IS = L.text('SUPPLIER_IS');
export const PRODUCT_NOUN = L.text('PRODUCT_NOUN');
export const SELF_BEFORE = L.text('SELF_BEFORE');
export const SELF_INTRO_AFTER = L.text('SELF_INTRO_AFTER');
export const SUPPLIER_IN = L.text('SUPPLIER_IN');
export const OUR_SUPPLIER_FROM = L.text('OUR_SUPPLIER_FROM');
export const BASED_IN = L.text('BASED_IN');
export const FROM = L.text('FROM');
export const STATE_OWNED_LONG = L.text('STATE_OWNED_LONG');
export const FOREIGN_MARK = L.text('FOREIGN_MARK');
export const HARM_VICTIM = L.text('HARM_VICTIM');
export const SUPPLIER_REFERENT = L.text('SUPPLIER_REFERENT');
export const OWN_STATE_BEFORE = L.text('OWN_STATE_BEFORE');
export const HARM_INVOLVED = L.text('HARM_INVOLVED');
export const HARM_ACT = L.text('HARM_ACT');
export const HARM_OBJECT = L.text('HARM_OBJECT');
export const HARM_EFFECT = L.text('HARM_EFFECT');
export const HARM_HYPOTHETICAL = L.text('HARM_HYPOTHETICAL');
export const STATE_CONTROLLED = L.text('STATE_CONTROLLED');
export const ACT_NAME = L.text('ACT_NAME');

// territory.yaml
export const TERRITORY: Array<['FO' | 'GL' | 'DK', string]> = L.table('TERRITORY', ['FO', 'GL', 'DK']);
export const DK_NOT_TERRITORY_AFTER = L.text('DK_NOT_TERRITORY_AFTER');

// agreement.yaml
export const FUTURE_SIGNING = L.text('FUTURE_SIGNING');
export const HYPOTHETICAL_PURCHASE = L.text('HYPOTHETICAL_PURCHASE');
export const NEW_STRONG = L.text('NEW_STRONG');
export const NOT_YET_BEFORE = L.text('NOT_YET_BEFORE');
export const EXISTING_STRONG = L.text('EXISTING_STRONG');
export const EXISTING_WEAK = L.text('EXISTING_WEAK');
export const CUSTOMER_CONTRACT_AFTER = L.text('CUSTOMER_CONTRACT_AFTER');
export const NEW_WEAK = L.text('NEW_WEAK');
export const SERVE_VERB = L.text('SERVE_VERB');
export const CUSTOMER_OBJECT = L.text('CUSTOMER_OBJECT');
export const SUPPLIER_CONTEXT = L.text('SUPPLIER_CONTEXT');
export const DECIDED_ON_BEFORE = L.text('DECIDED_ON_BEFORE');

// dates.yaml
export const NOTIFIED_WORDS = L.text('NOTIFIED_WORDS');
export const DECISION_WORDS = L.text('DECISION_WORDS');
export const AGREEMENT_WORDS = L.text('AGREEMENT_WORDS');
export const AGREEMENT_ACTS = L.text('AGREEMENT_ACTS');
export const AGREEMENT_NOUN_OF_DATE = L.text('AGREEMENT_NOUN_OF_DATE');
export const NEUTRAL_DATE_WORDS = L.text('NEUTRAL_DATE_WORDS');

// wants-human.yaml
export const WANTS_HUMAN = L.text('WANTS_HUMAN');

// A YAML entry nothing reads is a mistake (a misspelt name, a word left behind): say so at start.
L.allRead();
