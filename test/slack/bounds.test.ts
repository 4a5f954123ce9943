/**
 * Bounded work per event: a thread of 20 hostile but valid follow-ups (4,000-character lists of numbers)
 * is answered turn after turn, and what each follow-up hands the pipeline stays bounded (the thread's
 * earlier turns at most MAX_THREAD_CHARS), so the 20th costs what the 2nd did, not ten times as much.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Advisor, createAdvisor } from '../../bot/pipeline.js';
import { MAX_QUESTION_CHARS } from '../../bot/slack/texts.js';
import { MAX_THREAD_CHARS, MAX_TURNS } from '../../bot/store/index.js';
import { eventBody, mention, message, type RunningBot, send, startBot, tempDataDir } from './harness.js';
import { SlackStandin } from './standin.js';

let standin: SlackStandin;
let bot: RunningBot;
const seen: { chars: number; turns: number; ms: number }[] = [];

/** The real pipeline, measured: how much text each request hands it and how long it takes. */
function measured(): Advisor {
  const real = createAdvisor();
  return {
    advise(req) {
      const t0 = performance.now();
      const a = real.advise(req);
      seen.push({ chars: req.turns.join('').length, turns: req.turns.length, ms: performance.now() - t0 });
      return a;
    },
  };
}

beforeAll(async () => {
  standin = await new SlackStandin().start();
  // no answer cache: every follow-up runs the pipeline
  bot = await startBot(standin, { dataDir: tempDataDir(), advisor: measured() });
  bot.deps.cache = undefined;
});
afterAll(async () => {
  await bot?.stop();
  await standin?.stop();
});

const numbers = (seed: number) =>
  Array.from({ length: 900 }, (_, i) => String((i * 7919 + seed * 104729) % 100_000))
    .join(' ')
    .slice(0, MAX_QUESTION_CHARS - 10);

describe('a thread of long, hostile follow-ups', () => {
  it('each follow-up reads a bounded thread', async () => {
    const first = mention({ text: numbers(0) });
    const q = eventBody(first);
    await send(bot, q.body);
    expect((await bot.waitHandled((h) => h.id === q.eventId)).outcome).toBe('answered');
    for (let i = 1; i < 20; i++) {
      const f = eventBody(message({ user: 'U0ASKER', text: numbers(i), thread_ts: first.ts }));
      await send(bot, f.body);
      expect((await bot.waitHandled((h) => h.id === f.eventId)).outcome).toBe('answered');
    }
    expect(seen).toHaveLength(20);
    for (const s of seen) {
      expect(s.chars).toBeLessThanOrEqual(MAX_THREAD_CHARS + MAX_QUESTION_CHARS);
      expect(s.turns).toBeLessThanOrEqual(MAX_TURNS);
    }
    const t = bot.store.getThread('C0GENERAL', first.ts)!;
    expect(t.turns.join('').length).toBeLessThanOrEqual(MAX_THREAD_CHARS);
    if (process.env.BOUNDS_VERBOSE)
      console.log(seen.map((s) => `${s.turns}/${s.chars}/${s.ms.toFixed(0)}ms`).join(' '));
  }, 60_000);
});
