import { useEffect, useRef } from 'react';
import { isTyping } from '../isTyping.ts';

/** What a key asks of something that steps: a flow, a deck, a speaker view. */
export type StepMove = 'next' | 'prev' | 'first' | 'last' | 'space';

// Presentation clickers send PageDown/PageUp, some Enter/Backspace.
const MOVES: Readonly<Record<string, StepMove>> = {
  ArrowRight: 'next',
  PageDown: 'next',
  Enter: 'next',
  ArrowLeft: 'prev',
  PageUp: 'prev',
  Backspace: 'prev',
  Home: 'first',
  End: 'last',
  ' ': 'space',
};

/**
 * The move a key means, or null when it is not for stepping: a modifier is
 * held, someone already handled it (a focused node's arrow keys), the reader
 * is typing, or Space/Enter is pressing a focused button or link.
 */
export function stepMove(event: KeyboardEvent): StepMove | null {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return null;
  const target = event.target as Element | null;
  const within = (selector: string) =>
    typeof target?.closest === 'function' && target.closest(selector) !== null;
  if (within('button, a') && (event.key === ' ' || event.key === 'Enter')) return null;
  if (isTyping(target)) return null;
  return MOVES[event.key] ?? null;
}

/** Listens on the window for stepping keys wherever the focus is; `onMove` may change every render. */
export function useStepKeys(onMove: ((move: StepMove) => void) | null) {
  const latest = useRef(onMove);
  latest.current = onMove;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const move = stepMove(event);
      if (!move || !latest.current) return;
      event.preventDefault();
      latest.current(move);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
