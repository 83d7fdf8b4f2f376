import { isDeckSource } from '../core/deck/isDeckSource.ts';
import { SPEC_EXTENSIONS } from '../core/parse/files.ts';

/** Whether a file is a lesson deck: YAML with a top-level `deck:` key. */
export function isDeckFile(file: string, text: string): boolean {
  const lower = file.toLowerCase();
  return SPEC_EXTENSIONS.some((ext) => lower.endsWith(ext)) && isDeckSource(text);
}
