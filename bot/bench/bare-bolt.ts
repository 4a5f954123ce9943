/**
 * The benchmark's baseline: a bare Bolt app on the same HTTP receiver settings as the advisor, which only
 * acks `app_mention` and posts a fixed reply in the thread. Configured by the environment the advisor
 * reads (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL, PORT, HOST); `GET /healthz` says it is up.
 * BENCH_REPLY_FILE: a JSON file `{ text, blocks }` to post as the fixed reply (an answer as the advisor
 * would post it, so both apps move the same bytes); without it, a one-line text.
 */
import { readFileSync } from 'node:fs';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const env = process.env;
const reply: { text: string; blocks?: unknown[] } = env.BENCH_REPLY_FILE
  ? JSON.parse(readFileSync(env.BENCH_REPLY_FILE, 'utf8'))
  : { text: 'Thanks, noted.' };
const receiver = new HTTPReceiver({
  signingSecret: env.SLACK_SIGNING_SECRET ?? '',
  endpoints: '/slack/events',
  processBeforeResponse: false,
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      },
    },
  ],
});
const app = new App({
  token: env.SLACK_BOT_TOKEN,
  botId: 'B0BOT',
  botUserId: 'U0BOT',
  tokenVerificationEnabled: false,
  convoStore: false,
  receiver,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: env.SLACK_API_URL },
});
app.event('app_mention', async ({ event, client }) => {
  await client.chat.postMessage({
    channel: event.channel,
    thread_ts: event.thread_ts ?? event.ts,
    text: reply.text,
    ...(reply.blocks ? { blocks: reply.blocks as never } : {}),
  });
});
await app.start({ port: Number(env.PORT), host: env.HOST ?? '127.0.0.1' });
process.on('SIGTERM', () => {
  void app.stop().finally(() => process.exit(0));
});
