/** The `ask` command as the answer contract specifies it, run as a user runs it (built, in a process). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../guardrails/contract.js';
import { PROJECT_ROOT } from '../../knowledge/paths.js';

const ASK = join(PROJECT_ROOT, 'dist', 'bot', 'cli', 'ask.js');
const ask = (args: string[]) =>
  spawnSync(process.execPath, [ASK, ...args], { encoding: 'utf8', cwd: PROJECT_ROOT });
const dir = mkdtempSync(join(tmpdir(), 'ask-'));

beforeAll(() => {
  const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stdout}${r.stderr}`);
}, 120_000);

describe('ask --json', () => {
  it('prints exactly one contract answer on stdout and exits 0', () => {
    const r = ask([
      '--json',
      '--as-of',
      '2026-11-22',
      'Vi er et dansk teleselskab med 60.000 slutbrugere. Er vi omfattet?',
    ]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const a = AnswerSchema.parse(JSON.parse(lines[0]!));
    expect(a.as_of).toBe('2026-11-22');
    expect(a.language).toBe('da');
  });

  it('defaults --as-of to today', () => {
    const r = ask(['--json', 'Is a home router a critical network component?']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each([
    [['--json', '--as-of', '2026-02-30', 'x'], /--as-of/],
    [['--json', '--as-of', 'tomorrow', 'x'], /--as-of/],
    [['--json', '--bogus', 'x'], /bogus/],
    [['--json', '   '], /empty/],
  ])('refuses %j with one line on stderr and exit 2', (args, message) => {
    const r = ask(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});

describe('ask --jsonl', () => {
  it('answers each case in order with its id, reports malformed lines and goes on, exit 1', () => {
    const file = join(dir, 'cases.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({
          id: 'a',
          turns: ['We are a Danish broadband company. Are we covered?', 'We have 72,000 end users.'],
        }),
        '{not json',
        JSON.stringify({ id: 'b', turns: [] }),
        JSON.stringify({ id: 'c', turns: ['What is the VAT rate on phones?'], as_of: '2025-06-01' }),
        JSON.stringify({ id: 'd', turns: ['x'], as_of: '2025-13-01' }),
        JSON.stringify({ id: 'e', turns: ['   '] }),
      ].join('\n'),
    );
    const r = ask(['--jsonl', file, '--as-of', '2026-11-22']);
    expect(r.status).toBe(1);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', null, 'b', 'c', 'd', 'e']);
    expect(out[0].verdict).toBe('covered');
    expect(out[0].facts.end_users).toBe(72000);
    expect(out[1].error).toMatch(/line 2/);
    expect(out[2].error).toMatch(/turns/);
    expect(out[3].as_of).toBe('2025-06-01');
    expect(out[3].verdict).toBe('out_of_scope');
    expect(out[4].error).toMatch(/as_of/);
    expect(out[5].error).toMatch(/empty/);
  });

  it('exits 0 when every line is answered', () => {
    const file = join(dir, 'ok.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 1, turns: ['Hvornår trådte loven i kraft?'] })}\n`);
    const r = ask(['--jsonl', file]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe(1);
  });

  it('names an unreadable file on stderr and exits 2', () => {
    const r = ask(['--jsonl', join(dir, 'missing.jsonl')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/missing\.jsonl/);
  });
});

describe('ask: provenance and --memo', () => {
  it('prints the provenance with every answer: knowledge hash, rules version, answer id, time', () => {
    const r = ask([
      '--json',
      '--as-of',
      '2026-11-22',
      'Are we covered? We are a Danish ISP with 60,000 end users.',
    ]);
    expect(r.status).toBe(0);
    const a = AnswerSchema.parse(JSON.parse(r.stdout));
    expect(a.provenance?.knowledge).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.provenance?.rules.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(a.provenance?.answer_id).toMatch(/^a_[0-9a-f]{32}$/);
    expect(Date.parse(a.provenance?.at ?? '')).not.toBeNaN();
  });

  it('--memo FILE.pdf writes a PDF memo beside the answer; FILE.md the Markdown; another extension exits 2', () => {
    const pdf = join(dir, 'memo.pdf');
    const q = 'Vi er et dansk teleselskab med 60.000 slutbrugere. Er vi omfattet?';
    const r = ask(['--json', '--as-of', '2026-11-22', '--memo', pdf, q]);
    expect(r.status).toBe(0);
    const id = JSON.parse(r.stdout).provenance.answer_id as string;
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const md = join(dir, 'memo.md');
    expect(ask(['--as-of', '2026-11-22', '--memo', md, q]).status).toBe(0);
    const text = readFileSync(md, 'utf8');
    expect(text).toMatch(/^# Notat om leverandørsikkerhed/);
    expect(text).toContain('§ 1, nr. 3, litra a');
    expect(text).not.toContain(id); // a new answer, a new id
    const bad = ask(['--memo', join(dir, 'memo.docx'), q]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--memo/);
  });
});
