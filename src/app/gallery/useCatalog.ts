import { useEffect, useState } from 'react';
import type { LayoutResult } from '../../worker/protocol.ts';
import type { DiagramSource } from '../diagrams.ts';
import type { LayoutClient } from '../layoutClient.ts';
import { cached, remember } from '../useLayout.ts';
import { useWalkthroughTitles } from '../useWalkthroughTitle.ts';

/**
 * Every source laid out once (in the worker, one after another), for the
 * gallery's cards and the decks; default flows titled in the UI's language.
 */
export function useCatalog(
  client: LayoutClient | null,
  sources: DiagramSource[],
): ReadonlyMap<string, LayoutResult> {
  const [results, setResults] = useState(() => {
    const found = new Map<string, LayoutResult>();
    for (const source of sources) {
      const hit = cached(source, []);
      if (hit) found.set(source.id, hit);
    }
    return found;
  });
  useEffect(() => {
    if (!client) return;
    let live = true;
    for (const source of sources) {
      if (cached(source, [])) continue;
      client
        .request({ text: source.text, file: source.file, channel: `thumb:${source.id}` })
        .then((result) => {
          remember(source, [], result);
          if (!live || 'cancelled' in result) return;
          setResults((previous) => new Map(previous).set(source.id, result));
        });
    }
    return () => {
      live = false;
    };
  }, [client, sources]);
  return useWalkthroughTitles(results);
}
