/**
 * The pipeline on its own thread (what `npm start` runs): the same answers as in process, and a broken
 * knowledge folder still stops the start with the loader's message.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type AsyncAdvisor, startAdvisorThread } from '../../bot/advisor-thread.js';
import { createAdvisor } from '../../bot/pipeline.js';
import { PROJECT_ROOT } from '../../knowledge/paths.js';

const QUESTIONS = [
  'Må vores kommune købe overvågningskameraer fra Hikvision?',
  'We are a Danish ISP with 72,000 end users. Are we covered?',
  'Hvornår skal vi senest anlægge sag mod en afgørelse efter § 3?',
];

let thread: AsyncAdvisor | undefined;
afterAll(async () => thread?.close());

describe('the pipeline thread', () => {
  it('answers exactly as the pipeline in process does, in order', async () => {
    thread = await startAdvisorThread();
    const local = createAdvisor({ onGuardFailure: () => {} });
    const asked = QUESTIONS.map((q) => thread!.advise({ turns: [q], asOf: '2026-11-22' }));
    const answers = await Promise.all(asked);
    answers.forEach((a, i) => {
      expect(a).toEqual(local.advise({ turns: [QUESTIONS[i]!], asOf: '2026-11-22' }));
    });
  }, 60_000);

  it('refuses to start on a broken register, naming the file and the row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'advisor-thread-'));
    cpSync(join(PROJECT_ROOT, 'knowledge', 'texts'), join(dir, 'texts'), { recursive: true });
    cpSync(join(PROJECT_ROOT, 'knowledge', 'registers'), join(dir, 'registers'), { recursive: true });
    const file = join(dir, 'registers', 'suppliers.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    country: CN\n', '    country: 12\n'));
    await expect(startAdvisorThread(dir)).rejects.toThrow(/suppliers\.yaml \(suppliers\.0\.country\)/);
  }, 60_000);

  it('after close, a question is refused with a clear error rather than waiting forever', async () => {
    const t = await startAdvisorThread();
    await t.close();
    await expect(t.advise({ turns: ['Er vi omfattet?'], asOf: '2026-11-22' })).rejects.toThrow(/closed/);
  }, 60_000);
});
