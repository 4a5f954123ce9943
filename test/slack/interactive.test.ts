import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADVISER_CHANNEL,
  blockAction,
  eventBody,
  mention,
  message,
  nextTs,
  type RunningBot,
  send,
  slashCommand,
  startBot,
  tempDataDir,
  viewSubmission,
} from './harness.js';
import { SlackStandin } from './standin.js';

let standin: SlackStandin;
let bot: RunningBot;
let dataDir: string;
const ADVISER = 'U0ADVISER';

beforeAll(async () => {
  standin = await new SlackStandin().start();
  standin.members[ADVISER_CHANNEL] = [ADVISER, 'U0OTHERADV'];
  dataDir = tempDataDir();
  bot = await startBot(standin, { dataDir });
});
afterAll(async () => {
  await bot?.stop();
  await standin?.stop();
});

type Blocks = { type: string; text?: { text: string }; elements?: { action_id: string; value: string }[] }[];
const buttons = (blocks: unknown) =>
  (blocks as Blocks).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
const allText = (blocks: unknown) => JSON.stringify(blocks);

/** Asks by mention and returns the thread ts and the answer id carried by the buttons. */
async function ask(text: string, user = 'U0ASKER') {
  const ev = mention({ text, user });
  const { body, eventId } = eventBody(ev);
  await send(bot, body);
  await bot.waitHandled((h) => h.id === eventId);
  const post = standin.ok('chat.postMessage').find((c) => c.params.thread_ts === ev.ts)!;
  const answerId = buttons(post.params.blocks).find((b) => b.action_id === 'escalate')!.value;
  return { ts: ev.ts, answerId, post };
}

async function click(actionId: string, value: string, user: string, channel: string, messageTs: string) {
  const responseUrl = standin.responseUrl(`${actionId}-${nextTs()}`);
  const { body, contentType } = blockAction({ actionId, value, user, channel, messageTs, responseUrl });
  const before = bot.handled.length;
  const res = await send(bot, body, { contentType });
  expect(res.status).toBe(200);
  const h = await bot.waitHandled((x) => x.id === actionId && bot.handled.indexOf(x) >= before, actionId);
  return { h, responseUrl };
}

const responses = () => standin.ok('response_url');

describe('slash command', () => {
  it('acks at once and answers a question privately via response_url', async () => {
    const responseUrl = standin.responseUrl('cmd-question');
    const { body, contentType } = slashCommand({ text: 'Er en kommune omfattet af loven?', responseUrl });
    const res = await send(bot, body, { contentType });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    await bot.waitHandled((h) => h.kind === 'command' && h.outcome === 'answered');
    const r = responses().filter((c) => c.params.response_type === 'ephemeral');
    expect(r.length).toBeGreaterThanOrEqual(1);
    const last = r[r.length - 1]!;
    expect(buttons(last.params.blocks).map((b) => b.action_id)).toEqual([
      'escalate',
      'share_answer',
      'correct_facts',
      'show_checks',
      'memo_save',
    ]);
    expect(
      standin
        .ok('chat.postMessage')
        .filter((c) => c.params.channel === 'C0GENERAL' && c.params.text === last.params.text),
    ).toHaveLength(0);
  });

  it('explains usage for hjælp / help', async () => {
    for (const word of ['hjælp', 'help']) {
      const n = responses().length;
      const { body, contentType } = slashCommand({
        text: word,
        responseUrl: standin.responseUrl(`help-${word}`),
      });
      await send(bot, body, { contentType });
      await standin.waitFor(() => responses().length > n, 'usage');
      expect(String(responses()[n]!.params.text)).toContain('/leverandor tjek');
    }
  });

  it('refuses a question over 4,000 characters politely', async () => {
    const n = responses().length;
    const { body, contentType } = slashCommand({
      text: 'x'.repeat(5000),
      responseUrl: standin.responseUrl('long'),
    });
    await send(bot, body, { contentType });
    await bot.waitHandled((h) => h.kind === 'command' && h.outcome === 'refused');
    expect(String(responses()[n]!.params.text)).toMatch(/4\.000|4,000/);
  });
});

describe('coverage-check modal', () => {
  it('opens the modal with inputs for the contract facts', async () => {
    const { body, contentType } = slashCommand({ text: 'tjek', responseUrl: standin.responseUrl('tjek') });
    await send(bot, body, { contentType });
    await bot.waitHandled((h) => h.kind === 'command' && h.outcome === 'modal');
    const open = standin.ok('views.open').at(-1)!;
    const view = open.params.view as { callback_id: string; blocks: { block_id: string }[] };
    expect(view.callback_id).toBe('coverage_check');
    expect(view.blocks.map((b) => b.block_id)).toEqual([
      'organisation_type',
      'end_users',
      'state_end_users',
      'nationwide_public_service',
      'component',
      'supplier',
      'supplier_country',
      'agreement_date',
      'agreement_status',
      'territory',
    ]);
  });

  it('answers invalid input with errors on the offending fields', async () => {
    const { body, contentType } = viewSubmission({
      values: { end_users: '-5', agreement_date: '2021-02-30', supplier_country: 'Sverige' },
      meta: JSON.stringify({ lang: 'da' }),
    });
    const res = await send(bot, body, { contentType });
    expect(res.status).toBe(200);
    const ack = JSON.parse(res.body) as { response_action: string; errors: Record<string, string> };
    expect(ack.response_action).toBe('errors');
    expect(Object.keys(ack.errors).sort()).toEqual(['agreement_date', 'end_users', 'supplier_country']);
  });

  it('sends the verdict for valid input to the person, and a reply in that DM thread keeps the facts', async () => {
    const n = standin.ok('chat.postMessage').length;
    const { body, contentType } = viewSubmission({
      user: 'U0MODAL',
      values: {
        end_users: '60.000',
        supplier: 'Nordic Routers',
        supplier_country: 'se',
        agreement_date: '2025-03-01',
      },
      selects: {
        organisation_type: 'telecom_provider',
        component: 'backbone_router',
        territory: 'DK',
        agreement_status: 'new',
      },
      meta: JSON.stringify({ lang: 'da', channel: 'C0GENERAL' }),
    });
    const res = await send(bot, body, { contentType });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    await bot.waitHandled((h) => h.kind === 'view' && h.outcome === 'answered');
    const dm = standin
      .ok('chat.postMessage')
      .slice(n)
      .find((c) => c.params.channel === 'U0MODAL')!;
    expect(dm).toBeDefined();
    const answerId = buttons(dm.params.blocks)[0]!.value;
    const stored = bot.store.getAnswer(answerId)!;
    expect(stored.answer.facts).toMatchObject({
      end_users: 60000,
      supplier_country: 'SE',
      organisation_type: 'telecom_provider',
    });
    expect(String(dm.params.text).length).toBeGreaterThan(0);

    const reply = eventBody(
      message({
        user: 'U0MODAL',
        channel: stored.channel,
        channel_type: 'im',
        text: 'Og hvis aftalen er fra 2019?',
        thread_ts: stored.thread_ts,
      }),
    );
    await send(bot, reply.body);
    await bot.waitHandled((h) => h.id === reply.eventId);
    const answers = bot.store.answersInThread(stored.channel, stored.thread_ts);
    expect(answers).toHaveLength(2);
    expect(answers[1]!.answer.facts).toMatchObject({ end_users: 60000, supplier_country: 'SE' });
  });
});

describe('feedback', () => {
  it('stores a helpful vote with the answer and thanks the person', async () => {
    const { ts, answerId } = await ask('Er en teleudbyder med 80.000 slutbrugere omfattet?');
    const { h, responseUrl } = await click('feedback_helpful', answerId, 'U0ASKER', 'C0GENERAL', ts);
    expect(h.outcome).toBe('stored');
    expect(bot.store.feedbackFor(answerId)).toMatchObject([{ user: 'U0ASKER', helpful: true }]);
    await standin.waitFor((calls) => calls.some((c) => c.method === 'response_url' && c.ok), 'thanks');
    expect(responseUrl).toContain('feedback_helpful');
  });

  it('stores a not-helpful vote and offers escalation with a button', async () => {
    const { ts, answerId } = await ask('Hvad er fristen for at indbringe en afgørelse?');
    const n = responses().length;
    await click('feedback_not_helpful', answerId, 'U0ASKER', 'C0GENERAL', ts);
    expect(bot.store.feedbackFor(answerId)).toMatchObject([{ helpful: false }]);
    await standin.waitFor(() => responses().length > n, 'offer');
    const offer = responses()[n]!;
    expect(offer.params.response_type).toBe('ephemeral');
    expect(buttons(offer.params.blocks)).toMatchObject([{ action_id: 'escalate', value: answerId }]);
  });
});

describe('escalation as a case', () => {
  it('escalate → case posted → claim → adviser reply relayed → (restart) → resolve, nothing lost', async () => {
    const { ts, answerId } = await ask(
      'Vi er en kommune og vil købe kameraer fra en kinesisk leverandør. Hvad gør vi?',
    );
    const { h } = await click('escalate', answerId, 'U0ASKER', 'C0GENERAL', ts);
    expect(h.outcome).toMatch(/^case_\d+$/);
    const caseId = Number(h.outcome.slice(5));

    const casePost = standin.ok('chat.postMessage').find((c) => c.params.channel === ADVISER_CHANNEL)!;
    expect(allText(casePost.params.blocks)).toContain('kinesisk');
    expect(allText(casePost.params.blocks)).toContain(`archives/C0GENERAL/p${ts.replace('.', '')}`);
    expect(buttons(casePost.params.blocks).map((b) => b.action_id)).toEqual(['case_claim', 'case_resolve']);
    const told = standin
      .ok('chat.postMessage')
      .filter((c) => c.params.thread_ts === ts && String(c.params.text).includes(`#${caseId}`));
    expect(told).toHaveLength(1);
    const stored = bot.store.getCase(caseId)!;
    expect(stored.status).toBe('open');
    const postTs = stored.adviser_ts!;

    // a second click does not open a second case
    await click('escalate', answerId, 'U0ASKER', 'C0GENERAL', ts);
    expect(bot.store.openCasesFor('U0ASKER').filter((c) => c.thread_ts === ts)).toHaveLength(1);

    // someone outside the adviser channel may not claim
    const refused = await click('case_claim', String(caseId), 'U0STRANGER', ADVISER_CHANNEL, postTs);
    expect(refused.h.outcome).toBe('not_adviser');
    expect(bot.store.getCase(caseId)!.status).toBe('open');

    const claim = await click('case_claim', String(caseId), ADVISER, ADVISER_CHANNEL, postTs);
    expect(claim.h.outcome).toBe('claimed');
    const update = standin.ok('chat.update').find((c) => c.params.ts === postTs)!;
    expect(allText(update.params.blocks)).toContain(ADVISER);
    expect(buttons(update.params.blocks).map((b) => b.action_id)).toEqual(['case_resolve']);
    expect(
      standin
        .ok('chat.postMessage')
        .some((c) => c.params.thread_ts === ts && String(c.params.text).includes(`<@${ADVISER}>`)),
    ).toBe(true);

    const reply = eventBody(
      message({
        user: ADVISER,
        channel: ADVISER_CHANNEL,
        text: 'Kontakt CFCS før I indgår aftalen.',
        thread_ts: postTs,
      }),
    );
    await send(bot, reply.body);
    expect((await bot.waitHandled((x) => x.id === reply.eventId)).outcome).toBe('relayed');
    expect(
      standin
        .ok('chat.postMessage')
        .some((c) => c.params.thread_ts === ts && String(c.params.text).includes('Kontakt CFCS før')),
    ).toBe(true);

    // the asker's reply in their thread reaches the case thread too
    const askerReply = eventBody(
      message({ user: 'U0ASKER', text: 'Tak! Aftalen er fra 2019.', thread_ts: ts }),
    );
    await send(bot, askerReply.body);
    await bot.waitHandled((x) => x.id === askerReply.eventId);
    await standin.waitFor(
      (calls) =>
        calls.some((c) => c.ok && c.params.channel === ADVISER_CHANNEL && c.params.thread_ts === postTs),
      'asker relayed',
    );

    // restart between escalation and resolution
    await bot.stop();
    bot = await startBot(standin, { dataDir });
    expect(bot.store.getCase(caseId)).toMatchObject({
      status: 'claimed',
      claimed_by: ADVISER,
      adviser_ts: postTs,
    });

    const resolve = await click('case_resolve', String(caseId), ADVISER, ADVISER_CHANNEL, postTs);
    expect(resolve.h.outcome).toBe('resolved');
    expect(
      standin
        .ok('chat.postMessage')
        .some(
          (c) =>
            c.params.thread_ts === ts &&
            String(c.params.text).includes(`#${caseId}`) &&
            String(c.params.text).match(/afsluttet|closed/),
        ),
    ).toBe(true);
    const lastUpdate = standin
      .ok('chat.update')
      .filter((c) => c.params.ts === postTs)
      .at(-1)!;
    expect(buttons(lastUpdate.params.blocks)).toEqual([]);
    expect(bot.store.caseEvents(caseId).map((e) => e.kind)).toEqual([
      'opened',
      'posted',
      'claimed',
      'relayed',
      'asker_message',
      'resolved',
    ]);

    const again = await click('case_resolve', String(caseId), ADVISER, ADVISER_CHANNEL, postTs);
    expect(again.h.outcome).toBe('already_resolved');
  });

  it('opens a case by itself when the answer requires escalation', async () => {
    const n = standin.ok('chat.postMessage').filter((c) => c.params.channel === ADVISER_CHANNEL).length;
    const { ts, answerId } = await ask('Jeg vil gerne tale med en rådgiver hos CFCS om vores aftale.');
    const required = bot.store.getAnswer(answerId)!.answer.escalation === 'required';
    const c = bot.store.activeCaseForThread('C0GENERAL', ts);
    expect(c !== undefined).toBe(required);
    expect(standin.ok('chat.postMessage').filter((x) => x.params.channel === ADVISER_CHANNEL).length).toBe(
      n + (required ? 1 : 0),
    );
  });
});

describe('private answers and long quotes', () => {
  it('escalates a private (slash command) answer: the case is posted and the person is told in their DM', async () => {
    const n = responses().length;
    const { body, contentType } = slashCommand({
      text: 'Må vi beholde vores aftale med en kinesisk leverandør?',
      user: 'U0PRIVATE',
      responseUrl: standin.responseUrl('private'),
    });
    await send(bot, body, { contentType });
    await standin.waitFor(() => responses().length > n, 'private answer');
    const answerId = buttons(responses()[n]!.params.blocks)[0]!.value;
    const { h } = await click('escalate', answerId, 'U0PRIVATE', 'C0GENERAL', nextTs());
    expect(h.outcome).toMatch(/^case_\d+$/);
    const caseId = Number(h.outcome.slice(5));
    expect(bot.store.getCase(caseId)).toMatchObject({ asker: 'U0PRIVATE', status: 'open' });
    expect(
      standin
        .ok('chat.postMessage')
        .some((c) => c.params.channel === 'U0PRIVATE' && String(c.params.text).includes(`#${caseId}`)),
    ).toBe(true);
  });

  it('shows the whole of a folded quote on request', async () => {
    const { ts, answerId } = await ask('Hvad siger § 2 om leverandørens forhold?');
    const stored = bot.store.getAnswer(answerId)!;
    const long = 'Ved vurderingen lægges vægt på leverandørens forhold. '.repeat(40);
    bot.store.recordAnswer({
      id: 'a_longquote',
      channel: 'C0GENERAL',
      threadTs: ts,
      user: 'U0ASKER',
      question: 'q',
      answer: {
        ...stored.answer,
        citations: [{ source: 'lov-1156-2021', ref: '§ 2, stk. 2, nr. 1', quote: long }],
      },
    });
    const n = responses().length;
    const { h } = await click('quote_expand', 'a_longquote|0', 'U0ASKER', 'C0GENERAL', ts);
    expect(h.outcome).toBe('shown');
    await standin.waitFor(() => responses().length > n, 'full quote');
    expect(allText(responses()[n]!.params.blocks)).toContain(long.trim().slice(-60));
  });
});

describe('App Home', () => {
  it('publishes what the bot does, examples and the person’s open cases', async () => {
    const { ts, answerId } = await ask('Er vi omfattet som radiostation?', 'U0HOME');
    await click('escalate', answerId, 'U0HOME', 'C0GENERAL', ts);
    const caseId = bot.store.activeCaseForThread('C0GENERAL', ts)!.id;
    const { body, eventId } = eventBody({
      type: 'app_home_opened',
      user: 'U0HOME',
      channel: 'D0HOME',
      tab: 'home',
      event_ts: nextTs(),
    });
    await send(bot, body);
    expect((await bot.waitHandled((h) => h.id === eventId)).outcome).toBe('published');
    const pub = standin.ok('views.publish').at(-1)!;
    expect(pub.params.user_id).toBe('U0HOME');
    const view = pub.params.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const text = allText(view.blocks);
    expect(text).toContain('Eksempler / Examples');
    expect(text).toContain(`#${caseId}`);
  });
});

describe('without an adviser channel', () => {
  it('tells the person how to reach CFCS directly', async () => {
    await bot.stop();
    bot = await startBot(standin, { dataDir, adviserChannel: null });
    const { ts, answerId } = await ask('Can I talk to a human about our supplier?');
    const { h } = await click('escalate', answerId, 'U0ASKER', 'C0GENERAL', ts);
    expect(h.outcome).toBe('no_adviser');
    expect(
      standin
        .ok('chat.postMessage')
        .some((c) => c.params.thread_ts === ts && String(c.params.text).includes('cfcs.dk')),
    ).toBe(true);
  });
});
