import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventBody,
  get,
  mention,
  message,
  nextTs,
  type RunningBot,
  SIGNING_SECRET,
  send,
  sign,
  startBot,
  tempDataDir,
} from './harness.js';
import { BOT_ID, BOT_USER, SlackStandin } from './standin.js';

let standin: SlackStandin;
let bot: RunningBot;
let dataDir: string;

beforeAll(async () => {
  standin = await new SlackStandin().start();
  dataDir = tempDataDir();
  bot = await startBot(standin, { dataDir });
});
afterAll(async () => {
  await bot?.stop();
  await standin?.stop();
});

const posts = () => standin.ok('chat.postMessage');

describe('HTTP endpoint', () => {
  it('answers url_verification with the challenge', async () => {
    const res = await send(
      bot,
      JSON.stringify({ token: 't', challenge: 'abc123', type: 'url_verification' }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toContain('abc123');
  });

  it('answers GET /healthz with 200 and a small JSON body', async () => {
    const res = await get(bot, '/healthz');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
  });

  it('refuses a bad signature, a missing signature and a stale timestamp with 401, changing nothing', async () => {
    const before = standin.calls.length;
    const { body, eventId } = eventBody(mention({ text: 'Er vi omfattet?' }));
    const wrong = await send(bot, body, { secret: 'another-secret-0000000000' });
    const missing = await send(bot, body, { signature: null });
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const old = await send(bot, body, { timestamp: stale, signature: sign(body, stale, SIGNING_SECRET) });
    expect([wrong.status, missing.status, old.status]).toEqual([401, 401, 401]);
    expect(bot.store.getEvent(eventId)).toBeUndefined();
    expect(standin.calls.length).toBe(before);
  });
});

describe('mentions, DMs and threads', () => {
  it('answers a mention once, in its thread, with blocks and a fallback text', async () => {
    const ev = mention({ text: 'Er en teleudbyder med 60.000 slutbrugere omfattet af loven?' });
    const { body, eventId } = eventBody(ev);
    const res = await send(bot, body);
    expect(res.status).toBe(200);
    const h = await bot.waitHandled((x) => x.id === eventId);
    expect(h.outcome).toBe('answered');
    const mine = posts().filter((c) => c.params.thread_ts === ev.ts);
    expect(mine).toHaveLength(1);
    const p = mine[0]!.params;
    expect(p.channel).toBe('C0GENERAL');
    expect(typeof p.text).toBe('string');
    const blocks = p.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
    expect(blocks[0]!.type).toBe('header');
    const actions = blocks.find((b) => b.type === 'actions')!;
    expect(actions.elements!.map((e) => e.action_id)).toEqual([
      'escalate',
      'correct_facts',
      'show_checks',
      'memo_save',
    ]);
    const answerId = actions.elements![0]!.value;
    const stored = bot.store.getAnswer(answerId)!;
    expect(stored.thread_ts).toBe(ev.ts);
    expect(p.text as string).toContain(stored.answer.answer.slice(0, 20));
    expect(bot.store.getEvent(eventId)?.status).toBe('answered');
  });

  it('answers a mention inside a thread in that thread', async () => {
    const root = nextTs();
    const ev = mention({ text: 'Gælder loven for kameraer?', thread_ts: root });
    const { body, eventId } = eventBody(ev);
    await send(bot, body);
    await bot.waitHandled((x) => x.id === eventId);
    expect(posts().filter((c) => c.params.thread_ts === root)).toHaveLength(1);
  });

  it('does not answer a retried event twice', async () => {
    const ev = mention({ text: 'Er vi omfattet af loven om leverandørsikkerhed?' });
    const { body, eventId } = eventBody(ev);
    await send(bot, body);
    await bot.waitHandled((x) => x.id === eventId && x.outcome === 'answered');
    const retry = await send(bot, body, { retryNum: 1 });
    expect(retry.status).toBe(200);
    await bot.waitHandled((x) => x.id === eventId && x.outcome === 'duplicate');
    expect(posts().filter((c) => c.params.thread_ts === ev.ts)).toHaveLength(1);
  });

  it('carries the facts of a thread over to a follow-up without a new mention', async () => {
    const ev = mention({ text: 'Vi er en teleudbyder med 60.000 slutbrugere. Er vi omfattet?' });
    const first = eventBody(ev);
    await send(bot, first.body);
    await bot.waitHandled((x) => x.id === first.eventId);
    const factsBefore = bot.store.threadContext('C0GENERAL', ev.ts).facts;

    const follow = message({
      user: 'U0ASKER',
      text: 'Vi vil købe routere til vores backbone fra en ny leverandør.',
      thread_ts: ev.ts,
    });
    const second = eventBody(follow);
    await send(bot, second.body);
    const h = await bot.waitHandled((x) => x.id === second.eventId);
    expect(h.outcome).toBe('answered');
    const replies = posts().filter((c) => c.params.thread_ts === ev.ts);
    expect(replies).toHaveLength(2);
    const thread = bot.store.threadContext('C0GENERAL', ev.ts);
    expect(thread.turns).toHaveLength(2);
    // every fact known before is still known (possibly refined) after the follow-up
    for (const key of Object.keys(factsBefore)) expect(thread.facts).toHaveProperty(key);
    const answers = bot.store.answersInThread('C0GENERAL', ev.ts);
    expect(answers).toHaveLength(2);
    for (const key of Object.keys(factsBefore)) expect(answers[1]!.answer.facts).toHaveProperty(key);
  });

  it('answers a direct message', async () => {
    const ev = message({
      user: 'U0DMUSER',
      channel: 'D0DIRECT',
      channel_type: 'im',
      text: 'Does the act apply to us?',
    });
    const { body, eventId } = eventBody(ev);
    await send(bot, body);
    const h = await bot.waitHandled((x) => x.id === eventId);
    expect(h.outcome).toBe('answered');
    expect(
      posts().filter((c) => c.params.channel === 'D0DIRECT' && c.params.thread_ts === ev.ts),
    ).toHaveLength(1);
  });

  it('ignores bot messages, its own messages, subtypes and chatter in threads it has not answered', async () => {
    const root = mention({ text: 'Er vi omfattet?' });
    const r = eventBody(root);
    await send(bot, r.body);
    await bot.waitHandled((x) => x.id === r.eventId);
    const before = posts().length;
    const ignored = [
      message({ text: 'hello from a bot', bot_id: 'B0OTHER', thread_ts: root.ts, channel_type: 'channel' }),
      message({ user: BOT_USER, text: 'my own reply', thread_ts: root.ts }),
      message({ user: BOT_USER, bot_id: BOT_ID, text: 'my own reply', thread_ts: root.ts }),
      message({ user: 'U0ASKER', subtype: 'message_changed', text: 'edited', thread_ts: root.ts }),
      message({ user: 'U0NEW', subtype: 'channel_join', text: '<@U0NEW> has joined the channel' }),
      message({ user: 'U0ASKER', text: 'unrelated chatter', thread_ts: nextTs() }),
      message({ user: 'U0ASKER', text: 'top-level chatter' }),
      message({
        user: 'U0DMUSER',
        channel: 'D0DIRECT',
        channel_type: 'im',
        subtype: 'message_deleted',
        text: '',
      }),
    ];
    for (const ev of ignored) await send(bot, eventBody(ev).body);
    // a DM afterwards is answered, and is the only new post
    const sentinel = eventBody(
      message({
        user: 'U0DMUSER',
        channel: 'D0DIRECT',
        channel_type: 'im',
        text: 'Is a municipality covered?',
      }),
    );
    await send(bot, sentinel.body);
    await bot.waitHandled((x) => x.id === sentinel.eventId);
    expect(posts().length).toBe(before + 1);
  });

  it('politely refuses a 5,000-character question and keeps working', async () => {
    const ev = mention({ text: 'Er vi omfattet? '.repeat(320).slice(0, 5000) });
    const { body, eventId } = eventBody(ev);
    const res = await send(bot, body);
    expect(res.status).toBe(200);
    const h = await bot.waitHandled((x) => x.id === eventId);
    expect(h.outcome).toBe('refused');
    const reply = posts().filter((c) => c.params.thread_ts === ev.ts);
    expect(reply).toHaveLength(1);
    expect(String(reply[0]!.params.text)).toMatch(/4\.000|4,000/);
    const next = eventBody(mention({ text: 'Er en kommune omfattet?' }));
    await send(bot, next.body);
    expect((await bot.waitHandled((x) => x.id === next.eventId)).outcome).toBe('answered');
  });

  it('never logs the question text at info', () => {
    expect(bot.logs.join('\n')).not.toContain('60.000 slutbrugere');
    expect(bot.logs.join('\n')).not.toContain('xoxb-');
  });
});

describe('restart', () => {
  it('does not answer a retry of an event it answered before a restart', async () => {
    const ev = mention({ text: 'Er en region omfattet af loven?' });
    const { body, eventId } = eventBody(ev);
    await send(bot, body);
    await bot.waitHandled((x) => x.id === eventId && x.outcome === 'answered');
    await bot.stop();
    bot = await startBot(standin, { dataDir });
    await send(bot, body, { retryNum: 1 });
    await bot.waitHandled((x) => x.id === eventId);
    expect(bot.handled.find((x) => x.id === eventId)?.outcome).toBe('duplicate');
    expect(posts().filter((c) => c.params.thread_ts === ev.ts)).toHaveLength(1);
  });
});

describe('Web API failures', () => {
  it('waits out a 429 with Retry-After and posts the answer once', async () => {
    standin.failNext(1, { status: 429, retryAfter: 1, method: 'chat.postMessage' });
    const ev = mention({ text: 'Er vi omfattet, når vi har 70.000 slutbrugere?' });
    const { body, eventId } = eventBody(ev);
    await send(bot, body);
    expect((await bot.waitHandled((x) => x.id === eventId)).outcome).toBe('answered');
    const attempts = standin.calls.filter(
      (c) => c.method === 'chat.postMessage' && c.params.thread_ts === ev.ts,
    );
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
  });

  it('a Web API outage delays an answer (logged with its event id), it is posted once when Slack is back', async () => {
    standin.failNext(10, { status: 500, method: 'chat.postMessage' });
    const ev = mention({ text: 'Er vi omfattet?' });
    const { body, eventId } = eventBody(ev);
    await send(bot, body);
    expect((await bot.waitHandled((x) => x.id === eventId)).outcome).toBe('deferred');
    expect(bot.logs.some((l) => l.includes(eventId) && l.includes('"level":50'))).toBe(true);
    standin.clearFaults();
    expect((await bot.waitHandled((x) => x.id === eventId && x.outcome === 'answered')).outcome).toBe(
      'answered',
    );
    expect(standin.ok('chat.postMessage').filter((c) => c.params.thread_ts === ev.ts)).toHaveLength(1);
    expect(bot.store.getEvent(eventId)?.status).toBe('answered');
    const next = eventBody(mention({ text: 'Er en kommune omfattet?' }));
    await send(bot, next.body);
    expect((await bot.waitHandled((x) => x.id === next.eventId)).outcome).toBe('answered');
  });
});
