/**
 * `npm run build`, after the retrieval index: expands the extractor's lexicon (knowledge/vocabulary/lexicon/)
 * into dist/lexicon.json, so that a start reads it instead of parsing the YAML (see `lexicon()`). A broken
 * file stops the build, naming the file and the entry.
 */

import { buildLexiconCache } from './lexicon.js';
import { KnowledgeLoadError } from './load-error.js';

try {
  const started = performance.now();
  const { file, key, entries } = buildLexiconCache();
  console.log(
    `lexicon: ${entries} entries, key ${key.slice(7, 19)}, written to ${file} in ${Math.round(performance.now() - started)} ms`,
  );
} catch (e) {
  if (e instanceof KnowledgeLoadError) {
    console.error(`cannot build the lexicon: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
