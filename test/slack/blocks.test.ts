import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allChecksBlocks,
  answerBlocks,
  answerFallbackText,
  caseBlocks,
  enforceBlockLimits,
  homeView,
  QUOTE_FOLD,
  splitText,
  truncate,
} from '../../bot/slack/blocks.js';
import type { Case } from '../../bot/store/index.js';
import type { Answer } from '../../guardrails/contract.js';
import { blockProblem } from './standin.js';

const base: Answer = {
  language: 'da',
  topic: 'provider_status',
  verdict: 'covered',
  checks: [
    {
      id: 'significant_provider',
      result: 'yes',
      citations: ['§ 1, nr. 3, litra a'],
      detail: '60.000 er flere end 50.000',
    },
    { id: 'territorial_scope', result: 'yes', citations: ['§ 19'], detail: 'Danmark' },
  ],
  facts: { organisation_type: 'telecom_provider', end_users: 60000 },
  missing_facts: [],
  citations: [
    {
      source: 'lov-1156-2021',
      ref: '§ 1, nr. 3, litra a',
      quote: 'Udbyder af net, hvor disse net anvendes af mere end 50.000 slutbrugere.',
    },
  ],
  retrieved: [],
  escalation: 'none',
  direct_answer: null,
  understood: [],
  answer: 'Ja. I er omfattet af loven (§ 1, nr. 3, litra a og § 19).',
  as_of: '2026-11-22',
};

function huge(lang: 'da' | 'en' = 'en'): Answer {
  const long = 'Lorem ipsum dolor sit amet, <consectetur> & adipiscing elit. '.repeat(400);
  return {
    ...base,
    language: lang,
    verdict: 'needs_facts',
    answer: long,
    checks: Array.from({ length: 120 }, (_, i) => ({
      id: 'supplier_risk' as const,
      result: 'unknown' as const,
      citations: Array.from({ length: 30 }, () => '§ 2, stk. 2, nr. 1'),
      detail: `check ${i} ${long.slice(0, 5000)}`,
      factors: ['§ 2, stk. 2, nr. 2'],
    })),
    missing_facts: ['end_users', 'component', 'supplier_country'],
    citations: Array.from({ length: 200 }, (_, i) => ({
      source: 'lov-1156-2021' as const,
      ref: `§ ${i}`.repeat(50),
      quote: long,
      quote_en: long,
    })),
  };
}

const headerOf = (blocks: unknown[]) => (blocks[0] as { text: { text: string } }).text.text;

describe('answer blocks', () => {
  it('has a header with the verdict in the answer’s language, the checks, the citations and the buttons (a memo for a decided answer)', () => {
    const blocks = answerBlocks(base, { answerId: 'a_1' });
    expect(headerOf(blocks)).toBe('Omfattet af loven');
    expect(headerOf(answerBlocks({ ...base, language: 'en' }, { answerId: 'a_1' }))).toBe(
      'Covered by the act',
    );
    const json = JSON.stringify(blocks);
    expect(json).toContain('Væsentlig erhvervsmæssig udbyder');
    expect(json).toContain('§ 1, nr. 3, litra a');
    expect(json).toContain('mere end 50.000 slutbrugere');
    const actions = blocks.at(-2) as { type: string; elements: { action_id: string; value: string }[] };
    expect(actions.type).toBe('actions');
    // the native 👍/👎 close every answer, their values naming the answer
    expect(blocks.at(-1)).toMatchObject({
      type: 'context_actions',
      elements: [
        {
          type: 'feedback_buttons',
          action_id: 'answer_feedback',
          positive_button: { value: 'helpful|a_1' },
          negative_button: { value: 'not_helpful|a_1' },
        },
      ],
    });
    expect(actions.elements.map((e) => [e.action_id, e.value])).toEqual([
      ['escalate', 'a_1'],
      ['memo_save', 'a_1'],
    ]);
    expect(blockProblem(blocks, 50)).toBeUndefined();
  });

  it('shows only the checks that decided the verdict; the others are behind "Vis alle tjek"', () => {
    const a: Answer = {
      ...base,
      verdict: 'not_covered',
      checks: [
        { id: 'significant_provider', result: 'yes', citations: ['§ 1, nr. 3, litra a'], detail: 'ja' },
        { id: 'territorial_scope', result: 'no', citations: ['§ 19'], detail: 'Grønland' },
      ],
    };
    const blocks = answerBlocks(a, { answerId: 'a' });
    const json = JSON.stringify(blocks);
    expect(json).toContain('Geografisk omfattet');
    expect(json).not.toContain('Væsentlig erhvervsmæssig udbyder');
    const actions = blocks.at(-2) as { elements: { action_id: string }[] };
    expect(actions.elements.map((e) => e.action_id)).toContain('show_checks');
    const all = JSON.stringify(allChecksBlocks(a));
    expect(all.indexOf('Geografisk omfattet')).toBeLessThan(all.indexOf('Væsentlig erhvervsmæssig udbyder'));
  });

  it('states the verdict in the plain-text fallback', () => {
    expect(answerFallbackText(base)).toMatch(/^Omfattet af loven: Ja\./);
    expect(answerFallbackText(huge()).length).toBeLessThanOrEqual(3000);
  });

  it('keeps a huge answer within every Block Kit limit and keeps the buttons', () => {
    for (const lang of ['da', 'en'] as const) {
      const blocks = answerBlocks(huge(lang), { answerId: 'a_'.padEnd(3000, 'x') });
      expect(blocks.length).toBeLessThanOrEqual(50);
      expect(blockProblem(blocks, 50)).toBeUndefined();
      const actions = blocks.at(-2) as { type: string; elements: { action_id: string }[] };
      expect(actions.type).toBe('actions');
      expect(actions.elements.map((e) => e.action_id)).toEqual(expect.arrayContaining(['escalate']));
      expect(blocks.at(-1)!.type).toBe('context_actions');
      expect(JSON.stringify(blocks)).toMatch(/more source|kilde\(r\) mere/);
    }
  });

  it('folds long quotes behind a "show all" button', () => {
    const long = { ...base, citations: [{ ...base.citations[0]!, quote: 'ord '.repeat(400) }] };
    const blocks = answerBlocks(long, { answerId: 'a_2' });
    const cited = blocks.find(
      (b) =>
        b.type === 'section' &&
        (b as { accessory?: { action_id: string } }).accessory?.action_id === 'quote_expand',
    ) as { text: { text: string }; accessory: { value: string } };
    expect(cited.accessory.value).toBe('a_2|0');
    expect(cited.text.text.length).toBeLessThan(QUOTE_FOLD + 200);
    expect(cited.text.text).toContain('forkortet');
  });

  it('escapes Slack control characters in the pipeline’s text', () => {
    const blocks = answerBlocks(
      { ...base, answer: 'Se <https://evil> & <!channel> nu, tak for det.' },
      { answerId: 'a' },
    );
    const json = JSON.stringify(blocks);
    expect(json).not.toContain('<!channel>');
    expect(json).toContain('&lt;!channel&gt;');
  });

  it('survives arbitrary answers (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 20, maxLength: 9000 }),
        fc.array(fc.string({ minLength: 1, maxLength: 4000 }), { maxLength: 80 }),
        fc.string({ minLength: 1, maxLength: 300 }),
        (text, quotes, detail) => {
          const a: Answer = {
            ...base,
            answer: text,
            checks: quotes
              .slice(0, 10)
              .map(() => ({ id: 'critical_component', result: 'no', citations: ['§ 1, nr. 1'], detail })),
            citations: quotes.map((q) => ({ source: 'spm-485-2022', ref: detail, quote: q })),
          };
          const blocks = answerBlocks(a, { answerId: 'a_x' });
          return (
            blocks.length <= 50 &&
            blockProblem(blocks, 50) === undefined &&
            blocks.at(-2)?.type === 'actions' &&
            blocks.at(-1)?.type === 'context_actions'
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('limits helpers', () => {
  it('truncates at a word boundary with an ellipsis, never over the limit', () => {
    expect(truncate('kort', 10)).toBe('kort');
    const t = truncate('et to tre fire fem seks syv otte ni ti', 20);
    expect(t.length).toBeLessThanOrEqual(20);
    expect(t.endsWith('…')).toBe(true);
    expect(truncate('😀'.repeat(100), 11).length).toBeLessThanOrEqual(11);
    expect(truncate('a &amp; b'.repeat(10), 9)).not.toMatch(/&[a-z]*…$/);
  });

  it('splits long text into pieces within the limit without losing words', () => {
    const text = 'ord '.repeat(3000).trim();
    const parts = splitText(text, 3000);
    expect(parts.every((p) => p.length <= 3000)).toBe(true);
    expect(parts.join(' ').split(' ').length).toBe(3000);
  });

  it('cuts a header to 150 and a button text to 75, and keeps the actions block when there are too many blocks', () => {
    const blocks = enforceBlockLimits([
      { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(400) } },
      ...Array.from({ length: 80 }, () => ({ type: 'divider' as const })),
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: 'x', text: { type: 'plain_text', text: 'b'.repeat(200) }, value: 'v' },
        ],
      },
    ]);
    expect(blocks).toHaveLength(50);
    expect(blockProblem(blocks, 50)).toBeUndefined();
    expect(blocks.at(-1)!.type).toBe('actions');
  });
});

describe('case and home views', () => {
  const c: Case = {
    id: 7,
    answer_id: 'a_1',
    asker: 'U1',
    channel: 'C1',
    thread_ts: '1.2',
    question: 'q'.repeat(10_000),
    facts: { end_users: 60000, supplier_country: 'CN' },
    answer: huge(),
    status: 'open',
    claimed_by: null,
    adviser_channel: 'C2',
    adviser_ts: '3.4',
    link: 'https://slack.com/archives/C1/p12',
    created_at: '',
    updated_at: '',
  };
  it('renders a case with claim and resolve buttons within limits', () => {
    const blocks = caseBlocks(c);
    expect(blockProblem(blocks, 50)).toBeUndefined();
    const json = JSON.stringify(blocks);
    expect(json).toContain('case_claim');
    expect(json).toContain('https://slack.com/archives/C1/p12');
    expect(JSON.stringify(caseBlocks({ ...c, status: 'resolved' }))).not.toContain('case_resolve');
  });
  it('renders the home view with many open cases within 100 blocks', () => {
    const view = homeView(
      Array.from({ length: 200 }, (_, i) => ({ ...c, id: i + 1 })),
      '/leverandor',
    );
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(blockProblem(view.blocks, 100)).toBeUndefined();
  });
});

describe('blocks of a reused answer', () => {
  it('are the blocks of that answer with each post’s own answer id in its buttons', async () => {
    const { answerBlocksJson } = await import('../../bot/slack/core.js');
    const { createAdviceCache } = await import('../../bot/advice-cache.js');
    const cache = createAdviceCache(1);
    const req = { turns: ['x'], asOf: '2026-11-22' };
    cache.set(req, structuredClone(base));
    const reused = cache.get(req)!;
    expect(Object.isFrozen(reused)).toBe(true);
    for (const id of ['a_0123456789abcdef0123456789abcdef', 'a_fedcba9876543210fedcba9876543210'])
      expect(JSON.parse(answerBlocksJson(reused, id))).toEqual(answerBlocks(base, { answerId: id }));
    expect(JSON.parse(answerBlocksJson(base, 'a_1'))).toEqual(answerBlocks(base, { answerId: 'a_1' }));
  });
});
