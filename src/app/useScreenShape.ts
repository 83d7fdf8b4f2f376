import { useSyncExternalStore } from 'react';
import { nearestShape, type ScreenShape } from '../core/model/screenShape.ts';

/**
 * The shape of this window (`nearestShape` of its inner size), which every
 * layout this window asks for is shaped for. The window, not the canvas: the
 * flow bar, the details panel or presenter mode's hidden chrome must not lay
 * the diagram out again. A resize is read once it has rested, and changes
 * the shape only when it crosses into another one.
 */
const SETTLE_MS = 200;

let current: ScreenShape | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

/** This window's shape now (`useScreenShape()` follows it). */
export function windowShape(): ScreenShape {
  return nearestShape(window.innerWidth, window.innerHeight);
}

function settle() {
  const next = windowShape();
  if (next === current) return;
  current = next;
  for (const listener of [...listeners]) listener();
}

function onResize() {
  clearTimeout(timer);
  timer = setTimeout(settle, SETTLE_MS);
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    // Nobody listened meanwhile: read the window afresh.
    current = windowShape();
    window.addEventListener('resize', onResize);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    window.removeEventListener('resize', onResize);
    clearTimeout(timer);
  };
}

function snapshot(): ScreenShape {
  current ??= windowShape();
  return current;
}

/** This window's screen shape, for layouts: changes only when a resize crosses shapes. */
export function useScreenShape(): ScreenShape {
  return useSyncExternalStore(subscribe, snapshot);
}
