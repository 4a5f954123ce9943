/**
 * Fuzzing the Slack side: events, slash commands, block actions and view submissions with missing fields,
 * wrong types, huge strings, control characters and odd Unicode, SIGNED (so they pass the signature check
 * and reach the listeners), sent to the running app over HTTP on 127.0.0.1. Nothing crashes the process,
 * every request gets an answer (an ack or a clear refusal, never a hang), the bot keeps answering real
 * questions afterwards, no stack trace reaches the log, and message text never appears in the info log.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventBody,
  get,
  interactivity,
  mention,
  nextEventId,
  type RunningBot,
  send,
  startBot,
  tempDataDir,
} from '../slack/harness.js';
import { BOT_USER, SlackStandin, TEAM } from '../slack/standin.js';
import { hostileText, RUNS } from './arbitraries.js';

let standin: SlackStandin;
let bot: RunningBot;
const unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => unhandled.push(e);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  standin = await new SlackStandin().start();
  standin.members.C0ADVISE = ['U0ADVISER'];
  bot = await startBot(standin, { dataDir: tempDataDir() });
});
afterAll(async () => {
  await bot?.stop();
  await standin?.stop();
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
});

/** A marker put into every fuzzed text: it must never show up in the log at info level. */
const MARK = 'Zq7MarkerXv';
const text = hostileText.map((t) => `${MARK} ${t}`);
const huge = fc.constantFrom(
  'x'.repeat(5_000),
  `${MARK} ${'æ'.repeat(40_000)}`,
  '\u0000'.repeat(10_000),
  '🇩🇰'.repeat(3_000),
);
const weird = fc.oneof(
  text,
  huge,
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
  fc.jsonValue({ maxDepth: 2 }),
);
const idLike = fc.oneof(
  fc.constantFrom(
    'C0GENERAL',
    'C0ADVISE',
    'D0DM',
    'U0ASKER',
    'U0ADVISER',
    BOT_USER,
    '',
    '1700000000.000100',
    'not-a-ts',
  ),
  weird,
);

/** Sets some keys of a valid-looking object to weird values and drops others. */
function mangle(base: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(base);
  return fc
    .record({
      drop: fc.subarray(keys, { maxLength: 3 }),
      change: fc.dictionary(fc.constantFrom(...keys), weird, { maxKeys: 3 }),
      extra: fc.dictionary(fc.string({ maxLength: 8 }), weird, { maxKeys: 2 }),
    })
    .map(({ drop, change, extra }) => {
      const o: Record<string, unknown> = { ...base, ...extra, ...change };
      for (const k of drop) delete o[k];
      return o;
    });
}

const event: fc.Arbitrary<string> = fc
  .record({
    type: fc.oneof(fc.constantFrom('app_mention', 'message', 'app_home_opened', 'reaction_added'), weird),
    user: idLike,
    text: fc.oneof(text, weird),
    ts: idLike,
    thread_ts: fc.option(idLike, { nil: undefined }),
    channel: idLike,
    channel_type: fc.option(fc.oneof(fc.constantFrom('im', 'channel', 'group'), weird), { nil: undefined }),
    subtype: fc.option(fc.oneof(fc.constantFrom('message_changed', 'bot_message', 'channel_join'), weird), {
      nil: undefined,
    }),
    bot_id: fc.option(idLike, { nil: undefined }),
    tab: fc.option(fc.oneof(fc.constantFrom('home', 'messages'), weird), { nil: undefined }),
  })
  .chain((e) => mangle(e as Record<string, unknown>))
  .chain((e) =>
    mangle({
      token: 'legacy',
      team_id: TEAM,
      api_app_id: 'A0APP',
      type: 'event_callback',
      event_id: nextEventId(),
      event_time: 1_700_000_000,
      authorizations: [{ team_id: TEAM, user_id: BOT_USER, is_bot: true }],
      event: e,
    }),
  )
  .map((b) => JSON.stringify(b));

const command: fc.Arbitrary<string> = fc
  .record({
    token: fc.constant('legacy'),
    team_id: fc.constant(TEAM),
    channel_id: idLike,
    user_id: idLike,
    command: fc.oneof(fc.constantFrom('/leverandor', '/other'), weird),
    text: fc.oneof(text, fc.constantFrom('tjek', 'check', 'hjælp', 'help', '', '   '), huge),
    response_url: fc.oneof(fc.constant('RESPONSE'), fc.constantFrom('', 'not a url', 'http://127.0.0.1:1/x')),
    trigger_id: fc.oneof(fc.constant('1.trigger'), weird),
  })
  .chain((c) => mangle(c as Record<string, unknown>))
  .map((c) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(c)) {
      const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
      params.set(k, s === 'RESPONSE' ? standin.responseUrl('fuzz') : s);
    }
    return params.toString();
  });

const action: fc.Arbitrary<string> = fc
  .record({
    action_id: fc.oneof(
      fc.constantFrom(
        'escalate',
        'feedback_helpful',
        'feedback_not_helpful',
        'case_claim',
        'case_resolve',
        'quote_expand',
      ),
      weird,
    ),
    value: fc.oneof(fc.constantFrom('a_missing', '1', '0', '-1', '99999999999999999999', ''), weird),
    user: fc.oneof(fc.record({ id: idLike }), weird),
    container: fc.oneof(
      fc.record({ type: fc.constant('message'), message_ts: idLike, channel_id: idLike }),
      weird,
    ),
    channel: fc.oneof(fc.record({ id: idLike }), weird),
    message: fc.oneof(fc.record({ ts: idLike, thread_ts: fc.option(idLike, { nil: undefined }) }), weird),
    response_url: fc.oneof(fc.constant('RESPONSE'), weird),
  })
  .chain((a) =>
    mangle({
      type: 'block_actions',
      team: { id: TEAM, domain: 'example' },
      api_app_id: 'A0APP',
      token: 'legacy',
      trigger_id: '1.trigger',
      user: a.user,
      container: a.container,
      channel: a.channel,
      message: a.message,
      response_url: a.response_url === 'RESPONSE' ? standin.responseUrl('fuzz') : a.response_url,
      actions: [{ type: 'button', action_id: a.action_id, block_id: 'b1', value: a.value, action_ts: '1.1' }],
    }),
  )
  .map((p) => interactivity(p).body);

const FIELDS = [
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
];
const view: fc.Arbitrary<string> = fc
  .record({
    callback_id: fc.oneof(fc.constant('coverage_check'), weird),
    meta: fc.oneof(
      fc.constantFrom(
        '{"lang":"da"}',
        '{"lang":"en","channel":"C0GENERAL"}',
        '{"lang":"xx"}',
        'not json',
        '',
      ),
      weird,
    ),
    values: fc.dictionary(
      fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 6 })),
      fc.oneof(
        fc.record({
          value: fc.record({ type: fc.constant('plain_text_input'), value: fc.oneof(text, weird, huge) }),
        }),
        fc.record({
          value: fc.record({
            type: fc.constant('static_select'),
            selected_option: fc.oneof(fc.record({ value: fc.oneof(text, weird) }), weird),
          }),
        }),
        weird,
      ),
      { maxKeys: 8 },
    ),
  })
  .chain((v) =>
    mangle({
      type: 'view_submission',
      team: { id: TEAM, domain: 'example' },
      user: { id: 'U0ASKER', team_id: TEAM },
      api_app_id: 'A0APP',
      token: 'legacy',
      trigger_id: '1.trigger',
      view: {
        id: 'V0',
        type: 'modal',
        callback_id: v.callback_id,
        private_metadata: v.meta,
        state: { values: v.values },
      },
    }),
  )
  .map((p) => interactivity(p).body);

const wellFormed = (t: string) => t.replace(/[\ud800-\udfff]/g, '\ufffd');

/** Bodies that are not what their content type says. */
const garbage: fc.Arbitrary<{ body: string; contentType: string }> = fc.oneof(
  text.map((t) => ({ body: t, contentType: 'application/json' })),
  text.map((t) => ({
    body: `payload=${encodeURIComponent(wellFormed(t))}`,
    contentType: 'application/x-www-form-urlencoded',
  })),
  fc.jsonValue().map((v) => ({ body: JSON.stringify(v), contentType: 'application/json' })),
  fc.jsonValue().map((v) => ({
    body: `payload=${encodeURIComponent(wellFormed(JSON.stringify(v)))}`,
    contentType: 'application/x-www-form-urlencoded',
  })),
  text.map((t) => ({ body: t, contentType: 'text/plain' })),
  // bodies that are JSON but not an object (these once ended the process; see crash.test.ts)
  fc
    .constantFrom('null', '0', '"x"', '[]', 'true')
    .chain((v) =>
      fc.constantFrom(
        { body: v, contentType: 'application/json' },
        { body: `payload=${encodeURIComponent(v)}`, contentType: 'application/x-www-form-urlencoded' },
      ),
    ),
);

const FORM = 'application/x-www-form-urlencoded';
/**
 * HTTP statuses that are an answer: 200 (acked), 400 (body unreadable, not a JSON object, or an envelope Bolt
 * would trip over: bot/slack/receiver.ts), 401, 404 (Bolt could not tell what the request is, so no listener
 * acked it; the receiver answers 404). Not 500: nothing fails inside Bolt any more.
 */
const ANSWERED = [200, 400, 401, 404];
const statusCount = new Map<number, number>();

/** Sends all bodies at once (Bolt holds unrecognised requests for 3 s) and checks every answer. */
async function sendAll(bodies: { body: string; contentType: string }[]): Promise<void> {
  const results = await Promise.all(bodies.map((b) => send(bot, b.body, { contentType: b.contentType })));
  results.forEach((res, i) => {
    statusCount.set(res.status, (statusCount.get(res.status) ?? 0) + 1);
    const what = `status ${res.status} for ${bodies[i]!.body.slice(0, 300)}`;
    expect(ANSWERED, what).toContain(res.status);
    expect(res.body, what).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
}

/** One batch of RUNS payloads, sent concurrently; on failure fast-check reports the seed to replay it. */
const batch = (arb: fc.Arbitrary<{ body: string; contentType: string }>) =>
  fc.assert(fc.asyncProperty(fc.array(arb, { minLength: RUNS, maxLength: RUNS }), sendAll), {
    numRuns: 1,
    endOnFailure: true,
  });
const json = (a: fc.Arbitrary<string>) => a.map((body) => ({ body, contentType: 'application/json' }));
const form = (a: fc.Arbitrary<string>) => a.map((body) => ({ body, contentType: FORM }));

const LIMIT = 30_000 + RUNS * 200;

describe('hostile Slack payloads, signed, against the running app', () => {
  it.concurrent('events', () => batch(json(event)), LIMIT);
  it.concurrent('slash commands', () => batch(form(command)), LIMIT);
  it.concurrent('block actions', () => batch(form(action)), LIMIT);
  it.concurrent('view submissions', () => batch(form(view)), LIMIT);
  it.concurrent('bodies that are not what they claim to be', () => batch(garbage), LIMIT);

  it('afterwards the app is up, answers a real question, logged no stack trace and no message text at info', async () => {
    // let the listeners of the fuzzed requests finish
    await new Promise((r) => setTimeout(r, 500));
    expect(unhandled.map(String)).toEqual([]);
    expect((await get(bot, '/healthz')).status).toBe(200);
    const ev = mention({ text: 'Vi er en dansk internetudbyder med 72.000 slutbrugere. Er vi omfattet?' });
    const { body, eventId } = eventBody(ev);
    expect((await send(bot, body)).status).toBe(200);
    expect((await bot.waitHandled((h) => h.id === eventId)).outcome).toBe('answered');
    expect(standin.ok('chat.postMessage').filter((c) => c.params.thread_ts === ev.ts)).toHaveLength(1);

    const lines = bot.logs.map((l) => JSON.parse(l) as { level: number; msg?: string; stack?: string });
    expect(lines.filter((l) => l.stack !== undefined || /\n\s+at .+:\d+:\d+/.test(l.msg ?? ''))).toEqual([]);
    // nothing failed inside Bolt's own routing (the guard refuses such envelopes first)
    expect(
      lines.filter((l) => l.msg === 'An unhandled error occurred while Bolt processed an event'),
    ).toEqual([]);
    // every listener parses its payload first: a payload of the wrong shape is refused, never thrown
    expect(
      lines.filter((l) => l.msg === 'unhandled error in a listener'),
      bot.logs.filter((l) => l.includes('unhandled error in a listener')).join('\n'),
    ).toEqual([]);
    // pino levels: 30 info, 40 warn, 50 error; message text is for debug only
    expect(
      bot.logs.filter((l) => l.includes(MARK) && (JSON.parse(l) as { level: number }).level <= 30),
    ).toEqual([]);
    expect([...statusCount.keys()].every((s) => ANSWERED.includes(s))).toBe(true);
    if (process.env.FUZZ_VERBOSE) {
      console.log('HTTP statuses of the fuzzed requests:', Object.fromEntries(statusCount));
      const errors = new Map<string, number>();
      for (const l of lines.filter((x) => x.level >= 50)) {
        const o = l as { msg?: string; cause?: string; error?: string };
        const k = `${o.msg} ${o.error ?? ''} ${o.cause ?? ''}`.replace(/\d+/g, 'N').slice(0, 160);
        errors.set(k, (errors.get(k) ?? 0) + 1);
      }
      console.log('error log lines:', Object.fromEntries(errors));
    }
  });
});
