import { describe, expect, it } from 'vitest';
import { extractFacts, withinOneEdit } from '../../../bot/understand/extract.js';
import type { FactKey, Facts } from '../../../guardrails/facts.js';
import { FactsSchema } from '../../../guardrails/facts.js';

interface Row {
  text: string;
  asOf?: string;
  /** Facts the message must yield, with these values. */
  yes: Facts;
  /** Facts the message must not yield at all. */
  no?: FactKey[];
}

// Written for these tests, informal on purpose: typos, missing capitals, mixed languages.
const ROWS: Row[] = [
  // --- counts of end users -------------------------------------------------------------------
  {
    text: 'vi er en lille isp med ca. 57.000 slutbrugere',
    yes: { end_users: 57000, organisation_type: 'telecom_provider' },
  },
  { text: 'We have roughly 60k customers on our fibre', yes: { end_users: 60000 } },
  {
    text: 'Our customer base is ~350k subscribers across Jutland',
    yes: { end_users: 350000, territory: 'DK' },
  },
  { text: 'vi har omkring 300.000 kunder på mobil og bredbånd', yes: { end_users: 300000 } },
  {
    text: 'Vi har 1,2 millioner abonnenter og er et mobilselskab',
    yes: { end_users: 1200000, organisation_type: 'telecom_provider' },
  },
  { text: 'Vi leverer til 75 tusind husstande', yes: { end_users: 75000 } },
  { text: 'we serve 1.5 million households with cable tv and internet', yes: { end_users: 1500000 } },
  { text: 'we got 2 million users on the network', yes: { end_users: 2000000 } },
  { text: 'Our network has 50 000 end-users right now', yes: { end_users: 50000 } },
  { text: 'vi har 3.200 slutbrugere', yes: { end_users: 3200 }, no: ['state_end_users'] },
  { text: 'Antallet af slutbrugere er knap 49.500.', yes: { end_users: 49500 } },
  { text: 'we have 50,001 endusers', yes: { end_users: 50001 } },
  { text: 'vi har 1,5 mio. kunder', yes: { end_users: 1500000 } },
  { text: 'We have 1.8m costumers, mostly mobile', yes: { end_users: 1800000 } },
  { text: 'vores net bruges af godt 51.000 private og erhvervskunder', yes: { end_users: 51000 } },
  { text: 'The station reaches about 420,000 listeners every week', yes: { end_users: 420000 } },
  {
    text: 'Vi har 40.000 egne kunder og derudover 15.000 slutbrugere hos vores engroskunder',
    yes: { end_users: 55000 },
  },
  {
    text: 'our own 40k customers plus 15k on our wholesale partners services - does that add up to more than 50k?',
    yes: { end_users: 55000 },
  },
  {
    text: 'Vi har 30.000 egne slutbrugere. Tre virtuelle operatører lejer kapacitet hos os, og deres slutbrugere er ca. 25.000.',
    yes: { end_users: 55000 },
  },
  {
    text: 'We have 45,000 retail customers, and wholesale partners bring another 6,000 end users',
    yes: { end_users: 51000 },
  },
  {
    text: 'We have 12,000 end users in total, 9,000 own and 3,000 via wholesale.',
    yes: { end_users: 12000 },
  },
  {
    text: 'Kommunen har 60.000 indbyggere og 4.000 ansatte',
    yes: { organisation_type: 'municipality' },
    no: ['end_users', 'state_end_users'],
  },
  {
    text: 'Vi er 250 ansatte i et lille teleselskab',
    yes: { organisation_type: 'telecom_provider' },
    no: ['end_users'],
  },
  { text: 'Is 50.000 enough to be significant?', yes: {}, no: ['end_users'] },
  { text: 'The contract is worth 2 million kr and covers 5 years', yes: {}, no: ['end_users'] },
  { text: 'vi har 80 % af markedet i Nordjylland', yes: {}, no: ['end_users'] },
  // --- state end users -------------------------------------------------------------------------
  {
    text: 'Vi har 9.000 slutbrugere i alt. Via en aftale med Skattestyrelsen leverer vi mobiltelefoni til 650 af styrelsens medarbejdere.',
    yes: { end_users: 9000, state_end_users: 650 },
  },
  {
    text: 'we have 4,000 end users altogether, and through a contract with a state agency we serve 520 of their staff',
    yes: { end_users: 4000, state_end_users: 520 },
  },
  {
    text: 'Through our framework agreement with the Ministry of Defence we provide mobile service for 1,200 employees.',
    yes: { state_end_users: 1200 },
  },
  {
    text: 'Vi leverer net til to universiteter, i alt 3.000 studerende og ansatte brugere.',
    yes: { state_end_users: 3000 },
  },
  {
    text: 'We have 18,500 end users in total. Around 3,000 of them are staff at two municipalities we have contracts with.',
    yes: { end_users: 18500, state_end_users: 0 },
  },
  {
    text: 'Ca. 900 af vores 20.000 kunder er ansatte i Region Syddanmark, som vi har en rammeaftale med',
    yes: { state_end_users: 0 },
    no: ['organisation_type'],
  },
  { text: 'Vi har ingen aftaler med statslige myndigheder overhovedet', yes: { state_end_users: 0 } },
  { text: 'We have no contracts with state bodies.', yes: { state_end_users: 0 } },
  { text: 'no government agency customers at all, only private ones', yes: { state_end_users: 0 } },
  // --- organisation type -------------------------------------------------------------------------
  {
    text: 'Hej, jeg sidder i IT-afdelingen i Viborg Kommune. Må vi købe nye kameraer?',
    yes: { organisation_type: 'municipality', component: 'surveillance_camera' },
  },
  {
    text: 'Our municipality is looking at CCTV for the town hall',
    yes: { organisation_type: 'municipality', component: 'surveillance_camera' },
  },
  { text: 'Vi er en region og skal have nye kameraer på sygehusene', yes: { organisation_type: 'region' } },
  {
    text: "I'm at a Danish state agency, we buy laptops from Lenovo",
    yes: { organisation_type: 'state_authority', component: 'office_it' },
  },
  { text: 'Vi er en styrelse under Erhvervsministeriet', yes: { organisation_type: 'state_authority' } },
  {
    text: 'Vi er et lille dansk teleselskab på Fyn',
    yes: { organisation_type: 'telecom_provider', territory: 'DK' },
  },
  {
    text: "we're a regional broadband company in southern Jutland",
    yes: { organisation_type: 'telecom_provider' },
  },
  {
    text: 'We are a cable operator with a network in Aarhus',
    yes: { organisation_type: 'telecom_provider', territory: 'DK' },
  },
  { text: 'jeg arbejder for en internetudbyder', yes: { organisation_type: 'telecom_provider' } },
  {
    text: 'vi er en lokal radiostation i Vejle',
    yes: { organisation_type: 'radio_tv' },
    no: ['nationwide_public_service'],
  },
  {
    text: 'We are a TV station with national public service obligations',
    yes: { organisation_type: 'radio_tv', nationwide_public_service: true },
  },
  {
    text: 'Vi er en kommerciel tv-kanal uden public service-forpligtelser',
    yes: { organisation_type: 'radio_tv', nationwide_public_service: false },
  },
  {
    text: 'Vi er en lokal radio med lokal public service-tilladelse',
    yes: { nationwide_public_service: false },
  },
  { text: 'We are a private hospital thinking about new cameras', yes: { organisation_type: 'other' } },
  {
    text: 'Vi er en dansk bank og vil købe overvågningskameraer',
    yes: { organisation_type: 'company', component: 'surveillance_camera' },
  },
  {
    text: 'vi er en butikskæde... er der regler for kameraer fra kina?',
    yes: { organisation_type: 'company', supplier_country: 'CN' },
  },
  {
    text: 'Our contract with a telecom operator covers phones for our staff',
    yes: {},
    no: ['organisation_type'],
  },
  // --- components ------------------------------------------------------------------------------
  {
    text: 'Aftalen handler om nyt kernenetudstyr fra Ericsson',
    yes: { component: 'core_network', supplier: 'Ericsson', supplier_country: 'SE' },
  },
  { text: 'we want to swap our packet core', yes: { component: 'core_network', agreement_status: 'new' } },
  { text: 'Det drejer sig om drift og vedligehold af vores core-net', yes: { component: 'core_network' } },
  { text: 'nye core-routere til rygradsnettet', yes: { component: 'backbone_router' } },
  {
    text: 'We buy routers for our backbone from Juniper',
    yes: { component: 'backbone_router', supplier: 'Juniper', supplier_country: 'US' },
  },
  { text: 'The deal covers backbone servers in our two data centres', yes: { component: 'backbone_server' } },
  { text: 'Vi skal have nyt faktureringssystem', yes: { component: 'oss_bss_nms', agreement_status: 'new' } },
  { text: 'contract for our OSS/BSS stack', yes: { component: 'oss_bss_nms' } },
  { text: 'outsourcing af netværksstyringen til en ekstern partner', yes: { component: 'oss_bss_nms' } },
  {
    text: 'kontrolenheder til radionettet fra Samsung',
    yes: { component: 'ran_control', supplier: 'Samsung', supplier_country: 'KR' },
  },
  { text: 'new RAN controllers for the 5G rollout', yes: { component: 'ran_control' } },
  {
    text: 'Vi vil outsource driften af vores net til et managed services firma',
    yes: { component: 'operations_service', agreement_status: 'new' },
  },
  {
    text: 'Må vi sætte Dahua-kameraer op på rådhuset?',
    yes: { component: 'surveillance_camera', supplier: 'Dahua', supplier_country: 'CN' },
  },
  { text: 'videoovervågningsanlæg til parkeringshuset', yes: { component: 'surveillance_camera' } },
  { text: 'nye fritzboxe til kunderne', yes: { component: 'customer_equipment', supplier: 'AVM' } },
  { text: 'set-top boxes for our tv customers', yes: { component: 'customer_equipment' } },
  {
    text: 'we want to sell Xiaomi handsets to our subscribers',
    yes: { component: 'customer_equipment', supplier: 'Xiaomi', supplier_country: 'CN' },
  },
  { text: 'nye mobiltelefoner til vores medarbejdere', yes: { component: 'office_it' } },
  { text: 'new printers and laptops for the office', yes: { component: 'office_it' } },
  { text: 'vi skal have nye master på Lolland', yes: { component: 'other' } },
  // --- supplier and country ----------------------------------------------------------------------
  {
    text: 'vi overvejer den kinesiske leverandør ZTE til kernenettet',
    yes: { supplier: 'ZTE', supplier_country: 'CN', agreement_status: 'new' },
  },
  {
    text: 'We are looking at hauwei for the radio network control units',
    yes: { supplier: 'Huawei', supplier_country: 'CN', component: 'ran_control' },
  },
  { text: 'en aftale med svenske Ericsson', yes: { supplier: 'Ericsson', supplier_country: 'SE' } },
  {
    text: 'a Norwegian vendor for our billing',
    yes: { supplier_country: 'NO', component: 'oss_bss_nms' },
    no: ['supplier'],
  },
  {
    text: 'We are a Danish operator and want to buy from an Israeli company',
    yes: { supplier_country: 'IL', territory: 'DK' },
  },
  { text: 'leverandøren er et selskab med hovedsæde i Rusland', yes: { supplier_country: 'RU' } },
  { text: "We're a Danish telco", yes: { territory: 'DK' }, no: ['supplier_country'] },
  { text: 'A supplier controlled by a foreign military, is that a problem?', yes: {} },
  {
    text: 'cameras from milestone? no wait, the VMS is from Milestone and the cameras are Axis',
    yes: { supplier: 'Milestone', supplier_country: 'DK' },
  },
  // --- territory -------------------------------------------------------------------------------
  { text: 'Vi driver mobilnet på Færøerne', yes: { territory: 'FO', organisation_type: 'telecom_provider' } },
  { text: 'Vi er et teleselskab i Nuuk', yes: { territory: 'GL' } },
  { text: 'Gælder den danske lov for et færøsk teleselskab?', yes: { territory: 'FO' } },
  { text: 'We operate in Greenland only', yes: { territory: 'GL' } },
  // --- agreement status and dates ------------------------------------------------------------------
  {
    text: 'Vores aftale med Nokia blev indgået den 7. dec. 2020',
    yes: { agreement_status: 'existing', agreement_date: '2020-12-07' },
  },
  {
    text: 'kontrakten blev underskrevet 7/12-2020',
    yes: { agreement_status: 'existing', agreement_date: '2020-12-07' },
  },
  {
    text: 'We signed the deal on March 15, 2022',
    yes: { agreement_status: 'existing', agreement_date: '2022-03-15' },
  },
  {
    text: 'the contract was concluded on 2019-11-30',
    yes: { agreement_date: '2019-11-30', agreement_status: 'existing' },
  },
  {
    text: 'Vi har haft en aftale med Huawei siden 2018',
    yes: { agreement_date: '2018-01-01', agreement_status: 'existing' },
  },
  { text: 'our Huawei contract is from 2020', yes: { agreement_status: 'existing' }, no: ['agreement_date'] },
  { text: 'aftalen er fra marts 2021', yes: { agreement_date: '2021-03-01' } },
  {
    text: 'Vi skal indgå en ny aftale med Cisco før jul',
    yes: { agreement_status: 'new', supplier: 'Cisco' },
  },
  { text: 'Before we sign with Nokia, can you check it?', yes: { agreement_status: 'new' } },
  {
    text: 'We have an existing contract for our core network',
    yes: { agreement_status: 'existing', component: 'core_network' },
  },
  {
    text: 'CFCS meddelte os forbuddet den 10/2-2026',
    asOf: '2026-11-22',
    yes: { decision_date: '2026-02-10' },
    no: ['agreement_date'],
  },
  {
    text: 'We got the decision from CFCS on 1 September 2026',
    asOf: '2026-11-22',
    yes: { decision_date: '2026-09-01' },
  },
  {
    text: 'Aftalen blev underskrevet 3. marts 2019, og afgørelsen om forbud blev meddelt os 31. august 2026.',
    asOf: '2026-11-22',
    yes: { agreement_date: '2019-03-03', decision_date: '2026-08-31' },
  },
  { text: 'fik afgørelsen i går', asOf: '2026-11-22', yes: { decision_date: '2026-11-21' } },
  {
    text: 'Loven trådte i kraft 1. juli 2021, gælder den for os?',
    yes: {},
    no: ['agreement_date', 'decision_date'],
  },
  // --- more phrasings ---------------------------------------------------------------------------
  {
    text: 'We serve 450 employees at Danish state agencies and 300 at the Capital Region',
    yes: { state_end_users: 450 },
  },
  {
    text: 'Vores udbyder af kernenet er finsk.',
    yes: { supplier_country: 'FI', component: 'core_network' },
    no: ['organisation_type'],
  },
  { text: 'Our core network supplier is Finnish.', yes: { supplier_country: 'FI' } },
  {
    text: 'I would like to talk to someone at CFCS please',
    yes: { wants_human: true },
    no: ['agreement_status'],
  },
  { text: 'Vi er et grønlandsk teleselskab med 40.000 kunder', yes: { territory: 'GL', end_users: 40000 } },
  {
    text: "We received CFCS's prohibition on 15 June 2026. When is the court deadline?",
    yes: { decision_date: '2026-06-15' },
  },
  {
    text: 'Our contract with Huawei was signed on 10 December 2020 and CFCS notified us of a ban on 2 February 2026.',
    yes: { agreement_date: '2020-12-10', decision_date: '2026-02-02', supplier: 'Huawei' },
  },
  { text: 'vi har 2,5 mio mobilabonnenter', yes: { end_users: 2500000 } },
  {
    text: 'Vi er en virtuel mobiloperatør (MVNO) med 80.000 kunder',
    yes: { organisation_type: 'telecom_provider', end_users: 80000 },
  },
  {
    text: 'Hej, vi har et fibernet med 51.000 tilsluttede husstande i Nordjylland - er vi omfattet?',
    yes: { organisation_type: 'telecom_provider', end_users: 51000 },
  },
  {
    text: 'We are a Danish ISP. We have 20,000 customers, plus a contract with the Danish Police covering 800 officers.',
    yes: { end_users: 20000, state_end_users: 800 },
  },
  { text: 'Vi har 120.000 privatkunder og 8.000 erhvervskunder', yes: { end_users: 128000 } },
  { text: 'We have a network of 200 shops', yes: {}, no: ['organisation_type', 'end_users'] },
  {
    text: 'Vores aftale med Huawei om radionet-styringsenheder blev indgået 1. december 2020. Er den omfattet i dag?',
    yes: { component: 'ran_control', agreement_date: '2020-12-01' },
    no: ['decision_date'],
  },
  {
    text: 'Contract signed Dec 8 2020 with Ericsson for core',
    yes: { component: 'core_network', agreement_date: '2020-12-08' },
  },
  { text: 'kontrakt indgået d. 8/12 2020', yes: { agreement_date: '2020-12-08' } },
  {
    text: 'CFCS traf afgørelse den 12. januar 2026 og meddelte den os den 15. januar 2026.',
    yes: { decision_date: '2026-01-15' },
  },
  { text: 'Forbuddet blev meddelt os i dag', asOf: '2026-11-22', yes: { decision_date: '2026-11-22' } },
  {
    text: 'Can the act reach that contract today?',
    asOf: '2026-11-22',
    yes: {},
    no: ['agreement_date', 'decision_date'],
  },
  { text: 'Vores leverandør er baseret i Kina', yes: { supplier_country: 'CN' }, no: ['organisation_type'] },
  {
    text: 'Kan vi indgå aftale med en leverandør, som har hovedsæde i Tyskland, om backbone?',
    yes: { supplier_country: 'DE', component: 'backbone_router' },
  },
  {
    text: "We'd like to buy routers for the backbone from a US vendor",
    yes: { supplier_country: 'US', agreement_status: 'new' },
  },
  { text: 'Kan I sætte mig i forbindelse med en rådgiver?', yes: { wants_human: true } },
  {
    text: 'Vi vil gerne have nogen fra CFCS til at kigge på det',
    yes: { wants_human: true },
    no: ['agreement_status'],
  },
  { text: 'We have 50k+ users', yes: { end_users: 50000 } },
  {
    text: 'were a danish telco w 60k subs',
    yes: { organisation_type: 'telecom_provider', end_users: 60000 },
  },
  { text: 'Dec. 7th, 2020 we signed the contract', yes: { agreement_date: '2020-12-07' } },
  {
    text: 'we have 50,000 end users, of which 501 are state employees',
    yes: { end_users: 50000, state_end_users: 501 },
  },
  {
    text: 'Vi er en dansk teleudbyder med 50.000 slutbrugere, hvoraf 600 er ansatte i statslige styrelser',
    yes: { end_users: 50000, state_end_users: 600 },
  },
  { text: 'vi har 45.000 kunder (inkl. 5.000 engroskunder)', yes: { end_users: 45000 } },
  {
    text: 'Vi er en lokalradio uden public service',
    yes: { organisation_type: 'radio_tv', nationwide_public_service: false },
  },
  { text: 'vi køber fra Kina', yes: { supplier_country: 'CN' } },
  {
    text: 'Må vi købe kinesiske kameraer?',
    yes: { supplier_country: 'CN', component: 'surveillance_camera' },
  },
  { text: 'Jeg er it-chef hos en mobiloperatør', yes: { organisation_type: 'telecom_provider' } },
  {
    text: "I'm the CISO at a Danish telco with 400k subscribers",
    yes: { organisation_type: 'telecom_provider', end_users: 400000 },
  },
  {
    text: 'Vi leverer internet til 60.000 husstande',
    yes: { organisation_type: 'telecom_provider', end_users: 60000 },
  },
  {
    text: 'Vi er leverandør af kernenetudstyr til danske teleselskaber',
    yes: { organisation_type: 'company', component: 'core_network' },
  },
  { text: 'Vores leverandør sidder i Kina', yes: { supplier_country: 'CN' }, no: ['organisation_type'] },
  { text: 'Aftalen blev underskrevet i starten af 2021', yes: { agreement_date: '2021-01-01' } },
  {
    text: 'Vi har en aftale med Nokia fra 15.3.2017 om drift af vores mobilnet',
    yes: { agreement_date: '2017-03-15', component: 'operations_service' },
  },
  { text: 'Kan nogen ringe til mig?', yes: { wants_human: true } },
  {
    text: 'Vi er et hospital i Region Midtjylland og vil købe kameraer',
    yes: { organisation_type: 'region' },
  },
  { text: 'We are a hospital run by the region', yes: { organisation_type: 'region' } },
  {
    text: 'Gælder loven for aftaler indgået før 7. december 2020?',
    yes: {},
    no: ['agreement_status', 'agreement_date'],
  },
  { text: 'Does the act apply to new agreements only?', yes: {}, no: ['agreement_status'] },
  {
    text: 'Må en kommune bruge kinesiske kameraer?',
    yes: { organisation_type: 'municipality', supplier_country: 'CN' },
  },
  { text: 'Gælder loven for en region?', yes: { organisation_type: 'region' } },
  { text: 'Hvad siger § 2, stk. 2, nr. 3 om leverandører?', yes: {}, no: ['end_users', 'state_end_users'] },
  {
    text: 'vi har 60.000 slut brugere og vil købe kerne net fra Eriksson',
    yes: { end_users: 60000, component: 'core_network', supplier: 'Ericsson', supplier_country: 'SE' },
  },
  {
    text: "we have 70k end user's, thinking about Huaewi for the core",
    yes: { supplier: 'Huawei', component: 'core_network' },
  },
  { text: 'Vi overvejer disco lys til julefrokosten', yes: {}, no: ['supplier'] },
  {
    text: 'vi er en bredbåndsudbyder og skal indgå en aftale med tyske avm om nye hjemmeroutere',
    yes: { supplier: 'AVM', supplier_country: 'DE' },
  },
  { text: 'we buy from the US', yes: { supplier_country: 'US' } },
  { text: 'tell us about it', yes: {}, no: ['supplier_country', 'supplier'] },
  {
    text: 'We sell wholesale access to 3 ISPs whose customers number 20,000; our own retail base is 35,000',
    yes: { end_users: 55000 },
  },
  {
    text: 'Of our 60,000 end users, 1,000 are at state agencies',
    yes: { end_users: 60000, state_end_users: 1000 },
    no: ['organisation_type'],
  },
  {
    text: 'Vi er 3 kommuner der sammen ejer et fibernet med 12.000 brugere',
    yes: { organisation_type: 'municipality', end_users: 12000 },
  },
  {
    text: 'Ministeriet overvejer at købe kameraer fra Dahua',
    yes: { organisation_type: 'state_authority', agreement_status: 'new' },
  },
  {
    text: 'Contract signed Dec 8 2020 with Ericsson',
    yes: { agreement_status: 'existing', agreement_date: '2020-12-08' },
  },
  // --- wants a human -----------------------------------------------------------------------------
  { text: 'kan jeg ikke bare tale med et menneske?', yes: { wants_human: true } },
  { text: 'Please put me through to someone at CFCS', yes: { wants_human: true } },
  { text: 'jeg vil gerne have en rådgiver til at ringe mig op', yes: { wants_human: true } },
  { text: 'Can I speak to a real person about this?', yes: { wants_human: true } },
  { text: 'I dont need to talk to a human, just answer', yes: {}, no: ['wants_human'] },
  // --- mixed language, whole messages ---------------------------------------------------------------
  {
    text: 'Hej! Vi er en dansk mobiloperatør med 1,1 mio. slutbrugere, and we plan to sign with Ericsson for the mobile core next month.',
    yes: {
      organisation_type: 'telecom_provider',
      end_users: 1100000,
      agreement_status: 'new',
      supplier: 'Ericsson',
      supplier_country: 'SE',
      component: 'core_network',
      territory: 'DK',
    },
  },
  {
    text: 'We r a danish ISP w/ 72.000 kunder. vores kontrakt med Huawei om core routere blev signed 1/6-2019',
    yes: {
      organisation_type: 'telecom_provider',
      end_users: 72000,
      supplier: 'Huawei',
      component: 'backbone_router',
      agreement_date: '2019-06-01',
      agreement_status: 'existing',
    },
  },
  {
    text: 'Kommune her. Vi overvejer Hikvision kameraer til skolerne, men de er vist ejet af den kinesiske stat?',
    yes: {
      organisation_type: 'municipality',
      supplier: 'Hikvision',
      supplier_country: 'CN',
      component: 'surveillance_camera',
    },
  },
  // --- decision dates: the notification verb near the date wins over agreement words ------------
  {
    text: 'Vi modtog afgørelsen om forbud mod vores aftale med ZTE den 4. februar 2026. Hvornår udløber fristen?',
    asOf: '2026-11-22',
    yes: { decision_date: '2026-02-04' },
    no: ['agreement_date'],
  },
  {
    text: 'The ministry informed us of its order against our RAN contract on 12 January 2027, what now',
    asOf: '2026-11-22',
    yes: { decision_date: '2027-01-12' },
    no: ['agreement_date'],
  },
  {
    text: 'vi fik besked om CFCS-forbuddet mod kontrakten d. 9. september 2026. kan vi nå at gå i retten',
    asOf: '2026-11-22',
    yes: { decision_date: '2026-09-09' },
    no: ['agreement_date'],
  },
  {
    text: 'Vi har en aftale med Huawei fra 2019, og CFCS meddelte os et påbud den 5. maj 2026.',
    yes: { agreement_date: '2019-01-01', decision_date: '2026-05-05' },
  },
  {
    text: 'Our agreement of 3 March 2021 with Huawei was later banned by CFCS',
    yes: { agreement_date: '2021-03-03' },
    no: ['decision_date'],
  },
  // --- servers or routers in the backbone: the noun nearest the backbone word ---------------------
  {
    text: 'vi skal have nye servere i vores backbone-net fra Juniper',
    yes: { component: 'backbone_server', supplier: 'Juniper' },
  },
  {
    text: 'contract for the routers and the central servers of our backbone',
    yes: { component: 'backbone_server' },
  },
  {
    text: 'Nokia leverer de nye routere til vores backbone network',
    yes: { component: 'backbone_router' },
  },
  // --- a country word before a (compound) supplier noun -----------------------------------------
  {
    text: 'Siden april 2021 har vi brugt en polsk softwarevirksomhed til drift af vores OSS',
    yes: { supplier_country: 'PL', agreement_date: '2021-04-01', component: 'oss_bss_nms' },
  },
  {
    text: 'we pay an Indian outsourcing firm to run our NOC',
    yes: { supplier_country: 'IN' },
  },
  {
    text: 'Kernenettet driftes af en israelsk IT-leverandør',
    yes: { supplier_country: 'IL', component: 'core_network' },
  },
  {
    text: 'Vi er en dansk netoperatør og overvejer et sydkoreansk teknologiselskab til RAN-styring',
    yes: { supplier_country: 'KR', territory: 'DK', agreement_status: 'new' },
  },
  // --- agreements still to come -------------------------------------------------------------------
  {
    text: 'Kontrakten med Nokia om kernenettet skal underskrives i næste måned.',
    yes: { agreement_status: 'new', supplier: 'Nokia' },
  },
  {
    text: "We haven't signed anything with Ericsson yet, the deal is due to be signed in March",
    yes: { agreement_status: 'new' },
  },
  {
    text: 'Our deal with ZTE will be concluded next quarter',
    yes: { agreement_status: 'new' },
  },
  {
    text: 'vi er ved at forhandle en aftale med et finsk firma om drift af vores mobilnet',
    yes: { agreement_status: 'new', supplier_country: 'FI' },
  },
  // --- typos in count nouns, people reached by the writer's own network ---------------------------
  {
    text: 'vi har omkring 80.000 abonennter på fiber',
    yes: { end_users: 80000 },
  },
  {
    text: 'We have 65,000 custmers on our cable network',
    yes: { end_users: 65000 },
    no: ['component'],
  },
  {
    text: 'Vi har 45.000 privatkundre og 5.000 erhvervskunder',
    yes: { end_users: 50000 },
  },
  {
    text: 'vores sendernet når ud til ca. 1,5 mio. mennesker',
    yes: { end_users: 1500000 },
  },
  {
    text: 'Our fibre network is used by 45,000 people on Funen',
    yes: { end_users: 45000 },
  },
  { text: 'We have 200 people working in our NOC', yes: {}, no: ['end_users'] },
  { text: 'Kommunen har 60.000 indbyggere og eget fibernet', yes: {}, no: ['end_users'] },
  // --- private businesses are companies; "som region", named regions ------------------------------
  {
    text: 'We are a small family-owned grocery with two stores, is a Dahua camera ok?',
    yes: { organisation_type: 'company', component: 'surveillance_camera' },
  },
  {
    text: 'Vi er en dagligvarekæde med 40 butikker',
    yes: { organisation_type: 'company' },
  },
  {
    text: 'vi har et lille advokatfirma i Odense og vil købe et par kameraer',
    yes: { organisation_type: 'company' },
  },
  {
    text: 'I run a hotel in Skagen, can we put up Hikvision cameras in the lobby?',
    yes: { organisation_type: 'company' },
  },
  {
    text: 'We are a private dental clinic',
    yes: { organisation_type: 'company' },
  },
  {
    text: 'Kan vi som kommune købe EZVIZ-kameraer til rådhuset?',
    yes: { organisation_type: 'municipality', supplier: 'EZVIZ', supplier_country: 'CN' },
  },
  {
    text: 'Må vi som region installere Dahua kameraer?',
    yes: { organisation_type: 'region' },
  },
  {
    text: 'Hos os i Region Nordjylland overvejer vi nye kameraer',
    yes: { organisation_type: 'region' },
  },
  {
    text: 'Vi leverer internet til 3.000 ansatte hos Region Hovedstaden',
    yes: { organisation_type: 'telecom_provider' },
  },
  {
    text: 'Our firm, a regional fibre operator, has 30,000 subscribers',
    yes: { organisation_type: 'telecom_provider', end_users: 30000 },
  },
  {
    text: 'Vores virksomhed driver mobilnettet på Bornholm',
    yes: { organisation_type: 'telecom_provider' },
  },
  {
    text: 'Som dansk kabel-tv-udbyder med 60.000 kunder overvejer vi et kinesisk firma til kernenettet',
    yes: { organisation_type: 'telecom_provider', supplier_country: 'CN', end_users: 60000 },
  },
  {
    text: 'Må vi som dansk internetudbyder købe routere hos en svensk producent?',
    yes: { organisation_type: 'telecom_provider', supplier_country: 'SE' },
  },
  {
    text: 'Vi regner med at underskrive kontrakten med Nokia til foråret',
    yes: { agreement_status: 'new', supplier: 'Nokia' },
  },
  {
    text: 'We hope to sign the RAN deal with Ericsson before summer',
    yes: { agreement_status: 'new', supplier: 'Ericsson' },
  },
  {
    text: 'Could I be called back by one of your advisers?',
    yes: { wants_human: true },
  },
  {
    text: 'Vi har 20.000 kunder selv, og 35.000 slutbrugere køber gennem tre internetudbydere, der lejer vores fiber',
    yes: { end_users: 55000 },
  },
  { text: 'vi har omkring 1,1 mio kundre på mobil', yes: { end_users: 1100000 } },
  { text: 'We own three pizzerias and want Dahua cameras', yes: { organisation_type: 'company' } },
  { text: 'Jeg har en frisørsalon i Vejle', yes: { organisation_type: 'company' } },
  {
    text: 'around 2 million people listen to our FM transmitters every week',
    yes: { end_users: 2000000 },
  },
  {
    text: 'We were notified of the ban on our ZTE deal on 3 October 2026. Deadline?',
    asOf: '2026-11-22',
    yes: { decision_date: '2026-10-03' },
    no: ['agreement_date'],
  },
  {
    text: 'Of our 30,000 users, 650 are staff at a government agency under our contract with them',
    yes: { end_users: 30000, state_end_users: 650 },
    no: ['agreement_status'],
  },
  {
    text: 'Vores kontrakt med kommunen dækker 300 medarbejdere',
    yes: {},
    no: ['agreement_status'],
  },
  {
    text: 'The provider we are considering is Indian',
    yes: { supplier_country: 'IN', agreement_status: 'new' },
  },
  { text: "we're close to signing with Ericsson", yes: { agreement_status: 'new' } },
  { text: 'Vi er på vej til at indgå en aftale med Nokia', yes: { agreement_status: 'new' } },
  { text: 'Kan man som kommune købe Hikvision kameraer?', yes: { organisation_type: 'municipality' } },
  { text: 'Som region overvejer vi Dahua kameraer til sygehusene', yes: { organisation_type: 'region' } },
  {
    text: 'Vi er i praksis en lille udbyder med 20.000 kunder',
    yes: { organisation_type: 'telecom_provider' },
  },
  // --- passive infrastructure is `other` (masts, towers, ducts, cable, power) ------------------
  {
    text: 'Vi skal have nye gittermaster og antennetårne til vores mobilsites fra en spansk producent',
    yes: { component: 'other', supplier_country: 'ES', agreement_status: 'new' },
  },
  {
    text: 'We plan to buy steel towers for 40 new mast sites from an Italian vendor',
    yes: { component: 'other', supplier_country: 'IT' },
  },
  { text: 'kan vi købe passive master fra Kina?', yes: { component: 'other' } },
  { text: 'Our contract for ducts and fibre optic cable is with a Polish firm', yes: { component: 'other' } },
  { text: 'Vi køber tomrør og kabelkanaler til fiberudrulningen', yes: { component: 'other' } },
  { text: 'The UPS and power systems at our sites come from Germany', yes: { component: 'other' } },
  { text: 'masterne står på vores kernenet-sites', yes: { component: 'core_network' } },
  { text: 'Our webmaster asked about the law', yes: {}, no: ['component'] },
  // --- what steers the radio network is ran_control, said in words -----------------------------
  {
    text: 'We are going to sign with Huawei for the units that control our RAN',
    yes: { component: 'ran_control', supplier: 'Huawei' },
  },
  { text: 'Vi vil købe udstyr som styrer vores radionet fra Nokia', yes: { component: 'ran_control' } },
  { text: 'De nye styreenheder til radionettet kommer fra ZTE', yes: { component: 'ran_control' } },
  { text: 'controllers for our base stations from a Chinese maker', yes: { component: 'ran_control' } },
  {
    text: 'Kan vi lade en kinesisk leverandør levere systemerne der kontrollerer basestationerne?',
    yes: { component: 'ran_control', supplier_country: 'CN' },
  },
  { text: 'We buy radio network antennas from Ericsson', yes: { component: 'other' } },
  { text: 'we manage our radio network ourselves', yes: {}, no: ['component'] },
  // --- a state count said after the own total: the state mark is the later count's -------------
  {
    text: 'We have 38,500 end users, and under a deal with a government agency we also supply 620 of the agency’s employees.',
    yes: { end_users: 38500, state_end_users: 620 },
  },
  {
    text: 'Vi har 49.800 slutbrugere, og gennem en aftale med et ministerium betjener vi også 700 af ministeriets ansatte.',
    yes: { end_users: 49800, state_end_users: 700 },
  },
  {
    text: 'We have 20,000 customers. In addition, we serve 900 of the police’s staff through a state contract.',
    yes: { end_users: 20900, state_end_users: 900 },
  },
  // --- supplier names are whole words (a compound may start with one); near misses are no words --
  {
    text: 'Must the authority accept a weaker measure if it is sufficient to protect the network?',
    yes: {},
    no: ['supplier', 'supplier_country'],
  },
  { text: 'protect our customers, that is the goal', yes: {}, no: ['supplier', 'supplier_country'] },
  { text: 'Lars Eriksen her fra IT-afdelingen', yes: {}, no: ['supplier', 'supplier_country'] },
  {
    text: 'Vi har XProtect-licenser til kameraerne på rådhuset',
    yes: { supplier: 'Milestone', supplier_country: 'DK' },
  },
  {
    text: 'Vi overvejer Nokiaudstyr til radionettet',
    yes: { supplier: 'Nokia', supplier_country: 'FI' },
  },
  { text: 'we use Ericson kit in the core', yes: { supplier: 'Ericsson', supplier_country: 'SE' } },
  // --- the act's own name is no supplier and no country -----------------------------------------
  {
    text: 'Is a regional hospital covered by the Danish supplier-security law?',
    yes: {},
    no: ['supplier', 'supplier_country'],
  },
  {
    text: 'Hvornår trådte den danske leverandørsikkerhedslov i kraft?',
    yes: {},
    no: ['supplier', 'supplier_country'],
  },
  {
    text: 'Gælder loven om leverandørsikkerhed i kritisk telekommunikationsinfrastruktur for en svensk leverandør?',
    yes: { supplier_country: 'SE' },
  },
  {
    text: 'Under the Danish act on supplier security, can we buy from a Finnish vendor?',
    yes: { supplier_country: 'FI' },
  },
  // --- contracts with one's own customers, and questions about CFCS decisions, are no status ----
  {
    text: 'We provide mobile service to the staff of two regions under our framework agreements.',
    yes: {},
    no: ['agreement_status'],
  },
  {
    text: 'Vi leverer bredbånd til Vejle Kommunes skoler gennem vores rammeaftale',
    yes: {},
    no: ['agreement_status'],
  },
  {
    text: 'If CFCS wants to forbid our contract, must it first hear the Danish Energy Agency under § 5, stk. 3?',
    yes: {},
    no: ['agreement_status', 'territory'],
  },
  {
    text: 'Skal Erhvervsstyrelsen høres, inden CFCS træffer afgørelse om vores aftale?',
    yes: {},
    no: ['agreement_status'],
  },
  {
    text: 'Kan CFCS forbyde vores aftale med Huawei, som vi indgik i marts 2022?',
    yes: { agreement_status: 'existing', supplier: 'Huawei' },
  },
  {
    text: 'We serve 3 municipalities, and our contract with a Swedish vendor covers the core network',
    yes: { agreement_status: 'existing', supplier_country: 'SE' },
  },
  {
    text: 'Gælder leverandørsikkerhedsloven for os som dansk teleselskab?',
    yes: { organisation_type: 'telecom_provider' },
    no: ['supplier', 'supplier_country'],
  },
  {
    text: 'We have 90,000 end users. We also deliver tablets to employees at two ministries under our framework agreements.',
    yes: { end_users: 90000 },
    no: ['agreement_status'],
  },
  {
    text: 'Vi betjener 400.000 slutbrugere, og kontrakten blev underskrevet 4. maj 2019.',
    yes: { end_users: 400000, agreement_status: 'existing', agreement_date: '2019-05-04' },
  },
  {
    text: 'We have 47,000 end users, and under an agreement with a ministry we also serve 650 ministry staff.',
    yes: { end_users: 47000, state_end_users: 650 },
  },
  { text: 'We have 200 agency employees', yes: {}, no: ['end_users', 'state_end_users'] },
  // --- "in our region" with a count is the area covered, not the writer ------------------------
  {
    text: 'Sorry, 75,000 is the number of homes in our region; our network reaches 9,000 customers.',
    yes: {},
    no: ['organisation_type'],
  },
  {
    text: 'Vi skal have nye overvågningskameraer op i vores kommune',
    yes: { organisation_type: 'municipality' },
  },
  {
    text: 'Does the Danish telecom supplier security act cover a company like ours?',
    yes: {},
    no: ['organisation_type', 'supplier', 'supplier_country'],
  },
  {
    text: 'Under the supplier security law, could we use a Norwegian vendor for billing?',
    yes: { agreement_status: 'new', supplier_country: 'NO', component: 'oss_bss_nms' },
  },
  {
    text: 'Vi indkøber fiber fra en kinesisk leverandør',
    yes: { component: 'other', supplier_country: 'CN' },
  },
  {
    text: 'Vi har indgået rammeaftaler med tre kommuner om levering af bredbånd til deres skoler.',
    yes: {},
    no: ['agreement_status'],
  },
  {
    text: 'Vi har en aftale med en leverandør om levering af kernenet',
    yes: { agreement_status: 'existing', component: 'core_network' },
  },
  {
    text: 'we are going to buy lattice mast structures from Turkey',
    yes: { component: 'other', supplier_country: 'TR', agreement_status: 'new' },
  },
  {
    text: 'Vi har tænkt os at skrive kontrakt med ZTE om styreenheder til radionettet',
    yes: { component: 'ran_control', supplier: 'ZTE', agreement_status: 'new' },
  },
  { text: 'Ups, det var 8.000 slutbrugere', yes: { end_users: 8000 }, no: ['component'] },
  {
    text: 'We are reviewing our contract with Nokia for the core network',
    yes: { agreement_status: 'existing', supplier: 'Nokia' },
  },
  // --- state bodies by name as customers; their staff are state end users -------------------------
  {
    text: 'vi har 12.000 kunder, og en aftale med Forsvaret om telefoni til ca 1.100 soldater',
    yes: { end_users: 12000, state_end_users: 1100 },
    no: ['agreement_status'],
  },
  {
    text: 'We hold a contract with the national police to provide mobile service for 650 officers',
    yes: { state_end_users: 650 },
    no: ['agreement_status'],
  },
  {
    text: 'Vi leverer bredbånd til Folketinget - omkring 900 medarbejdere - og har 20.000 privatkunder',
    yes: { state_end_users: 900, end_users: 20000 },
  },
  {
    text: 'Rigspolitiet vil købe nye radioer til beredskabet',
    yes: { organisation_type: 'state_authority', agreement_status: 'new' },
  },
  {
    text: 'We have 5,000 customers and our contract with a Danish police district covers 300 staff',
    yes: { state_end_users: 300 },
    no: ['supplier_country'],
  },
  // --- no state agreements, typos included ---------------------------------------------------------
  {
    text: 'about 30k subs, and we have no goverment customers',
    yes: { end_users: 30000, state_end_users: 0 },
  },
  { text: 'no contracts with the govenrment at all', yes: { state_end_users: 0 } },
  { text: 'vi har 4000 kunder og ingen statsliege aftaler', yes: { end_users: 4000, state_end_users: 0 } },
  { text: 'vi har ikke nogen statslige kunder', yes: { state_end_users: 0 } },
  { text: 'We have no staet contracts', yes: { state_end_users: 0 } },
  { text: 'we are on stage two of the rollout with no contracts signed', yes: {}, no: ['state_end_users'] },
  {
    text: 'we serve a government agency with 800 staff',
    yes: { state_end_users: 800 },
  },
  // --- public service that is not nationwide ----------------------------------------------------
  {
    text: 'Lokalradio med en public service-tilladelse for vores eget område, ikke på landsplan',
    yes: { nationwide_public_service: false },
  },
  {
    text: 'our TV station has public service obligations, but only regional ones',
    yes: { nationwide_public_service: false },
  },
  {
    text: 'We carry a public service contract in our own region, not nationwide',
    yes: { nationwide_public_service: false },
  },
  {
    text: 'Vi har en public service-kontrakt, som gælder i hele landet',
    yes: { nationwide_public_service: true },
  },
  // --- agreement dates counted back from today ---------------------------------------------------
  {
    text: 'vi skrev under på kontrakten med Nokia om kernenettet i fjor',
    asOf: '2026-02-01',
    yes: { agreement_date: '2025-01-01', agreement_status: 'existing' },
  },
  {
    text: 'Our RAN deal with Ericsson was signed three years ago',
    asOf: '2026-06-30',
    yes: { agreement_date: '2023-01-01' },
  },
  {
    text: 'Vi indgik aftalen med Huawei for seks år siden',
    asOf: '2026-06-30',
    yes: { agreement_status: 'existing' },
    no: ['agreement_date'],
  },
  // --- agreements in place, said in other ways ----------------------------------------------------
  {
    text: 'The company has had an outsourcing deal with Ericsson for the core since 1 June 2022',
    yes: { agreement_status: 'existing', agreement_date: '2022-06-01' },
  },
  {
    text: 'Kontrakten med Nokia om radionettet er dateret marts 2018',
    yes: { agreement_status: 'existing', agreement_date: '2018-03-01' },
  },
  { text: 'vores aftale med ZTE er fra 2017', yes: { agreement_status: 'existing' } },
  {
    text: 'mobile operator, RAN contract with Huawei concluded back in 2019 - still ok?',
    yes: { agreement_status: 'existing', supplier: 'Huawei' },
  },
  {
    text: "We've been running Juniper routers in the backbone since 2016",
    yes: { agreement_status: 'existing' },
  },
  {
    text: 'Vi vil skifte vores nuværende leverandør af kernenet ud med Nokia',
    yes: { agreement_status: 'new' },
  },
  {
    text: 'Can CFCS ban contracts signed with Huawei before the act?',
    yes: {},
    no: ['agreement_status'],
  },
  // --- a supplier the register does not know, with its country beside it -------------------------
  {
    text: 'we want to buy our new OSS from Amdocs (Israel)',
    yes: { supplier: 'Amdocs', supplier_country: 'IL' },
  },
  {
    text: 'Vi overvejer at skifte DNS-platform til Infoblox fra USA',
    yes: { supplier: 'Infoblox', supplier_country: 'US' },
  },
  {
    text: 'the NOC will be operated by Wipro, headquartered in India',
    yes: { supplier: 'Wipro', supplier_country: 'IN' },
  },
  {
    text: 'Our SIM supplier is Thales Group (france)',
    yes: { supplier: 'Thales Group', supplier_country: 'FR' },
  },
  { text: 'Best regards, Jonas from Norway', yes: {}, no: ['supplier', 'supplier_country'] },
  { text: 'We are Fibia from Denmark, 40,000 customers', yes: {}, no: ['supplier'] },
  { text: 'Vores kunder i Sønderjylland (Danmark) er glade', yes: {}, no: ['supplier'] },
  { text: 'Kameraer fra Kina er billige', yes: { supplier_country: 'CN' }, no: ['supplier'] },
  // --- office IT, SIM cards, set-top boxes, data centres -------------------------------------------
  { text: 'we plan to put all employee e-mail on Office 365', yes: { component: 'office_it' } },
  { text: 'Vi vil købe kontorsoftware og Google Workspace til personalet', yes: { component: 'office_it' } },
  {
    text: 'Må vi købe eSIM-platformen fra en kinesisk leverandør?',
    yes: { component: 'customer_equipment' },
  },
  {
    text: 'new SIM cards for our 300k subscribers',
    yes: { component: 'customer_equipment', end_users: 300000 },
  },
  { text: 'vi udskifter dekodere hos kunderne', yes: { component: 'customer_equipment' } },
  { text: 'we lease rack space in our colocation hall to businesses', yes: { component: 'other' } },
  { text: 'nye servere til hosting af kundernes hjemmesider', yes: { component: 'other' } },
  { text: 'the backbone servers sit in our data centre', yes: { component: 'backbone_server' } },
  { text: 'please answer by email', yes: {}, no: ['component'] },
  {
    text: 'we operate a data center near Odense and rent out racks to businesses',
    yes: { organisation_type: 'company', component: 'other' },
  },
  {
    text: 'Vi er et teleselskab, og vores datacenter skal have nye servere',
    yes: { organisation_type: 'telecom_provider' },
  },
  {
    text: 'Our mobile core runs in our own data centre, 80k subscribers',
    yes: { component: 'core_network' },
    no: ['organisation_type'],
  },
  { text: 'is our colocation provider covered by the act?', yes: {}, no: ['organisation_type'] },
  {
    text: 'Skattestyrelsen vil købe nye servere',
    yes: { organisation_type: 'state_authority', agreement_status: 'new' },
  },
  { text: 'zero state customers, 12k private ones', yes: { state_end_users: 0 } },
  { text: 'None of our customers are government agencies', yes: { state_end_users: 0 } },
  { text: 'not a single govt contract here', yes: { state_end_users: 0 } },
  {
    text: 'community radio, public service licence limited to our municipality',
    yes: { nationwide_public_service: false },
  },
  { text: 'public service-forpligtelse kun for Bornholm', yes: { nationwide_public_service: false } },
  {
    text: 'a nationwide public service obligation, for radio only',
    yes: { nationwide_public_service: true },
  },
  { text: 'Vi har brugt Ericsson i radionettet i mange år', yes: { agreement_status: 'existing' } },
  { text: "we're currently running Huawei in the core", yes: { agreement_status: 'existing' } },
  { text: 'Vi har i dag en kontrakt med ZTE om RAN', yes: { agreement_status: 'existing' } },
  { text: 'our current vendor for billing is Amdocs', yes: { agreement_status: 'existing' } },
  {
    text: 'the agreement goes back to 2016',
    yes: { agreement_status: 'existing', agreement_date: '2016-01-01' },
  },
  {
    text: 'Vi har brugt lang tid på at vælge og vil nu købe kernenet hos Nokia',
    yes: { agreement_status: 'new' },
  },
  {
    text: 'vi vil bruge Radisys, som har hovedsæde i USA, til RAN',
    yes: { supplier: 'Radisys', supplier_country: 'US' },
  },
  {
    text: 'we will buy the CPEs from Sagemcom in France',
    yes: { supplier: 'Sagemcom', supplier_country: 'FR', component: 'customer_equipment' },
  },
  {
    text: 'Vi har fået et tilbud fra Tejas Networks (Indien)',
    yes: { supplier: 'Tejas Networks', supplier_country: 'IN' },
  },
  {
    text: 'we have offices in Aarhus and Hamburg in Germany and will buy new routers',
    yes: {},
    no: ['supplier', 'supplier_country'],
  },
  { text: 'vi skal købe nye bærbare til kontoret', yes: { component: 'office_it' } },
  { text: 'moving all staff mailboxes and SharePoint to the cloud', yes: { component: 'office_it' } },
  { text: "Vi vil bestille 50.000 SIM'er til vores abonnenter", yes: { component: 'customer_equipment' } },
  {
    text: 'Hvordan slår jeg autosvar til i Outlook på min arbejdscomputer?',
    yes: {},
    no: ['component'],
  },
  { text: 'Politiet har bedt os om at gemme trafikdata længere', yes: {}, no: ['organisation_type'] },
  {
    text: 'Forsvaret påtænker at købe nye radiokameraer',
    yes: { organisation_type: 'state_authority', agreement_status: 'new' },
  },
];

describe('extractFacts: negation, restated counts and hypothetical purchases', () => {
  it('does not take an organisation type the writer denies being', () => {
    const en = extractFacts(
      "We're not an operator – we are a shipping company buying switches for our own offices.",
    );
    expect(en.facts.organisation_type).toBe('company');
    const da = extractFacts('Vi er ikke nogen kommune, men en statslig styrelse, der vil købe nye servere.');
    expect(da.facts.organisation_type).toBe('state_authority');
    // Asking is not denying.
    expect(extractFacts('Er vi så ikke en teleudbyder? Vi driver et fibernet.').facts.organisation_type).toBe(
      'telecom_provider',
    );
    // Without the denial the same words still give the type.
    expect(extractFacts('Vi er en kommune, der vil købe kameraer.').facts.organisation_type).toBe(
      'municipality',
    );
  });

  it('does not place the writer in a territory they deny being in', () => {
    expect(extractFacts('We are not located in Greenland; we are a Danish ISP.').facts.territory).toBe('DK');
    expect(extractFacts('Vi har hverken net på Færøerne eller i Grønland.').facts.territory).toBeUndefined();
    expect(extractFacts('Vi er en udbyder i Nuuk, ikke i Danmark.').facts.territory).toBe('GL');
  });

  it('lets an exact figure said right after a hedged count replace it, and only then', () => {
    expect(extractFacts('We have about 60,000 users (59,870 at the last count).').facts.end_users).toBe(
      59870,
    );
    expect(extractFacts('ca. 48.000 slutbrugere – præcis 50.200').facts.end_users).toBe(50200);
    // A later figure for another time, or a subset, is not a restatement.
    expect(extractFacts('ca. 40.000 kunder i dag, 45.000 næste år').facts.end_users).toBe(40000);
    expect(extractFacts('roughly 52,000 end users, of which 44,000 are business').facts.end_users).toBe(
      52000,
    );
    // An exact count is not replaced by a hedged one.
    expect(extractFacts('We have 50,400 end users, so about 50,000.').facts.end_users).toBe(50400);
  });

  it('reads a purchase put as a supposition as a new agreement', () => {
    for (const text of [
      'If we were to buy a new RAN from Huawei, would the act apply?',
      'Should we decide to sign with ZTE, what then?',
      'Hvis vi skulle købe kernenet fra Huawei, gælder loven så?',
      'Antag at vi vælger at indgå en aftale med ZTE.',
    ])
      expect(extractFacts(text).facts.agreement_status, text).toBe('new');
  });
});

describe('extractFacts: the table', () => {
  it('has at least 80 phrasings', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(80);
  });
  it.each(ROWS.map((r) => [r.text, r] as const))('%s', (_text, row) => {
    const { facts, evidence } = extractFacts(row.text, row.asOf ? { asOf: row.asOf } : {});
    expect(FactsSchema.safeParse(facts).success).toBe(true);
    expect(facts).toMatchObject(row.yes);
    for (const k of row.no ?? []) expect(facts[k], `must not yield ${k}`).toBeUndefined();
    for (const k of Object.keys(row.yes) as FactKey[]) {
      expect(evidence[k], `evidence for ${k}`).toBeTruthy();
      // The evidence is a span of what the person wrote (joined with … when two spans were added up).
      for (const part of evidence[k]!.split(' … ')) expect(row.text).toContain(part);
    }
  });
});

describe('withinOneEdit (near misses of supplier names)', () => {
  it.each([
    ['ericsson', 'eriksson', true],
    ['ericsson', 'erikson', false],
    ['ericsson', 'ericson', true],
    ['huawei', 'huaewi', true],
    ['nokia', 'nokai', true],
    ['nokia', 'nokia', true],
    ['cisco', 'disco', true],
    ['zte', 'ztexx', false],
    ['hikvision', 'hikvisoin', true],
  ])('%s ~ %s: %s', (a, b, ok) => {
    expect(withinOneEdit(a, b)).toBe(ok);
    expect(withinOneEdit(b, a)).toBe(ok);
  });
});

describe('extractFacts: signals and odd input', () => {
  it('flags a supplier said to be controlled by a foreign military or state', () => {
    expect(
      extractFacts('A supplier controlled by a foreign military, is that a problem?').signals
        .state_controlled,
    ).toBe(true);
    expect(extractFacts('leverandøren er kontrolleret af et fremmed militær').signals.state_controlled).toBe(
      true,
    );
    expect(extractFacts('leverandøren er statsejet').signals.state_controlled).toBe(true);
    expect(extractFacts('the supplier is not controlled by any state').signals.state_controlled).toBe(false);
    expect(extractFacts('We buy from Ericsson').signals.state_controlled).toBeUndefined();
  });
  it('reads state control said in more words, only for another country than Denmark', () => {
    const sig = (t: string) => extractFacts(t).signals.state_controlled;
    expect(sig('The vendor is majority-owned by a fund that belongs to a foreign government.')).toBe(true);
    expect(sig('Leverandøren ejes af et selskab, som kontrolleres af et andet lands militær.')).toBe(true);
    expect(sig('Our vendor is owned by the Danish state.')).toBeUndefined();
    expect(sig('Leverandøren ejes af et selskab under den danske stat.')).toBeUndefined();
    expect(
      sig('Hvis leverandøren ejes af et andet lands regering, kan CFCS så lægge vægt på det?'),
    ).toBeUndefined();
  });
  it('flags a supplier said to have been involved in activities harming security (§ 2, stk. 2, nr. 4)', () => {
    const sig = (t: string) => extractFacts(t).signals.harmful_activity;
    expect(sig('Leverandøren har tidligere været involveret i spionage mod et andet land.')).toBe(true);
    expect(sig('The supplier was implicated in a cyber attack that harmed public order abroad.')).toBe(true);
    expect(sig('Leverandøren har aldrig været involveret i spionage eller sabotage.')).toBe(false);
    expect(sig('The vendor has a history of good information security.')).toBeUndefined();
    // The writer as the victim, and a general question about what CFCS may weigh, state no factor.
    expect(
      sig('Vi var udsat for et cyberangreb, og leverandøren var involveret i oprydningen.'),
    ).toBeUndefined();
    expect(sig('Kan CFCS lægge vægt på, om en leverandør har været involveret i spionage?')).toBeUndefined();
  });
  it('places a supplier "in" a country and ignores a writer introducing itself', () => {
    expect(
      extractFacts('Vi har 90.000 slutbrugere, og vores leverandør fra Kina skal levere kernenetudstyr.')
        .facts.supplier_country,
    ).toBe('CN');
    expect(extractFacts('Our vendor from China will deliver core routers.').facts.supplier_country).toBe(
      'CN',
    );
    expect(extractFacts('Our company in Denmark buys from Nokia.').facts.supplier_country).toBe('FI');
    expect(extractFacts('Vi vil outsource driften til et firma i Indien.').facts.supplier_country).toBe('IN');
    expect(
      extractFacts('We plan to buy RAN controllers from a manufacturer in Israel.').facts.supplier_country,
    ).toBe('IL');
    expect(
      extractFacts('Lille dansk teleudbyder her, 4.000 slutbrugere.').facts.supplier_country,
    ).toBeUndefined();
    expect(
      extractFacts('Vi (dansk mobilselskab) skal købe kernenetudstyr fra en tysk leverandør.').facts
        .supplier_country,
    ).toBe('DE');
  });
  it('keeps a year that straddles 7 December 2020 out of the facts and says so', () => {
    const x = extractFacts('Aftalen med Huawei blev indgået i 2020');
    expect(x.facts.agreement_date).toBeUndefined();
    expect(x.signals.vague_agreement_date).toBe('2020');
    const d = extractFacts('aftalen er fra december 2020');
    expect(d.facts.agreement_date).toBeUndefined();
    expect(d.signals.vague_agreement_date).toBe('2020-12');
  });
  it('marks a year-only agreement date as such', () => {
    const x = extractFacts('we have had the contract since 2017');
    expect(x.facts.agreement_date).toBe('2017-01-01');
    expect(x.signals.agreement_date_precision).toBe('year');
  });
  it('keeps a bare year on one side of 7 December 2020 as its first day, marked as a year', () => {
    // The pipeline sees the year's first day in facts and the precision in signals; any day of 2019
    // (or 2018, 2021) lies on the same side of the cut-off, so § 17, stk. 2 is decided either way.
    const x = extractFacts('The Huawei contracts we signed back in 2019 – does the act reach them?');
    expect(x.facts).toMatchObject({ agreement_date: '2019-01-01', agreement_status: 'existing' });
    expect(x.signals.agreement_date_precision).toBe('year');
    const y = extractFacts('vi har haft en driftsaftale med Nokia siden 2018');
    expect(y.facts.agreement_date).toBe('2018-01-01');
    expect(y.signals.agreement_date_precision).toBe('year');
    const z = extractFacts('We entered the agreement back in 2020');
    expect(z.facts.agreement_date).toBeUndefined();
    expect(z.facts.agreement_status).toBe('existing');
    expect(z.signals).toMatchObject({ vague_agreement_date: '2020' });
    expect(z.signals.agreement_date_precision).toBeUndefined();
    const d = extractFacts('aftalen blev underskrevet den 3. marts 2019');
    expect(d.signals.agreement_date_precision).toBeUndefined();
  });
  it('marks a count given as a bound', () => {
    expect(extractFacts('Vi har over 50.000 slutbrugere').signals.end_users_bound).toEqual({
      side: 'above',
      inclusive: false,
      near: false,
    });
    expect(extractFacts('we have fewer than 40,000 customers').signals.end_users_bound).toMatchObject({
      side: 'below',
      inclusive: false,
    });
    expect(extractFacts('Vi har mindst 50.000 slutbrugere').signals.end_users_bound).toMatchObject({
      side: 'above',
      inclusive: true,
    });
    expect(extractFacts('we have 40,000 customers').signals.end_users_bound).toBeUndefined();
  });
  it("marks a message that is only a number (an answer to the bot's question)", () => {
    expect(extractFacts('72.000').signals.lone_number).toBe(72000);
    expect(extractFacts('ca. 72k').signals.lone_number).toBe(72000);
    expect(extractFacts('vi har 1,2 mio.').signals.lone_number).toBe(1200000);
    expect(extractFacts('72.000 slutbrugere').signals.lone_number).toBeUndefined();
    expect(extractFacts('7/12-2020').signals.lone_number).toBeUndefined();
  });
  it('marks a hedged count', () => {
    expect(extractFacts('vi har ca. 57.000 slutbrugere').signals.end_users_approx).toBe(true);
    expect(extractFacts('vi har 57.000 slutbrugere').signals.end_users_approx).toBeUndefined();
  });
  it('returns nothing, without throwing, for empty or unrelated text', () => {
    for (const t of ['', '   ', '???', 'Hvad er klokken?', '§ 17, stk. 2, nr. 3', '1234567890'.repeat(50)]) {
      const x = extractFacts(t);
      expect(FactsSchema.safeParse(x.facts).success).toBe(true);
    }
    expect(extractFacts('§ 17, stk. 2 og § 1, nr. 3, litra a').facts).toEqual({});
  });
  it('reads the supplier country from the register when the text names none', () => {
    expect(extractFacts('vi bruger Hikvision').facts).toMatchObject({
      supplier: 'Hikvision',
      supplier_country: 'CN',
    });
  });
  it('uses an injected register', () => {
    const fake = {
      suppliers: [{ id: 'acme', name: 'Acme Networks', aliases: ['Acme'], country: 'FR' }],
      countries: [{ code: 'FR', name_da: 'Frankrig', name_en: 'France', aliases: ['fransk', 'French'] }],
      supplierByName: (n: string) => (/^acme( networks)?$/i.test(n) ? fake.suppliers[0] : undefined),
      countryByName: (n: string) =>
        /^(frankrig|france|fransk|franske|french)$/i.test(n) ? fake.countries[0] : undefined,
    };
    // biome-ignore lint/suspicious/noExplicitAny: a minimal fake of the register interface
    const x = extractFacts('we buy core network kit from acme', { register: fake as any });
    expect(x.facts).toMatchObject({
      supplier: 'Acme Networks',
      supplier_country: 'FR',
      component: 'core_network',
    });
  });
});

describe('extractFacts: own and wholesale end users, and whose state', () => {
  const users = (t: string) => extractFacts(t).facts;
  it('adds the writer’s own count to the wholesale customers’ end users, however the resellers are named', () => {
    expect(
      users('Vi har 38.000 egne kunder, og 2 serviceudbydere lejer sig ind med tilsammen 12.500 slutbrugere.')
        .end_users,
    ).toBe(50_500);
    expect(users('45k are our own retail customers, and resellers bring about 9.000 more').end_users).toBe(
      54_000,
    );
    expect(
      users(
        "Vi har 35.000 egne fiberkunder og lejer nettet ud til 3 ISP'er, som har 18.000 kunder tilsammen.",
      ).end_users,
    ).toBe(53_000);
  });
  it('reads a compound or public “no state agreements” as zero state end users', () => {
    expect(users('12.000 slutbrugere og ingen statsaftaler').state_end_users).toBe(0);
    expect(users('9.000 kunder, ingen offentlige kontrakter').state_end_users).toBe(0);
  });
  it('does not take a state that owns the supplier for a state customer', () => {
    const f = users(
      'Vi har 300.000 slutbrugere og vil outsource OSS til et selskab ejet af en statslig koncern.',
    );
    expect(f.end_users).toBe(300_000);
    expect(f.state_end_users).toBeUndefined();
  });
  it('gives a follow-up’s “N more” as an addition to the thread’s count', () => {
    const x = extractFacts('resellers on our network add roughly 4.000 more');
    expect(x.facts.end_users).toBeUndefined();
    expect(x.signals.end_users_added).toBe(4000);
  });
  it('reads “kommunens”/“the municipality’s” as the writer’s own municipality, not when serving it', () => {
    expect(users('vi overvejer kameraer til kommunens p-huse').organisation_type).toBe('municipality');
    expect(users('Vi leverer fiber til kommunens skoler').organisation_type).not.toBe('municipality');
  });
});
