import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.js';

const BOT = 'xoxb-123-456-abc';
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const APP = 'xapp-1-A1-2-abc';

describe('configuration', () => {
  it('chooses the terminal chat without Slack tokens', () => {
    expect(loadConfig({})).toEqual({
      ok: true,
      config: { mode: 'terminal', dataDir: './data', retentionDays: 365, logLevel: 'info' },
    });
  });

  it('chooses HTTP with bot token + signing secret, with defaults', () => {
    const r = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET });
    expect(r).toMatchObject({
      ok: true,
      config: {
        mode: 'http',
        port: 3000,
        host: '0.0.0.0',
        apiUrl: 'https://slack.com/api/',
        dataDir: './data',
        logLevel: 'info',
        slashCommand: '/leverandor',
        adviserChannel: undefined,
        retentionDays: 365,
        adviceCacheSize: 1000,
      },
    });
  });

  it('reads ADVICE_CACHE_SIZE (0 turns the cache off) and names it when it is not a whole number', () => {
    const env = { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET };
    expect(loadConfig({ ...env, ADVICE_CACHE_SIZE: '0' })).toMatchObject({ config: { adviceCacheSize: 0 } });
    for (const bad of ['-5', 'lots', '2.5']) {
      const r = loadConfig({ ...env, ADVICE_CACHE_SIZE: bad });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^Configuration error: ADVICE_CACHE_SIZE /);
    }
  });

  it('reads RETENTION_DAYS (0 keeps everything) and names it when it is not a whole number of days', () => {
    expect(loadConfig({ RETENTION_DAYS: '30' })).toMatchObject({ ok: true, config: { retentionDays: 30 } });
    expect(loadConfig({ RETENTION_DAYS: '0' })).toMatchObject({ ok: true, config: { retentionDays: 0 } });
    for (const bad of ['-1', '1.5', 'a year']) {
      const r = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, RETENTION_DAYS: bad });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^Configuration error: RETENTION_DAYS /);
    }
  });

  it('chooses Socket Mode with bot token + app token', () => {
    const r = loadConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_APP_TOKEN: APP,
      SLACK_API_URL: 'http://127.0.0.1:9/api',
    });
    expect(r).toMatchObject({
      ok: true,
      config: { mode: 'socket', appToken: APP, apiUrl: 'http://127.0.0.1:9/api/' },
    });
  });

  it('stops with one line naming the missing or malformed variable, never echoing a secret', () => {
    const cases: [Record<string, string>, string][] = [
      [{ SLACK_BOT_TOKEN: 'xoxp-user-token-secret', SLACK_SIGNING_SECRET: SECRET }, 'SLACK_BOT_TOKEN'],
      [{ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xoxb-wrong-kind' }, 'SLACK_APP_TOKEN'],
      [{ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'short' }, 'SLACK_SIGNING_SECRET'],
      [{ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: 'eighty' }, 'PORT'],
      [{ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '70000' }, 'PORT'],
      [{ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '80.5' }, 'PORT'],
      [
        { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, ADVISER_CHANNEL: '#advisers' },
        'ADVISER_CHANNEL',
      ],
      [{ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
      [{ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: 'not a url' }, 'SLACK_API_URL'],
      [{ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLASH_COMMAND: 'leverandor' }, 'SLASH_COMMAND'],
      [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ];
    for (const [env, name] of cases) {
      const r = loadConfig(env);
      expect(r.ok, name).toBe(false);
      if (r.ok) continue;
      expect(r.error).toContain(name);
      expect(r.error).not.toContain('is not set');
      expect(r.error).not.toContain('\n');
      expect(r.error).not.toContain('secret-');
      expect(r.error).not.toContain(SECRET);
    }
  });

  it('names a variable the chosen mode needs that is not set', () => {
    for (const [env, name] of [
      [{ SLACK_SIGNING_SECRET: SECRET }, 'SLACK_BOT_TOKEN'],
      [{ SLACK_APP_TOKEN: APP }, 'SLACK_BOT_TOKEN'],
      [{ SLACK_BOT_TOKEN: BOT }, 'SLACK_SIGNING_SECRET'],
    ] as const) {
      const r = loadConfig(env);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(new RegExp(`${name}.*not set`));
    }
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: ' ', SLACK_SIGNING_SECRET: '' })).toMatchObject({
      ok: true,
      config: { mode: 'terminal' },
    });
  });
});

describe('configuration per mode', () => {
  it('does not stop Socket Mode for a variable only HTTP mode reads', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, PORT: 'eighty' })).toMatchObject({
      ok: true,
      config: { mode: 'socket' },
    });
  });
});
