/**
 * The coverage-check modal's submission: invalid input → `response_action: "errors"` on the offending
 * field; valid input → the pipeline's verdict with those facts, sent to the person in a DM.
 */
import type { App } from '@slack/bolt';
import type { FactKey, Facts } from '../../../../guardrails/facts.js';
import { recordAudit } from '../../../store/audit.js';
import { MAX_TURNS } from '../../../store/index.js';
import { correctionTurn } from '../../../understand/correction.js';
import { answerBlocks, answerFallbackText, enforceBlockLimits, textBlocks } from '../../blocks.js';
import { adviseSafely, errorCode, report, type SlackDeps, type WebClient, workspaceOf } from '../../core.js';
import { COVERAGE_CALLBACK_ID, COVERAGE_FIELDS, CoverageMeta, parseCoverage } from '../../coverage.js';
import { problem, ViewSubmission } from '../../payloads.js';
import { T } from '../../texts.js';
import { registerFeedbackView } from './feedback.js';

/**
 * A correction from "Ret oplysninger": the changed facts become a correction turn of the thread
 * (`/set …`), so they carry over to its later questions, and the question is answered again in the thread.
 */
async function answerCorrection(
  deps: SlackDeps,
  client: WebClient,
  user: string,
  meta: CoverageMeta,
  facts: Facts,
): Promise<string> {
  const channel = meta.channel!;
  const threadTs = meta.threadTs!;
  const before = await deps.store.getAnswer(meta.answerId!);
  // the answer corrected is of this workspace, or the correction is answered as the form's own
  const team = before?.team ?? '';
  const changed = Object.fromEntries(
    (Object.entries(facts) as Array<[FactKey, unknown]>).filter(
      ([k, v]) => JSON.stringify(before?.answer.facts[k]) !== JSON.stringify(v),
    ),
  ) as Facts;
  if (Object.keys(changed).length === 0) return 'unchanged';
  const question = correctionTurn(changed);
  const thread = await deps.store.threadContext(channel, threadTs, team);
  const advised = await adviseSafely(deps, {
    turns: [...thread.turns.slice(-(MAX_TURNS - 1)), question],
    asOf: deps.today(),
    priorFacts: thread.facts,
  });
  const lang = before?.answer.language ?? meta.lang;
  if (!advised.ok) {
    deps.log.error({ error: advised.error }, 'pipeline failed (correction)');
    await client.chat
      .postMessage({ channel, thread_ts: threadTs, text: T[lang].failed })
      .catch(() => undefined);
    return 'failed';
  }
  const answer = advised.answer;
  const answerId = deps.newId();
  try {
    // Recorded before it is posted, with the correction as its question: the thread keeps the order.
    await deps.store.recordAnswer({ id: answerId, channel, threadTs, user, question, answer, team });
    await client.chat.postMessage({
      channel,
      thread_ts: threadTs,
      text: `${T[lang].corrected(user)}\n${answerFallbackText(answer)}`,
      blocks: enforceBlockLimits([
        ...textBlocks(T[lang].corrected(user)),
        ...answerBlocks(answer, { answerId }),
      ]),
    });
    // The correction is recorded with the answer it changed and the one it gave.
    await recordAudit(deps.store, {
      kind: 'corrected',
      actor: user,
      channel,
      threadTs,
      answerId,
      detail: JSON.stringify({ corrects: meta.answerId, facts: changed }),
    });
    deps.log.info(
      { answer_id: answerId, corrects: meta.answerId, facts: Object.keys(changed), verdict: answer.verdict },
      'facts corrected, answered again',
    );
    deps.metrics?.corrections.inc();
    return 'corrected';
  } catch (e) {
    deps.log.error({ error: errorCode(e) }, 'corrected answer could not be sent');
    return 'failed';
  }
}

export function register(app: App, deps: SlackDeps): void {
  registerFeedbackView(app, deps);
  app.view(COVERAGE_CALLBACK_ID, async ({ ack, body: raw, client }) => {
    const done = (outcome: string) => report(deps, { kind: 'view', id: COVERAGE_CALLBACK_ID, outcome });
    const parsed = ViewSubmission.safeParse(raw);
    if (!parsed.success) {
      const field = problem(parsed.error);
      // Shown on the modal's first input: Slack only shows errors next to an input block.
      await ack({ response_action: 'errors', errors: { [COVERAGE_FIELDS[0]]: T.da.badRequest(field) } });
      deps.log.warn({ error: 'invalid_payload', field }, 'coverage check refused');
      return done('invalid');
    }
    const { view, user: who } = parsed.data;
    let meta: CoverageMeta = { lang: 'da' };
    try {
      const m = CoverageMeta.safeParse(JSON.parse(view.private_metadata || '{}'));
      if (m.success) meta = m.data;
    } catch {
      // keep the default
    }
    const result = parseCoverage(view.state.values, meta.lang);
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: result.errors as Record<string, string> });
      deps.log.info({ fields: Object.keys(result.errors) }, 'coverage check: invalid input');
      return done('errors');
    }
    await ack();
    const user = who.id;
    if (meta.answerId !== undefined && meta.channel !== undefined && meta.threadTs !== undefined)
      return done(await answerCorrection(deps, client, user, meta, result.facts));
    const question = T[meta.lang].coverageTurn;
    const advised = await adviseSafely(deps, {
      turns: [question],
      asOf: deps.today(),
      priorFacts: result.facts,
    });
    if (!advised.ok) {
      deps.log.error({ error: advised.error }, 'pipeline failed (coverage check)');
      await client.chat.postMessage({ channel: user, text: T[meta.lang].failed }).catch(() => undefined);
      return done('failed');
    }
    const answer = advised.answer;
    const answerId = deps.newId();
    try {
      const res = await client.chat.postMessage({
        channel: user,
        text: answerFallbackText(answer),
        blocks: answerBlocks(answer, { answerId }),
      });
      // The DM message starts a thread: a reply there carries these facts over.
      await deps.store.recordAnswer({
        team: workspaceOf(deps, raw),
        id: answerId,
        channel: res.channel ?? user,
        threadTs: res.ts ?? `private:${answerId}`,
        user,
        question,
        answer,
      });
      // the facts the person set in the form: for the audit log, and for replaying this answer later
      await recordAudit(deps.store, {
        kind: 'corrected',
        actor: user,
        channel: res.channel ?? user,
        threadTs: res.ts,
        answerId,
        detail: JSON.stringify(result.facts),
      });
      deps.log.info({ answer_id: answerId, verdict: answer.verdict }, 'coverage check answered');
      done('answered');
    } catch (e) {
      deps.log.error({ error: errorCode(e) }, 'coverage verdict could not be sent');
      done('failed');
    }
  });
}
