/** Memos to file: `buildMemo` (the content), `memoPdf` and `memoMarkdown` (the two forms). */
import type { MemoFormat } from './format.js';
import { memoMarkdown } from './markdown.js';
import { buildMemo, type Memo, type MemoInput } from './model.js';
import { memoPdf } from './pdf.js';

export { type MemoFormat, memoFormatOf } from './format.js';
export { memoMarkdown } from './markdown.js';
export { buildMemo, type Memo, type MemoInput, readingsOf } from './model.js';
export { memoPdf, pdfSafe } from './pdf.js';

/** The memo of an answer in the given form. */
export async function renderMemo(
  input: MemoInput,
  format: MemoFormat,
): Promise<{ memo: Memo; bytes: Buffer }> {
  const memo = buildMemo(input);
  const at = input.at ?? input.answer.provenance?.at;
  const bytes =
    format === 'pdf' ? await memoPdf(memo, at ? { at } : {}) : Buffer.from(memoMarkdown(memo), 'utf8');
  return { memo, bytes };
}
