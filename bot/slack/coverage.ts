/**
 * The coverage-check modal (`callback_id` `coverage_check`): one input per fact of the answer contract,
 * and the validation of a submission into Facts, or errors keyed by the offending input's block_id.
 */
import type { types } from '@slack/bolt';
import countries from 'i18n-iso-countries';
import { z } from 'zod';
import type { Language } from '../../guardrails/contract.js';
import {
  COMPONENTS,
  type Facts,
  FactsSchema,
  ORGANISATION_TYPES,
  TERRITORIES,
} from '../../guardrails/facts.js';
import { FACT_LABEL } from './texts.js';

export const COVERAGE_CALLBACK_ID = 'coverage_check';
export const FIELD_ACTION = 'value';

export const COVERAGE_FIELDS = [
  'organisation_type',
  'end_users',
  'state_end_users',
  'nationwide_public_service',
  'component',
  'supplier',
  'supplier_country',
  'agreement_date',
  'agreement_status',
  'territory',
] as const;
export type CoverageField = (typeof COVERAGE_FIELDS)[number];

export const OPTION_LABEL: Record<Language, Record<string, string>> = {
  da: {
    telecom_provider: 'Teleudbyder',
    municipality: 'Kommune',
    region: 'Region',
    state_authority: 'Statslig myndighed',
    radio_tv: 'Radio/tv-station',
    company: 'Virksomhed',
    other: 'Andet',
    core_network: 'Kernenet',
    backbone_router: 'Backbone-router',
    backbone_server: 'Backbone-server',
    oss_bss_nms: 'OSS/BSS/NMS',
    ran_control: 'Styring af radionet (RAN)',
    operations_service: 'Drift af nettet (service)',
    surveillance_camera: 'Overvågningskamera',
    customer_equipment: 'Kundeudstyr',
    office_it: 'Kontor-IT',
    yes: 'Ja',
    no: 'Nej',
    new: 'Ny (ikke indgået endnu)',
    existing: 'Eksisterende',
    DK: 'Danmark',
    FO: 'Færøerne',
    GL: 'Grønland',
  },
  en: {
    telecom_provider: 'Telecom provider',
    municipality: 'Municipality',
    region: 'Region',
    state_authority: 'State authority',
    radio_tv: 'Radio/TV station',
    company: 'Company',
    other: 'Other',
    core_network: 'Core network',
    backbone_router: 'Backbone router',
    backbone_server: 'Backbone server',
    oss_bss_nms: 'OSS/BSS/NMS',
    ran_control: 'Radio network control (RAN)',
    operations_service: 'Network operations (service)',
    surveillance_camera: 'Surveillance camera',
    customer_equipment: 'Customer equipment',
    office_it: 'Office IT',
    yes: 'Yes',
    no: 'No',
    new: 'New (not yet entered)',
    existing: 'Existing',
    DK: 'Denmark',
    FO: 'Faroe Islands',
    GL: 'Greenland',
  },
};

const SELECT_OPTIONS: Partial<Record<CoverageField, readonly string[]>> = {
  organisation_type: ORGANISATION_TYPES,
  nationwide_public_service: ['yes', 'no'],
  component: COMPONENTS,
  agreement_status: ['new', 'existing'],
  territory: TERRITORIES,
};

const HINT: Record<Language, Partial<Record<CoverageField, string>>> = {
  da: {
    end_users: 'Et helt tal, fx 60000',
    state_end_users: 'Et helt tal, fx 800',
    supplier_country: 'To bogstaver (ISO 3166-1), fx SE eller CN',
    agreement_date: 'ÅÅÅÅ-MM-DD, fx 2021-03-15',
  },
  en: {
    end_users: 'A whole number, e.g. 60000',
    state_end_users: 'A whole number, e.g. 800',
    supplier_country: 'Two letters (ISO 3166-1), e.g. SE or CN',
    agreement_date: 'YYYY-MM-DD, e.g. 2021-03-15',
  },
};

const ERR = {
  da: {
    integer: 'Skriv et helt tal på 0 eller derover, fx 60000.',
    country: 'Skriv landekoden med to bogstaver (ISO 3166-1), fx SE eller CN.',
    dateFormat: 'Skriv datoen som ÅÅÅÅ-MM-DD, fx 2021-03-15.',
    dateImpossible: 'Den dato findes ikke.',
    supplier: 'Leverandørens navn må højst være 200 tegn.',
  },
  en: {
    integer: 'Enter a whole number of 0 or more, e.g. 60000.',
    country: 'Enter the two-letter country code (ISO 3166-1), e.g. SE or CN.',
    dateFormat: 'Enter the date as YYYY-MM-DD, e.g. 2021-03-15.',
    dateImpossible: 'That date does not exist.',
    supplier: "The supplier's name may be at most 200 characters.",
  },
} as const;

const opt = (lang: Language, v: string): types.PlainTextOption => ({
  text: { type: 'plain_text', text: (OPTION_LABEL[lang][v] ?? v).slice(0, 75) },
  value: v,
});

/** Metadata the modal carries to its submission. */
/**
 * Metadata the modal carries to its submission. A correction ("Ret oplysninger" on an answer) also carries
 * the thread it answers in and the answer it corrects.
 */
export const CoverageMeta = z.object({
  lang: z.enum(['da', 'en']),
  channel: z.string().optional(),
  threadTs: z.string().optional(),
  answerId: z.string().optional(),
});
export type CoverageMeta = z.infer<typeof CoverageMeta>;

/** A fact as the form shows it: the option's value, or the text. */
function initialText(field: CoverageField, facts: Facts): string | undefined {
  const v = facts[field];
  if (v === undefined) return undefined;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

/** The coverage form; prefilled with `initial` when it corrects an answer's facts. */
export function coverageModal(meta: CoverageMeta, initial: Facts = {}): types.ModalView {
  const lang = meta.lang;
  const correcting = meta.answerId !== undefined;
  const blocks: types.InputBlock[] = COVERAGE_FIELDS.map((field) => {
    const options = SELECT_OPTIONS[field];
    const label = { type: 'plain_text' as const, text: FACT_LABEL[lang][field] };
    const start = initialText(field, initial);
    const element: types.InputBlockElement =
      options !== undefined
        ? {
            type: 'static_select',
            action_id: FIELD_ACTION,
            options: options.map((o) => opt(lang, o)),
            ...(start !== undefined && options.includes(start) ? { initial_option: opt(lang, start) } : {}),
          }
        : {
            type: 'plain_text_input',
            action_id: FIELD_ACTION,
            max_length: field === 'supplier' ? 200 : 20,
            ...(start !== undefined
              ? { initial_value: start.slice(0, field === 'supplier' ? 200 : 20) }
              : {}),
            ...(HINT[lang][field]
              ? { placeholder: { type: 'plain_text' as const, text: HINT[lang][field]! } }
              : {}),
          };
    return { type: 'input', block_id: field, optional: true, label, element };
  });
  const title = correcting
    ? lang === 'da'
      ? 'Ret oplysninger'
      : 'Correct the facts'
    : lang === 'da'
      ? 'Er vi omfattet?'
      : 'Are we covered?';
  const submit = correcting
    ? lang === 'da'
      ? 'Svar igen'
      : 'Answer again'
    : lang === 'da'
      ? 'Tjek'
      : 'Check';
  return {
    type: 'modal',
    callback_id: COVERAGE_CALLBACK_ID,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: title },
    submit: { type: 'plain_text', text: submit },
    close: { type: 'plain_text', text: lang === 'da' ? 'Annullér' : 'Cancel' },
    blocks,
  };
}

/** The part of `view.state.values` we read: block_id → action_id → value. */
export const ViewValues = z.record(
  z.string(),
  z.record(
    z.string(),
    z.object({
      type: z.string(),
      value: z.string().nullish(),
      selected_option: z.object({ value: z.string() }).nullish(),
    }),
  ),
);

export type CoverageResult =
  | { ok: true; facts: Facts }
  | { ok: false; errors: Partial<Record<CoverageField, string>> };

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Reads the submitted values; every text input is validated, errors are named per field. */
export function parseCoverage(values: unknown, lang: Language): CoverageResult {
  const parsed = ViewValues.safeParse(values);
  const v = parsed.success ? parsed.data : {};
  const err = ERR[lang];
  const errors: Partial<Record<CoverageField, string>> = {};
  const raw: Record<string, unknown> = {};
  for (const field of COVERAGE_FIELDS) {
    const cell = v[field]?.[FIELD_ACTION];
    const text = (cell?.selected_option?.value ?? cell?.value ?? '').trim();
    if (text === '') continue;
    switch (field) {
      case 'end_users':
      case 'state_end_users': {
        const digits = /^\d{1,3}([.,\s]\d{3})+$/.test(text) ? text.replace(/[.,\s]/g, '') : text;
        if (!/^\d{1,12}$/.test(digits)) errors[field] = err.integer;
        else raw[field] = Number(digits);
        break;
      }
      case 'nationwide_public_service':
        raw[field] = text === 'yes';
        break;
      case 'supplier_country': {
        const code = text.toUpperCase();
        if (!/^[A-Z]{2}$/.test(code) || !countries.isValid(code)) errors[field] = err.country;
        else raw[field] = code;
        break;
      }
      case 'agreement_date':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) errors[field] = err.dateFormat;
        else if (!isRealDate(text)) errors[field] = err.dateImpossible;
        else raw[field] = text;
        break;
      case 'supplier':
        if (text.length > 200) errors[field] = err.supplier;
        else raw[field] = text;
        break;
      default:
        raw[field] = text;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const facts = FactsSchema.safeParse(raw);
  if (!facts.success) {
    const issue = facts.error.issues[0];
    const field = (issue?.path[0] as CoverageField | undefined) ?? 'organisation_type';
    return { ok: false, errors: { [field]: issue?.message ?? 'invalid' } };
  }
  return { ok: true, facts: facts.data };
}
