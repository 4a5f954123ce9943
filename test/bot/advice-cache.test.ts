import { describe, expect, it } from 'vitest';
import { createAdviceCache } from '../../bot/advice-cache.js';
import { type AdviseRequest, type Advisor, createAdvisor } from '../../bot/pipeline.js';
import { adviseSafely, type SlackDeps } from '../../bot/slack/core.js';

const real = createAdvisor();

/** The real advisor, counting how often it had to think. */
function counting(): { advisor: Advisor; calls: () => number } {
  let n = 0;
  return {
    advisor: {
      advise: (req) => {
        n += 1;
        return real.advise(req);
      },
    },
    calls: () => n,
  };
}

const deps = (advisor: Advisor, size: number) =>
  ({ advisor, cache: createAdviceCache(size) }) as unknown as SlackDeps;

const HIK: AdviseRequest = { turns: ['Må vores kommune købe kameraer fra Hikvision?'], asOf: '2026-11-22' };

describe('answers reused for the very same request', () => {
  it('gives the second asker of the same question the same answer without running the pipeline again', async () => {
    const c = counting();
    const d = deps(c.advisor, 10);
    const first = await adviseSafely(d, HIK);
    const second = await adviseSafely(d, { ...HIK, turns: [...HIK.turns] });
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) expect(second.answer).toEqual(first.answer);
    expect(c.calls()).toBe(1);
    expect(d.cache?.stats()).toMatchObject({ hits: 1, misses: 1, size: 1 });
  });

  it('thinks again for another wording, another day, or a thread that already knows facts', async () => {
    const c = counting();
    const d = deps(c.advisor, 10);
    await adviseSafely(d, HIK);
    await adviseSafely(d, { ...HIK, turns: ['Må vi købe Hikvision-kameraer til rådhuset?'] });
    await adviseSafely(d, { ...HIK, asOf: '2027-01-02' });
    await adviseSafely(d, { ...HIK, priorFacts: { end_users: 80_000 } });
    expect(c.calls()).toBe(4);
  });

  it('answers a deadline question by the day it is asked, not by the day it was first asked', async () => {
    const d = deps(real, 10);
    const turns = ['Vi fik afgørelsen den 1. juni 2026. Kan vi stadig gå til domstolene?'];
    const before = await adviseSafely(d, { turns, asOf: '2026-11-22' });
    const after = await adviseSafely(d, { turns, asOf: '2026-12-02' });
    expect(before.ok && after.ok).toBe(true);
    if (before.ok && after.ok) expect(after.answer).not.toEqual(before.answer);
  });

  it('keeps a reused answer unchangeable, so one reader cannot alter what the next asker gets', async () => {
    const d = deps(real, 10);
    const first = await adviseSafely(d, HIK);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(() => {
      (first.answer as { verdict: string }).verdict = 'covered';
    }).toThrow(TypeError);
  });

  it('keeps at most its size, and nothing when the size is 0', async () => {
    const c = counting();
    const d = deps(c.advisor, 2);
    const q = (s: string): AdviseRequest => ({ turns: [s], asOf: '2026-11-22' });
    for (const s of ['Er vi omfattet?', 'Hvad er en kritisk komponent?', 'Hvornår gælder loven?'])
      await adviseSafely(d, q(s));
    expect(d.cache?.stats().size).toBe(2);
    await adviseSafely(d, q('Er vi omfattet?')); // the oldest went first
    expect(c.calls()).toBe(4);

    const off = counting();
    const none = deps(off.advisor, 0);
    await adviseSafely(none, HIK);
    await adviseSafely(none, HIK);
    expect(off.calls()).toBe(2);
    expect(none.cache?.stats().size).toBe(0);
  });
});
