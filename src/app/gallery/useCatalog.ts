import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ScreenShape } from '../../core/model/screenShape.ts';
import type { LayoutResult } from '../../worker/protocol.ts';
import type { DiagramSource } from '../diagrams.ts';
import { cached, forget, layoutsSnapshot, remember, subscribeLayouts } from '../layoutCache.ts';
import type { LayoutClient } from '../layoutClient.ts';
import { useScreenShape } from '../useScreenShape.ts';
import { useWalkthroughTitles } from '../useWalkthroughTitle.ts';

export interface Catalog {
  /** Each source's finished layout (or failure), by id; a source still on its way is missing. */
  results: ReadonlyMap<string, LayoutResult>;
  /** Forgets the failed layouts and asks for every missing one again. */
  retry: () => void;
}

/**
 * Every source laid out once (in the worker, one after another), for the
 * gallery's cards and a deck's slides. Results come from the tab's layout
 * cache, whoever asked for them, so a layout done before (by the gallery, a
 * diagram view, another deck) counts at once, and one that is dropped from
 * the cache is asked for again. Default flows come titled in the UI's
 * language. Laid out for `screen`, by default this window's shape, as a
 * diagram view is: a card opened paints the layout its thumbnail drew.
 */
export function useCatalog(
  client: LayoutClient | null,
  sources: DiagramSource[],
  screen?: ScreenShape,
): Catalog {
  const windowShape = useScreenShape();
  const shape = screen ?? windowShape;
  const all = useSyncExternalStore(subscribeLayouts, layoutsSnapshot);
  const results = useMemo(() => {
    const found = new Map<string, LayoutResult>();
    for (const source of sources) {
      const hit = cached(source, [], shape, all);
      if (hit) found.set(source.id, hit);
    }
    return found;
  }, [all, sources, shape]);
  const [attempt, setAttempt] = useState(0);
  // Sources asked for and not answered yet, by this hook.
  const asked = useRef(new Set<string>());
  useEffect(() => {
    if (!client) return;
    for (const source of sources) {
      const key = `${shape}\n${source.id}`;
      if (results.has(source.id) || asked.current.has(key)) continue;
      asked.current.add(key);
      client
        .request({
          text: source.text,
          file: source.file,
          screen: shape,
          channel: `thumb:${source.id}`,
        })
        .then((result) => {
          asked.current.delete(key);
          // Cancelled: a newer request on this channel (this hook's, or another
          // view's) answers instead, into the cache, where this hook sees it.
          remember(source, [], shape, result);
        });
    }
  }, [client, sources, results, shape, attempt]);
  const retry = useCallback(() => {
    for (const source of sources) {
      const hit = cached(source, [], shape);
      if (hit && !('cancelled' in hit) && !hit.ok) forget(source, [], shape);
    }
    asked.current.clear();
    setAttempt((n) => n + 1);
  }, [sources, shape]);
  return { results: useWalkthroughTitles(results), retry };
}
