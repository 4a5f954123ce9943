import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../bot/understand/door.js';
import { findDoubts } from '../../../bot/understand/doubt.js';
import { extractFacts } from '../../../bot/understand/extract.js';
import { readQuestion } from '../../../bot/understand/question.js';

const limits = { endUsersThreshold: 50_000, stateThreshold: 500 };
const doubts = (t: string) =>
  findDoubts(t, extractFacts(t, { asOf: '2026-11-22' }), limits).map((d) => [d.fact, d.reason]);

describe('the form of a question', () => {
  it.each([
    ['Må vores kommune købe kameraerne?', 'permission'],
    ['Maa vi indgaa aftalen?', 'permission'],
    ['Are we allowed to buy them?', 'permission'],
    ['Does the act stop us from signing?', 'obstacle'],
    ['Er det forbudt at købe dem?', 'obstacle'],
    ['Kan CFCS forbyde aftalen?', 'cfcs_power'],
    ['Er vi omfattet af loven?', 'coverage'],
    ['Does the act apply to us?', 'coverage'],
    ['Hvem træffer afgørelsen?', 'open'],
    ['Dumt spørgsmål, men hvem træffer afgørelsen?', 'open'],
    ['Min kollega siger 2026 – hvornår trådte loven i kraft?', 'open'],
    ['If CFCS bans it, do we get compensation?', 'polar'],
    ['Kan vi klage over afgørelsen?', 'polar'],
  ])('%s → %s', (q, form) => {
    expect(readQuestion([q]).form).toBe(form);
  });

  it('a follow-up that only adds facts answers the question before it', () => {
    expect(readQuestion(['Må vi købe dem?', 'Vi er en kommune.']).form).toBe('permission');
  });

  it('reads a prohibition the person says was made', () => {
    expect(readQuestion(['CFCS har forbudt aftalen. Må vi alligevel skrive under?']).prohibited).toBe(true);
    expect(readQuestion(['Må vi skrive under?']).prohibited).toBe(false);
  });
});

describe('doubt is read, and never decides', () => {
  it.each([
    ['Vi har omkring 50.000 slutbrugere.', 'end_users', 'approximate'],
    ['We serve around 510 staff at a state agency through a contract.', 'state_end_users', 'approximate'],
    ['Our network has between 45,000 and 55,000 end users.', 'end_users', 'range'],
    ['Annual report: 51,200 end users, but the statistics said 48,900.', 'end_users', 'disagree'],
    ['Vores moderselskab har 3 mio. kunder i Norden.', 'end_users', 'other_party'],
    [
      'Vi har 46.000 slutbrugere, og videresælgerne har kunder, hvor mange ved jeg ikke.',
      'end_users',
      'open_count',
    ],
  ])('%s → %s is %s', (t, fact, reason) => {
    expect(doubts(t)).toContainEqual([fact, reason]);
  });

  it.each([
    'Vi har 72.000 slutbrugere.',
    'We have about 800,000 end users.',
    'Vi ejer et dansk fibernet med 32.000 egne slutbrugere, og deres kunder udgør tilsammen 21.000 slutbrugere.',
    'We have 52,000 end users, so more than the 50,000 limit?',
  ])('no doubt where the count decides plainly: %s', (t) => {
    expect(doubts(t)).toEqual([]);
  });

  it('a place named only for an office is in doubt; a network there is not', () => {
    expect(doubts('We have offices in Tórshavn and Copenhagen, and 75,000 end users.')).toContainEqual([
      'territory',
      'place_in_passing',
    ]);
    expect(doubts('Headquartered in Tórshavn, we run mobile networks across the Faroe Islands.')).toEqual([]);
  });
});

describe('text is normalised at the door', () => {
  it.each([
    ['Hua\u00ADwei', 'Huawei'],
    ['Hik\u200Bvision', 'Hikvision'],
    ['Ｈｉｋｖｉｓｉｏｎ', 'Hikvision'],
    ['ZТЕ', 'ZTE'],
    ['Huаwei', 'Huawei'],
    ['\u202EHuawei\u202C', 'Huawei'],
  ])('%j reads as %s', (raw, seen) => {
    expect(normaliseText(raw)).toBe(seen);
  });

  it('leaves whole words of other scripts alone', () => {
    expect(normaliseText('Москва')).toBe('Москва');
  });
});

describe('a question after a dash or colon', () => {
  it.each([
    ['Which is it for the law – are we a significant provider?', 'coverage'],
    ['Hvad siger loven: må vi købe dem?', 'permission'],
    ['Hvem bestemmer det – ministeren, styrelsen eller nogen tredje?', 'open'],
    ['Kollega påstår 2026 – hvornår trådte loven i kraft?', 'open'],
  ])('%s → %s', (q, form) => {
    expect(readQuestion([q]).form).toBe(form);
  });
});

describe('sentences: an abbreviation or a number does not end one', () => {
  it.each([
    ['Vi har knap 40.000 kunder. Gælder stk. 3 for os?', 'Gælder stk. 3 for os?'],
    [
      'About 12,000 users, approx. 300 of them state staff. Is that enough for no. 3?',
      'Is that enough for no. 3?',
    ],
  ])('%s', (text, clause) => {
    expect(readQuestion([text]).clause).toBe(clause);
  });
});
