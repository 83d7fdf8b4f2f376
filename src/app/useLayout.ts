import { useEffect, useState } from 'react';
import type { LaidOutDiagram } from '../core/layout/types.ts';
import type { ScreenShape } from '../core/model/screenShape.ts';
import type { LayoutResult } from '../worker/protocol.ts';
import type { DiagramSource } from './diagrams.ts';
import { cached, remember, subscribeLayouts } from './layoutCache.ts';
import type { JobPhase, LayoutClient } from './layoutClient.ts';
import { useScreenShape } from './useScreenShape.ts';
import { useWalkthroughTitle } from './useWalkthroughTitle.ts';

type Failure = Extract<LayoutResult, { ok: false }>;

/** What a view shows: the last good diagram, whether a newer one is on its way, or why it failed. */
export interface LayoutState {
  diagram: LaidOutDiagram | null;
  /** Set while the worker works on this view. */
  phase: JobPhase | null;
  error: Failure | null;
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
 * Lays out a source in the worker (channel `channel`) for a screen shape
 * (`screen`, by default this window's) and follows it: a new source,
 * collapse set or shape starts a new job and cancels the old one, while the
 * last good diagram stays on screen. `retry` runs the job again. A plain
 * chart's default flow comes titled in the UI's language.
 */
export function useLayout(
  client: LayoutClient | null,
  source: DiagramSource | undefined,
  collapsed: readonly string[] = [],
  screen?: ScreenShape,
  channel = 'view',
): LayoutState & { retry: () => void } {
  const windowShape = useScreenShape();
  const shape = screen ?? windowShape;
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<LayoutState>(() =>
    fromResult(source && cached(source, collapsed, shape), null),
  );
  const collapsedKey = collapsed.join('\n');
  useEffect(() => {
    if (!client || !source) return;
    const hit = attempt === 0 ? cached(source, collapsed, shape) : undefined;
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
        screen: shape,
        channel,
        onProgress: (phase) => {
          if (live) setState((previous) => ({ ...previous, phase }));
        },
      })
      .then((result) => {
        remember(source, collapsed, shape, result);
        if (!live) return;
        if (!('cancelled' in result)) {
          setState((previous) => fromResult(result, previous.diagram));
          return;
        }
        // Another view asked for the same channel since: take its answer
        // when it lands, rather than wait for ours, which will not come.
        const take = () => {
          const hit = cached(source, collapsed, shape);
          if (!hit || !live) return false;
          setState((previous) => fromResult(hit, previous.diagram));
          return true;
        };
        if (take()) return;
        const unsubscribe = subscribeLayouts(() => {
          if (take()) unsubscribe();
        });
        stop = unsubscribe;
      });
    let stop = () => {};
    return () => {
      live = false;
      stop();
    };
  }, [client, source, collapsedKey, shape, channel, attempt]);
  const diagram = useWalkthroughTitle(state.diagram);
  return { ...state, diagram, retry: () => setAttempt((n) => n + 1) };
}
