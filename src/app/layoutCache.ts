import type { ScreenShape } from '../core/model/screenShape.ts';
import type { LayoutResult } from '../worker/protocol.ts';
import type { DiagramSource } from './diagrams.ts';

/**
 * Finished layouts by source, screen shape and collapse set, for this tab: going back to a
 * diagram (or opening one whose gallery thumbnail is drawn) paints at once.
 * Every view that waits for layouts reads them from here, and is told when
 * one arrives, whoever asked for it: a view never waits on an answer that
 * went to another view (the hang this replaced, issue 16).
 */
type Entry = { text: string; result: LayoutResult };

const MAX_RESULTS = 64;
let entries: ReadonlyMap<string, Entry> = new Map();
const listeners = new Set<() => void>();

/** The screen shape a layout was asked for; undefined is as written. */
type Screen = ScreenShape | undefined;

function cacheKey(source: DiagramSource, collapsed: readonly string[], screen: Screen): string {
  return `${source.file}\n${screen ?? 'as written'}\n${[...collapsed].sort().join('\n')}`;
}

function publish(next: Map<string, Entry>) {
  entries = next;
  for (const listener of [...listeners]) listener();
}

/** A finished layout of this source, collapse set and screen shape, if one is at hand. */
export function cached(
  source: DiagramSource,
  collapsed: readonly string[],
  screen: Screen,
  from: ReadonlyMap<string, Entry> = entries,
): LayoutResult | undefined {
  const hit = from.get(cacheKey(source, collapsed, screen));
  return hit?.text === source.text ? hit.result : undefined;
}

/** Keeps a finished layout (not a cancelled one) and tells every subscriber. */
export function remember(
  source: DiagramSource,
  collapsed: readonly string[],
  screen: Screen,
  result: LayoutResult,
) {
  if ('cancelled' in result) return;
  const key = cacheKey(source, collapsed, screen);
  const next = new Map(entries);
  next.delete(key);
  next.set(key, { text: source.text, result });
  for (const oldest of next.keys()) {
    if (next.size <= MAX_RESULTS) break;
    next.delete(oldest);
  }
  publish(next);
}

/** Drops a kept layout, so the next request asks the worker again (a retry after a failure). */
export function forget(source: DiagramSource, collapsed: readonly string[], screen: Screen) {
  const key = cacheKey(source, collapsed, screen);
  if (!entries.has(key)) return;
  const next = new Map(entries);
  next.delete(key);
  publish(next);
}

/** For `useSyncExternalStore`: called after every change. */
export function subscribeLayouts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For `useSyncExternalStore`: a new object after every change. */
export function layoutsSnapshot(): ReadonlyMap<string, Entry> {
  return entries;
}
