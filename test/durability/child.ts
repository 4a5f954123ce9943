/**
 * The bot as `npm start` runs it (bot/main.ts, HTTP mode), in a CHILD process on 127.0.0.1, against the Web
 * API stand-in; so a test can SIGKILL it mid-work and start it again on the same DATA_DIR. Also a small
 * sink for response_url posts that remembers which URL each went to.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttpServer, get, type Server } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../knowledge/paths.js';
import { SIGNING_SECRET } from '../slack/harness.js';
import { BOT_TOKEN, type SlackStandin } from '../slack/standin.js';

export const ADVISERS = 'C0ADVISE';

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

function healthz(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = get(`${url}/healthz`, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(1000, () => req.destroy());
  });
}

/** Newest modification time of the .ts files under `dir` (recursively), in ms. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

let built: boolean | undefined;
/**
 * Whether dist/ was built after the last change to the sources: then the child runs exactly what `npm start`
 * runs (without tsx compiling every module, which alone costs ~90 MB with the pipeline thread); otherwise
 * (a source edited since `npm run build`) it runs the sources through tsx.
 */
function builtIsCurrent(): boolean {
  if (built !== undefined) return built;
  const main = join(PROJECT_ROOT, 'dist', 'bot', 'main.js');
  if (!existsSync(main)) {
    built = false;
    return built;
  }
  const at = statSync(main).mtimeMs;
  built = ['bot', 'knowledge', 'guardrails', 'retrieval'].every(
    (d) => newestSource(join(PROJECT_ROOT, d)) <= at,
  );
  return built;
}

/** Node's flags in `npm start` (package.json's start script), so the child runs with the heap it has there. */
function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    scripts?: { start?: string };
  };
  const words = (pkg.scripts?.start ?? '').split(/\s+/);
  if (words[0] !== 'node') throw new Error('package.json: the start script does not run node');
  return words.slice(1).filter((w) => w.startsWith('--'));
}

export interface ChildBot {
  url: string;
  proc: ChildProcess;
  /** stdout + stderr of the child, as lines. */
  output: string[];
  alive(): boolean;
  /** Sends a signal and waits for the process to end. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startChild(
  standin: SlackStandin,
  dataDir: string,
  extraEnv: Record<string, string> = {},
): Promise<ChildBot> {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: standin.apiUrl,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    ADVISER_CHANNEL: ADVISERS,
    LOG_LEVEL: 'info',
    ...extraEnv,
  };
  // with the Node flags of `npm start` (package.json), from the build when it is current (as CI has it)
  const heap = startFlags();
  const args = builtIsCurrent()
    ? [...heap, join(PROJECT_ROOT, 'dist', 'bot', 'main.js')]
    : [...heap, '--import', 'tsx', join(PROJECT_ROOT, 'bot', 'main.ts')];
  const proc = spawn(process.execPath, args, {
    env,
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (c: Buffer) => output.push(...c.toString('utf8').split('\n').filter(Boolean));
  proc.stdout?.on('data', collect);
  proc.stderr?.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 30_000;
  while ((await healthz(url)) !== 200) {
    if (proc.exitCode !== null) throw new Error(`the bot exited with ${proc.exitCode}: ${output.join('\n')}`);
    if (Date.now() > until) {
      proc.kill('SIGKILL');
      throw new Error(`the bot did not answer /healthz within 30 s: ${output.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    proc,
    output,
    alive: () => proc.exitCode === null && proc.signalCode === null,
    async kill(signal) {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}

/** Records which response_url each POST went to (Slack's response URLs are one per click). */
export class ResponseSink {
  readonly hits: { path: string; body: string }[] = [];
  private server: Server;
  url = '';

  constructor() {
    this.server = createHttpServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.hits.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  for(id: string): string {
    return `${this.url}/r/${id}`;
  }

  got(id: string): boolean {
    return this.hits.some((h) => h.path === `/r/${id}`);
  }
}
