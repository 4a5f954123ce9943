/**
 * A PROTOTYPE for the benchmark, not the product: the same Bolt HTTP receiver as the advisor, but the
 * pipeline runs in a pool of worker threads (BENCH_WORKERS, default 1), so the event loop that reads
 * requests and acks them is never blocked by an answer being computed. It posts the real answer blocks; it
 * does not use the store. It shows what moving `advise` off the event loop would buy.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { Answer } from '../../guardrails/contract.js';
import type { AdviseRequest } from '../pipeline.js';
import { answerBlocks, answerFallbackText } from '../slack/blocks.js';
import { cleanQuestion } from '../slack/core.js';

const env = process.env;
const size = Math.max(1, Number(env.BENCH_WORKERS) || 1);
type Reply = { id: number; answer?: Answer; error?: string };
const waiting = new Map<number, (r: Reply) => void>();
let seq = 0;
const workers = await Promise.all(
  Array.from(
    { length: size },
    () =>
      new Promise<Worker>((resolve) => {
        const w = new Worker(join(import.meta.dirname, 'advise-worker.js'));
        w.on('message', (m: Reply | { ready: true }) => {
          if ('ready' in m) return resolve(w);
          waiting.get(m.id)?.(m);
          waiting.delete(m.id);
        });
      }),
  ),
);
const advise = (req: AdviseRequest) =>
  new Promise<Reply>((resolve) => {
    seq += 1;
    waiting.set(seq, resolve);
    workers[seq % workers.length]!.postMessage({ id: seq, req });
  });

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
  const r = await advise({ turns: [cleanQuestion(event.text, 'U0BOT')], asOf: '2026-11-22' });
  const thread_ts = event.thread_ts ?? event.ts;
  if (!r.answer) {
    await client.chat.postMessage({ channel: event.channel, thread_ts, text: 'Sorry.' });
    return;
  }
  await client.chat.postMessage({
    channel: event.channel,
    thread_ts,
    text: answerFallbackText(r.answer),
    blocks: answerBlocks(r.answer, { answerId: `a_${r.id}` }),
  });
});
await app.start({ port: Number(env.PORT), host: env.HOST ?? '127.0.0.1' });
process.on('SIGTERM', () => {
  void app.stop().finally(() => process.exit(0));
});
