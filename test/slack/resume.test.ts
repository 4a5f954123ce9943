/**
 * After a crash: answers stored for a pending event but never posted, and cases never sent to the adviser
 * channel, are posted when the bot starts again; what Slack already has is not posted twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdvisor } from '../../bot/pipeline.js';
import { answerBlocks, answerFallbackText, caseBlocks, caseFallbackText } from '../../bot/slack/blocks.js';
import { resumePending } from '../../bot/slack/resume.js';
import {
  ADVISER_CHANNEL,
  nextEventId,
  nextTs,
  type RunningBot,
  startBot,
  TODAY,
  tempDataDir,
} from './harness.js';
import { SlackStandin } from './standin.js';

let standin: SlackStandin;
let bot: RunningBot;
const advisor = createAdvisor();

beforeAll(async () => {
  standin = await new SlackStandin().start();
  bot = await startBot(standin, { dataDir: tempDataDir() });
});
afterAll(async () => {
  await bot?.stop();
  await standin?.stop();
});

/** What the store holds when the process died after recording an answer, before posting it. */
function pendingAnswer(channel: string, question: string) {
  const threadTs = nextTs();
  const eventId = nextEventId();
  const answer = advisor.advise({ turns: [question], asOf: TODAY });
  const id = `a_${eventId.toLowerCase()}`;
  expect(
    bot.store.recordAnswer({
      id,
      channel,
      threadTs,
      user: 'U0ASKER',
      question,
      answer,
      eventId,
      eventKind: 'app_mention',
    }),
  ).toBe(true);
  return { id, threadTs, eventId, answer };
}

/** A start time after everything the test stored (the records are "from before the restart"). */
const later = () => new Date(Date.now() + 60_000).toISOString();

const postsIn = (channel: string, ts: string) =>
  standin.ok('chat.postMessage').filter((c) => c.params.channel === channel && c.params.thread_ts === ts);

describe('resuming pending work at start', () => {
  it('posts a stored answer whose event is still pending, once, and marks it answered', async () => {
    const p = pendingAnswer(
      'C0RESUME',
      'Vi er en dansk internetudbyder med 72.000 slutbrugere. Er vi omfattet?',
    );
    const r = await resumePending(bot.app.client, bot.deps, later());
    expect(r.answers.posted).toBe(1);
    const posts = postsIn('C0RESUME', p.threadTs);
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]!.params.blocks)).toContain(p.id);
    expect(bot.store.getEvent(p.eventId)?.status).toBe('answered');
    expect(bot.store.getAnswer(p.id)?.message_ts).toMatch(/^\d+\.\d+$/);

    const again = await resumePending(bot.app.client, bot.deps, later());
    expect(again.answers).toEqual({ posted: 0, found: 0, failed: 0, deferred: 0 });
    expect(postsIn('C0RESUME', p.threadTs)).toHaveLength(1);
  });

  it('does not post an answer again that reached Slack before the process died', async () => {
    const p = pendingAnswer('C0RESUME', 'Is a home router a critical network component?');
    await bot.app.client.chat.postMessage({
      channel: 'C0RESUME',
      thread_ts: p.threadTs,
      text: answerFallbackText(p.answer),
      blocks: answerBlocks(p.answer, { answerId: p.id }),
    });
    const r = await resumePending(bot.app.client, bot.deps, later());
    expect(r.answers).toEqual({ posted: 0, found: 1, failed: 0, deferred: 0 });
    expect(postsIn('C0RESUME', p.threadTs)).toHaveLength(1);
    expect(bot.store.getEvent(p.eventId)?.status).toBe('answered');
  });

  it('sends a stored case that never reached the adviser channel and tells the asker its number', async () => {
    const threadTs = nextTs();
    const c = bot.store.openCase({
      asker: 'U0ASKER',
      channel: 'C0RESUME',
      threadTs,
      question: 'Må vi bruge Hikvision-kameraer?',
      facts: {},
    });
    const r = await resumePending(bot.app.client, bot.deps, later());
    expect(r.cases).toEqual({ posted: 1, found: 0, failed: 0, deferred: 0 });
    const adviserPosts = standin
      .ok('chat.postMessage')
      .filter(
        (x) =>
          x.params.channel === ADVISER_CHANNEL && JSON.stringify(x.params.blocks).includes(`case_${c.id}`),
      );
    expect(adviserPosts).toHaveLength(1);
    expect(bot.store.getCase(c.id)?.adviser_ts).toMatch(/^\d+\.\d+$/);
    expect(postsIn('C0RESUME', threadTs).map((x) => String(x.params.text))).toEqual([
      expect.stringContaining(`#${c.id}`),
    ]);
    expect((await resumePending(bot.app.client, bot.deps, later())).cases).toEqual({
      posted: 0,
      found: 0,
      failed: 0,
      deferred: 0,
    });
  });

  it('records, without posting again, a case post that reached Slack before the process died', async () => {
    const c = bot.store.openCase({
      asker: 'U0ASKER',
      channel: 'C0RESUME',
      threadTs: nextTs(),
      question: 'Er vi omfattet?',
      facts: {},
    });
    const res = await bot.app.client.chat.postMessage({
      channel: ADVISER_CHANNEL,
      text: caseFallbackText(c),
      blocks: caseBlocks(c),
    });
    const r = await resumePending(bot.app.client, bot.deps, later());
    expect(r.cases).toEqual({ posted: 0, found: 1, failed: 0, deferred: 0 });
    expect(bot.store.getCase(c.id)?.adviser_ts).toBe(res.ts);
  });

  it('leaves alone what the running process stored after it started', async () => {
    const startedAt = new Date(Date.now() - 60_000).toISOString();
    const p = pendingAnswer('C0RESUME', 'Er en kommune omfattet?');
    const r = await resumePending(bot.app.client, bot.deps, startedAt);
    expect(r.answers).toEqual({ posted: 0, found: 0, failed: 0, deferred: 0 });
    expect(postsIn('C0RESUME', p.threadTs)).toHaveLength(0);
    expect(bot.store.getEvent(p.eventId)?.status).toBe('pending');
  });

  it('closes pending events without a stored answer (their text is not kept) as failed, interrupted', async () => {
    const eventId = nextEventId();
    bot.store.claimEvent({
      eventId,
      kind: 'relay',
      channel: ADVISER_CHANNEL,
      ts: nextTs(),
      status: 'pending',
    });
    const r = await resumePending(bot.app.client, bot.deps, later());
    expect(r.interrupted).toBeGreaterThanOrEqual(1);
    expect(bot.store.getEvent(eventId)).toMatchObject({ status: 'failed', detail: 'interrupted' });
  });
});
