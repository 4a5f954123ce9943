/** `npm start` without Slack tokens: a terminal chat over one thread, also with piped input. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runTerminalChat } from '../../bot/cli/chat.js';
import { createAdvisor } from '../../bot/pipeline.js';
import { PROJECT_ROOT } from '../../knowledge/paths.js';

function chat(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d) => {
    text += d.toString();
  });
  const done = runTerminalChat(createAdvisor(), { input, output, asOf: '2026-11-22' });
  input.end(`${lines.join('\n')}\n`);
  return done.then(() => text);
}

describe('terminal chat', () => {
  it('carries the facts of earlier messages over to later ones in the thread', async () => {
    const out = await chat([
      'Are we covered by the supplier security act?',
      'We are a Danish ISP with 72,000 end users.',
    ]);
    const answers = out.split(/^\[/m).filter(Boolean);
    expect(answers).toHaveLength(2);
    expect(answers[0]).toMatch(/NEEDS FACTS/);
    expect(answers[1]).toMatch(/COVERED/);
    expect(answers[1]).toMatch(/§ 1, nr. 3, litra a/);
  });

  it('/facts shows what was read and from where; /set corrects a fact and answers again', async () => {
    const out = await chat([
      'Vi er et dansk teleselskab med omkring 50.000 slutbrugere. Er vi omfattet?',
      '/facts',
      '/set end_users 60.000',
      '/set end_users mange',
      '/fakta',
      'Er vi stadig omfattet?',
    ]);
    const [first, facts, corrected, refused, factsAfter, follow] = out.split(
      /^(?=\[| {2}organisation_type|Kan ikke rette)/m,
    );
    expect(first).toMatch(/^\[MANGLER OPLYSNINGER/);
    expect(first).toContain('Jeg læser «omkring 50.000»');
    expect(facts).toContain('organisation_type = "telecom_provider"  [said: Vi er et dansk teleselskab]');
    expect(corrected).toMatch(/^\[OMFATTET/);
    expect(corrected).toContain('60.000 slutbrugere (rettet)');
    expect(refused).toContain('end_users must be a number');
    expect(factsAfter).toContain('end_users = 60000  [corrected: rettet af dig]');
    // The correction carries over to the thread's next question.
    expect(follow).toMatch(/^\[OMFATTET/);
  });

  it('starts a new thread on /new, forgetting the facts', async () => {
    const out = await chat([
      'We are a Danish ISP with 72,000 end users. Are we covered?',
      '/new',
      'Are we covered?',
    ]);
    expect(out).toMatch(/new thread/);
    expect(out.trim().split(/^\[/m).at(-1)).toMatch(/NEEDS FACTS/);
  });

  it('answers piped lines from `npm start` without Slack tokens and exits at the end of input', () => {
    const env = { ...process.env };
    for (const k of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN']) delete env[k];
    const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'dist', 'bot', 'main.js')], {
      input: 'Hvornår trådte loven i kraft?\n',
      encoding: 'utf8',
      env: { ...env, DATA_DIR: join(PROJECT_ROOT, 'data', 'test-chat') },
      cwd: PROJECT_ROOT,
      timeout: 20_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/§ 17, stk. 1/);
  });
});
