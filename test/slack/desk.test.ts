/**
 * The adviser desk in App Home, as Slack drives it: signed `app_home_opened` events and block actions from
 * the Home tab against the Web API stand-in, on a known history (test/desk/seed.ts). Members of the adviser
 * channel see the open cases oldest first with age, asker and verdict and buttons to claim and open the
 * thread, their own cases, and the figures as a table block and as the chart (uploaded, shown as a
 * slack_file image); others see App Home as before. Claiming from the desk claims the case and publishes
 * the desk again; the period can be chosen; a workspace that refuses the table gets the figures as text;
 * an unclaimed case is announced again in the adviser channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDesk } from '../desk/seed.js';
import {
  ADVISER_CHANNEL,
  blockAction,
  blocksOf,
  eventBody,
  interactivity,
  nextTs,
  type RunningBot,
  send,
  startBot,
  tempDataDir,
} from './harness.js';
import { SlackStandin, TEAM } from './standin.js';

let standin: SlackStandin;
let bot: RunningBot;
let cases: number[];
const ADVISER = 'U0ADVISER';

beforeAll(async () => {
  standin = await new SlackStandin().start();
  standin.members[ADVISER_CHANNEL] = [ADVISER, 'U0OTHERADV'];
  bot = await startBot(standin, { dataDir: tempDataDir(), env: { CASE_REMIND_MINUTES: '60' } });
  cases = seedDesk(bot.store).cases;
});
afterAll(async () => {
  await bot?.stop();
  await standin?.stop();
});

async function openHome(user: string, privateMetadata?: string) {
  const { body, eventId } = eventBody({
    type: 'app_home_opened',
    user,
    channel: `D${user.slice(1)}`,
    tab: 'home',
    event_ts: nextTs(),
    ...(privateMetadata ? { view: { type: 'home', private_metadata: privateMetadata } } : {}),
  });
  const n = standin.ok('views.publish').length;
  await send(bot, body);
  const h = await bot.waitHandled((x) => x.id === eventId);
  const view = standin.ok('views.publish').slice(n).at(-1)?.params.view as
    | { blocks: unknown; private_metadata?: string }
    | undefined;
  return { h, view, blocks: blocksOf(view?.blocks) };
}

/** A click in the Home tab: no channel, no response_url; the view it came from. */
function homeClick(user: string, action: Record<string, unknown>, period = 30) {
  return interactivity({
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    container: { type: 'view', view_id: 'V0HOME' },
    trigger_id: `${Date.now()}.trigger`,
    team: { id: TEAM, domain: 'example' },
    view: { id: 'V0HOME', type: 'home', private_metadata: JSON.stringify({ period }), blocks: [] },
    actions: [{ block_id: 'b', action_ts: `${Date.now() / 1000}`, ...action }],
  });
}

const textOf = (blocks: ReturnType<typeof blocksOf>) => JSON.stringify(blocks);

describe('the adviser desk', () => {
  it('shows an adviser the open cases oldest first, their own, and the figures as table and chart', async () => {
    const { h, blocks, view } = await openHome(ADVISER);
    expect(h.outcome).toBe('published_desk');
    expect(JSON.parse(view!.private_metadata!)).toEqual({ period: 30 });
    const all = textOf(blocks);
    expect(all).toContain('Rådgiverskranke / Adviser desk');
    // open cases: #4 (9 November) before #5 (12 November), each with age, asker and verdict, claim and thread
    const openIds = blocks.filter((b) => b.block_id?.startsWith('desk_open_')).map((b) => b.block_id);
    expect(openIds).toEqual([`desk_open_${cases[3]}`, `desk_open_${cases[4]}`]);
    const first = blocks[blocks.findIndex((b) => b.block_id === `desk_open_${cases[3]}`) - 1]!;
    expect(first.text!.text).toMatch(
      new RegExp(
        `^\\*#${cases[3]}\\* · \\d+ dage / days · <@U0VENTER> · _Flere oplysninger er nødvendige / More facts are needed_`,
      ),
    );
    const buttons = blocks.find((b) => b.block_id === `desk_open_${cases[3]}`)!.elements!;
    expect(buttons.map((e) => e.action_id)).toEqual(['case_claim', 'desk_open_thread']);
    expect(buttons[1]!.url).toMatch(/^https:\/\/example\.slack\.com\/archives\/C0GENERAL\/p/);
    // my cases: the one claimed by this adviser, with a button to close it
    const mine = blocks.filter((b) => b.block_id?.startsWith('desk_mine_'));
    expect(mine.map((b) => b.block_id)).toEqual([`desk_mine_${cases[1]}`]);
    expect(mine[0]!.elements![0]!.action_id).toBe('case_resolve');
    // the figures: a table block…
    const table = blocks.find((b) => b.type === 'table')!;
    const rows = table.rows!.map((r) => r.map((c) => c.text));
    expect(rows[0]).toEqual(['Tal / Figure', 'Antal / Value']);
    expect(rows).toContainEqual(['Spørgsmål besvaret / Questions answered', '11']);
    expect(rows).toContainEqual(['Sager oprettet / Cases opened', '5']);
    expect(rows).toContainEqual(['Median tid til at tage / Median time to claim', '2,0 timer / hours']);
    expect(rows).toContainEqual(['Median tid til at afslutte / Median time to close', '15,0 timer / hours']);
    expect(rows).toContainEqual(['👎 Ikke hjælpsomt / Not helpful', '3']);
    expect(rows).toContainEqual(['👎 Årsag / Reason: Der mangler en kilde / A source is missing', '1']);
    expect(rows).toContainEqual(['„Er vi omfattet af loven?“', '3 × flere oplysninger / needs facts']);
    // …and the chart, uploaded as a PNG and shown from Slack
    const image = blocks.find((b) => b.type === 'image')!;
    const file = standin.files.get(image.slack_file!.id!)!;
    expect(file.bytes!.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(image.alt_text).toMatch(/Vurderinger/);
  });

  it('is not shown to someone outside the adviser channel', async () => {
    const { h, blocks } = await openHome('U0ASKER');
    expect(h.outcome).toBe('published');
    expect(textOf(blocks)).not.toContain('Rådgiverskranke');
    expect(blocks.some((b) => b.type === 'table')).toBe(false);
  });

  it('claims a case from the desk, tells the asker, and publishes the desk again', async () => {
    const n = standin.ok('views.publish').length;
    const { body, contentType } = homeClick(ADVISER, {
      type: 'button',
      action_id: 'case_claim',
      value: String(cases[3]),
      text: { type: 'plain_text', text: 'x' },
    });
    expect((await send(bot, body, { contentType })).status).toBe(200);
    const h = await bot.waitHandled((x) => x.id === 'case_claim');
    expect(h.outcome).toBe('claimed');
    expect(bot.store.getCase(cases[3]!)).toMatchObject({ status: 'claimed', claimed_by: ADVISER });
    const c = bot.store.getCase(cases[3]!)!;
    expect(
      standin
        .ok('chat.postMessage')
        .some((m) => m.params.thread_ts === c.thread_ts && String(m.params.text).includes(ADVISER)),
    ).toBe(true);
    const again = blocksOf(
      (standin.ok('views.publish').slice(n).at(-1)!.params.view as { blocks: unknown }).blocks,
    );
    // oldest first: #4 was opened on 9 November, #2 on 11 November
    expect(again.filter((b) => b.block_id?.startsWith('desk_mine_')).map((b) => b.block_id)).toEqual([
      `desk_mine_${cases[3]}`,
      `desk_mine_${cases[1]}`,
    ]);
    expect(again.filter((b) => b.block_id?.startsWith('desk_open_')).map((b) => b.block_id)).toEqual([
      `desk_open_${cases[4]}`,
    ]);
  });

  it('shows the figures of the period chosen, and keeps it', async () => {
    const n = standin.ok('views.publish').length;
    const { body, contentType } = homeClick(ADVISER, {
      type: 'static_select',
      action_id: 'desk_period',
      selected_option: { value: '7', text: { type: 'plain_text', text: '7' } },
    });
    await send(bot, body, { contentType });
    expect((await bot.waitHandled((x) => x.id === 'desk_period')).outcome).toBe('published_desk');
    const view = standin.ok('views.publish').slice(n).at(-1)!.params.view as {
      blocks: unknown;
      private_metadata: string;
    };
    expect(JSON.parse(view.private_metadata)).toEqual({ period: 7 });
    const rows = blocksOf(view.blocks)
      .find((b) => b.type === 'table')!
      .rows!.map((r) => r.map((c) => c.text));
    // 16–22 November: none of the seeded questions
    expect(rows).toContainEqual(['Spørgsmål besvaret / Questions answered', '0']);
    // the next opening of the Home tab keeps the period
    const reopened = await openHome(ADVISER, view.private_metadata);
    expect(reopened.blocks.find((b) => b.block_id === 'desk_period')).toBeDefined();
    expect(JSON.parse(reopened.view!.private_metadata!)).toEqual({ period: 7 });

    // a period that is not offered is refused, the desk unchanged
    const bad = homeClick(ADVISER, {
      type: 'static_select',
      action_id: 'desk_period',
      selected_option: { value: '3' },
    });
    const before = bot.handled.length;
    await send(bot, bad.body, { contentType: bad.contentType });
    expect(
      (await bot.waitHandled((x) => x.id === 'desk_period' && bot.handled.indexOf(x) >= before)).outcome,
    ).toBe('invalid');
  });

  it('falls back to the figures as text where Slack refuses the table block', async () => {
    standin.refusedBlockTypes.add('table');
    try {
      const { h, blocks } = await openHome(ADVISER);
      expect(h.outcome).toBe('published_desk_text');
      expect(blocks.some((b) => b.type === 'table')).toBe(false);
      expect(textOf(blocks)).toContain('Spørgsmål besvaret / Questions answered: *11*');
    } finally {
      standin.refusedBlockTypes.delete('table');
    }
  });
});

describe('reminders of unclaimed cases', () => {
  it('announce an open case again in the adviser channel once per period; its button claims it', async () => {
    const noon = Date.parse('2026-11-22T12:00:00Z');
    const n = standin.ok('chat.postMessage').length;
    expect(await bot.reminders.run(noon)).toBe(1);
    const reminder = standin
      .ok('chat.postMessage')
      .slice(n)
      .find((c) => c.params.channel === ADVISER_CHANNEL)!;
    expect(String(reminder.params.text)).toMatch(new RegExp(`Sag #${cases[4]} venter stadig på en rådgiver`));
    expect(String(reminder.params.text)).toContain('<@U0ROUTER>');
    const claim = blocksOf(reminder.params.blocks)
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'case_claim')!;
    expect(bot.store.caseEvents(cases[4]!).map((e) => e.kind)).toContain('reminded');
    // not again within the period; again after it
    expect(await bot.reminders.run(noon + 30 * 60_000)).toBe(0);
    expect(await bot.reminders.run(noon + 61 * 60_000)).toBe(1);

    const { body, contentType } = blockAction({
      actionId: 'case_claim',
      value: claim.value!,
      user: 'U0OTHERADV',
      channel: ADVISER_CHANNEL,
      messageTs: nextTs(),
      responseUrl: standin.responseUrl('claim-reminder'),
    });
    const before = bot.handled.length;
    await send(bot, body, { contentType });
    const h = await bot.waitHandled((x) => x.id === 'case_claim' && bot.handled.indexOf(x) >= before);
    expect(h.outcome).toBe('claimed');
    expect(bot.store.getCase(cases[4]!)!.claimed_by).toBe('U0OTHERADV');
    expect(await bot.reminders.run(noon + 48 * 3_600_000)).toBe(0);
  });
});
