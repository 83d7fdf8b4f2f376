import { useCallback, useEffect, useState } from 'react';
import type { Deck } from '../../core/deck/types.ts';
import { loadDecks } from '../diagrams.ts';

/**
 * The decks in diagrams/, once loaded: null until then, an Error if their
 * code could not be loaded (`retry` asks again).
 */
export function useDecks(): { decks: Deck[] | Error | null; retry: () => void } {
  const [decks, setDecks] = useState<Deck[] | Error | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Runs again on each retry (`attempt`).
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
  }, [attempt]);
  const retry = useCallback(() => {
    setDecks(null);
    setAttempt((n) => n + 1);
  }, []);
  return { decks, retry };
}
