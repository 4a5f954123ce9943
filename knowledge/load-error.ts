/** A knowledge or register file that cannot be used: names the file and, where known, the field. */
export class KnowledgeLoadError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    readonly detail: string,
  ) {
    super(`${file}${field ? ` (${field})` : ''}: ${detail}`);
    this.name = 'KnowledgeLoadError';
  }
}
