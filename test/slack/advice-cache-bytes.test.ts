/** The answer cache is bounded by the memory its answers hold, not only by their count (issue 14). */
import { describe, expect, it } from 'vitest';
import { createAdviceCache, heldBytes } from '../../bot/advice-cache.js';
import { answerJson } from '../../bot/answer-json.js';
import { type AdviseRequest, createAdvisor } from '../../bot/pipeline.js';
import { adviseSafely, type SlackDeps } from '../../bot/slack/core.js';
import { serializeAnswer } from '../../bot/store/index.js';

const advisor = createAdvisor();
const QUESTIONS = [
  'Vi er en dansk internetudbyder med 72.000 slutbrugere. Er vi omfattet?',
  'We run a mobile network in Denmark with 40,000 end users. Are we covered?',
  'Is a home router a critical network component?',
];
const ask = (i: number): AdviseRequest => ({
  turns: [`${QUESTIONS[i % QUESTIONS.length]} Sag ${(i * 7919).toString(36)}x.`],
  asOf: '2026-11-22',
});

describe('the answer cache under many new questions', () => {
  it('keeps what fits its memory bound, newest first, however many answers its count allows', async () => {
    const limit = 256 * 1024;
    const deps = { advisor, cache: createAdviceCache(1000, limit) } as unknown as SlackDeps;
    for (let i = 0; i < 120; i++) expect((await adviseSafely(deps, ask(i))).ok).toBe(true);
    const s = deps.cache!.stats();
    expect(s.bytes).toBeLessThanOrEqual(limit);
    expect(s.bytes).toBeGreaterThan(limit / 2);
    expect(s.size).toBeLessThan(120);
    // the newest is still reused, the oldest is gone
    await adviseSafely(deps, ask(119));
    expect(deps.cache!.stats().hits).toBe(1);
    await adviseSafely(deps, ask(0));
    expect(deps.cache!.stats().hits).toBe(1);
  });

  it('measures a kept answer by the JSON the store records, made once', async () => {
    const deps = { advisor, cache: createAdviceCache() } as unknown as SlackDeps;
    const r = await adviseSafely(deps, ask(1));
    if (!r.ok) throw new Error(r.error);
    expect(Object.isFrozen(r.answer)).toBe(true);
    const stored = serializeAnswer({
      id: `a_${'0'.repeat(32)}`,
      channel: 'C0ONE',
      threadTs: '1700000000.000100',
      user: 'U0ONE',
      question: 'q',
      answer: r.answer,
    });
    // what the cache measured is what is recorded
    expect(stored.answerJson).toBe(answerJson(r.answer));
    expect(JSON.parse(stored.answerJson)).toEqual(JSON.parse(JSON.stringify(r.answer)));
    expect(heldBytes(r.answer)).toBe(stored.answerJson.length * 6);
    expect(deps.cache!.stats().bytes).toBe(heldBytes(r.answer));
  });
});
