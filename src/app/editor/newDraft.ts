import { guessFormat } from '../../core/parse/guessFormat.ts';
import { draftHref, navigate } from '../route.ts';
import { backupNow, type Draft, openDrafts } from './drafts.ts';
import { draftTitle } from './draftTitle.ts';

/**
 * Opens a new draft holding `text` (pasted, dropped, or copied from a
 * diagram or a shared link). `replace` swaps the current history entry (for
 * `#/new`, which would otherwise make a draft on every Back).
 */
export async function openNewDraft(
  text: string,
  { source, replace = false }: { source?: string; replace?: boolean } = {},
): Promise<void> {
  const now = Date.now();
  const id = `d${now.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const draft: Draft = {
    id,
    title: draftTitle({ text, source }),
    text,
    language: guessFormat(text),
    created: now,
    updated: now,
    ...(source ? { source } : {}),
  };
  await openDrafts().save(draft);
  backupNow(draft);
  navigate(draftHref(id), { replace });
}
