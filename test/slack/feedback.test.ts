/**
 * Feedback that says why, as a person gives it in Slack: every answer ends with Slack's native 👍/👎
 * (`feedback_buttons` in a `context_actions` block); 👍 is stored and thanked; 👎 is stored, opens the
 * "what went wrong?" modal and offers an adviser; the modal's reason and words are stored with the answer
 * and its provenance; a submission without a reason is answered on the reason's input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackReasonsFor } from '../../bot/store/feedback-reasons.js';
import {
  blocksOf,
  buttonsOf,
  eventBody,
  feedbackClick,
  mention,
  nextTs,
  type RunningBot,
  send,
  startBot,
  tempDataDir,
  viewSubmit,
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

async function ask(text: string) {
  const ev = mention({ text });
  const { body, eventId } = eventBody(ev);
  await send(bot, body);
  await bot.waitHandled((h) => h.id === eventId);
  const post = standin.ok('chat.postMessage').find((c) => c.params.thread_ts === ev.ts)!;
  const feedback = blocksOf(post.params.blocks).find((b) => b.type === 'context_actions')!;
  return { ev, post, feedback: feedback.elements![0]! };
}

async function vote(value: string, user = 'U0ASKER') {
  const rid = `fb-${nextTs()}`;
  const { body, contentType } = feedbackClick({
    value,
    user,
    channel: 'C0GENERAL',
    messageTs: nextTs(),
    responseUrl: standin.responseUrl(rid),
  });
  const before = bot.handled.length;
  expect((await send(bot, body, { contentType })).status).toBe(200);
  const h = await bot.waitHandled((x) => x.id === 'answer_feedback' && bot.handled.indexOf(x) >= before);
  return { h, rid };
}

describe('native feedback buttons', () => {
  it('close every answer, and 👍 is stored and thanked', async () => {
    const { feedback } = await ask('Er en teleudbyder med 80.000 slutbrugere omfattet?');
    expect(feedback.type).toBe('feedback_buttons');
    const answerId = feedback.positive_button!.value.split('|')[1]!;
    expect(feedback.negative_button!.value).toBe(`not_helpful|${answerId}`);
    const { h, rid } = await vote(feedback.positive_button!.value);
    expect(h.outcome).toBe('stored');
    expect(bot.store.feedbackFor(answerId)).toMatchObject([{ user: 'U0ASKER', helpful: true }]);
    await standin.waitFor(
      () => standin.ok('response_url').some((c) => c.path === `/response/${rid}`),
      'thanks',
    );
    expect(standin.ok('views.open')).toHaveLength(0);
  });

  it('👎 is stored, asks why in a modal, offers an adviser; the reason is stored with the provenance', async () => {
    const { feedback } = await ask('Hvad er fristen for at indbringe en afgørelse for domstolene?');
    const answerId = feedback.negative_button!.value.split('|')[1]!;
    const { h, rid } = await vote(feedback.negative_button!.value);
    expect(h.outcome).toBe('stored_asked');
    expect(bot.store.feedbackFor(answerId)).toMatchObject([{ helpful: false }]);

    // the modal: five reasons and a free text, in the answer's language
    const view = standin.ok('views.open').at(-1)!.params.view as {
      callback_id: string;
      title: { text: string };
      private_metadata: string;
      blocks: { block_id?: string; element?: { options?: { value: string }[] } }[];
    };
    expect(view.callback_id).toBe('feedback_reason');
    expect(view.title.text).toBe('Hvad gik galt?');
    expect(view.blocks.find((b) => b.block_id === 'reason')!.element!.options!.map((o) => o.value)).toEqual([
      'wrong_verdict',
      'misread_facts',
      'missing_source',
      'hard_to_understand',
      'other',
    ]);
    // the adviser is offered as before
    await standin.waitFor(
      () => standin.ok('response_url').some((c) => c.path === `/response/${rid}`),
      'offer',
    );
    const offer = standin.ok('response_url').find((c) => c.path === `/response/${rid}`)!;
    expect(buttonsOf(offer.params.blocks)).toMatchObject([{ action_id: 'escalate', value: answerId }]);

    // no reason chosen: an error on the reason's input, nothing stored
    const empty = viewSubmit({
      callbackId: 'feedback_reason',
      values: { reason: { value: { type: 'radio_buttons', selected_option: null } } },
      meta: view.private_metadata,
    });
    const refused = await send(bot, empty.body, { contentType: empty.contentType });
    expect(JSON.parse(refused.body)).toEqual({
      response_action: 'errors',
      errors: { reason: 'Vælg hvad der var galt.' },
    });
    expect(feedbackReasonsFor(bot.store, answerId)).toEqual([]);

    // a reason and the person's words
    const sub = viewSubmit({
      callbackId: 'feedback_reason',
      values: {
        reason: {
          value: {
            type: 'radio_buttons',
            selected_option: { value: 'missing_source', text: { type: 'plain_text', text: 'x' } },
          },
        },
        comment: {
          value: { type: 'plain_text_input', value: 'Der står intet om <@U0BOSS> eller § 7, stk. 2.' },
        },
      },
      meta: view.private_metadata,
    });
    const res = await send(bot, sub.body, { contentType: sub.contentType });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).response_action).toBe('update');
    const stored = bot.store.getAnswer(answerId)!;
    const reasons = feedbackReasonsFor(bot.store, answerId);
    expect(reasons).toMatchObject([
      {
        user: 'U0ASKER',
        reason: 'missing_source',
        comment: 'Der står intet om <@U0BOSS> eller § 7, stk. 2.',
        verdict: stored.answer.verdict,
        topic: stored.answer.topic,
      },
    ]);
    expect(JSON.parse(reasons[0]!.provenance!)).toMatchObject({
      knowledge: stored.answer.provenance!.knowledge,
      answer_id: answerId,
    });
  });

  it('a vote on an unknown answer, or a value of the wrong form, gets a clear private reply', async () => {
    const unknown = await vote('not_helpful|a_doesnotexist');
    expect(unknown.h.outcome).toBe('unknown_answer');
    const bad = await vote('maybe|a_1');
    expect(bad.h.outcome).toBe('invalid');
    await standin.waitFor(
      () => standin.ok('response_url').some((c) => c.path === `/response/${bad.rid}`),
      'refusal',
    );
    const reply = standin.ok('response_url').find((c) => c.path === `/response/${bad.rid}`)!;
    expect(String(reply.params.text)).toMatch(/kunne ikke læse anmodningen/);
  });
});

describe('links to the source', () => {
  it('names each quoted unit’s source linked to its official publication', async () => {
    const { post } = await ask('Er en teleudbyder med 80.000 slutbrugere omfattet?');
    const quotes = blocksOf(post.params.blocks).filter(
      (b) => b.type === 'section' && /^\*§ [^*]+\* · /.test(b.text?.text ?? ''),
    );
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes)
      expect(q.text!.text).toMatch(
        /^\*§ [^*]+\* · <https:\/\/www\.retsinformation\.dk\/eli\/lta\/2021\/1156\|Lov nr\. 1156 af 8\. juni 2021>\n>/,
      );
  });

  it('names a source without an official address (the answer to question 485) without a link', async () => {
    const { post } = await ask(
      'Vi er en kommune og vil købe overvågningskameraer fra en kinesisk leverandør. Hvad siger CFCS?',
    );
    const text = JSON.stringify(post.params.blocks);
    expect(text).toContain('· Svar på spørgsmål nr. 485 (2022)\\n');
    expect(text).not.toContain('|Svar på spørgsmål nr. 485');
  });
});
