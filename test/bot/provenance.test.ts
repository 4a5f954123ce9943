/** Provenance: the knowledge hash, the rules version and commit, and where answers get their id and time. */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  currentProvenance,
  gitHead,
  knowledgeVersion,
  stampProvenance,
  withStoredProvenance,
} from '../../bot/provenance.js';
import { KNOWLEDGE_DIR, PROJECT_ROOT } from '../../knowledge/paths.js';
import { answer } from '../store/fixtures.js';

describe('provenance', () => {
  it('hashes the knowledge by content: a copy elsewhere has the same version, one changed byte another', () => {
    const copy = mkdtempSync(join(tmpdir(), 'kv-'));
    for (const e of readdirSync(KNOWLEDGE_DIR, { withFileTypes: true }))
      if (e.isDirectory()) cpSync(join(KNOWLEDGE_DIR, e.name), join(copy, e.name), { recursive: true });
    expect(knowledgeVersion(copy)).toBe(knowledgeVersion());
    expect(knowledgeVersion()).toBe(currentProvenance().knowledge);
    appendFileSync(join(copy, 'registers', 'countries.yaml'), '\n');
    expect(knowledgeVersion(copy)).not.toBe(knowledgeVersion());
  });

  it("reads the checked-out commit from git's files, as git itself gives it", () => {
    const git = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    if (git.status !== 0) return; // not a git checkout: nothing to compare with
    expect(gitHead()).toBe(git.stdout.trim());
    expect(currentProvenance().rules.commit).toBe(git.stdout.trim().slice(0, 12));
    expect(gitHead(mkdtempSync(join(tmpdir(), 'nogit-')))).toBeUndefined();
  });

  it("stamps an answer's id and time on a copy; a stored answer takes them from its row", () => {
    const a = { ...answer, provenance: currentProvenance() };
    const s = stampProvenance(a, 'a_1', '2026-11-22T10:00:00.000Z');
    expect(s.provenance).toMatchObject({ answer_id: 'a_1', at: '2026-11-22T10:00:00.000Z' });
    expect(a.provenance.answer_id).toBeUndefined();
    const row = withStoredProvenance({ id: 'a_2', created_at: '2026-11-23T08:00:00.000Z', answer: a });
    expect(row.answer.provenance).toMatchObject({ answer_id: 'a_2', at: '2026-11-23T08:00:00.000Z' });
    // an answer stored before provenance existed stays without one
    expect(withStoredProvenance({ id: 'a_3', created_at: 'x', answer }).answer.provenance).toBeUndefined();
  });
});
