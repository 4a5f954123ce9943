/**
 * Rules of the language from session 8, each in wording of its own: a question that asks only a price is
 * out of scope, and a company related to the writer's (its parent, sister or owner) is neither the writer
 * nor a supplier.
 */
import { describe, expect, it } from 'vitest';
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
