/**
 * "Ret oplysninger" as a person uses it: an answer shows what was read and a button; the button opens the
 * coverage form prefilled with those facts; submitting it answers again in the same thread; the corrected
 * facts carry over to the thread's next question. "Vis alle tjek" shows the checks the answer left out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockAction,
  eventBody,
  mention,
  nextTs,
  type RunningBot,
  send,
  startBot,
  tempDataDir,
  viewSubmission,
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

type Blocks = { type: string; elements?: { action_id?: string; value?: string; text?: string }[] }[];
const buttons = (blocks: unknown) =>
  (blocks as Blocks).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
const contexts = (blocks: unknown) =>
  (blocks as Blocks)
    .filter((b) => b.type === 'context')
    .flatMap((b) => (b.elements ?? []).map((e) => e.text ?? ''));

async function clickButton(actionId: string, value: string, channel: string, messageTs: string) {
  const before = bot.handled.length;
  const { body, contentType } = blockAction({
    actionId,
    value,
    user: 'U0ASKER',
    channel,
    messageTs,
    responseUrl: standin.responseUrl(`${actionId}-${nextTs()}`),
  });
  expect((await send(bot, body, { contentType })).status).toBe(200);
  return bot.waitHandled((x) => x.id === actionId && bot.handled.indexOf(x) >= before, actionId);
}

describe('correcting the facts an answer rests on', () => {
  it('shows what was read, opens the form prefilled, answers again in the thread, and keeps the correction', async () => {
    const ev = mention({
      text: 'Vi er et dansk teleselskab med omkring 50.000 slutbrugere. Er vi omfattet af loven?',
    });
    const { body, eventId } = eventBody(ev);
    await send(bot, body);
    await bot.waitHandled((h) => h.id === eventId);
    const first = standin.ok('chat.postMessage').find((c) => c.params.thread_ts === ev.ts)!;
    // What was read is shown, and the doubtful count is not among the facts.
    expect(contexts(first.params.blocks).join(' ')).toContain('Jeg har forstået: teleudbyder');
    expect(JSON.stringify(first.params.blocks)).toContain('omkring 50.000');
    const correct = buttons(first.params.blocks).find((b) => b.action_id === 'correct_facts');
    expect(correct).toBeDefined();

    // The button opens the coverage form, prefilled with the facts read.
    const opened = standin.ok('views.open').length;
    await clickButton('correct_facts', correct!.value!, ev.channel, String(first.params.ts ?? ev.ts));
    await standin.waitFor(() => standin.ok('views.open').length > opened, 'views.open');
    const view = standin.ok('views.open').at(-1)!.params.view as {
      title: { text: string };
      private_metadata: string;
      blocks: { block_id: string; element: { initial_option?: { value: string } } }[];
    };
    expect(view.title.text).toBe('Ret oplysninger');
    expect(view.blocks.find((b) => b.block_id === 'organisation_type')!.element.initial_option?.value).toBe(
      'telecom_provider',
    );
    const meta = JSON.parse(view.private_metadata) as { threadTs: string; answerId: string };
    expect(meta.threadTs).toBe(ev.ts);

    // Submitting it answers again, in the same thread, on the corrected facts.
    const posts = standin.ok('chat.postMessage').length;
    const sub = viewSubmission({
      values: { end_users: '60000' },
      selects: { organisation_type: 'telecom_provider', territory: 'DK' },
      meta: view.private_metadata,
    });
    const res = await send(bot, sub.body, { contentType: sub.contentType });
    expect(res.status).toBe(200);
    await bot.waitHandled((h) => h.kind === 'view' && h.outcome === 'corrected');
    await standin.waitFor(() => standin.ok('chat.postMessage').length > posts, 'corrected answer');
    const again = standin.ok('chat.postMessage').at(-1)!;
    expect(again.params.thread_ts).toBe(ev.ts);
    expect(String(again.params.text)).toContain('rettede oplysningerne');
    expect(String(again.params.text)).toMatch(/^.*\n?Ja\./m);
    expect(contexts(again.params.blocks).join(' ')).toContain('60.000 slutbrugere (rettet)');

    // The next question in the thread still rests on the corrected count.
    const follow = mention({
      text: 'Og hvis vi køber nyt kernenet hos Ericsson, er den aftale så omfattet?',
      thread_ts: ev.ts,
    });
    const f = eventBody(follow);
    await send(bot, f.body);
    await bot.waitHandled((h) => h.id === f.eventId);
    const next = standin.ok('chat.postMessage').at(-1)!;
    expect(next.params.thread_ts).toBe(ev.ts);
    expect(String(next.params.text)).toMatch(/Ja\./);
    expect(contexts(next.params.blocks).join(' ')).toContain('60.000 slutbrugere (rettet)');
  });

  it('"Vis alle tjek" shows every check, also those the answer leaves out', async () => {
    const ev = mention({ text: 'Må vores kommune købe Hikvision-kameraer?' });
    const { body, eventId } = eventBody(ev);
    await send(bot, body);
    await bot.waitHandled((h) => h.id === eventId);
    const post = standin.ok('chat.postMessage').find((c) => c.params.thread_ts === ev.ts)!;
    // The answer itself shows only the deciding checks: no "Denmark assumed" among them.
    expect(JSON.stringify(post.params.blocks)).not.toContain('Danmark antages');
    const show = buttons(post.params.blocks).find((b) => b.action_id === 'show_checks');
    expect(show).toBeDefined();
    const before = standin.ok('response_url').length;
    await clickButton('show_checks', show!.value!, ev.channel, String(post.params.ts ?? ev.ts));
    await standin.waitFor(() => standin.ok('response_url').length > before, 'all checks');
    const shown = JSON.stringify(standin.ok('response_url').at(-1)!.params.blocks);
    expect(shown).toContain('Danmark antages');
    expect(shown).toContain('§ 17, stk. 1');
  });
});
