/**
 * The answer texts in Danish and English: every phrase the advisor says, in one place, so the two
 * languages stay in step. Functions, not templates with holes: each takes what it needs.
 */
import type { Language, Verdict } from '../../guardrails/contract.js';
import type { FactKey } from '../../guardrails/facts.js';
import type { Doubt, DoubtReason } from '../understand/doubt.js';

type Phrase = Record<Language, string>;

export const VERDICT_LABEL: Record<Verdict, Phrase> = {
  covered: { da: 'Omfattet af loven', en: 'Covered by the act' },
  not_covered: { da: 'Ikke omfattet af loven', en: 'Not covered by the act' },
  needs_facts: { da: 'Jeg mangler oplysninger', en: 'I need more facts' },
  informational: { da: 'Det siger kilderne', en: 'What the sources say' },
  out_of_scope: { da: 'Uden for mit område', en: 'Outside my scope' },
};

/** When the writer supplies a provider: the provider's counts are the ones that decide (§ 2, stk. 1). */
export const ASK_PROVIDER_FOR: Partial<Record<FactKey, Phrase>> = {
  end_users: {
    da: 'Hvor mange slutbrugere anvender udbyderens net i alt, inklusive slutbrugere hos udbyderens engroskunder?',
    en: "How many end users use the provider's networks in total, including its wholesale customers' end users?",
  },
  state_end_users: {
    da: 'Hvor mange slutbrugere betjener udbyderen gennem aftaler med statslige myndigheder og institutioner (kommuner og regioner tæller ikke)?',
    en: 'How many end users does the provider serve through agreements with state authorities and institutions (municipalities and regions do not count)?',
  },
};

/** A question for each fact that can decide an open check. */
export const ASK_FOR: Record<FactKey, Phrase> = {
  organisation_type: {
    da: 'Hvilken slags organisation er I (teleselskab, radio/tv-station, kommune, region, statslig myndighed, virksomhed)?',
    en: 'What kind of organisation are you (telecom provider, radio/TV station, municipality, region, state authority, company)?',
  },
  end_users: {
    da: 'Hvor mange slutbrugere anvender jeres net i alt, inklusive slutbrugere hos jeres engroskunder?',
    en: "How many end users use your networks in total, including your wholesale customers' end users?",
  },
  state_end_users: {
    da: 'Hvor mange slutbrugere betjener I gennem aftaler med statslige myndigheder og institutioner (kommuner og regioner tæller ikke)?',
    en: 'How many end users do you serve through agreements with state authorities and institutions (municipalities and regions do not count)?',
  },
  nationwide_public_service: {
    da: 'Har I landsdækkende public service-forpligtelser?',
    en: 'Do you have nationwide public service obligations?',
  },
  component: {
    da: 'Hvad angår aftalen: kernenet, routere eller servere i backbonenettet, OSS/BSS/NMS-systemer, styringsenheder til radionettet, driften af dem – eller noget andet?',
    en: 'What does the agreement concern: core network, backbone routers or servers, OSS/BSS/NMS systems, radio-network control units, the operation of these – or something else?',
  },
  supplier: { da: 'Hvilken leverandør drejer det sig om?', en: 'Which supplier is it?' },
  supplier_country: {
    da: 'Hvilket land er leverandøren hjemmehørende i eller producerer fra?',
    en: 'Which country is the supplier domiciled in or producing from?',
  },
  agreement_date: {
    da: 'Hvornår blev aftalen indgået (dato)?',
    en: 'When was the agreement entered into (date)?',
  },
  agreement_status: {
    da: 'Er aftalen allerede indgået, eller er det en ny aftale, I overvejer?',
    en: 'Has the agreement already been entered into, or is it a new one you are considering?',
  },
  territory: {
    da: 'Drejer det sig om Danmark, Færøerne eller Grønland?',
    en: 'Is this about Denmark, the Faroe Islands or Greenland?',
  },
  decision_date: {
    da: 'Hvilken dato fik I afgørelsen meddelt?',
    en: 'On what date were you notified of the decision?',
  },
  wants_human: { da: 'Vil du gerne tale med en rådgiver?', en: 'Would you like to talk to an adviser?' },
};

/** What a needs-facts answer waits for when the writer supplies a provider: the provider's counts. */
export const DEPENDS_ON_PROVIDER: Partial<Record<FactKey, Phrase>> = {
  end_users: {
    da: 'hvor mange slutbrugere udbyderens net har i alt (mere end 50.000?)',
    en: "how many end users the provider's networks have in total (more than 50,000?)",
  },
  state_end_users: {
    da: 'hvor mange slutbrugere udbyderen betjener gennem aftaler med statslige myndigheder (mere end 500?)',
    en: 'how many end users the provider serves through agreements with state authorities (more than 500?)',
  },
};

/** What a needs-facts answer waits for, as the object of "it depends on …". */
export const DEPENDS_ON: Record<FactKey, Phrase> = {
  organisation_type: { da: 'hvilken slags organisation I er', en: 'what kind of organisation you are' },
  end_users: {
    da: 'hvor mange slutbrugere jeres net har i alt (mere end 50.000?)',
    en: 'how many end users your networks have in total (more than 50,000?)',
  },
  state_end_users: {
    da: 'hvor mange slutbrugere I betjener gennem aftaler med statslige myndigheder (mere end 500?)',
    en: 'how many end users you serve through agreements with state authorities (more than 500?)',
  },
  nationwide_public_service: {
    da: 'om I har landsdækkende public service-forpligtelser',
    en: 'whether you have nationwide public service obligations',
  },
  component: { da: 'hvad aftalen angår', en: 'what the agreement concerns' },
  supplier: { da: 'hvilken leverandør det er', en: 'which supplier it is' },
  supplier_country: {
    da: 'hvilket land leverandøren hører til',
    en: 'which country the supplier belongs to',
  },
  agreement_date: { da: 'hvornår aftalen blev indgået', en: 'when the agreement was entered into' },
  agreement_status: {
    da: 'om aftalen allerede er indgået',
    en: 'whether the agreement has already been entered into',
  },
  territory: {
    da: 'om det drejer sig om Danmark, Færøerne eller Grønland',
    en: 'whether this is about Denmark, the Faroe Islands or Greenland',
  },
  decision_date: { da: 'hvornår afgørelsen blev meddelt', en: 'when the decision was notified' },
  wants_human: { da: 'om du vil tale med en rådgiver', en: 'whether you want to talk to an adviser' },
};

type Act = 'buy' | 'enter' | 'keep' | 'use';

/** Why a reading is not certain enough to decide on. */
const DOUBT_WHY: Record<DoubtReason, Phrase> = {
  share: {
    da: 'kun en del af tallet hører til her, og hvor mange det præcis er, er ikke sagt',
    en: 'only a share of that figure belongs here, and exactly how many that is is not said',
  },
  approximate: {
    da: 'det er et omtrentligt tal tæt på grænsen',
    en: 'that is an approximate figure close to the threshold',
  },
  range: { da: 'intervallet går over grænsen', en: 'the range reaches across the threshold' },
  bound: {
    da: 'det tal kan ligge på begge sider af grænsen',
    en: 'that figure may lie on either side of the threshold',
  },
  disagree: {
    da: 'de to tal ligger på hver sin side af grænsen',
    en: 'the two figures lie on either side of the threshold',
  },
  for_provider: {
    da: 'det er udbyderen, I arbejder for, der tæller: loven gælder udbyderens aftaler (§ 2, stk. 1), ikke hvad I selv er',
    en: 'it is the provider you work for that counts: the act binds the provider’s agreements (§ 2, stk. 1), whatever you are yourselves',
  },
  asked_party: {
    da: 'spørgsmålet gælder en anden end jer, og om den er en væsentlig udbyder, afhænger af dens egne slutbrugere (§ 1, nr. 3), ikke af hvad I selv er',
    en: 'the question is about another party, and whether it is a significant provider depends on its own end users (§ 1, nr. 3), not on what you are',
  },
  other_party: {
    da: 'tallet ser ud til at høre til en anden end jer',
    en: 'that figure seems to belong to someone other than you',
  },
  open_count: {
    da: 'slutbrugerne hos jeres videresælgere tæller med, og dem kender jeg ikke',
    en: "your resellers' end users count too, and I do not know how many they are",
  },
  mixed_public: {
    da: 'kun slutbrugere via statslige myndigheder tæller (ikke kommuner og regioner)',
    en: 'only end users through state authorities count (not municipalities or regions)',
  },
  not_users: {
    da: 'det er boliger, nettet når ud til, ikke slutbrugere, der bruger det (§ 1, nr. 2)',
    en: 'those are homes the network reaches, not end users who use it (§ 1, nr. 2)',
  },
  units: {
    da: 'abonnementer, SIM-kort og linjer er ikke slutbrugere: én kunde kan have flere, og nogle bruges af maskiner (§ 1, nr. 2)',
    en: 'subscriptions, SIM cards and lines are not end users: one customer may hold several, and some serve machines (§ 1, nr. 2)',
  },
  realm: {
    da: 'rigsfællesskabet omfatter Færøerne og Grønland, hvor loven ikke gælder (§ 19)',
    en: 'the Realm takes in the Faroe Islands and Greenland, where the act does not apply (§ 19)',
  },
  households: {
    da: 'en husstand er ikke én slutbruger: flere i husstanden kan bruge forbindelsen (§ 1, nr. 2)',
    en: 'a household is not one end user: several people in it may use the connection (§ 1, nr. 2)',
  },
  undecided_use: {
    da: 'det er ikke afgjort, hvad udstyret skal bruges til, og kun udstyr i kernenettet, det centrale net eller til styring af radionettet er kritisk (§ 1, nr. 1)',
    en: 'what the equipment will be used for is not settled, and only equipment in the core, the backbone or steering the radio network is critical (§ 1, nr. 1)',
  },
  uncounted: {
    da: 'det er ikke sagt, hvor mange slutbrugere I betjener gennem aftalerne med statslige myndigheder',
    en: 'it is not said how many end users you serve through the agreements with state bodies',
  },
  stale: {
    da: 'det tal er måske ikke længere rigtigt',
    en: 'that figure may no longer be right',
  },
  utility_customers: {
    da: 'det kan være forsyningens egne kunder (el, vand, varme), ikke slutbrugere af nettet (§ 1, nr. 2)',
    en: "those may be the utility's own customers (power, water, heating), not end users of the network (§ 1, nr. 2)",
  },
  business_customers: {
    da: 'en erhvervskunde kan have mange ansatte, der bruger nettet, og hver af dem er en slutbruger (§ 1, nr. 2)',
    en: 'a business customer may have many staff using the network, and each of them is an end user (§ 1, nr. 2)',
  },
  left_out: {
    da: 'det andet tal har jeg ikke lagt til, for det er ikke sagt, om det tæller flere slutbrugere eller de samme',
    en: 'I have not added the other figure, as it is not said whether it counts more end users or the same ones',
  },
  includes_others: {
    da: 'tallet kan omfatte andre end slutbrugere af nettet (§ 1, nr. 2)',
    en: 'that figure may include others than end users of the network (§ 1, nr. 2)',
  },
  several_places: {
    da: 'jeres net ligger både der og i Danmark, og kun slutbrugerne i Danmark tæller (§ 19)',
    en: 'your networks are both there and in Denmark, and only the end users in Denmark count (§ 19)',
  },
  place_in_passing: {
    da: 'det er ikke sagt, om jeres net ligger der',
    en: 'it is not said whether your network is there',
  },
};

/** The headline's building blocks: the first sentence answers the question in the person's terms. */
export const H = {
  yes: { da: 'Ja.', en: 'Yes.' },
  no: { da: 'Nej.', en: 'No.' },
  act: {
    buy: { da: 'købe', en: 'buying' },
    enter: { da: 'indgå', en: 'entering into' },
    keep: { da: 'beholde', en: 'keeping' },
    use: { da: 'bruge', en: 'using' },
  },
  subject: {
    municipality: { da: 'kommunen', en: 'the municipality' },
    region: { da: 'regionen', en: 'the region' },
    state_authority: { da: 'myndigheden', en: 'the authority' },
    company: { da: 'virksomheden', en: 'the company' },
    you: { da: 'jer', en: 'you' },
  },
  component: {
    core_network: { da: 'udstyr til kernenettet', en: 'core-network equipment' },
    backbone_router: { da: 'backbone-routere', en: 'backbone routers' },
    backbone_server: { da: 'backbone-servere', en: 'backbone servers' },
    oss_bss_nms: { da: 'OSS/BSS/NMS-systemer', en: 'OSS/BSS/NMS systems' },
    ran_control: { da: 'styringsenheder til radionettet', en: 'radio-network control units' },
    operations_service: { da: 'driften af nettet', en: 'the operation of the network' },
    surveillance_camera: { da: 'overvågningskameraer', en: 'surveillance cameras' },
    customer_equipment: { da: 'kundeudstyr', en: 'customer equipment' },
    office_it: { da: 'kontor-it', en: 'office IT' },
  },
  from: { da: 'fra', en: 'from' },
  theEquipment: { da: 'udstyret', en: 'the equipment' },
  theAgreement: { da: 'aftalen', en: 'the agreement' },
  thePurchase: { da: 'købet', en: 'the purchase' },
  notStopped: {
    da: (who: string, act: Act, what: string, why: string) =>
      `Ja. Loven om leverandørsikkerhed forhindrer ikke ${who} i at ${H.act[act].da} ${what}: ${why}.`,
    en: (who: string, act: Act, what: string, why: string) =>
      `Yes. The supplier security act does not stop ${who} from ${H.act[act].en} ${what}: ${why}.`,
  },
  nothingInWay: {
    da: (act: Act, what: string, why: string) =>
      `Nej. Loven om leverandørsikkerhed står ikke i vejen for at ${H.act[act].da} ${what}: ${why}.`,
    en: (act: Act, what: string, why: string) =>
      `No. Nothing in the supplier security act stands in the way of ${H.act[act].en} ${what}: ${why}.`,
  },
  cfcsCannot: {
    da: (why: string) => `Nej. CFCS kan ikke forbyde det efter loven om leverandørsikkerhed: ${why}.`,
    en: (why: string) => `No. CFCS cannot prohibit it under the supplier security act: ${why}.`,
  },
  notProvider: {
    da: (why: string) => `Nej. I er ikke en væsentlig udbyder efter loven om leverandørsikkerhed: ${why}.`,
    en: (why: string) => `No. You are not a significant provider under the supplier security act: ${why}.`,
  },
  notCovered: {
    da: (what: string, why: string) =>
      `Nej. ${sentenceStart(what)} er ikke omfattet af loven om leverandørsikkerhed: ${why}.`,
    en: (what: string, why: string) =>
      `No. ${sentenceStart(what)} is not covered by the supplier security act: ${why}.`,
  },
  isProvider: {
    da: (refs: string) =>
      `Ja. Efter det oplyste er I en væsentlig erhvervsmæssig udbyder (${refs}), og loven om leverandørsikkerhed gælder for jer.`,
    en: (refs: string) =>
      `Yes. On the facts given you are a significant provider (${refs}), and the supplier security act applies to you.`,
  },
  agreementCovered: {
    da: 'Aftalen er omfattet af loven om leverandørsikkerhed:',
    en: 'The agreement is covered by the supplier security act:',
  },
  mayForbidEnter: {
    da: 'CFCS kan i særlige tilfælde forbyde jer at indgå den, hvis den vurderes at udgøre en trussel mod statens sikkerhed (§ 2, stk. 1).',
    en: 'CFCS may in special cases forbid you to enter into it if it is judged a threat to national security (§ 2, stk. 1).',
  },
  mayForbidKeep: {
    da: 'CFCS kan i særlige tilfælde forbyde jer at opretholde den eller at anvende det leverede, hvis det vurderes at udgøre en væsentlig trussel mod statens sikkerhed (§ 3, stk. 1 og 2).',
    en: 'CFCS may in special cases forbid you to keep it, or to use what was delivered, if that is judged a significant threat to national security (§ 3, stk. 1 and 2).',
  },
  dependsOnCfcs: {
    da: 'Det afhænger af CFCS’ vurdering. Aftalen er omfattet af loven, og',
    en: "It depends on CFCS's assessment. The agreement is covered by the act, and",
  },
  allowedCovered: {
    da: (act: Act, power: string) =>
      `Ja. Intet i loven forhindrer jer i at ${H.act[act].da} aftalen nu, og jeg ser ingen af de forhold i § 2, stk. 2, som CFCS kan lægge vægt på; men aftalen er omfattet: ${power}`,
    en: (act: Act, power: string) =>
      `Yes. Nothing in the act stops you from ${H.act[act].en} the agreement now, and I see none of the matters in § 2, stk. 2 that CFCS may weigh; but the agreement is covered: ${power}`,
  },
  notForbiddenCovered: {
    da: (power: string) =>
      `Nej. Loven forbyder ikke aftalen i sig selv, og jeg ser ingen af de forhold i § 2, stk. 2, som CFCS kan lægge vægt på; men aftalen er omfattet: ${power}`,
    en: (power: string) =>
      `No. The act does not itself forbid the agreement, and I see none of the matters in § 2, stk. 2 that CFCS may weigh; but the agreement is covered: ${power}`,
  },
  dependsOn: {
    da: (what: string) => `Det afhænger af, ${what}.`,
    en: (what: string) => `It depends on ${what}.`,
  },
  leadUnit: {
    da: (where: string, words: string) => `${where} siger: «${words}»`,
    en: (where: string, words: string) => `${where} says: "${words}"`,
  },
  factorsIntro: {
    da: 'Forhold, som CFCS kan lægge vægt på (§ 2, stk. 2):',
    en: 'Matters CFCS may weigh (§ 2, stk. 2):',
  },
  nextSteps: { da: 'Næste skridt:', en: 'Next steps:' },
  whatCoveredMeans: {
    da: 'Som væsentlig udbyder kan CFCS i særlige tilfælde forbyde jer at indgå aftaler om kritiske netkomponenter (§ 2, stk. 1) eller at opretholde eksisterende aftaler (§ 3, stk. 1). Spørg om en bestemt aftale, så vurderer jeg den.',
    en: 'As a significant provider, CFCS may in special cases forbid you to enter into agreements on critical network components (§ 2, stk. 1) or to keep existing ones (§ 3, stk. 1). Ask about a particular agreement and I will assess it.',
  },
  whenCovered: {
    da: 'Loven gælder for jer, hvis jeres net får mere end 50.000 slutbrugere, eller I betjener mere end 500 slutbrugere gennem aftaler med statslige myndigheder (§ 1, nr. 3).',
    en: 'The act applies to you if your networks come to have more than 50,000 end users, or you serve more than 500 end users through agreements with state authorities (§ 1, nr. 3).',
  },
  purchaseNot: {
    da: (what: string, why: string) => `Men købet af ${what} er ikke omfattet af loven: ${why}.`,
    en: (what: string, why: string) => `But buying ${what} is not caught by the act: ${why}.`,
  },
  purchaseCovered: {
    da: (what: string) =>
      `Aftalen om ${what} er også omfattet: CFCS kan i særlige tilfælde forbyde den, hvis den vurderes at udgøre en trussel mod statens sikkerhed (§ 2, stk. 1).`,
    en: (what: string) =>
      `The agreement on ${what} is covered too: CFCS may in special cases forbid it if it is judged a threat to national security (§ 2, stk. 1).`,
  },
  prohibited: {
    da: 'Når CFCS har forbudt aftalen, må I ikke indgå den, og en aftale i strid med et forbud efter § 2, stk. 1, er uden gyldighed mellem parterne (§ 16). En afgørelse kan indbringes for Københavns Byret inden 6 måneder (§ 7).',
    en: 'Once CFCS has prohibited the agreement you may not enter into it, and an agreement contrary to a prohibition under § 2, stk. 1, is invalid between the parties (§ 16). The decision can be brought before Københavns Byret within 6 months (§ 7).',
  },
  doubt: {
    da: (d: Doubt) =>
      `Jeg læser «${d.span}», men ${DOUBT_WHY[d.reason].da}${d.threshold !== undefined ? `: er det flere end ${d.threshold.toLocaleString('da-DK')}?` : '.'}`,
    en: (d: Doubt) =>
      `I read "${d.span}", but ${DOUBT_WHY[d.reason].en}${d.threshold !== undefined ? `: is it more than ${d.threshold.toLocaleString('en-GB')}?` : '.'}`,
  },
  fileBy: {
    da: (detail: string) => `Vil I have afgørelsen prøvet, skal det ske i tide: ${detail}.`,
    en: (detail: string) => `If you want the decision tried, act in time: ${detail}.`,
  },
  deadlineDepends: {
    da: 'Det afhænger af, hvornår afgørelsen blev meddelt jer: den skal indbringes for Københavns Byret inden 6 måneder efter meddelelsen (§ 7, stk. 1 og 2). Hvornår fik I den?',
    en: 'It depends on when the decision was notified to you: it must be brought before Københavns Byret (Copenhagen City Court) within 6 months of notification (§ 7, stk. 1 and 2). When did you receive it?',
  },
  answerAbove: {
    da: 'Svar på spørgsmålene ovenfor, så afgør jeg det.',
    en: 'Answer the questions above and I will decide it.',
  },
} as const;

function sentenceStart(s: string): string {
  return `${s[0]!.toUpperCase()}${s.slice(1)}`;
}

export const T = {
  guidanceName: { da: 'svar på spørgsmål nr. 485 (2022)', en: 'the answer to question no. 485 (2022)' },
  reasoning: { da: 'Begrundelse:', en: 'Why:' },
  reliesOn: { da: 'Bygger på', en: 'Relies on' },
  missingIntro: { da: 'For at afgøre det skal jeg vide:', en: 'To decide it I need to know:' },
  cfcsDecides: {
    da: 'Om CFCS vil gribe ind, er en sikkerhedsvurdering, som kun CFCS kan foretage; jeg kan ikke forudsige den.',
    en: 'Whether CFCS acts is a security assessment only CFCS can make; I cannot predict it.',
  },
  escalationOffered: {
    da: 'Vil du have en rådgiver til at se på sagen? Tryk «Eskalér» eller skriv, at du vil tale med en rådgiver.',
    en: 'Would you like an adviser to look at this? Press "Escalate" or write that you want to talk to an adviser.',
  },
  escalationRequired: {
    da: 'Jeg sender sagen videre til en menneskelig rådgiver, som vender tilbage til dig. Du kan også kontakte Center for Cybersikkerhed (CFCS) direkte via cfcs.dk.',
    en: 'I am passing this on to a human adviser, who will get back to you. You can also contact the Centre for Cyber Security (CFCS) directly via cfcs.dk.',
  },
  outOfScope: {
    da: 'Det spørgsmål kan jeg ikke svare på ud fra mine kilder. Jeg rådgiver om lov om leverandørsikkerhed i den kritiske teleinfrastruktur (lov nr. 1156 af 8. juni 2021) og om FE/CFCS’ vejledning om overvågningskameraer (svar på spørgsmål nr. 485 af 20. januar 2022).',
    en: 'I cannot answer that from my sources. I advise on the Danish act on supplier security in critical telecom infrastructure (Act no. 1156 of 8 June 2021) and on FE/CFCS guidance on surveillance cameras (the answer to parliamentary question no. 485 of 20 January 2022).',
  },
  injection: {
    da: 'Bemærk: Beskeder kan ikke ændre lovens regler eller mine tjek; jeg har set bort fra den del af beskeden.',
    en: 'Note: a message cannot change the law or my checks; I have disregarded that part of the message.',
  },
  fallback: {
    da: 'Jeg kunne ikke give et svar, jeg kan stå inde for, ud fra kilderne. En rådgiver kan tage spørgsmålet.',
    en: 'I could not produce an answer I can vouch for from the sources. An adviser can take the question.',
  },
  guidanceCare: {
    da: 'FE opfordrer i svaret på spørgsmål nr. 485 til omtanke ved indkøb af overvågningsudstyr fra lande uden for Danmarks normale sikkerhedspolitiske kreds, og CFCS kan rådgive om risikovurdering.',
    en: "In the answer to parliamentary question no. 485, FE urges care when buying surveillance equipment from countries outside Denmark's normal security-policy circle, and CFCS can advise on risk assessment.",
  },
  guidanceNoConcern: {
    da: 'Leverandørens land hører til Danmarks sikkerhedspolitiske kreds (EU/NATO), så den særlige opfordring til omtanke i FE’s vejledning retter sig ikke mod den; almindelig god praksis for informationssikkerhed gælder stadig.',
    en: "The supplier's country is within Denmark's security-policy circle (EU/NATO), so the particular care FE's guidance urges is not aimed at it; general good practice in information security still applies.",
  },
  sourcesSay: { da: 'Kilderne siger:', en: 'The sources say:' },
  unofficial: { da: '', en: '(unofficial English rendering)' },
} satisfies Record<string, Phrase>;
