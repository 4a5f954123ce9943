/**
 * The plain-language explainers: every ref they name exists, every unit has one in Danish and in
 * English of two to four sentences, and none names a number, date, duration, court, authority or other
 * body that its unit's text does not (no explainer can say more than the law). A unit's text includes
 * its children's; an English explainer may rely on the Danish text or on the unit's English rendering.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { EXPLAINERS_DIR, explainerFile, loadExplainers } from '../../knowledge/explainers.js';
import { KnowledgeLoadError, knowledge, type Unit } from '../../knowledge/index.js';
import { SOURCE_IDS, type SourceId } from '../../knowledge/types.js';

const kb = knowledge();
const explainers = loadExplainers();
const LANGS = ['da', 'en'] as const;
type Lang = (typeof LANGS)[number];

// ---- sentences ---------------------------------------------------------------------------------

/** Abbreviations whose full stop ends no sentence (`stk. 2`, `bl.a.`, `cf. chapter 31`). */
const ABBREVIATIONS =
  /(?<![\p{L}])(?:stk|nr|pkt|jf|cf|no|nos|fx|mv|dvs|ca|art|kap|alm|etc|bl\.a|m\.v|f\.eks|e\.g|i\.e)\./giu;

/**
 * Sentence ends: `.`, `!` or `?` (after any closing quote or bracket) followed by the end or by a
 * capital, a digit or `§` (a Danish ordinal, `den 1. juli`, is followed by a small letter).
 */
function countSentences(s: string): number {
  const masked = s.replace(ABBREVIATIONS, (m) => m.replaceAll('.', '\u00b7'));
  return (masked.trim().match(/[.!?]+["”’')]*(?=\s+["“„(]?[\p{Lu}\d§]|\s*$)/gu) ?? []).length;
}

// ---- numbers, durations and dates ---------------------------------------------------------------

/** Number words, per language (from two: `en`/`et`/`one` are mostly articles and pronouns). */
const NUMBER_WORDS: Record<Lang, Record<string, string>> = {
  da: {
    to: '2',
    tre: '3',
    fire: '4',
    fem: '5',
    seks: '6',
    syv: '7',
    otte: '8',
    ni: '9',
    ti: '10',
    elleve: '11',
    tolv: '12',
    tyve: '20',
    hundrede: '×100',
    tusind: '×1000',
    tusinde: '×1000',
    million: '×1000000',
    millioner: '×1000000',
  },
  en: {
    two: '2',
    three: '3',
    four: '4',
    five: '5',
    six: '6',
    seven: '7',
    eight: '8',
    nine: '9',
    ten: '10',
    eleven: '11',
    twelve: '12',
    twenty: '20',
    hundred: '×100',
    hundreds: '×100',
    thousand: '×1000',
    thousands: '×1000',
    million: '×1000000',
    millions: '×1000000',
  },
};
/** A regex source matching one of the `|`-separated words as a whole word, optionally as a group. */
const word = (alternatives: string, capture = false) =>
  `(?<![\\p{L}\\p{N}])(${capture ? '' : '?:'}${alternatives})(?![\\p{L}\\p{N}])`;
const NUMBER = (lang: Lang) =>
  new RegExp(`\\d{1,3}(?:[.,]\\d{3})+(?!\\d)|\\d+|${word(Object.keys(NUMBER_WORDS[lang]).join('|'))}`, 'giu');

/** The numbers a text names, normalised: `50.000` = `50,000` = `50000`, `tre` = `three` = `3`. */
function numbers(s: string, lang: Lang): Set<string> {
  return new Set(
    [...s.matchAll(NUMBER(lang))].map(([m]) => {
      const w = NUMBER_WORDS[lang][m.toLowerCase()];
      return w ?? String(Number(m.replace(/[.,]/g, '')));
    }),
  );
}

const UNITS: Record<Lang, [RegExp, string][]> = {
  da: [
    [/^måned(?:er)?$/i, 'month'],
    [/^år$/i, 'year'],
    [/^uger?$/i, 'week'],
    [/^dage?$/i, 'day'],
  ],
  en: [
    [/^months?$/i, 'month'],
    [/^years?$/i, 'year'],
    [/^weeks?$/i, 'week'],
    [/^days?$/i, 'day'],
  ],
};
const DURATION = (lang: Lang) =>
  new RegExp(
    `(\\d+|${word(Object.keys(NUMBER_WORDS[lang]).join('|'))})[\\s-]+(${lang === 'da' ? 'måneder|måned|år|uger|uge|dage|dag' : 'months|month|years|year|weeks|week|days|day'})(?![\\p{L}])`,
    'giu',
  );

/** Periods such as `6 måneder`, `3 years`, `three-year`, as `6 month`, `3 year`. */
function durations(s: string, lang: Lang): Set<string> {
  const out = new Set<string>();
  for (const [, n, unit] of s.matchAll(DURATION(lang))) {
    const count = [...numbers(n!, lang)][0]!;
    out.add(`${count} ${UNITS[lang].find(([re]) => re.test(unit!))![1]}`);
  }
  return out;
}

const DA_MONTHS = 'januar februar marts april maj juni juli august september oktober november december';
const EN_MONTHS = 'January February March April May June July August September October November December';
interface DateMention {
  day?: number;
  month: number;
  year?: number;
}
const monthOf = (list: string, name: string) => list.toLowerCase().split(' ').indexOf(name.toLowerCase()) + 1;

/** Dates a text names, whole or in part: `1. juli 2021`, `7 December 2020`, `July 1, 2021`, `januar 2026`, `2021-07-01`. */
function dates(s: string, lang: Lang): DateMention[] {
  const out: DateMention[] = [];
  for (const [, y, m, d] of s.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g))
    out.push({ day: Number(d), month: Number(m), year: Number(y) });
  const num = (x: string | undefined) => (x === undefined ? undefined : Number(x));
  if (lang === 'da') {
    const re = new RegExp(
      `(?:(\\d{1,2})\\.\\s*)?${word(DA_MONTHS.split(' ').join('|'), true)}(?:\\s+(\\d{4}))?`,
      'giu',
    );
    for (const [, d, m, y] of s.matchAll(re))
      out.push({ day: num(d), month: monthOf(DA_MONTHS, m!), year: num(y) });
  } else {
    // English months are capitalised; `May` is a date only with a day or a year beside it.
    const re = new RegExp(
      `(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?${word(EN_MONTHS.split(' ').join('|'), true)}(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d]))?(?:,?\\s+(\\d{4}))?`,
      'gu',
    );
    for (const [, d1, m, d2, y] of s.matchAll(re)) {
      const day = num(d1 ?? d2);
      const year = num(y);
      if (m === 'May' && day === undefined && year === undefined) continue;
      out.push({ day, month: monthOf(EN_MONTHS, m!), year });
    }
  }
  return out;
}
const sameDate = (mention: DateMention, inText: DateMention) =>
  mention.month === inText.month &&
  (mention.day === undefined || mention.day === inText.day) &&
  (mention.year === undefined || mention.year === inText.year);

// ---- named courts, authorities and other bodies ---------------------------------------------------

/**
 * Courts, authorities and other bodies an explainer might name, with how each is written in Danish
 * (`da`, searched in Danish explainers and in the Danish text) and in English (`en`, searched in English
 * explainers and in the English rendering). A name found in an explainer must be found, as the same
 * body, in its unit's text: `CFCS` in an explainer is satisfied by `Center for Cybersikkerhed` in the
 * text, `City Court of Copenhagen` by `Københavns Byret`, `byretten` by either.
 */
const NAMED: { name: string; da: RegExp; en: RegExp }[] = [
  {
    name: 'Center for Cybersikkerhed (CFCS)',
    da: /Center for Cybersikkerhed|(?<![\p{L}])CFCS(?![\p{L}])/u,
    en: /Cent(?:re|er) for Cyber ?Security|(?<![\p{L}])CFCS(?![\p{L}])/iu,
  },
  {
    name: 'Forsvarets Efterretningstjeneste (FE)',
    da: /Forsvarets Efterretningstjeneste|(?<![\p{L}])FE(?![\p{L}])/u,
    en: /Defen[cs]e Intelligence Service|(?<![\p{L}])FE(?![\p{L}])/iu,
  },
  {
    name: 'Politiets Efterretningstjeneste (PET)',
    da: /Politiets Efterretningstjeneste|(?<![\p{L}])PET(?![\p{L}])/u,
    en: /Security and Intelligence Service|(?<![\p{L}])PET(?![\p{L}])/iu,
  },
  { name: 'Erhvervsstyrelsen', da: /Erhvervsstyrelsen/iu, en: /Business Authority/iu },
  { name: 'Energistyrelsen', da: /Energistyrelsen/iu, en: /Energy Agency/iu },
  { name: 'Datatilsynet', da: /Datatilsynet/iu, en: /Data Protection Agency/iu },
  { name: 'Digitaliseringsstyrelsen', da: /Digitaliseringsstyrelsen/iu, en: /Agency for Digital/iu },
  { name: 'Folketingets Ombudsmand', da: /ombudsmand/iu, en: /ombudsman/iu },
  {
    name: 'forsvarsministeren',
    da: /forsvarsminister(?!i)/iu,
    en: /Minister of Defen[cs]e|Defen[cs]e Minister/iu,
  },
  {
    name: 'Forsvarsministeriet',
    da: /forsvarsministeri/iu,
    en: /Ministry of Defen[cs]e|Defen[cs]e Ministry/iu,
  },
  {
    name: 'justitsministeren',
    da: /justitsminist/iu,
    en: /Minister of Justice|Justice Minister|Ministry of Justice/iu,
  },
  { name: 'Folketinget', da: /folketing/iu, en: /Folketing|(?<![\p{L}])Parliament(?![\p{L}])/iu },
  { name: 'regeringen', da: /regering/iu, en: /(?<![\p{L}])government(?![\p{L}])/iu },
  {
    name: 'Københavns Byret',
    da: /Københavns Byret/iu,
    en: /City Court of Copenhagen|Copenhagen City Court/iu,
  },
  { name: 'byretten', da: /byret/iu, en: /City Court/iu },
  { name: 'landsretten', da: /landsret/iu, en: /High Court/iu },
  { name: 'Højesteret', da: /højesteret/iu, en: /Supreme Court/iu },
  { name: 'EU', da: /(?<![\p{L}])EU(?![\p{L}])/u, en: /(?<![\p{L}])EU(?![\p{L}])|European Union/u },
  { name: 'NATO', da: /(?<![\p{L}])NATO(?![\p{L}])/u, en: /(?<![\p{L}])NATO(?![\p{L}])/u },
  {
    name: 'lov om offentlighed i forvaltningen',
    da: /offentlighedslov|lov om offentlighed i forvaltningen/iu,
    en: /Access to Public Administration Files Act/iu,
  },
  { name: 'forvaltningsloven', da: /forvaltningslov/iu, en: /Public Administration Act/iu },
  { name: 'retsplejeloven', da: /retsplejelov/iu, en: /Administration of Justice Act/iu },
  { name: 'Danmark', da: /Danmark/u, en: /Denmark/u },
  { name: 'Kina', da: /Kina|kinesisk/iu, en: /China|Chinese/u },
  { name: 'Hikvision', da: /Hikvision/iu, en: /Hikvision/iu },
  { name: 'Færøerne', da: /Færø/iu, en: /Faroe/iu },
  { name: 'Grønland', da: /Grønland/iu, en: /Greenland/iu },
];

// ---- the check ------------------------------------------------------------------------------------

function descendants(u: Unit): Unit[] {
  return kb.children(u.source, u.ref).flatMap((c) => [c, ...descendants(c)]);
}

/**
 * What an explainer names that its unit's text does not. The numbers of the unit's own ref and of
 * its children's refs count as named (`§ 4` explains `stk. 1`, whose label the printed text omits).
 */
function overreach(u: Unit, explainer: string, lang: Lang): string[] {
  const texts: [string, Lang][] =
    lang === 'da'
      ? [[u.text, 'da']]
      : [
          [u.text, 'da'],
          [u.text_en, 'en'],
        ];
  const problems: string[] = [];
  const known = new Set([u, ...descendants(u)].flatMap((x) => [...numbers(x.ref, 'da')]));
  for (const [t, l] of texts) for (const n of numbers(t, l)) known.add(n);
  for (const n of numbers(explainer, lang)) if (!known.has(n)) problems.push(`number ${n}`);

  const periods = new Set(texts.flatMap(([t, l]) => [...durations(t, l)]));
  for (const p of durations(explainer, lang)) if (!periods.has(p)) problems.push(`period ${p}`);

  const inText = texts.flatMap(([t, l]) => dates(t, l));
  for (const d of dates(explainer, lang))
    if (!inText.some((t) => sameDate(d, t))) problems.push(`date ${JSON.stringify(d)}`);

  for (const body of NAMED) {
    if (!body[lang].test(explainer)) continue;
    if (!(body.da.test(u.text) || (lang === 'en' && body.en.test(u.text_en)))) problems.push(body.name);
  }
  return problems;
}

// ---- the tests ------------------------------------------------------------------------------------

describe('the checks themselves', () => {
  it('counts sentences without breaking on abbreviations or ordinals', () => {
    expect(countSentences('Efter § 2, stk. 2, nr. 1 kan centret bl.a. veje forhold. Det er alt.')).toBe(2);
    expect(countSentences('Loven trådte i kraft den 1. juli 2021. Se stk. 3.')).toBe(2);
    expect(countSentences('Fees follow the rules, cf. chapter 31 of the Act. Items 1-4 (no. 1) apply.')).toBe(
      2,
    );
    expect(countSentences('Bestemmelsen siger "kan", så det er frivilligt. Ja.')).toBe(2);
    expect(countSentences('Ét. To! Tre? Fire.')).toBe(4);
  });

  it('normalises numbers, number words, periods and dates', () => {
    expect(numbers('mere end 50.000 og 500 slutbrugere, tre dommere', 'da')).toEqual(
      new Set(['50000', '500', '3']),
    );
    expect(numbers('more than 50,000 end users; three judges; go to court', 'en')).toEqual(
      new Set(['50000', '3']),
    );
    expect(durations('inden 6 måneder, efter 3 år', 'da')).toEqual(new Set(['6 month', '3 year']));
    expect(durations('within six months, a three-year report', 'en')).toEqual(new Set(['6 month', '3 year']));
    expect(dates('den 1. juli 2021 og fra januar 2026', 'da')).toEqual([
      { day: 1, month: 7, year: 2021 },
      { day: undefined, month: 1, year: 2026 },
    ]);
    expect(dates('on 7 December 2020, July 1, 2021; you may ask', 'en')).toEqual([
      { day: 7, month: 12, year: 2020 },
      { day: 1, month: 7, year: 2021 },
    ]);
  });

  it('catches an explainer that says more than its unit', () => {
    const u = kb.get('lov-1156-2021', '§ 7, stk. 2')!;
    expect(overreach(u, 'Du har 6 måneder ved Københavns Byret.', 'da')).toEqual([]);
    expect(overreach(u, 'You have 6 months at the City Court of Copenhagen.', 'en')).toEqual([]);
    expect(overreach(u, 'Du har seks måneder.', 'da')).toEqual([]);
    expect(overreach(u, 'Du har 3 måneder ved Højesteret, fra 1. juli 2021.', 'da')).toEqual([
      'number 3',
      'number 1',
      'number 2021',
      'period 3 month',
      'date {"day":1,"month":7,"year":2021}',
      'Højesteret',
    ]);
    expect(overreach(u, 'CFCS decides; you have 6 years.', 'en')).toEqual([
      'period 6 year',
      'Center for Cybersikkerhed (CFCS)',
    ]);
    const s17 = kb.get('lov-1156-2021', '§ 17, stk. 3')!;
    expect(overreach(s17, 'Fra den 1. januar 2026.', 'da')).toEqual([]);
    expect(overreach(s17, 'From 1 July 2026.', 'en')).toEqual(['date {"day":1,"month":7,"year":2026}']);
    // CFCS is named in § 2, stk. 2 but not in its items.
    expect(
      overreach(kb.get('lov-1156-2021', '§ 2, stk. 2, nr. 2')!, 'CFCS kan lægge vægt på det.', 'da'),
    ).toEqual(['Center for Cybersikkerhed (CFCS)']);
  });
});

describe('the explainer files', () => {
  const raw = (source: SourceId) =>
    parseYaml(readFileSync(explainerFile(source), 'utf8')) as {
      source: string;
      units: Record<string, { da?: string; en?: string }>;
    };

  it.each(SOURCE_IDS)('%s: every ref it explains exists in the knowledge base', (source) => {
    const file = raw(source);
    expect(file.source).toBe(source);
    const refs = Object.keys(file.units);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(kb.has(source, ref), `${source} ${ref}`).toBe(true);
  });

  it.each(SOURCE_IDS)('%s: every unit has an explainer of 2-4 sentences in Danish and English', (source) => {
    const units = kb.units.filter((u) => u.source === source);
    expect(units.length).toBeGreaterThan(5);
    for (const u of units) {
      for (const lang of LANGS) {
        const e = explainers.get(source, u.ref, lang);
        expect(e?.trim(), `${u.ref} (${lang})`).toBeTruthy();
        const n = countSentences(e!);
        expect(n >= 2 && n <= 4, `${u.ref} (${lang}): ${n} sentences`).toBe(true);
      }
      expect(explainers.get(source, u.ref, 'da')).not.toBe(explainers.get(source, u.ref, 'en'));
    }
  });

  it.each(SOURCE_IDS)(
    '%s: no explainer names a number, date, court or authority its unit does not',
    (source) => {
      const problems: string[] = [];
      for (const u of kb.units.filter((x) => x.source === source)) {
        for (const lang of LANGS) {
          for (const p of overreach(u, explainers.get(source, u.ref, lang)!, lang))
            problems.push(`${u.ref} (${lang}): ${p}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('gives nothing for a ref the source does not have', () => {
    expect(explainers.get('lov-1156-2021', '§ 20', 'da')).toBeUndefined();
    expect(explainers.get('spm-485-2022', '§ 1', 'en')).toBeUndefined();
  });

  it('is cached', () => {
    expect(loadExplainers()).toBe(explainers);
  });
});

describe('loadExplainers on broken files', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  function brokenCopy(file: string, edit: (text: string) => string): string {
    const dir = mkdtempSync(join(tmpdir(), 'explainers-broken-'));
    dirs.push(dir);
    cpSync(EXPLAINERS_DIR, dir, { recursive: true });
    const path = join(dir, file);
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
    return dir;
  }

  function loadError(dir: string): KnowledgeLoadError {
    try {
      loadExplainers(dir);
    } catch (e) {
      expect(e).toBeInstanceOf(KnowledgeLoadError);
      return e as KnowledgeLoadError;
    }
    throw new Error('expected the load to fail');
  }

  it('loads a faithful copy', () => {
    const dir = brokenCopy('spm-485-2022.yaml', (t) => t);
    expect(loadExplainers(dir).get('spm-485-2022', 'Svar, afsnit 5', 'da')).toMatch(/^FE opfordrer/);
  });

  it.each([
    {
      what: 'an explainer for a ref the statute lacks',
      file: 'lov-1156-2021.yaml',
      edit: (t: string) => `${t}  '§ 20':\n    da: Opfundet. Helt.\n    en: Invented. Wholly.\n`,
      field: 'units.§ 20',
    },
    {
      what: 'a unit left out',
      file: 'lov-1156-2021.yaml',
      edit: (t: string) => t.replace(/^ {2}["']§ 7, stk\. 3["']:[\s\S]*?(?=^ {2}["']§ 7, stk\. 4["'])/m, ''),
      field: 'units.§ 7, stk. 3',
    },
    {
      what: 'an explainer without its English',
      file: 'spm-485-2022.yaml',
      edit: (t: string) =>
        t.replace(/^( {2}Svar, afsnit 7:\n {4}da: .*(?:\n {6}.*)*)\n {4}en: .*(?:\n {6}.*)*/m, '$1'),
      field: 'units.Svar, afsnit 7.en',
    },
    {
      what: 'an empty explainer',
      file: 'spm-485-2022.yaml',
      edit: (t: string) => t.replace(/^( {2}Indledning:\n {4}da: )>-(?:\n {6}.*)*/m, "$1''"),
      field: 'units.Indledning.da',
    },
    {
      what: 'a language the schema does not know (a typo)',
      file: 'spm-485-2022.yaml',
      edit: (t: string) => t.replace(/^( {2}Svar:\n {4})da:/m, '$1dk:'),
      field: 'units.Svar',
    },
    {
      what: 'the other source in the file',
      file: 'spm-485-2022.yaml',
      edit: (t: string) => t.replace('source: spm-485-2022', 'source: lov-1156-2021'),
      field: 'source',
    },
  ])('names the file and the ref for $what', ({ file, edit, field }) => {
    const dir = brokenCopy(file, edit);
    const err = loadError(dir);
    expect(err.file).toBe(join(dir, file));
    expect(err.field ?? '').toContain(field);
    expect(err.message).toContain(file);
    expect(err.message).toContain(field);
    expect(err.message).not.toMatch(/\n\s+at /);
  });

  it('says a file that is not YAML is not valid YAML', () => {
    const dir = brokenCopy('lov-1156-2021.yaml', (t) => `${t}\n  '§ 1': [unclosed\n`);
    expect(loadError(dir).message).toMatch(/lov-1156-2021\.yaml: not valid YAML/);
  });

  it('says which file is missing', () => {
    const dir = brokenCopy('spm-485-2022.yaml', (t) => t);
    rmSync(join(dir, 'spm-485-2022.yaml'));
    expect(loadError(dir).message).toMatch(/spm-485-2022\.yaml: cannot read/);
  });
});
