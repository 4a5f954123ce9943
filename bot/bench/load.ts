/**
 * Load on the real HTTP receiver: `app_mention` events signed as Slack signs them (v0 HMAC-SHA256 of
 * `v0:timestamp:body`), sent on loopback with a fixed number in flight. Measures the ack latency of every
 * request and the time until each event's answer reached the Web API stand-in.
 */
import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { BenchWebApi } from './webapi.js';

export const BENCH_SIGNING_SECRET = 'benchSigningSecret0123456789abcd';

export function signature(body: string, timestamp: number, secret = BENCH_SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface Mention {
  eventId: string;
  channel: string;
  ts: string;
  text: string;
}

export function mentionBody(m: Mention): string {
  return JSON.stringify({
    token: 'legacy',
    team_id: 'T0BENCH',
    api_app_id: 'A0BENCH',
    type: 'event_callback',
    event_id: m.eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0BENCH', user_id: 'U0BOT', is_bot: true }],
    event: {
      type: 'app_mention',
      user: 'U0ASKER',
      text: `<@U0BOT> ${m.text}`,
      ts: m.ts,
      event_ts: m.ts,
      channel: m.channel,
    },
  });
}

export function post(url: string, body: string, agent: Agent, retryNum?: number): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': signature(body, timestamp),
  };
  if (retryNum !== undefined) {
    headers['x-slack-retry-num'] = retryNum;
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export interface LoadResult {
  events: number;
  /** Events whose answer reached the stand-in. */
  answered: number;
  /** Non-200 acks. */
  refused: number;
  ackMs: number[];
  /** From the first request to the last answer, in ms. */
  elapsedMs: number;
  /** answered / elapsed. */
  perSecond: number;
  timedOut: boolean;
}

let seq = 0;

/** Sends `count` mentions with `concurrency` requests in flight; waits (at most `limitMs`) for every answer. */
export async function runLoad(o: {
  /** One app, or several replicas: requests go round robin, as a load balancer sends them. */
  url: string | readonly string[];
  webapi: BenchWebApi;
  questions: readonly string[];
  count: number;
  concurrency: number;
  limitMs: number;
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency });
  seq += 1;
  const run = seq;
  const mentions: Mention[] = Array.from({ length: o.count }, (_, i) => ({
    eventId: `Ev${run}X${i}`,
    channel: `C0LOAD${run}`,
    ts: `${1_700_000_000 + i}.${String(run).padStart(6, '0')}`,
    text: o.questions[i % o.questions.length]!,
  }));
  const pending = new Set<string>();
  let lastAnswer = 0;
  o.webapi.onFirstPost = (key, at) => {
    if (pending.delete(key)) lastAnswer = at;
  };
  const ackMs: number[] = [];
  let refused = 0;
  let next = 0;
  const urls = typeof o.url === 'string' ? [o.url] : o.url;
  const start = performance.now();
  const deadline = start + o.limitMs;
  const worker = async () => {
    while (next < mentions.length && performance.now() < deadline) {
      const k = next++;
      const m = mentions[k]!;
      const body = mentionBody(m);
      pending.add(`${m.channel}/${m.ts}`);
      const t = performance.now();
      const status = await post(urls[k % urls.length]!, body, agent).catch(() => 0);
      ackMs.push(performance.now() - t);
      if (status !== 200) refused += 1;
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  while (pending.size > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 2));
  const timedOut = pending.size > 0;
  o.webapi.onFirstPost = undefined;
  agent.destroy();
  const sent = next;
  const answered = sent - pending.size;
  const elapsedMs = (timedOut ? performance.now() : lastAnswer) - start;
  return {
    events: sent,
    answered,
    refused,
    ackMs,
    elapsedMs,
    perSecond: (answered / elapsedMs) * 1000,
    timedOut,
  };
}

/**
 * Open loop: `rate` events per second for `seconds`, each sent on schedule whether or not earlier ones were
 * acked (as Slack sends them); ack latencies and answers as in runLoad.
 */
export async function runOpenLoop(o: {
  url: string;
  webapi: BenchWebApi;
  questions: readonly string[];
  rate: number;
  seconds: number;
  limitMs: number;
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  seq += 1;
  const run = seq;
  const count = Math.max(1, Math.round(o.rate * o.seconds));
  const pending = new Set<string>();
  let lastAnswer = 0;
  o.webapi.onFirstPost = (key, at) => {
    if (pending.delete(key)) lastAnswer = at;
  };
  const ackMs: number[] = [];
  let refused = 0;
  const start = performance.now();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / o.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const m: Mention = {
      eventId: `Ev${run}O${i}`,
      channel: `C0OPEN${run}`,
      ts: `${1_700_000_000 + i}.${String(run).padStart(6, '0')}`,
      text: o.questions[i % o.questions.length]!,
    };
    pending.add(`${m.channel}/${m.ts}`);
    const t = performance.now();
    sends.push(
      post(o.url, mentionBody(m), agent)
        .catch(() => 0)
        .then((status) => {
          ackMs.push(performance.now() - t);
          if (status !== 200) refused += 1;
        }),
    );
  }
  await Promise.all(sends);
  const deadline = start + o.limitMs;
  while (pending.size > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 2));
  const timedOut = pending.size > 0;
  o.webapi.onFirstPost = undefined;
  agent.destroy();
  const answered = count - pending.size;
  const elapsedMs = (timedOut ? performance.now() : lastAnswer) - start;
  return {
    events: count,
    answered,
    refused,
    ackMs,
    elapsedMs,
    perSecond: (answered / elapsedMs) * 1000,
    timedOut,
  };
}
