import { useEffect } from 'react';
import { isTyping } from './isTyping.ts';
import { parseRoute, type Route } from './route.ts';

/**
 * Keys a presenter presses while a flow, a deck or a speaker view loads
 * (the layout engine starting, a lazy chunk, a deck's diagrams): held here,
 * then played to the view, in order, once it can take them. Without it the
 * clicker's presses made during those seconds vanish (issue 16).
 *
 * A view says it can take keys with `useKeysReady()`, after its own key
 * listeners are on; while no view of the current route has, the buffer holds
 * the keys below and keeps them from everything else.
 */

/** Stepping keys (a clicker's and the player's), and presenter mode's own. */
const HELD = new Set([
  'ArrowRight',
  'ArrowLeft',
  'ArrowDown',
  'ArrowUp',
  'PageDown',
  'PageUp',
  ' ',
  'Enter',
  'Backspace',
  'Home',
  'End',
  'p',
  'b',
  '.',
  'w',
]);
/** More than any presenter presses while waiting; the oldest go first. */
const MAX_HELD = 100;

/** Which view (not which step of it) a route shows, for routes that step; null for the rest. */
export function steppingView(route: Route): string | null {
  switch (route.kind) {
    case 'diagram':
    case 'deck':
    case 'speaker':
    case 'speaker-deck':
      return `${route.kind}:${route.id}`;
    case 'share':
      return `share:${route.payload}`;
    default:
      return null;
  }
}

interface Held {
  view: string;
  key: string;
  code: string;
  shiftKey: boolean;
}

export interface KeyBuffer {
  /** A view can take keys now: the held ones for it are played first. Returns the release. */
  ready(): () => void;
  destroy(): void;
}

export interface KeyBufferOptions {
  /** Where keys are listened for and played (the window). */
  target: Window;
  /** The stepping view shown now (`steppingView` of the URL). */
  currentView: () => string | null;
}

function ownedByTarget(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof Element)) return false;
  if (isTyping(target)) return true;
  // Space and Enter press a focused button or link (a Try again, a way back).
  return (event.key === ' ' || event.key === 'Enter') && target.closest('button, a') !== null;
}

export function createKeyBuffer({ target, currentView }: KeyBufferOptions): KeyBuffer {
  let readyViews = 0;
  let held: Held[] = [];
  let playing = false;

  const onKey = (event: KeyboardEvent) => {
    if (playing || readyViews > 0) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    if (!HELD.has(event.key) || ownedByTarget(event)) return;
    const view = currentView();
    if (view === null) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    held.push({ view, key: event.key, code: event.code, shiftKey: event.shiftKey });
    if (held.length > MAX_HELD) held = held.slice(-MAX_HELD);
  };
  target.addEventListener('keydown', onKey, { capture: true });

  const play = () => {
    const view = currentView();
    // Keys held for a view left since are dropped, not played to another.
    const mine = held.filter((h) => h.view === view);
    held = [];
    playing = true;
    try {
      for (const { key, code, shiftKey } of mine) {
        const init = { key, code, shiftKey, bubbles: true, cancelable: true };
        const at = target.document.activeElement ?? target.document.body;
        at.dispatchEvent(new KeyboardEvent('keydown', init));
      }
    } finally {
      playing = false;
    }
  };

  return {
    ready() {
      readyViews += 1;
      play();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        readyViews -= 1;
      };
    },
    destroy() {
      target.removeEventListener('keydown', onKey, { capture: true });
      held = [];
    },
  };
}

let appBuffer: KeyBuffer | undefined;

/** Starts holding keys for the app (once, before the first render). */
export function startKeyBuffer(): KeyBuffer {
  appBuffer ??= createKeyBuffer({
    target: window,
    currentView: () => steppingView(parseRoute(window.location.hash)),
  });
  return appBuffer;
}

/**
 * Tells the key buffer this view takes keys while `ready`: call it after the
 * hooks that listen for them, so the held keys find them listening.
 */
export function useKeysReady(ready: boolean) {
  useEffect(() => {
    if (!ready || !appBuffer) return;
    return appBuffer.ready();
  }, [ready]);
}
