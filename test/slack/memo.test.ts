/**
 * "Gem som notat" / "Save as memo" against the Web API stand-in: the button on answers that decide or
 * inform, the provenance in small print, the click → files.getUploadURLExternal → the bytes to the upload
 * URL → files.completeUploadExternal in the answer's thread, the PDF's text, the audit record; a private
 * answer's memo in the person's DMs; an upload that fails is told privately.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentProvenance } from '../../bot/provenance.js';
import { auditEvents } from '../../bot/store/audit.js';
import {
  blockAction,
  eventBody,
  mention,
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
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const tmp = mkdtempSync(join(tmpdir(), 'memo-slack-'));

beforeAll(async () => {
  standin = await new SlackStandin().start();
  bot = await startBot(standin, { dataDir: tempDataDir() });
});
afterAll(async () => {
  await bot?.stop();
  await standin?.stop();
});

type Blocks = {
  type: string;
  elements?: { action_id?: string; value?: string; text?: unknown; type?: string }[];
}[];
const buttons = (blocks: unknown) =>
  (blocks as Blocks).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));

async function ask(text: string, threadTs?: string) {
  const ev = mention({ text, ...(threadTs ? { thread_ts: threadTs } : {}) });
  const { body, eventId } = eventBody(ev);
  await send(bot, body);
  await bot.waitHandled((h) => h.id === eventId);
  const thread = threadTs ?? ev.ts;
  const post = standin
    .ok('chat.postMessage')
    .filter((c) => c.params.thread_ts === thread)
    .at(-1)!;
  const answerId = buttons(post.params.blocks).find((b) => b.action_id === 'escalate')!.value!;
  return { thread, answerId, post };
}

async function clickMemo(answerId: string, o: { channel?: string; user?: string; messageTs?: string } = {}) {
  const responseUrl = standin.responseUrl(`memo-${nextTs()}`);
  const { body, contentType } = blockAction({
    actionId: 'memo_save',
    value: answerId,
    user: o.user ?? 'U0ASKER',
    channel: o.channel ?? 'C0GENERAL',
    messageTs: o.messageTs ?? nextTs(),
    responseUrl,
  });
  const before = bot.handled.length;
  const res = await send(bot, body, { contentType });
  expect(res.status).toBe(200);
  const h = await bot.waitHandled(
    (x) => x.id === 'memo_save' && bot.handled.indexOf(x) >= before,
    'memo_save',
  );
  return { h, responseUrl };
}

describe('memo in Slack', () => {
  it('answers that decide carry "Gem som notat" and the provenance in small print; needs-facts answers no button', async () => {
    const covered = await ask('Vi er et dansk teleselskab med 60.000 slutbrugere. Er vi omfattet?');
    const memoButton = buttons(covered.post.params.blocks).find((b) => b.action_id === 'memo_save');
    expect(memoButton).toMatchObject({ value: covered.answerId, text: { text: 'Gem som notat' } });
    const json = JSON.stringify(covered.post.params.blocks);
    const p = currentProvenance();
    expect(json).toContain(p.knowledge.slice(7, 19));
    expect(json).toContain(p.rules.version);
    expect(json).toContain(covered.answerId);
    const open = await ask('Er vi omfattet af loven?');
    expect(buttons(open.post.params.blocks).some((b) => b.action_id === 'memo_save')).toBe(false);
    const en = await ask('Which court hears a case against a CFCS decision?');
    expect(buttons(en.post.params.blocks).find((b) => b.action_id === 'memo_save')?.text).toMatchObject({
      text: 'Save as memo',
    });
  });

  it('the click uploads the PDF into the answer thread the way files.uploadV2 does, and is recorded', async () => {
    const first = await ask('Er vi omfattet?');
    const { answerId, thread } = await ask(
      'Vi er et dansk teleselskab med 60.000 slutbrugere.',
      first.thread,
    );
    const callsBefore = standin.calls.length;
    const { h } = await clickMemo(answerId, { user: 'U0CLERK' });
    expect(h.outcome).toBe('uploaded');
    const calls = standin.calls.slice(callsBefore).map((c) => c.method);
    const order = ['files.getUploadURLExternal', 'upload', 'files.completeUploadExternal'];
    expect(calls.filter((m) => order.includes(m))).toEqual(order);
    const get = standin.ok('files.getUploadURLExternal').at(-1)!;
    expect(String(get.params.filename)).toBe(`notat-${answerId}.pdf`);
    const file = [...standin.files.values()].at(-1)!;
    expect(file.bytes?.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.bytes?.length).toBe(Number(get.params.length));
    expect(file.shared).toMatchObject({
      channel: 'C0GENERAL',
      thread_ts: thread,
      title: 'Notat om leverandørsikkerhed',
    });
    expect(file.shared?.initial_comment).toContain('ikke en afgørelse fra CFCS');

    if (hasPoppler) {
      const pdf = join(tmp, 'uploaded.pdf');
      writeFileSync(pdf, file.bytes!);
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      // both turns of the thread, the answer's id and time from the store, the knowledge version
      expect(text).toContain('“Er vi omfattet?”');
      expect(text).toContain('“Vi er et dansk teleselskab med 60.000 slutbrugere.”');
      expect(text).toContain(answerId);
      expect(text).toContain(bot.store.getAnswer(answerId)!.created_at);
      expect(text).toContain(currentProvenance().knowledge);
      expect(text).toContain('§ 1, nr. 3, litra a');
    }
    const memo = await auditEvents(bot.deps.store, { since: '2000-01-01', user: 'U0CLERK' });
    expect(memo).toEqual([
      expect.objectContaining({ kind: 'memo', user: 'U0CLERK', channel: 'C0GENERAL', answer_id: answerId }),
    ]);
  });

  it("a private (slash command) answer's memo goes to the asker's DMs, and only the asker may ask for it", async () => {
    const responseUrl = standin.responseUrl(`cmd-${nextTs()}`);
    const { body, contentType } = slashCommand({
      text: 'We are a Danish telecom provider with 80,000 end users. Are we covered?',
      user: 'U0PRIV',
      responseUrl,
    });
    await send(bot, body, { contentType });
    await standin.waitFor((c) =>
      c.some((x) => x.method === 'response_url' && x.path === new URL(responseUrl).pathname),
    );
    const reply = standin.ok('response_url').find((c) => c.path === new URL(responseUrl).pathname)!;
    const answerId = buttons(reply.params.blocks).find((b) => b.action_id === 'memo_save')!.value!;
    const other = await clickMemo(answerId, { user: 'U0OTHER' });
    expect(other.h.outcome).toBe('unknown_answer');
    const mine = await clickMemo(answerId, { user: 'U0PRIV' });
    expect(mine.h.outcome).toBe('uploaded');
    expect(standin.ok('conversations.open').at(-1)?.params.users).toBe('U0PRIV');
    const file = [...standin.files.values()].at(-1)!;
    expect(file.shared).toEqual(
      expect.objectContaining({ channel: 'D0PRIV', title: 'Memo on supplier security' }),
    );
    expect(file.shared?.thread_ts).toBeUndefined();
  });

  it('an upload that fails is told privately, logged, and the bot stays up', async () => {
    const { answerId } = await ask('Vi er et dansk teleselskab med 60.000 slutbrugere. Er vi omfattet?');
    standin.failNext(5, { status: 500, method: 'files.completeUploadExternal' });
    const { h, responseUrl } = await clickMemo(answerId);
    standin.clearFaults();
    expect(h.outcome).toBe('failed');
    const told = standin.ok('response_url').find((c) => c.path === new URL(responseUrl).pathname);
    expect(String(told?.params.text)).toMatch(/notatet kunne ikke/);
    expect(bot.logs.some((l) => l.includes('memo could not be uploaded'))).toBe(true);
    const again = await clickMemo(answerId);
    expect(again.h.outcome).toBe('uploaded');
  });

  it('facts set in the coverage form are recorded as corrections in the audit log, with the answer they gave', async () => {
    const { body, contentType } = viewSubmission({
      user: 'U0FORM',
      values: { end_users: '60.000' },
      selects: { organisation_type: 'telecom_provider', territory: 'DK' },
      meta: JSON.stringify({ lang: 'da' }),
    });
    expect((await send(bot, body, { contentType })).status).toBe(200);
    await bot.waitHandled((h) => h.kind === 'view' && h.outcome === 'answered');
    const [answered, corrected] = await auditEvents(bot.deps.store, { since: '2000-01-01', user: 'U0FORM' });
    expect(answered).toMatchObject({ kind: 'answered', verdict: 'covered' });
    expect(corrected).toMatchObject({ kind: 'corrected', answer_id: answered!.answer_id, channel: 'D0FORM' });
    expect(JSON.parse(corrected!.detail!)).toMatchObject({
      organisation_type: 'telecom_provider',
      end_users: 60000,
    });
    // and its memo marks those facts as corrected (set in the form), not as said
    const { h } = await clickMemo(answered!.answer_id!, { user: 'U0FORM', channel: 'D0FORM' });
    expect(h.outcome).toBe('uploaded');
    if (hasPoppler) {
      const pdf = join(tmp, 'form.pdf');
      writeFileSync(pdf, [...standin.files.values()].at(-1)!.bytes!);
      const layout = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(layout).toMatch(/Slutbrugere\s+60\.000\s+rettet: “angivet i formularen”/);
      expect(layout).toMatch(/Organisationstype\s+Teleudbyder\s+rettet/);
    }
  });
});
