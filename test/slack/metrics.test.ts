/**
 * `GET /metrics`, scraped as Prometheus would: after a known load (new questions, Slack's retries of some,
 * an escalation, a correction through the form), every counter says what was sent, and the latency
 * histograms counted each event, answer and store call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventBody,
  get,
  mention,
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

/** The samples of an exposition, by name and labels: `name{a="x",b="y"}` → value. */
function parse(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (m) out.set(`${m[1]}${m[2] ?? ''}`, Number(m[3]));
  }
  return out;
}

/** The sum over every label set of a metric. */
const total = (m: Map<string, number>, name: string) =>
  [...m].filter(([k]) => k === name || k.startsWith(`${name}{`)).reduce((n, [, v]) => n + v, 0);

const QUESTIONS = [
  'Vi er en dansk internetudbyder med 72.000 slutbrugere. Er vi omfattet?',
  'We run a mobile network in Denmark with 40,000 end users. Are we covered?',
  'Is a home router a critical network component?',
  'Hvornår træder loven i kraft?',
];

describe('GET /metrics', () => {
  it('counts what was sent: events, retries, answers by verdict and topic, escalations, corrections, latencies', async () => {
    const before = parse((await get(bot, '/metrics')).body);
    expect(total(before, 'advisor_events_received_total')).toBe(0);

    const sent: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { body, eventId } = eventBody(
        mention({ text: QUESTIONS[i % QUESTIONS.length]!, user: `U0M${i}` }),
      );
      expect((await send(bot, body)).status).toBe(200);
      sent.push(eventId);
      // Slack retries a third of them
      if (i % 3 === 0) expect((await send(bot, body, { retryNum: 1 })).status).toBe(200);
    }
    const esc = eventBody(mention({ text: 'Jeg vil gerne tale med en rådgiver hos CFCS om vores aftale.' }));
    await send(bot, esc.body);
    sent.push(esc.eventId);
    for (const id of sent) await bot.waitHandled((h) => h.id === id, id);

    // a correction through the coverage form, of the first answer
    const stored = bot.store.answerForEvent(sent[0]!)!;
    const answerId = stored.id;
    const form = viewSubmission({
      user: 'U0M0',
      values: { end_users: '30000' },
      selects: { organisation_type: 'telecom_provider', territory: 'DK' },
      meta: JSON.stringify({
        lang: 'da',
        channel: stored.channel,
        threadTs: stored.thread_ts,
        answerId: answerId!,
      }),
    });
    expect((await send(bot, form.body, { contentType: form.contentType })).status).toBe(200);
    await bot.waitHandled((h) => h.kind === 'view', 'the correction');

    const res = await get(bot, '/metrics');
    expect(res.status).toBe(200);
    const m = parse(res.body);
    // 13 events, 4 of them delivered twice
    expect(m.get('advisor_events_received_total{kind="app_mention"}')).toBe(17);
    expect(m.get('advisor_events_acked_total{outcome="new"}')).toBe(13);
    expect(m.get('advisor_events_acked_total{outcome="known"}')).toBe(4);
    expect(m.get('advisor_ack_seconds_count')).toBe(17);
    // every event answered once; by verdict and topic as the store recorded them
    expect(total(m, 'advisor_answers_total')).toBe(13);
    const byLabel = new Map<string, number>();
    for (const id of sent) {
      const a = bot.store.answerForEvent(id)!.answer;
      const k = `advisor_answers_total{verdict="${a.verdict}",topic="${a.topic}"}`;
      byLabel.set(k, (byLabel.get(k) ?? 0) + 1);
    }
    for (const [k, n] of byLabel) expect(m.get(k), k).toBe(n);
    const required = bot.store.answerForEvent(esc.eventId)!.answer.escalation === 'required';
    expect(total(m, 'advisor_escalations_total')).toBe(required ? 1 : 0);
    expect(total(m, 'advisor_corrections_total')).toBe(1);
    expect(total(m, 'advisor_errors_total')).toBe(0);
    // the pipeline ran for each new question at least (the cache serves repeats), the store was timed
    expect(m.get('advisor_pipeline_seconds_count')).toBeGreaterThanOrEqual(QUESTIONS.length);
    expect(m.get('advisor_store_seconds_count{op="isHandled",engine="sqlite"}')).toBeGreaterThanOrEqual(13);
    expect(res.body).toContain('# TYPE advisor_ack_seconds histogram');
  });

  it('serves /readyz beside /healthz with what readiness rests on', async () => {
    const r = JSON.parse((await get(bot, '/readyz')).body) as Record<string, unknown>;
    expect(r).toMatchObject({ ok: true, ready: true, store: 'ok', knowledge: 'loaded' });
  });
});
