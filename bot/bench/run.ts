/**
 * `npm run bench`: speed and memory of the advisor, in one bounded run that stops by itself.
 *
 * 1. start-up: spawn → `ready` (knowledge and index loaded, advisor created), in a child process;
 * 2. pipeline latency per question over the shared dev cases, repeated (built-in questions without them);
 * 3. retrieval latency; the time to produce a memo to file (PDF) for a typical answer, the first one of the
 *    process (the PDF library loaded then) and the ones after it;
 * 4. through the real HTTP receiver on 127.0.0.1, with signed requests, against a local Web API stand-in:
 *    sustained events per second, ack latency and CPU per event of four apps in the same run: a bare Bolt
 *    app that only acks and posts a fixed reply (a one-line text, and an answer of the advisor's mean
 *    size), the advisor as `npm start` starts it (`dist/bot/main.js` with the start script's Node flags),
 *    and the advisor with its answer cache off (every question new);
 * 5. peak memory (RSS) of the advisor apps, the bare app and this process;
 * then the targets as PASS/FAIL lines. Figures, not tests: the exit code is 0 unless the run itself broke.
 *
 * Knobs (environment): BENCH_CASES (a cases .jsonl, default ../shared/eval/dev-cases.jsonl), BENCH_ROUNDS (dev-case repetitions, 20), BENCH_EVENTS (events per measured load, 3000), BENCH_REPEATS (measured loads per app, the median reported; 3),
 * BENCH_CONCURRENCY (requests in flight, 16); BENCH_READ_WARM (reading rounds before the steady reading figure, 60); BENCH_CPU_PROF=DIR writes a V8 CPU profile of the advisor app
 * there (`node --cpu-prof`), to see what is slow; BENCH_APP_NODE_OPTIONS is passed to every app as NODE_OPTIONS
 * (e.g. `--max-semi-space-size=4` to trade a little speed for memory).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../knowledge/paths.js';
import { loadRetriever } from '../../retrieval/index.js';
import { type Advisor, createAdvisor } from '../pipeline.js';
import { newAnswerId, stampProvenance } from '../provenance.js';
import { answerBlocks, answerFallbackText } from '../slack/blocks.js';
import { normaliseText } from '../understand/door.js';
import { findDoubts } from '../understand/doubt.js';
import { extractFacts } from '../understand/extract.js';
import { readQuestion } from '../understand/question.js';
import { BENCH_SIGNING_SECRET, type LoadResult, runLoad, runOpenLoop } from './load.js';
import { summarizeProfile } from './profile.js';
import { benchReplicas } from './replicas.js';
import { mb, ms, type Summary, summarize } from './stats.js';
import { BENCH_BOT_TOKEN, BenchWebApi } from './webapi.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST_BOT = join(HERE, '..');
const DEV_CASES = process.env.BENCH_CASES ?? join(PROJECT_ROOT, '..', 'shared', 'eval', 'dev-cases.jsonl');
const DOUBT_LIMITS = { endUsersThreshold: 50_000, stateThreshold: 500 };
const AS_OF = '2026-11-22';

const num = (name: string, dflt: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : dflt;
};
const ROUNDS = num('BENCH_ROUNDS', 20);
/** Unmeasured reading rounds before the steady-state reading figure (BENCH_READ_WARM). */
const READ_WARM = num('BENCH_READ_WARM', 60);
const EVENTS = num('BENCH_EVENTS', 3000);
const CONCURRENCY = num('BENCH_CONCURRENCY', 16);
const WARMUP_EVENTS = 500;
/** Measured loads per app; the median one is reported (the rate varies from run to run on a small machine). */
const REPEATS = num('BENCH_REPEATS', 3);
const LOAD_LIMIT_MS = 30_000;
const STARTUPS = 5;
const OPEN_SECONDS = 4;

const TARGET = {
  pipelineP99: 20,
  startupMs: 1500,
  throughputRatio: 0.7,
  ackP99: 100,
  rssMb: 300,
  memoMs: 300,
};
const MEMOS = 20;

/** Built-in questions, used when ../shared is absent. */
const BUILT_IN: string[][] = [
  ['Vi er en dansk internetudbyder med 72.000 slutbrugere. Er vi omfattet af loven?'],
  ['We run a Danish mobile network with 50,001 end users. Are we a significant provider?'],
  ['Må vores kommune købe overvågningskameraer fra Hikvision?'],
  [
    'We are a telecom provider with 200,000 end users and plan a new contract with Huawei for our core network. What applies?',
  ],
  ['Hvor lang tid har vi til at indbringe en afgørelse for domstolene?', 'Vi fik afgørelsen 3. marts 2026.'],
  ['Is a home router a critical network component?'],
  ['Vi har en eksisterende aftale fra 2019 om drift af vores kernenet. Hvornår gælder loven for den?'],
  ['Kan jeg tale med en rådgiver om vores leverandøraftale?'],
  ['What does CFCS advise about surveillance cameras from countries outside Denmark’s security cooperation?'],
  ['Hvad er momsen på mobiltelefoner?'],
];

const CaseLine = z.object({ turns: z.array(z.string()).min(1), as_of: z.string().optional() });

function loadCases(): { cases: { turns: string[]; asOf: string }[]; from: string } {
  if (existsSync(DEV_CASES)) {
    const cases = readFileSync(DEV_CASES, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .flatMap((l) => {
        let json: unknown;
        try {
          json = JSON.parse(l);
        } catch {
          return [];
        }
        const c = CaseLine.safeParse(json);
        return c.success ? [{ turns: c.data.turns, asOf: c.data.as_of ?? AS_OF }] : [];
      });
    if (cases.length) return { cases, from: `${cases.length} cases from ${DEV_CASES}` };
  }
  return {
    cases: BUILT_IN.map((turns) => ({ turns, asOf: AS_OF })),
    from: `${BUILT_IN.length} built-in questions (../shared absent)`,
  };
}

const line = (label: string, value: string) => process.stdout.write(`  ${label.padEnd(34)} ${value}\n`);
const head = (title: string) => process.stdout.write(`\n${title}\n`);
const lat = (s: Summary) =>
  `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)}  (n=${s.n})`;

// ---- 1. start-up --------------------------------------------------------------------------------------

function timeStartup(): Promise<{ ready: number; answered: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let ready = Number.NaN;
    const child = spawn(process.execPath, [join(HERE, 'ready.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    child.stdout.on('data', (c: Buffer) => {
      buf += c.toString();
      if (Number.isNaN(ready) && buf.includes('ready\n')) ready = performance.now() - t0;
      if (buf.includes('answered\n')) resolve({ ready, answered: performance.now() - t0 });
    });
    child.on('exit', (code) => {
      if (!buf.includes('answered\n'))
        reject(new Error(`start-up probe exited with ${code} before answering`));
    });
  });
}

// ---- 4. HTTP ------------------------------------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get(`${url}/healthz`, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(500, () => req.destroy());
  });
}

interface AppProcess {
  child: ChildProcess;
  url: string;
  logFile: string;
}

/** `cold`: the advisor with its answer cache off (ADVICE_CACHE_SIZE=0), so every question runs the pipeline. */
/** Node's flags in `npm start` (package.json), so the advisor is measured as it is started. */
const START_FLAGS: string[] = (() => {
  const pkg = z
    .object({ scripts: z.object({ start: z.string() }) })
    .safeParse(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')));
  const words = pkg.success ? pkg.data.scripts.start.split(/\s+/) : [];
  return words[0] === 'node' ? words.slice(1).filter((w) => w.startsWith('--')) : [];
})();

/** `bare`: posts an answer of median size as its fixed reply; `bare-text`: posts one line of text. */
type AppKind = 'advisor' | 'cold' | 'bare' | 'bare-text';

async function startApp(kind: AppKind, apiUrl: string, dataDir: string): Promise<AppProcess> {
  const port = await freePort();
  const logFile = join(dataDir, `${kind}.log`);
  const fd = openSync(logFile, 'a');
  const script = {
    advisor: join(DIST_BOT, 'main.js'),
    cold: join(DIST_BOT, 'main.js'),
    bare: join(HERE, 'bare-bolt.js'),
    'bare-text': join(HERE, 'bare-bolt.js'),
  }[kind];
  const env = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    SLACK_BOT_TOKEN: BENCH_BOT_TOKEN,
    SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: join(dataDir, 'data'),
    ADVISER_CHANNEL: 'C0ADVISERS',
    LOG_LEVEL: 'info',
    ...(kind === 'cold' ? { ADVICE_CACHE_SIZE: '0' } : {}),
    ...(kind === 'bare' ? { BENCH_REPLY_FILE: join(dataDir, 'reply.json') } : {}),
    ...(process.env.BENCH_APP_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_APP_NODE_OPTIONS } : {}),
  };
  const prof = process.env.BENCH_CPU_PROF;
  const advisor = kind === 'advisor' || kind === 'cold';
  const flags = [
    ...(advisor ? START_FLAGS : []),
    ...(prof && kind === 'advisor' ? ['--cpu-prof', '--cpu-prof-dir', prof] : []),
  ];
  const child = spawn(process.execPath, [...flags, script], { env, stdio: ['ignore', fd, fd], cwd: dataDir });
  const url = `http://127.0.0.1:${port}`;
  const until = performance.now() + 15_000;
  while (!(await healthy(url))) {
    if (child.exitCode !== null) throw new Error(`${kind} app exited with ${child.exitCode}; see ${logFile}`);
    if (performance.now() > until)
      throw new Error(`${kind} app did not answer /healthz within 15 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url, logFile };
}

/** CPU time (user + system, all threads) a process has used so far, in ms; Linux only. */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (100 per s)
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

/** Peak resident set size of a process (VmHWM), Linux only. */
function peakRss(pid: number | undefined): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function stopApp(app: AppProcess): Promise<void> {
  if (app.child.exitCode !== null) return;
  const exited = new Promise((r) => app.child.once('exit', r));
  app.child.kill('SIGTERM');
  const t = setTimeout(() => app.child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(t);
}

interface Measured {
  r: LoadResult;
  rss: number | undefined;
  open?: LoadResult;
  /** App CPU time (all its threads) per event during the measured load, ms. */
  cpuPerEvent?: number | undefined;
}

async function loadApp(
  kind: AppKind,
  webapi: BenchWebApi,
  questions: string[],
  dataDir: string,
): Promise<Measured> {
  const app = await startApp(kind, webapi.url, dataDir);
  try {
    const url = `${app.url}/slack/events`;
    const common = { url, webapi, questions, concurrency: CONCURRENCY, limitMs: LOAD_LIMIT_MS };
    await runLoad({ ...common, count: WARMUP_EVENTS });
    // Several measured loads; the one with the median rate is reported (with its own acks and CPU).
    const runs: { r: LoadResult; cpuPerEvent: number | undefined }[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const cpu0 = cpuMs(app.child.pid);
      const r = await runLoad({ ...common, count: EVENTS });
      const cpu1 = cpuMs(app.child.pid);
      runs.push({
        r,
        cpuPerEvent: cpu0 !== undefined && cpu1 !== undefined ? (cpu1 - cpu0) / r.events : undefined,
      });
    }
    runs.sort((a, b) => a.r.perSecond - b.r.perSecond);
    const { r, cpuPerEvent } = runs[Math.floor(runs.length / 2)]!;
    const rss = peakRss(app.child.pid);
    if (kind !== 'advisor') return { r, rss, cpuPerEvent };
    // Below saturation: half the sustained rate, sent on schedule as Slack sends events.
    const rate = Math.max(1, Math.floor(r.perSecond / 2));
    const open = await runOpenLoop({
      url,
      webapi,
      questions,
      rate,
      seconds: OPEN_SECONDS,
      limitMs: LOAD_LIMIT_MS,
    });
    return { r, rss, open, cpuPerEvent };
  } finally {
    await stopApp(app);
  }
}

// ---- main ---------------------------------------------------------------------------------------------

/**
 * The bare app's fixed reply: the answer, as the advisor posts it, whose blocks are closest to the mean
 * size among the benchmark's questions (each is asked equally often); so the baseline moves the same
 * bytes through the Web API as the advisor.
 */
function typicalReply(advisor: Advisor, questions: string[]): { json: string; bytes: number } {
  const replies = [...new Set(questions)].map((q) => {
    const answer = advisor.advise({ turns: [q], asOf: AS_OF });
    const blocks = answerBlocks(answer, { answerId: 'a_0123456789abcdef0123456789abcdef' });
    return { text: answerFallbackText(answer), blocks, bytes: JSON.stringify(blocks).length };
  });
  const mean = replies.reduce((sum, r) => sum + r.bytes, 0) / replies.length;
  const m = replies.reduce((best, r) => (Math.abs(r.bytes - mean) < Math.abs(best.bytes - mean) ? r : best));
  return { json: JSON.stringify({ text: m.text, blocks: m.blocks }), bytes: m.bytes };
}

function machine(): string {
  let model = cpus()[0]?.model ?? 'unknown CPU';
  try {
    model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {
    // not Linux
  }
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return `${cpus().length} CPUs (${model}), ${mb(totalmem())} RAM (${mb(freemem())} free), Node ${process.version}, load average ${load}`;
}

async function main(): Promise<void> {
  const began = performance.now();
  process.stdout.write(`Benchmark of the supplier-security advisor\n  machine: ${machine()}\n`);
  const { cases, from } = loadCases();
  const results: Array<[string, boolean, string]> = [];

  head('Start-up (child process, spawn → "ready": knowledge + index loaded, advisor created)');
  const starts: { ready: number; answered: number }[] = [];
  for (let i = 0; i < STARTUPS; i++) starts.push(await timeStartup());
  const ready = summarize(starts.map((s) => s.ready));
  const first = summarize(starts.map((s) => s.answered));
  line('to ready', `median ${ms(ready.p50)}  max ${ms(ready.max)}  (${STARTUPS} starts)`);
  line('to first answer', `median ${ms(first.p50)}  max ${ms(first.max)}`);
  results.push(['start-up to ready < 1.5 s (median)', ready.p50 < TARGET.startupMs, ms(ready.p50)]);

  head(`Pipeline (in process, ${from}, ${ROUNDS}× after one warm-up round)`);
  const t0 = performance.now();
  const advisor = createAdvisor();
  const retriever = loadRetriever();
  line('advisor created in this process', ms(performance.now() - t0));
  for (const c of cases) advisor.advise({ turns: c.turns, asOf: c.asOf });
  const pipe: number[] = [];
  const pipeCpu: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const c of cases) {
      const cpu = process.cpuUsage();
      const t = performance.now();
      advisor.advise({ turns: c.turns, asOf: c.asOf });
      pipe.push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      pipeCpu.push((used.user + used.system) / 1000);
    }
  }
  const ps = summarize(pipe);
  const pc = summarize(pipeCpu);
  line('latency per question', lat(ps));
  // CPU time is what the question costs; wall time also counts waiting for a core on a busy machine.
  line(
    '  CPU time per question',
    `p50 ${ms(pc.p50)}  p95 ${ms(pc.p95)}  p99 ${ms(pc.p99)}  (process CPU, GC included)`,
  );
  results.push(['pipeline p99 < 20 ms', ps.p99 < TARGET.pipelineP99, ms(ps.p99)]);

  const queries = cases.flatMap((c) => c.turns);
  const readRounds = (rounds: number): number[] => {
    const ext: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const q of queries) {
        // Reading a turn: the door, the facts, the doubt about them and the question's form.
        const t = performance.now();
        const text = normaliseText(q);
        findDoubts(text, extractFacts(text, { asOf: AS_OF }), DOUBT_LIMITS);
        readQuestion([text]);
        ext.push(performance.now() - t);
      }
    }
    return ext;
  };
  // V8 goes on compiling the reader's functions and regular expressions for the first few thousand
  // turns (the p99 of those rounds is mostly compilation); a server that has answered for a while runs
  // the compiled code. Both are shown; the target is the steady state, after READ_WARM more rounds.
  const early = summarize(readRounds(ROUNDS));
  readRounds(READ_WARM);
  const es = summarize(readRounds(ROUNDS));
  results.push(['reading p99 < 1 ms per turn (steady)', es.p99 < 1, ms(es.p99)]);
  line(
    '  of which: reading / turn',
    `p50 ${ms(es.p50)}  p99 ${ms(es.p99)}  max ${ms(es.max)}  (n=${es.n}, after ${ROUNDS + READ_WARM} warm rounds)`,
  );
  line(
    '    the first rounds after start',
    `p50 ${ms(early.p50)}  p99 ${ms(early.p99)}  max ${ms(early.max)}`,
  );

  for (const q of queries) retriever.search(q, { k: 10 });
  const ret: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of queries) {
      const t = performance.now();
      retriever.search(q, { k: 10 });
      ret.push(performance.now() - t);
    }
  }
  const rs = summarize(ret);
  line(
    '  of which: retrieval (k=10)',
    `p50 ${ms(rs.p50)}  p99 ${ms(rs.p99)}  max ${ms(rs.max)}  (n=${rs.n})`,
  );

  head(`Memo to file (PDF, in process; the answer closest to the mean size of the ${cases.length} cases)`);
  const typical = (() => {
    const all = cases.map((c) => ({ c, a: advisor.advise({ turns: c.turns, asOf: c.asOf }) }));
    const size = (x: (typeof all)[number]) => JSON.stringify(x.a).length;
    const mean = all.reduce((n, x) => n + size(x), 0) / all.length;
    return all.reduce((best, x) => (Math.abs(size(x) - mean) < Math.abs(size(best) - mean) ? x : best));
  })();
  const memoAnswer = stampProvenance(typical.a, newAnswerId(), new Date().toISOString());
  const tm = performance.now();
  const { renderMemo } = await import('../memo/index.js');
  const firstMemo = await renderMemo({ answer: memoAnswer, turns: typical.c.turns }, 'pdf');
  const firstMs = performance.now() - tm;
  const memoTimes: number[] = [];
  for (let i = 0; i < MEMOS; i++) {
    const t = performance.now();
    await renderMemo({ answer: memoAnswer, turns: typical.c.turns }, 'pdf');
    memoTimes.push(performance.now() - t);
  }
  const mt = summarize(memoTimes);
  line(
    'first memo of the process',
    `${ms(firstMs)}  (PDF library loaded; ${(firstMemo.bytes.length / 1024).toFixed(1)} KB, ${typical.a.citations.length} units quoted, verdict ${typical.a.verdict})`,
  );
  line('memos after it', `p50 ${ms(mt.p50)}  p95 ${ms(mt.p95)}  max ${ms(mt.max)}  (n=${mt.n})`);
  results.push([
    'memo (PDF) < 300 ms, the first one too',
    Math.max(firstMs, mt.max) < TARGET.memoMs,
    `${ms(firstMs)} first, ${ms(mt.max)} max after`,
  ]);

  head(
    `Slack over HTTP (127.0.0.1, signed app_mention events, ${CONCURRENCY} in flight, ${WARMUP_EVENTS} warm-up events, then the median of ${REPEATS} loads of ${EVENTS} events; Web API stand-in)`,
  );
  line('advisor started as npm start starts it', `node ${[...START_FLAGS, 'dist/bot/main.js'].join(' ')}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'advisor-bench-'));
  const webapi = await new BenchWebApi().start();
  const questions = cases.map((c) => c.turns.at(-1)!);
  const reply = typicalReply(advisor, questions);
  writeFileSync(join(dataDir, 'reply.json'), reply.json);
  const runs: Partial<Record<AppKind, Measured>> = {};
  try {
    for (const kind of ['bare-text', 'bare', 'advisor', 'cold'] as const)
      runs[kind] = await loadApp(kind, webapi, questions, dataDir);
  } catch (e) {
    process.stdout.write(`  HTTP benchmark failed: ${(e as Error).message}\n`);
  } finally {
    await webapi.stop();
  }
  const { bare, advisor: adv, cold } = runs;
  const show = (label: string, x: Measured | undefined) => {
    if (!x) return;
    const a = summarize(x.r.ackMs);
    line(
      label,
      `${x.r.perSecond.toFixed(0)} events/s sustained (${x.r.answered}/${x.r.events} answered in ${(x.r.elapsedMs / 1000).toFixed(2)} s${x.r.refused ? `, ${x.r.refused} refused` : ''}${x.r.timedOut ? ', TIMED OUT' : ''})`,
    );
    const cpu = x.cpuPerEvent === undefined ? '' : `  app CPU ${ms(x.cpuPerEvent)}/event`;
    line('', `ack p50 ${ms(a.p50)}  p99 ${ms(a.p99)}  max ${ms(a.max)}${cpu}`);
  };
  show('bare Bolt, one-line reply', runs['bare-text']);
  show(`bare Bolt, fixed answer (${(reply.bytes / 1024).toFixed(1)} KB of blocks)`, bare);
  show(`advisor (npm start; ${new Set(questions).size} questions recur)`, adv);
  show('advisor, every question new (cache off)', cold);
  if (adv?.open) {
    const o = summarize(adv.open.ackMs);
    line(
      `advisor at ${(adv.open.events / OPEN_SECONDS).toFixed(0)} events/s offered (½ of max)`,
      `ack p50 ${ms(o.p50)}  p99 ${ms(o.p99)}  (${adv.open.answered}/${adv.open.events} answered${adv.open.timedOut ? ', TIMED OUT' : ''})`,
    );
  }
  const ratio = (a: Measured | undefined, b: Measured | undefined) =>
    a && b && !a.r.timedOut ? a.r.perSecond / b.r.perSecond : undefined;
  const pct = (r: number | undefined) => (r === undefined ? 'not measured' : `${(r * 100).toFixed(0)} %`);
  line('advisor / bare Bolt (fixed answer)', pct(ratio(adv, bare)));
  line('  every question new / same', pct(ratio(cold, bare)));
  line('advisor / bare Bolt (one-line reply)', pct(ratio(adv, runs['bare-text'])));
  line('  every question new / same', pct(ratio(cold, runs['bare-text'])));
  const main = ratio(adv, bare);
  results.push([
    'throughput ≥ 70% of bare Bolt (same reply)',
    main !== undefined && main >= TARGET.throughputRatio,
    pct(main),
  ]);
  const ack = adv ? summarize(adv.r.ackMs).p99 : undefined;
  results.push([
    'advisor ack p99 < 100 ms under that load',
    ack !== undefined && ack < TARGET.ackP99,
    ack === undefined ? 'not measured' : ms(ack),
  ]);

  head('Memory (peak RSS)');
  const own = process.resourceUsage().maxRSS * 1024;
  if (adv?.rss !== undefined) line('advisor app under load', mb(adv.rss));
  if (bare?.rss !== undefined) line('bare Bolt app under load', mb(bare.rss));
  if (cold?.rss !== undefined) line('advisor app, every question new', mb(cold.rss));
  line('this process (pipeline + retrieval)', mb(own));
  const rss = Math.max(adv?.rss ?? own, cold?.rss ?? 0);
  results.push(['RSS < 300 MB (advisor app)', rss < TARGET.rssMb * 1024 * 1024, mb(rss)]);
  rmSync(dataDir, { recursive: true, force: true });

  // the engines side by side: one replica on SQLite, one on PostgreSQL, two on PostgreSQL (BENCH_REPLICAS=0 skips)
  if (process.env.BENCH_REPLICAS !== '0') {
    head('Engines and replicas');
    await benchReplicas();
  }

  head('Targets');
  for (const [name, ok, value] of results)
    process.stdout.write(`  ${ok ? 'PASS' : 'FAIL'}  ${name.padEnd(42)} ${value}\n`);
  const prof = process.env.BENCH_CPU_PROF;
  if (prof && existsSync(prof)) {
    const files = readdirSync(prof).filter((f) => f.endsWith('.cpuprofile'));
    for (const f of files.slice(-1)) {
      head('CPU profile of the advisor app (BENCH_CPU_PROF)');
      process.stdout.write(`${summarizeProfile(join(prof, f), 20)}\n`);
    }
  }
  process.stdout.write(`\n(${((performance.now() - began) / 1000).toFixed(1)} s)\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
