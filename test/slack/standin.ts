/**
 * A local stand-in for Slack's Web API (and for response_url): a node:http server on 127.0.0.1 that records
 * every call and answers like Slack for the methods the bot uses. It can be told to fail the next N calls
 * (429 with Retry-After, or 500), and it refuses blocks that break Block Kit's limits with `invalid_blocks`.
 * File uploads go as Slack has them go (files.uploadV2): files.getUploadURLExternal hands out an upload URL
 * and a file id, the bytes are POSTed to that URL, files.completeUploadExternal shares the uploaded files.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const BOT_ID = 'B0BOT';
export const BOT_USER = 'U0BOT';
export const BOT_TOKEN = 'xoxb-1-test-token';
export const TEAM = 'T0TEAM';
export const APP_TOKEN = 'xapp-1-A0APP-1-test';

export interface Call {
  /** Web API method, or `response_url` for a POST to a response URL. */
  method: string;
  params: Record<string, unknown>;
  /** The HTTP status the stand-in answered with. */
  status: number;
  /** `ok` of the answer (false for refused or failed calls). */
  ok: boolean;
  error?: string;
  token?: string;
  /** For `response_url`: the path it was posted to (`/response/<id>`). */
  path?: string;
}

type Fault = { status: 429; retryAfter: number; method?: string } | { status: 500; method?: string };

const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata', 'files', 'prompts']);

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The file's bytes in a POST to an upload URL: the file part of a multipart/form-data body (what the Web API
 * client sends), or the raw body (which Slack takes too). Undefined for a multipart body without a file part.
 */
function uploadedBytes(body: Buffer, contentType: string | undefined): Buffer | undefined {
  const boundary = contentType?.match(/multipart\/form-data;\s*boundary="?([^";]+)"?/i)?.[1];
  if (boundary === undefined) return body;
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(at + delimiter.length + 2, next - 2); // after CRLF, before CRLF
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, Math.max(0, split)).toString('utf8');
    if (split >= 0 && /filename=/i.test(head)) return part.subarray(split + 4);
    at = next;
  }
  return undefined;
}

/** A file on its way through files.uploadV2, and once shared. */
export interface StandinFile {
  id: string;
  filename: string;
  length: number;
  /** The bytes POSTed to the upload URL (undefined until then). */
  bytes?: Buffer;
  /** Set by files.completeUploadExternal. */
  shared?: { channel: string; thread_ts?: string; title?: string; initial_comment?: string };
}

function parseParams(body: string, contentType: string | undefined): Record<string, unknown> {
  if (body === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    if (JSON_FIELDS.has(k)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // keep the raw string; the block check will refuse it
      }
    }
    out[k] = v;
  }
  return out;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const textOf = (v: unknown): string | undefined =>
  isObj(v) && typeof v.text === 'string' ? v.text : undefined;

/** Why Slack would refuse these blocks, or undefined when they are fine. */
export function blockProblem(blocks: unknown, maxBlocks: number): string | undefined {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) return 'blocks is not an array';
  if (blocks.length > maxBlocks) return `more than ${maxBlocks} blocks`;
  const buttonProblem = (b: unknown): string | undefined => {
    if (!isObj(b) || b.type !== 'button') return undefined;
    const t = textOf(b.text);
    if (t === undefined || t.length === 0 || t.length > 75) return 'button text empty or over 75';
    if (typeof b.value === 'string' && b.value.length > 2000) return 'button value over 2000';
    if (typeof b.action_id === 'string' && b.action_id.length > 255) return 'action_id over 255';
    return undefined;
  };
  const blockIds = new Set<string>();
  let tables = 0;
  for (const block of blocks) {
    if (!isObj(block)) return 'a block is not an object';
    if (typeof block.block_id === 'string') {
      if (blockIds.has(block.block_id)) return 'duplicate block_id';
      blockIds.add(block.block_id);
    }
    switch (block.type) {
      case 'header': {
        const t = textOf(block.text);
        if (t === undefined || t.length === 0 || t.length > 150) return 'header text empty or over 150';
        if (isObj(block.text) && block.text.type !== 'plain_text') return 'header text not plain_text';
        break;
      }
      case 'section': {
        const t = textOf(block.text);
        if (t !== undefined && (t.length === 0 || t.length > 3000)) return 'section text empty or over 3000';
        if (t === undefined && !Array.isArray(block.fields)) return 'section without text or fields';
        if (Array.isArray(block.fields) && block.fields.length > 10) return 'more than 10 fields';
        const p = buttonProblem(block.accessory);
        if (p) return p;
        break;
      }
      case 'context': {
        if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 10)
          return 'context with 0 or more than 10 elements';
        for (const e of block.elements) {
          const t = textOf(e);
          if (t !== undefined && (t.length === 0 || t.length > 3000)) return 'context text empty or too long';
        }
        break;
      }
      case 'actions': {
        if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 25)
          return 'actions with 0 or more than 25 elements';
        for (const e of block.elements) {
          const p = buttonProblem(e);
          if (p) return p;
        }
        break;
      }
      case 'input': {
        const label = textOf(block.label);
        if (label === undefined || label.length > 2000) return 'input label missing or over 2000';
        break;
      }
      case 'divider':
        break;
      case 'context_actions': {
        if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 5)
          return 'context_actions with 0 or more than 5 elements';
        for (const e of block.elements) {
          if (!isObj(e) || (e.type !== 'feedback_buttons' && e.type !== 'icon_button'))
            return 'context_actions element not feedback_buttons or icon_button';
          if (typeof e.action_id !== 'string' || e.action_id.length === 0) return 'element without action_id';
          if (e.type === 'feedback_buttons') {
            for (const side of [e.positive_button, e.negative_button]) {
              const t = isObj(side) ? textOf(side.text) : undefined;
              if (t === undefined || t.length === 0 || t.length > 75)
                return 'feedback button text empty or over 75';
              if (
                !isObj(side) ||
                typeof side.value !== 'string' ||
                side.value.length === 0 ||
                side.value.length > 2000
              )
                return 'feedback button value empty or over 2000';
            }
          }
        }
        break;
      }
      case 'table': {
        if (tables++ > 0) return 'more than one table';
        if (!Array.isArray(block.rows) || block.rows.length === 0 || block.rows.length > 100)
          return 'table with 0 or more than 100 rows';
        for (const row of block.rows) {
          if (!Array.isArray(row) || row.length === 0 || row.length > 20)
            return 'table row with 0 or more than 20 cells';
          for (const cell of row) {
            if (!isObj(cell) || (cell.type !== 'raw_text' && cell.type !== 'rich_text'))
              return 'table cell not raw_text or rich_text';
            if (cell.type === 'raw_text' && (typeof cell.text !== 'string' || cell.text.length === 0))
              return 'table raw_text cell empty';
          }
        }
        break;
      }
      case 'image': {
        if (typeof block.alt_text !== 'string' || block.alt_text.length === 0 || block.alt_text.length > 2000)
          return 'image without alt_text';
        const file = block.slack_file;
        if (
          typeof block.image_url !== 'string' &&
          !(isObj(file) && (typeof file.id === 'string' || typeof file.url === 'string'))
        )
          return 'image without image_url or slack_file';
        break;
      }
      default:
        return `unsupported block type ${String(block.type)}`;
    }
  }
  return undefined;
}

function viewProblem(view: unknown): string | undefined {
  if (!isObj(view)) return 'view missing';
  if (view.type === 'modal') {
    for (const k of ['title', 'submit', 'close']) {
      const t = textOf(view[k]);
      if (k === 'title' && t === undefined) return 'modal title missing';
      if (t !== undefined && t.length > 24) return `modal ${k} over 24`;
    }
    if (typeof view.private_metadata === 'string' && view.private_metadata.length > 3000)
      return 'private_metadata too long';
  }
  return blockProblem(view.blocks, 100);
}

export class SlackStandin {
  readonly calls: Call[] = [];
  /** Messages posted (and updated) with chat.postMessage / chat.update, for conversations.replies / history. */
  readonly messages: { channel: string; ts: string; thread_ts?: string; text: unknown; blocks: unknown }[] =
    [];
  private server: Server;
  private faults: Fault[] = [];
  private tsCounter = 0;
  /** Files by id, from files.getUploadURLExternal on. */
  readonly files = new Map<string, StandinFile>();
  private fileCounter = 0;
  /**
   * Workspaces installed through the OAuth flow: their bot tokens (from `oauth.v2.access` with a code
   * `code-<TEAM>`), each with its team, bot user and bot id. BOT_TOKEN stays the single workspace's.
   */
  readonly installs = new Map<string, { team: string; botUser: string; botId: string }>();
  /** Members of each channel, for conversations.members. */
  members: Record<string, string[]> = {};
  /** Slack's language setting of each user, for users.info with include_locale. */
  locales: Record<string, string> = {};
  /** Block types this workspace's Slack refuses with invalid_blocks (e.g. `table` before it had them). */
  readonly refusedBlockTypes = new Set<string>();
  /** Channels the bot is not a member of: chat.postMessage there fails with not_in_channel. */
  readonly notMemberOf = new Set<string>();
  /** Threads of the assistant pane (`D…/ts`): the only ones assistant.threads.* accept. */
  readonly assistantThreads = new Set<string>();
  url = '';
  /** Socket Mode: messages the app sent over the WebSocket (acks), parsed. */
  readonly socketReceived: Record<string, unknown>[] = [];
  private sockets = new Set<Socket>();

  constructor() {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, headers }) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(body));
      });
    });
    this.server.on('upgrade', (req, socket: Socket) => this.upgrade(req, socket));
  }

  // ---- Socket Mode: a minimal WebSocket server (RFC 6455 text frames, ping/pong, close) ----------------

  private upgrade(req: IncomingMessage, socket: Socket): void {
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string') {
      socket.destroy();
      return;
    }
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => this.sockets.delete(socket));
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const frame = readFrame(buffer);
        if (frame === undefined) break;
        buffer = buffer.subarray(frame.size);
        if (frame.opcode === 0x1) {
          try {
            this.socketReceived.push(JSON.parse(frame.payload.toString('utf8')) as Record<string, unknown>);
          } catch {
            this.socketReceived.push({ raw: frame.payload.toString('utf8') });
          }
        } else if (frame.opcode === 0x9) socket.write(writeFrame(0xa, frame.payload));
        else if (frame.opcode === 0x8) {
          socket.end(writeFrame(0x8, frame.payload.subarray(0, 2)));
        }
      }
    });
    this.socketSend({
      type: 'hello',
      num_connections: 1,
      connection_info: { app_id: 'A0APP' },
      debug_info: {},
    });
  }

  /** Sends a JSON message to every connected Socket Mode client. */
  socketSend(message: Record<string, unknown>): void {
    const frame = writeFrame(0x1, Buffer.from(JSON.stringify(message), 'utf8'));
    for (const s of this.sockets) s.write(frame);
  }

  get socketConnections(): number {
    return this.sockets.size;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Base URL for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response_url pointing at the stand-in. */
  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  /** The next `n` calls (of `method`, when given) fail with the given status. */
  failNext(n: number, fault: Fault): void {
    for (let i = 0; i < n; i++) this.faults.push(fault);
  }

  clearFaults(): void {
    this.faults = [];
    this.outages = [];
  }

  private outages: { until: number; methods: Set<string> | undefined }[] = [];

  /**
   * An outage: for `ms` from now every call of `methods` (default: every Web API method but auth.test) is
   * answered with HTTP 503 `service_unavailable`, as Slack answers when it is down.
   */
  outage(ms: number, methods?: string[]): void {
    this.outages.push({
      until: Date.now() + ms,
      methods: methods === undefined ? undefined : new Set(methods),
    });
  }

  private inOutage(method: string): boolean {
    const now = Date.now();
    return this.outages.some(
      (o) => o.until > now && (o.methods === undefined ? method !== 'auth.test' : o.methods.has(method)),
    );
  }

  /** Successful calls of a method (`response_url` for response URL posts). */
  ok(method: string): Call[] {
    return this.calls.filter((c) => c.method === method && c.ok);
  }

  /** Waits until `pred` holds for the recorded calls; fails with what was recorded after `timeoutMs`. */
  async waitFor(pred: (calls: Call[]) => boolean, what = 'condition', timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!pred(this.calls)) {
      if (Date.now() > until) {
        throw new Error(
          `stand-in: timed out waiting for ${what}; calls: ${this.calls.map((c) => c.method).join(', ')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `${1_800_000_000 + this.tsCounter}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const bytes = await readBody(req);
    const raw = bytes.toString('utf8');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/upload/'))
      return this.upload(path.slice('/upload/'.length), uploadedBytes(bytes, req.headers['content-type']));
    let params: Record<string, unknown>;
    try {
      params = parseParams(raw, req.headers['content-type']);
    } catch {
      params = { raw };
    }
    const record = (method: string, status: number, ok: boolean, error?: string, token?: string) => {
      this.calls.push({
        method,
        params,
        status,
        ok,
        ...(error ? { error } : {}),
        ...(token ? { token } : {}),
        ...(method === 'response_url' ? { path } : {}),
      });
    };

    if (path.startsWith('/response/')) {
      const problem = blockProblem(params.blocks, 50);
      if (problem) {
        record('response_url', 400, false, `invalid_blocks: ${problem}`);
        return { status: 400, body: { ok: false, error: 'invalid_blocks' } };
      }
      record('response_url', 200, true);
      return { status: 200, body: { ok: true } };
    }
    if (!path.startsWith('/api/')) {
      record(path, 404, false, 'not_found');
      return { status: 404, body: { ok: false, error: 'not_found' } };
    }
    const method = path.slice('/api/'.length);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ')
      ? auth.slice(7)
      : typeof params.token === 'string'
        ? params.token
        : undefined;

    if (this.inOutage(method)) {
      record(method, 503, false, 'service_unavailable', token);
      return { status: 503, body: { ok: false, error: 'service_unavailable' } };
    }
    const faultAt = this.faults.findIndex((f) => f.method === undefined || f.method === method);
    if (faultAt >= 0) {
      const fault = this.faults.splice(faultAt, 1)[0]!;
      if (fault.status === 429) {
        record(method, 429, false, 'ratelimited', token);
        return {
          status: 429,
          body: { ok: false, error: 'ratelimited' },
          headers: { 'retry-after': String(fault.retryAfter) },
        };
      }
      record(method, 500, false, 'internal_error', token);
      return { status: 500, body: { ok: false, error: 'internal_error' } };
    }
    if (method === 'apps.connections.open') {
      const ok = token === APP_TOKEN;
      record(method, 200, ok, ok ? undefined : 'invalid_auth', token);
      return {
        status: 200,
        body: ok
          ? { ok: true, url: `${this.url.replace('http', 'ws')}/link/?ticket=t1` }
          : { ok: false, error: 'invalid_auth' },
      };
    }
    if (method === 'oauth.v2.access') {
      const code = typeof params.code === 'string' ? params.code : '';
      const team = /^code-([TE][A-Z0-9]+)$/.exec(code)?.[1];
      if (team === undefined || params.client_id === undefined || params.client_secret === undefined) {
        record(method, 200, false, 'invalid_code');
        return { status: 200, body: { ok: false, error: 'invalid_code' } };
      }
      const botToken = `xoxb-${team.toLowerCase()}-${this.installs.size + 1}`;
      const w = { team, botUser: `U0BOT${team}`, botId: `B0BOT${team}` };
      this.installs.set(botToken, w);
      record(method, 200, true);
      return {
        status: 200,
        body: {
          ok: true,
          app_id: 'A0APP',
          authed_user: { id: `U0ADMIN${team}` },
          scope: 'app_mentions:read,chat:write,commands',
          token_type: 'bot',
          access_token: botToken,
          bot_user_id: w.botUser,
          team: { id: team, name: `Team ${team}` },
          enterprise: null,
          is_enterprise_install: false,
        },
      };
    }
    const installed = token === undefined ? undefined : this.installs.get(token);
    if (token !== BOT_TOKEN && installed === undefined) {
      record(method, 200, false, 'invalid_auth', token);
      return { status: 200, body: { ok: false, error: 'invalid_auth' } };
    }
    const result =
      method === 'auth.test' && installed !== undefined
        ? {
            ok: true,
            url: `https://${installed.team.toLowerCase()}.slack.com/`,
            team: `Team ${installed.team}`,
            user: 'advisor',
            team_id: installed.team,
            user_id: installed.botUser,
            bot_id: installed.botId,
          }
        : this.answer(method, params);
    const ok = isObj(result) && result.ok === true;
    record(method, 200, ok, ok ? undefined : String((result as Obj).error), token);
    return { status: 200, body: result };
  }

  /** The upload URL: takes the file's bytes (any content type), answers 200 "OK - <length>" as Slack does. */
  private upload(fileId: string, bytes: Buffer | undefined): { status: number; body: unknown } {
    const file = this.files.get(fileId);
    const call = (status: number, ok: boolean, error?: string) =>
      this.calls.push({
        method: 'upload',
        params: { file_id: fileId, length: bytes?.length ?? 0 },
        status,
        ok,
        ...(error ? { error } : {}),
      });
    if (file === undefined || file.bytes !== undefined) {
      call(404, false, 'unknown_upload');
      return { status: 404, body: { ok: false, error: 'unknown_upload' } };
    }
    if (bytes === undefined) {
      call(400, false, 'no_file_data');
      return { status: 400, body: { ok: false, error: 'no_file_data' } };
    }
    file.bytes = bytes;
    call(200, true);
    return { status: 200, body: `OK - ${bytes.length}` };
  }

  private answer(method: string, p: Obj): Obj {
    const need = (...keys: string[]) => keys.find((k) => p[k] === undefined || p[k] === '');
    switch (method) {
      case 'files.getUploadURLExternal': {
        if (need('filename', 'length')) return { ok: false, error: 'invalid_arguments' };
        const length = Number(p.length);
        if (!Number.isInteger(length) || length <= 0) return { ok: false, error: 'invalid_arguments' };
        this.fileCounter += 1;
        const id = `F0FILE${String(this.fileCounter).padStart(4, '0')}`;
        this.files.set(id, { id, filename: String(p.filename), length });
        return { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        if (!Array.isArray(p.files) || p.files.length === 0) return { ok: false, error: 'invalid_arguments' };
        if (typeof p.thread_ts === 'string' && typeof p.channel_id !== 'string')
          return { ok: false, error: 'invalid_arguments' };
        const done: Obj[] = [];
        for (const f of p.files as Obj[]) {
          const file = typeof f.id === 'string' ? this.files.get(f.id) : undefined;
          // a file never uploaded, or not with the length announced, is not there to complete
          if (file?.bytes === undefined || file.bytes.length !== file.length)
            return { ok: false, error: 'file_not_found' };
          if (typeof p.channel_id === 'string') {
            file.shared = {
              channel: p.channel_id,
              ...(typeof p.thread_ts === 'string' ? { thread_ts: p.thread_ts } : {}),
              ...(typeof f.title === 'string' ? { title: f.title } : {}),
              ...(typeof p.initial_comment === 'string' ? { initial_comment: p.initial_comment } : {}),
            };
          }
          done.push({ id: file.id, title: f.title ?? file.filename, name: file.filename, size: file.length });
        }
        return { ok: true, files: done };
      }
      case 'conversations.open': {
        if (need('users')) return { ok: false, error: 'users_list_not_supplied' };
        const user = String(p.users).split(',')[0]!;
        return { ok: true, channel: { id: `D${user.slice(1)}` } };
      }
      case 'auth.test':
        return {
          ok: true,
          url: 'https://example.slack.com/',
          team: 'Test',
          user: 'advisor',
          team_id: TEAM,
          user_id: BOT_USER,
          bot_id: BOT_ID,
        };
      case 'chat.postMessage':
      case 'chat.postEphemeral':
      case 'chat.update': {
        const missing = method === 'chat.update' ? need('channel', 'ts') : need('channel');
        if (missing)
          return { ok: false, error: missing === 'channel' ? 'channel_not_found' : 'message_not_found' };
        if (method === 'chat.postEphemeral' && need('user'))
          return { ok: false, error: 'user_not_in_channel' };
        if (need('text') && p.blocks === undefined) return { ok: false, error: 'no_text' };
        const problem = blockProblem(p.blocks, 50);
        if (problem)
          return { ok: false, error: 'invalid_blocks', response_metadata: { messages: [problem] } };
        if (typeof p.text === 'string' && p.text.length > 40_000) return { ok: false, error: 'msg_too_long' };
        const channel = String(p.channel);
        if (method === 'chat.postMessage' && this.notMemberOf.has(channel))
          return { ok: false, error: 'not_in_channel' };
        // posting to a user ID lands in the app's DM with that user
        const resolved = /^U/.test(channel) ? `D${channel.slice(1)}` : channel;
        if (method === 'chat.postEphemeral') return { ok: true, message_ts: this.nextTs() };
        const ts = method === 'chat.update' ? String(p.ts) : this.nextTs();
        if (method === 'chat.postMessage') {
          const thread = typeof p.thread_ts === 'string' ? { thread_ts: p.thread_ts } : {};
          this.messages.push({ channel: resolved, ts, ...thread, text: p.text, blocks: p.blocks });
        } else {
          const m = this.messages.find((x) => x.channel === resolved && x.ts === ts);
          if (m) Object.assign(m, { text: p.text, blocks: p.blocks });
        }
        return { ok: true, channel: resolved, ts, message: { text: p.text, ts, bot_id: BOT_ID } };
      }
      case 'chat.getPermalink': {
        const missing = need('channel', 'message_ts');
        if (missing) return { ok: false, error: 'invalid_arguments' };
        return {
          ok: true,
          channel: p.channel,
          permalink: `https://example.slack.com/archives/${String(p.channel)}/p${String(p.message_ts).replace('.', '')}`,
        };
      }
      case 'views.open':
      case 'views.publish': {
        if (method === 'views.open' && need('trigger_id')) return { ok: false, error: 'invalid_trigger_id' };
        if (method === 'views.publish' && need('user_id')) return { ok: false, error: 'invalid_arguments' };
        const refused =
          isObj(p.view) && Array.isArray(p.view.blocks)
            ? (p.view.blocks as Obj[]).find((b) => this.refusedBlockTypes.has(String(b.type)))
            : undefined;
        if (refused)
          return {
            ok: false,
            error: 'invalid_blocks',
            response_metadata: { messages: [`unsupported block type ${String(refused.type)}`] },
          };
        const problem = viewProblem(p.view);
        if (problem)
          return { ok: false, error: 'invalid_blocks', response_metadata: { messages: [problem] } };
        return { ok: true, view: { id: `V${this.nextTs().replace('.', '')}`, ...(p.view as Obj) } };
      }
      case 'conversations.replies':
      case 'conversations.history': {
        if (need('channel')) return { ok: false, error: 'channel_not_found' };
        if (method === 'conversations.replies' && need('ts')) return { ok: false, error: 'thread_not_found' };
        const channel = String(p.channel);
        const found = this.messages
          .filter(
            (m) =>
              m.channel === channel &&
              (method === 'conversations.replies'
                ? m.ts === p.ts || m.thread_ts === p.ts
                : m.thread_ts === undefined),
          )
          .map((m) => ({ type: 'message', bot_id: BOT_ID, ...m }));
        return { ok: true, messages: found, has_more: false, response_metadata: { next_cursor: '' } };
      }
      case 'conversations.members': {
        if (need('channel')) return { ok: false, error: 'channel_not_found' };
        const members = this.members[String(p.channel)];
        if (members === undefined) return { ok: false, error: 'channel_not_found' };
        return { ok: true, members, response_metadata: { next_cursor: '' } };
      }
      case 'users.info': {
        if (need('user')) return { ok: false, error: 'user_not_found' };
        const locale = this.locales[String(p.user)];
        return {
          ok: true,
          user: {
            id: p.user,
            name: String(p.user).toLowerCase(),
            real_name: `Person ${String(p.user)}`,
            ...(locale !== undefined && String(p.include_locale) === 'true' ? { locale } : {}),
          },
        };
      }
      case 'assistant.threads.setSuggestedPrompts':
      case 'assistant.threads.setTitle':
      case 'assistant.threads.setStatus': {
        if (need('channel_id', 'thread_ts')) return { ok: false, error: 'invalid_arguments' };
        // only a thread of the assistant pane (one Slack announced with assistant_thread_started) takes these
        if (!this.assistantThreads.has(`${String(p.channel_id)}/${String(p.thread_ts)}`))
          return { ok: false, error: 'invalid_thread' };
        if (method === 'assistant.threads.setSuggestedPrompts') {
          if (!Array.isArray(p.prompts) || p.prompts.length === 0 || p.prompts.length > 4)
            return { ok: false, error: 'invalid_arguments' };
        }
        if (method === 'assistant.threads.setTitle' && need('title'))
          return { ok: false, error: 'invalid_arguments' };
        if (method === 'assistant.threads.setStatus' && typeof p.status !== 'string')
          return { ok: false, error: 'invalid_arguments' };
        return { ok: true };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function readFrame(buf: Buffer): { opcode: number; payload: Buffer; size: number } | undefined {
  if (buf.length < 2) return undefined;
  const opcode = buf[0]! & 0x0f;
  const masked = (buf[1]! & 0x80) !== 0;
  let len = buf[1]! & 0x7f;
  let offset = 2;
  if (len === 126) {
    if (buf.length < 4) return undefined;
    len = buf.readUInt16BE(2);
    offset = 4;
  } else if (len === 127) {
    if (buf.length < 10) return undefined;
    len = Number(buf.readBigUInt64BE(2));
    offset = 10;
  }
  const maskLen = masked ? 4 : 0;
  if (buf.length < offset + maskLen + len) return undefined;
  const mask = masked ? buf.subarray(offset, offset + 4) : undefined;
  const payload = Buffer.from(buf.subarray(offset + maskLen, offset + maskLen + len));
  if (mask) for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ mask[i % 4]!;
  return { opcode, payload, size: offset + maskLen + len };
}

function writeFrame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head =
    len < 126
      ? Buffer.from([0x80 | opcode, len])
      : len < 65536
        ? Buffer.from([0x80 | opcode, 126, len >> 8, len & 0xff])
        : (() => {
            const h = Buffer.alloc(10);
            h[0] = 0x80 | opcode;
            h[1] = 127;
            h.writeBigUInt64BE(BigInt(len), 2);
            return h;
          })();
  return Buffer.concat([head, payload]);
}
