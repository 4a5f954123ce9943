/**
 * `npm run build`, after the retrieval index: expands each vocabulary (the folders of knowledge/vocabulary/
 * that `VOCABULARIES` names) into dist/vocabulary/<name>.json, so that a start reads it instead of parsing
 * the YAML (see `vocabulary()`). A broken file stops the build, naming the file and the entry.
 */

import { buildVocabularyCache, VOCABULARIES } from './lexicon.js';
import { KnowledgeLoadError } from './load-error.js';

try {
  for (const name of VOCABULARIES) {
    const started = performance.now();
    const { file, key, entries } = buildVocabularyCache(name);
    console.log(
      `${name}: ${entries} entries, key ${key.slice(7, 19)}, written to ${file} in ${Math.round(performance.now() - started)} ms`,
    );
  }
} catch (e) {
  if (e instanceof KnowledgeLoadError) {
    console.error(`cannot build the vocabulary: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
