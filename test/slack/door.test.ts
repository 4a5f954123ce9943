/**
 * The door (bot/slack/receiver.ts), over HTTP against the running app: what is not Slack's is refused before
 * it is parsed, and nothing changes (no event recorded, no Web API call).
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T } from '../../bot/slack/texts.js';
import {
  eventBody,
  mention,
  type RunningBot,
  SIGNING_SECRET,
  send,
  sign,
  startBot,
  tempDataDir,
} from './harness.js';
import { SlackStandin } from './standin.js';

let standin: SlackStandin;
let bot: RunningBot;

beforeAll(async () => {
  standin = await new SlackStandin().start();
  bot = await startBot(standin, { dataDir: tempDataDir() });
});
afterAll(async () => {
  await bot?.stop();
  await standin?.stop();
});

/** POSTs `size` bytes with the given headers; resolves with the status, or 0 when the server closed first. */
function post(headers: Record<string, string>, size: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      `${bot.url}/slack/events`,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, agent: false },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', () => resolve(0));
    const chunk = Buffer.alloc(64 * 1024, '[');
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

describe('the door', () => {
  it('refuses a request dated more than 5 minutes in the future, even when signed', async () => {
    const before = standin.calls.length;
    const { body, eventId } = eventBody(mention({ text: 'Er vi omfattet?' }));
    const future = Math.floor(Date.now() / 1000) + 6 * 60;
    const res = await send(bot, body, { timestamp: future, signature: sign(body, future, SIGNING_SECRET) });
    expect(res.status).toBe(401);
    const nearFuture = Math.floor(Date.now() / 1000) + 60;
    const ok = await send(bot, body, { timestamp: nearFuture, signature: sign(body, nearFuture) });
    expect(ok.status).toBe(200);
    await bot.waitHandled((h) => h.id === eventId);
    expect(standin.calls.length).toBeGreaterThan(before);
  });

  it('refuses an unsigned 4 MB body with 401 and an oversized signed one with 413, without reading them', async () => {
    const now = String(Math.floor(Date.now() / 1000));
    const unsigned = await post({ 'x-slack-request-timestamp': now }, 4 * 1024 * 1024);
    expect([401, 0]).toContain(unsigned);
    const big = await post(
      { 'x-slack-request-timestamp': now, 'x-slack-signature': `v0=${'0'.repeat(64)}` },
      4 * 1024 * 1024,
    );
    expect([413, 0]).toContain(big);
    // without a declared length (chunked), the read stops at the limit
    expect(bot.logs.some((l) => l.includes('no_signature'))).toBe(true);
    expect(bot.logs.some((l) => l.includes('body_too_large'))).toBe(true);
  });

  it('a signed form body that is not a Slack payload gets a clear 400', async () => {
    const res = await send(bot, 'event=abc', { contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: 'not_a_slack_payload' });
    const json = await send(bot, '{"a":', {});
    expect(res.status).toBe(400);
    expect(JSON.parse(json.body)).toEqual({ ok: false, error: 'invalid_json' });
  });

  it('an event whose id is over 255 characters is acked, not recorded, and the person is told', async () => {
    const ev = mention({ text: 'Er vi omfattet?' });
    const { body } = eventBody(ev, `Ev${'X'.repeat(300)}`);
    expect((await send(bot, body)).status).toBe(200);
    await standin.waitFor(
      (calls) => calls.some((c) => c.ok && c.params.thread_ts === ev.ts),
      'the person told',
    );
    const told = standin.ok('chat.postMessage').filter((c) => c.params.thread_ts === ev.ts);
    expect(told.map((c) => c.params.text)).toEqual([T.da.unreadable]);
  });

  it('a body with a signature made for other bytes is refused with 401', async () => {
    const { body } = eventBody(mention({ text: 'Er vi omfattet?' }));
    const ts = Math.floor(Date.now() / 1000);
    const res = await send(bot, body, { timestamp: ts, signature: sign(`${body} `, ts) });
    expect(res.status).toBe(401);
  });
});
