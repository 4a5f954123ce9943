/**
 * What was read, shown compactly so the person can see it and correct it:
 * "Jeg har forstået: kommune · overvågningskameraer · Hikvision (Kina, fra registret) · Danmark (antaget)".
 */
import type { Answer, Language, Reading } from '../../guardrails/contract.js';
import { registers } from '../../knowledge/registers.js';
import { H } from './texts.js';

const ORG: Record<string, Record<Language, string>> = {
  telecom_provider: { da: 'teleudbyder', en: 'telecom provider' },
  municipality: { da: 'kommune', en: 'municipality' },
  region: { da: 'region', en: 'region' },
  state_authority: { da: 'statslig myndighed', en: 'state authority' },
  radio_tv: { da: 'radio/tv-station', en: 'radio/TV station' },
  company: { da: 'virksomhed', en: 'company' },
  other: { da: 'anden organisation', en: 'other organisation' },
};
const TERRITORY: Record<string, Record<Language, string>> = {
  DK: { da: 'Danmark', en: 'Denmark' },
  FO: { da: 'Færøerne', en: 'the Faroe Islands' },
  GL: { da: 'Grønland', en: 'Greenland' },
};
const SOURCE: Record<Reading['source'], Record<Language, string>> = {
  said: { da: '', en: '' },
  assumed: { da: 'antaget', en: 'assumed' },
  register: { da: 'fra registret', en: 'from the register' },
  corrected: { da: 'rettet', en: 'corrected' },
};
const LEAD: Record<Language, string> = { da: 'Jeg har forstået', en: 'I have understood' };

function countryName(code: string, lang: Language): string {
  try {
    const c = registers().country(code);
    if (c) return lang === 'da' ? c.name_da : c.name_en;
  } catch {
    // the register is validated at start; a name is only a label here
  }
  return code;
}

/** One reading as a person says it. */
export function readingLabel(r: Reading, lang: Language): string {
  const n = (v: unknown) => Number(v).toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB');
  const yesNo = (v: unknown) => (v ? (lang === 'da' ? 'ja' : 'yes') : lang === 'da' ? 'nej' : 'no');
  switch (r.fact) {
    case 'organisation_type':
      return ORG[String(r.value)]?.[lang] ?? String(r.value);
    case 'end_users':
      return `${n(r.value)} ${lang === 'da' ? 'slutbrugere' : 'end users'}`;
    case 'state_end_users':
      return `${n(r.value)} ${lang === 'da' ? 'via statsaftaler' : 'through state agreements'}`;
    case 'nationwide_public_service':
      return `${lang === 'da' ? 'landsdækkende public service' : 'nationwide public service'}: ${yesNo(r.value)}`;
    case 'component':
      return H.component[String(r.value) as keyof typeof H.component]?.[lang] ?? String(r.value);
    case 'supplier_country':
      return countryName(String(r.value), lang);
    case 'territory':
      return TERRITORY[String(r.value)]?.[lang] ?? String(r.value);
    case 'agreement_status':
      return r.value === 'existing'
        ? lang === 'da'
          ? 'eksisterende aftale'
          : 'existing agreement'
        : lang === 'da'
          ? 'ny aftale'
          : 'new agreement';
    case 'agreement_date':
      return `${lang === 'da' ? 'aftale' : 'agreement'} ${r.value}`;
    case 'decision_date':
      return `${lang === 'da' ? 'afgørelse meddelt' : 'decision notified'} ${r.value}`;
    case 'wants_human':
      return `${lang === 'da' ? 'ønsker en rådgiver' : 'wants an adviser'}: ${yesNo(r.value)}`;
    default:
      return String(r.value);
  }
}

/** The line "Jeg har forstået: …", or '' when nothing was read. */
export function understoodLine(a: Pick<Answer, 'understood' | 'language'>): string {
  const lang = a.language;
  if (!a.understood.length) return '';
  const parts = a.understood.map((r) => {
    const how = SOURCE[r.source][lang];
    return how ? `${readingLabel(r, lang)} (${how})` : readingLabel(r, lang);
  });
  return `${LEAD[lang]}: ${parts.join(' · ')}`;
}
