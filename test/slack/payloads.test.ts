/**
 * Payloads of the wrong shape (signed, so they reach the listeners): each gets a clear refusal where Slack
 * lets one be shown (the slash command's ack, a private reply to a click, the modal's error) and never
 * throws inside a listener; the bot answers real questions afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockAction,
  eventBody,
  interactivity,
  mention,
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

beforeAll(async () => {
  standin = await new SlackStandin().start();
  standin.members.C0ADVISE = ['U0ADVISER'];
  bot = await startBot(standin, { dataDir: tempDataDir() });
});
afterAll(async () => {
  await bot?.stop();
  await standin?.stop();
});

const thrown = () => bot.logs.filter((l) => l.includes('unhandled error in a listener'));

/** A block action whose payload is edited after it is built. */
function editedAction(actionId: string, edit: (p: Record<string, unknown>) => void, responseUrl: string) {
  const { body } = blockAction({
    actionId,
    value: 'x',
    user: 'U0ADVISER',
    channel: 'C0GENERAL',
    messageTs: '1700000000.000100',
    responseUrl,
  });
  const payload = JSON.parse(new URLSearchParams(body).get('payload')!) as Record<string, unknown>;
  edit(payload);
  return interactivity(payload);
}

describe('payloads of the wrong shape', () => {
  it('a slash command without a response_url is refused in the ack, naming the field', async () => {
    const { body, contentType } = slashCommand({ text: 'Er vi omfattet?', responseUrl: 'not a url' });
    const res = await send(bot, body, { contentType });
    expect(res.status).toBe(200);
    expect(res.body).toContain('response_url');
    expect(res.body).toMatch(/kunne ikke læse anmodningen/);
    await bot.waitHandled((h) => h.kind === 'command' && h.outcome === 'invalid');
  });

  it('button values of the wrong type get a private "could not read" reply, and change nothing', async () => {
    for (const [actionId, value] of [
      ['case_claim', 'abc'],
      ['case_resolve', -1],
      ['feedback_helpful', 42],
      ['escalate', { id: 'a' }],
      ['quote_expand', 'no-separator'],
    ] as const) {
      const rid = `bad-${actionId}`;
      const { body, contentType } = editedAction(
        actionId,
        (p) => {
          (p.actions as Record<string, unknown>[])[0]!.value = value;
        },
        standin.responseUrl(rid),
      );
      const before = bot.handled.length;
      expect((await send(bot, body, { contentType })).status).toBe(200);
      const h = await bot.waitHandled((x) => x.id === actionId && bot.handled.indexOf(x) >= before);
      expect(h.outcome, actionId).toBe('invalid');
      const reply = standin.ok('response_url').find((c) => c.path === `/response/${rid}`);
      expect(String(reply?.params.text ?? ''), actionId).toMatch(
        /kunne ikke læse anmodningen fra Slack \(actions\.value/,
      );
    }
    expect(bot.store.db.prepare('SELECT COUNT(*) AS n FROM cases').get()).toEqual({ n: 0 });
    expect(bot.store.db.prepare('SELECT COUNT(*) AS n FROM feedback').get()).toEqual({ n: 0 });
  });

  it('a click whose user is not an object is refused at the door with 400 naming the field', async () => {
    const { body, contentType } = editedAction(
      'feedback_not_helpful',
      (p) => {
        p.user = 'U0NOTANOBJECT';
      },
      standin.responseUrl('bad-user'),
    );
    const res = await send(bot, body, { contentType });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: 'invalid_envelope', field: 'user' });
    expect(bot.logs.some((l) => l.includes('"field":"user"'))).toBe(true);
  });

  it('a modal submission without state gets an error on the form instead of closing silently', async () => {
    const { body } = viewSubmission({ values: {}, meta: '{"lang":"da"}' });
    const payload = JSON.parse(new URLSearchParams(body).get('payload')!) as {
      view: Record<string, unknown>;
    };
    delete payload.view.state;
    const { body: b2, contentType } = interactivity(payload as unknown as Record<string, unknown>);
    const res = await send(bot, b2, { contentType });
    expect(res.status).toBe(200);
    const ack = JSON.parse(res.body) as { response_action: string; errors: Record<string, string> };
    expect(ack.response_action).toBe('errors');
    expect(Object.values(ack.errors).join(' ')).toContain('view.state');
  });

  it('events with fields of the wrong type are ignored, not thrown, and real questions are still answered', async () => {
    const bad = [
      { type: 'app_mention', channel: { id: 42 }, user: 'U0ASKER', text: 'hej', ts: '1700000000.000200' },
      { type: 'app_mention', channel: 'C0GENERAL', user: 'U0ASKER', text: { t: 1 }, ts: '1700000000.000300' },
      { type: 'app_home_opened', user: ['U0ASKER'], tab: 'home' },
      { type: 'message', channel: 'D0DM', channel_type: 'im', user: 'U0ASKER', text: 7, ts: '1' },
    ];
    const statuses: number[] = [];
    for (const ev of bad) {
      const { body, eventId } = eventBody(ev as never);
      const status = (await send(bot, body)).status;
      statuses.push(status);
      // refused at the door (a field Bolt itself reads while routing) or acked and ignored by the listener
      if (status === 200) {
        const h = await bot.waitHandled((x) => x.id === eventId);
        expect(['invalid', 'ignored']).toContain(h.outcome);
      }
    }
    expect(statuses).toEqual([200, 200, 400, 200]);
    const ev = mention({ text: 'Er en hjemmerouter en kritisk netværkskomponent?' });
    const { body, eventId } = eventBody(ev);
    await send(bot, body);
    expect((await bot.waitHandled((h) => h.id === eventId)).outcome).toBe('answered');
    expect(thrown()).toEqual([]);
  });
});
