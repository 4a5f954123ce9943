/**
 * Rules of the language from session 9, each in wording of its own: items of a list that enumerate parts,
 * customers counted as firms, a third party's total behind a relative clause, equipment named as what is
 * counted or as a place, a question about another party or about the writer's own standing, and a
 * question asked under a supposed prohibition.
 */
import { describe, expect, it } from 'vitest';
import { findDoubts, laterFigure, partMeant } from '../../../bot/understand/doubt.js';
import { extractFacts } from '../../../bot/understand/extract.js';
import { readQuestion } from '../../../bot/understand/question.js';
import { classifyTopic } from '../../../bot/understand/topic.js';

const read = (t: string) => extractFacts(t, { asOf: '2026-11-22' });
const limits = { endUsersThreshold: 50_000, stateThreshold: 500 };
const topicOf = (t: string) => classifyTopic(t, read(t).facts, read(t).facts).topic;
const reasons = (t: string) => findDoubts(t, read(t), limits).map((d) => `${d.fact}:${d.reason}`);

describe('items of a list', () => {
  it('that open with their counts are parts of one whole', () => {
    const t =
      'Status fra økonomi:\n- 30.500 slutbrugere på fiber i byerne\n- 20.100 slutbrugere på landet\nEr vi omfattet?';
    expect(read(t).facts.end_users).toBe(50_600);
    expect(reasons(t)).not.toContain('end_users:disagree');
  });

  it('labelled with kinds of customer are parts too', () => {
    const t = 'Our figures:\n• residential: 33,000 end users\n• business: 17,400 end users\nAre we in scope?';
    expect(read(t).facts.end_users).toBe(50_400);
  });

  it('labelled with where the figure comes from state one count twice, and disagree', () => {
    const t =
      'Two figures:\n• budget 2026: 50.900 slutbrugere\n• kundesystemet: 49.300 slutbrugere\nHvilket gælder?';
    expect(reasons(t)).toContain('end_users:disagree');
  });

  it('the same count with the same words is no sum', () => {
    expect(
      read('Tal:\n- 50.700 slutbrugere\n- 49.900 slutbrugere\nEr vi omfattet?').facts.end_users,
    ).not.toBe(100_600);
  });

  it('quoted lines with two figures on either side of the threshold disagree', () => {
    const t =
      'From the two reports:\n> Finance: "50,600 end users"\n> Network team: "49,400 end users"\nCovered?';
    expect(reasons(t)).toContain('end_users:disagree');
  });
});

describe('an own count the reader neither adds nor sets aside', () => {
  it('is asked about, not dropped', () => {
    const t =
      'Vi har 31.000 slutbrugere på fibernettet. Sidste kvartal talte salg 22.000 slutbrugere. Er vi omfattet?';
    expect(reasons(t)).toContain('end_users:left_out');
  });

  it('another party’s count in a clause of its own is theirs, not left out', () => {
    const t =
      'We are a small Danish ISP with 2,500 end users. Our transit carrier serves about 900,000 end users. Are we covered?';
    expect(read(t).facts.end_users).toBe(2_500);
    expect(reasons(t)).not.toContain('end_users:left_out');
  });
});

describe('customers that are providers themselves', () => {
  it('counted as firms are no end users', () => {
    expect(
      read('We have 47,000 end users, and 3 wholesale customers with 2,100 end users between them.').facts
        .end_users,
    ).toBe(49_100);
    expect(read('Vi har 47.000 slutbrugere og 4 engroskunder.').facts.end_users).toBe(47_000);
  });

  it('their total behind a relative clause is only their part', () => {
    expect(
      read(
        'Vi har 46.000 slutbrugere selv. 3 tjenesteudbydere, som lejer sig ind på vores net, har tilsammen 5.000 slutbrugere.',
      ).facts.end_users,
    ).toBe(51_000);
  });
});

describe('equipment named beside a count or as a place', () => {
  it('in the parenthesis after a count’s noun says what is counted', () => {
    expect(
      read('Vi er en dansk IoT-udbyder med 40.000 sensorer (vandmålere og kameraer) på nettet.').facts
        .component,
    ).toBeUndefined();
  });

  it('bought, it is the purchase', () => {
    expect(read('Vi vil købe 12 enheder (kameraer) til rådhuset.').facts.component).toBe(
      'surveillance_camera',
    );
  });

  it('where other equipment is put is a place', () => {
    expect(
      read('We want to install Hikvision cameras in the hall that houses our core network.').facts.component,
    ).toBe('surveillance_camera');
  });
});

describe('a question about another party', () => {
  it('sets aside what the writer is', () => {
    expect(
      reasons(
        'Vi er en region. Vores mobiloperatør leverer til 4.000 ansatte. Er operatøren omfattet af loven?',
      ),
    ).toContain('organisation_type:asked_party');
    expect(
      reasons('I work for a ministry. Is our broadband supplier a significant provider under the act?'),
    ).toContain('organisation_type:asked_party');
  });

  it('not when the writer is the subject, and the act’s name is no party', () => {
    expect(
      reasons('Vi er en region. Bliver regionen omfattet, fordi leverandøren er væsentlig udbyder?'),
    ).not.toContain('organisation_type:asked_party');
    expect(reasons('We are a region. Does the supplier security act apply to us?')).not.toContain(
      'organisation_type:asked_party',
    );
  });
});

describe('a question about the writer’s own standing', () => {
  it('keeps what the writer is, beside a provider it works for', () => {
    const t =
      'Vi er et hostingfirma. En af vores kunder er et teleselskab med 800.000 slutbrugere. Bliver vi så en væsentlig udbyder?';
    expect(reasons(t)).not.toContain('organisation_type:for_provider');
    expect(read(t).facts.organisation_type).toBe('company');
  });
});

describe('"today" with nothing decided', () => {
  it('dates no decision', () => {
    expect(
      read('I got the figures today: 49,000 end users. Are we covered?').facts.decision_date,
    ).toBeUndefined();
    expect(read('Vi fik afgørelsen fra CFCS i dag.').facts.decision_date).toBe('2026-11-22');
  });
});

describe('a question under a supposed prohibition', () => {
  it('asks what follows, not whether the act applies', () => {
    expect(
      readQuestion(['If CFCS bans the deal and we sign anyway, what is the legal status of the contract?'])
        .supposesProhibition,
    ).toBe(true);
    expect(readQuestion(['What is the legal status of the contract?']).supposesProhibition).toBe(false);
  });
});

describe('the writer named after a lead-in and a dash or colon', () => {
  it('is the writer', () => {
    expect(read('kort spm – dansk bredbåndsudbyder her, har vi et problem?').facts.organisation_type).toBe(
      'telecom_provider',
    );
    expect(read('Hurtigt inden mødet: regionen vil købe kameraer. Må vi?').facts.organisation_type).toBe(
      'region',
    );
  });

  it('"business accounts" is a kind of customer, not what the writer is', () => {
    expect(read('We are counted differently if you include business accounts.').facts.organisation_type).toBe(
      undefined,
    );
  });
});

describe('counts that came in addition since', () => {
  it('add to the count before them', () => {
    expect(
      read('I januar havde nettet 49.990 slutbrugere, og siden er der kommet ét par hundrede til.').facts
        .end_users,
    ).not.toBe(49_990);
    expect(
      read('Vi havde 49.950 slutbrugere i maj. Siden er der kommet 80 nye kunder til.').facts.end_users,
    ).toBe(50_030);
    expect(read('We had 49,700 end users in spring, and have since gained 450.').facts.end_users).toBe(
      50_150,
    );
  });

  it('the stressed numeral "én" is one', () => {
    expect(read('Vi har præcis 50.000 slutbrugere plus én erhvervskunde.').facts.end_users).toBe(50_001);
  });
});

describe('the duties of running cameras', () => {
  it('are another law', () => {
    expect(topicOf('Do we need warning signs and a DPIA before we install cameras at the library?')).toBe(
      'out_of_scope',
    );
    expect(topicOf('Skal vi have en databehandleraftale med leverandøren af kameraerne?')).toBe(
      'out_of_scope',
    );
  });
});

describe('a table of counts', () => {
  it('its rows under an end-user heading are parts', () => {
    const t = '| Område | Slutbrugere |\n|---|---|\n| Nord | 26.000 |\n| Syd | 24.800 |\n\nEr vi omfattet?';
    expect(read(t).facts.end_users).toBe(50_800);
  });

  it('its rows naming where each figure comes from state one count anew, and disagree', () => {
    const t =
      '| Source | End users |\n|---|---|\n| Billing | 50,400 |\n| Network team | 49,700 |\n\nCovered?';
    expect(reasons(t)).toContain('end_users:disagree');
  });

  it('parts that do not add up to the total said, across the threshold, disagree', () => {
    const t =
      '| Tjeneste | Slutbrugere |\n|---|---|\n| TV | 27.000 |\n| Internet | 25.000 |\n| I alt | 48.500 |\n\nOmfattet?';
    expect(reasons(t)).toContain('end_users:disagree');
  });

  it('its total row is no part', () => {
    const t =
      '| Net | Slutbrugere |\n|---|---|\n| Fiber | 30.000 |\n| Coax | 19.000 |\n| I alt | 49.000 |\n\nOmfattet?';
    expect(read(t).facts.end_users).toBe(49_000);
  });
});

describe('what the writer is, said twice', () => {
  it('a plain company gives way to a provider type said after', () => {
    expect(
      read('This is about our family business: we are a cable operator in Vejle with 9,000 end users.').facts
        .organisation_type,
    ).toBe('telecom_provider');
  });
});

describe('a company the writer owns', () => {
  it('asked about, sets aside what the writer is', () => {
    expect(
      reasons(
        'Vi er en kommune. Vores forsyningsselskab sælger fiber til 20.000 husstande. Er forsyningen omfattet, selvom kommunen ejer den?',
      ),
    ).toContain('organisation_type:asked_party');
  });
});

describe('equipment named only by where it stands', () => {
  it('leaves its use open', () => {
    expect(
      read('Vi skal købe udstyr til vores master fra en kinesisk leverandør.').signals.component_open,
    ).toBeDefined();
  });
});

describe('where to buy', () => {
  it('with a price asked is a shop asked for, out of scope', () => {
    expect(topicOf('What does a Dahua dome camera cost, and where can we buy it cheapest?')).toBe(
      'out_of_scope',
    );
  });

  it('whether one may buy is still asked', () => {
    expect(topicOf('Hvad koster Dahua-kameraer, og må kommunen købe dem?')).not.toBe('out_of_scope');
  });
});

describe('a state count said to come on top, in a later turn', () => {
  it('adds to the state count before it', async () => {
    const { createAdvisor } = await import('../../../bot/pipeline.js');
    const advisor = createAdvisor({ onGuardFailure: () => {} });
    const a = advisor.advise({
      turns: [
        'We are a Danish ISP with 3,000 end users, and serve 280 staff of Skattestyrelsen under a contract. Covered?',
        'Nu har vi også fået en aftale med Forsvaret om yderligere 260 brugere.',
      ],
      asOf: '2026-11-22',
    });
    expect(a.facts.state_end_users).toBe(540);
    expect(a.verdict).toBe('covered');
  }, 30_000);
});

describe('a table row that denies its label', () => {
  it('is a negation', () => {
    const t = '| Item | Value |\n|---|---|\n| End users | 30,000 |\n| State contracts | none |\n\nCovered?';
    expect(read(t).facts.state_end_users).toBe(0);
  });
});

describe('an emoji between sentences', () => {
  it('ends the first', () => {
    expect(
      read(
        'Vi har fået en aftale med Skattestyrelsen om nogle af deres ansatte 🙌 Vi har 9.000 slutbrugere i alt.',
      ).facts.end_users,
    ).toBe(9_000);
  });
});

describe('an agreement that only counts state end users', () => {
  it('asks the provider question', () => {
    const t =
      'Kontrakten med Energistyrelsen er underskrevet: vi leverer til 620 af styrelsens ansatte. Ellers har vi 3.000 slutbrugere. Bliver vi omfattet pga. kontrakten?';
    expect(topicOf(t)).toBe('provider_status');
  });
});

describe('homes a fibre network passes', () => {
  it('are no end users, however many', () => {
    expect(reasons('Vores net passerer 140.000 husstande på Fyn. Er vi omfattet?')).toContain(
      'end_users:not_users',
    );
  });

  it('a broadcaster’s network is received where it reaches', () => {
    expect(
      reasons(
        'Vi er en tv-station med landsdækkende public service og et sendenet, der dækker 900.000 husstande.',
      ),
    ).not.toContain('end_users:not_users');
  });

  it('said to be homes passed in a later sentence, give way to the end users said', () => {
    expect(
      read('Vi har 70.000. De 70.000 er husstande passeret. Antallet af slutbrugere er 28.000.').facts
        .end_users,
    ).toBe(28_000);
  });
});

describe('a count said perhaps to have fallen', () => {
  it('near above the threshold is asked about', () => {
    expect(
      reasons('We have about 56,000 end users, probably fewer now after a big customer left. Covered?'),
    ).toContain('end_users:approximate');
  });
});

describe('a pronoun for the party named just before', () => {
  it('asks about that party', () => {
    expect(
      reasons('Vi er en region. Vores it-leverandør har 70.000 kunder på sit net. Er de omfattet af loven?'),
    ).toContain('organisation_type:asked_party');
  });
});

describe('session 9, last round', () => {
  it('"cable op" is an operator, and its "cable" no equipment', () => {
    const f = read('we are a small cable op in Vejle, no state contracts').facts;
    expect(f.organisation_type).toBe('telecom_provider');
    expect(f.component).toBeUndefined();
  });

  it('a radio chain is a broadcaster', () => {
    expect(read('Vi er en lokal radiokæde med eget sendenet.').facts.organisation_type).toBe('radio_tv');
  });

  it('a customer in an excluded place is a place in passing', () => {
    expect(
      reasons('En kunde på Færøerne har spurgt os om loven. Vi har 60.000 slutbrugere. Er vi omfattet?'),
    ).toContain('territory:place_in_passing');
  });

  it('a provider that wants the writer’s product owns the count', () => {
    expect(
      reasons(
        'We are a software house. A Danish telco with 300,000 end users wants to buy our platform. Can CFCS stop it?',
      ),
    ).toContain('organisation_type:for_provider');
  });

  it('"is that agreement caught?" after a supplier was described asks about the agreement', () => {
    expect(
      classifyTopic('Is that agreement caught by the act?', {}, { end_users: 90_000, supplier_country: 'CN' })
        .topic,
    ).toBe('agreement');
  });
});

describe('session 10 rules', () => {
  it('a count names the noun after its adjectives, whatever customer word came before it', () => {
    const t = 'Ude hos kunderne står der 61.000 installerede routere på vores net. Er vi omfattet?';
    expect(read(t).facts.end_users).toBeUndefined();
    // devices at the customers' are held by people, several to a home: a count of them near the threshold is asked about
    const m = 'Hos kunderne har vi 52.000 tilsluttede modemer. Er vi omfattet?';
    expect(reasons(m)).toContain('end_users:units');
  });

  it('of two organisation words in a row, the last is the head', () => {
    expect(
      read('We are a small enterprise fibre operator with 3,000 end users.').facts.organisation_type,
    ).toBe('telecom_provider');
  });

  it('a region after "in the" is a place, not a body whose count it is', () => {
    const t =
      'Our network has 41,000 end users. With 57,000 end users we would be the biggest in the region.';
    expect(reasons(t)).toContain('end_users:left_out');
  });

  it('"their" before a count points back to the reseller named the sentence before', () => {
    const t = 'We also sell wholesale to one MVNO. Their 9,000 end users ride on our core.';
    expect(read(t).signals.end_users_wholesale_only).toBe(true);
  });

  it('"har vi ikke tal på" says a figure is not known, the subject after the verb', () => {
    const t =
      'Vi har 30.000 egne kunder, og to serviceudbydere lejer sig ind. Deres antal brugere har vi ikke tal på. Er vi omfattet?';
    expect(reasons(t)).toContain('end_users:open_count');
  });
});

describe('session 11 rules', () => {
  it('reads every list item afresh, whatever the items before it matched', () => {
    // a region's or a municipality's users are not a state body's, in whichever order the items come
    for (const t of [
      '- Central Denmark Region: 300 users\n- Aarhus Municipality: 900 users',
      '- Aarhus Municipality: 900 users\n- Central Denmark Region: 300 users',
    ]) {
      read('- Region Midtjylland: 300 users'); // a match left over from an earlier message changes nothing
      expect(read(t).facts.end_users).toBeUndefined();
    }
  });

  it('the company the writer says it is places the writer, not a supplier', () => {
    const t = 'Hello, we are small internet company in Denmark. We have 52.000 end users. Are we covered?';
    expect(read(t).facts.supplier_country).toBeUndefined();
    // a writer that says it is a vendor is the supplier, and its country a supplier's
    const v =
      "We're a vendor headquartered in China. Our customer, a Danish operator, wants a new core contract.";
    expect(read(v).facts.supplier_country).toBe('CN');
  });

  it('asked whether the organisation is significant, its contracts describe its customers', () => {
    const t =
      'We operate a fibre network used by about 1.2 million end users. We do not hold any contracts with state authorities, and Legal asks whether the contracts make us a significant provider.';
    expect(topicOf(t)).toBe('provider_status');
  });

  it("users on another provider's network are asked about, not added to the writer's own", () => {
    const t =
      'Our own fibre reaches 38,000 end users. We also sell 14,000 mobile plans to customers on Telenor’s network. Over 50,000?';
    expect(reasons(t)).toContain('end_users:other_party');
  });

  it('reads a pasted table without its outer pipes, and doubts a sum of products people hold several of', () => {
    const t =
      'service | subscribers\nfibre | 27,000\nmobile | 26,000\nmost households have 2 or 3 services. Covered?';
    expect(read(t).facts.end_users).toBe(53_000);
    expect(reasons(t)).toContain('end_users:units');
  });

  it("a state body's own headcount gives way to whom the contract serves", () => {
    const t =
      'We provide broadband to Skattestyrelsen, which has some 2,000 employees, but our contract covers 350 users only. We have 8,000 end users overall.';
    expect(read(t).facts.state_end_users).toBe(350);
  });

  it("a body, a dash and a count: the count is that body's, in a list the label says is served", () => {
    const t = 'Customers: Ministry of Culture – 280 users, Danish Agency for Labour Market – 240 users.';
    expect(read(t).facts.state_end_users).toBe(520);
  });

  it('the threshold named with its noun is no count, and a difference from it is', () => {
    expect(read('We have 46,000 end users. Do we cross the 50k end-user threshold?').facts.end_users).toBe(
      46_000,
    );
    expect(read('Vi mangler ikke meget: vi er 900 slutbrugere under 50.000.').facts.end_users).toBe(49_100);
    expect(
      read('We serve three times the litra b threshold through state agreements.').facts.state_end_users,
    ).toBe(1_500);
    expect(
      read('Our network has about twice as many end users as the litra a threshold.').facts.end_users,
    ).toBe(100_000);
  });

  it('"sidst vi talte" restates a hedged count exactly; a verb of selling denied before the state says none', () => {
    const t = 'Vi har knap 50.000 slutbrugere, sidst vi talte var det 49.640, og vi leverer ikke til staten.';
    expect(read(t).facts).toMatchObject({ end_users: 49_640, state_end_users: 0 });
  });

  it('a quarter of a million is 250,000', () => {
    expect(read('Kundens net har en kvart million slutbrugere.').facts.end_users).toBe(250_000);
    expect(read('about three quarters of a million end users').facts.end_users).toBe(750_000);
  });

  it('equipment put in the rooms of the core is not core equipment', () => {
    const t = 'We will mount new cameras inside our core network server rooms. Covered?';
    expect(read(t).facts.component).toBe('surveillance_camera');
  });

  it("a question under the data-transfer rulings is another law's", () => {
    expect(
      topicOf('Our municipality wants to move its files to a US cloud – allowed after Schrems II?'),
    ).toBe('out_of_scope');
  });

  it('a fraction sign before a multiplier is that part of it, as the person wrote it', async () => {
    const { normaliseText } = await import('../../../bot/understand/door.js');
    const t = normaliseText('Vi har ca. ½ mio slutbrugere på mobilnettet.');
    expect(t).toContain('½ mio');
    expect(read(t).facts.end_users).toBe(500_000);
  });

  it("the threshold named before its figure is no count ('over grænsen på 50.000 slutbrugere')", () => {
    const t = 'Vi har 68.000 aktive SIM-kort, mange i målere. Er vi over grænsen på 50.000 slutbrugere?';
    expect(read(t).facts.end_users).toBe(68_000);
    expect(reasons(t)).toContain('end_users:units');
  });

  it("a compound's head says what the body is: a university hospital is a region's", () => {
    const t =
      'We supply 700 staff phones to Odense Universitetshospital under a contract. Over the litra b line?';
    expect(read(t).facts.state_end_users ?? 0).toBe(0);
  });

  it('equipment in the rooms where the core sits is not core equipment', () => {
    const t = 'Can we put Dahua cameras in the rooms where our core network routers stand?';
    expect(read(t).facts.component).toBe('surveillance_camera');
  });

  it('a point after a whole word ends the sentence even when the next starts in lower case', () => {
    const t = 'we have around 9,000 end users. some of our customers are state agencies. are we covered?';
    expect(read(t).facts.state_end_users).toBeUndefined();
    expect(read(t).facts.end_users).toBe(9_000);
  });

  it('a state count over a mix of state and local bodies is asked about', () => {
    const t = 'About 650 of our users are staff at public customers, a mix of agencies and municipalities.';
    expect(reasons(t)).toContain('state_end_users:mixed_public');
  });

  it('a count split between an excluded place and Denmark leaves the territory open', () => {
    const t = 'We have 75,000 end users, split between Greenland and Denmark. Are we significant?';
    expect(reasons(t)).toContain('territory:several_places');
  });

  it('a plural names a kind of body, not the writer; a utility that sells broadband is a provider', () => {
    expect(read('Gælder litra b for kommuner og regioner?').facts.organisation_type).toBeUndefined();
    const t =
      'Jeg arbejder i et kommunalt ejet energiselskab, der også sælger bredbånd til private. Er vi omfattet?';
    expect(read(t).facts.organisation_type).toBe('telecom_provider');
  });

  it("'we're a … network' is a provider, and the network's kind is no component", () => {
    const f = read("We're a regional fibre and cable network with 12,000 end users.").facts;
    expect(f.organisation_type).toBe('telecom_provider');
    expect(f.component).toBeUndefined();
  });

  it('a question about the operator the writer contracts with asks about that operator', () => {
    const t =
      'I buy telecoms for a ministry. Will our new contract for 700 staff make that operator a significant provider?';
    expect(reasons(t)).toContain('organisation_type:asked_party');
  });

  it('a person asked to take the case over, or the bot said not to be enough, is a request for a human', () => {
    expect(read('Dette er for alvorligt til en bot, kan en jurist overtage?').facts.wants_human).toBe(true);
    expect(read('Could a human adviser take over from here?').facts.wants_human).toBe(true);
  });

  it("a writer who is a vendor gives the supplier's country", () => {
    const t = "We're a Swedish vendor of RAN control software; our Danish customer has 300k end users.";
    expect(read(t).facts.supplier_country).toBe('SE');
  });

  it('"er ansat i" counts staff', () => {
    const t = 'Kun 60 er ansat i en statslig styrelse, resten i kommunen.';
    expect(read(t).facts.state_end_users).toBe(60);
  });

  it('"never had more than" is at most', () => {
    expect(read('Vi har aldrig haft mere end 50.000 slutbrugere.').signals.end_users_bound).toMatchObject({
      side: 'below',
    });
  });

  it("where the supplier is registered is not where the network is, but the writer's own group is", () => {
    const t = 'We run a Danish mobile network. The new core contract is with a firm registered in Nuuk.';
    expect(read(t).facts.territory).not.toBe('GL');
    const own = 'Vores moderselskab er registreret i Tórshavn, og vi har 30.000 slutbrugere.';
    expect(read(own).facts.territory).toBe('FO');
  });

  it('a plain company that says it sells broadband is a provider (the verb before its subject too)', () => {
    const t = 'Vi er et varmeselskab. Derudover sælger vi bredbånd til 4.000 husstande.';
    expect(read(t).facts.organisation_type).toBe('telecom_provider');
  });

  it('another agreement in a later turn adds its state users; a pronoun takes the body just named', () => {
    expect(
      read('And we also have a contract with Rigspolitiet covering 250 users.').signals
        .state_end_users_additive,
    ).toBe(true);
    const t =
      'Undskyld: kontrakten er med Skattestyrelsen, ikke med kommunen. Det drejer sig om 560 brugere.';
    expect(read(t).facts.state_end_users).toBe(560);
  });

  it('a permit to dig up a road is another matter', () => {
    expect(
      topicOf('How long does the municipality take to grant a permit to dig up the road for our fibre?'),
    ).toBe('out_of_scope');
  });

  it('"the real figure is" marks the whole, not one more part', () => {
    const t = 'A reseller adds 4,200 users of its own, so the real figure is 51,700 end users.';
    expect(read(t).facts.end_users).toBe(51_700);
  });
});

describe('session 12 rules', () => {
  it('a business that says it does not sell a network service stays a business', () => {
    const t = 'Vi er et fjernvarmeværk og sælger ikke internet til nogen. Vi køber målere fra Kamstrup.';
    expect(read(t).facts.organisation_type).not.toBe('telecom_provider');
  });

  it('a figure set against the one said before ("A, not B", "ikke B, men A") replaces it, however far off', () => {
    expect(laterFigure('Beklager, 4.800 og ikke 48.000.', 48_000, 50_000)).toMatchObject({
      corrects: true,
      value: 4_800,
    });
    expect(laterFigure('oops – not 61,000 but 6,100', 61_000, 50_000)).toMatchObject({ value: 6_100 });
  });

  it('a sentence that points back ("still", "samme") takes the state body set against a denied municipality', () => {
    const t = 'Min fejl: aftalen er med Toldstyrelsen og ikke med kommunen. Fortsat 610 brugere.';
    expect(read(t).facts.state_end_users).toBe(610);
    const e = 'It is the Danish Police, not the municipality. Still 650 users.';
    expect(read(e).facts.state_end_users).toBe(650);
  });

  it('a municipality or region set against a denied state body leaves no state users', () => {
    const t = 'Rettelse: kunden er Vejle Kommune, ikke en styrelse.';
    expect(read(t).facts.state_end_users).toBe(0);
  });

  it('the writer\'s second predicate ("og er et … selskab") gives no supplier country', () => {
    const t =
      'Vi driver fibernet for 3.100 husstande og er et svensk-ejet selskab. Må vi købe switche fra Cisco?';
    expect(read(t).facts.supplier_country).toBe('US');
  });

  it('a Danish municipality or part of the country places the network in Denmark', () => {
    expect(read('Vores kabelnet ligger i Haderslev og har 12.000 kunder.').facts.territory).toBe('DK');
    const t = 'Nej, nettet er i Vestjylland. Tórshavn er kun vores ejers adresse.';
    expect(read(t).facts.territory).toBe('DK');
  });

  it("equipment counted as a part of a summed count is no agreement's component", () => {
    const t = 'We have 30,200 retail customers and about 9,000 SIM cards in parking meters on our network.';
    expect(read(t).facts.component).toBeUndefined();
  });

  it('lines of a label and a figure, each label a kind of customer, are parts of one count', () => {
    const t =
      'Opgørelse pr. 1/10:\nPrivatkunder: 27.900\nErhverv (slutbrugere i virksomheder): 16.000\nEngros-slutbrugere: 6.300';
    expect(read(t).facts.end_users).toBe(50_200);
  });

  it('a count said to take in resellers or units is in doubt when they could decide it', () => {
    const t = 'We are at 50,600 end users, and that figure includes 900 reseller accounts. Covered?';
    expect(reasons(t)).toContain('end_users:includes_others');
    expect(reasons('We have 50,600 end users, including 900 end users of our resellers.')).toEqual([]);
  });

  it('a business whose own end users are counted with its noun may be a provider', () => {
    const t = 'Vi er en lille virksomhed med ca. 2.400 slutbrugere på vores net.';
    expect(read(t).facts.organisation_type).toBeUndefined();
    const other =
      'We are a software company with 40 staff, supplying an operator that has 900,000 end users.';
    expect(read(other).facts.organisation_type).toBe('company');
  });

  it('a share of a count ("a third of our …", "40 % af") is in doubt for the fact it is read as', () => {
    const t = 'Cirka 40 % af vores 1.300 brugere er ansatte i Skatteministeriet via en kontrakt.';
    expect(reasons(t)).toContain('state_end_users:share');
  });

  it('a figure across the threshold reached only on a condition is in doubt', () => {
    const t = 'We have 47,800 customers; if we count our own staff phones too we get to over 50,000.';
    expect(reasons(t)).toContain('end_users:disagree');
  });

  it('an operation or managed service with no system or network in its sentence leaves the component open', () => {
    const t =
      'Large Danish telco here. We are about to sign an outsourcing deal with an Indian firm. In scope?';
    expect(read(t).signals.component_open).toBeDefined();
    const core = 'We are about to outsource the operation of our core to an Indian firm.';
    expect(read(core).signals.component_open).toBeUndefined();
  });

  it('equipment put right at ("ved") the core is not core equipment; work on the core still is', () => {
    expect(read('Kan vi montere Dahua-kameraer ved vores kernenetudstyr?').facts.component).toBe(
      'surveillance_camera',
    );
    expect(read('Ved udskiftning af kernenettet vælger vi Ericsson.').facts.component).toBe('core_network');
  });

  it('"de har" after the resellers just named counts their customers, not the writer\'s', () => {
    const t = 'Tre tjenesteudbydere lejer sig ind på nettet – de har tilsammen 8.000 kunder.';
    expect(read(t).signals.end_users_wholesale_only).toBe(true);
  });

  it('a point after a whole number ends the sentence before a lower-case start', () => {
    const t = 'We serve Vejdirektoratet, 600 users there. overall 7,500 end users. no other public bodies.';
    expect(read(t).facts).toMatchObject({ end_users: 7_500, state_end_users: 600 });
  });

  it("a count in a relative clause is its antecedent's (a group the writer belongs to)", () => {
    const t = 'Vi er ejet af en koncern, som har over 900.000 kunder i alt. Vi driver selv et lille net.';
    expect(reasons(t)).toContain('end_users:other_party');
  });

  it('a correction that names the state count and a part of it ("only N of them") means the part', () => {
    const t = 'Rettelse: 610 er hele styrelsens personale, kun 470 af dem bruger vores net.';
    expect(partMeant(t, 610)).toMatchObject({ value: 470 });
    expect(partMeant('610 users, 300 of them on fibre.', 610)).toBeUndefined();
  });

  it('the ends of a path ("between the masts and the internet") are not what is bought', () => {
    const t = 'We will replace the central machines that route traffic between the masts and the internet.';
    expect(read(t).facts.component).toBeUndefined();
  });

  it('cameras in the hall where the core sits are cameras', () => {
    const t = 'Kan vi sætte Dahua-kameraer op i hallen, hvor kernenettet står?';
    expect(read(t).facts.component).toBe('surveillance_camera');
  });

  it('"their own customers" are theirs, not the writer\'s own', () => {
    const t = 'A reseller sells fibre over our network to 9,300 of their own customers.';
    expect(read(t).signals.end_users_wholesale_only).toBe(true);
  });

  it('"IT operations" may be the office\'s or the network\'s: the component stays open', () => {
    const t = 'Large Danish mobile operator here; we are outsourcing our IT operations to a firm in Vietnam.';
    expect(read(t).signals.component_open).toBeDefined();
  });

  it('asked what the guidance says, a municipality that owns cameras asks about the guidance', () => {
    const t = 'Kommunen har haft kinesiske kameraer i mange år. Hvad siger vejledningen om dem i dag?';
    expect(topicOf(t)).toBe('guidance');
  });
});
