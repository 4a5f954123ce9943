/**
 * Requests that once took the whole process down, sent signed to the bot running as `npm start` runs it
 * (a child process), so a crash shows as a dead process rather than an error inside the test runner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildBot, startChild } from '../durability/child.js';
import { eventBody, mention, send, tempDataDir } from '../slack/harness.js';
import { SlackStandin } from '../slack/standin.js';

let standin: SlackStandin;

beforeAll(async () => {
  standin = await new SlackStandin().start();
});
afterAll(async () => {
  await standin?.stop();
});

/** Sends one signed body, giving up after 5 s (a request the app never answers). */
async function sendOnce(bot: ChildBot, body: string, contentType: string): Promise<number> {
  const timeout = new Promise<number>((r) => setTimeout(() => r(-1), 5_000).unref());
  return Promise.race([
    send(bot, body, { contentType }).then(
      (r) => r.status,
      () => 0,
    ),
    timeout,
  ]);
}

describe('signed requests whose body is not a JSON object', () => {
  // Bolt 5's HTTPReceiver reads `body.ssl_check` of a JSON `null` body; the unhandled rejection used to end the
  // process. bot/slack/guard.ts now refuses such bodies with 400 before Bolt sees them.
  it('the process survives `null` and other non-object bodies, refuses them with 400, and keeps serving', async () => {
    const bot = await startChild(standin, tempDataDir());
    try {
      const odd: [string, string][] = [
        ['null', 'application/json'],
        ['5', 'application/json'],
        ['"text"', 'application/json'],
        ['[]', 'application/json'],
        ['payload=null', 'application/x-www-form-urlencoded'],
        ['payload=%5B1%5D', 'application/x-www-form-urlencoded'],
      ];
      for (const [body, type] of odd) {
        const status = await sendOnce(bot, body, type);
        expect(bot.alive(), `process died on ${body}; ${bot.output.slice(-3).join(' | ')}`).toBe(true);
        expect(status, body).toBe(400);
      }
      // unsigned, the same body is refused as every unsigned request is
      const unsigned = await send(bot, 'null', { signature: null }).then((r) => r.status);
      expect(unsigned).toBe(401);
      await new Promise((r) => setTimeout(r, 300));
      expect(bot.alive()).toBe(true);
      // still answers a real question
      const ev = mention({ channel: 'C0CRASH', text: 'Er en hjemmerouter en kritisk netværkskomponent?' });
      expect((await send(bot, eventBody(ev).body)).status).toBe(200);
      const end = Date.now() + 15_000;
      while (!standin.ok('chat.postMessage').some((c) => c.params.thread_ts === ev.ts)) {
        if (Date.now() > end) throw new Error('no answer after the odd bodies');
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(bot.output.some((l) => l.includes('not_an_object'))).toBe(true);
    } finally {
      await bot.kill('SIGKILL');
    }
  }, 40_000);
});
