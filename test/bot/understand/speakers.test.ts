/**
 * Rules of the language from session 7, each in wording of its own: who says a figure (a quoted message
 * is a speaker of its own), a count said to take in the wholesale end users is the whole count, and a
 * provider that is the subject of the count's sentence and asks the writer for something owns the count,
 * a supplier named by no one speaking for an organisation asks what the law says, and a country's word
 * before networks is where the networks are, not where a supplier comes from.
 */
import { describe, expect, it } from 'vitest';
import { findDoubts, speakerOf } from '../../../bot/understand/doubt.js';
import { extractFacts } from '../../../bot/understand/extract.js';
import { classifyTopic } from '../../../bot/understand/topic.js';

const limits = { endUsersThreshold: 50_000, stateThreshold: 500 };
const read = (t: string) => extractFacts(t, { asOf: '2026-11-22' });
const reasons = (t: string) => findDoubts(t, read(t), limits).map((d) => `${d.fact}:${d.reason}`);

describe('who says a figure', () => {
  const mails = [
    'Two colleagues answered me:',
    '> From: Finance',
    '> We have 47,900 end users including our MVNOs.',
    '',
    '> From: Engineering',
    '> I count 52,300 end users, MVNOs included.',
    'We are a Danish mobile provider. Are we significant?',
  ].join('\n');

  it('the writer is one speaker, each quoted message another, and a header starts a new one', () => {
    const at = (s: string) => mails.indexOf(s);
    expect(speakerOf(mails, at('Two'))).toBe(-1);
    expect(speakerOf(mails, at('47,900'))).toBe(speakerOf(mails, at('From: Finance')));
    expect(speakerOf(mails, at('52,300'))).not.toBe(speakerOf(mails, at('47,900')));
    const oneBlock = '> From: A\n> 40.000\n> From: B\n> 60.000';
    expect(speakerOf(oneBlock, oneBlock.indexOf('60'))).not.toBe(speakerOf(oneBlock, oneBlock.indexOf('40')));
  });

  it('two quoted totals on either side of the threshold disagree, and are not added', () => {
    const x = read(mails);
    expect(x.facts.end_users).toBe(47_900);
    expect(reasons(mails)).toContain('end_users:disagree');
  });

  it('a count said to take in the wholesale end users is the whole count, not a part to add', () => {
    for (const t of [
      'Vi har 61.000 slutbrugere inkl. vores tjenesteudbyderes kunder, og 4.000 af dem er erhverv.',
      'Our network has 38,000 end users, resellers included.',
    ]) {
      const x = read(t);
      expect(x.facts.end_users).toBe(/61/.test(t) ? 61_000 : 38_000);
    }
  });
});

describe('a provider that asks the writer', () => {
  it('owns the count, so what the writer is decides nothing', () => {
    for (const t of [
      'Vi er en dansk IT-virksomhed. En teleoperatør med ca. 400.000 slutbrugere har bedt os om at drive deres kernenet.',
      'We are a software company. A Danish telco with about 400,000 end users has asked us to run its core network.',
    ]) {
      expect(read(t).facts.organisation_type).toBe('company');
      expect(reasons(t)).toContain('organisation_type:for_provider');
    }
  });

  it('but a provider the writer buys from is no such thing', () => {
    expect(
      reasons(
        'Vi er en kommune. En teleoperatør med 400.000 slutbrugere vil sælge os kameraer til rådhuset.',
      ),
    ).not.toContain('organisation_type:for_provider');
  });
});

describe('a supplier named in general', () => {
  const topicOf = (t: string) => classifyTopic(t, read(t).facts, read(t).facts).topic;

  it('by no one speaking for an organisation, asks what the law says', () => {
    expect(topicOf('Forbyder loven om leverandørsikkerhed ZTE i danske mobilnet?')).toBe('procedure');
    expect(topicOf('Student here: does the act outlaw Ericsson gear?')).toBe('procedure');
  });

  it('by someone who buys or runs something, asks about their agreement', () => {
    expect(topicOf('Må vi købe ZTE-udstyr til vores net?')).toBe('agreement');
  });

  it('a country before networks is where they are, not where the supplier comes from', () => {
    expect(read('Could CFCS remove ZTE from Swedish networks?').facts.supplier_country).toBe('CN');
    expect(read('We buy ZTE routers from a Swedish reseller.').facts.supplier_country).toBe('CN');
  });
});

describe('a job title opening a sentence', () => {
  it('then where the writer works, is the writer’s organisation', () => {
    expect(
      read('IT-koordinator på et hospital her. Vi skal have nye kameraer.').facts.organisation_type,
    ).toBe('other');
    expect(
      read('Procurement lead at a municipality in Jutland. Are Dahua cameras allowed?').facts
        .organisation_type,
    ).toBe('municipality');
  });

  it('someone else’s title later in the text is not the writer', () => {
    expect(
      read('I met the buyer at Region Nordjylland. We are an ISP with 3,000 users.').facts.organisation_type,
    ).toBe('telecom_provider');
  });
});

describe('a provider named as the writer’s client', () => {
  it('owns the count, so a plain company writing decides nothing', () => {
    const t =
      'We are a German software company. Our client, a Danish broadband operator with 300,000 end users, will buy our BSS platform.';
    expect(read(t).facts.organisation_type).toBe('company');
    expect(reasons(t)).toContain('organisation_type:for_provider');
  });

  it('a tenant with users is no client the writer works for', () => {
    const t =
      'We are a property company. A tenant in our building is an operator with 300,000 end users. Are we a significant provider?';
    expect(reasons(t)).not.toContain('organisation_type:for_provider');
  });
});

describe('a negated verb of having before a bound', () => {
  it.each([
    'We don’t have more than 50,000 end users.',
    'Our network does not serve more than 50,000 end users.',
    'We haven’t got more than 50,000 end users.',
  ])('%s: at most the number, not above it', (t) => {
    expect(read(t).signals.end_users_bound?.side).toBe('below');
  });
});
