import { useCallback, useEffect, useState } from 'react';
import type { Deck } from '../../core/deck/types.ts';
import { loadDecks, useDeckVersion } from '../diagrams.ts';

/**
 * The decks in diagrams/, once loaded (again when one is saved): null until then, an Error if their
 * code could not be loaded (`retry` asks again).
 */
export function useDecks(): { decks: Deck[] | Error | null; retry: () => void } {
  const [decks, setDecks] = useState<Deck[] | Error | null>(null);
  const [attempt, setAttempt] = useState(0);
  const version = useDeckVersion();
  // Runs again on each retry (`attempt`) and saved deck file (`version`).
  useEffect(() => {
    let live = true;
    loadDecks().then(
      (found) => live && setDecks(found),
      (error: unknown) =>
        live && setDecks(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      live = false;
    };
  }, [attempt, version]);
  const retry = useCallback(() => {
    setDecks(null);
    setAttempt((n) => n + 1);
  }, []);
  return { decks, retry };
}
