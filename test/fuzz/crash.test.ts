/**
 * Requests that once took the whole process down, sent signed to the bot running as `npm start` runs it
 * (a child process), so a crash shows as a dead process rather than an error inside the test runner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildBot, startChild } from '../durability/child.js';
import { send, tempDataDir } from '../slack/harness.js';
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

describe('signed requests with a null body', () => {
  // KNOWN BUG (Bolt 5 HTTPReceiver, node_modules/@slack/bolt/dist/receivers/HTTPReceiver.js:345 reads
  // `body.ssl_check` of a JSON `null` body): the unhandled rejection ends the process. `it.fails` keeps CI
  // green while the bug stands and turns red once the app survives, so this marker can then be removed.
  it.fails('the process survives a JSON `null` body and keeps serving', async () => {
    const bot = await startChild(standin, tempDataDir());
    try {
      const status = await sendOnce(bot, 'null', 'application/json');
      await new Promise((r) => setTimeout(r, 300));
      expect(bot.alive(), `process died; status ${status}; ${bot.output.slice(-3).join(' | ')}`).toBe(true);
      expect([200, 400, 404]).toContain(status);
    } finally {
      await bot.kill('SIGKILL');
    }
  }, 40_000);
});
