/**
 * The assistant pane as Slack drives it: signed `assistant_thread_started`, `assistant_thread_context_changed`
 * and DM-thread `message` events against the Web API stand-in. A new thread is greeted with suggested
 * prompts in the person's language; a question there gets a status, becomes the title, and is answered with
 * the same blocks as anywhere else. Where the pane's events never arrive (a workspace without it), DMs and
 * their threads are answered as before and no assistant.threads.* call is made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerBlocks } from '../../bot/slack/blocks.js';
import { assistantThread } from '../../bot/store/assistant-threads.js';
import {
  blocksOf,
  eventBody,
  message,
  nextTs,
  type RunningBot,
  send,
  startBot,
  tempDataDir,
} from './harness.js';
import { SlackStandin } from './standin.js';

let standin: SlackStandin;
let bot: RunningBot;

beforeAll(async () => {
  standin = await new SlackStandin().start();
  standin.locales = { U0ENGLISH: 'en-GB', U0DANSK: 'da-DK' };
  bot = await startBot(standin, { dataDir: tempDataDir() });
});
afterAll(async () => {
  await bot?.stop();
  await standin?.stop();
});

const pane = (method: string, channel: string, ts: string) =>
  standin.calls.filter(
    (c) =>
      c.method === `assistant.threads.${method}` &&
      c.params.channel_id === channel &&
      c.params.thread_ts === ts,
  );

async function startThread(
  user: string,
  context: Record<string, unknown> = { channel_id: 'C0GENERAL', team_id: 'T0TEAM' },
) {
  const channel = `D${user.slice(1)}`;
  const ts = nextTs();
  standin.assistantThreads.add(`${channel}/${ts}`); // Slack opened a thread in the pane
  const ev = eventBody({
    type: 'assistant_thread_started',
    assistant_thread: { user_id: user, channel_id: channel, thread_ts: ts, context },
    event_ts: nextTs(),
  });
  expect((await send(bot, ev.body)).status).toBe(200);
  const h = await bot.waitHandled((x) => x.id === ev.eventId);
  return { channel, ts, h };
}

async function ask(user: string, channel: string, text: string, threadTs?: string) {
  const ev = eventBody(
    message({ user, channel, channel_type: 'im', text, ...(threadTs ? { thread_ts: threadTs } : {}) }),
  );
  expect((await send(bot, ev.body)).status).toBe(200);
  return bot.waitHandled((x) => x.id === ev.eventId);
}

describe('a new thread in the assistant pane', () => {
  it('is greeted with four suggested prompts in the person’s language', async () => {
    const en = await startThread('U0ENGLISH');
    expect(en.h.outcome).toBe('started');
    const prompts = pane('setSuggestedPrompts', en.channel, en.ts)[0]!.params;
    expect(prompts.title).toBe('Try for example');
    expect((prompts.prompts as { title: string }[]).map((p) => p.title)).toEqual([
      'Buying surveillance cameras',
      'Are we covered by the act?',
      'Deadline for the courts',
      'Talk to an adviser',
    ]);
    const hello = standin
      .ok('chat.postMessage')
      .find((c) => c.params.channel === en.channel && c.params.thread_ts === en.ts)!;
    expect(String(hello.params.text)).toMatch(/^Hello!/);
    expect(bot.store.getEvent((await bot.waitHandled((x) => x === en.h)).id)?.status).toBe('answered');

    const da = await startThread('U0DANSK');
    const daPrompts = pane('setSuggestedPrompts', da.channel, da.ts)[0]!.params.prompts as {
      title: string;
      message: string;
    }[];
    expect(daPrompts.map((p) => p.title)).toEqual([
      'Køb af overvågningskameraer',
      'Er vi omfattet af loven?',
      'Frist for domstolene',
      'Tal med en rådgiver',
    ]);
  });

  it('answers a question with a status, titles the thread once, and posts the same blocks as elsewhere', async () => {
    const t = await startThread('U0ENGLISH');
    const q = 'Is a telecom provider with 60,000 end users covered by the supplier-security act?';
    expect((await ask('U0ENGLISH', t.channel, q, t.ts)).outcome).toBe('answered');
    expect(pane('setStatus', t.channel, t.ts).map((c) => c.params.status)).toEqual(['is reading the act…']);
    expect(pane('setTitle', t.channel, t.ts).map((c) => c.params.title)).toEqual([
      'Is a telecom provider with 60,000 end users covered by the…',
    ]);
    const answers = bot.store.answersInThread(t.channel, t.ts);
    expect(answers).toHaveLength(1);
    const post = standin
      .ok('chat.postMessage')
      .filter((c) => c.params.channel === t.channel && c.params.thread_ts === t.ts)
      .at(-1)!;
    expect(post.params.blocks).toEqual(answerBlocks(answers[0]!.answer, { answerId: answers[0]!.id }));
    expect(blocksOf(post.params.blocks).at(-1)!.type).toBe('context_actions');

    // a follow-up keeps the facts; the title stays the first question's
    expect(
      (await ask('U0ENGLISH', t.channel, 'And if we buy a new core network from Ericsson?', t.ts)).outcome,
    ).toBe('answered');
    expect(pane('setTitle', t.channel, t.ts)).toHaveLength(1);
    expect(bot.store.answersInThread(t.channel, t.ts)[1]!.answer.facts).toMatchObject({ end_users: 60000 });
  });

  it('keeps the channel the person looks at when it changes', async () => {
    const t = await startThread('U0DANSK');
    const ev = eventBody({
      type: 'assistant_thread_context_changed',
      assistant_thread: {
        user_id: 'U0DANSK',
        channel_id: t.channel,
        thread_ts: t.ts,
        context: { channel_id: 'C0INDKOB', team_id: 'T0TEAM' },
      },
      event_ts: nextTs(),
    });
    await send(bot, ev.body);
    expect((await bot.waitHandled((x) => x.id === ev.eventId)).outcome).toBe('context_saved');
    expect(assistantThread(bot.store, t.channel, t.ts)?.context.channel_id).toBe('C0INDKOB');
  });

  it('still answers when Slack refuses the pane’s calls', async () => {
    const t = await startThread('U0DANSK');
    standin.assistantThreads.delete(`${t.channel}/${t.ts}`);
    expect((await ask('U0DANSK', t.channel, 'Er en kommune omfattet af loven?', t.ts)).outcome).toBe(
      'answered',
    );
    expect(pane('setStatus', t.channel, t.ts)[0]!.ok).toBe(false);
    expect(bot.store.answersInThread(t.channel, t.ts)).toHaveLength(1);
  });
});

describe('without the assistant pane (its events never arrive)', () => {
  it('answers a DM and a reply in its thread as before, with no assistant call', async () => {
    const before = standin.calls.filter((c) => c.method.startsWith('assistant.')).length;
    const root = nextTs();
    const dm = eventBody(
      message({
        user: 'U0PLAIN',
        channel: 'D0PLAIN',
        channel_type: 'im',
        text: 'Er en kommune omfattet af loven?',
        ts: root,
      }),
    );
    await send(bot, dm.body);
    expect((await bot.waitHandled((x) => x.id === dm.eventId)).outcome).toBe('answered');
    // the reply in the DM's thread goes through Bolt's Assistant (a DM thread message) and is answered the same way
    expect(
      (await ask('U0PLAIN', 'D0PLAIN', 'Og hvis vi er en teleudbyder med 70.000 slutbrugere?', root)).outcome,
    ).toBe('answered');
    const answers = bot.store.answersInThread('D0PLAIN', root);
    expect(answers).toHaveLength(2);
    const last = standin
      .ok('chat.postMessage')
      .filter((c) => c.params.channel === 'D0PLAIN')
      .at(-1)!;
    expect(last.params.thread_ts).toBe(root);
    expect(last.params.blocks).toEqual(answerBlocks(answers[1]!.answer, { answerId: answers[1]!.id }));
    expect(standin.calls.filter((c) => c.method.startsWith('assistant.')).length).toBe(before);
  });

  it('ignores the bot’s own messages and edits in DM threads', async () => {
    const root = nextTs();
    const edit = eventBody(
      message({
        user: 'U0PLAIN',
        channel: 'D0PLAIN',
        channel_type: 'im',
        text: 'x',
        thread_ts: root,
        subtype: 'message_changed',
      }),
    );
    await send(bot, edit.body);
    expect((await bot.waitHandled((x) => x.id === edit.eventId)).outcome).toBe('ignored');
  });
});
