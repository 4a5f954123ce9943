import { describe, expect, it } from 'vitest';
import { knowledge } from '../../knowledge/index.js';
import {
  Analyzer,
  detectLanguage,
  normalize,
  specialTerms,
  stem,
  tokenize,
} from '../../retrieval/analysis.js';
import { GlossaryError, loadGlossary, parseGlossary } from '../../retrieval/glossary.js';

const analyzer = new Analyzer(
  loadGlossary(),
  knowledge().units.map((u) => u.text),
);
const queryTerms = (q: string) => new Set(analyzer.query(q).map((t) => t.term));

describe('normalisation and tokens', () => {
  it('keeps æ ø å, folds other diacritics and case', () => {
    expect(normalize('Færøerne Tórshavn Café ÅBEN')).toBe('færøerne torshavn cafe åben');
  });
  it('joins digit groups in Danish and English notation', () => {
    expect(tokenize('50.000 slutbrugere, 50,001 end users')).toEqual([
      '50000',
      'slutbrugere',
      '50001',
      'end',
      'users',
    ]);
  });
  it('splits hyphenated words and keeps them joined too', () => {
    expect(tokenize('core-net og ‑tjenester')).toEqual(['core', 'net', 'corenet', 'og', 'tjenester']);
  });
  it('marks dates and large counts', () => {
    expect(specialTerms('signed on 15 May 2019')).toEqual(['#dato']);
    expect(specialTerms('aftalen blev indgået 6/12-2020')).toEqual(['#dato']);
    expect(specialTerms('1,2 mio. husstande')).toContain('#antal10^6');
    expect(specialTerms('1,2 mio. husstande')).not.toContain('#antal10^7');
    expect(specialTerms('mere end 500 slutbrugere')).toEqual(['#antal', '#antal10^2']);
    expect(specialTerms('kapitel 2, 3 og 8')).toEqual([]);
  });
  it('tells Danish from English', () => {
    expect(detectLanguage('Må vi indgå en aftale med leverandøren?')).toBe('da');
    expect(detectLanguage('Can we sign the contract with the vendor?')).toBe('en');
  });
});

describe('stemming', () => {
  it('gives inflected Danish forms one stem', () => {
    expect(stem('kameraer', 'da')).toBe(stem('kamera', 'da'));
    expect(stem('slutbrugere', 'da')).toBe(stem('slutbruger', 'da'));
    expect(stem('indbringes', 'da')).toBe(stem('indbringe', 'da'));
  });
  it('gives inflected English forms one stem', () => {
    expect(stem('operators', 'en')).toBe(stem('operator', 'en'));
    expect(stem('prohibited', 'en')).toBe(stem('prohibition', 'en'));
  });
  it('drops stop words of the text language', () => {
    expect(analyzer.terms('det er ikke muligt', 'da')).toEqual([stem('muligt', 'da')]);
    expect(analyzer.terms('it is not possible', 'en')).toEqual([stem('possible', 'en')]);
  });
});

describe('compounds', () => {
  it('lets overvågningskameraer meet kameraer', () => {
    expect(analyzer.terms('overvågningskameraer', 'da')).toContain(stem('kameraer', 'da'));
    expect(analyzer.splitCompound('overvågningskameraer')).toEqual(['overvågning', 'kameraer']);
  });
  it('lets kernenetudstyr meet kernenet and the statute’s core-net', () => {
    expect(analyzer.splitCompound('kernenetudstyr')).toContain('kernenet');
    const coreNet = analyzer.terms('core-net', 'da');
    expect(coreNet.some((t) => queryTerms('nyt kernenetudstyr').has(t))).toBe(true);
  });
  it('splits a particle prefix off the head', () => {
    expect(analyzer.splitCompound('ikkeanonymiseret')).toEqual(['anonymiseret']);
  });
  it('leaves plain words alone', () => {
    expect(analyzer.splitCompound('udbyder')).toEqual([]);
    expect(analyzer.splitCompound('afgørelsen')).toEqual([]);
  });
});

describe('glossary', () => {
  it('maps English and informal words to the statute’s Danish terms', () => {
    expect(queryTerms('telecom operator')).toContain(stem('udbyder', 'da'));
    expect(queryTerms('Can we appeal?')).toContain(stem('påklages', 'da'));
    expect(queryTerms('CCTV')).toContain(stem('overvågningskameraer', 'da'));
    expect(queryTerms('Faroe Islands')).toContain(stem('færøerne', 'da'));
    expect(queryTerms('backdoor')).toContain(stem('bagdøre', 'da'));
  });
  it('weighs expansions below the user’s own words', () => {
    const terms = analyzer.query('backdoor');
    expect(terms.find((t) => t.term === stem('backdoor', 'en'))?.weight).toBe(1);
    expect(terms.find((t) => t.term === stem('bagdøre', 'da'))?.weight).toBeLessThan(1);
  });
  it('recognises the concepts a scenario names, each as a query in the statute’s words', () => {
    const concepts = analyzer.concepts(
      'We have an existing contract for our core network. Can CFCS act on it at present?',
    );
    const flat = concepts.map((c) => c.join(' '));
    expect(flat.some((c) => c.includes(stem('opretholde', 'da')))).toBe(true);
    expect(flat.some((c) => c.includes(stem('virkning', 'da')))).toBe(true);
    expect(flat.some((c) => c.includes(stem('netkomponenter', 'da')))).toBe(true);
    expect(analyzer.concepts('Hvad hedder ministeren?')).toEqual([]);
  });
  it('tells a planned agreement from one already signed', () => {
    const planned = queryTerms('Vi vil gerne indgå en ny aftale med en leverandør');
    expect(planned.has('#dato')).toBe(false);
    expect(planned.has(stem('opretholde', 'da'))).toBe(false);
    expect(queryTerms('Aftalen blev indgået for flere år siden')).toContain(stem('december', 'da'));
    // `=signed` in the glossary: the word form, not the stem it shares with `sign`
    expect(queryTerms('We plan to sign a contract with a new vendor')).not.toContain(stem('december', 'da'));
    expect(queryTerms('The contract was signed years ago')).toContain(stem('december', 'da'));
    expect(queryTerms('The contract was signed years ago')).toContain(stem('opretholde', 'da'));
  });
  it('lets the longest phrase win over a shorter one of another concept', () => {
    // `ingen aftaler med staten` is not a state agreement (litra b), `home router` no central router
    expect(queryTerms('Vi har ingen aftaler med staten')).not.toContain(stem('institutioner', 'da'));
    expect(queryTerms('Vi har aftaler med staten')).toContain(stem('institutioner', 'da'));
    expect(queryTerms('new home routers for our customers')).not.toContain(stem('centrale', 'da'));
  });
  it('makes a date a concept of its own: the temporal provisions', () => {
    const concepts = analyzer.concepts('Kontrakten er fra 3. marts 2019.').map((c) => c.join(' '));
    expect(concepts.some((c) => c.includes('#dato') && c.includes(stem('virkning', 'da')))).toBe(true);
  });
  it('reads having no state customers as the general threshold', () => {
    expect(queryTerms('We have no contracts with state bodies')).toContain('50000');
    expect(queryTerms('Vi har ingen aftaler med staten')).toContain('50000');
  });
  it('lets English valid meet the statute’s uden gyldighed', () => {
    expect(queryTerms('Is the contract still valid?')).toContain(stem('gyldighed', 'da'));
  });
  it('rejects a malformed glossary naming the field', () => {
    expect(() => parseGlossary('version: 1\nentries:\n  - match: [x]\n', 'g.yaml')).toThrow(GlossaryError);
    expect(() => parseGlossary('version: 1\nentries:\n  - match: [x]\n', 'g.yaml')).toThrow(
      /entries\.0\.statute/,
    );
    expect(() => parseGlossary('version: [', 'g.yaml')).toThrow(/not valid YAML/);
  });
});
