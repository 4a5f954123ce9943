/**
 * Rules of the language from session 8, each in wording of its own: a question that asks only a price is
 * out of scope, and a company related to the writer's (its parent, sister or owner) is neither the writer
 * nor a supplier.
 */
import { describe, expect, it } from 'vitest';
import { findDoubts } from '../../../bot/understand/doubt.js';
import { extractFacts } from '../../../bot/understand/extract.js';
import { classifyTopic } from '../../../bot/understand/topic.js';

const read = (t: string) => extractFacts(t, { asOf: '2026-11-22' });
const topicOf = (t: string) => classifyTopic(t, read(t).facts, read(t).facts).topic;

describe('a question that asks a price', () => {
  it.each([
    'How much does a Dahua bullet camera cost these days?',
    'Hvad er prisen på en ZTE-router, og hvor kan man finde den billigst?',
  ])('%s: out of scope, whatever it names', (t) => {
    expect(topicOf(t)).toBe('out_of_scope');
  });

  it('a price said in passing asks nothing', () => {
    expect(topicOf('Kommunen har fået det billigste tilbud fra Dahua. Må vi vælge det?')).not.toBe(
      'out_of_scope',
    );
    expect(topicOf('The cheapest offer is Hikvision. May the region buy it?')).not.toBe('out_of_scope');
  });

  it('a price asked beside a question of buying is still that question', () => {
    expect(topicOf('Hvad koster Hikvision-kameraer, og må kommunen købe dem?')).not.toBe('out_of_scope');
  });
});

describe('a company related to the writer', () => {
  it('its country is not a supplier’s', () => {
    expect(
      read('My company is registered in Norway. We resell Ericsson radios.').facts.supplier_country,
    ).toBe('SE');
    expect(read('Vores koncern er svensk. Vi har 20.000 kunder.').facts.supplier_country).toBeUndefined();
  });

  it('is not the writer', () => {
    expect(read('Our sister company is a bank. We run a cable network.').facts.organisation_type).toBe(
      'telecom_provider',
    );
    expect(read('Vores moderselskab er en kommune.').facts.organisation_type).toBeUndefined();
  });

  it('the writer’s supplier still has a country', () => {
    expect(read('Our vendor is Chinese.').facts.supplier_country).toBe('CN');
  });
});

describe('a supplier company of the writer’s', () => {
  it('keeps its country', () => {
    expect(read('Our supplier company is Chinese; we run a fibre network.').facts.supplier_country).toBe(
      'CN',
    );
    expect(read('Vores partnerfirma er kinesisk.').facts.supplier_country).toBe('CN');
  });
});

const limits = { endUsersThreshold: 50_000, stateThreshold: 500 };
const reasons = (t: string) => findDoubts(t, read(t), limits).map((d) => `${d.fact}:${d.reason}`);

describe('a total mark belongs to the count nearest it', () => {
  it('the bare figure after the parts is the total', () => {
    expect(
      read('Vi har 41.000 privatkunder og 9.500 erhvervsslutbrugere, altså 50.500 i alt.').facts.end_users,
    ).toBe(50_500);
    expect(read('Our fibre base is 7,000 end users, making 61,000 in total.').facts.end_users).toBe(61_000);
  });
});

describe('list items each stating the count', () => {
  it('on either side of the threshold, disagree', () => {
    const t =
      'Two numbers I found:\n- CRM export: 50,600 end users\n- billing system: 49,100 end users\nWhich applies?';
    expect(reasons(t)).toContain('end_users:disagree');
  });
});

describe('kinds of one noun listed with commas', () => {
  it('are added', () => {
    expect(
      read('We have 21,000 fibre customers, 19,000 coax customers and 12,000 DSL customers.').facts.end_users,
    ).toBe(52_000);
    expect(read('Vi har 30.000 privatkunder, 4.000 erhvervskunder.').facts.end_users).toBe(34_000);
  });

  it('the same noun said twice is one count', () => {
    expect(read('We have 48,000 users, 48,000 users at most.').facts.end_users).toBe(48_000);
  });
});

describe('a count of another noun, not added', () => {
  it('that would cross the threshold, is asked about', () => {
    expect(
      reasons('Vi har 31.000 bredbåndskunder, 25.000 mobilabonnementer. Ingen statslige aftaler.'),
    ).toContain('end_users:left_out');
    expect(reasons('Stats: 26k fibre users, 24k cable users, 9k phone lines.')).toContain(
      'end_users:left_out',
    );
  });

  it('a part of a sum that counts SIM cards is doubted', () => {
    expect(reasons('We have 28,000 end users and 24,000 SIM cards.')).toContain('end_users:units');
  });
});

describe('customers that are businesses', () => {
  it('at or below the threshold, their staff may be more: asked', () => {
    expect(
      reasons('We are a B2B fibre operator with 420 enterprise customers and no state contracts.'),
    ).toContain('end_users:business_customers');
  });

  it('their staff counted are end users, not doubted', () => {
    expect(
      reasons('Vi har 30.000 privatkunder og 12.000 medarbejdere hos erhvervskunder, der bruger nettet.'),
    ).not.toContain('end_users:business_customers');
  });

  it('a business-only provider is a provider', () => {
    expect(read('We are a business-only ISP with 420 enterprise customers.').facts.organisation_type).toBe(
      'telecom_provider',
    );
  });
});

describe('a state body the writer reports to', () => {
  it('is no state customer', () => {
    const t =
      'Our figures:\n- we serve 61,000 end users (annual report)\n- reported to the Danish Energy Agency: 47,500 end users\nNo state customers.';
    expect(read(t).facts.state_end_users).toBe(0);
  });
});

describe('cable before whom a network serves', () => {
  it('is the kind of network, not a cable bought', () => {
    expect(read('Ops lead at a cable ISP on Funen; 70k end users.').facts.component).toBeUndefined();
    expect(read('We buy coax cables from a Polish firm.').facts.component).toBe('other');
  });
});

describe('a margin said with a count', () => {
  it('that keeps it on one side decides', () => {
    expect(reasons('We have 47,000 end users, give or take a few hundred.')).toEqual([]);
    expect(reasons('Vi har 56.000 slutbrugere plus minus 1.000.')).toEqual([]);
  });

  it('that reaches across the threshold is a range', () => {
    expect(reasons('We have 51,000 end users ± 2,500.')).toContain('end_users:range');
    expect(reasons('Vi har omkring 49.000 slutbrugere, plus/minus et par tusinde.')).toContain(
      'end_users:range',
    );
  });

  it('is no count to add', () => {
    expect(read('Vi har 51.000 slutbrugere plus minus 300.').facts.end_users).toBe(51_000);
  });
});

describe('zero agreements with state bodies', () => {
  it('is none: the count beside it is the writer’s own', () => {
    const t = 'Sixty-one thousand end users and zero agreements with government agencies.';
    expect(read(t).facts.end_users).toBe(61_000);
    expect(read(t).facts.state_end_users).toBe(0);
  });
});

describe('their customers’ total, said later', () => {
  it('is only the wholesale part', () => {
    const t =
      'Also: three resellers use our fibre, and their own customers add up to 12,400 end users in total.';
    expect(read(t).signals.end_users_wholesale_only).toBe(true);
  });
});

describe('a broadcast network named by its standard', () => {
  it('is a radio or TV station’s', () => {
    expect(
      read('Vi driver et landsdækkende DAB+-net uden public service-forpligtelser.').facts.organisation_type,
    ).toBe('radio_tv');
    expect(read('We operate the FM transmitters for a commercial station.').facts.organisation_type).toBe(
      'radio_tv',
    );
  });

  it('the radio network alone is the mobile network’s', () => {
    expect(read('We run the radio network for a mobile operator.').facts.organisation_type).not.toBe(
      'radio_tv',
    );
  });
});

describe('a company that supplies a provider, asking about the agreement', () => {
  it('with no count, what it is itself does not decide', () => {
    expect(
      reasons(
        'Vi er et IT-firma. Et teleselskab vil have os til at drive deres BSS. Er den kontrakt omfattet?',
      ),
    ).toContain('organisation_type:for_provider');
    expect(
      reasons(
        'We are a software house and we supply billing software to two Danish operators. Can CFCS stop those deals?',
      ),
    ).toContain('organisation_type:for_provider');
  });

  it('asking whether it is covered itself, it is no provider', () => {
    expect(
      reasons('We are a software house supplying billing software to Danish operators. Are we covered?'),
    ).not.toContain('organisation_type:for_provider');
  });
});

describe('where the writer is as a person', () => {
  it('is a place in passing, not where the network is', () => {
    expect(reasons('Skriver fra Nuuk. Vi har 62.000 slutbrugere – er vi omfattet?')).toContain(
      'territory:place_in_passing',
    );
  });

  it('a network said to cover the place is there', () => {
    expect(
      reasons('I sit in Tórshavn at an operator covering all of the Faroe Islands, 58,000 users.'),
    ).not.toContain('territory:place_in_passing');
  });
});

describe('another party’s count, the writer using its network', () => {
  it('is not the writer’s', () => {
    expect(
      reasons('TDC has more than two million customers, and we lease fibre on their network for our ISP.'),
    ).toContain('end_users:other_party');
  });
});

describe('homes passed and a part that takes it up', () => {
  it('are asked about, however many homes', () => {
    expect(reasons('Vores fibernet passerer 210.000 husstande, og omkring 30 % er blevet kunder.')).toContain(
      'end_users:not_users',
    );
    expect(reasons('Our network passes 150,000 homes; we do not have the exact take-up figure.')).toContain(
      'end_users:not_users',
    );
  });
});

describe('state bodies named before their counts, after a colon', () => {
  it('are each one the writer serves, and add up', () => {
    const t =
      'Vi har aftaler med tre statslige institutioner om mobiltelefoni til deres ansatte: Rigsarkivet 150 brugere, Søfartsstyrelsen 220 brugere og Vejdirektoratet 160 brugere.';
    expect(read(t).facts.state_end_users).toBe(530);
  });

  it('an item with no name is not one of them', () => {
    const t =
      'Under a contract with a state agency we serve: Skattestyrelsen 300 users, and 45,000 private customers.';
    expect(read(t).facts.state_end_users).toBe(300);
    expect(read(t).facts.end_users).toBe(45_000);
  });
});

describe('a count of subscriptions said to be what a figure was', () => {
  it('gives way to the count of end users', () => {
    const t = 'Rettelse: 58.000 er antallet af abonnementer. Det faktiske antal slutbrugere er 41.300.';
    expect(read(t).facts.end_users).toBe(41_300);
    expect(reasons(t)).toEqual([]);
  });
});

describe('the writer’s client described', () => {
  it('its country is not a supplier’s', () => {
    expect(
      read('Our customer is a Swedish operator with 90,000 end users.').facts.supplier_country,
    ).toBeUndefined();
  });

  it('an advisory firm asks for no advice', () => {
    const t = 'Jeg arbejder i et rådgivningsfirma og hjælper en kunde. Er min kunde omfattet af loven?';
    expect(topicOf(t)).not.toBe('guidance');
  });
});

describe('SIM cards said to be what a figure was, users not known', () => {
  it('are asked about, however many', () => {
    expect(
      reasons('De 90.000 er aktive SIM-kort, inkl. IoT-kort. Hvor mange slutbrugere det er, ved jeg ikke.'),
    ).toContain('end_users:units');
  });
});

describe('state bodies by their English names', () => {
  it('count under litra b', () => {
    expect(
      read(
        'We serve 260 users at the Danish Court Administration and 270 at the Danish Agency for Digital Government.',
      ).facts.state_end_users,
    ).toBe(530);
  });
});

describe('a message that opens with who writes', () => {
  it('its country is the writer’s', () => {
    expect(read('Danish ISP, 8,000 end users, no state contracts.').facts.supplier_country).toBeUndefined();
  });
});

describe('another party’s count, the writer renting from them', () => {
  it('is not the writer’s', () => {
    expect(
      reasons('Norlys har over 700.000 kunder, og vi lejer kapacitet hos dem. Er vi omfattet?'),
    ).toContain('end_users:other_party');
  });

  it('their staff counted for the writer is the writer’s', () => {
    expect(
      reasons('Under our contract with the police, 700 of their officers use our mobile service.'),
    ).not.toContain('state_end_users:other_party');
  });
});

describe('a list of parts, each with its own thing', () => {
  it('the same word before each number adds them, the noun said once', () => {
    expect(
      read('Vi har to net: kobbernettet med 31.000 slutbrugere og fibernettet med 20.500.').facts.end_users,
    ).toBe(51_500);
  });

  it('a count listed after a part is the next part', () => {
    expect(
      read(
        'Three networks: cable with 30,000 end users, fibre with 15,000 and then 6,000 end users on radio links.',
      ).facts.end_users,
    ).toBe(51_000);
  });
});

describe('a provider that wants to sign with the writer', () => {
  it('owns the count', () => {
    expect(
      reasons(
        'We are a vendor. A Danish operator with 900,000 end users wants to sign with us for its core network.',
      ),
    ).toContain('organisation_type:for_provider');
  });
});

describe('capacity let to another provider', () => {
  it('their users on the writer’s network are not counted: asked', () => {
    expect(
      reasons(
        'Vi har selv 6.000 slutbrugere. Vi lejer også kapacitet ud til et mobilselskab, der kører deres datatrafik over vores net.',
      ),
    ).toContain('end_users:open_count');
  });
});

describe('a rounding word at the threshold itself', () => {
  it('"godt 50.000" is about there: asked', () => {
    expect(reasons('Vi har godt 50.000 slutbrugere og ingen statsaftaler.')).toContain(
      'end_users:approximate',
    );
  });

  it('above the threshold, or "lidt over", decides', () => {
    expect(reasons('Vi har godt 53.000 slutbrugere.')).toEqual([]);
    expect(reasons('Vi har lidt over 50.000 slutbrugere.')).toEqual([]);
  });
});

describe('words that look like state words', () => {
  it('a company’s board is no state body', () => {
    expect(read('I bestyrelsens papirer står der 52.100 slutbrugere.').facts.state_end_users).toBeUndefined();
  });

  it('"staten" is read as written', () => {
    expect(read('Vi har ingen kontrakter med staten.').evidence.state_end_users).toBe(
      'ingen kontrakter med staten',
    );
  });

  it('a state agreement just won, named after the count, has no count of its own', () => {
    const t = 'Vi har 9.000 slutbrugere og har netop vundet en statslig rammeaftale. Er vi omfattet nu?';
    expect(read(t).facts.end_users).toBe(9_000);
    expect(read(t).facts.state_end_users).toBeUndefined();
  });
});

describe('items of a heading’s state contracts', () => {
  it('"one …, the other …" are each a state contract', () => {
    const t =
      'We hold two state contracts: one covers 300 staff at an agency, the other 250 staff at a university.';
    expect(read(t).facts.state_end_users).toBe(550);
  });
});

describe('the writer’s client asked about', () => {
  it('owns the count', () => {
    expect(
      reasons(
        'Vi er et rådgivningsfirma og hjælper et energiselskab, der driver et fibernet med 61.000 slutbrugere. Er vores kunde omfattet?',
      ),
    ).toContain('organisation_type:for_provider');
  });

  it('a supplier of a provider named with its count', () => {
    expect(
      reasons(
        'We are a software firm about to supply the billing platform of a Danish operator with 400,000 customers.',
      ),
    ).toContain('organisation_type:for_provider');
  });
});

describe('a hyphenated provider type after "our company is"', () => {
  it('is the writer’s type', () => {
    expect(read('Our company is a Danish wholesale-fibre operator.').facts.organisation_type).toBe(
      'telecom_provider',
    );
  });
});

describe('a network sold only wholesale', () => {
  it('its owner is a provider', () => {
    expect(
      read('We are a network infrastructure company that sells only wholesale access.').facts
        .organisation_type,
    ).toBe('telecom_provider');
  });
});

describe('homes passed, take-up not had in hand', () => {
  it('are asked about', () => {
    expect(
      reasons(
        'Vores fibernet passerer 130.000 husstande, men vi har ikke styr på, hvor mange der er kunder.',
      ),
    ).toContain('end_users:not_users');
  });
});
