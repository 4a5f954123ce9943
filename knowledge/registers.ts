/**
 * The registers of suppliers and countries: editable YAML data in `knowledge/registers/`, validated
 * with zod at load, each row and each claim with its source. Country names come from the
 * i18n-iso-countries package (Danish and English), never from the YAML.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import countryNames from 'i18n-iso-countries';
import { z } from 'zod';
import { KnowledgeLoadError } from './load-error.js';
import { KNOWLEDGE_DIR } from './paths.js';
import { readYaml, zodIssue } from './yaml.js';

export { KnowledgeLoadError } from './load-error.js';

const require = createRequire(import.meta.url);
countryNames.registerLocale(require('i18n-iso-countries/langs/da.json'));
countryNames.registerLocale(require('i18n-iso-countries/langs/en.json'));

export const REGISTERS_DIR = join(KNOWLEDGE_DIR, 'registers');

/** A statement the register makes, with where it comes from (a URL or a document name). */
export interface Claim<T> {
  value: T;
  source: string;
}

export const SUPPLIER_KINDS = [
  'surveillance_camera',
  'video_management_software',
  'core_network',
  'ran',
  'ran_control',
  'backbone_router',
  'oss_bss',
  'customer_equipment',
  'handset',
  'enterprise_network',
] as const;
export type SupplierKind = (typeof SUPPLIER_KINDS)[number];

export interface Supplier {
  id: string;
  name: string;
  aliases: string[];
  /** ISO 3166-1 alpha-2 code of the country of domicile. */
  country: string;
  /** § 2, stk. 2, nr. 3: directly or indirectly controlled by a foreign state's bodies, military included. */
  state_controlled: Claim<boolean> | null;
  /** § 2, stk. 2, nr. 4: only with a public, citable source; usually null. */
  harmful_activity: Claim<boolean> | null;
  /** What the supplier delivers, e.g. `['surveillance_camera']`, `['core_network', 'ran_control']`. */
  kind: string[];
  notes: string;
  source: string;
}

export interface Country {
  code: string;
  name_da: string;
  name_en: string;
  /** Other Danish/English names and demonyms (`kinesisk`, `Chinese`), beside the package's names. */
  aliases: string[];
  eu: boolean;
  nato: boolean;
  /** Inside Denmark's security-policy circle (EU or NATO member, unless overridden with a source). */
  security_circle: boolean;
  /** § 2, stk. 2, nr. 2: national law can compel suppliers to take part in espionage or sabotage. */
  compels_intelligence_cooperation: Claim<boolean | null>;
  /** The sources of the row's claims, joined. */
  source: string;
  /** Each membership claim with its own source. */
  claims: { eu: Claim<boolean>; nato: Claim<boolean>; security_circle: Claim<boolean> };
}

export interface Registers {
  suppliers: readonly Supplier[];
  countries: readonly Country[];
  /** Case-insensitive, by name or alias. */
  supplierByName(name: string): Supplier | undefined;
  country(code: string): Country | undefined;
  /** Danish or English name or alias, case-insensitive. */
  countryByName(name: string): Country | undefined;
}

const text = z.string().trim().min(1, 'must not be empty');
const claimOf = <T extends z.ZodType>(value: T) => z.strictObject({ value, source: text });

const SupplierSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes'),
  name: text,
  aliases: z.array(text),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
  state_controlled: claimOf(z.boolean()).nullable(),
  harmful_activity: claimOf(z.boolean()).nullable(),
  kind: z.array(z.enum(SUPPLIER_KINDS)).min(1),
  notes: z.string(),
  source: text,
});
const SuppliersFileSchema = z.strictObject({
  citations: z.record(z.string(), text).optional(),
  suppliers: z.array(SupplierSchema).min(1),
});

const CountrySchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
  name_en: text.optional(),
  aliases: z.array(text),
  eu: claimOf(z.boolean()),
  nato: claimOf(z.boolean()),
  security_circle: claimOf(z.boolean()).optional(),
  compels_intelligence_cooperation: claimOf(z.boolean().nullable()),
});
const CountriesFileSchema = z.strictObject({
  citations: z.record(z.string(), text).optional(),
  countries: z.array(CountrySchema).min(1),
});

/** Names compare case-insensitively on letters and digits only: `Hik Vision` = `Hik-Vision` = `hikvision`. */
const key = (s: string) => s.toLocaleLowerCase('da').replace(/[^\p{L}\p{N}]+/gu, '');

function allNames(code: string, lang: 'da' | 'en'): string[] {
  return countryNames.getName(code, lang, { select: 'all' }) ?? [];
}

export function loadRegisters(dir: string = REGISTERS_DIR): Registers {
  const countriesFile = join(dir, 'countries.yaml');
  const cParsed = CountriesFileSchema.safeParse(readYaml(countriesFile));
  if (!cParsed.success) throw zodIssue(countriesFile, cParsed.error);
  const countries: Country[] = [];
  const countryByKey = new Map<string, Country>();
  const byCode = new Map<string, Country>();
  cParsed.data.countries.forEach((row, i) => {
    const at = `countries.${i}`;
    if (!countryNames.isValid(row.code)) {
      throw new KnowledgeLoadError(
        countriesFile,
        `${at}.code`,
        `"${row.code}" is not an ISO 3166-1 alpha-2 code`,
      );
    }
    if (byCode.has(row.code))
      throw new KnowledgeLoadError(countriesFile, `${at}.code`, `${row.code} listed twice`);
    const da = allNames(row.code, 'da');
    const en = allNames(row.code, 'en');
    if (row.name_en !== undefined && !en.includes(row.name_en)) {
      throw new KnowledgeLoadError(
        countriesFile,
        `${at}.name_en`,
        `"${row.name_en}" is not one of the English names of ${row.code}: ${en.join(', ')}`,
      );
    }
    const security: Claim<boolean> = row.security_circle ?? {
      value: row.eu.value || row.nato.value,
      source:
        [row.eu.value ? row.eu.source : '', row.nato.value ? row.nato.source : '']
          .filter(Boolean)
          .join('; ') || `Neither EU nor NATO member: ${row.eu.source}; ${row.nato.source}`,
    };
    const sources = [
      row.eu.source,
      row.nato.source,
      row.security_circle?.source,
      row.compels_intelligence_cooperation.source,
    ];
    const country: Country = {
      code: row.code,
      name_da: da[0] ?? row.code,
      name_en: row.name_en ?? en[0] ?? row.code,
      aliases: row.aliases,
      eu: row.eu.value,
      nato: row.nato.value,
      security_circle: security.value,
      compels_intelligence_cooperation: row.compels_intelligence_cooperation,
      source: [...new Set(sources.filter((x): x is string => !!x))].join('; '),
      claims: { eu: row.eu, nato: row.nato, security_circle: security },
    };
    byCode.set(row.code, country);
    countries.push(country);
    for (const [j, name] of [...da, ...en, ...row.aliases].entries()) {
      const other = countryByKey.get(key(name));
      if (other && other !== country) {
        const field =
          j >= da.length + en.length ? `${at}.aliases.${j - da.length - en.length}` : `${at}.code`;
        throw new KnowledgeLoadError(countriesFile, field, `"${name}" already names ${other.code}`);
      }
      countryByKey.set(key(name), country);
    }
  });

  const suppliersFile = join(dir, 'suppliers.yaml');
  const sParsed = SuppliersFileSchema.safeParse(readYaml(suppliersFile));
  if (!sParsed.success) throw zodIssue(suppliersFile, sParsed.error);
  const suppliers: Supplier[] = [];
  const supplierByKey = new Map<string, Supplier>();
  const ids = new Set<string>();
  sParsed.data.suppliers.forEach((row, i) => {
    const at = `suppliers.${i}`;
    if (ids.has(row.id)) throw new KnowledgeLoadError(suppliersFile, `${at}.id`, `"${row.id}" listed twice`);
    ids.add(row.id);
    if (!byCode.has(row.country)) {
      throw new KnowledgeLoadError(suppliersFile, `${at}.country`, `${row.country} is not in countries.yaml`);
    }
    const supplier: Supplier = { ...row, kind: [...row.kind] };
    suppliers.push(supplier);
    for (const [j, name] of [row.name, ...row.aliases].entries()) {
      const other = supplierByKey.get(key(name));
      if (other && other !== supplier) {
        const field = j === 0 ? `${at}.name` : `${at}.aliases.${j - 1}`;
        throw new KnowledgeLoadError(suppliersFile, field, `"${name}" already names ${other.id}`);
      }
      supplierByKey.set(key(name), supplier);
    }
  });

  return {
    suppliers,
    countries,
    supplierByName: (name) => (key(name) ? supplierByKey.get(key(name)) : undefined),
    country: (code) => byCode.get(code.trim().toUpperCase()),
    countryByName: (name) => {
      const k = key(name);
      if (!k) return undefined;
      // Danish inflects: `kinesiske`, `svenske` are forms of the aliases `kinesisk`, `svensk`; `Kinas`,
      // `Sveriges` are genitives of `Kina`, `Sverige`.
      return (
        countryByKey.get(k) ??
        (k.endsWith('ske') ? countryByKey.get(k.slice(0, -1)) : undefined) ??
        (k.endsWith('s') ? countryByKey.get(k.slice(0, -1)) : undefined)
      );
    },
  };
}

let cached: Registers | undefined;
/** The project's registers, loaded on first use (or at start, by `preloadRegisters`). */
export function registers(): Registers {
  cached ??= loadRegisters();
  return cached;
}

/**
 * Loads and validates the registers in `dir` now, and makes them the ones `registers()` returns; a missing
 * or broken file throws a KnowledgeLoadError naming the file and row. For the start of the bot, so a broken
 * register stops the start instead of the first question.
 */
export function preloadRegisters(dir: string = REGISTERS_DIR): Registers {
  cached = loadRegisters(dir);
  return cached;
}
