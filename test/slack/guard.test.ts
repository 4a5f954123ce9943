/** The crash policy and the body check in front of Bolt (bot/slack/guard.ts). */
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkBody, installCrashPolicy } from '../../bot/slack/guard.js';
import { createLogger } from '../../bot/slack/logger.js';

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

describe('checkBody', () => {
  it('lets objects and unparsable text through to Bolt, refuses JSON that is not an object', () => {
    expect(checkBody('{"type":"event_callback"}', 'application/json')).toEqual({ ok: true });
    expect(checkBody('not json', 'application/json')).toEqual({ ok: true });
    expect(checkBody('command=%2Fleverandor&text=hi', 'application/x-www-form-urlencoded')).toEqual({
      ok: true,
    });
    for (const v of ['null', '1', '"x"', '[]', '[{}]', 'false']) {
      expect(checkBody(v, 'application/json'), v).toEqual({ ok: false, reason: 'not_an_object' });
      expect(checkBody(`payload=${encodeURIComponent(v)}`, 'application/x-www-form-urlencoded'), v).toEqual({
        ok: false,
        reason: 'not_an_object',
      });
    }
  });
});

describe('checkBody: envelopes Bolt would trip over while routing', () => {
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
      expect(checkBody(JSON.stringify(body), 'application/json'), field).toEqual({
        ok: false,
        reason: 'invalid_envelope',
        field,
      });
    }
    const good = { type: 'event_callback', event: { type: 'app_mention', channel: 'C1', user: 'U1' } };
    expect(checkBody(JSON.stringify(good), 'application/json')).toEqual({ ok: true });
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
