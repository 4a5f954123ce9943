/**
 * Rules of the language from session 5, each in wording of its own: what a count is a count of (things
 * people hold, households), parts of a count listed with the noun said once, the noun a parenthesis or a
 * place belongs to, the Realm, equipment whose use is open, and a later figure that restates a count.
 */
import { describe, expect, it } from 'vitest';
import { findDoubts, laterFigure } from '../../../bot/understand/doubt.js';
import { extractFacts } from '../../../bot/understand/extract.js';

const limits = { endUsersThreshold: 50_000, stateThreshold: 500 };
const read = (t: string) => extractFacts(t, { asOf: '2026-11-22' });
const reasons = (t: string) => findDoubts(t, read(t), limits).map((d) => `${d.fact}:${d.reason}`);

describe('things people hold are not people (§ 1, nr. 2)', () => {
  it.each([
    // near the threshold, a count of subscriptions, SIM cards or lines is asked about
    ['Vi har 61.000 mobilabonnementer og ingen statslige kunder.', ['end_users:units']],
    ['Our network carries 44,000 broadband lines.', ['end_users:units']],
    // far from it, it decides
    ['We have 900,000 subscriptions on our mobile network.', []],
    ['Vi har 4.000 abonnementer.', []],
    // held several each or by machines, a count above the threshold never decides
    ['We sell 130,000 SIM cards, most of them sit in smart meters.', ['end_users:units']],
  ])('%s', (text, want) => {
    expect(reasons(text)).toEqual(want);
  });

  it('households served are at least as many users, so just under the threshold is asked about', () => {
    expect(reasons('Vi forsyner 41.000 husstande med bredbånd.')).toEqual(['end_users:households']);
    expect(reasons('We serve 9,000 households with fibre.')).toEqual([]);
    expect(reasons('We serve 70,000 households with fibre.')).toEqual([]);
  });
});

describe('parts of a count', () => {
  it('listed with the noun said once, the parts are summed', () => {
    expect(
      read('We have 20,000 customers on cable, 18,000 on fibre and 15,000 on DSL.').facts.end_users,
    ).toBe(53_000);
  });
  it('a count inside a parenthesis belongs to the noun before it', () => {
    expect(
      reasons(
        'Koncernen (tre selskaber, i alt 300.000 slutbrugere) spørger for sit lille danske datterselskab.',
      ),
    ).toContain('end_users:other_party');
  });
  it('a later bare figure near the count restates it: corrected it replaces it, else across the threshold it is in doubt', () => {
    expect(laterFigure('Rettelse: det er 52.500.', 48_000, 50_000)).toMatchObject({
      corrects: true,
      value: 52_500,
    });
    expect(laterFigure('IT says 52,500, no idea who is right.', 48_000, 50_000)).toMatchObject({
      corrects: false,
    });
    expect(laterFigure('IT says 49,000.', 48_000, 50_000)).toBeUndefined();
  });
});

describe('places and uses', () => {
  it('a town named for a head office is named in passing', () => {
    expect(reasons('Vi har 70.000 slutbrugere og vores hovedsæde ligger i Nuuk.')).toContain(
      'territory:place_in_passing',
    );
  });
  it('the Realm leaves the territory open', () => {
    expect(reasons('We run networks across the Danish Realm for 80,000 end users.')).toContain(
      'territory:realm',
    );
  });
  it('radio equipment read beside masts, and uses of both kinds while unsettled, leave the component open', () => {
    expect(read('We are buying radio equipment for 250 tower sites.').signals.component_open).toBeDefined();
    expect(
      read('Vi køber 60 servere; nogle skal i kernenettet, andre til kontor-IT, det er ikke besluttet.')
        .signals.component_open,
    ).toBeDefined();
    expect(read('We are buying core network servers.').signals.component_open).toBeUndefined();
  });
  it('a word naming the kind of company is no component of an agreement', () => {
    expect(read('We are a cable and fibre company with 30,000 customers.').facts.component).toBeUndefined();
  });
});

describe('a question limited to one place', () => {
  it('names where the network is, although the writer has networks in two places', () => {
    const t =
      'We run networks in Denmark and in Greenland. I am only asking about our Greenland mobile network.';
    expect(read(t).facts.territory).toBe('GL');
    expect(reasons(t)).not.toContain('territory:several_places');
  });
});

describe('names given as examples', () => {
  it('in a question about the law by no one in particular, are not facts; with a purchase they are', () => {
    expect(read('Nævner loven bestemte producenter, f.eks. ZTE?').facts.supplier).toBeUndefined();
    expect(read('Can anyone buy routers from, say, ZTE?').facts.supplier).toBe('ZTE');
  });
});

describe('state counts: owners in parentheses and totals', () => {
  it('a count in parentheses after a served state body is that body’s, and a total replaces its parts', () => {
    const f = read(
      'Vi har 4.000 slutbrugere og leverer til Rigspolitiet (150 brugere) og Søfartsstyrelsen (250 brugere), i alt 400 statslige brugere.',
    ).facts;
    expect(f.end_users).toBe(4000);
    expect(f.state_end_users).toBe(400);
  });
});

describe('state customers with no count', () => {
  it('are in doubt, so litra b is asked about', () => {
    expect(reasons('Vi har 9.000 kunder, heriblandt et par styrelser under Forsvarsministeriet.')).toContain(
      'state_end_users:uncounted',
    );
    expect(reasons('We have 9,000 customers and no government agencies among them.')).not.toContain(
      'state_end_users:uncounted',
    );
  });
});

describe('lists of labels and figures', () => {
  it('a bare figure marked as the total totals the counts before it; "label: ingen" denies the label', () => {
    const f = read(
      '- private customers: 20.000\n- business customers: 9.000\n- state contracts: none\n\nThat makes 29.000 in total.',
    ).facts;
    expect(f.end_users).toBe(29_000);
    expect(f.state_end_users).toBe(0);
  });
});

describe('what kind of organisation', () => {
  it.each([
    ['Vi er et forsyningsselskab og køber SIM-kort til vores målere.', 'company'],
    ['Skoleforvaltningen vil sætte kameraer op ved tre skoler.', 'municipality'],
    ['I work at one of the regional TV 2 stations.', 'radio_tv'],
    ['We are a software house selling billing software to telcos.', 'company'],
    // a business with a public network of its own may be a provider: left open
    ['Vi er et forsyningsselskab med 40.000 elkunder og vores eget fibernet.', undefined],
  ])('%s', (text, type) => {
    expect(read(text).facts.organisation_type).toBe(type);
  });
  it('internal IT is office IT, so servers for core or office with the use unsettled leave the component open', () => {
    expect(
      read('Servers: some could go into the core network, some into internal IT, not decided yet.').signals
        .component_open,
    ).toBeDefined();
  });
});

describe('withdrawn counts and businesses that sell network services', () => {
  it('a threshold inside an embedded question is asked about, not said', () => {
    expect(read('I am not sure whether we are still above 50,000.').facts.end_users).toBeUndefined();
  });
  it('a business selling broadband to others provides a network service', () => {
    expect(
      read('Vi er et forsyningsselskab, og vi sælger også bredbånd til private.').facts.organisation_type,
    ).toBe('telecom_provider');
  });
});

describe('numbers listed before one noun, and compound number words', () => {
  it('share the noun and are summed', () => {
    expect(read('Our three resellers have 12k, 9.5k and 4k end users on our network.').facts.end_users).toBe(
      25_500,
    );
    expect(
      read(
        'Via aftaler med to styrelser leverer vi til henholdsvis to hundrede og ti og tre hundrede af deres ansatte.',
      ).facts.state_end_users,
    ).toBe(510);
  });
  it('a few hundred is at least two hundred, a bound', () => {
    expect(
      findDoubts(
        'We serve a few hundred staff at the Danish Police.',
        read('We serve a few hundred staff at the Danish Police.'),
        limits,
      ),
    ).toMatchObject([{ fact: 'state_end_users', reason: 'bound' }]);
  });
});

describe('lists read line by line', () => {
  it('a bulleted list under a heading of state contracts counts each item as a state body’s', () => {
    const t =
      'We have 3,000 end users. State agreements:\n- Agency A – 300 users\n- Agency B – 150 users\n- Office C – 100 users';
    expect(read(t).facts.state_end_users).toBe(550);
  });
  it('instructions removed from nothing leave the lines as written', async () => {
    const { sanitizeInstructions } = await import('../../../bot/understand/injection.js');
    expect(sanitizeInstructions('a: 1\nb: 2').text).toBe('a: 1\nb: 2');
  });
});
