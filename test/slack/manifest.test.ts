import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../bot/config.js';
import { ASSISTANT_PROMPTS } from '../../bot/slack/texts.js';

const Manifest = z.object({
  _metadata: z.object({ major_version: z.literal(1) }),
  display_information: z.object({ name: z.string().min(1).max(35), description: z.string().max(140) }),
  features: z.object({
    app_home: z.object({ home_tab_enabled: z.literal(true), messages_tab_enabled: z.literal(true) }),
    bot_user: z.object({ display_name: z.string().regex(/^[a-z0-9._-]{1,80}$/) }),
    slash_commands: z.array(
      z.object({
        command: z.string(),
        url: z.url(),
        description: z.string().max(100),
        usage_hint: z.string().max(1000),
      }),
    ),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: z.url(), bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.literal(true), request_url: z.url() }),
    socket_mode_enabled: z.boolean(),
  }),
});

const raw: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'manifest.json'), 'utf8'));
const manifest = Manifest.parse(raw);
const full = raw as {
  features: {
    assistant_view?: { suggested_prompts?: { title: string; message: string }[] };
    shortcuts?: { name: string; type: string; callback_id: string; description: string }[];
  };
};

/** Slack's manifest schema, beside the project (shared/spec) or in this clone's parent. */
const SCHEMA = [
  join(
    import.meta.dirname,
    '..',
    '..',
    '..',
    'shared',
    'spec',
    'slack-manifest-schema',
    'manifest.schema.1.0.0.json',
  ),
].find((p) => existsSync(p));

describe('manifest.json', () => {
  it('asks for the scopes and events the bot uses', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        'app_mentions:read',
        'chat:write',
        'commands',
        'im:history',
        'channels:history',
        'groups:history',
        'channels:read',
        'groups:read',
        'files:write', // memos uploaded to the thread; the desk's chart
        'im:write', // a private answer's memo in the person's DMs
        'assistant:write', // the assistant pane: suggested prompts, title, status
        'users:read', // the person's language for the pane's prompts
      ]),
    );
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(
      [
        'app_home_opened',
        'app_mention',
        'message.channels',
        'message.groups',
        'message.im',
        'assistant_thread_started',
        'assistant_thread_context_changed',
      ].sort(),
    );
  });

  it('validates against Slack’s manifest schema', () => {
    expect(SCHEMA, 'slack-manifest-schema not found').toBeDefined();
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA!, 'utf8')) as object);
    expect(validate(raw), JSON.stringify(validate.errors)).toBe(true);
  });

  it('turns on the assistant pane with the Danish prompts, and the message shortcut', () => {
    expect(full.features.assistant_view?.suggested_prompts).toEqual(ASSISTANT_PROMPTS.da);
    expect(full.features.shortcuts).toEqual([
      expect.objectContaining({ type: 'message', callback_id: 'ask_about_message' }),
    ]);
  });

  it('declares the default slash command and one request URL for events, commands and interactivity', () => {
    const r = loadConfig({});
    expect(r.ok).toBe(true);
    const http = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
    });
    expect(http.ok && http.config.mode === 'http' && http.config.slashCommand).toBe(
      manifest.features.slash_commands[0]!.command,
    );
    const urls = new Set([
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ]);
    expect(urls.size).toBe(1);
    expect([...urls][0]).toMatch(/\/slack\/events$/);
  });
});
