/**
 * Share and restate, and the message shortcut, driven as Slack drives them: a `/leverandor` answer repeats
 * the question (the asker sees it nowhere else) and offers "Del i kanalen"; clicking it posts the same
 * answer in the channel, led by who asked what, as a thread the channel can follow up in. The shortcut
 * "Spørg leverandørsikkerhed" on a colleague's message answers it in that message's thread.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockAction,
  blocksOf,
  buttonsOf,
  eventBody,
  message,
  messageShortcut,
  nextTs,
  type RunningBot,
  send,
  slashCommand,
  startBot,
  tempDataDir,
} from './harness.js';
import { SlackStandin } from './standin.js';

let standin: SlackStandin;
let bot: RunningBot;

beforeAll(async () => {
  standin = await new SlackStandin().start();
  bot = await startBot(standin, { dataDir: tempDataDir() });
});
afterAll(async () => {
  await bot?.stop();
  await standin?.stop();
});

async function privateAnswer(text: string, user = 'U0ASKER', channel = 'C0GENERAL') {
  const rid = `cmd-${nextTs()}`;
  const { body, contentType } = slashCommand({ text, user, channel, responseUrl: standin.responseUrl(rid) });
  await send(bot, body, { contentType });
  await standin.waitFor(
    () => standin.ok('response_url').some((c) => c.path === `/response/${rid}`),
    'answer',
  );
  return standin.ok('response_url').find((c) => c.path === `/response/${rid}`)!;
}

async function click(actionId: string, value: string, user: string, channel: string) {
  const rid = `${actionId}-${nextTs()}`;
  const { body, contentType } = blockAction({
    actionId,
    value,
    user,
    channel,
    messageTs: nextTs(),
    responseUrl: standin.responseUrl(rid),
  });
  const before = bot.handled.length;
  expect((await send(bot, body, { contentType })).status).toBe(200);
  const h = await bot.waitHandled((x) => x.id === actionId && bot.handled.indexOf(x) >= before);
  await standin.waitFor(() => standin.ok('response_url').some((c) => c.path === `/response/${rid}`), 'reply');
  return { h, reply: standin.ok('response_url').find((c) => c.path === `/response/${rid}`)! };
}

describe('a private answer', () => {
  it('repeats the question and can be shared in the channel, where it can be followed up', async () => {
    const question = 'Er en teleudbyder med 60.000 slutbrugere omfattet af loven? <@U0BOSS> & co';
    const r = await privateAnswer(question);
    const first = blocksOf(r.params.blocks)[0]!;
    expect(first.text!.text).toContain('*Dit spørgsmål*');
    // the question as typed, its markup inert
    expect(first.text!.text).toContain('&lt;@U0BOSS&gt; &amp; co');
    const share = buttonsOf(r.params.blocks).find((b) => b.action_id === 'share_answer')!;
    expect(share.text).toMatchObject({ text: 'Del i kanalen' });

    // someone else cannot share the asker's answer
    const other = await click('share_answer', share.value!, 'U0OTHER', 'C0GENERAL');
    expect(other.h.outcome).toBe('unknown_answer');

    const posts = standin.ok('chat.postMessage').length;
    const { h, reply } = await click('share_answer', share.value!, 'U0ASKER', 'C0GENERAL');
    expect(h.outcome).toBe('shared');
    expect(String(reply.params.text)).toBe('Svaret er delt i kanalen.');
    const shared = standin
      .ok('chat.postMessage')
      .slice(posts)
      .find((c) => c.params.channel === 'C0GENERAL')!;
    expect(shared.params.thread_ts).toBeUndefined();
    const blocks = blocksOf(shared.params.blocks);
    expect(blocks[0]!.text!.text).toBe(
      '<@U0ASKER> spurgte:\n>Er en teleudbyder med 60.000 slutbrugere omfattet af loven? &lt;@U0BOSS&gt; &amp; co',
    );
    expect(blocks.some((b) => b.type === 'header')).toBe(true);
    // the same answer, with its own id (its own feedback) and no share button of its own
    const ids = buttonsOf(shared.params.blocks).map((b) => b.action_id);
    expect(ids).not.toContain('share_answer');
    expect(blocks.at(-1)!.type).toBe('context_actions');

    // a reply in the shared answer's thread is a follow-up with its facts
    const ts = String(standin.messages.find((m) => m.blocks === shared.params.blocks)?.ts);
    const follow = eventBody(
      message({
        user: 'U0COLLEAGUE',
        text: 'Og hvis vi køber nyt kernenet hos Ericsson, er det omfattet?',
        thread_ts: ts,
      }),
    );
    await send(bot, follow.body);
    expect((await bot.waitHandled((x) => x.id === follow.eventId)).outcome).toBe('answered');
    const answers = bot.store.answersInThread('C0GENERAL', ts);
    expect(answers).toHaveLength(2);
    expect(answers[1]!.answer.facts).toMatchObject({ end_users: 60000 });
  });

  it('tells the asker, in words, when the bot is not in the channel', async () => {
    standin.notMemberOf.add('C0PRIVATE');
    const r = await privateAnswer('Er en kommune omfattet af loven?', 'U0ASKER', 'C0PRIVATE');
    const share = buttonsOf(r.params.blocks).find((b) => b.action_id === 'share_answer')!;
    const { h, reply } = await click('share_answer', share.value!, 'U0ASKER', 'C0PRIVATE');
    expect(h.outcome).toBe('not_in_channel');
    expect(String(reply.params.text)).toMatch(/ikke er medlem.*\/invite/);
  });
});

describe('the message shortcut', () => {
  async function shortcut(msg: Record<string, unknown>, channel = 'C0GENERAL', user = 'U0ASKER') {
    const rid = `sc-${nextTs()}`;
    const { body, contentType } = messageShortcut({
      user,
      channel,
      message: msg,
      responseUrl: standin.responseUrl(rid),
    });
    const before = bot.handled.length;
    const res = await send(bot, body, { contentType });
    expect(res.status).toBe(200);
    const h = await bot.waitHandled((x) => x.id === 'ask_about_message' && bot.handled.indexOf(x) >= before);
    return { h, rid };
  }

  it('answers a colleague’s message in its thread, saying who asked', async () => {
    const ts = nextTs();
    const { h } = await shortcut({
      type: 'message',
      user: 'U0COLLEAGUE',
      ts,
      text: 'Vi er en kommune. Skal vi købe de her Hikvision-kameraer?',
    });
    expect(h.outcome).toBe('answered');
    const post = standin.ok('chat.postMessage').find((c) => c.params.thread_ts === ts)!;
    expect(blocksOf(post.params.blocks)[0]!.text!.text).toBe('<@U0ASKER> bad mig se på beskeden ovenfor.');
    expect(blocksOf(post.params.blocks).some((b) => b.type === 'header')).toBe(true);
    const stored = bot.store.answersInThread('C0GENERAL', ts);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.user).toBe('U0ASKER');
    expect(stored[0]!.answer.topic).toBe('equipment_purchase');
    // a reply in that thread is now a follow-up
    const follow = eventBody(
      message({ user: 'U0COLLEAGUE', text: 'Og hvis vi var en teleudbyder?', thread_ts: ts }),
    );
    await send(bot, follow.body);
    expect((await bot.waitHandled((x) => x.id === follow.eventId)).outcome).toBe('answered');
  });

  it('answers a reply inside a thread in that thread', async () => {
    const root = nextTs();
    const ts = nextTs();
    const { h } = await shortcut({
      type: 'message',
      user: 'U0COLLEAGUE',
      ts,
      thread_ts: root,
      text: 'Is a municipality covered by the act?',
    });
    expect(h.outcome).toBe('answered');
    const post = standin.ok('chat.postMessage').find((c) => c.params.thread_ts === root)!;
    expect(blocksOf(post.params.blocks)[0]!.text!.text).toBe(
      '<@U0ASKER> asked me to look at the message above.',
    );
  });

  it('says so privately for a message without text, and for a channel the bot is not in', async () => {
    const empty = await shortcut({ type: 'message', user: 'U0COLLEAGUE', ts: nextTs(), text: '' });
    expect(empty.h.outcome).toBe('no_text');
    await standin.waitFor(
      () => standin.ok('response_url').some((c) => c.path === `/response/${empty.rid}`),
      'reply',
    );
    expect(
      String(standin.ok('response_url').find((c) => c.path === `/response/${empty.rid}`)!.params.text),
    ).toMatch(/ingen tekst/);

    standin.notMemberOf.add('C0SECRET');
    const out = await shortcut(
      { type: 'message', user: 'U0X', ts: nextTs(), text: 'Er vi omfattet af loven?' },
      'C0SECRET',
    );
    expect(out.h.outcome).toBe('failed');
    await standin.waitFor(
      () => standin.ok('response_url').some((c) => c.path === `/response/${out.rid}`),
      'reply',
    );
    expect(
      String(standin.ok('response_url').find((c) => c.path === `/response/${out.rid}`)!.params.text),
    ).toMatch(/ikke er medlem/);
  });
});
