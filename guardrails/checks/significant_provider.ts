/**
 * significant_provider: is the organisation a "væsentlig erhvervsmæssig udbyder af offentligt
 * tilgængelige elektroniske kommunikationsnet og -tjenester" (§ 1, nr. 3)?
 *
 * Quoted statute text is marked `// >` and is verbatim (a test checks it against the official text).
 */
import { type Bound, boundWords, moreThan } from '../bounds.js';
import type { FactKey, Facts } from '../facts.js';
import { END_USERS_THRESHOLD, STATE_END_USERS_THRESHOLD, valueAt } from '../params.js';
import { type CheckTrace, formatNumber, unique } from './types.js';

const NR_3 = '§ 1, nr. 3';
const LITRA_A = '§ 1, nr. 3, litra a';
const LITRA_B = '§ 1, nr. 3, litra b';
export const REFS = [NR_3, LITRA_A, LITRA_B] as const;

// § 1, nr. 3
// > Væsentlig erhvervsmæssig udbyder af offentligt tilgængelige elektroniske kommunikationsnet og -tjenester:
//
// Only a provider of public networks or services can be one. A municipality, a region or a state body
// running a network for its own use, or a company buying equipment for itself, is not.
const NOT_PROVIDERS = {
  municipality: { da: 'En kommune', en: 'A municipality' },
  region: { da: 'En region', en: 'A region' },
  state_authority: { da: 'En statslig myndighed', en: 'A state authority' },
  company: { da: 'Virksomheden', en: 'The company' },
  other: { da: 'Organisationen', en: 'The organisation' },
} as const;

type Leg = { result: 'yes' | 'no' | 'unknown'; used: FactKey[]; missing?: FactKey[]; da: string; en: string };

// § 1, nr. 3, litra a
// > Udbyder af net, hvor disse net anvendes af mere end 50.000 slutbrugere. Ved opgørelsen medregnes de
// > slutbrugere, der har aftaleforhold med udbyderens kunder. Radio- og tv-stationer, der er udbydere af
// > net, er kun omfattet, hvis de har landsdækkende public service-forpligtelser.
//
// `end_users` already includes the customers' end users (wholesale): extraction adds them up.
function litraA(facts: Facts, asOf: string, bound?: Bound): Leg {
  const threshold = valueAt(END_USERS_THRESHOLD, asOf);
  if (facts.organisation_type === 'radio_tv' && facts.nationwide_public_service === false) {
    return {
      result: 'no',
      used: ['organisation_type', 'nationwide_public_service'],
      da: 'en radio- eller tv-station uden landsdækkende public service-forpligtelser er ikke omfattet af litra a',
      en: 'a radio or TV station without nationwide public service obligations is not covered by litra a',
    };
  }
  // A station whose obligations are not said to be nationwide ("vi har public service-forpligtelser"):
  // the qualifier decides, so it is asked, unless the count alone already rules litra a out.
  if (
    facts.organisation_type === 'radio_tv' &&
    facts.nationwide_public_service === undefined &&
    !(
      facts.end_users !== undefined &&
      !(moreThan(facts.end_users, bound, valueAt(END_USERS_THRESHOLD, asOf)) ?? true)
    )
  ) {
    return {
      result: 'unknown',
      used: ['organisation_type'],
      missing: ['nationwide_public_service'],
      da: 'det er ikke oplyst, om radio- eller tv-stationens public service-forpligtelser er landsdækkende',
      en: "it is not known whether the station's public service obligations are nationwide",
    };
  }
  const n = facts.end_users;
  if (n === undefined) {
    return {
      result: 'unknown',
      used: [],
      da: 'antallet af slutbrugere er ikke oplyst',
      en: 'the number of end users is not known',
    };
  }
  const used: FactKey[] =
    facts.organisation_type === 'radio_tv'
      ? ['organisation_type', 'nationwide_public_service', 'end_users']
      : ['end_users'];
  const [dn, en, dt, et] = [
    boundWords(bound, 'da') + formatNumber(n, 'da'),
    boundWords(bound, 'en') + formatNumber(n, 'en'),
    formatNumber(threshold, 'da'),
    formatNumber(threshold, 'en'),
  ];
  const more = moreThan(n, bound, threshold);
  if (more === undefined)
    return {
      result: 'unknown',
      used: [],
      da: `${dn} slutbrugere kan være både mere og ikke mere end ${dt}`,
      en: `${en} end users may be more or not more than ${et}`,
    };
  return more
    ? {
        result: 'yes',
        used,
        da: `${dn} slutbrugere er mere end ${dt}`,
        en: `${en} end users is more than ${et}`,
      }
    : {
        result: 'no',
        used,
        da: `${dn} slutbrugere er ikke mere end ${dt}`,
        en: `${en} end users is not more than ${et}`,
      };
}

// § 1, nr. 3, litra b
// > Udbyder, der gennem aftaler med statslige myndigheder og institutioner betjener mere end 500
// > slutbrugere. Ved opgørelsen medregnes de statslige myndigheders og institutioners egne slutbrugere.
//
// Municipalities and regions are not state authorities: their staff are not counted (extraction gives
// `state_end_users` only for state bodies, and 0 when the person says there are no state agreements).
function litraB(facts: Facts, asOf: string, bound?: Bound): Leg {
  const threshold = valueAt(STATE_END_USERS_THRESHOLD, asOf);
  const n = facts.state_end_users;
  if (n === undefined) {
    return {
      result: 'unknown',
      used: [],
      da: 'antallet af slutbrugere via aftaler med statslige myndigheder er ikke oplyst',
      en: 'the number of end users served through agreements with state bodies is not known',
    };
  }
  const [dn, en, dt, et] = [
    boundWords(bound, 'da') + formatNumber(n, 'da'),
    boundWords(bound, 'en') + formatNumber(n, 'en'),
    formatNumber(threshold, 'da'),
    formatNumber(threshold, 'en'),
  ];
  const more = moreThan(n, bound, threshold);
  if (more === undefined)
    return {
      result: 'unknown',
      used: [],
      da: `${dn} slutbrugere via aftaler med statslige myndigheder kan være både mere og ikke mere end ${dt}`,
      en: `${en} end users served through agreements with state bodies may be more or not more than ${et}`,
    };
  return more
    ? {
        result: 'yes',
        used: ['state_end_users'],
        da: `${dn} slutbrugere via aftaler med statslige myndigheder er mere end ${dt}`,
        en: `${en} end users served through agreements with state bodies is more than ${et}`,
      }
    : {
        result: 'no',
        used: ['state_end_users'],
        da: `${dn} slutbrugere via aftaler med statslige myndigheder er ikke mere end ${dt}`,
        en: `${en} end users served through agreements with state bodies is not more than ${et}`,
      };
}

// Counts said with a bound ("over …", "knap …"): see guardrails/bounds.ts.
export type CountBounds = Partial<Record<'end_users' | 'state_end_users', Bound>>;

export function significantProvider(facts: Facts, asOf: string, bounds: CountBounds = {}): CheckTrace {
  const org = facts.organisation_type;
  if (org !== undefined && org !== 'telecom_provider' && org !== 'radio_tv') {
    const who = NOT_PROVIDERS[org];
    return {
      id: 'significant_provider',
      result: 'no',
      citations: [NR_3],
      facts_used: ['organisation_type'],
      missing: [],
      detail: {
        da: `${who.da} er ikke udbyder af offentligt tilgængelige elektroniske kommunikationsnet eller -tjenester`,
        en: `${who.en} is not a provider of publicly available electronic communications networks or services`,
      },
    };
  }
  // A telecom provider or radio/TV station, or (type unknown) someone asking with end-user numbers:
  // read as a provider.
  const a = litraA(facts, asOf, bounds.end_users);
  const b = litraB(facts, asOf, bounds.state_end_users);
  const base = { id: 'significant_provider' as const, missing: [] as FactKey[] };
  if (a.result === 'yes' || b.result === 'yes') {
    const legs = [
      a.result === 'yes' ? ([LITRA_A, a] as const) : null,
      b.result === 'yes' ? ([LITRA_B, b] as const) : null,
    ].filter((x) => x !== null);
    return {
      ...base,
      result: 'yes',
      citations: legs.map(([ref]) => ref),
      facts_used: unique(legs.flatMap(([, l]) => l.used)),
      detail: { da: legs.map(([, l]) => l.da).join(', og '), en: legs.map(([, l]) => l.en).join(', and ') },
    };
  }
  if (a.result === 'no' && b.result === 'no') {
    return {
      ...base,
      result: 'no',
      citations: [LITRA_A, LITRA_B],
      facts_used: unique([...a.used, ...b.used]),
      detail: { da: `${a.da}, og ${b.da}`, en: `${a.en}, and ${b.en}` },
    };
  }
  // Undecided: litra a waits for the end-user count; otherwise only litra b can still help.
  const missing: FactKey[] = a.result === 'unknown' ? (a.missing ?? ['end_users']) : ['state_end_users'];
  return {
    ...base,
    result: 'unknown',
    citations: b.result === 'unknown' && a.result === 'unknown' ? [LITRA_A] : [LITRA_A, LITRA_B],
    facts_used: unique([...a.used, ...b.used]),
    missing,
    detail: { da: `${a.da}, og ${b.da}`, en: `${a.en}, and ${b.en}` },
  };
}
