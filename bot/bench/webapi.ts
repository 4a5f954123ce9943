/**
 * A minimal stand-in for Slack's Web API on 127.0.0.1, for the benchmark: answers the methods the bot
 * calls (auth.test, chat.postMessage, chat.update, chat.getPermalink, conversations.members, users.info,
 * views.publish) and notes when each thread got its first message, so throughput counts answered events.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const BENCH_BOT_TOKEN = 'xoxb-1-bench-token';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function params(body: string, contentType: string | undefined): Record<string, unknown> {
  if (body === '') return {};
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(body) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(body));
}

export class BenchWebApi {
  private server: Server;
  private counter = 0;
  /** `channel/thread_ts` → time (performance.now()) of the first message posted in that thread. */
  readonly firstPost = new Map<string, number>();
  /** Called for each thread's first message. */
  onFirstPost: ((key: string, at: number) => void) | undefined;
  calls = 0;
  url = '';

  constructor() {
    this.server = createServer((req, res) => {
      void readBody(req).then((raw) => {
        const method = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/api\//, '');
        const body = this.answer(method, params(raw, req.headers['content-type']));
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(body));
      });
    });
    this.server.keepAliveTimeout = 30_000;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(method: string, p: Record<string, unknown>): Record<string, unknown> {
    this.calls += 1;
    this.counter += 1;
    const ts = `${1_800_000_000 + this.counter}.${String(this.counter).padStart(6, '0')}`;
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          team_id: 'T0BENCH',
          user_id: 'U0BOT',
          bot_id: 'B0BOT',
          url: 'https://bench.slack.com/',
        };
      case 'chat.postMessage': {
        const key = `${String(p.channel)}/${String(p.thread_ts ?? '')}`;
        if (!this.firstPost.has(key)) {
          const at = performance.now();
          this.firstPost.set(key, at);
          this.onFirstPost?.(key, at);
        }
        return { ok: true, channel: p.channel, ts, message: { text: p.text, ts, bot_id: 'B0BOT' } };
      }
      case 'chat.update':
        return { ok: true, channel: p.channel, ts: p.ts };
      case 'chat.getPermalink':
        return {
          ok: true,
          permalink: `https://bench.slack.com/archives/${String(p.channel)}/p${String(p.message_ts).replace('.', '')}`,
        };
      case 'conversations.members':
        return { ok: true, members: ['U0ADVISER'], response_metadata: { next_cursor: '' } };
      case 'users.info':
        return { ok: true, user: { id: p.user, name: 'someone', real_name: 'Some One' } };
      case 'views.publish':
        return { ok: true, view: { id: 'V0' } };
      default:
        return { ok: true };
    }
  }
}
