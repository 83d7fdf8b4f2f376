import { useMemo } from 'react';
import { titleWalkthroughs } from '../core/animate/defaultFlow.ts';
import type { LaidOutDiagram } from '../core/layout/types.ts';
import type { LayoutResult } from '../worker/protocol.ts';
import { useT } from './i18n/useT.ts';

// Layouts are kept as the worker made them, whatever the language (so the
// caches' keys need none); the title is put in on the way out. One copy per
// layout and title, so a view handed the same layout again gets the same
// object and React sees no change.
const diagrams = new WeakMap<LaidOutDiagram, { title: string; diagram: LaidOutDiagram }>();
const results = new WeakMap<LayoutResult, { title: string; result: LayoutResult }>();

/**
 * The diagram with its untitled default flow (a plain Mermaid chart's
 * `main`) titled `title`; the same object when it has none.
 *
 * @example withWalkthroughTitle(diagram, '둘러보기').flows[0].title // '둘러보기'
 */
export function withWalkthroughTitle(diagram: LaidOutDiagram, title: string): LaidOutDiagram {
  const kept = diagrams.get(diagram);
  if (kept?.title === title) return kept.diagram;
  const titled = titleWalkthroughs(diagram, title);
  diagrams.set(diagram, { title, diagram: titled });
  return titled;
}

function resultWithTitle(result: LayoutResult, title: string): LayoutResult {
  if (!('ok' in result) || !result.ok) return result;
  const kept = results.get(result);
  if (kept?.title === title) return kept.result;
  const diagram = withWalkthroughTitle(result.diagram, title);
  const titled = diagram === result.diagram ? result : { ...result, diagram };
  results.set(result, { title, result: titled });
  return titled;
}

/** A layout's default flow titled in the UI's language ("Walkthrough", "둘러보기"). */
export function useWalkthroughTitle(diagram: LaidOutDiagram | null): LaidOutDiagram | null {
  const title = useT()('player.walkthrough');
  return useMemo(() => diagram && withWalkthroughTitle(diagram, title), [diagram, title]);
}

/** `useWalkthroughTitle` for every layout of a map of results. */
export function useWalkthroughTitles<K>(
  found: ReadonlyMap<K, LayoutResult>,
): ReadonlyMap<K, LayoutResult> {
  const title = useT()('player.walkthrough');
  return useMemo(
    () => new Map([...found].map(([key, result]) => [key, resultWithTitle(result, title)])),
    [found, title],
  );
}
