/**
 * The answer texts in Danish and English: every phrase the advisor says, in one place, so the two
 * languages stay in step. Functions, not templates with holes: each takes what it needs.
 */
import type { Language, Verdict } from '../../guardrails/contract.js';
import type { FactKey } from '../../guardrails/facts.js';

type Phrase = Record<Language, string>;

export const VERDICT_LABEL: Record<Verdict, Phrase> = {
  covered: { da: 'Omfattet af loven', en: 'Covered by the act' },
  not_covered: { da: 'Ikke omfattet af loven', en: 'Not covered by the act' },
  needs_facts: { da: 'Jeg mangler oplysninger', en: 'I need more facts' },
  informational: { da: 'Det siger kilderne', en: 'What the sources say' },
  out_of_scope: { da: 'Uden for mit område', en: 'Outside my scope' },
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

export const T = {
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
  noBanInSources: {
    da: 'Der er intet forbud i kilderne mod at købe udstyret.',
    en: 'Nothing in the sources bans buying the equipment.',
  },
  sourcesSay: { da: 'Kilderne siger:', en: 'The sources say:' },
  unofficial: { da: '', en: '(unofficial English rendering)' },
} satisfies Record<string, Phrase>;
