/** The crash policy (bot/slack/guard.ts) and the checks at the door (bot/slack/receiver.ts). */
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { installCrashPolicy } from '../../bot/slack/guard.js';
import { createLogger } from '../../bot/slack/logger.js';
import { checkHeaders, parseSlackBody } from '../../bot/slack/receiver.js';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _e, cb) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  return { log: createLogger('info', sink), lines };
}

const parse = (raw: string, type = 'application/json') => parseSlackBody(raw, type);

describe('parseSlackBody (after the signature was checked)', () => {
  it('takes objects, slash commands and `payload=` forms; refuses JSON that is not an object', () => {
    expect(parse('{"type":"event_callback"}')).toEqual({ kind: 'body', body: { type: 'event_callback' } });
    expect(parse('not json')).toEqual({ status: 400, error: 'invalid_json' });
    expect(parse('command=%2Fleverandor&text=hi', 'application/x-www-form-urlencoded')).toMatchObject({
      kind: 'body',
      body: { command: '/leverandor', text: 'hi' },
    });
    for (const v of ['null', '1', '"x"', '[]', '[{}]', 'false']) {
      expect(parse(v), v).toEqual({ status: 400, error: 'not_an_object' });
      expect(parse(`payload=${encodeURIComponent(v)}`, 'application/x-www-form-urlencoded'), v).toEqual({
        status: 400,
        error: 'not_an_object',
      });
    }
  });

  it('a form that is not a Slack payload, or another content type, is a 400', () => {
    expect(parse('event=abc', 'application/x-www-form-urlencoded')).toEqual({
      status: 400,
      error: 'not_a_slack_payload',
    });
    expect(parse('{}', 'text/plain')).toEqual({ status: 400, error: 'unsupported_type' });
  });
});

describe('parseSlackBody: envelopes Bolt would trip over while routing', () => {
  it('refuses null or wrongly typed event, actions, view, channel and user, naming the field', () => {
    const bad: [unknown, string][] = [
      [{ type: 'event_callback', event: null }, 'event'],
      [{ type: 'event_callback', event: { type: 'app_mention', channel: null } }, 'event.channel'],
      [{ type: 'event_callback', event: { type: 'app_mention', user: null } }, 'event.user'],
      [{ type: 'event_callback', event: { type: 'reaction_added', item: 'x' } }, 'event.item'],
      [{ actions: ['x'], user: { id: 'U1' } }, 'actions.0'],
      [{ type: 'block_actions', actions: [], user: { id: 'U1' } }, 'actions'],
      [{ type: 'view_submission', view: null, user: { id: 'U1' } }, 'view'],
      [{ type: 'block_actions', actions: [{}], user: { id: 'U1' }, channel: null }, 'channel'],
      [{ type: 'block_actions', actions: [{}], user: null }, 'user'],
      [{ type: 'block_actions', actions: [{}] }, 'user'],
      [{ type: 'view_submission', user: { id: 'U1' } }, 'view'],
      [{ type: 'view_submission', view: {}, user: 'U1' }, 'user'],
    ];
    for (const [body, field] of bad) {
      expect(parse(JSON.stringify(body)), field).toEqual({ status: 400, error: 'invalid_envelope', field });
    }
    const good = { type: 'event_callback', event: { type: 'app_mention', channel: 'C1', user: 'U1' } };
    expect(parse(JSON.stringify(good))).toEqual({ kind: 'body', body: good });
  });
});

describe('checkHeaders (before the body is read)', () => {
  const now = 1_800_000_000;
  const h = (ts: number | string, extra: Record<string, string> = {}) => ({
    'x-slack-signature': 'v0=00',
    'x-slack-request-timestamp': String(ts),
    ...extra,
  });
  it('refuses a missing signature, and timestamps more than 5 minutes in the past or the future', () => {
    expect(checkHeaders({ 'x-slack-request-timestamp': String(now) }, now, 100)).toEqual({
      status: 401,
      error: 'no_signature',
    });
    expect(checkHeaders(h(now - 301), now, 100)).toEqual({ status: 401, error: 'stale_timestamp' });
    expect(checkHeaders(h(now + 301), now, 100)).toEqual({ status: 401, error: 'stale_timestamp' });
    expect(checkHeaders(h('1e9'), now, 100)).toEqual({ status: 401, error: 'bad_timestamp' });
    expect(checkHeaders(h(now + 299), now, 100)).toMatchObject({ ok: true });
    expect(checkHeaders(h(now - 299), now, 100)).toMatchObject({ ok: true });
  });
  it('refuses a declared length over the limit', () => {
    expect(checkHeaders(h(now, { 'content-length': '101' }), now, 100)).toEqual({
      status: 413,
      error: 'body_too_large',
    });
  });
});

describe('installCrashPolicy', () => {
  it('logs an unhandled rejection by its code, without the message text, and keeps serving', () => {
    const proc = new EventEmitter();
    const { log, lines } = capture();
    const exits: number[] = [];
    const off = installCrashPolicy(proc as unknown as NodeJS.Process, {
      log,
      healthy: () => true,
      exit: (c) => exits.push(c),
    });
    proc.emit('unhandledRejection', new TypeError("Cannot read properties of null (reading 'secret text')"));
    proc.emit(
      'uncaughtException',
      Object.assign(new Error('SQLITE said something'), { code: 'SQLITE_MISMATCH' }),
    );
    expect(exits).toEqual([]);
    expect(lines.map((l) => (JSON.parse(l) as { error: string }).error)).toEqual([
      'TypeError',
      'SQLITE_MISMATCH',
    ]);
    expect(lines.join('\n')).not.toContain('secret text');
    off();
    expect(proc.listenerCount('unhandledRejection')).toBe(0);
  });

  it('exits with 1 when the bot is no longer healthy (its database is closed)', () => {
    const proc = new EventEmitter();
    const { log } = capture();
    const exits: number[] = [];
    installCrashPolicy(proc as unknown as NodeJS.Process, {
      log,
      healthy: () => false,
      exit: (c) => exits.push(c),
    });
    proc.emit('uncaughtException', new Error('boom'));
    expect(exits).toEqual([1]);
  });
});
