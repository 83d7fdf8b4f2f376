import { readTitle } from '../../core/parse/readTitle.ts';
import type { Draft } from './drafts.ts';

/**
 * The name a draft goes by: the title its text gives itself now, else the
 * id of the diagram it was copied from (the name that diagram has in the
 * gallery when its text gives none); empty when neither, for the caller's
 * "Untitled". Read from the text every time, never from `draft.title`, so a
 * draft saved before its title was typed (or by older code) shows right.
 *
 * @example draftTitle({ text: 'title: 3계층 웹 애플리케이션\nnodes: {}' }) // '3계층 웹 애플리케이션'
 */
export function draftTitle(draft: Pick<Draft, 'text'> & { source?: string | undefined }): string {
  return readTitle(draft.text)?.trim() ?? draft.source ?? '';
}
