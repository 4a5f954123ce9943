/**
 * What a person wrote is never live where the bot posts it: a question and follow-ups full of mentions,
 * broadcasts and labelled links are escalated and relayed, and no text or block the bot posts (case post,
 * its fallback text, relays both ways, App Home) carries live markup from them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeText, inertSlackText } from '../../bot/slack/escape.js';
import {
  ADVISER_CHANNEL,
  blockAction,
  eventBody,
  mention,
  message,
  nextTs,
  type RunningBot,
  send,
  startBot,
  tempDataDir,
} from './harness.js';
import { BOT_USER, type Call, SlackStandin } from './standin.js';

/** Live markup: a mention, a broadcast, a channel link or a link (with or without a label). */
const LIVE = /<[@!#]|<(https?|mailto):/;
const HOSTILE =
  '<!channel> <!here> <!subteam^S0ALL|@everyone> <@U0VICTIM> <#C0SECRET|secret> <https://evil.example/login|cfcs.dk>';

describe('inertSlackText and escapeText', () => {
  it('turns every piece of Slack markup into plain words, with link targets visible', () => {
    const out = inertSlackText(`${HOSTILE} a &lt; b &amp; c`);
    expect(out).not.toMatch(LIVE);
    expect(out).toBe(
      '@channel @here @everyone @U0VICTIM #secret cfcs.dk (https://evil.example/login) a &lt; b &amp; c',
    );
    expect(escapeText('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
  });
});

let standin: SlackStandin;
let bot: RunningBot;
const ADVISER = 'U0ADVISER';

beforeAll(async () => {
  standin = await new SlackStandin().start();
  standin.members[ADVISER_CHANNEL] = [ADVISER];
  bot = await startBot(standin, { dataDir: tempDataDir() });
});
afterAll(async () => {
  await bot?.stop();
  await standin?.stop();
});

/** Every text the bot sent in a call: `text`, and every `text` inside blocks or a view. */
function texts(c: Call): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'text' && typeof x === 'string') out.push(x);
        else walk(x);
      }
    }
  };
  if (typeof c.params.text === 'string') out.push(c.params.text);
  walk(c.params.blocks);
  walk(c.params.view);
  return out;
}

describe('escalated and relayed text', () => {
  it('no mention, broadcast or link from user text is live in the case post, relays or App Home', async () => {
    const ev = mention({
      text: `Vi er en kommune og vil købe kameraer fra Hikvision. ${HOSTILE} Hvad gør vi?`,
      user: 'U0ASKER',
    });
    const q = eventBody(ev);
    await send(bot, q.body);
    await bot.waitHandled((h) => h.id === q.eventId);
    const answer = standin.ok('chat.postMessage').find((c) => c.params.thread_ts === ev.ts)!;
    const answerId = (answer.params.blocks as { elements?: { action_id: string; value: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'escalate')!.value;

    const { body, contentType } = blockAction({
      actionId: 'escalate',
      value: answerId,
      user: 'U0ASKER',
      channel: 'C0GENERAL',
      messageTs: ev.ts,
      responseUrl: standin.responseUrl(`esc-${nextTs()}`),
    });
    await send(bot, body, { contentType });
    await bot.waitHandled((h) => h.id === 'escalate');
    const casePost = standin.ok('chat.postMessage').find((c) => c.params.channel === ADVISER_CHANNEL)!;
    expect(casePost, 'case posted').toBeDefined();
    expect(texts(casePost).join('\n')).toContain('Hikvision');
    const caseTs = String(bot.store.activeCaseForThread('C0GENERAL', ev.ts)!.adviser_ts);

    // the asker follows up in the thread: relayed to the case thread
    const follow = eventBody(
      message({ user: 'U0ASKER', text: `Og en ting mere: ${HOSTILE}`, thread_ts: ev.ts }),
    );
    await send(bot, follow.body);
    await bot.waitHandled((h) => h.id === follow.eventId);
    await standin.waitFor(
      (calls) =>
        calls.some((c) => c.ok && c.params.channel === ADVISER_CHANNEL && c.params.thread_ts === caseTs),
      'the follow-up relayed',
    );
    // the adviser answers in the case thread: relayed to the asker
    const reply = eventBody(
      message({ user: ADVISER, channel: ADVISER_CHANNEL, text: `Svar: ${HOSTILE}`, thread_ts: caseTs }),
    );
    await send(bot, reply.body);
    expect((await bot.waitHandled((h) => h.id === reply.eventId)).outcome).toBe('relayed');

    // App Home lists the open case with its question
    const home = eventBody({ type: 'app_home_opened', user: 'U0ASKER', channel: 'D0ASKER', tab: 'home' });
    await send(bot, home.body);
    await bot.waitHandled((h) => h.id === home.eventId);

    const posted = standin.calls.filter(
      (c) => c.ok && ['chat.postMessage', 'chat.update', 'views.publish'].includes(c.method),
    );
    const relayIn = posted.filter(
      (c) => c.params.channel === ADVISER_CHANNEL && c.params.thread_ts === caseTs,
    );
    const relayOut = posted.filter(
      (c) => c.params.thread_ts === ev.ts && texts(c).join(' ').includes('Svar:'),
    );
    expect(relayIn.length).toBeGreaterThan(0);
    expect(relayOut.length).toBeGreaterThan(0);
    expect(texts(relayIn[0]!).join(' ')).toContain('cfcs.dk (https://evil.example/login)');
    for (const c of posted) {
      for (const t of texts(c)) {
        // the bot's own mentions (the asker, the adviser) are the bot's words, not the person's
        // …and so are its links to the thread and to the official publication of a quoted unit
        const withoutOwn = t
          .replace(/<@(U0ASKER|U0ADVISER|U0BOT)>/g, '')
          .replace(/<https:\/\/[^|>]*\/archives\/[^>]*>/g, '')
          .replace(/<https:\/\/www\.retsinformation\.dk\/eli\/lta\/2021\/1156\|[^>]*>/g, '');
        expect(withoutOwn, `${c.method} to ${String(c.params.channel)}`).not.toMatch(LIVE);
      }
    }
    expect(posted.some((c) => c.method === 'views.publish')).toBe(true);
    expect(BOT_USER).toBe('U0BOT');
  });
});
