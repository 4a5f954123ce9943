/**
 * Provenance: which knowledge and which rules produced an answer. The knowledge version is a content hash
 * over the data files under `knowledge/` (the official texts and their English renderings, the source
 * metadata, the explainers, the answer tables and question vocabulary, the supplier and country registers)
 * and the domain glossary; the rules version is the
 * package's version and, where known, the commit. Both are computed once per process (the knowledge is
 * loaded once too). The answer's id and time are added where the answer is given (see `stampProvenance`).
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Answer, Provenance } from '../guardrails/contract.js';
import { KNOWLEDGE_DIR, PROJECT_ROOT } from '../knowledge/paths.js';
import { GLOSSARY_FILE } from '../retrieval/glossary.js';

export type { Provenance } from '../guardrails/contract.js';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile() && /\.(txt|ya?ml)$/.test(e.name)) out.push(p);
  }
  return out;
}

/**
 * `sha256:` and the hash of every knowledge file (its path relative to the knowledge folder, a NUL, its
 * bytes, a NUL), in path order: the same files with the same bytes give the same version wherever they live.
 */
export function knowledgeVersion(dir: string = KNOWLEDGE_DIR, glossary: string = GLOSSARY_FILE): string {
  const h = createHash('sha256');
  const files = filesUnder(dir)
    .map((f) => ({ name: relative(dir, f).split('\\').join('/'), path: f }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  files.push({ name: 'glossary.yaml', path: glossary });
  for (const f of files) {
    h.update(f.name);
    h.update('\0');
    h.update(readFileSync(f.path));
    h.update('\0');
  }
  return `sha256:${h.digest('hex')}`;
}

const read = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
};

/**
 * The commit checked out in the project's git folder, read from git's files (no git process: this runs
 * at start-up): `.git` or, in a worktree, the folder its `gitdir:` names; HEAD, then the ref it names,
 * loose or packed, in the folder or in the shared one a worktree's `commondir` names.
 */
export function gitHead(root: string = PROJECT_ROOT): string | undefined {
  const dotGit = join(root, '.git');
  const pointer = read(dotGit);
  const gitDir = pointer?.startsWith('gitdir:') ? resolve(root, pointer.slice(7).trim()) : dotGit;
  const head = read(join(gitDir, 'HEAD'));
  if (head === undefined) return undefined;
  if (/^[0-9a-f]{40}$/.test(head)) return head;
  const ref = head.match(/^ref:\s*(\S+)$/)?.[1];
  if (ref === undefined) return undefined;
  const common = read(join(gitDir, 'commondir'));
  const dirs = [gitDir, ...(common ? [resolve(gitDir, common)] : [])];
  for (const dir of dirs) {
    const loose = read(join(dir, ref));
    if (loose && /^[0-9a-f]{40}$/.test(loose)) return loose;
    const packed = read(join(dir, 'packed-refs'))
      ?.split('\n')
      .find((l) => l.endsWith(` ${ref}`))
      ?.slice(0, 40);
    if (packed && /^[0-9a-f]{40}$/.test(packed)) return packed;
  }
  return undefined;
}

/** The commit the rules were built from: RULES_COMMIT when set, else the checked-out commit, else unknown. */
function commit(): string | undefined {
  const env = process.env.RULES_COMMIT?.trim();
  if (env) return env;
  return gitHead()?.slice(0, 12);
}

export function rulesVersion(): Provenance['rules'] {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  const version = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  const c = commit();
  return c === undefined ? { version } : { version, commit: c };
}

let cached: Provenance | undefined;

/** The knowledge and rules versions of this process (without an answer id or time). */
export function currentProvenance(): Provenance {
  cached ??= Object.freeze({ knowledge: knowledgeVersion(), rules: Object.freeze(rulesVersion()) });
  return cached;
}

/** A new answer id, in the form the Slack app uses. */
export function newAnswerId(): string {
  return `a_${randomUUID().replace(/-/g, '')}`;
}

/** The answer with its own id and time in its provenance (a copy; the answer itself is not changed). */
export function stampProvenance(answer: Answer, answerId: string, at: string): Answer {
  const base = answer.provenance ?? currentProvenance();
  return { ...answer, provenance: { ...base, answer_id: answerId, at } };
}

/** A short form for small print: `k:1a2b3c4d5e6f · 0.1.0 (a512e3c1f0b2)`. */
export function shortProvenance(p: Provenance): { knowledge: string; rules: string } {
  const k = p.knowledge.replace(/^sha256:/, '').slice(0, 12);
  return { knowledge: k, rules: p.rules.commit ? `${p.rules.version} (${p.rules.commit})` : p.rules.version };
}

/** A stored answer's provenance with the row's id and time (the row is where they are kept). */
export function withStoredProvenance<R extends { id: string; created_at: string; answer: Answer }>(
  row: R,
): R {
  const p = row.answer.provenance;
  if (p === undefined || (p.answer_id !== undefined && p.at !== undefined)) return row;
  return {
    ...row,
    answer: {
      ...row.answer,
      provenance: { ...p, answer_id: p.answer_id ?? row.id, at: p.at ?? row.created_at },
    },
  };
}
