/**
 * What a message asks about: the topic of the answer contract, and whether it is in scope at all.
 * Signals are stems matched inside words, so Danish compounds (leverandøraftale, overvågningskameraer)
 * are met by their parts. The signal tables are this domain's own vocabulary, not any question's wording.
 */
import type { Topic } from '../../guardrails/contract.js';
import type { Facts } from '../../guardrails/facts.js';
import { mayMatch, requiredStrings, WordScanner } from './prefilter.js';

type Signal =
  | 'aboutAuthority'
  | 'providerQ'
  | 'powers'
  | 'anchor'
  | 'offtopic'
  | 'otherLaw'
  | 'procedure'
  | 'guidanceStrong'
  | 'guidanceWeak'
  | 'camera'
  | 'purchase'
  | 'agreement'
  | 'coverage'
  | 'buyer'
  | 'definition'
  | 'human'
  | 'document';

/** Each signal: a list of regular-expression sources matched against the lower-cased message. */
export const SIGNALS: Record<Signal, string[]> = {
  // Questions about what CFCS may do under the act, asked in general.
  powers: [
    '\\b(kan|må|skal) (cfcs|center for cybersikkerhed) (forbyde|nedlægge|kræve|pålægge|gribe|tage|lægge|stoppe|tvinge)',
    '\\b(can|may|could|will) (the )?(cfcs|centre for cyber security) (ban|forbid|prohibit|order|require|stop|force|take|intervene|consider)',
    'what can (the )?cfcs',
    'hvad (kan|må) cfcs',
    'is (the )?cfcs (allowed|able|entitled)',
    // Who holds the power to forbid: the authority, asked in general.
    'hvem (er det (egentlig )?der )?(bestemmer|beslutter|afgør|træffer (afgørelse|beslutning))',
    'who (actually )?(decides|makes the (decision|call)|takes the decision|has the (power|authority)|is (responsible|in charge))',
  ],
  // Questions whether the organisation itself is a significant provider.
  providerQ: [
    'significant (commercial )?provider',
    'væsentlig (erhvervsmæssig )?udbyder',
    'litra [ab]\\b',
    '(make|makes|making) us (a )?significant',
    'gør (det )?os til (en )?væsentlig',
    '(are|is) we (a )?significant',
    'er vi (en )?væsentlig',
    '(count|counts|tæller) (as|som) (a |en )?(significant|væsentlig)',
  ],
  // Questions about CFCS or FE themselves, which the parliamentary answer describes.
  aboutAuthority: [
    '(hvad|hvem) er (center for cybersikkerhed|cfcs|fe\\b|forsvarets efterretningstjeneste)',
    'what (is|does) (the )?(centre for cyber security|center for cyber security|cfcs|fe\\b)',
    'who (is|are|runs) (the )?(cfcs|centre for cyber|center for cyber)',
    '(hører|ligger) (?!vi\\b|jeg\\b|vores\\b).*under',
    'part of (the )?(defence|intelligence)',
    // a question whose subject is the authority itself: "Is CFCS part of …?", "Er FE en del af …?"
    "(^|[.?!]\\s*)(is|was|does|er|var|hører|ligger|tilhører)\\s+(the\\s+)?(cfcs|center for cybersikkerhed|centre for cyber security|fe|forsvarets efterretningstjeneste|the danish defence intelligence service)\\b(?!\\s*'s)",
  ],
  // Terms that tie a message to this act, the guidance, or supplier security at all.
  anchor: [
    'leverandørsikkerhed',
    'supplier.?security',
    'cfcs',
    'center for cybersikkerhed',
    'centre for cyber',
    'center for cyber',
    '\\bfe\\b',
    'efterretningstjeneste',
    'intelligence service',
    'slutbruger',
    'end.?users?',
    'udbyder',
    'provider',
    'operat(ø|o)r',
    'teleselskab',
    'telecom',
    '\\btelco',
    'internetudbyder',
    'isp\\b',
    'kernenet',
    'core.?net',
    'backbone',
    'radionet',
    'radio network',
    '\\bran\\b',
    'oss\\b',
    'bss\\b',
    'nms\\b',
    'network management',
    'billing',
    'forbud',
    'forbyd',
    'prohibit',
    '\\bban\\b',
    'banned',
    'kamera',
    'camera',
    'cctv',
    'overvågning',
    'surveillance',
    'videoovervåg',
    'hikvision',
    'huawei',
    '\\bzte\\b',
    'dahua',
    'ericsson',
    'nokia',
    'leverandør',
    'supplier',
    'vendor',
    '§',
    'paragraf',
    'special advocate',
    'særlige? advokat',
    'afgørelse',
    '\\bdecision\\b',
    'byret',
    '\\bjudges?\\b',
    '\\bdommere?\\b',
    'court',
    'klage',
    'appeal',
    'erstatning',
    'compensation',
    'teleinfrastruktur',
    'telecom infrastructure',
    'critical',
    'kritisk',
    'national security',
    'statens sikkerhed',
    'bagdør',
    'backdoor',
    'firmware',
    'spionage',
    'espionage',
    'sabotage',
    'færøerne',
    'faroe',
    'grønland',
    'greenland',
    'public service',
    'væsentlig',
    'significant',
    'omfattet',
    '\\bcovered\\b',
    'covered by',
    '\\bthe act\\b',
    '\\bloven\\b',
    'this law',
    '\\bthe law\\b',
    'mobilnet',
    'fastnet',
    'fibernet',
    'bredbånd',
    'broadband',
    'netværk',
    'network',
    'router',
    'rådgiver',
    'adviser',
    'advisor',
  ],
  // Other laws and rules than the supplier-security act and the FE/CFCS guidance: whether they
  // apply is not answered by these sources, however telecom-like the writer is.
  otherLaw: [
    '\\bnis ?-?2\\b',
    '\\bnis-?(direktiv|lov|regl|reguler)',
    '\\bnis (directive|regulation|rules|law)',
    '\\bgdpr\\b',
    'databeskyttelses(forordning|lov|regl)',
    'data protection (regulation|act|law|rules)',
    '\\budbudslov',
    'public procurement act',
    '\\bdora\\b',
    'digital operational resilience',
    'cyber resilience act',
    'ai act\\b',
    'ai-forordning',
    'cer-direktiv',
    'critical entities resilience',
    'hvidvasklov',
    'money laundering act',
  ],
  // Subjects that are plainly something else: they override weak anchors.
  offtopic: [
    '\\bmoms',
    '\\bvat\\b',
    'sales tax',
    '\\bskat',
    '\\btax',
    'cookie',
    'samtykke',
    'gdpr',
    'password',
    'adgangskode',
    'kodeord',
    'weather',
    '\\bvejr',
    'poem',
    '\\bdigt',
    'recipe',
    'opskrift',
    'ferie',
    'holiday',
    'salary',
    'wage',
    'mindsteløn',
    'overenskomst',
    '\\bløn\\b',
    'joke',
    'vittighed',
    'football',
    'fodbold',
    'horoscope',
    '\\budbud(sloven|sregler|et|s)?\\b',
    '\\beu-udbud',
    'tender',
    'procurement (rules|directive|law|thresholds?)',
    'tærskelværdi(er|erne)? for (eu-)?udbud',
    'corporate tax',
    'selskabsskat',
    'insurance',
    'forsikring',
    'spectrum',
    'frekvens',
    'auction',
    'auktion',
    'roaming',
    '\\btariff',
    'takst',
    'mobile plan',
    'abonnementspris',
  ],
  procedure: [
    'klage',
    'påklag',
    'appeal',
    'complain',
    'byret',
    'domstol',
    'court',
    '\\bretten\\b',
    'indbring',
    'prøvet',
    'frist',
    'deadline',
    'last day',
    'sidste dag',
    'seks måneder',
    '6 måneder',
    'six months',
    '6 months',
    'sanktion',
    'sanction',
    'afsæt',
    'ledelse',
    'remov\\w* (the |its |members of )*(management|directors|board)',
    '(management|directors|board)\\w* (be )?remov',
    'director',
    'board member',
    'gyldig',
    '\\bvalid\\b',
    '\\binvalid\\b',
    '\\bvoid\\b',
    'erstatning',
    'compensat',
    'ekspropria',
    'expropria',
    'offentliggø',
    'publish',
    'anonym',
    'partshøring',
    'be heard',
    'hearing',
    'blive hørt',
    '\\bhøres\\b',
    '\\bheard\\b',
    'begrund',
    'reasons',
    'aktindsigt',
    'access to (the )?(documents|files|case file|material)',
    "access to ([\\w'’]+ ){1,3}(documents|files|case file|records)",
    'freedom of information',
    '\\bfoia\\b',
    '(access|information) requests?',
    'request(s|ed)? (for )?access',
    'sagsakt',
    '\\b(se|få|læse|kigge i) (\\w+ ){0,2}(dokumenterne|akterne|papirerne)',
    '\\b(see|read|get|obtain) (\\w+ ){0,2}(documents|files|papers) (in|of|on) ',
    'indsigt i (sagen|akterne|dokumenterne|sagens)',
    'tell us why',
    'explain why',
    'forklare? (os )?hvorfor',
    'fortælle (os )?hvorfor',
    'give (us )?(a |the )?reasons?',
    'modpart',
    'opposing party',
    'other side',
    'who pays',
    'hvem betaler',
    'salær',
    'offentlighedslov',
    'særlig advokat',
    'special advocate',
    'fortrolig',
    'confidential',
    'classified',
    'secret information',
    'lukkede døre',
    'closed doors',
    'høring af',
    '\\bconsult(s|ed|ation)?\\b',
    'erhvervsstyrelsen',
    'energistyrelsen',
    'rapport til folketinget',
    'report to (parliament|the folketing)',
    'ikrafttræd',
    'træder i kraft',
    'trådte i kraft',
    'in force',
    'proportional',
    'mindre indgribende',
    'less intrusive',
    'less (drastic|severe|invasive|restrictive)',
    'mildere',
    'mitigat',
    'afbødende',
    'afhjælpende',
    'risikoreducerende',
    '(go|goes|jump|skip|move)\\w* (straight|directly|right) to (a |an )?(ban|prohibition)',
    '(direkte|straks|med det samme) til (et )?forbud',
    'instead of (a |an )?(ban|prohibition|banning)',
    'i stedet for (et )?(forbud|at forbyde)',
    'wind down',
    'afvikl',
    'wind\\w* (it |them |the agreement |down )?down',
    'phase out',
    'udfas',
    '\\b(stop|ophøre|stoppe)\\w* (at once|immediately|overnight|straks|med det samme|fra dag til dag)',
    'hvor lang tid',
    'ugyldig',
    'invalid',
    'landsret',
    'højesteret',
    '\\bjudges?\\b',
    'which court',
    'hvilken (ret|domstol)',
    'dommere',
    'carries on despite',
    'ignore[sd]? (a|the) (prohibition|ban)',
    'despite (a|the) (cfcs )?(prohibition|ban)',
    'trods (et|forbuddet)',
    'efterlever',
  ],
  guidanceStrong: [
    'bagdør',
    'backdoor',
    'back door',
    'garant',
    'guarantee',
    'firmware',
    'anbefal',
    'recommend',
    'advise',
    'advice',
    'rådgiv',
    'skriftlige vejledning',
    'written guid',
    'vejleder',
    '\\bråd om\\b',
    'help from',
    'hjælp fra',
    'what help',
    'hvilken hjælp',
    'assist',
    'bistå',
    'best practice',
    'risikovurdering',
    'risk assessment',
    'examine',
    'undersøg',
    'skjulte',
    'hidden',
    'omtanke',
    'care when',
    'threat information',
    'cybertruslen',
    'what does (fe|cfcs|the intelligence)',
    'hvad siger (fe|cfcs)',
    'pet advarer',
    'tænker over',
    'think about',
    'consider before',
    'tage i betragtning',
    'take into (account|consideration)',
    'sikkerhedspolitiske kreds',
    'security.?policy circle',
    'hvad menes',
    'what is meant',
    'what (should|must) we (consider|think|look)',
    'hvad (skal|bør) vi (overveje|tænke|være opmærksomme)',
  ],
  guidanceWeak: [
    'guidance',
    'vejledning',
    '\\bfe\\b',
    'efterretningstjeneste',
    'intelligence service',
    'spm\\.? ?485',
    'question 485',
  ],
  camera: [
    'kamera',
    'camera',
    'cctv',
    // not the monitoring of a network ("drift og overvågning af core-nettet", "network surveillance")
    '(?<!drift og |operations and |netværks|net)overvågning(?!\\s+af\\s+(?:[\\p{L}-]+\\s+){0,2}[\\p{L}-]*(?:net|router|server|system|drift|infrastruktur))',
    '(?<!network )surveillance',
    'videoovervåg',
    'video surveillance',
    'hikvision',
    'dahua',
  ],
  purchase: [
    'køb',
    'sætte\\b.{0,60}\\bop\\b',
    'overvejer at',
    'considering',
    'planning to',
    'planlægger',
    'anskaffe',
    'buy',
    'purchas',
    'indkøb',
    'anskaf',
    'install',
    'replace',
    'udskift',
    'opsæt',
    'set up',
    'procure',
    'order',
    'bestil',
    '\\bleje',
    'lease',
    '\\buse\\b',
    '\\bbruge',
    '\\banvende',
  ],
  agreement: [
    'aftale',
    'agreement',
    'contract',
    'kontrakt',
    '\\bdeal\\b',
    '\\bsign(s|ed|ing)?\\b',
    'underskr',
    'indgå',
    'outsourc',
    'managed.?service',
    'leverandør',
    'supplier',
    'vendor',
    'drift',
    'operation of',
    'intervene',
    'gribe ind',
    'keep',
    'opretholde',
    'terminate',
  ],
  coverage: [
    'omfattet',
    'covered',
    'significant provider',
    'væsentlig',
    'apply to us',
    'applies to us',
    'gælder .*for os',
    'bring us under',
    'tæller',
    '\\bcount(s|ed)?\\b',
    'falls? under',
    'caught by',
    'within the act',
    'subject to the act',
    '\\bin scope\\b',
    'within (the )?scope',
    'scope of (the )?(act|law|rules)',
    'falder (vi|de|det) (ind )?under',
    'affects? (us|our)\\b',
    '\\bcovers? (us|our)\\b',
    'berørt',
    'berører (den|det|loven|reglerne) os',
    "\\b(we|we're|we are|are we|is our \\w+|am i) (\\w+ )?subject to",
    'overholde\\s+(loven|reglerne)',
    'comply with\\s+(the\\s+)?(act|law|loven|rules)',
    'apply to (a |an )?(\\w+ )?(company|business|organi[sz]ation|provider|operator|firm|isp|telco)s? (like|such as) (us|ours)',
    'hører (vi|jeg|vores \\w+) (ind )?under',
    'omfatter (den|det|loven|reglerne) os',
    'rammer (loven|reglerne) os',
  ],
  buyer: [
    '\\bvi\\b',
    '\\bvores\\b',
    '\\bwe\\b',
    '\\bour\\b',
    '\\bus\\b',
    'kommune',
    'municipal',
    'region',
    'hospital',
    'styrelse',
    'agency',
    'ministry',
    'ministerium',
    'skole',
    'school',
  ],
  definition: [
    'hvad er',
    'hvad betyder',
    '\\bhva betyder',
    'hvad menes',
    'what is meant',
    'meaning of',
    'hvad forstås',
    'what is a',
    'what is an',
    'what are',
    'what counts',
    'what does .* mean',
    'definition',
    'define',
    'hvad tæller som',
    'who counts',
    'hvem er',
    'when did',
    'hvornår trådte',
    'what does the act',
    'hvad siger loven',
  ],
  // The guidance document itself as what is asked about: what the statement says, bans or names.
  document: [
    "(fe|cfcs|fe/cfcs|minister\\w*|forsvarsminister\\w*|intelligence service)('s|s)? (statement|answer|reply|svar|udtalelse|bidrag|vurdering|guidance|vejledning)",
    '(statement|answer|reply) to (parliament|the folketing|folketinget)',
    '(svar|svaret|udtalelse|udtalelsen) til folketinget',
    '(spørgsmål|question) (nr\\.? ?)?485',
    'spm\\.? ?485',
    '(does|do|did) (the )?(fe|cfcs|minister\\w*|guidance|statement|answer) (\\w+ )?(say|ban|name|list|forbid|prohibit|mention)',
    '(siger|nævner|forbyder|udpeger) (fe|cfcs|ministeren|vejledningen|svaret|udtalelsen)',
    '(står|nævnes) (der )?(noget )?i (vejledningen|svaret|udtalelsen)',
  ],
  human: [
    'rådgiver',
    'adviser',
    'advisor',
    'human',
    'menneske',
    'person',
    'sagsbehandler',
    'someone at cfcs',
    'en fra cfcs',
  ],
};

/** Each pattern with the words one of which any match of it contains (see prefilter.ts), as ids. */
const WORDS = new WordScanner();
const COMPILED = Object.fromEntries(
  Object.entries(SIGNALS).map(([k, list]) => [
    k,
    // `lower`: the same pattern without `i`, for lower-case text without `ſ`, where the two agree (the
    // patterns are lower case, and in such text no character but the letter itself matches a letter).
    list.map((s) => ({
      rx: new RegExp(s, 'iu'),
      lower: new RegExp(s, 'u'),
      needs: requiredStrings(s, 1)?.map((w) => WORDS.id(w)),
    })),
  ]),
) as Record<Signal, Array<{ rx: RegExp; lower: RegExp; needs: number[] | undefined }>>;

export type SignalCounts = Record<Signal, number>;

/** The act's own name speaks of suppliers and security; it says nothing about what is asked. */
export const ACT_NAME =
  /\b(lov(en)? om )?leverandørsikkerhed(sloven)?( i den kritiske teleinfrastruktur)?|\b(the )?(danish )?(act|law) on supplier security( in (the )?critical tele\w* infrastructure)?|\bsupplier[- ]security (act|law)\b/giu;

/**
 * The terms § 1 defines, by the unit that defines them. A question what such a term means, or what
 * counts as one, is answered by its definition first.
 */
export const DEFINED_TERMS: Array<[ref: string, term: RegExp]> = [
  [
    '§ 1, nr. 1',
    /\b(kritiske? net-?komponent\w*|netkomponent\w*|critical (network )?components?|critical network components, systems and tools)/iu,
  ],
  ['§ 1, nr. 2', /\b(slut-?brugere?\w*|end[- ]?users?)\b/iu],
  ['§ 1, nr. 3', /\b(væsentlig\w* (erhvervsmæssig\w* )?udbyder\w*|significant (commercial )?providers?)\b/iu],
];
/** Asking what a term means or what counts as it, not whether the writer is covered. */
export const ASKS_MEANING =
  /\b(hvad|hva) (betyder|menes|forstås|er en|er et)\b|\b(menes|forstås) (der )?(med|ved)\b|\bbetydning\b|\bdefin\w+|\bwhat (is|are) (meant|an?\b)|\b(is|are) meant by\b|\bwhat does [^?]{0,40}\bmean\b|\bmeaning\b|\bcounts? as\b|\b(tæller|regnes|anses) (som|for)\b|\b(er|is) (den|det|han|hun|de|it|they|that) (så )?(en |et |an? )?(slutbruger|end[- ]?user)/iu;

/**
 * The § 1 units that define the terms a question asks the meaning of ("hvad betyder 'slutbruger'?",
 * "what does the act mean by critical network components?"), in the order the text names them.
 */
export function definitionsAsked(text: string): string[] {
  if (!ASKS_MEANING.test(text)) return [];
  return DEFINED_TERMS.map(([ref, rx]) => ({ ref, at: text.search(rx) }))
    .filter((d) => d.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((d) => d.ref);
}

/** The act named in any form (its title, `leverandørsikkerhed…`, its number, a § of it, its own term for whom it covers). */
export const ACT_NAMED = new RegExp(
  `${ACT_NAME.source}|leverandørsikkerhed|supplier[- ]security|\\b1156\\b|§\\s*\\d|væsentlig\\w* (erhvervsmæssig\\w* )?udbyder|significant (commercial )?provider`,
  'iu',
);

export function signals(text: string): SignalCounts {
  const lower = text.toLowerCase();
  const t = mayMatch(ACT_NAME, lower) ? lower.replace(ACT_NAME, ' loven ') : lower;
  const out = {} as SignalCounts;
  // `t` is lower case; `ſ` (long s) is the one lower-case letter a pattern letter matches besides itself.
  const found = t.includes('ſ') ? undefined : WORDS.scan(t);
  for (const k of Object.keys(COMPILED) as Signal[]) {
    let n = 0;
    for (const { rx, lower, needs } of COMPILED[k])
      if (found ? (!needs || needs.some((w) => found[w] === 1)) && lower.test(t) : rx.test(t)) n += 1;
    out[k] = n;
  }
  return out;
}

const CRITICAL = new Set([
  'core_network',
  'backbone_router',
  'backbone_server',
  'oss_bss_nms',
  'ran_control',
  'operations_service',
]);

export interface TopicDecision {
  topic: Topic;
  /** True when the message itself names what it asks (not just facts for an earlier question). */
  explicit: boolean;
  signals: SignalCounts;
}

/**
 * Classifies one message. `turnFacts` are the facts extracted from this message alone, `facts` those of
 * the whole thread so far. A message that only adds facts (no question of its own) is not explicit, so
 * the thread keeps the topic of the earlier question.
 */
export const QUESTION_WORD =
  /^\s*(hvad|hvem|hvor|hvornår|hvordan|hvilke|hvilken|hvis|kan|må|skal|er|har|bliver|gælder|what|who|where|when|how|which|can|may|must|is|are|do|does|will|should)\b/i;
function isQuestion(text: string): boolean {
  return /\?/.test(text) || QUESTION_WORD.test(text);
}

export function classifyTopic(text: string, turnFacts: Facts, facts: Facts): TopicDecision {
  const s = signals(text);
  const decide = (topic: Topic, explicit = true): TopicDecision => ({ topic, explicit, signals: s });
  // Where the organisation sits says nothing about what is asked.
  const substantive = Object.keys(turnFacts).filter((k) => k !== 'territory').length;
  const inScope = s.anchor > 0 || substantive > 0;
  if (!inScope || (s.offtopic > 0 && s.anchor <= 1 && substantive <= 1)) return decide('out_of_scope');
  // "Er vi omfattet af NIS2?": coverage by another law, even from a telecom provider that says its size.
  // Naming this act, CFCS's powers or an agreement's subject keeps the question in scope.
  if (
    s.otherLaw > 0 &&
    !ACT_NAMED.test(text) &&
    s.powers === 0 &&
    s.guidanceStrong === 0 &&
    // cameras asked about under another law (retention, signs): the guidance is about their suppliers
    (s.camera === 0 || turnFacts.supplier_country === undefined) &&
    (turnFacts.component === undefined || turnFacts.component === 'surveillance_camera') &&
    turnFacts.supplier === undefined
  )
    return decide('out_of_scope');
  if (turnFacts.wants_human) return decide('escalation_request');
  // What a term of § 1 means, with nothing described but perhaps the kind of system asked about
  // ("does our billing system count?"): what the law says, not a decision about the writer.
  if (
    definitionsAsked(text).length > 0 &&
    turnFacts.end_users === undefined &&
    turnFacts.state_end_users === undefined &&
    turnFacts.organisation_type === undefined &&
    turnFacts.agreement_status === undefined &&
    turnFacts.agreement_date === undefined &&
    turnFacts.supplier === undefined &&
    turnFacts.supplier_country === undefined
  )
    return decide('procedure');
  if (turnFacts.decision_date) return decide('procedure');
  // What CFCS may do, asked in general (no organisation or agreement described): what the law says.
  const describesUs =
    turnFacts.end_users !== undefined ||
    turnFacts.organisation_type !== undefined ||
    turnFacts.component !== undefined ||
    turnFacts.supplier !== undefined;
  if (s.powers > 0 && !describesUs && s.camera === 0) return decide('procedure');

  const camera = s.camera > 0 || facts.component === 'surveillance_camera';
  const guidance = s.guidanceStrong + (camera ? 1 : 0) + s.aboutAuthority;
  const described =
    (turnFacts.component !== undefined && turnFacts.component !== 'surveillance_camera') ||
    turnFacts.end_users !== undefined ||
    turnFacts.agreement_status !== undefined ||
    turnFacts.agreement_date !== undefined;

  // Deadlines, courts, appeals, sanctions, publication, compensation, validity … unless it is a
  // coverage question about a described agreement or organisation, or mostly about the guidance.
  if (s.procedure > 0 && !(s.coverage > 0 && described && s.procedure <= 1) && s.procedure >= guidance) {
    return decide('procedure');
  }

  if (camera) {
    // Someone buying or setting up cameras asks whether anything stands in the way; otherwise the
    // question is what FE and CFCS say about such equipment.
    // The buyer may have said who it is earlier in the thread ("Kommunen skal have kameraer …" then
    // "det bliver nok Hikvision"). A telecom provider's earlier question was about its network instead.
    const threadBuyer =
      facts.organisation_type !== undefined &&
      facts.organisation_type !== 'telecom_provider' &&
      facts.organisation_type !== 'radio_tv';
    const buyer = s.buyer > 0 || turnFacts.organisation_type !== undefined || threadBuyer;
    const acquiring =
      s.purchase > 0 || turnFacts.supplier !== undefined || turnFacts.agreement_status !== undefined;
    // "Does the FE statement ban those cameras?": what the guidance says, asked by no one in particular.
    if (s.document > 0 && turnFacts.organisation_type === undefined && facts.organisation_type === undefined)
      return decide('guidance');
    if (buyer && acquiring && s.guidanceStrong <= 1 && s.aboutAuthority === 0)
      return decide('equipment_purchase');
    if (buyer && turnFacts.organisation_type !== undefined && s.guidanceStrong === 0)
      return decide('equipment_purchase');
    return decide('guidance');
  }

  // An agreement is described by what it concerns or whom it is with; a question whether the
  // organisation itself is significant stays a provider question however its contracts are mentioned.
  const agreementSubject =
    (turnFacts.component !== undefined && turnFacts.component !== 'surveillance_camera') ||
    turnFacts.supplier !== undefined ||
    turnFacts.supplier_country !== undefined ||
    turnFacts.agreement_date !== undefined;
  // Asked whether the organisation is significant, an agreement named only by what it delivers ("en aftale
  // med Forsvaret om 800 SIM-kort") describes its customers; naming a supplier makes it an agreement question.
  const asksStatus =
    s.providerQ > 0 && turnFacts.supplier === undefined && turnFacts.supplier_country === undefined;
  const agreement =
    (agreementSubject && !asksStatus) || (turnFacts.agreement_status !== undefined && s.providerQ === 0);
  const supplierTalk =
    s.agreement > 0 &&
    (turnFacts.supplier !== undefined || turnFacts.supplier_country !== undefined || s.agreement > 1);
  if (agreement || supplierTalk) return decide('agreement');
  // Someone buying equipment asks whether the act stands in the way.
  if (
    s.purchase > 0 &&
    s.buyer > 0 &&
    s.guidanceStrong === 0 &&
    s.aboutAuthority === 0 &&
    s.coverage === 0 &&
    turnFacts.end_users === undefined &&
    turnFacts.state_end_users === undefined
  ) {
    const provider = facts.organisation_type === 'telecom_provider' || facts.organisation_type === 'radio_tv';
    return decide(provider ? 'agreement' : 'equipment_purchase');
  }
  if (s.guidanceStrong > 0 || s.aboutAuthority > 0) return decide('guidance');
  if (s.coverage > 0 || turnFacts.end_users !== undefined || turnFacts.state_end_users !== undefined) {
    const explicit = s.coverage > 0 || /\?/.test(text);
    const component = facts.component;
    return decide(component && CRITICAL.has(component) ? 'agreement' : 'provider_status', explicit);
  }
  if (s.guidanceWeak > 0) return decide('guidance');
  if (s.definition > 0) return decide('procedure');
  if (substantive > 0) return decide('provider_status', false);
  // In scope but no clearer signal: a question about what the law says; a statement without a
  // question adds to the thread's earlier question instead.
  return decide('procedure', isQuestion(text));
}

/** Where a new question starts: after a question mark, or after a comma or "and"/"og" before a question word. */
export const QUESTION_PART_BREAK =
  /\?\s+|[,;]?\s+(?:and|og|samt)\s+(?=(?:how|what|which|who|when|where|can|could|do|does|is|are|will|hvor|hvad|hvilke|hvilken|hvem|hvornår|hvordan|kan|må|skal|er|får|gælder|bliver)\b)/i;

/**
 * The parts of a question that asks several things: split where a new question starts after a
 * comma, "and"/"og", or a question mark ("Which court hears it, and how many judges sit?").
 */
export function questionParts(text: string): string[] {
  return text
    .split(QUESTION_PART_BREAK)
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length >= 3);
}
