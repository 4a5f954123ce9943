/**
 * The coverage-check modal's submission: invalid input → `response_action: "errors"` on the offending
 * field; valid input → the pipeline's verdict with those facts, sent to the person in a DM.
 */
import type { App } from '@slack/bolt';
import { recordAudit } from '../../../store/audit.js';
import { answerBlocks, answerFallbackText } from '../../blocks.js';
import { adviseSafely, errorCode, report, type SlackDeps } from '../../core.js';
import { COVERAGE_CALLBACK_ID, COVERAGE_FIELDS, CoverageMeta, parseCoverage } from '../../coverage.js';
import { problem, ViewSubmission } from '../../payloads.js';
import { T } from '../../texts.js';

export function register(app: App, deps: SlackDeps): void {
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
    const question = T[meta.lang].coverageTurn;
    const advised = adviseSafely(deps, { turns: [question], asOf: deps.today(), priorFacts: result.facts });
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
      deps.store.recordAnswer({
        id: answerId,
        channel: res.channel ?? user,
        threadTs: res.ts ?? `private:${answerId}`,
        user,
        question,
        answer,
      });
      // the facts the person set in the form: for the audit log, and for replaying this answer later
      recordAudit(deps.store, {
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
