/** Everything the Slack bot says that is not the pipeline's answer, in Danish and English. */
import type { CheckId, CheckResultValue, Language, Topic, Verdict } from '../../guardrails/contract.js';
import type { FactKey } from '../../guardrails/facts.js';
import type { FeedbackReason } from '../store/feedback-reasons.js';

export const CFCS_URL = 'https://www.cfcs.dk';
export const MAX_QUESTION_CHARS = 4000;

export const VERDICT_LABEL: Record<Language, Record<Verdict, string>> = {
  da: {
    covered: 'Omfattet af loven',
    not_covered: 'Ikke omfattet af loven',
    needs_facts: 'Flere oplysninger er nødvendige',
    informational: 'Det siger reglerne',
    out_of_scope: 'Uden for emnet',
  },
  en: {
    covered: 'Covered by the act',
    not_covered: 'Not covered by the act',
    needs_facts: 'More facts are needed',
    informational: 'What the rules say',
    out_of_scope: 'Outside the scope of this advisor',
  },
};

export const CHECK_LABEL: Record<Language, Record<CheckId, string>> = {
  da: {
    significant_provider: 'Væsentlig erhvervsmæssig udbyder',
    critical_component: 'Kritiske netkomponenter',
    temporal_scope: 'Tidsmæssigt omfattet',
    territorial_scope: 'Geografisk omfattet',
    supplier_risk: 'Risikofaktorer ved leverandøren',
    court_deadline: 'Frist for domstolsprøvelse',
  },
  en: {
    significant_provider: 'Significant commercial provider',
    critical_component: 'Critical network components',
    temporal_scope: 'Within the act in time',
    territorial_scope: 'Within the act in territory',
    supplier_risk: 'Supplier risk factors',
    court_deadline: 'Court deadline',
  },
};

export const RESULT_ICON: Record<CheckResultValue, string> = {
  yes: ':white_check_mark:',
  no: ':x:',
  unknown: ':grey_question:',
};
export const RESULT_WORD: Record<Language, Record<CheckResultValue, string>> = {
  da: { yes: 'ja', no: 'nej', unknown: 'uafklaret' },
  en: { yes: 'yes', no: 'no', unknown: 'unknown' },
};

export const FACT_LABEL: Record<Language, Record<FactKey, string>> = {
  da: {
    organisation_type: 'Organisationstype',
    end_users: 'Slutbrugere',
    state_end_users: 'Slutbrugere via aftaler med staten',
    nationwide_public_service: 'Landsdækkende public service-forpligtelse',
    component: 'Komponent',
    supplier: 'Leverandør',
    supplier_country: 'Leverandørens land',
    agreement_date: 'Aftaledato',
    agreement_status: 'Ny eller eksisterende aftale',
    territory: 'Område',
    decision_date: 'Afgørelsesdato',
    wants_human: 'Ønsker en rådgiver',
  },
  en: {
    organisation_type: 'Organisation type',
    end_users: 'End users',
    state_end_users: 'End users through agreements with the state',
    nationwide_public_service: 'Nationwide public service obligation',
    component: 'Component',
    supplier: 'Supplier',
    supplier_country: 'Supplier country',
    agreement_date: 'Agreement date',
    agreement_status: 'New or existing agreement',
    territory: 'Territory',
    decision_date: 'Decision date',
    wants_human: 'Wants an adviser',
  },
};

export const T = {
  da: {
    helpfulA11y: 'Svaret var hjælpsomt',
    notHelpfulA11y: 'Svaret var ikke hjælpsomt',
    whyTitle: 'Hvad gik galt?',
    whyIntro:
      'Tak fordi du siger til. Hvad var der galt med svaret? Det hjælper dem, der vedligeholder vidensbasen.',
    whyReason: 'Hvad var problemet?',
    whyComment: 'Uddyb gerne (valgfrit)',
    whySubmit: 'Send',
    whyClose: 'Annuller',
    whyDone: 'Luk',
    whyNoReason: 'Vælg hvad der var galt.',
    whyTooLong: (max: number) => `Højst ${max.toLocaleString('da-DK')} tegn.`,
    whyThanks: 'Tak, det er noteret sammen med svaret.',
    share: 'Del i kanalen',
    yourQuestion: 'Dit spørgsmål',
    sharedBy: (who: string) => `<@${who}> spurgte:`,
    shared: 'Svaret er delt i kanalen.',
    notInChannel:
      'Jeg kan ikke skrive i den kanal, fordi jeg ikke er medlem af den. Inviter mig med `/invite @leverandorsikkerhed`, og prøv igen.',
    shortcutName: 'Spørg leverandørsikkerhed',
    shortcutNoText: 'Den besked har ingen tekst, jeg kan svare på.',
    shortcutAsked: (who: string) => `<@${who}> bad mig se på beskeden ovenfor.`,
    assistantGreeting:
      'Hej! Spørg mig om loven om leverandørsikkerhed i teleinfrastrukturen (lov nr. 1156/2021) og CFCS’ råd om overvågningskameraer, eller vælg et af forslagene. Jeg citerer loven ordret, og en rådgiver kan tage over.',
    assistantPromptsTitle: 'Prøv fx',
    assistantThinking: 'læser loven…',
    reasoning: 'Vurdering',
    missing: 'Det afgør sagen, hvis du oplyser',
    sources: 'Kilder',
    lawName: 'Lov nr. 1156 af 8. juni 2021',
    answerName: 'Svar på spørgsmål nr. 485 (2022)',
    folded: '… (forkortet)',
    showAll: 'Vis hele teksten',
    correctFacts: 'Ret oplysninger',
    showChecks: 'Vis alle tjek',
    allChecks: 'Alle tjek',
    correctTitle: 'Ret oplysninger',
    correctSubmit: 'Svar igen',
    corrected: (who: string) => `<@${who}> rettede oplysningerne; her er svaret igen.`,
    moreCitations: (n: number) => `… og ${n} kilde(r) mere.`,
    moreChecks: (n: number) => `… og ${n} vurdering(er) mere.`,
    asOf: (d: string) => `Loven er anvendt pr. ${d}. Svaret er vejledning, ikke en afgørelse.`,
    escalate: 'Spørg en rådgiver',
    helpful: 'Hjælpsomt',
    notHelpful: 'Ikke hjælpsomt',
    tooLong: (n: number, max: number) =>
      `Dit spørgsmål er ${n.toLocaleString('da-DK')} tegn langt; jeg kan højst læse ${max.toLocaleString('da-DK')}. Prøv at stille det kortere, gerne med de vigtigste fakta (organisation, antal slutbrugere, komponent, leverandør, aftaledato).`,
    failed:
      'Beklager, jeg kunne ikke besvare spørgsmålet lige nu. Prøv igen om lidt, eller spørg en rådgiver.',
    caseOpened: (n: number) => `Sag #${n} er oprettet. En rådgiver svarer her i tråden.`,
    caseExists: (n: number) => `Der er allerede en åben sag (#${n}) for denne samtale.`,
    noAdviser: `Der er ikke sat en rådgiverkanal op her. Kontakt Center for Cybersikkerhed (CFCS) direkte: ${CFCS_URL}`,
    caseClaimed: (n: number, who: string) => `<@${who}> har taget sag #${n} og vender tilbage her.`,
    caseResolved: (n: number, who: string) => `Sag #${n} er afsluttet af <@${who}>.`,
    relayed: (n: number, who: string) => `*Rådgiver <@${who}> (sag #${n}):*`,
    thanks: 'Tak for din feedback.',
    sorry: 'Tak for din feedback. Vil du have en rådgiver til at se på spørgsmålet?',
    unknownAnswer: 'Jeg kan ikke længere finde det svar.',
    badRequest: (what: string) =>
      `Beklager, jeg kunne ikke læse anmodningen fra Slack (${what} mangler eller er ugyldig). Prøv igen.`,
    notAdviser: (ch: string) => `Kun medlemmer af <#${ch}> kan tage og afslutte sager.`,
    alreadyResolved: (n: number) => `Sag #${n} er allerede afsluttet.`,
    claimedByOther: (n: number, who: string) => `Sag #${n} er allerede taget af <@${who}>.`,
    coverageTurn: 'Er vi omfattet?',
    unavailable:
      'Beklager, jeg kan ikke svare lige nu: min database tager ikke imod nye spørgsmål. Slack sender dit spørgsmål igen om lidt; ellers prøv igen senere, eller kontakt CFCS direkte.',
    unreadable:
      'Beklager, jeg kunne ikke læse din besked (et id i den er ugyldigt). Prøv at skrive den igen.',
  },
  en: {
    helpfulA11y: 'The answer was helpful',
    notHelpfulA11y: 'The answer was not helpful',
    whyTitle: 'What went wrong?',
    whyIntro:
      'Thank you for telling us. What was wrong with the answer? It helps those who maintain the knowledge.',
    whyReason: 'What was the problem?',
    whyComment: 'Tell us more (optional)',
    whySubmit: 'Send',
    whyClose: 'Cancel',
    whyDone: 'Close',
    whyNoReason: 'Choose what was wrong.',
    whyTooLong: (max: number) => `At most ${max.toLocaleString('en-GB')} characters.`,
    whyThanks: 'Thank you, it has been noted with the answer.',
    share: 'Share in channel',
    yourQuestion: 'Your question',
    sharedBy: (who: string) => `<@${who}> asked:`,
    shared: 'The answer has been shared in the channel.',
    notInChannel:
      'I cannot post in that channel because I am not a member of it. Invite me with `/invite @leverandorsikkerhed` and try again.',
    shortcutName: 'Ask the supplier-security advisor',
    shortcutNoText: 'That message has no text I can answer.',
    shortcutAsked: (who: string) => `<@${who}> asked me to look at the message above.`,
    assistantGreeting:
      'Hello! Ask me about the Danish act on supplier security in telecom infrastructure (act no. 1156/2021) and the CFCS advice on surveillance cameras, or pick one of the suggestions. I quote the act verbatim, and a human adviser can take over.',
    assistantPromptsTitle: 'Try for example',
    assistantThinking: 'is reading the act…',
    reasoning: 'Reasoning',
    missing: 'It would be decided if you told me',
    sources: 'Sources',
    lawName: 'Act no. 1156 of 8 June 2021',
    answerName: 'Answer to question no. 485 (2022)',
    folded: '… (shortened)',
    showAll: 'Show the full text',
    correctFacts: 'Correct the facts',
    showChecks: 'Show all checks',
    allChecks: 'All checks',
    correctTitle: 'Correct the facts',
    correctSubmit: 'Answer again',
    corrected: (who: string) => `<@${who}> corrected the facts; here is the answer again.`,
    moreCitations: (n: number) => `… and ${n} more source(s).`,
    moreChecks: (n: number) => `… and ${n} more check(s).`,
    asOf: (d: string) => `The law is applied as of ${d}. This is guidance, not a decision.`,
    escalate: 'Ask an adviser',
    helpful: 'Helpful',
    notHelpful: 'Not helpful',
    tooLong: (n: number, max: number) =>
      `Your question is ${n.toLocaleString('en-GB')} characters long; I can read at most ${max.toLocaleString('en-GB')}. Please ask it more briefly, ideally with the key facts (organisation, number of end users, component, supplier, agreement date).`,
    failed: 'Sorry, I could not answer that right now. Please try again shortly, or ask an adviser.',
    caseOpened: (n: number) => `Case #${n} has been opened. An adviser will reply in this thread.`,
    caseExists: (n: number) => `There is already an open case (#${n}) for this conversation.`,
    noAdviser: `No adviser channel is set up here. Please contact the Centre for Cyber Security (CFCS) directly: ${CFCS_URL}`,
    caseClaimed: (n: number, who: string) => `<@${who}> has taken case #${n} and will get back to you here.`,
    caseResolved: (n: number, who: string) => `Case #${n} has been closed by <@${who}>.`,
    relayed: (n: number, who: string) => `*Adviser <@${who}> (case #${n}):*`,
    thanks: 'Thank you for your feedback.',
    sorry: 'Thank you for your feedback. Would you like an adviser to look at the question?',
    unknownAnswer: 'I can no longer find that answer.',
    badRequest: (what: string) =>
      `Sorry, I could not read the request from Slack (${what} is missing or invalid). Please try again.`,
    notAdviser: (ch: string) => `Only members of <#${ch}> can claim and close cases.`,
    alreadyResolved: (n: number) => `Case #${n} is already closed.`,
    claimedByOther: (n: number, who: string) => `Case #${n} has already been taken by <@${who}>.`,
    coverageTurn: 'Are we covered?',
    unavailable:
      'Sorry, I cannot answer right now: my database is not taking new questions. Slack will send your question again shortly; otherwise please try again later, or contact CFCS directly.',
    unreadable: 'Sorry, I could not read your message (an id in it is invalid). Please send it again.',
  },
} as const;

export function usageText(command: string): string {
  return [
    '*Leverandørsikkerhed / supplier security — sådan bruger du mig / how to use me*',
    `• \`${command} <spørgsmål / question>\`: et privat svar / a private answer`,
    `• \`${command} tjek\` / \`${command} check\`: tjek om I er omfattet / check whether you are covered`,
    `• \`${command} hjælp\` / \`${command} help\`: denne hjælp / this help`,
    '• Nævn mig (@) i en kanal eller skriv til mig direkte; svar i tråden for at fortsætte / mention me in a channel or DM me; reply in the thread to continue.',
  ].join('\n');
}

export const EXAMPLE_QUESTIONS = [
  'Vi er en kommune og vil købe overvågningskameraer fra en kinesisk leverandør. Hvad siger CFCS?',
  'Er en teleudbyder med 60.000 slutbrugere omfattet af loven om leverandørsikkerhed?',
  'Hvornår skal vi senest indbringe en afgørelse efter § 7 for domstolene?',
  'We run a backbone network with 80,000 end users and want to buy routers from a new supplier. Does the act apply?',
  'Does the act apply to an existing agreement signed in 2019?',
];

/** The reasons a person can give for a 👎 (store/feedback-reasons.ts), as the modal shows them. */
export const REASON_LABEL: Record<Language, Record<FeedbackReason, string>> = {
  da: {
    wrong_verdict: 'Forkert vurdering',
    misread_facts: 'Mine oplysninger blev læst forkert',
    missing_source: 'Der mangler en kilde',
    hard_to_understand: 'Svært at forstå',
    other: 'Andet',
  },
  en: {
    wrong_verdict: 'Wrong verdict',
    misread_facts: 'My facts were misread',
    missing_source: 'A source is missing',
    hard_to_understand: 'Hard to understand',
    other: 'Other',
  },
};

/**
 * The suggested prompts of a new thread in the assistant pane (at most four): a camera purchase, whether
 * one is covered, the court deadline, and a human adviser.
 */
export const ASSISTANT_PROMPTS: Record<Language, { title: string; message: string }[]> = {
  da: [
    {
      title: 'Køb af overvågningskameraer',
      message:
        'Vi er en kommune og vil købe overvågningskameraer fra en kinesisk leverandør. Hvad siger CFCS?',
    },
    {
      title: 'Er vi omfattet af loven?',
      message: 'Er en teleudbyder med 60.000 slutbrugere omfattet af loven om leverandørsikkerhed?',
    },
    {
      title: 'Frist for domstolene',
      message: 'Hvornår skal vi senest indbringe en afgørelse efter § 7 for domstolene?',
    },
    { title: 'Tal med en rådgiver', message: 'Jeg vil gerne tale med en rådgiver.' },
  ],
  en: [
    {
      title: 'Buying surveillance cameras',
      message:
        'We are a municipality and want to buy surveillance cameras from a Chinese supplier. What does CFCS say?',
    },
    {
      title: 'Are we covered by the act?',
      message: 'Is a telecom provider with 60,000 end users covered by the supplier-security act?',
    },
    {
      title: 'Deadline for the courts',
      message: 'When must we bring a decision under § 7 before the courts at the latest?',
    },
    { title: 'Talk to an adviser', message: 'I would like to talk to a human adviser.' },
  ],
};

/** What was asked (the answer contract's topics), for the adviser desk's figures. */
export const TOPIC_LABEL: Record<Language, Record<Topic, string>> = {
  da: {
    provider_status: 'Er vi omfattet',
    agreement: 'Aftaler',
    equipment_purchase: 'Køb af udstyr',
    procedure: 'Procedure',
    guidance: 'Vejledning',
    escalation_request: 'Ønsker en rådgiver',
    out_of_scope: 'Uden for emnet',
  },
  en: {
    provider_status: 'Are we covered',
    agreement: 'Agreements',
    equipment_purchase: 'Buying equipment',
    procedure: 'Procedure',
    guidance: 'Guidance',
    escalation_request: 'Wants an adviser',
    out_of_scope: 'Out of scope',
  },
};
