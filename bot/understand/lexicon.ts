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
export const AREA_BEFORE = L.text('AREA_BEFORE');
export const AREA_COUNTED = L.text('AREA_COUNTED');
export const ACTS_ON_WRITER = L.text('ACTS_ON_WRITER');
export const HAVE_SELF = L.text('HAVE_SELF');
export const OWNER_SELF = L.text('OWNER_SELF');
export const APPOSITION = L.text('APPOSITION');
export const OWN_BUSINESS = L.text('OWN_BUSINESS');
export const NATIONWIDE_WORD = L.text('NATIONWIDE_WORD');
export const NEGATED_NATIONWIDE_AFTER = L.text('NEGATED_NATIONWIDE_AFTER');
export const ASKED_NOT = L.text('ASKED_NOT');
export const DENIED_BEFORE = L.text('DENIED_BEFORE');
export const OWN_PUBLIC_BODY_GENITIVE = L.text('OWN_PUBLIC_BODY_GENITIVE');
export const FIRST_PERSON_SUBJECT = L.text('FIRST_PERSON_SUBJECT');
export const SERVES_CUSTOMERS = L.text('SERVES_CUSTOMERS');
export const OWNED_BY_BEFORE = L.text('OWNED_BY_BEFORE');
export const MUNICIPAL_ADJ = L.text('MUNICIPAL_ADJ');
export const REGIONAL_ADJ = L.text('REGIONAL_ADJ');
export const LAW_AFTER = L.text('LAW_AFTER');
export const LOCATIVE_BEFORE = L.text('LOCATIVE_BEFORE');
export const HOSPITAL_OF_REGION = L.text('HOSPITAL_OF_REGION');
export const QUESTION_SUBJECT_BEFORE = L.text('QUESTION_SUBJECT_BEFORE');

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
export const EXACT_MARK = L.text('EXACT_MARK');
export const USER_BEFORE = L.text('USER_BEFORE');
export const STRICT_TOTAL = L.text('STRICT_TOTAL');
export const THEIR_SUBJECT = L.text('THEIR_SUBJECT');
export const OWN_IN_COUNT = L.text('OWN_IN_COUNT');
export const ORG_NOUN_WORD = L.text('ORG_NOUN_WORD');
export const CUSTOMER_NOUN_AFTER = L.text('CUSTOMER_NOUN_AFTER');
export const INCLUDES = L.text('INCLUDES');
export const MORE_BEFORE = L.text('MORE_BEFORE');
export const MORE_AFTER = L.text('MORE_AFTER');
export const LISTED = L.text('LISTED');
export const LONE_NUMBER = L.text('LONE_NUMBER');
export const GAP_BREAK = L.text('GAP_BREAK');
export const SERVED_BEFORE = L.text('SERVED_BEFORE');
export const WHOSE_GAP = L.text('WHOSE_GAP');
export const LIST_SEPARATOR = L.text('LIST_SEPARATOR');
export const CLAUSE_BREAK = L.text('CLAUSE_BREAK');
export const NEW_SUBJECT_CLAUSE = L.text('NEW_SUBJECT_CLAUSE');
export const PARTITIVE = L.text('PARTITIVE');

// components.yaml
export const COMPONENT_KEYWORDS: Array<[Component, string]> = L.table('COMPONENT_KEYWORDS', COMPONENTS);
export const OFFICE_CONTEXT = L.text('OFFICE_CONTEXT');
export const BOUGHT_COUNT_BEFORE = L.text('BOUGHT_COUNT_BEFORE');

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
export const SELF_WORD = L.text('SELF_WORD');
export const THING_OR_PURCHASE_BEFORE = L.text('THING_OR_PURCHASE_BEFORE');
export const SHORT_WORDS = L.words('SHORT_WORDS');
export const COMMON_WORD_NAMES = L.words('COMMON_WORD_NAMES');
export const NOT_NEAR_MISSES = L.words('NOT_NEAR_MISSES');
export const COMPOUND_HEAD = L.text('COMPOUND_HEAD');
export const NOT_A_NAME = L.text('NOT_A_NAME');
export const ORG_OR_THING = L.text('ORG_OR_THING');
export const SUPPLIER_ROLE_BEFORE = L.text('SUPPLIER_ROLE_BEFORE');
export const SUPPLY_CHANGE = L.text('SUPPLY_CHANGE');
export const MONTH_WORD = L.text('MONTH_WORD');

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
export const CONTRACT = L.text('CONTRACT');
export const FIRST_PERSON = L.text('FIRST_PERSON');
export const ONE_AGREEMENT = L.text('ONE_AGREEMENT');
export const ADJECTIVE_EXISTING = L.text('ADJECTIVE_EXISTING');
export const STATE_WORDS = L.words('STATE_WORDS');
export const NOT_STATE_TYPOS = L.words('NOT_STATE_TYPOS');

// dates.yaml
export const NOTIFIED_WORDS = L.text('NOTIFIED_WORDS');
export const DECISION_WORDS = L.text('DECISION_WORDS');
export const AGREEMENT_WORDS = L.text('AGREEMENT_WORDS');
export const AGREEMENT_ACTS = L.text('AGREEMENT_ACTS');
export const AGREEMENT_NOUN_OF_DATE = L.text('AGREEMENT_NOUN_OF_DATE');
export const NEUTRAL_DATE_WORDS = L.text('NEUTRAL_DATE_WORDS');
export const RECEIVED = L.text('RECEIVED');

// wants-human.yaml
export const WANTS_HUMAN = L.text('WANTS_HUMAN');

// A YAML entry nothing reads is a mistake (a misspelt name, a word left behind): say so at start.
L.allRead();
