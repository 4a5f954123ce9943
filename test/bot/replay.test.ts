/**
 * Replay: stored answers run again through a changed copy of the knowledge (one register row edited) list
 * exactly the answers that row changes, with the old and new provenance; an unchanged copy lists none.
 * Run as a user runs it (built, in a process, KNOWLEDGE_DIR and DATA_DIR in its environment).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdvisor } from '../../bot/pipeline.js';
import { knowledgeVersion } from '../../bot/provenance.js';
import { Store } from '../../bot/store/index.js';
import { KNOWLEDGE_DIR, PROJECT_ROOT } from '../../knowledge/paths.js';

const REPLAY = join(PROJECT_ROOT, 'dist', 'bot', 'cli', 'replay.js');
const root = mkdtempSync(join(tmpdir(), 'replay-'));
const dataDir = join(root, 'data');
const same = join(root, 'knowledge-same');
const changed = join(root, 'knowledge-changed');

/** The knowledge's data (every folder of it: texts, explainers, registers, …), not its code. */
function copyKnowledge(to: string): void {
  for (const e of readdirSync(KNOWLEDGE_DIR, { withFileTypes: true }))
    if (e.isDirectory()) cpSync(join(KNOWLEDGE_DIR, e.name), join(to, e.name), { recursive: true });
}

const run = (knowledge: string, args: string[]) =>
  spawnSync(process.execPath, [REPLAY, ...args], {
    encoding: 'utf8',
    cwd: root,
    env: { ...process.env, KNOWLEDGE_DIR: knowledge, DATA_DIR: dataDir },
  });

const Q = {
  huawei:
    'Vi er et teleselskab med 80.000 slutbrugere og vil indgå en ny aftale med Huawei om kernenet. Er vi omfattet?',
  zte: 'Vi er et teleselskab med 80.000 slutbrugere og vil købe routere til backbonenettet fra ZTE. Er aftalen omfattet?',
  ericsson:
    'We are a telecom provider with 80,000 end users and want to sign a new agreement with Ericsson for core network. Are we covered?',
  first: 'Er vi omfattet?',
  followUp: 'Vi er et teleselskab med 80.000 slutbrugere og vil købe kernenet fra Huawei.',
};

beforeAll(() => {
  const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stdout}${r.stderr}`);
  copyKnowledge(same);
  copyKnowledge(changed);
  // The register row edited: Huawei no longer recorded as controlled by a foreign state (§ 2, stk. 2, nr. 3).
  const file = join(changed, 'registers', 'suppliers.yaml');
  const yaml = readFileSync(file, 'utf8');
  const at = yaml.indexOf('  - id: huawei');
  const edited = yaml.slice(0, at) + yaml.slice(at).replace('      value: true', '      value: false');
  expect(edited).not.toBe(yaml);
  writeFileSync(file, edited);

  // Answers as the Slack app stores them, given with today's knowledge
  const advisor = createAdvisor();
  const store = Store.open(dataDir);
  const record = (id: string, channel: string, threadTs: string, turns: string[]) =>
    store.recordAnswer({
      id,
      channel,
      threadTs,
      user: 'U0ASKER',
      question: turns.at(-1)!,
      answer: advisor.advise({ turns, asOf: '2026-11-22' }),
    });
  record('a_huawei', 'C1', '1.1', [Q.huawei]);
  record('a_zte', 'C1', '2.1', [Q.zte]);
  record('a_ericsson', 'C2', '3.1', [Q.ericsson]);
  record('a_first', 'C2', '4.1', [Q.first]);
  record('a_followup', 'C2', '4.1', [Q.first, Q.followUp]);
  record('a_old_huawei', 'C3', '5.1', [Q.huawei]);
  store.db
    .prepare(`UPDATE answers SET created_at = '2026-01-05T09:00:00.000Z' WHERE id = 'a_old_huawei'`)
    .run();
  // An answer to the coverage form: its facts were set in the form, not said, and the audit log keeps them
  const formFacts = { organisation_type: 'telecom_provider' as const, end_users: 60_000 };
  store.recordAnswer({
    id: 'a_form',
    channel: 'D0ASKER',
    threadTs: '6.1',
    user: 'U0ASKER',
    question: 'Er vi omfattet?',
    answer: advisor.advise({ turns: ['Er vi omfattet?'], asOf: '2026-11-22', priorFacts: formFacts }),
  });
  store.recordAudit({
    kind: 'corrected',
    actor: 'U0ASKER',
    channel: 'D0ASKER',
    threadTs: '6.1',
    answerId: 'a_form',
    detail: JSON.stringify(formFacts),
  });
  store.close();
}, 120_000);

describe('replay', () => {
  it('an unchanged copy of the knowledge: nothing differs, exit 0', { timeout: 60_000 }, () => {
    const r = run(same, ['--since', '2026-01-01']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Replayed 7 answer\(s\) since 2026-01-01 .*: 0 would now differ/);
  });

  it('a changed register row: exactly the answers it affects, old and new provenance side by side, exit 1', {
    timeout: 60_000,
  }, () => {
    const r = run(changed, ['--since', '2026-11-01']);
    expect(r.status).toBe(1);
    const ids = [...r.stdout.matchAll(/^(a_\w+) {2}/gm)].map((m) => m[1]);
    // the Huawei question, and the follow-up that names Huawei in a thread; not ZTE, Ericsson, the thread's
    // first turn, the coverage-form answer (replayed with its form's facts), nor the Huawei answer from before --since
    expect(ids).toEqual(['a_huawei', 'a_followup']);
    expect(r.stdout).toContain('citations:     - § 2, stk. 2, nr. 3');
    const oldK = knowledgeVersion(same);
    const newK = knowledgeVersion(changed);
    expect(oldK).not.toBe(newK);
    expect(r.stdout).toMatch(new RegExp(`knowledge: +${oldK} +${newK}`));
    expect(r.stdout).toMatch(/\n {17}old +new\n/);
    expect(r.stdout).toMatch(/rules: +0\.1\.0/);
  });

  it('--answer ID replays one answer; --json gives the differences as data', { timeout: 60_000 }, () => {
    const one = run(changed, ['--answer', 'a_old_huawei', '--json']);
    expect(one.status).toBe(1);
    const parsed = JSON.parse(one.stdout) as {
      replayed: number;
      differences: { answer_id: string; citations: unknown }[];
    };
    expect(parsed.replayed).toBe(1);
    expect(parsed.differences.map((d) => d.answer_id)).toEqual(['a_old_huawei']);
    expect(parsed.differences[0]!.citations).toEqual({
      removed: ['§ 2, stk. 2, nr. 3'],
      added: [],
      changed: [],
    });
    const zte = run(changed, ['--answer', 'a_zte']);
    expect(zte.status).toBe(0);
  });

  it('refuses bad flags with exit 2', { timeout: 60_000 }, () => {
    expect(run(same, []).status).toBe(2);
    expect(run(same, ['--since', '2026-02-30']).status).toBe(2);
    expect(run(same, ['--since', '2026-01-01', '--answer', 'x']).status).toBe(2);
    const unknown = run(same, ['--answer', 'a_nope']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no stored answer/);
  });
});
