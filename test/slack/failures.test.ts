import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Advisor, createAdvisor } from '../../bot/pipeline.js';
import type { Answer } from '../../guardrails/contract.js';
import { eventBody, mention, type RunningBot, send, slashCommand, startBot, tempDataDir } from './harness.js';
import { SlackStandin } from './standin.js';

/** The real pipeline, except that it throws on "BOOM" and breaks the contract on "INVALID". */
function flakyAdvisor(): Advisor {
  const real = createAdvisor();
  return {
    advise(req) {
      const last = req.turns.at(-1) ?? '';
      if (last.includes('BOOM')) throw new Error('pipeline exploded');
      const a = real.advise(req);
      return last.includes('INVALID') ? ({ ...a, verdict: 'perhaps' } as unknown as Answer) : a;
    },
  };
}

let standin: SlackStandin;
let bot: RunningBot;
beforeAll(async () => {
  standin = await new SlackStandin().start();
  bot = await startBot(standin, { dataDir: tempDataDir(), advisor: flakyAdvisor() });
});
afterAll(async () => {
  await bot?.stop();
  await standin?.stop();
});

describe('when the pipeline fails', () => {
  it('says sorry in the thread, logs it and keeps answering', async () => {
    for (const word of ['BOOM', 'INVALID']) {
      const ev = mention({ text: `Er vi omfattet? ${word}` });
      const { body, eventId } = eventBody(ev);
      await send(bot, body);
      expect((await bot.waitHandled((h) => h.id === eventId)).outcome).toBe('failed');
      const reply = standin.ok('chat.postMessage').filter((c) => c.params.thread_ts === ev.ts);
      expect(reply).toHaveLength(1);
      expect(String(reply[0]!.params.text)).toMatch(/Beklager|Sorry/);
      expect(bot.logs.some((l) => l.includes(eventId) && l.includes('pipeline failed'))).toBe(true);
    }
    const ok = eventBody(mention({ text: 'Er en kommune omfattet?' }));
    await send(bot, ok.body);
    expect((await bot.waitHandled((h) => h.id === ok.eventId)).outcome).toBe('answered');
  });

  it('answers a slash command privately with an apology', async () => {
    const n = standin.ok('response_url').length;
    const { body, contentType } = slashCommand({ text: 'BOOM?', responseUrl: standin.responseUrl('boom') });
    await send(bot, body, { contentType });
    await bot.waitHandled((h) => h.kind === 'command' && h.outcome === 'failed');
    expect(String(standin.ok('response_url')[n]!.params.text)).toMatch(/Beklager|Sorry/);
  });
});
