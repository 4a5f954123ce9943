/** The memo's form, by the file name asked for (kept apart so that choosing it loads no PDF library). */
export type MemoFormat = 'pdf' | 'md';

export function memoFormatOf(file: string): MemoFormat | undefined {
  if (/\.pdf$/i.test(file)) return 'pdf';
  if (/\.(md|markdown)$/i.test(file)) return 'md';
  return undefined;
}
