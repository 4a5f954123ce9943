/**
 * Rules of the language that decide whose a count is and where a network is: a new clause with its own
 * subject, a total of someone else's customers, a utility's own customers, a count added with
 * "another", the place the network is (not where a talk is held), and networks in two places.
 */
import { describe, expect, it } from 'vitest';
import { findDoubts } from '../../../bot/understand/doubt.js';
import { extractFacts } from '../../../bot/understand/extract.js';

const limits = { endUsersThreshold: 50_000, stateThreshold: 500 };
const read = (t: string) => extractFacts(t, { asOf: '2026-11-22' });
const doubts = (t: string) => findDoubts(t, read(t), limits).map((d) => [d.fact, d.reason]);

describe('whose count it is', () => {
  it.each([
    // a state body named in a new clause with the writer as subject is not about the count before it
    [
      'Vi er et dansk teleselskab med 7.000 kunder, og vi har lige fået en aftale med Skattestyrelsen.',
      7000,
      undefined,
    ],
    ['We are an ISP with 9,000 users, and we now also supply the Danish Police.', 9000, undefined],
    // … while a count in the same clause as the state body is the state's
    ['Gennem en aftale med en styrelse betjener vi 800 af deres medarbejdere.', undefined, 800],
  ])('%s', (text, endUsers, state) => {
    const f = read(text).facts;
    expect(f.end_users).toBe(endUsers);
    expect(f.state_end_users).toBe(state);
  });

  it("a total of someone else's customers is their part, added to the writer's own", () => {
    expect(
      read(
        'Vi har 30.000 egne slutbrugere. Desuden sælger to udbydere videre på nettet, og deres kunder er i alt 21.000 slutbrugere.',
      ).facts.end_users,
    ).toBe(51_000);
  });

  it("a utility's own customers are not end users of its network (§ 1, nr. 2)", () => {
    expect(
      read('Vi er et vandværk med 65.000 vandkunder og et lille fibernet.').facts.end_users,
    ).toBeUndefined();
    expect(read('We are a utility with 90,000 electricity customers.').facts.end_users).toBeUndefined();
    expect(read('Vi er et fiberselskab med 65.000 kunder.').facts.end_users).toBe(65_000);
  });

  it('"another N" in a later message adds to the count said before', () => {
    expect(read('and their guests on our wifi: another 3,000').signals.end_users_added).toBe(3000);
  });
});

describe('where the network is', () => {
  it('a place named for something else does not move a network said to be in Denmark', () => {
    const f = read(
      'Our fibre network in Denmark has 80,000 end users. We hold our board meeting in Nuuk this year.',
    );
    expect(f.facts.territory).toBe('DK');
  });

  it('networks in an excluded place and in Denmark, with one count for both, are asked about', () => {
    expect(doubts('Vores 70.000 kunder er spredt på net i Grønland og i Danmark.')).toContainEqual([
      'territory',
      'several_places',
    ]);
  });

  it('a Danish company with its network on the Faroes is on the Faroes', () => {
    expect(read('Vi er et dansk selskab, der driver et mobilnet på Færøerne.').facts.territory).toBe('FO');
  });
});

describe('a public service obligation', () => {
  it.each([
    ['Vi er en tv-station med public service-forpligtelser.', undefined],
    ['Vi er en radio med landsdækkende public service-forpligtelser.', true],
    ['We are a broadcaster with public service obligations across the whole country.', true],
    ['Vi er en tv-station uden public service-forpligtelser.', false],
  ])('%s → %s', (text, nationwide) => {
    expect(read(text).facts.nationwide_public_service).toBe(nationwide);
  });
});

describe('sentences, dates and who is writing', () => {
  it('a date written d/m-yy ends its sentence, so the next sentence does not decide its role', () => {
    const f = read('Vi skrev under på kontrakten om kernenettet den 3/2-21. Hvad siger loven om den?').facts;
    expect(f.agreement_date).toBe('2021-02-03');
  });

  it('"vi i kommunen", "we at the region": the writer is that organisation', () => {
    expect(read('Kan vi hos kommunen bruge Dahua-kameraer?').facts.organisation_type).toBe('municipality');
    expect(read('May we at the region install these cameras?').facts.organisation_type).toBe('region');
    expect(read('Kan vi i år købe kameraer?').facts.organisation_type).toBeUndefined();
  });

  it('"today" dates a decision only when it was received then', () => {
    expect(read('We received the order from CFCS today.').facts.decision_date).toBe('2026-11-22');
    expect(read('Could CFCS issue a ban against us today?').facts.decision_date).toBeUndefined();
  });
});
