/**
 * Rules of the language from session 6, each in wording of its own: ranges (a dash, "between … and", a
 * multiplier said once), a range inside a sum, whose a total is when a third party is the clause's subject,
 * the writer's own count said before its number, counted organisations the writer is, a count of things
 * bought, a share of the count in a place the act does not reach, a scope not yet fixed, and a provider the
 * writer works for.
 */
import { describe, expect, it } from 'vitest';
import { findDoubts } from '../../../bot/understand/doubt.js';
import { extractFacts } from '../../../bot/understand/extract.js';
import { findNumbers } from '../../../bot/understand/numbers.js';

const limits = { endUsersThreshold: 50_000, stateThreshold: 500 };
const read = (t: string) => extractFacts(t, { asOf: '2026-11-22' });
const reasons = (t: string) => findDoubts(t, read(t), limits).map((d) => `${d.fact}:${d.reason}`);
const values = (t: string) => findNumbers(t).map((n) => n.value);

describe('ranges', () => {
  it.each([
    ['30.000-35.000 brugere', [30_000, 35_000]],
    ['20k-25k subscribers', [20_000, 25_000]],
    ['ca. 70-80k kunder', [70_000, 80_000]],
    ['mellem 12 og 15 tusind husstande', [12_000, 15_000]],
    ['from 2.1 to 2.4 million users', [2_100_000, 2_400_000]],
    ['8–9 tusinde abonnenter', [8_000, 9_000]],
  ])('%s: both ends, the multiplier said once is the first one’s too', (text, want) => {
    expect(values(text)).toEqual(want);
  });

  it.each([
    ['i 2019-2022 havde vi 400 kunder', [400]],
    ['aftalen fra 3-11-2020', []],
    ['jf. §§ 2-4', []],
    ['4 to 6 users', [4, 6]],
  ])('%s: years, dates and references are no range of counts', (text, want) => {
    expect(values(text)).toEqual(want);
  });

  it('a range of one count is read at its high end, and asked about when it reaches across', () => {
    expect(read('Vi har et sted mellem 46.000 og 53.000 slutbrugere.').facts.end_users).toBe(53_000);
    expect(reasons('Vi har et sted mellem 46.000 og 53.000 slutbrugere.')).toEqual(['end_users:range']);
    expect(reasons('We have 12,000-14,000 end users.')).toEqual([]);
  });

  it('a range that is part of a sum reaches across the threshold with the sum', () => {
    const text =
      'We serve 28,000 end users ourselves, and our two wholesale partners have 19-24 thousand customers on our network.';
    expect(read(text).facts.end_users).toBe(52_000);
    expect(reasons(text)).toContain('end_users:range');
  });
});

describe('whose a count is', () => {
  it('a total with a third party as the subject of its clause is theirs, added to the writer’s', () => {
    expect(
      read('Vi har 33.000 kunder selv, og vores fire serviceudbydere har tilsammen 21.000.').facts.end_users,
    ).toBe(54_000);
  });

  it('"our own … is N" before the number makes the count the writer’s, whatever reseller comes next', () => {
    expect(
      read(
        'Our own direct base is 26,000 end users, while the resellers on our network have 30,000 customers.',
      ).facts.end_users,
    ).toBe(56_000);
  });

  it('counted organisations right after "we are" or "we own" are the writer', () => {
    expect(read('Vi er 4 kommuner, der har et fælles bredbåndsnet.').facts.organisation_type).toBe(
      'municipality',
    );
    expect(read('We own two hair salons and want cameras.').facts.organisation_type).toBe('company');
    expect(read('Vi har 4 kommuner som kunder.').facts.organisation_type).toBeUndefined();
  });

  it('a count of things bought is of things, not end users', () => {
    for (const t of [
      'Vi skal købe 60.000 modemer til vores kunder.',
      'We will order 70,000 set-top boxes for our subscribers.',
    ]) {
      const f = read(t).facts;
      expect(f.component).toBe('customer_equipment');
      expect(f.end_users).toBeUndefined();
    }
  });

  it('a provider the writer works for owns the count, so what the writer is decides nothing', () => {
    expect(
      reasons(
        'We are an IT consultancy running the billing systems for a Danish mobile operator with 800,000 users.',
      ),
    ).toContain('organisation_type:for_provider');
  });
});

describe('place and scope', () => {
  it('a share of the count where the act does not reach, read as Denmark, is asked about', () => {
    expect(
      reasons('Vi har 58.000 slutbrugere i alt, de fleste af dem på Færøerne og resten i Danmark.'),
    ).toContain('territory:several_places');
    expect(reasons('We have 58,000 end users in Denmark.')).not.toContain('territory:several_places');
  });

  it('a scope not yet fixed leaves what the agreement concerns open', () => {
    expect(
      reasons(
        'Vi har 200.000 kunder. Udbuddets omfang er ikke på plads: det kan blive alt fra nye master til dele af kernenettet.',
      ),
    ).toContain('component:undecided_use');
  });
});

describe('what is counted, and whose', () => {
  it('a bulleted item "body: N staff" is that body’s count', () => {
    const f = read('Kunder:\n- Erhvervsstyrelsen: 250 medarbejdere\n- private: 9.000 slutbrugere').facts;
    expect(f.state_end_users).toBe(250);
    expect(f.end_users).toBe(9_000);
  });

  it('dwellings the network passes give way to the users counted beside them', () => {
    expect(read('Nettet passerer 90.000 husstande; 38.000 kunder er tilsluttet.').facts.end_users).toBe(
      38_000,
    );
    expect(
      read('Sorry, the 65,000 were homes our fibre passes. Connected end users: 29,000.').facts.end_users,
    ).toBe(29_000);
    expect(read('Our fibre passes 65,000 homes.').facts.end_users).toBe(65_000); // asked about (doubt.ts)
  });
});

describe('number words and qualifiers', () => {
  it.each([
    ['halvanden million abonnenter', 1_500_000],
    ['halvandet tusind brugere', 1_500],
    ['one and a half million subscribers', 1_500_000],
  ])('%s: one and a half', (text, want) => {
    expect(values(text)).toEqual([want]);
  });

  it('nationwide words denied in the clause that names the obligation are no nationwide obligation', () => {
    expect(
      read('Vi har public service-pligt, dog ikke i hele landet, kun på Fyn.').facts
        .nationwide_public_service,
    ).toBe(false);
    expect(read('Our public service remit covers the whole country.').facts.nationwide_public_service).toBe(
      true,
    );
  });

  it('a regional TV 2 station is a broadcaster', () => {
    expect(read('Vi er en lille TV 2-kanal i Østjylland.').facts.organisation_type).toBe('radio_tv');
  });
});
