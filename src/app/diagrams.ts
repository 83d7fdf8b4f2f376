import { files } from 'virtual:flowdeck/diagrams';
import { useSyncExternalStore } from 'react';
import { isDeckSource } from '../core/deck/isDeckSource.ts';
import type { Deck } from '../core/deck/types.ts';
import { diagramId } from '../core/parse/files.ts';

export interface DiagramSource {
  id: string;
  file: string;
  text: string;
}

/** Every file of diagrams/ (diagrams and decks), sorted by id: bundled, so the app works offline from any static host. */
let sources: DiagramSource[] = files.map(({ file, text }) => ({ id: diagramId(file), file, text }));
let diagrams = sources.filter((s) => !isDeckSource(s.text));
let decks: Promise<Deck[]> | undefined;
/** Counts saved deck files: `useDecks()` loads them again when it changes. */
let deckVersion = 0;
const listeners = new Set<() => void>();

/** Every diagram in diagrams/, sorted by id, as it is now (files change under `npm start`). */
export function currentDiagrams(): DiagramSource[] {
  return diagrams;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Every diagram in diagrams/, sorted by id; a new list when a file is saved
 * (under `npm start`), in which the other files keep their objects, so only
 * views of the saved one lay out again.
 */
export function useDiagrams(): DiagramSource[] {
  return useSyncExternalStore(subscribe, currentDiagrams);
}

/** A file of diagrams/ was saved with this text: views redraw from it. */
export function updateFile(file: string, text: string) {
  const old = sources.find((s) => s.file === file);
  if (!old || old.text === text) return;
  sources = sources.map((s) => (s === old ? { ...s, text } : s));
  diagrams = sources.filter((s) => !isDeckSource(s.text));
  if (isDeckSource(text) || isDeckSource(old.text)) {
    decks = undefined;
    deckVersion++;
  }
  for (const listener of [...listeners]) listener();
}

// The dev server sends a saved file's text (src/build/diagramsPlugin.ts) in place of a reload.
import.meta.hot?.on('flowdeck:file', ({ file, text }: { file: string; text: string }) =>
  updateFile(file, text),
);

/**
 * Every lesson deck in diagrams/ that parses, sorted by id (`flowdeck check`
 * reports broken ones). Loaded on demand: the YAML parser stays out of the
 * first screen's JavaScript when that screen is a diagram. A saved deck file
 * makes a new promise (`useDeckVersion()`).
 */
export function loadDecks(): Promise<Deck[]> {
  decks ??= import('../core/deck/parseDeck.ts').then(
    ({ parseDeck }) =>
      sources
        .filter((s) => isDeckSource(s.text))
        .flatMap((s) => parseDeck(s.text, { file: s.file }).deck ?? []),
    (error: unknown) => {
      // The parser's chunk did not load (a dropped connection): the next call tries again.
      decks = undefined;
      throw error;
    },
  );
  return decks;
}

/** Changes with every saved deck file: a key for `loadDecks()`'s answer. */
export function useDeckVersion(): number {
  return useSyncExternalStore(subscribe, () => deckVersion);
}
