/**
 * The words the fact extractor looks for, Danish and English, as regular-expression sources.
 * Stems match inside compounds (`kernenetudstyr`, `overvågningskameraer`, `Hikvision-kameraer`):
 * `W` is "any letters", so `${W}kamera${W}` is every word containing "kamera".
 * Kept as data apart from the logic so an administrator can add a word without reading the code.
 */
import type { COMPONENTS, ORGANISATION_TYPES } from '../../guardrails/facts.js';

type OrgType = (typeof ORGANISATION_TYPES)[number];
type Component = (typeof COMPONENTS)[number];

/** Letters (any script), zero or more: a stem's rest of word. */
export const W = String.raw`\p{L}*`;
/** Not preceded / followed by a letter or digit (a Unicode word boundary). */
export const B = String.raw`(?<![\p{L}\p{N}])`;
export const E = String.raw`(?![\p{L}\p{N}])`;
/** Up to n words in between. */
export const gap = (n: number) => String.raw`(?:[\p{L}\p{N}'’&/-]+\s+){0,${n}}`;

/** The writer speaking of their own organisation. */
export const SELF = String.raw`(?:(?:vi|jeg)\s+(?:her\s+)?(?:i|hos|på|ude\s+i|inde\s+i)(?=\s)|(?:we|I)\s+(?:here\s+)?(?:at|in)(?=\s+(?:the|our)\s)|(?:vi|we|jeg|i)\s+(?:har|have|own|ejer|driver|run)(?=\s+(?:en|et|a|an|two|three|four|five|several|to|tre|fire|fem|flere)\s)|(?:vi|jeg|we|I|man|os|mig|us|me)\s+som(?=\s)|(?:we|I|us|me)\s+as(?=\s)|vi\s+er|vi'?re|we\s+are|we'?re|we\s+r|(?:og|and)\s+(?:er|are)|we\s+run|we\s+operate|we\s+own|i\s+(?:work|am)\s+(?:at|for|in|with)|i'?m\s+(?:at|from|with|in)|i'?m|i\s+am|i\s+manage|i\s+run|i\s+represent|jeg\s+(?:arbejder|er\s+ansat|sidder)\s+(?:i|hos|for|på|ved)|jeg\s+er\s+(?:fra|i|hos)|jeg\s+er|jeg\s+repræsenterer|as\s+an?|som\s+(?:en|et)|our|vores|vor|my|min|mit|here\s+at|her\s+i|representing|on\s+behalf\s+of)`;
/** Words that make a self-reference point at someone else ("our contract with a telco"). */
export const NOT_SELF_BETWEEN = String.raw`${B}(?:med|with|til|to|fra|from|about|om|køb\p{L}*|buy\p{L}*|contract\p{L}*|kontrakt\p{L}*|aftale\p{L}*|agreement\p{L}*|deal|supplier\p{L}*|leverandør\p{L}*|vendor\p{L}*|customers?|kunde\p{L}*)${E}`;

/** Words that, after "our"/"vores", name someone else: "vores udbyder" is our supplier, not us. */
export const GENERIC_ORG_WORD =
  '^(?:operat(?:ø|o)r(?:s|en|er)?|udbyder(?:e|en)?|providers?|carriers?|company|virksomhed(?:en)?|firma(?:et)?|business|agency|store|shops?|bank(?:en)?|leverandør(?:en)?|suppliers?|vendors?|producent(?:en)?|manufacturer)$';
export const POSSESSIVE = '^(?:our|vores|vor|my|min|mit)$';
/** Not right after a possessive or an article: "our data centre" is a place or a supplier, not the writer. */
const NOT_AFTER_POSSESSIVE = String.raw`(?<!(?:our|vores|vor|my|min|mit|their|deres|own|eget|egne|the|det|in|i|external|eksternt|cloud|sky)\s+)`;
/** Organisation types by keyword; earlier entries win at the same position. */
export const ORG_KEYWORDS: Array<[OrgType, string]> = [
  [
    'telecom_provider',
    [
      `${W}teleselskab${W}`,
      `${W}teleudbyder${W}`,
      `${W}teleoperatør${W}`,
      `tele-?operat(?:ø|o)r${W}`,
      `mobil(?:selskab|operatør|udbyder|teleselskab)${W}`,
      `internet(?:udbyder|selskab)${W}`,
      `bredbånds(?:udbyder|selskab|operatør)${W}`,
      `fiber(?:net)?(?:selskab|udbyder|operatør)${W}`,
      `net(?:selskab|udbyder|operatør)${W}`,
      `telefon(?:i)?selskab${W}`,
      `kabel-?tv-?(?:udbyder|selskab)${W}`,
      `udbyder\\s+af\\s+(?:${gap(3)})?(?:fastnet|internet|mobil|bredbånd|telefoni|net|elektronisk|tele)${W}`,
      `internet\\s+service\\s+providers?`,
      `(?:internet|broadband|fib(?:re|er)|cable|network|mobile(?:\\s+network)?|telecoms?|telecommunications?|fixed[- ]line|tele)\\s+(?:and\\s+[\\p{L}-]+\\s+)?(?:providers?|operators?|company|companies|firm|carriers?|business)`,
      'ISPs?',
      'MNOs?',
      'MVNOs?',
      'telcos?',
      'telecoms?',
      'carriers?',
      'operat(?:ø|o)r(?:s|en|er)?',
      'udbyder(?:e|en)?',
      'providers?',
    ].join('|'),
  ],
  [
    'radio_tv',
    [
      `tv-?(?:station|kanal|selskab)${W}`,
      `tv\\s+(?:station|channel|company)s?`,
      `radio-?(?:station|kanal)${W}`,
      'radio\\s+(?:station|channel)s?',
      `radio-?\\s*(?:og|and|&)\\s*tv-?(?:\\s*(?:station|selskab|company|broadcaster))?${W}`,
      'broadcasters?',
      `(?:lokal|nær|kommerciel|community|local|commercial)-?\\s?radio(?:en|er|station)?`,
      'lokal-?tv(?:-?station)?',
      'radio(?:en)?(?=\\s*(?:station|kanal|channel|,|\\.|$))',
      `${W}radiofoni${W}`,
      'public\\s+service-?(?:station|kanal|medie|broadcaster)s?',
    ].join('|'),
  ],
  [
    'municipality',
    [
      `${W}kommune(?:n|r|rne|s|ns)?`,
      'municipalit(?:y|ies)',
      '(?:city\\s+|town\\s+|local\\s+|borough\\s+)?council',
      'byråd',
    ].join('|'),
  ],
  ['region', ['region(?:en|er|erne|s|ens)?', `regionsråd${W}`].join('|')],
  [
    'state_authority',
    [
      `${W}styrelse(?:n|r|rne)?`,
      `${W}ministeri(?:um|et|er)`,
      'ministry',
      'ministries',
      '(?:state|government|governmental|national)\\s+(?:agency|agencies|authority|authorities|institution|body|department)',
      'agency',
      `statslig(?:e)?\\s+(?:myndighed|institution|virksomhed|styrelse)${W}`,
      // State bodies by name: the police, the armed forces, the courts, parliament.
      '(?:rigs)?politiet',
      '(?:the\\s+)?(?:danish\\s+)?(?:national\\s+)?police(?:\\s+(?:force|department|district))?',
      'forsvaret',
      'hjemmeværnet',
      '(?:the\\s+)?(?:danish\\s+)?(?:armed\\s+forces|defen[cs]e\\s+(?:forces|command))',
      'folketinget',
      `${W}domstol(?:en|ene)?`,
    ].join('|'),
  ],
  // Institutions (schools, hospitals, universities, associations, housing associations) are `other`,
  // private or public; businesses of every kind (below) are `company`.
  [
    'other',
    [
      `${W}hospital${W}`,
      `${W}sygehus${W}`,
      `skole${W}`,
      'schools?',
      `universitet${W}`,
      'universit(?:y|ies)',
      `forening${W}`,
      'associations?',
      `boligselskab${W}`,
      `${W}bibliotek${W}`,
      'librar(?:y|ies)',
      `plejehjem${W}`,
      'nursing\\s+homes?',
      `børnehave${W}`,
      'kindergartens?',
      `daginstitution${W}`,
      'museums?',
      `museet`,
    ].join('|'),
  ],
  [
    'company',
    [
      `${W}virksomhed(?:en|er)?`,
      'company',
      'business',
      `${W}butik${W}`,
      'shops?',
      'webshop',
      'retailer',
      'store',
      `${W}bank(?:en)?`,
      `${W}fabrik${W}`,
      'factor(?:y|ies)',
      'manufacturer',
      `${W}hotel${W}`,
      'hotels',
      // Private businesses of every kind are companies (shops, chains, clinics, firms).
      `${W}supermarked${W}`,
      'supermarkets?',
      `${W}(?<!forsynings|leverandør|værdi|produktions)kæde(?:n|r|rne)?`,
      String.raw`(?<!supply\s)(?<!value\s)chains?`,
      'stores',
      'retail(?:ers?|\\s+(?:business(?:es)?|chains?|compan(?:y|ies)|stores?|shops?|group))',
      'grocer(?:y|s)',
      `${W}dagligvare${W}`,
      `${W}forretning(?:en|er|erne)?`,
      `${W}klinik${W}`,
      'clinics?',
      `${W}tandlæge${W}`,
      `${W}dyrlæge${W}`,
      'dentists?',
      'dental\\s+(?:practice|surgery|office)s?',
      `${W}(?:læge|terapi|terapeut|psykolog)praksis${W}`,
      '(?:medical|law|dental|veterinary)\\s+practices?',
      `advokat(?:firma|kontor|virksomhed)${W}`,
      `${W}firma(?:et)?`,
      'law\\s+firms?',
      'firms?',
      `revision${W}`,
      'accountants?',
      `${W}apotek${W}`,
      'pharmac(?:y|ies)',
      `restaurant${W}`,
      'caf(?:é|e)s?',
      `${W}bageri${W}`,
      `${W}salon${W}`,
      'salons?',
      `pizzeri${W}`,
      'kiosk(?:en|er)?',
      `tankstation${W}`,
      'gas\\s+stations?',
      'dealerships?',
      `bilforhandler${W}`,
      `landbrug${W}`,
      'farms?',
      'bakery',
      `${W}værksted${W}`,
      'warehouses?',
      'SMEs?',
      'start-?ups?',
      'private\\s+(?:company|business|firm)',
      // Running a data centre or hosting (rack space, colocation) is no telecom network of one's own;
      // "our data centre" (where a telco's systems stand) and "our hosting provider" (a supplier) say
      // nothing of what the writer is.
      `${NOT_AFTER_POSSESSIVE}(?:${W}datacent(?:er|re)${W}|data\\s*cent(?:er|re)s?|colocation|hosting(?:firma|virksomhed|udbyder|selskab|center)${W}|(?:cloud\\s+)?hosting\\s+(?:company|provider|firm|business|centre|center))(?:\\s+(?:operator|company|provider|business|facility)s?)?`,
      'leverandør(?:en)?',
      'suppliers?',
      'vendors?',
      'producent(?:en)?',
    ].join('|'),
  ],
];

/** A Danish region or municipality by its name: "Region Midtjylland", "Aarhus Kommune", "Københavns Kommune". */
export const NAMED_PUBLIC_BODY = String.raw`(?<region>${B}Region\s+(?:Hovedstaden|Sjælland|Syddanmark|Midtjylland|Nordjylland)${E})|(?<municipality>${B}\p{Lu}[\p{L}-]+s?\s+Kommune${E})`;
/** Before such a name when it is the writer: sentence start, or "hos os i", "vi i", "here at". */
export const WRITER_NAMED_BEFORE = String.raw`(?:^|[.!?\n:]\s*|${B}(?:hos|her|here|vi|we|us|os|jeg)\s+(?:(?:i|in|at|hos|fra|from|på)\s+)?|${B}(?:work|arbejder|ansat|sidder)\s+(?:i|in|at|hos|for|på)\s+)$`;
/** "We run/own a … network" with no other type named: a provider of networks. */
export const NETWORK_OWNER = [
  String.raw`${B}(?:we\s+(?:run|operate|own|have\s+built)|vi\s+(?:ejer|driver|har\s+bygget|har\s+udrullet))\s+${gap(4)}(?:mobile|fib(?:re|er)|broadband|cable|fixed|copper|tele|5g|4g)?[- ]?(?:network|net)s?${E}`,
  String.raw`${B}(?:we|vi)\s+(?:ejer|driver|har|run|own|operate|have)\s+${gap(3)}(?:mobil|fiber|bredbånds|kabel|tele|kobber)net${W}`,
  String.raw`${B}(?:we\s+have|vi\s+har)\s+${gap(3)}(?:mobile|fib(?:re|er)|broadband|cable|fixed|copper|5g|4g)[- ]?(?:network|net)s?${E}`,
  String.raw`${B}(?:we|vi)\s+(?:leverer|sælger|udbyder|tilbyder|provide|deliver|sell|offer)\s+${gap(2)}(?:internet|bredbånd|broadband|mobil${W}|mobile|telefoni|telephony|fib(?:er|re)${W}|tele${W}|tv-?signal${W})${E}`,
].join('|');

/** Right after "our company": it runs a network ("runs the mobile and internet network", "driver fibernettet"). */
export const BUSINESS_RUNS_NETWORK = String.raw`^\s*(?:${gap(1)})?(?:runs|operates|owns|has\s+built|driver|ejer|har\s+bygget)\s+${gap(5)}(?:${W}net(?:tet|værk${W})?|networks?)${E}`;
export const NATIONWIDE_PS = String.raw`${B}(?:(?:landsdækkende|nationwide|national|nationale|lands?-?dækkende)\s+${gap(1)}public[- ]?service${W}|public[- ]?service[- ]?(?:forpligtelse|obligation|kontrakt|contract|tilladelse|licen[cs]e|station|kanal|channel|broadcaster|medie|radio|tv)${W})`;
export const LOCAL_PS = String.raw`${B}(?:lokal|local|regional)${W}\s+${gap(1)}public[- ]?service`;
/**
 * After a public service obligation: it is not nationwide ("public service-forpligtelser i vores egen
 * region, men ikke landsdækkende", "public service obligations, but only regional", "not nationwide").
 */
export const NOT_NATIONWIDE_AFTER = String.raw`^[^.!?\n]{0,80}?(?:${B}(?:ikke|not|no|never|aldrig|isn't|aren't)\s+(?:${gap(2)})?(?:landsdækkende|nationwide|national(?:ly)?|på\s+landsplan|i\s+hele\s+landet|across\s+the\s+(?:whole\s+)?country|country-?wide)${E}|${B}(?:(?:limited|restricted|confined)\s+to|begrænset\s+til|afgrænset\s+til|kun\s+(?:for|i|til)|only\s+(?:for|in|within|across)|(?:only|alene)(?=\s*(?:[,;:)]|$)))${E}|${B}(?:only|kun|alene|udelukkende|purely|rent)\s+(?:${gap(1)})?(?:regional${W}|lokal${W}|local${W}|i\s+(?:vores|vor|den|det)\s+(?:egen\s+|eget\s+)?(?:region|område|landsdel|kommune)${W}|in\s+(?:our|the)\s+(?:own\s+)?(?:region|area|municipality)${W}))|^\s*(?:${gap(1)})?(?:i|in|for|within|inden\s+for)\s+(?:vores|vor|our|the|den|det|its|sin|sit)\s+(?:egen\s+|eget\s+|own\s+)?(?:region|regionen|landsdel|område|lokalområde|area|local\s+area|kommune|municipality|town|by)${E}`;
/** A negation in the same clause, shortly before. */
export const NEGATION = String.raw`${B}(?:no|not|never|none|without|ingen|ikke|intet|aldrig|uden|isn't|aren't|don't|doesn't|haven't|hasn't|hverken|neither|nor)${E}`;

/** End-user nouns: what a count of end users is a count of. */
export const USER_NOUN = [
  `${W}slut-?bruger${W}`,
  `${W}brugere${W}`,
  `${W}kunde(?:r|rne)${E}`,
  `${W}(?:privat|erhvervs|mobil|bredbånds|fiber|tv|tele|net|slut)kunde${W}`,
  `${W}abonnent${W}`,
  `${W}abonnementer${W}`,
  `${W}husstand${W}`,
  `${W}hustande${W}`,
  `${W}lyttere${W}`,
  `${W}seere${W}`,
  `${W}tilslutninger${W}`,
  String.raw`end-?\s?use?rs?`,
  'enduser?s',
  'users',
  'c(?:u|o)st(?:o|u)mers?',
  String.raw`customer\s+base`,
  'subsc?r?ibers?',
  'subs',
  'subscriptions',
  'households',
  'businesses',
  'homes',
  'listeners',
  'viewers',
  'connections',
  'lines',
  'SIMs?',
].join('|');
/**
 * End-user nouns also recognised with one typo (`slutbrugre`, `abonennter`, `custmers`), also as the end
 * of a compound (`privatkundre`). Only nouns of seven letters or more: shorter ones have everyday
 * neighbours one letter away (`kunder`/`under`).
 */
export const USER_NOUN_TYPO_BASES = [
  'slutbrugere',
  'brugere',
  'abonnenter',
  'husstande',
  'lyttere',
  'tilslutninger',
  'endusers',
  'end-users',
  'customers',
  'subscribers',
  'households',
  'listeners',
  'viewers',
  'connections',
];
/** Shorter end-user nouns recognised with one typo only as the end of a compound (`privatkundre`). */
export const USER_NOUN_TYPO_COMPOUND_ENDS = ['kunder', 'brugere', 'abonnenter'];
/** Short end-user nouns recognised with one typo on their own too, when the first letter is right (`kundre`, `kuner`; not `under`). */
export const USER_NOUN_TYPO_SHORT = ['kunder', 'brugere'];
/** After a count of people: they use the writer's own network ("2 million people listen to our FM transmitters"). */
export const PEOPLE_USE_AFTER = String.raw`^\s*(?:${gap(1)})?(?:listen|watch|use|rely|tune|depend|lytter|ser|bruger|benytter|modtager)${W}\s+(?:in\s+)?(?:to\s+|on\s+|til\s+|på\s+)?(?:our|vores)${E}`;
/** People, counted as end users only when the writer's own network reaches them (`REACH_BEFORE`). */
export const PEOPLE_NOUN = String.raw`people|persons|personer|mennesker|danskere|danes|individuals`;
/** Just before a count of people: the network reaches them ("listened to by about 2.3 million people"). */
export const REACH_BEFORE = String.raw`${B}(?:reach(?:es|ing)?|(?:listened\s+to|watched|used|heard|received|relied\s+(?:up)?on|accessed)\s+by|når(?:\s+ud)?(?:\s+til)?|rækker\s+ud\s+til|bruges\s+af|benyttes\s+af|lyttes\s+(?:til\s+)?af|ses\s+af|modtages\s+af|høres\s+af|serves?|serving|betjener|forsyner|leverer\s+til|delivers?\s+to)\s*(?:${gap(2)})?$`;
/** The writer runs a network of their own (the people it reaches are its end users). */
export const OWN_NETWORK = String.raw`${B}(?:(?:we|vi)\s+(?:run|operate|own|have|ejer|driver|har)|(?:our|vores)|eget|own)\s+${gap(4)}(?:${W}net(?:tet|værk${W})?|${W}network${W}|transmitter${W}|${W}sender${W}|${W}senderne${W}|multiplex${W}|mux)${E}`;
/** People counted only when the sentence says whose (a state body's or a municipality's staff). */
export const STAFF_NOUN = String.raw`${W}medarbejder${W}|${W}ansatte|employees|staff|personnel|workers|civil\s+servants|students|studerende|${W}personale|officers|soldiers|soldater|betjente|politifolk|agents|tjenestemænd|elever|pupils|teachers|lærere`;
/** Not end users of a network (§ 1, nr. 2): people, units and things, and a utility's own customers ("elkunder"). */
export const NOT_USER_NOUN = String.raw`(?:el|strøm|vand|varme|fjernvarme|gas|energi|forsynings|affalds)(?:kunde|forbruger|aftager|måler|installation|tilslutning)${W}|electricity|water|heating|gas|${W}indbygger${W}|sekunder|seconds?|minutter|minutes?|timer|hours?|inhabitants|residents|citizens|${W}borgere|population|kr\.?|dkk|eur|euro|€|\$|usd|mio\.?\s*kr|år|years?|måneder|months?|dage|days|km|gb|mbit${W}|gbit${W}|master|masts?|sites?|routere|routers?|kamera${W}|cameras?|enheder|units?|stk\.?|procent|percent`;

/** Whose end users a count is (sentence markers). */
export const STATE_MARK = String.raw`${B}(?:statslig${W}|staten(?:s)?|the\s+state|state[- ]owned|state\s+(?:bod${W}|agenc${W}|authorit${W}|institution${W}|department${W}|sector|customers?|(?:end[- ]?)?users|employees|staff|workers|personnel)|statsansatte|government(?:al)?\s+(?:agenc${W}|bod${W}|department${W}|authorit${W}|institution${W}|ministr${W})|${W}styrelse${W}|${W}ministeri${W}|ministr(?:y|ies)|agenc(?:y|ies)|universitet${W}|universit(?:y|ies)|forsvaret${W}|forsvarets|hjemmeværnet|armed\s+forces|(?:danish\s+)?defen[cs]e\s+(?:forces|command|ministry)|(?:rigs|national)?politi(?:et|ets)?|(?:the\s+)?(?:national\s+)?police(?:\s+force)?|domstol${W}|courts|folketinget${W}|(?:the\s+)?(?:danish\s+)?parliament|skattestyrelsen${W}|told(?:styrelsen|væsenet)|(?:danish\s+)?customs\s+agency)${E}`;
export const LOCAL_GOV_MARK = String.raw`${B}(?:${W}kommun${W}|municipal${W}|city\s+council${W}|region(?:en|er|erne|s|ens|'s)?|regionsråd${W}|${W}hospital${W}|${W}sygehus${W})${E}`;
export const WHOLESALE_MARK = String.raw`${B}(?:wholesale${W}|engros${W}|${W}tjenesteudbyder${W}|${W}serviceudbyder${W}|service\s+providers?|resell(?:s|ing)?|videresælg${W}|lejer\s+sig\s+ind|deres\s+(?:${W}kunder|${W}slutbrugere|brugere|abonnenter)|their\s+(?:own\s+)?(?:customers|end[- ]?users|users|subscribers)|partner${W}|mvno${W}|virtual\s+operators?|lejer\s+adgang|rent${W}\s+(?:access|capacity)|reseller${W}|videresælger${W}|andre\s+(?:udbyderes|udbydere|operatørers)|other\s+(?:providers|operators)'?|via\s+(?:andre|other)|(?:through|via|gennem)\s+(?:\p{L}+\s+){0,2}(?:ISPs?|internetudbydere|udbydere|operatører|providers|operators|tjenesteudbydere)|rent${W}\s+(?:our\s+)?(?:lines|fib(?:re|er)s?|network|net|capacity|access)|lejer\s+(?:vores\s+)?(?:linjer|fiber${W}|net${W}|kapacitet|adgang)|on\s+our\s+(?:network|net)\s+through)${E}`;
/** "of them", "heraf": a count that is part of one already given. */
export const SUBSET_AFTER = String.raw`^\s*(?:of\s+(?:them|these|those|which)|af\s+(?:dem|disse|de|dem\s+er))${E}`;
export const SUBSET_BEFORE = String.raw`${B}(?:heraf|hvoraf|deraf|of\s+which|of\s+whom|including|incl\.?|inkl\.?|inklusive|inclusive\s+of|herunder|heriblandt|among\s+them|blandt\s+dem)\s*(?:${gap(2)})?$`;
export const TOTAL_MARK = String.raw`${B}(?:i\s+alt|in\s+total|in\s+all|a\s+total\s+of|total\s+of|totalt|samlet(?:\s+set)?|overall|altogether|all\s+told|combined|tilsammen)${E}`;
/**
 * A count said to come on top of the one before. `also`/`også` add the writer's own groups ("and also
 * 25,000 business customers"), but not people served through a state or municipal agreement: "we also
 * serve 800 of the agency's staff" tells another fact, the total is the count already given.
 */
const ADDITIVE_STRONG = String.raw`plus|and\s+another|og\s+yderligere|og\s+endnu|yderligere|derudover|desuden|additionally|in\s+addition(?:\s+to\s+(?:this|that|these|those|them))?|besides|foruden|oveni|on\s+top(?:\s+of\s+(?:this|that|these|those|them))?|udover\s+(?:dem|disse|det)|\+`;
export const ADDITIVE_BEFORE = String.raw`${B}(?:${ADDITIVE_STRONG}|also|også|samt|as\s+well\s+as),?\s*(?:${gap(2)})?$`;
/** Additive for counts served through public agreements: only words that say "on top of". */
export const ADDITIVE_STRONG_BEFORE = String.raw`${B}(?:${ADDITIVE_STRONG}),?\s*(?:${gap(3)})?$`;
export const CONTINUATION_BEFORE = String.raw`(?:${B}(?:plus|and|og|samt|as\s+well\s+as|foruden|and\s+another|og\s+yderligere)|\+)\s*(?:another|yderligere|endnu|ca\.?|about|omkring)?\s*$`;
/** A state body agreement negated: state end users 0. */
export const NO_STATE = String.raw`${B}(?:ingen|ikke\s+nogen|no|zero|nul|uden|without)\s+(?:stats|regerings)(?:aftaler?|kontrakter?|kunder?|opgaver|ordrer?)${E}|${B}(?:ingen|no|zero|not\s+any|without|uden)\s+(?:offentlige|public(?:[- ]sector)?)\s+(?:aftaler|kontrakter|kunder|contracts|agreements|customers|clients)${E}|${B}(?:ingen|ikke\s+nogen|no|not\s+any|zero|nul|uden|without)\s+${gap(2)}(?:aftaler?|kontrakter?|contracts?|agreements?|kunder|customers)\s+${gap(2)}(?:med|with|fra|from|hos|i|in)\s+${gap(1)}(?:statslige?|staten|state|government|ministr|styrelse|the\s+state)${W}|${B}(?:ingen|no|zero|not\s+(?:a\s+single|one|any)|ikke\s+(?:nogen|en\s+eneste|et\s+eneste)|ikke|any|nogen)\s+(?:(?:statslige?|state|government(?:al)?|govt\.?|gov|offentlige\s+eller\s+statslige)(?:\s+(?:or|eller|and|og)\s+(?:statslige|state|government(?:al)?|public|offentlige|kommunale|municipal))?)[- ]\s*${gap(1)}(?:aftaler?|kontrakter?|contracts?|agreements?|deals?|kunder?|customers?|clients?|bodies|myndigheder|institutioner|institutions|agencies|styrelser|end[- ]?users|slutbrugere|brugere|users|work|opgaver)${E}|${B}(?:ingen|no|not\s+any|none)\s+(?:${gap(2)})?(?:aftaler|kontrakter|contracts|agreements|deals|kunder|customers|clients)\s+(?:med|with|for|til)\s+(?:the\s+|den\s+)?(?:government|staten|state|statslige|any\s+(?:state|government))${W}|${B}(?:none|ingen)\s+(?:of\s+(?:them|our\s+(?:customers|clients))\s+|af\s+(?:dem|vores\s+kunder)\s+)?(?:are|is|er)\s+(?:statslige|state|government(?:al)?)${W}`;

/** What a mast or tower is made of or for, in compounds: `stålmaster`, `antennetårne`, `steel towers`. */
const MAST_KINDS =
  `stål|gitter|beton|træ|antenne|radio|mobil|tele|telefon|sende|steel|lattice|concrete|wooden|antenna|radio|telecoms?|cell|mobile|transmitter|transmission|guyed|monopole`
    .split('|')
    .map((k) => `${k}[- ]?`)
    .join('|');

/** The radio network of a mobile network, as its controllers are said to steer it. */
const RADIO_NET = String.raw`(?:radio-?net${W}|radio-?netværk${W}|radio\s+(?:access\s+)?networks?|radio\s+(?:side|layer|part)|RAN|base-?\s?stations?|basestation${W}|radio\s+sites?|${W}radioudstyr${W})${E}`;
/** Things that can steer a radio network ("units that steer …", "udstyr der styrer …"). */
const RADIO_DEVICE = `(?:${W}enhed(?:er|erne)?|units?|${W}udstyr(?:et)?|equipment|systems?|${W}systemer(?:ne)?|${W}bokse|boxes|nodes?|noder|hardware|software|kit|gear|devices?|controllers?|${W}computere|computers|servere?|servers)`;
/** Components, in order of precedence: the first kind found wins. */
export const COMPONENT_KEYWORDS: Array<[Component, string]> = [
  [
    'backbone_router',
    [
      `(?:core|kerne|backbone|rygrads?|central)[- ]?router${W}`,
      `backbone${W}[- ]?router${W}`,
      `backbone${W}\\s+${gap(2)}router${W}`,
      `router${W}\\s+${gap(3)}(?:backbone|rygrad)${W}`,
    ].join('|'),
  ],
  [
    'backbone_server',
    [
      `(?:backbone|rygrads?)${W}[- ]?server${W}`,
      `backbone${W}\\s+${gap(2)}server${W}`,
      `server${W}\\s+${gap(3)}(?:backbone|rygrad)${W}`,
      `central${W}\\s+server${W}`,
    ].join('|'),
  ],
  // A bare "backbone" ("backbone network", "backbone-udstyr") is its routers (the usual object of such
  // agreements; both are critical). When routers and servers are both named, the extractor takes the
  // one nearest the backbone word.
  ['backbone_router', `backbone${W}|rygradsnet${W}`],
  [
    'ran_control',
    [
      `(?:styrings|kontrol|control)[- ]?(?:enhed|unit|udstyr|equipment|system)${W}\\s+${gap(5)}(?:radio${W}|ran)`,
      `radio${W}\\s+${gap(3)}(?:control|styring|kontrol)${W}`,
      `radionet${W}s?\\s+(?:styrings|kontrol)${W}`,
      `radio${W}-(?:styrings|kontrol|control)${W}`,
      'RNCs?',
      'BSCs?',
      `base-?band${W}`,
      `basebånd${W}`,
      'ran[- ]?(?:controller|control|styring)s?',
      'radio\\s+network\\s+controllers?',
      `radionetstyring${W}`,
      // What steers the radio network, said in words: "the controllers that steer our radio network",
      // "enheder der styrer radionettet", "styreenheder til radionettet", "units controlling the RAN".
      `(?:${W}controllers?|${W}styre-?enhed${W}|${W}styrings-?enhed${W}|${W}kontrol-?enhed${W}|control(?:ling)?\\s+(?:units?|nodes?|equipment|systems?|hardware|software))\\s+${gap(5)}${RADIO_NET}`,
      `${RADIO_DEVICE}\\s+(?:that|which|der|som|to|til\\s+at|for\\s+at)\\s+(?:${gap(1)})?(?:steer|control|manage|govern|run|styre|kontrollere|administrere|håndtere)${W}\\s+${gap(2)}${RADIO_NET}`,
      `(?:steer|styr|kontroller|control)${W}\\s+(?:af\\s+|of\\s+)?${gap(2)}${RADIO_NET}`,
      `(?:${W}controllers?|${W}styreenhed${W}|control\\s+units?)\\s+(?:for|til|of|af|in|i)\\s+${gap(2)}(?:base-?\\s?stations?|basestation${W}|cell\\s+sites?)`,
      'base\\s+station\\s+controllers?',
    ].join('|'),
  ],
  [
    'core_network',
    [
      `${W}kernenet${W}`,
      `kerne-?netværk${W}`,
      `kerne[- ]net${W}`,
      `core[- ]?net(?:work|værk|tet)?${W}`,
      '(?:mobile|packet|5g|4g|ims|evolved\\s+packet)\\s+core',
      '(?:for|til|in|i|of|af|om)\\s+(?:the\\s+|our\\s+|vores\\s+|its\\s+|their\\s+)?core(?![- ]?rout)',
      `${W}corenet${W}`,
      'EPC',
      '5GC',
      'HLR',
      'HSS',
      'MME',
      'UPF',
    ].join('|'),
  ],
  [
    'oss_bss_nms',
    [
      'OSS(?:/BSS)?',
      'BSS',
      'NMS',
      'network\\s+management(?:\\s+systems?)?',
      `${W}netværksstyring${W}`,
      `${W}netstyring${W}`,
      `netværksadministration${W}`,
      `billing${W}`,
      `${W}fakturering${W}`,
      `${W}afregningssystem${W}`,
      'business\\s+support(?:\\s+systems?)?',
      'operations?\\s+support(?:\\s+systems?)?',
    ].join('|'),
  ],
  [
    'surveillance_camera',
    [
      `${W}kamera${W}`,
      `${W}camera${W}`,
      'cctv',
      `${W}video-?overvågning${W}`,
      'video\\s+surveillance',
      `surveillance\\s+(?:equipment|systems?|gear|cams?)`,
      `${W}overvågningsudstyr${W}`,
      'NVRs?',
      'video\\s+recorders?',
      'ip-?cams?',
    ].join('|'),
  ],
  [
    'customer_equipment',
    [
      `${W}hjemmerouter${W}`,
      `home[- ]?routers?`,
      `kunde-?router${W}`,
      'customer\\s+(?:premises\\s+)?(?:equipment|routers?|devices?)',
      'CPEs?',
      `set-?\\s?top-?\\s?box${W}`,
      `tv-?boks${W}`,
      `tv-?box${W}`,
      `${W}modem${W}`,
      `wi-?fi-?\\s?router${W}`,
      `fritz!?\\s?box${W}`,
      'ONTs?',
      `fiberboks${W}`,
      'handsets?',
      'smartphones?',
      `${W}mobiltelefon(?:er|erne|en)?(?!\\s*(?:abonnement|nummer|numre))`,
      `${W}smartphone${W}`,
      'mobile\\s+phones?(?!\\s+(?:subscriptions?|numbers?|plans?|operators?|networks?|services?|contracts?))',
      'telefoner',
      'phones(?!\\s+(?:subscriptions?|numbers?|plans?|operators?|networks?|services?|contracts?|lines?))',
      // SIM cards and eSIM profiles go to the subscribers, as do set-top boxes and decoders.
      `SIM-?kort${W}`,
      'SIM[- ]?cards?',
      `e-?SIM${W}`,
      "SIM'(?:er|erne)",
      'STBs?',
      `dekoder${W}`,
      'decoders?',
    ].join('|'),
  ],
  [
    'office_it',
    [
      'laptops?',
      `bærbar(?:e|)\\s*(?:pc|computer)${W}`,
      "pc'?er",
      'pcs',
      `computer${W}`,
      `printer${W}`,
      `kontor-?it${W}`,
      'office\\s+(?:it|equipment|computers|laptops|printers|software|suites?|apps|applications|pcs)',
      `tablets?`,
      // Cloud office and staff e-mail: Microsoft 365, Google Workspace, kontorsoftware.
      '(?:Microsoft|Office|MS)\\s*365',
      'M365',
      'O365',
      'Google\\s+Workspace',
      'G\\s?Suite',
      'Exchange\\s+Online',
      'Gmail',
      'SharePoint',
      '(?:Microsoft|MS)\\s+(?:Teams|Office|Exchange|Outlook)',
      'mailbox(?:es)?',
      `${W}mailserver${W}`,
      'mail\\s*servers?',
      'bærbare',
      `kontor-?(?:software|programmer|pakke|apps|løsning)${W}`,
      `(?:cloud|sky)[- ]?(?:e-?mail|mail)${W}`,
      `(?:${W}medarbejder${W}|staff|employees?'?|ansattes|personalets)\\s+(?:${gap(1)})?e-?mail${W}`,
      `e-?mail${W}\\s+(?:for|til)\\s+(?:${gap(2)})?(?:staff|employees|${W}medarbejder${W}|ansatte|personale${W})`,
      `e-?mail-?(?:system${W}|løsning${W}|platform${W}|systems?|solution${W}|services?|suite)`,
      `mail-?(?:system${W}|løsning${W})`,
    ].join('|'),
  ],
  [
    'operations_service',
    [
      `drift${W}`,
      '(?:day-to-day\\s+)?operations?\\s+of',
      'operating\\s+(?:our|the)',
      'managed[- ]?services?',
      `outsourc${W}`,
      `vedligehold${W}`,
      'maintenance',
      'NOC',
      'network\\s+operations?\\s+cent(?:er|re)',
    ].join('|'),
  ],
  [
    'other',
    [
      // Passive infrastructure (domain.md: passive masts are not critical): masts and towers, also in
      // compounds (`stålmaster`, `gittermast`, `antennetårne`, `mastesites`); not `webmaster`.
      `(?:${MAST_KINDS})?mast(?:er|erne|en|s|e)?(?:-?(?:sites?|positioner|placeringer|anlæg${W}))?`,
      `(?:${MAST_KINDS})?tårn(?:e|ene|et)?`,
      `(?:${MAST_KINDS})?towers?`,
      `(?:mast|tower)\\s+(?:sites?|structures?|infrastructure)`,
      `antenne${W}`,
      'antennas?',
      `passiv${W}\\s+${gap(1)}(?:infrastruktur|infrastructure|udstyr|equipment|komponent${W}|components?|net${W})`,
      `passive\\s+(?:${gap(1)})?(?:infrastructure|equipment|components?|network\\s+elements?|elements?)`,
      // Ducts and conduits, cable itself, power.
      'ducts?',
      'ducting',
      'conduits?',
      `(?:kabel|tom|fiber|førings|beskyttelses)?rør(?:et|ene)?`,
      `kabelkanal${W}`,
      `kabelbakke${W}`,
      `(?:fib(?:er|re)|optical|lysleder|glasfiber)[- ]?(?:optic(?:al)?\\s+)?(?:kabel|kabler|kablerne|cables?|cabling)`,
      'dark\\s+fib(?:er|re)',
      // Fibre itself as what is bought ("vi køber fiber fra …"), not a fibre network or connection.
      `(?<=(?:køb${W}|buy${W}|bought|purchas${W}|indkøb${W}|anskaff${W}|order${W}|bestil${W})\\s+(?:${gap(2)})?)fib(?:er|re)(?![- ]?(?:net|network|broadband|bredbånd|forbindelse|connection|internet|${W}kunde|customers))`,
      `strømforsyning${W}`,
      `nødstrøm${W}`,
      'power\\s+(?:suppl(?:y|ies)|systems?|equipment|units?)',
      `UPS-?(?:anlæg${W}|systems?|units?)`,
      'uninterruptible\\s+power',
      `${W}batteri(?:er|erne)?`,
      'batter(?:y|ies)\\s+(?:backup|systems?|banks?)',
      `${W}generator(?:er|erne|s)?`,
      `${W}kabler`,
      // Data centres and hosting (servers for customers, rack space): not the backbone unless it is said.
      `${W}datacent(?:er|re)${W}`,
      'data\\s*cent(?:er|re)s?',
      `rack-?(?:plads|space)${W}`,
      'rack\\s+(?:space|units?)',
      'co-?location',
      'colo',
      `hosting${W}`,
      `(?:servere?|servers)\\s+(?:${gap(3)})?(?:hosting|host|hoste|hoster|hostes|for\\s+(?:our|vores)\\s+(?:customers|kunder))${E}`,
      // "cable network", "cable-tv": the kind of network, not the cables.
      String.raw`cables?(?![- ]?(?:networks?|net|tv|operators?|providers?|compan(?:y|ies)|internet|broadband|modems?|customers?|subscribers?))`,
    ].join('|'),
  ],
];
/** Office context turns handsets into office IT: phones for our own staff. */
export const OFFICE_CONTEXT = `${B}(?:medarbejder${W}|ansatte|employees|staff|kontor${W}|office|personale${W})${E}`;

/** Nouns that name a supplier (a country word in front of one is the supplier's country). */
export const SUPPLIER_NOUN = `(?:${W}leverandør${W}|suppliers?|vendors?|producent${W}|producers?|manufacturers?|makers?|fabrikant${W}|firma(?:et)?|company|companies|selskab(?:et)?|virksomhed(?:en)?|koncern(?:en)?|brand|mærke|partner${W}|providers?|udbyder${W}|outsourcer|contractor|underleverandør${W}|subcontractor)`;
/**
 * A supplier noun right after a country word, compounds included: "et irsk IT-firma", "en polsk
 * softwarevirksomhed", "an Indian outsourcing firm". The country words themselves (irsk, Irish, …) are
 * the register's data (countries.yaml aliases and the ISO names), not listed here.
 */
export const SUPPLIER_NOUN_AFTER_COUNTRY = String.raw`(?:[\p{L}\p{N}]+-)?(?:${W}leverandør${W}|suppliers?|vendors?|${W}producent${W}|producers?|manufacturers?|makers?|fabrikant${W}|${W}firma(?:et|er|erne)?|firms?|company|companies|${W}selskab(?:et|er|erne)?|${W}virksomhed(?:en|er|erne)?|${W}koncern(?:en)?|brand|mærke|partner${W}|providers?|${W}udbyder${W}|outsourcer|contractor|subcontractor|integrators?|consultanc(?:y|ies)|konsulent(?:hus|firma|virksomhed)${W}|${W}hus(?:et)?|house)`;
/** "the supplier is Finnish", "leverandøren af kernenettet er kinesisk": noun, copula, country word. */
export const SUPPLIER_IS = String.raw`${SUPPLIER_NOUN}\s+(?:${gap(4)})?(?:is|er|was|var|are|seems\s+to\s+be|ser\s+ud\s+til\s+at\s+være)\s+(?:a\s+|an\s+|en\s+|et\s+|(?:based|located|headquartered|domiciled)\s+in\s+|(?:baseret|placeret|hjemmehørende|registreret)\s+i\s+|from\s+|fra\s+)?$`;
/** Things made by a supplier: a country word in front of one is the maker's country ("kinesiske kameraer"). */
export const PRODUCT_NOUN = `(?:${W}kamera${W}|cameras?|${W}udstyr${W}|equipment|gear|hardware|software|routere?|routers?|${W}telefon(?:er)?|phones?|smartphones?|handsets?|${W}komponent${W}|components?|systems?|${W}systemer|kit|products?|produkter|teknologi|technology)`;
/** The writer's own organisation just before: "We're a Danish …" is not a supplier's country. */
export const SELF_BEFORE = String.raw`(?:(?:${B}(?:(?:vi|jeg|we|os|mig|us|me)\s+som|(?:we|us|me)\s+as|vi\s+er|vi'?re|we\s+are|we'?re|i'?m|i\s+am|jeg\s+er|our|vores|as\s+an?|som\s+(?:en|et))|(?:^|[.!?\n]\s*)(?:som|as))\s+(?:(?:en|et|a|an|the|one\s+of|en\s+af|et\s+af)\s+)?(?:${gap(2)})?|${B}(?:vi|we|jeg|os|us)\s*\(\s*(?:(?:en|et|a|an|the)\s+)?(?:${gap(2)})?)$`;
/** Right after an organisation word, a self-introduction: "Lille dansk teleudbyder her", "Danish ISP here". */
export const SELF_INTRO_AFTER = String.raw`^\s*(?:${gap(1)})?[\p{L}-]+\s+(?:her|here)${E}`;
/** A supplier "in" a country, with a bare preposition: "et firma i Indien", "a vendor in Vietnam". */
export const SUPPLIER_IN = String.raw`${B}(?:${W}leverandør${W}|suppliers?|vendors?|${W}producent${W}|producers?|manufacturers?|makers?|fabrikant${W}|firma(?:et|er)?|firms?|company|companies|outsourcer|contractors?|integrators?|partner${W})\s+(?:in|i)\s+(?:the\s+)?$`;
/** The writer's supplier and where it is: "vores leverandør fra Kina", "our vendor in India" (not the writer). */
export const OUR_SUPPLIER_FROM = String.raw`${B}(?:vores|vor|our|my|min|mit)\s+(?:${gap(1)})?(?:${W}leverandør${W}|suppliers?|vendors?|${W}producent${W}|producers?|manufacturers?|makers?|fabrikant${W}|outsourcer|contractors?|integrators?|partner${W})\s+(?:from|fra|i|in|out\s+of|(?:based|located|headquartered)\s+in|baseret\s+i|med\s+hovedsæde\s+i)\s+(?:the\s+)?$`;
export const BASED_IN = String.raw`${B}(?:based|headquartered|domiciled|located|registered|incorporated|hjemmehørende|baseret|placeret|beliggende|registreret|med\s+(?:hovedsæde|hovedkontor|base)|har\s+(?:sit\s+|sin\s+)?(?:hovedsæde|hovedkontor|base)|ligger|sidder|has\s+its\s+(?:headquarters|head\s+office|seat))\s+(?:in|i|på)\s+(?:the\s+)?`;
export const FROM = String.raw`${B}(?:from|fra|out\s+of|made\s+in|produceret\s+i|fremstillet\s+i)\s+(?:the\s+)?`;

/**
 * The supplier owned or controlled by a state body, said in more words: "majority-owned by a holding
 * company that belongs to a foreign country's armed forces", "ejes af et selskab under et andet lands
 * forsvarsministerium". An ownership word, then within a few words a state or military body.
 */
export const STATE_OWNED_LONG = String.raw`${B}(?:(?:majority[- ]|wholly[- ]|partly[- ]|fully[- ])?(?:owned|controlled)|belongs?\s+to|belonging\s+to|ejet|ejes|kontrolleret|kontrolleres|styret|styres|tilhører|majoritetsejet|helejet|(?:aktie)?majoriteten\s+(?:ejes|er\s+ejet)|ultimately\s+owned|(?:main\s+|largest\s+|majority\s+|controlling\s+)?(?:shareholders?|owners?)\s+(?:is|are|was)|(?:hoved|største\s+|majoritets)?(?:aktionær|ejer)(?:en|erne)?\s+(?:er|var))${E}[^.!?\n]{0,90}?${B}(?:armed\s+forces|military|army|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|government|regime|(?:the\s+)?state(?!\s+of\s+the\s+art)|militær${W}|hær(?:en)?|væbnede\s+styrker|forsvarsministeri${W}|regering(?:en)?|stat(?:en)?|statslig${W})${E}`;
/** Another country than Denmark, as § 2, stk. 2, nr. 3 requires: "a foreign country's", "et andet lands". */
export const FOREIGN_MARK = String.raw`${B}(?:foreign|outside\s+(?:the\s+)?(?:EU|NATO)|uden\s*for\s+(?:EU|NATO)|non-(?:EU|NATO)|another\s+(?:country|state|government)|other\s+(?:country|countries|state)|a\s+(?:country|nation)'?s|(?:et\s+)?andet\s+lands?|anden\s+stat${W}|andre\s+landes?|udenlandsk${W}|fremmed${W}|fremmede)${E}`;
/** The writer or the thing was the victim, not the actor: "hit by a cyber attack", "ramt af spionage". */
export const HARM_VICTIM = String.raw`${B}(?:hit\s+by|victims?\s+of|targeted\s+by|suffered|ramt\s+af|offer\s+for|udsat\s+for|angrebet\s+af|attacked\s+by)${E}`;
/** A supplier spoken of: its noun or a pronoun for it. */
export const SUPPLIER_REFERENT = String.raw`${B}(?:${SUPPLIER_NOUN}|they|their|them|de|deres|dem|it|its|den|dens|det|dets)${E}`;
/** A state said to be Denmark's own: § 2, stk. 2, nr. 3 is about another country's bodies. */
export const OWN_STATE_BEFORE = String.raw`${B}(?:danish|dansk${W})\s+(?:\p{L}+\s+)?\p{L}+$`;
/**
 * The supplier has been involved in activities that harmed national security, information security or
 * public order (§ 2, stk. 2, nr. 4): an involvement word and such a harm in one sentence.
 */
export const HARM_INVOLVED = String.raw`${B}(?:involveret|involved|impliceret|implicated|deltaget|deltog|took\s+part|taken\s+part|participated|stod\s+bag|stået\s+bag|was\s+behind|were\s+behind|been\s+behind|anklaget|accused|mistænkt|suspected|caught|dømt|convicted|blamed|responsible\s+for|ansvarlig\s+for|medvirket|medvirkede|linked\s+to|tied\s+to|connected\s+to|forbundet\s+med|history\s+of|record\s+of|known\s+for)${E}`;
/** Acts harmful in themselves ("espionage", "sabotage", "a cyber attack"). */
export const HARM_ACT = String.raw`${B}(?:${W}spionage${W}|espionage|spying|sabotage|${W}cyberangreb${W}|cyber[- ]?attacks?|hack(?:ing|ed|s)?|hackerangreb${W}|datatyveri${W}|data\s+theft)${E}`;
/** What § 2, stk. 2, nr. 4 protects, harmed only with a word of harm: "skadede informationssikkerheden". */
export const HARM_OBJECT = String.raw`${B}(?:${W}informationssikkerhed${W}|information\s+security|statens\s+sikkerhed|national\s+security|(?:den\s+)?offentlige?\s+orden|public\s+order)${E}`;
export const HARM_EFFECT = String.raw`${B}(?:skad${W}|harm${W}|damag${W}|negativ${W}|compromis${W}|kompromitter${W}|undermin${W}|underminer${W}|threat${W}|true(?:de|t|r)|breach${W}|brud|påvirk${W}|impact${W}|affect${W}|endanger${W}|bringe\s+i\s+fare)${E}`;
/** A sentence that asks what may be weighed in general, or supposes it: no statement about this supplier. */
export const HARM_HYPOTHETICAL = String.raw`(?:^\s*(?:hvis|if|om|whether|suppose|antag)${E}|${B}(?:kan|may|can|could|må)\s+(?:cfcs|de|they|man|you)\s+(?:${gap(2)})?(?:lægge\s+vægt|weigh|take\s+into|consider|tage\s+hensyn|inddrage)|${B}(?:what\s+if|hvad\s+hvis|hvad\s+nu\s+hvis))`;
export const STATE_CONTROLLED = String.raw`${B}(?:(?:controlled|owned|run|backed)\s+by\s+(?:a\s+|the\s+|an\s+)?${gap(2)}(?:military|army|state|government|regime|communist\s+party)${W}|kontrolleret\s+af\s+(?:et\s+|en\s+|den\s+|det\s+)?${gap(2)}(?:militær${W}|stat(?:en)?|regering${W}|hær${W}|kommunistparti${W})|ejet\s+af\s+(?:et\s+|en\s+|den\s+|det\s+)?${gap(2)}(?:militær${W}|stat(?:en)?|regering${W})|state-?owned|state-?controlled|statsejet${W}|statskontrolleret${W}|military[- ](?:linked|owned|controlled|affiliated)|(?:ties|links)\s+to\s+(?:the\s+)?${gap(2)}(?:military|army)|(?:tætte\s+)?(?:bånd|forbindelser|relationer)\s+til\s+(?:det\s+|den\s+)?${gap(1)}(?:militær${W}|stat(?:en)?))`;

export const TERRITORY: Array<['FO' | 'GL' | 'DK', string]> = [
  ['FO', `${B}(?:færø${W}|faroe${W}|faeroe${W}|tórshavn|torshavn|thorshavn|føroya${W}|klaksvík|klaksvik)`],
  ['GL', `${B}(?:grønland${W}|greenland${W}|nuuk|godthåb|sisimiut|ilulissat)`],
  [
    'DK',
    `${B}(?:danmark${W}|denmark${W}|dansk(?:e)?|danish|københavn${W}|copenhagen|aarhus|århus|odense|aalborg|esbjerg|jylland|sjælland|fyn|bornholm|jutland|zealand|funen)${E}`,
  ],
];
/** "Danish act", "dansk lov": a demonym on the law, not on the network. */
export const DK_NOT_TERRITORY_AFTER = String.raw`^\s*(?:${gap(1)})?(?:act|law|lov${W}|byret${W}|ret(?:t)?|regler|rules|legislation|lovgivning|authorit${W}|agenc${W}|myndighed${W}|government|regering${W}|cfcs|${SUPPLIER_NOUN.slice(3, -1)})`;

/** A signing in the future or not yet done. */
export const FUTURE_SIGNING = String.raw`(?:will|shall|is\s+to|are\s+to|'ll|going\s+to|expected\s+to|due\s+to|set\s+to|scheduled\s+to)\s+be\s+(?:signed|concluded|entered\s+into|awarded|finali[sz]ed)|(?:to|yet\s+to)\s+be\s+signed|not\s+(?:yet\s+)?(?:been\s+)?signed|(?:haven'?t|have\s+not|hasn'?t|has\s+not)\s+(?:yet\s+)?(?:signed|entered)|(?:skal|vil)\s+(?:først\s+)?(?:underskrives|indgås|skrives\s+under|blive\s+(?:underskrevet|indgået))|(?:endnu\s+ikke|ikke\s+endnu)\s+(?:underskrevet|indgået|skrevet\s+under)|(?:har|er)\s+(?:endnu\s+)?ikke\s+(?:endnu\s+)?(?:underskrevet|indgået|skrevet\s+under)|(?:i\s+)?(?:næste|kommende)\s+(?:måned|uge|kvartal)|(?:next|the\s+coming)\s+(?:month|week|quarter)`;
/** A purchase put as a condition or supposition: "if we were to buy", "hvis vi skulle købe". */
export const HYPOTHETICAL_PURCHASE = String.raw`(?:(?:if|suppose|supposing|assuming|say|what\s+if)\s+(?:we|i)\s+(?:were\s+to|was\s+to|should|decided?\s+to|chose\s+to|choose\s+to|went\s+ahead\s+and|wanted\s+to)|(?:were|should)\s+(?:we|i)\s+(?:to\s+)?(?:decide\s+to\s+|choose\s+to\s+|go\s+ahead\s+and\s+)?)\s*(?:${gap(1)})?(?:buy|sign|enter|purchase|procure|order|install|outsource|award|choose|select|replace|switch|get)|(?:hvis|antag\s+at|forudsat\s+at|såfremt|sæt\s+(?:nu\s+)?at|hvad\s+(?:nu\s+)?hvis)\s+(?:vi|jeg)\s+(?:skulle|ville|vælger\s+at|valgte\s+at|beslutter\s+(?:os\s+)?(?:for\s+)?at|besluttede\s+(?:os\s+)?(?:for\s+)?at|fik\s+lyst\s+til\s+at)?\s*(?:${gap(1)})?(?:købe|køber|købte|indgå|indgår|indgik|underskrive|underskriver|anskaffe|anskaffer|udskifte|udskifter|vælge|skifte)`;
/**
 * Agreement still to come: intentions (plan to, vil, skal, påtænker, overvejer, about to sign),
 * negotiations, and a signing in the future or not yet done ("will be signed next month",
 * "skal underskrives", "har endnu ikke underskrevet").
 */
export const NEW_STRONG = String.raw`${B}(?:plan(?:s|ning|ned)?\s+to|planlægger|påtænker|overvejer|considering|(?:har\s+)?tænkt\s+(?:os|mig)\s+at|tænker\s+på\s+at|thinking\s+(?:of|about)\s+(?:signing|buying|entering|switching|replacing|using|purchasing)|consider(?:s)?\s+(?:buying|signing|entering)|skal\s+(?:til\s+at\s+)?(?:indgå|købe|skrive|underskrive|anskaffe|udskifte|have|outsource|udlicitere|bruge|installere|sætte|skifte)|vil\s+(?:gerne\s+|nu\s+|så\s+|derfor\s+|snart\s+)?(?:indgå|købe|skrive|underskrive|anskaffe|udskifte|have\s+(?:ny|nye|nyt|en\s+ny|et\s+nyt)|outsource|udlicitere|skifte|bruge|installere|sætte)|(?:want(?:s|ed)?|would\s+like|(?:we|i)'?d\s+like)\s+to\s+(?:buy|sign|enter|purchase|install|replace|switch|swap|change|migrate|modernise|modernize|expand|extend|bring\s+in|use|outsource|deploy|get\s+(?:new|a)|have\s+(?:new|a)|upgrade|procure|order|move|sell|put\s+up|set\s+up)|want(?:s|ed)?\s+(?:a|an)\s+${gap(2)}(?:deal|contract|agreement)|(?:going|about)\s+to\s+(?:sign|buy|enter|replace|install|outsource|purchase|award)|close\s+to\s+(?:signing|a\s+deal|an\s+agreement)|in\s+the\s+process\s+of\s+(?:signing|buying|procuring|negotiating|choosing|selecting)|(?:på\s+vej\s+til|tæt\s+på|ved)\s+at\s+(?:indgå|skrive|underskrive|købe|anskaffe|vælge)|(?:we|i)\s+(?:will|shall|'ll)\s+(?:sign|buy|enter|purchase|outsource|award)|intend${W}\s+to|(?:forventer|regner\s+med|håber|agter|sigter\s+mod)\s+at\s+(?:${gap(1)})?(?:indgå|købe|skrive|underskrive|anskaffe|udskifte|outsource|udlicitere|skifte)|(?:expect(?:s|ing)?|hop(?:e|es|ing)|aim(?:s|ing)?|are\s+looking)\s+to\s+(?:sign|buy|enter|conclude|purchase|award|outsource|replace|switch)|ny(?:e|t)?\s+(?:${W}aftale${W}|kontrakt${W}|leverandør${W})|new\s+(?:supplier\s+|vendor\s+|[\p{Lu}][\p{L}\p{N}&+-]*\s+|[\p{L}\p{N}]+-)?(?:agreement|contract|deal)|før\s+vi\s+(?:skriver|underskriver|indgår|køber)|before\s+(?:we\s+(?:sign|buy|enter|commit)|signing)|tender${W}|udbud${W}|forhandl(?:e|er|ing|ingen|inger|ingerne|ingsfase${W})|negotiat(?:e|es|ing|ion|ions)|evaluat${W}|evaluerer|potentiel${W}\s+(?:leverandør|aftale)|prospective|${FUTURE_SIGNING}|${HYPOTHETICAL_PURCHASE})${E}`;
/** Just before an existing-agreement word, it is not one yet: "will be signed", "skal ikke underskrives". */
export const NOT_YET_BEFORE = String.raw`(?:${B}(?:will|shall|would|to|be|not|yet|skal|vil|blive|ikke|endnu|først|before|før|når)|n't|'ll)\s+(?:\p{L}+\s+)?$`;
/** Agreement in place: signed, entered, since a date, had for a time. */
export const EXISTING_STRONG = String.raw`${B}(?:eksisterende|existing|nuværende|current\s+(?:contract|agreement|supplier|deal|vendor|provider|partner)s?|underskrev${W}|skrev\s+under|(?:har|have|had|havde)\s+skrevet\s+under|signed|indgået|indgik|entered\s+into|entered\s+(?:the|an?|our|this|that|these|those)\s+(?:${gap(1)})?(?:agreements?|contracts?|deals?)|concluded|already\s+(?:bought|installed|have|signed|use|using)|allerede\s+(?:købt|installeret|har|underskrevet|indgået)|har\s+(?:vi\s+|jeg\s+)?(?:haft|købt|installeret|outsourcet|udliciteret)|(?:have|has|'ve|had)\s+(?:had|bought|installed|outsourced)|(?:have|has|'ve)\s+been\s+(?:using|running|buying|with)|dates?\s+(?:back\s+)?(?:from|to)|goes\s+back\s+to|dateret|stammer\s+fra|går\s+tilbage\s+til|har\s+(?:vi\s+|jeg\s+)?(?:i\s+(?:mange|flere)\s+år\s+)?(?:brugt|benyttet|anvendt|kørt\s+med)(?!\s+(?:lang|meget|mange|en\s+del|noget|tid|et\s+år|\d))|currently\s+(?:using|uses|use|running|runs|run|buying|buy|sourcing|source|relying|rely|relies)|(?:bruger|benytter|anvender)\s+(?:vi\s+)?(?:i\s+dag|allerede|nu|currently)|(?:${W}aftale${W}|kontrakt${W}|contract${W}|agreement${W}|deal)\s+(?:(?:er|is|was|var)\s+)?(?:fra|from|of|af)(?=\s+(?:(?:den|the)\s+)?(?:\d{1,2}\.?\s+(?:of\s+)?)?(?:\p{L}+\.?\s+)?(?:19|20)\d{2}${E})|outsourced|udliciterede|købte|bought|purchased)${E}`;
export const EXISTING_WEAK = String.raw`${B}(?:(?:vi\s+)?har\s+(?:(?:i\s+dag|allerede|nu|p\.t\.|pt\.?)\s+)?(?:en|et)\s+${gap(1)}(?:${W}aftale|kontrakt)|(?:we\s+)?have\s+(?:a|an)\s+${gap(1)}(?:contract|agreement|deal)|vores\s+${gap(1)}(?:${W}aftale|kontrakt)${W}|our\s+${gap(1)}(?:contract|agreement|deal)s?|vi\s+bruger|we\s+use|i\s+brug|in\s+use|(?:since|siden)\s+(?:(?:den|the)\s+)?(?:\d{1,2}(?:\.|st|nd|rd|th)?\s+(?:of\s+)?)?(?:\p{L}+\.?\s+)?\d{4}|(?:since|siden)\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})${E}`;
/** After "our contract": with the customers served (a state body, a municipality), not a supplier. */
export const CUSTOMER_CONTRACT_AFTER = String.raw`^\s*(?:with|med)\s+(?:them|dem|those|disse|${gap(3)}(?:${STATE_MARK}|${LOCAL_GOV_MARK}|${B}(?:customers?|kunder${W}|clients?)${E}))`;
export const NEW_WEAK = String.raw`${B}(?:må\s+(?:vi|vores|jeg)\s+${gap(2)}(?:indgå|købe|bruge|anskaffe|installere|skrive)|(?:may|can|could)\s+(?:we|i|our)\s+${gap(2)}(?:buy|sign|enter|use|purchase|install)|køb\s+af|purchase\s+of|anskaff${W})${E}`;

export const WANTS_HUMAN = String.raw`${B}(?:(?:tale|snakke|chatte|skrive)\s+med\s+(?:et\s+menneske|en\s+(?:rigtig\s+)?(?:person|rådgiver|medarbejder|sagsbehandler|jurist|ekspert|konsulent)|nogen|cfcs|jer)|${W}rådgiver\s+i\s+tale|(?:få|have)\s+(?:fat\s+i|kontakt\s+med)\s+(?:en|et|nogen)${W}|(?:få|bede\s+om|ønsker(?:\s+at\s+få)?|(?:vil|ville)\s+(?:gerne\s+)?have)\s+(?:en\s+|et\s+)?(?:rigtig\s+|menneskelig\s+|personlig\s+|levende\s+)?(?:rådgiver|sagsbehandler|jurist|menneske|medarbejder)(?:\s+(?:til\s+at|fra|hos))?|(?:en|et|nogen)\s+af\s+(?:jeres|dine|cfcs'?)\s+(?:rådgivere|medarbejdere|eksperter|jurister|folk|sagsbehandlere)|one\s+of\s+your\s+(?:advisers|advisors|experts|lawyers|people|staff|colleagues)|(?:someone|somebody|a\s+person)\s+(?:from|on|in)\s+your\s+(?:team|side|office)|a\s+person\s+(?:i|we)\s+can\s+(?:talk|speak)\s+to|menneskelig\s+vurdering|human\s+(?:review|judg(?:e)?ment|assessment)|(?:get|have|need|want)\s+(?:a\s+|an\s+)?(?:real|human|actual|live|proper)\s+(?:adviser|advisor|person|expert|lawyer|consultant)|et\s+menneske|en\s+sagsbehandler|ringe?\s+(?:mig|os)\s+op|(?:blive|bliver)\s+ringet\s+(?:op|tilbage)|ringet\s+op\s+af|(?:be|get|being)\s+(?:called|phoned|rung)(?:\s+back)?\s+by|have\s+(?:someone|somebody|an?\s+(?:adviser|advisor|person|expert))\s+(?:call|ring|phone)|(?:rådgiver|medarbejder|person|sagsbehandler)\s+(?:til\s+at\s+)?ringe\s+(?:mig|os)|ringe\s+til\s+(?:mig|os)|ringe\s+(?:mig|os)\s+tilbage|call\s*back|call\s+(?:me|us)\s+back|kontakt\s+(?:mig|os)|(?:speak|talk|chat)\s+(?:to|with)\s+(?:a\s+(?:real\s+)?(?:human|person|adviser|advisor|lawyer|expert|consultant)|an\s+(?:adviser|advisor|expert|actual\s+person)|someone|somebody|cfcs|a\s+real\s+person|one\s+of\s+your)|(?:nogen|en\s+person|en\s+medarbejder|someone|somebody|a\s+person)\s+(?:fra|from|at|hos|i)\s+cfcs|sætte\s+(?:mig|os)\s+i\s+(?:forbindelse|kontakt)|(?:i\s+)?(?:forbindelse|kontakt)\s+(?:med|til)\s+(?:en\s+|et\s+)?(?:rådgiver|medarbejder|menneske|person|sagsbehandler|jurist|cfcs)|in\s+(?:touch|contact)\s+with\s+(?:an?\s+)?(?:adviser|advisor|human|person|someone|cfcs)|human\s+advis(?:e|o)r|real\s+person|(?:a|an)\s+human|put\s+me\s+through|connect\s+me\s+(?:to|with)|escalate|call\s+me|get\s+(?:me\s+)?someone)${E}`;

/** Words that date the notification of a decision (the court deadline runs from it). */
export const NOTIFIED_WORDS = String.raw`${B}(?:meddel${W}|notif${W}|received|receiving|modtog|modtaget|fik\s+(?:vi\s+)?(?:besked|brev|meddelelse|den|det|afgørelsen|forbuddet|påbuddet)|fik|got|served|informed|underrettet|underrettede|orienteret|orienterede|delivered\s+to\s+us|tilsendt|sendt\s+til\s+os|came\s+in|kom\s+(?:den|d\.))${E}`;
export const DECISION_WORDS = String.raw`${B}(?:meddel${W}|notif${W}|afgørelse${W}|decision${W}|decided|forbud${W}|forbød|forbudt|prohibit${W}|ban(?:ned|s)?|påbud${W}|påbød|order(?:ed)?|varsel|varslet|received|modtog|modtaget|fik\s+(?:vi\s+)?(?:besked|brev)|letter|brev${W}|served)${E}`;
export const AGREEMENT_WORDS = `${B}(?:underskrev${W}|skrev\\s+under|skrevet\\s+under|signed|sign|signing|indgå${W}|indgik|entered|concluded|${W}aftale${W}|agreement${W}|contract${W}|kontrakt${W}|deal|since|siden|dated|dateret|købt|bought|purchased|installed|installeret)${E}`;
/**
 * The agreement words that are acts (signing, entering, buying) or `since`: a date in their clause is
 * the agreement's. Agreement nouns alone are not: in "notified its decision banning one of our
 * agreements on 31 August" the agreement is what was decided on, the date the notification's.
 */
export const AGREEMENT_ACTS = `${B}(?:underskrev${W}|skrev\\s+under|skrevet\\s+under|signed|sign|signing|indgå${W}|indgik|entered|concluded|since|siden|købt|bought|purchased|installed|installeret)${E}`;
/** An agreement noun joined to the date that follows it: "aftalen fra 3. marts 2019", "contract dated …". */
export const AGREEMENT_NOUN_OF_DATE = String.raw`${B}(?:${W}aftale${W}|agreement${W}|contract${W}|kontrakt${W}|deal)\s+(?:(?:er|is|was|var)\s+)?(?:from|of|dated|fra|af|dateret)\s+(?:the\s+|den\s+)?$`;
export const NEUTRAL_DATE_WORDS = String.raw`${B}(?:lov${W}|act|law|§+|i\s+kraft|in\s+force|ikrafttræden${W}|skæringsdato${W}|cut-?off|deadline|frist${W}|court|retten|byret${W}|indbring${W}|as\s+of|before|efter|after|før|inden)${E}`;

/**
 * The name of the act itself ("the Danish supplier security act", "leverandørsikkerhedsloven", "lov om
 * leverandørsikkerhed"): it names no supplier and no supplier's country, so the extractor blanks it out
 * before it reads supplier facts.
 */
export const ACT_NAME = [
  String.raw`${B}(?:(?:the|this|den|denne)\s+)?(?:(?:danish|danske?|new|nye?|current|nuværende|telecoms?|telecommunications?|tele)\s+)*(?:supplier|vendor|leverandør)[- ]?(?:security|sikkerheds?)[- ]?(?:act|law|legislation|rules|regime|bill|regulation|lov${W}|regler${W}|lovgivning${W})${E}`,
  String.raw`${B}(?:(?:den|denne)\s+)?(?:(?:danske?|nye?)\s+)*leverandørsikkerheds-?(?:lov${W}|regler${W}|regulering${W})`,
  String.raw`${B}(?:(?:the|den|denne)\s+)?(?:(?:danish|danske?|new|nye?)\s+)*(?:act|law|lov(?:en)?|bekendtgørelse(?:n)?)\s+(?:on|om)\s+(?:the\s+)?(?:supplier|vendor|leverandør)[- ]?(?:security|sikkerhed)(?:\s+(?:in|i|for)\s+(?:${gap(2)})?(?:infrastructure|infrastruktur|${W}telekommunikationsinfrastruktur|telecom${W}|networks?))?${E}`,
].join('|');

/**
 * A sentence about the writer's own customers: a serving verb ("we serve", "leverer til", "betjener")
 * and whom it serves (a public body, customers, staff). Its contracts ("under our framework
 * contracts", "vores rammeaftale med kommunen") are with customers, not with a supplier, unless the
 * sentence also speaks of a supplier (`SUPPLIER_CONTEXT`).
 */
export const SERVE_VERB = `${B}(?:serve[sd]?|serving|supply|supplies|supplied|supplying|deliver${W}|provid${W}|sell${W}|sold|leverer|levere|leveret|levering${W}|betjen${W}|forsyn${W}|sælge${W}|solgt|dækker|cover(?:s|ing)?)${E}`;
// Not end users or customers in general: "we serve 400,000 end users, and the agreement was signed in
// 2019" speaks of the supplier agreement.
export const CUSTOMER_OBJECT = String.raw`${STATE_MARK}|${LOCAL_GOV_MARK}|${B}(?:staff|employees|${W}medarbejdere|${W}ansatte|personale${W}|institutions?|institutioner${W}|schools?|${W}skoler${W}|public\s+(?:sector|bodies|authorities)|det\s+offentlige|offentlige\s+kunder|public[- ]sector\s+customers)${E}`;
/** Words that make an agreement a supplier's: suppliers, buying, equipment bought from someone. */
export const SUPPLIER_CONTEXT = `${B}(?:${SUPPLIER_NOUN}|firms?|køb${W}|købt${W}|buy${W}|bought|purchas${W}|indkøb${W}|anskaf${W}|procur${W}|sourc${W}|order${W}|bestil${W}|outsourc${W}|udlicit${W}|import${W})${E}`;
/**
 * An agreement that is the object of a decision by CFCS ("before CFCS bans our agreement", "afgørelse om
 * vores kontrakt"): a question about the procedure, which says nothing about whether it is signed.
 */
export const DECIDED_ON_BEFORE = String.raw`${B}(?:bans?|banning|banned|prohibit${W}|forbid${W}|forbyd${W}|forbyder|intervene\s+(?:against|in)|gribe\s+ind\s+(?:over\s+for|i)|decid${W}\s+(?:on|about|against)|decision\s+(?:on|about|regarding)|afgørelse\s+(?:om|vedrørende|over\s+for)|(?:order${W}|pålæg${W}|påbyde${W})\s+(?:us\s+|os\s+)?(?:to\s+|at\s+)?(?:terminate|end|cancel|opsige|ophæve|afvikle|bringe)|hear(?:ing)?\s+(?:on|about)|høring\s+om|block${W}|blokere)\s+(?:${gap(2)})?$`;
