import '../view/view.css';
import '../player/player.css';
import './deck.css';
import { Suspense, useCallback, useMemo, useState } from 'react';
import { buildTimeline } from '../../core/animate/timeline.ts';
import type { Slide } from '../../core/deck/slides.ts';
import type { Deck } from '../../core/deck/types.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import type { LayoutResult } from '../../worker/protocol.ts';
import type { DiagramSource } from '../diagrams.ts';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { useT } from '../i18n/useT.ts';
import type { LayoutClient } from '../layoutClient.ts';
import { LiveSlot } from '../live/LiveSlot.tsx';
import type { Showing } from '../playback/playbackStore.ts';
import { useShow } from '../playback/usePlayback.ts';
import { Presenter } from '../present/Presenter.tsx';
import { deckHref, navigate, parseRoute } from '../route.ts';
import { useTheme } from '../theme/useTheme.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { Canvas } from '../view/Canvas.tsx';
import { useOnReframe } from '../view/reframe.ts';
import { Tokens } from '../views.ts';
import { DeckBar } from './DeckBar.tsx';
import { DeckMessage, DeckWait, deckWaitState } from './DeckWait.tsx';
import { useDeckLayouts, useSlides } from './useDeck.ts';

/**
 * A lesson deck played as slides (`#/deck/<id>/<slide>`, from 1): one slide
 * per step of each entry's flow, one after another. Every diagram is laid
 * out first (in the worker, cached like the gallery's), so the slide count is
 * known and going to the next diagram is instant: one canvas stays mounted
 * and morphs from diagram to diagram.
 */
export function DeckView({
  client,
  id,
  slide,
  onTitle,
}: {
  client: LayoutClient | null;
  id: string;
  /** From 1, as in the URL. */
  slide: number;
  /** Told the deck's title once it is known, for the header. */
  onTitle?: (title: string) => void;
}) {
  const layouts = useDeckLayouts(client, id);
  const { deck, sources, results } = layouts;

  useDocumentTitle(deck?.title, onTitle);

  const wait = deckWaitState(layouts);
  if (wait || !deck) {
    return <DeckWait id={id} state={wait ?? { kind: 'notFound' }} retry={layouts.retry} />;
  }
  return <Ready deck={deck} sources={sources} results={results} slide={slide} />;
}

function Ready({
  deck,
  sources,
  results,
  slide,
}: {
  deck: Deck;
  sources: DiagramSource[];
  results: ReadonlyMap<string, LayoutResult>;
  slide: number;
}) {
  const t = useT();
  const { diagrams, slides } = useSlides(deck, sources, results);
  if (slides.length === 0) return <DeckMessage>{t('deck.noSlides', { id: deck.id })}</DeckMessage>;
  const current = Number.isInteger(slide) ? slides[slide - 1] : undefined;
  if (!current) {
    return (
      <DeckMessage action={{ href: deckHref(deck.id, 1), label: t('deck.first') }}>
        {t('deck.outOfRange', { id: deck.id, slide, count: slides.length })}
      </DeckMessage>
    );
  }
  return <Stage deck={deck} slides={slides} index={slide - 1} diagrams={diagrams} />;
}

/** The slide on the one canvas, and the bar under it. */
function Stage({
  deck,
  slides,
  index,
  diagrams,
}: {
  deck: Deck;
  slides: Slide[];
  index: number;
  diagrams: ReadonlyMap<string, LaidOutDiagram>;
}) {
  const { reducedMotion } = useTheme();
  const [selected, setSelected] = useState<string | null>(null);
  const slide = slides[index] as Slide;
  const diagram = diagrams.get(slide.diagramId) as LaidOutDiagram;
  const flow = slide.flowId === null ? undefined : diagram.flows.find((f) => f.id === slide.flowId);
  const timeline = useMemo(() => (flow ? buildTimeline(diagram, flow) : null), [diagram, flow]);
  const scene = timeline?.steps[slide.step];
  // A selection belongs to the diagram it was made on.
  const [selectedOn, setSelectedOn] = useState(diagram);
  if (selectedOn !== diagram) {
    setSelectedOn(diagram);
    setSelected(null);
  }
  const count = slides.length;
  const go = useCallback(
    (target: number) => {
      const clamped = Math.min(Math.max(target, 0), count - 1);
      navigate(deckHref(deck.id, clamped + 1), { replace: true });
    },
    [deck.id, count],
  );
  // The URL is ahead of React on a fast clicker.
  const current = useCallback(() => {
    const route = parseRoute(window.location.hash);
    return route.kind === 'deck' && route.id === deck.id ? route.slide - 1 : index;
  }, [deck.id, index]);
  const showing = useMemo<Showing>(
    () => ({
      cue: { kind: 'deck', deck: deck.id, slide: index + 1 },
      key: `deck:${deck.id}`,
      diagram,
      timeline,
      step: slide.step,
      position: index,
      count,
      go,
      current,
    }),
    [deck.id, index, diagram, timeline, slide.step, count, go, current],
  );
  useShow(showing);
  useOnReframe(() => setSelected(null));
  return (
    <div className="fd-view fd-deck" data-playing="">
      <div className="fd-stage">
        {/* Not keyed by diagram: the canvas stays and morphs to the next one. */}
        <ErrorBoundary part="diagram" compact resetKey={diagram}>
          <Canvas diagram={diagram} selected={selected} onSelect={setSelected} scene={scene}>
            <ErrorBoundary part="presenter" compact>
              <Presenter />
            </ErrorBoundary>
            {scene && !reducedMotion ? (
              <ErrorBoundary part="player" fallback={() => null}>
                <Suspense fallback={null}>
                  <Tokens key={index} scene={scene} step={index} />
                </Suspense>
              </ErrorBoundary>
            ) : null}
            <LiveSlot part="canvas" />
          </Canvas>
        </ErrorBoundary>
        <LiveSlot part="stage" />
        <ErrorBoundary part="export" fallback={() => null}>
          <ExportMenu diagram={diagram} step={timeline && scene ? { timeline, scene } : null} />
        </ErrorBoundary>
        <ErrorBoundary part="player" compact>
          <DeckBar
            deck={deck}
            diagram={diagram}
            flowTitle={timeline?.title}
            caption={scene?.caption ?? ''}
            timeline={timeline}
            step={slide.step}
            index={index}
            slides={slides}
            titleOf={(id) => diagrams.get(id)?.title ?? id}
            go={go}
            current={current}
          />
        </ErrorBoundary>
      </div>
    </div>
  );
}
