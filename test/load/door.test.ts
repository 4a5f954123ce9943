/**
 * Acks under hostile and heavy traffic, against the bot as `npm start` runs it (a child process), measured as
 * Slack measures them: from sending a signed event to its 200.
 * - 32 connections keep sending unsigned 4 MB bodies while signed mentions arrive on schedule;
 * - 1,000 new questions at 250/s with half of them retried by Slack.
 * Target: the p99 ack of the signed events under 100 ms, and the child's peak RSS under 300 MB.
 * `LOAD_ACKS=1 LOAD_VERBOSE=1 npx vitest run test/load/door.test.ts` prints the figures.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildBot, startChild } from '../durability/child.js';
import { eventBody, mention, send, tempDataDir } from '../slack/harness.js';
import { SlackStandin } from '../slack/standin.js';

const SCALE = Math.max(0.1, Number(process.env.LOAD_SCALE ?? 1) || 1);

let standin: SlackStandin;
let bot: ChildBot;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function p99(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] ?? 0;
}

/** CPU time (user + system) of a process so far, in ms. */
function cpuMs(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

/** Peak RSS of the child so far (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/**
 * `connections` connections, each sending unsigned 4 MB bodies one after another, from a separate process
 * at the lowest CPU priority (`nice -n 19`): on this 2-core machine the generator would otherwise starve the
 * bot and this measuring thread of CPU, and the figure would be the generator's, not the bot's. Resolves
 * with the number of bodies sent when stopped.
 */
function flood(url: string, connections: number): { stop: () => Promise<number> } {
  const code = `
    const { request } = require('node:http');
    const workerData = JSON.parse(process.argv[1]);
    let stopped = false;
    let sent = 0;
    const chunk = Buffer.alloc(256 * 1024, '[');
    const once = () => {
      if (stopped) return;
      const req = request(workerData.url + '/slack/events', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(16 * chunk.length),
          'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
        },
        agent: false,
      });
      let done = false;
      const next = () => { if (done) return; done = true; sent++; setImmediate(once); };
      req.on('response', (res) => { res.resume(); res.on('end', next); });
      req.on('error', next);
      req.on('close', next);
      let i = 0;
      const pump = () => {
        while (i < 16) { i++; if (!req.write(chunk)) { req.once('drain', pump); return; } }
        req.end();
      };
      pump();
    };
    for (let c = 0; c < workerData.connections; c++) once();
    process.on('SIGTERM', () => { stopped = true; process.stdout.write(String(sent)); process.exit(0); });
  `;
  const child = spawn(
    'nice',
    ['-n', '19', process.execPath, '-e', code, JSON.stringify({ url, connections })],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  return {
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve(Number(out) || 0));
        child.kill('SIGTERM');
      }),
  };
}

const QUESTIONS = [
  'Vi er en dansk internetudbyder med 72.000 slutbrugere. Er vi omfattet?',
  'We run a mobile network in Denmark with 40,000 end users. Are we covered?',
  'Is a home router a critical network component?',
];

/** Sends signed mentions on schedule (`rate` per second); returns each one's ack time in ms. */
async function scheduled(
  n: number,
  rate: number,
  text: (i: number) => string,
  retryShare = 0,
): Promise<{ acks: number[]; statuses: number[]; sent: { eventId: string; ts: string }[] }> {
  const acks: number[] = [];
  const statuses: number[] = [];
  const sent: { eventId: string; ts: string }[] = [];
  const inFlight: Promise<void>[] = [];
  const start = Date.now();
  const one = async (body: string, retryNum?: number) => {
    const t0 = performance.now();
    const r = await send(bot, body, retryNum === undefined ? {} : { retryNum }).catch(() => ({ status: 0 }));
    acks.push(performance.now() - t0);
    statuses.push(r.status);
  };
  for (let i = 0; i < n; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    const ev = mention({ channel: 'C0DOOR', text: text(i), user: `U0U${i % 17}` });
    const { body, eventId } = eventBody(ev);
    sent.push({ eventId, ts: ev.ts });
    inFlight.push(one(body));
    if (retryShare > 0 && i % Math.round(1 / retryShare) === 0) {
      inFlight.push(sleep(20 + (i % 50)).then(() => one(body, 1)));
    }
  }
  await Promise.all(inFlight);
  return { acks, statuses, sent };
}

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? 0;
};
const summary = (xs: number[]) =>
  `p50 ${pct(xs, 0.5).toFixed(1)} ms, p90 ${pct(xs, 0.9).toFixed(1)} ms, p99 ${pct(xs, 0.99).toFixed(1)} ms, max ${pct(xs, 1).toFixed(1)} ms`;

/**
 * Opt-in (`LOAD_ACKS=1`): on this 2-core machine, shared with other workers, these figures are the
 * machine's as much as the bot's, and they do not yet meet the 100 ms target (see SECURITY.md).
 */
describe.runIf(process.env.LOAD_ACKS === '1')('acks under load', () => {
  beforeAll(async () => {
    standin = await new SlackStandin().start();
    bot = await startChild(standin, tempDataDir());
  });
  afterAll(async () => {
    await bot?.kill('SIGKILL');
    await standin?.stop();
  });

  it('signed acks stay fast while 32 connections send unsigned 4 MB bodies', async () => {
    const flooding = flood(bot.url, 32);
    await sleep(500);
    const n = Math.round(300 * SCALE);
    const { acks, statuses } = await scheduled(n, 50, (i) => QUESTIONS[i % QUESTIONS.length]!);
    const refused = await flooding.stop();
    if (process.env.LOAD_VERBOSE)
      console.log(
        `flood: ${refused} unsigned 4 MB bodies refused; signed acks ${summary(acks)}; peak RSS ${peakRssMb(bot.proc.pid!).toFixed(0)} MB`,
      );
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(refused).toBeGreaterThan(32);
    expect(p99(acks)).toBeLessThan(100);
    expect(peakRssMb(bot.proc.pid!)).toBeLessThan(300);
  }, 60_000);

  it('acks stay fast with 1,000 new questions at 250/s, half of them retried', async () => {
    const n = Math.round(1000 * SCALE);
    const before = standin.ok('chat.postMessage').length;
    const cpu0 = cpuMs(bot.proc.pid!);
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const t0 = Date.now();
    // every question is new (a unique code word), so none is answered from the cache
    const { acks, statuses, sent } = await scheduled(
      n,
      250,
      (i) => `${QUESTIONS[i % QUESTIONS.length]!} Sag ${(i * 7919).toString(36)}x.`,
      0.5,
    );
    const cpuShare = (cpuMs(bot.proc.pid!) - cpu0) / (Date.now() - t0);
    lag.disable();
    if (process.env.LOAD_VERBOSE)
      console.log(
        `test process loop lag p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms, own cpu ${(process.cpuUsage().user / 1000).toFixed(0)} ms`,
      );
    if (process.env.LOAD_VERBOSE) console.log(`cpu share of the bot while sending: ${cpuShare.toFixed(2)}`);
    if (process.env.LOAD_VERBOSE)
      console.log(
        `${n} new questions at 250/s, ${acks.length - n} retries: acks ${summary(acks)}; peak RSS ${peakRssMb(bot.proc.pid!).toFixed(0)} MB`,
      );
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(p99(acks)).toBeLessThan(100);
    // and every one is answered, once
    const end = Date.now() + 60_000;
    while (standin.ok('chat.postMessage').length - before < n && Date.now() < end) await sleep(100);
    const threads = new Set(sent.map((e) => e.ts));
    const posts = standin.ok('chat.postMessage').filter((c) => threads.has(String(c.params.thread_ts)));
    expect(posts).toHaveLength(n);
    expect(peakRssMb(bot.proc.pid!)).toBeLessThan(300);
  }, 120_000);
});
