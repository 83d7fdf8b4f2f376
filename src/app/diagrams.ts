import { isDeckSource } from '../core/deck/isDeckSource.ts';
import type { Deck } from '../core/deck/types.ts';
import { diagramId } from '../core/parse/files.ts';

export interface DiagramSource {
  id: string;
  file: string;
  text: string;
}

// Bundled at build time, so the app works offline from any static host.
const files = import.meta.glob('/diagrams/*.{mmd,mermaid,yaml,yml}', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const sources = Object.entries(files)
  .map(([path, text]) => ({ id: diagramId(path), file: path.slice(1), text }))
  .sort((a, b) => a.id.localeCompare(b.id));

/** Every diagram in diagrams/, sorted by id. */
export const DIAGRAMS: DiagramSource[] = sources.filter((s) => !isDeckSource(s.text));

let decks: Promise<Deck[]> | undefined;

/**
 * Every lesson deck in diagrams/ that parses, sorted by id (`flowdeck check`
 * reports broken ones). Loaded on demand: the YAML parser stays out of the
 * first screen's JavaScript when that screen is a diagram.
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
