/** `npm run index`: builds the retrieval index from the knowledge texts and writes it to dist/index/. */
import { KnowledgeLoadError } from '../knowledge/load-error.js';
import { GlossaryError } from './glossary.js';
import { buildIndex } from './index.js';

try {
  const started = performance.now();
  const { dir, key, docs } = buildIndex();
  console.log(
    `retrieval index: ${docs} documents, key ${key.slice(0, 12)}, written to ${dir} in ${Math.round(performance.now() - started)} ms`,
  );
} catch (e) {
  if (e instanceof KnowledgeLoadError || e instanceof GlossaryError) {
    console.error(`cannot build the retrieval index: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
