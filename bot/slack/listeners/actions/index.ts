/**
 * Button listeners: `escalate`, `quote_expand`, `correct_facts`
 * (opens the coverage form prefilled with the answer's facts) and `show_checks` on answers;
 * `case_claim` and `case_resolve` on case posts in the adviser channel (advisers only). Feedback is in
 * feedback.ts, memos in memo.ts.
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import { allChecksBlocks, splitText, textBlocks } from '../../blocks.js';
import {
  caseLanguage,
  errorCode,
  escalate,
  isAdviser,
  refreshCasePost,
  report,
  type SlackDeps,
  tellAsker,
  workspaceOf,
} from '../../core.js';
import { coverageModal } from '../../coverage.js';
import { periodOf, publishHome } from '../../home.js';
import { AnswerRef, CaseRef, QuoteRef } from '../../payloads.js';
import { T } from '../../texts.js';
import { parseClick, whisper } from './click.js';
import { registerDesk } from './desk.js';
import { registerFeedback } from './feedback.js';
import { registerMemo } from './memo.js';
import { registerShare } from './share.js';
import { registerShortcut } from './shortcut.js';

export function register(app: App, deps: SlackDeps): void {
  const { store, log } = deps;
  registerMemo(app, deps);
  registerFeedback(app, deps);
  registerDesk(app, deps);
  registerShare(app, deps);
  registerShortcut(app, deps);

  app.action<BlockButtonAction>('escalate', async ({ ack, body, action, respond, client }) => {
    await ack();
    const p = await parseClick(deps, 'escalate', { body, action, respond, client }, AnswerRef);
    if (p === undefined) return;
    const stored = await store.getAnswer(p.value.value);
    if (stored === undefined) {
      await whisper(client, deps, respond, p.click, T.da.unknownAnswer);
      return report(deps, { kind: 'action', id: 'escalate', outcome: 'unknown_answer' });
    }
    const c = await escalate(client, deps, {
      answerId: stored.id,
      answer: stored.answer,
      asker: p.click.user.id,
      channel: stored.channel,
      threadTs: stored.thread_ts,
      question: stored.question,
      facts: stored.answer.facts,
      team: stored.team ?? '',
    });
    report(deps, {
      kind: 'action',
      id: 'escalate',
      outcome: c === undefined ? 'no_adviser' : `case_${c.id}`,
    });
  });

  app.action<BlockButtonAction>('quote_expand', async ({ ack, body, action, respond, client }) => {
    await ack();
    const p = await parseClick(deps, 'quote_expand', { body, action, respond, client }, QuoteRef);
    if (p === undefined) return;
    const { answerId, index } = p.value.value;
    const stored = await store.getAnswer(answerId);
    const citation = stored?.answer.citations[index];
    if (stored === undefined || citation === undefined) {
      await whisper(client, deps, respond, p.click, T.da.unknownAnswer);
      return report(deps, { kind: 'action', id: 'quote_expand', outcome: 'unknown_answer' });
    }
    const full = `*${citation.ref}*\n${citation.quote}${citation.quote_en ? `\n\n_Unofficial English:_ ${citation.quote_en}` : ''}`;
    const blocks = textBlocks(splitText(full, 3000).join('\n'));
    await whisper(
      client,
      deps,
      respond,
      p.click,
      `${citation.ref}: ${citation.quote.slice(0, 2000)}`,
      blocks,
    );
    report(deps, { kind: 'action', id: 'quote_expand', outcome: 'shown' });
  });

  app.action<BlockButtonAction>('correct_facts', async ({ ack, body, action, respond, client }) => {
    await ack();
    const p = await parseClick(deps, 'correct_facts', { body, action, respond, client }, AnswerRef);
    if (p === undefined) return;
    const stored = await store.getAnswer(p.value.value);
    if (stored === undefined) {
      await whisper(client, deps, respond, p.click, T.da.unknownAnswer);
      return report(deps, { kind: 'action', id: 'correct_facts', outcome: 'unknown_answer' });
    }
    const lang = stored.answer.language;
    const triggerId = (body as { trigger_id?: string }).trigger_id;
    try {
      if (triggerId === undefined) throw new Error('no trigger_id');
      await client.views.open({
        trigger_id: triggerId,
        view: coverageModal(
          { lang, channel: stored.channel, threadTs: stored.thread_ts, answerId: stored.id },
          stored.answer.facts,
        ),
      });
      report(deps, { kind: 'action', id: 'correct_facts', outcome: 'opened' });
    } catch (e) {
      log.error({ error: errorCode(e) }, 'could not open the correction form');
      await whisper(client, deps, respond, p.click, T[lang].failed);
      report(deps, { kind: 'action', id: 'correct_facts', outcome: 'failed' });
    }
  });

  app.action<BlockButtonAction>('show_checks', async ({ ack, body, action, respond, client }) => {
    await ack();
    const p = await parseClick(deps, 'show_checks', { body, action, respond, client }, AnswerRef);
    if (p === undefined) return;
    const stored = await store.getAnswer(p.value.value);
    if (stored === undefined) {
      await whisper(client, deps, respond, p.click, T.da.unknownAnswer);
      return report(deps, { kind: 'action', id: 'show_checks', outcome: 'unknown_answer' });
    }
    const a = stored.answer;
    await whisper(client, deps, respond, p.click, T[a.language].allChecks, allChecksBlocks(a));
    report(deps, { kind: 'action', id: 'show_checks', outcome: 'shown' });
  });

  for (const actionId of ['case_claim', 'case_resolve'] as const) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond, client }) => {
      await ack();
      // a click in the adviser desk (App Home) publishes the desk again once it is handled
      const home = (body as { view?: { type?: unknown; private_metadata?: unknown } }).view;
      const fromDesk = home?.type === 'home';
      const done = async (outcome: string) => {
        if (fromDesk && p !== undefined)
          await publishHome(client, deps, p.click.user.id, {
            periodDays: periodOf(home?.private_metadata),
            team: workspaceOf(deps, body),
          });
        report(deps, { kind: 'action', id: actionId, outcome });
      };
      const p = await parseClick(deps, actionId, { body, action, respond, client }, CaseRef);
      if (p === undefined) return;
      const adviser = p.click.user.id;
      let allowed = false;
      try {
        allowed = await isAdviser(client, deps, adviser);
      } catch (e) {
        log.error({ error: errorCode(e) }, 'adviser membership could not be checked');
      }
      if (!allowed) {
        await whisper(client, deps, respond, p.click, T.da.notAdviser(deps.adviserChannel ?? ''));
        return await done('not_adviser');
      }
      const caseId = p.value.value;
      const result =
        actionId === 'case_claim'
          ? await store.claimCase(caseId, adviser)
          : await store.resolveCase(caseId, adviser);
      if (!result.ok) {
        const c = result.case;
        const text =
          result.reason === 'already_resolved' && c
            ? T.da.alreadyResolved(c.id)
            : result.reason === 'claimed_by_other' && c
              ? T.da.claimedByOther(c.id, c.claimed_by ?? '')
              : T.da.unknownAnswer;
        await whisper(client, deps, respond, p.click, text);
        return await done(result.reason);
      }
      const c = result.case;
      await refreshCasePost(client, deps, c);
      const t = T[caseLanguage(c)];
      await tellAsker(
        client,
        deps,
        c,
        actionId === 'case_claim' ? t.caseClaimed(c.id, adviser) : t.caseResolved(c.id, adviser),
      );
      log.info(
        { case_id: c.id, status: c.status },
        actionId === 'case_claim' ? 'case claimed' : 'case resolved',
      );
      await done(c.status);
    });
  }
}
