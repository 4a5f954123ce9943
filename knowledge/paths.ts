import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (the folder with package.json), whether running from sources or from dist/. */
export const PROJECT_ROOT: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'knowledge'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the project root (package.json beside knowledge/)');
    dir = up;
  }
})();

/** The knowledge folder; KNOWLEDGE_DIR points elsewhere (e.g. a changed copy to replay answers against). */
export const KNOWLEDGE_DIR = process.env.KNOWLEDGE_DIR
  ? resolve(process.env.KNOWLEDGE_DIR)
  : join(PROJECT_ROOT, 'knowledge');
export const TEXTS_DIR = join(KNOWLEDGE_DIR, 'texts');
