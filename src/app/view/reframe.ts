import { useEffect, useRef, useSyncExternalStore } from 'react';

const REFRAME = 'flowdeck:reframe';

/**
 * Asks the view on screen to show its step as it first framed it: the
 * camera frames again and an open details panel closes. For whoever sends
 * the reader back to where they were told to look (a live class's "Back to
 * the class"), when the route is already the right one.
 */
export function requestReframe() {
  window.dispatchEvent(new Event(REFRAME));
}

/** Calls `onReframe` when a reframe is asked for; it may change every render. */
export function useOnReframe(onReframe: () => void) {
  const latest = useRef(onReframe);
  latest.current = onReframe;
  useEffect(() => {
    const listener = () => latest.current();
    window.addEventListener(REFRAME, listener);
    return () => window.removeEventListener(REFRAME, listener);
  }, []);
}

let whole = false;
const wholeListeners = new Set<() => void>();

/**
 * Asks the canvas to frame the whole diagram rather than the step (the
 * step stays lit), or to go back to the step's framing: for a live class's
 * question, where the answer may be anywhere on the diagram.
 */
export function frameWhole(on: boolean) {
  if (whole === on) return;
  whole = on;
  for (const listener of wholeListeners) listener();
}

/** Whether the canvas should frame the whole diagram now (`frameWhole`). */
export function useFramesWhole(): boolean {
  return useSyncExternalStore(
    (listener) => {
      wholeListeners.add(listener);
      return () => wholeListeners.delete(listener);
    },
    () => whole,
  );
}
