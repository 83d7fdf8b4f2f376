import { useEffect, useState } from 'react';
import type { LaidOutDiagram } from '../core/layout/types.ts';
import type { LayoutPhase, LayoutResult } from '../worker/protocol.ts';
import type { DiagramSource } from './diagrams.ts';
import type { LayoutClient } from './layoutClient.ts';
import { useWalkthroughTitle } from './useWalkthroughTitle.ts';

type Failure = Extract<LayoutResult, { ok: false }>;

/** What a view shows: the last good diagram, whether a newer one is on its way, or why it failed. */
export interface LayoutState {
  diagram: LaidOutDiagram | null;
  /** Set while the worker works on this view. */
  phase: LayoutPhase | 'starting' | null;
  error: Failure | null;
}

// Finished layouts by source and view state, so going back to a diagram (or
// opening one whose gallery thumbnail is drawn) paints at once.
const results = new Map<string, { text: string; result: LayoutResult }>();
const MAX_RESULTS = 64;

function cacheKey(source: DiagramSource, collapsed: readonly string[]): string {
  return `${source.file}\n${[...collapsed].sort().join('\n')}`;
}

/** A finished layout of this source and collapse set, if one is at hand. */
export function cached(
  source: DiagramSource,
  collapsed: readonly string[],
): LayoutResult | undefined {
  const hit = results.get(cacheKey(source, collapsed));
  return hit?.text === source.text ? hit.result : undefined;
}

/** Keeps a finished layout for `cached`. */
export function remember(
  source: DiagramSource,
  collapsed: readonly string[],
  result: LayoutResult,
) {
  if ('cancelled' in result) return;
  const key = cacheKey(source, collapsed);
  results.delete(key);
  results.set(key, { text: source.text, result });
  for (const oldest of results.keys()) {
    if (results.size <= MAX_RESULTS) break;
    results.delete(oldest);
  }
}

function fromResult(
  result: LayoutResult | undefined,
  previous: LaidOutDiagram | null,
): LayoutState {
  if (!result || 'cancelled' in result)
    return { diagram: previous, phase: 'starting', error: null };
  if (result.ok) return { diagram: result.diagram, phase: null, error: null };
  return { diagram: previous, phase: null, error: result };
}

/**
 * Lays out a source in the worker (channel `channel`) and follows it: a new
 * source or collapse set starts a new job and cancels the old one, while the
 * last good diagram stays on screen. `retry` runs the job again. A plain
 * chart's default flow comes titled in the UI's language.
 */
export function useLayout(
  client: LayoutClient | null,
  source: DiagramSource | undefined,
  collapsed: readonly string[] = [],
  channel = 'view',
): LayoutState & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<LayoutState>(() =>
    fromResult(source && cached(source, collapsed), null),
  );
  const collapsedKey = collapsed.join('\n');
  useEffect(() => {
    if (!client || !source) return;
    const hit = attempt === 0 ? cached(source, collapsed) : undefined;
    if (hit) {
      setState((previous) => fromResult(hit, previous.diagram));
      return;
    }
    let live = true;
    setState((previous) => ({ diagram: previous.diagram, phase: 'starting', error: null }));
    client
      .request({
        text: source.text,
        file: source.file,
        collapsed: [...collapsed],
        channel,
        onProgress: (phase) => {
          if (live) setState((previous) => ({ ...previous, phase }));
        },
      })
      .then((result) => {
        remember(source, collapsed, result);
        if (live && !('cancelled' in result)) {
          setState((previous) => fromResult(result, previous.diagram));
        }
      });
    return () => {
      live = false;
    };
  }, [client, source, collapsedKey, channel, attempt]);
  const diagram = useWalkthroughTitle(state.diagram);
  return { ...state, diagram, retry: () => setAttempt((n) => n + 1) };
}
