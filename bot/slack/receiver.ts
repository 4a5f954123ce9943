/**
 * The HTTP door (`POST /slack/events`, `GET /healthz`, `GET /readyz`): a Bolt receiver that refuses what is
 * not Slack's before it costs anything.
 *
 * In this order, each step only when the previous passed:
 * 1. headers only: no `x-slack-signature`, or a timestamp more than 5 minutes in the past OR the future → 401;
 *    a `content-length` over the body limit → 413. The body is not read (the connection is closed).
 * 2. the body is read up to the limit (over it → 413) and its HMAC-SHA256 is checked on the raw bytes,
 *    compared in constant time → 401 when wrong.
 * 3. only then is it parsed: JSON that is not an object, a form that is neither `payload=`, a slash command
 *    nor an `ssl_check`, or an envelope Bolt's routing would trip over → 400 naming the reason (and field).
 * Then `url_verification` and `ssl_check` are answered here and everything else goes to Bolt's
 * `processEvent`, whose ack writes the response. A `processEvent` that throws `NotRecorded` (the store could
 * not record an event) gets 503, so Slack delivers it again later.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { crashCode } from './guard.js';
import type { Logger } from './logger.js';
import { envelopeProblem } from './payloads.js';

/** Slack's own requests are far below this; a view submission with many inputs is some tens of KB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** Seconds a request's timestamp may be from now, either way. */
export const TIMESTAMP_WINDOW_S = 300;

/** Thrown by `processEvent` when an event could not be recorded: it is not acked (503), so Slack retries. */
export class NotRecorded extends Error {
  readonly code = 'not_recorded';
}

export type Refusal =
  | { status: 401; error: 'no_signature' | 'bad_timestamp' | 'stale_timestamp' | 'invalid_signature' }
  | { status: 413; error: 'body_too_large' }
  | {
      status: 400;
      error:
        | 'invalid_json'
        | 'not_an_object'
        | 'not_a_slack_payload'
        | 'unsupported_type'
        | 'invalid_envelope';
      field?: string;
    };

/** Step 1: what the headers alone decide. */
export function checkHeaders(
  headers: IncomingMessage['headers'],
  nowS: number,
  bodyLimit: number,
): Refusal | { ok: true; timestamp: string; signature: string } {
  const signature = headers['x-slack-signature'];
  const ts = headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || !signature.startsWith('v0='))
    return { status: 401, error: 'no_signature' };
  if (typeof ts !== 'string' || !/^\d{1,12}$/.test(ts)) return { status: 401, error: 'bad_timestamp' };
  if (Math.abs(nowS - Number(ts)) > TIMESTAMP_WINDOW_S) return { status: 401, error: 'stale_timestamp' };
  const length = Number(headers['content-length']);
  if (Number.isFinite(length) && length > bodyLimit) return { status: 413, error: 'body_too_large' };
  return { ok: true, timestamp: ts, signature };
}

/** Step 2: the signature, on the raw bytes, in constant time. */
export function signatureValid(secret: string, timestamp: string, raw: Buffer, signature: string): boolean {
  const mac = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(raw).digest();
  const given = Buffer.from(signature.slice(3), 'hex');
  return given.length === mac.length && timingSafeEqual(given, mac);
}

export type Parsed =
  | { kind: 'body'; body: Record<string, unknown> }
  | { kind: 'ssl_check' }
  | { kind: 'url_verification'; challenge: unknown };

/** Step 3: the body as Bolt takes it, or why it is not a Slack request. */
export function parseSlackBody(raw: string, contentType: string | undefined): Parsed | Refusal {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  let value: unknown;
  if (type === 'application/json') {
    try {
      value = JSON.parse(raw);
    } catch {
      return { status: 400, error: 'invalid_json' };
    }
  } else if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(raw);
    const payload = form.get('payload');
    if (payload !== null) {
      try {
        value = JSON.parse(payload);
      } catch {
        return { status: 400, error: 'invalid_json' };
      }
    } else if (form.get('ssl_check') === '1') {
      return { kind: 'ssl_check' };
    } else if (form.get('command') !== null) {
      value = Object.fromEntries(form);
    } else {
      return { status: 400, error: 'not_a_slack_payload' };
    }
  } else {
    return { status: 400, error: 'unsupported_type' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { status: 400, error: 'not_an_object' };
  }
  const body = value as Record<string, unknown>;
  if (body.type === 'url_verification') return { kind: 'url_verification', challenge: body.challenge };
  if (body.ssl_check === '1') return { kind: 'ssl_check' };
  const field = envelopeProblem(body);
  if (field !== undefined) return { status: 400, error: 'invalid_envelope', field };
  return { kind: 'body', body };
}

export interface Health {
  /** The bot can do its work: the store writes. */
  ok: boolean;
  /** Started and healthy: send traffic. */
  ready: boolean;
  [k: string]: unknown;
}

export interface SlackReceiverOptions {
  signingSecret: string;
  log: Logger;
  health: () => Health | Promise<Health>;
  /** Other GET routes (the OAuth flow's): true when handled. */
  routes?: (req: IncomingMessage, res: ServerResponse, path: string) => boolean;
  /** `GET /metrics`: the Prometheus exposition (bot/metrics.ts); 404 without. */
  metrics?: () => Promise<{ contentType: string; body: string }>;
  path?: string;
  bodyLimit?: number;
  /** Seconds since the epoch (tests move the clock). */
  nowS?: () => number;
  /** A request not acked within this is answered 404 (as Bolt does). */
  unackedMs?: number;
}

/** Writes the metrics exposition (500 with a short JSON body if it cannot be made). */
export function serveMetrics(
  res: ServerResponse,
  metrics: () => Promise<{ contentType: string; body: string }>,
): void {
  metrics().then(
    (m) => {
      res.writeHead(200, { 'content-type': m.contentType });
      res.end(m.body);
    },
    () => json(res, 500, { ok: false, error: 'metrics_unavailable' }),
  );
}

export function json(res: ServerResponse, status: number, body: unknown, close = false): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json', ...(close ? { connection: 'close' } : {}) });
  res.end(JSON.stringify(body));
}

/** Reads a body up to `limit` bytes; undefined when it is larger (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
  });
}

export class SlackReceiver implements Receiver {
  private app: App | undefined;
  private server: Server | undefined;
  private readonly path: string;
  private readonly bodyLimit: number;
  private readonly nowS: () => number;
  private readonly unackedMs: number;

  constructor(private readonly o: SlackReceiverOptions) {
    this.path = o.path ?? '/slack/events';
    this.bodyLimit = o.bodyLimit ?? DEFAULT_BODY_LIMIT;
    this.nowS = o.nowS ?? (() => Math.floor(Date.now() / 1000));
    this.unackedMs = o.unackedMs ?? 3001;
  }

  init(app: App): void {
    this.app = app;
  }

  async start(opts: { port?: number; host?: string } = {}): Promise<Server> {
    const server = createServer((req, res) => this.handle(req, res));
    // a slow sender cannot hold a connection for ever
    server.requestTimeout = 10_000;
    server.headersTimeout = 5_000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 3000, opts.host ?? '0.0.0.0', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Refusals logged at most one line per reason per 10 s (a flood must not become a flood of log lines). */
  private readonly refusals = new Map<string, { since: number; n: number }>();

  private logRefusal(r: Refusal): void {
    const key = r.error;
    const now = Date.now();
    const seen = this.refusals.get(key);
    if (seen !== undefined && now - seen.since < 10_000) {
      seen.n++;
      return;
    }
    const more = seen === undefined ? 0 : seen.n;
    this.refusals.set(key, { since: now, n: 0 });
    this.o.log.warn(
      {
        error: r.error,
        ...('field' in r ? { field: r.field } : {}),
        ...(more > 0 ? { also_refused: more } : {}),
      },
      'request refused',
    );
  }

  /** A refusal; when the body was not read, the connection is closed instead of reading it. */
  private refuse(req: IncomingMessage, res: ServerResponse, r: Refusal, unread: boolean): void {
    this.logRefusal(r);
    const body =
      r.status === 400
        ? { ok: false, error: r.error, ...('field' in r ? { field: r.field } : {}) }
        : { ok: false, error: r.error };
    json(res, r.status, body, unread);
    // what the sender keeps sending is not read: the refusal goes out and the connection is closed at once
    if (unread) req.socket.destroy();
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0];
    const method = req.method?.toUpperCase();
    if (method === 'GET' && (path === '/healthz' || path === '/readyz')) {
      Promise.resolve(this.o.health()).then(
        (h) => {
          const good = path === '/healthz' ? h.ok : h.ready;
          json(res, good ? 200 : 503, { ...h, mode: 'http', uptime_s: Math.round(process.uptime()) });
        },
        () => json(res, 503, { ok: false, ready: false, error: 'health_unavailable' }),
      );
      return;
    }
    if (method === 'GET' && this.o.routes?.(req, res, path ?? '/')) return;
    if (method === 'GET' && path === '/metrics' && this.o.metrics !== undefined) {
      serveMetrics(res, this.o.metrics);
      return;
    }
    if (method !== 'POST' || path !== this.path) {
      json(res, 404, { ok: false, error: 'not_found' }, true);
      req.socket.destroy();
      return;
    }
    const head = checkHeaders(req.headers, this.nowS(), this.bodyLimit);
    if (!('ok' in head)) {
      this.refuse(req, res, head, true);
      return;
    }
    readBody(req, this.bodyLimit).then(
      (raw) => {
        if (raw === undefined) {
          this.refuse(req, res, { status: 413, error: 'body_too_large' }, true);
          return;
        }
        if (!signatureValid(this.o.signingSecret, head.timestamp, raw, head.signature)) {
          this.refuse(req, res, { status: 401, error: 'invalid_signature' }, false);
          return;
        }
        const parsed = parseSlackBody(raw.toString('utf8'), req.headers['content-type']);
        if ('status' in parsed) {
          this.refuse(req, res, parsed, false);
          return;
        }
        if (parsed.kind === 'ssl_check') {
          res.writeHead(200);
          res.end();
          return;
        }
        if (parsed.kind === 'url_verification') {
          json(res, 200, { challenge: parsed.challenge });
          return;
        }
        this.dispatch(req, res, parsed.body);
      },
      () => {
        this.refuse(req, res, { status: 400, error: 'invalid_json' }, true);
      },
    );
  }

  private dispatch(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>): void {
    let acked = false;
    const respond = (response?: unknown) => {
      if (res.headersSent) return;
      if (response === undefined || response === null || response === '') {
        res.writeHead(200);
        res.end();
      } else if (typeof response === 'string') {
        res.writeHead(200);
        res.end(response);
      } else json(res, 200, response);
    };
    const timer = setTimeout(() => {
      if (acked) return;
      acked = true;
      this.o.log.error({ error: 'not_acknowledged' }, 'a request was not acknowledged within 3 seconds');
      json(res, 404, { ok: false, error: 'not_acknowledged' });
    }, this.unackedMs);
    const retry = Number(req.headers['x-slack-retry-num']);
    const reason = req.headers['x-slack-retry-reason'];
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => {
        if (acked) return;
        acked = true;
        clearTimeout(timer);
        respond(response);
      },
      ...(Number.isInteger(retry) ? { retryNum: retry } : {}),
      ...(typeof reason === 'string' ? { retryReason: reason } : {}),
      customProperties: {},
    };
    const app = this.app;
    if (app === undefined) {
      clearTimeout(timer);
      json(res, 503, { ok: false, error: 'not_started' });
      return;
    }
    app.processEvent(event).then(
      () => {
        if (acked) return;
        // Bolt found no listener for it (or could not tell what it is)
        acked = true;
        clearTimeout(timer);
        json(res, 404, { ok: false, error: 'unhandled' });
      },
      (e: unknown) => {
        if (acked) {
          this.o.log.error({ error: crashCode(e) }, 'error after the ack');
          return;
        }
        acked = true;
        clearTimeout(timer);
        if (e instanceof NotRecorded) {
          json(res, 503, { ok: false, error: 'not_recorded' });
          return;
        }
        this.o.log.error({ error: crashCode(e) }, 'request failed');
        json(res, 500, { ok: false, error: 'internal_error' });
      },
    );
  }
}
