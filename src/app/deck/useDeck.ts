import { useMemo } from 'react';
import { buildTimeline, type Timeline } from '../../core/animate/timeline.ts';
import { deckSlides, type Slide } from '../../core/deck/slides.ts';
import type { Deck } from '../../core/deck/types.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import type { ScreenShape } from '../../core/model/screenShape.ts';
import type { LayoutResult } from '../../worker/protocol.ts';
import { type DiagramSource, useDiagrams } from '../diagrams.ts';
import { useCatalog } from '../gallery/useCatalog.ts';
import type { LayoutClient } from '../layoutClient.ts';
import { useDecks } from './useDecks.ts';

export function laidOut(result: LayoutResult | undefined): LaidOutDiagram | null {
  return result !== undefined && !('cancelled' in result) && result.ok ? result.diagram : null;
}

/**
 * A deck (by id) and its diagrams being laid out (in the worker, cached like
 * the gallery's) for `screen`, by default this window's shape: the deck
 * window and its speaker view (with the deck window's shape) both wait for this.
 */
export function useDeckLayouts(client: LayoutClient | null, id: string, screen?: ScreenShape) {
  const { decks, retry: reload } = useDecks();
  const deck = Array.isArray(decks) ? decks.find((d) => d.id === id) : undefined;
  const all = useDiagrams();
  const sources = useMemo(() => {
    const ids = new Set(deck?.entries.map((e) => e.diagram));
    return all.filter((s) => ids.has(s.id));
  }, [deck, all]);
  const { results, retry: relayout } = useCatalog(client, sources, screen);
  const retry = decks instanceof Error ? reload : relayout;
  return { decks, deck, sources, results, retry };
}

/** The first of the deck's diagrams whose layout failed, if any. */
export function brokenSource(
  sources: readonly DiagramSource[],
  results: ReadonlyMap<string, LayoutResult>,
): DiagramSource | undefined {
  return sources.find((s) => {
    const result = results.get(s.id);
    return result && !('cancelled' in result) && !result.ok;
  });
}

/** The laid-out diagrams of a deck, by id, and its slides (once every diagram is laid out). */
export function useSlides(
  deck: Deck,
  sources: readonly DiagramSource[],
  results: ReadonlyMap<string, LayoutResult>,
) {
  const diagrams = useMemo(() => {
    const found = new Map<string, LaidOutDiagram>();
    for (const s of sources) {
      const diagram = laidOut(results.get(s.id));
      if (diagram) found.set(s.id, diagram);
    }
    return found;
  }, [sources, results]);
  const slides = useMemo(
    () => deckSlides(deck, (diagramId) => diagrams.get(diagramId)?.flows),
    [deck, diagrams],
  );
  return { diagrams, slides };
}

/** What a slide shows: its diagram, its flow's timeline (none for an idle slide) and its step. */
export function slideScene(slide: Slide, diagrams: ReadonlyMap<string, LaidOutDiagram>) {
  const diagram = diagrams.get(slide.diagramId) as LaidOutDiagram;
  const flow = slide.flowId === null ? undefined : diagram.flows.find((f) => f.id === slide.flowId);
  const timeline: Timeline | null = flow ? buildTimeline(diagram, flow) : null;
  return { diagram, timeline, scene: timeline?.steps[slide.step] };
}
