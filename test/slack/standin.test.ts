import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, SlackStandin } from './standin.js';

let standin: SlackStandin;
let client: webApi.WebClient;
beforeAll(async () => {
  standin = await new SlackStandin().start();
  client = new webApi.WebClient(BOT_TOKEN, {
    slackApiUrl: standin.apiUrl,
    retryConfig: { retries: 0 },
    logLevel: webApi.LogLevel.ERROR,
  });
});
afterAll(async () => {
  await standin?.stop();
});

describe('the Web API stand-in', () => {
  it('answers like Slack and records the call', async () => {
    const res = await client.chat.postMessage({ channel: 'U0PERSON', text: 'hej' });
    expect(res).toMatchObject({ ok: true, channel: 'D0PERSON' });
    expect(standin.ok('chat.postMessage').at(-1)?.params).toMatchObject({ channel: 'U0PERSON', text: 'hej' });
    expect(await client.auth.test()).toMatchObject({ ok: true, user_id: 'U0BOT', bot_id: 'B0BOT' });
  });

  it('refuses blocks that break Block Kit limits with invalid_blocks', async () => {
    const tooMany = Array.from({ length: 51 }, () => ({ type: 'divider' as const }));
    await expect(
      client.chat.postMessage({ channel: 'C1', text: 'x', blocks: tooMany }),
    ).rejects.toMatchObject({
      data: { error: 'invalid_blocks' },
    });
    const longHeader = [
      { type: 'header' as const, text: { type: 'plain_text' as const, text: 'h'.repeat(151) } },
    ];
    await expect(
      client.chat.postMessage({ channel: 'C1', text: 'x', blocks: longHeader }),
    ).rejects.toMatchObject({
      data: { error: 'invalid_blocks' },
    });
  });

  it('refuses a wrong token', async () => {
    const other = new webApi.WebClient('xoxb-wrong', {
      slackApiUrl: standin.apiUrl,
      retryConfig: { retries: 0 },
    });
    await expect(other.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
  });

  it('fails the next calls on request, with 429 + Retry-After or 500', async () => {
    standin.failNext(1, { status: 500 });
    await expect(client.auth.test()).rejects.toMatchObject({ statusCode: 500 });
    standin.failNext(1, { status: 429, retryAfter: 0 });
    const rejecting = new webApi.WebClient(BOT_TOKEN, {
      slackApiUrl: standin.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
    });
    await expect(rejecting.auth.test()).rejects.toMatchObject({ code: webApi.ErrorCode.RateLimitedError });
    expect(await client.auth.test()).toMatchObject({ ok: true });
  });
});
