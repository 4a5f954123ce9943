import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

export const KNOWLEDGE_DIR = join(PROJECT_ROOT, 'knowledge');
export const TEXTS_DIR = join(KNOWLEDGE_DIR, 'texts');
