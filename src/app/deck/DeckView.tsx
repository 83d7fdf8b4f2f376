import '../view/view.css';
import '../player/player.css';
import './deck.css';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { buildTimeline } from '../../core/animate/timeline.ts';
import type { Deck } from '../../core/deck/types.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import type { LayoutResult } from '../../worker/protocol.ts';
import { DIAGRAMS, type DiagramSource, loadDecks } from '../diagrams.ts';
import { useCatalog } from '../gallery/useCatalog.ts';
import { useT } from '../i18n/useT.ts';
import type { LayoutClient } from '../layoutClient.ts';
import { Presenter, type Stepper } from '../present/Presenter.tsx';
import { deckHref, navigate, parseRoute } from '../route.ts';
import { useTheme } from '../theme/useTheme.ts';
import { Canvas } from '../view/Canvas.tsx';
import { DeckBar } from './DeckBar.tsx';
import { deckSlides, type Slide } from './slides.ts';

const Tokens = lazy(() => import('../player/Tokens.tsx').then((m) => ({ default: m.Tokens })));

/** The decks in diagrams/, once loaded; null until then. */
function useDecks(): Deck[] | null {
  const [decks, setDecks] = useState<Deck[] | null>(null);
  useEffect(() => {
    let live = true;
    void loadDecks().then((found) => {
      if (live) setDecks(found);
    });
    return () => {
      live = false;
    };
  }, []);
  return decks;
}

function Message({
  children,
  action,
}: {
  children: string;
  action?: { href: string; label: string };
}) {
  const t = useT();
  return (
    <div className="fd-card-error-view" role="alert">
      <h2>{children}</h2>
      <p className="fd-actions">
        {action ? (
          <a className="fd-button" href={action.href}>
            {action.label}
          </a>
        ) : null}
        <a className="fd-button" href="#/">
          {t('diagram.allDiagrams')}
        </a>
      </p>
    </div>
  );
}

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
  const t = useT();
  const decks = useDecks();
  const deck = decks?.find((d) => d.id === id);
  const sources = useMemo(() => {
    const ids = new Set(deck?.entries.map((e) => e.diagram));
    return DIAGRAMS.filter((s) => ids.has(s.id));
  }, [deck]);
  const results = useCatalog(client, sources);

  useEffect(() => {
    if (!deck) return;
    document.title = `${deck.title} · Flowdeck`;
    onTitle?.(deck.title);
    return () => {
      document.title = 'Flowdeck';
    };
  }, [deck, onTitle]);

  if (!decks) return <p className="fd-deck-wait">{t('diagram.loading')}</p>;
  if (!deck) return <Message>{t('deck.notFound', { id })}</Message>;
  const broken = sources.find((s) => {
    const result = results.get(s.id);
    return result && !('cancelled' in result) && !result.ok;
  });
  if (broken) {
    return (
      <Message action={{ href: `#/d/${encodeURIComponent(broken.id)}`, label: broken.id }}>
        {t('deck.broken', { id: broken.id })}
      </Message>
    );
  }
  const done = sources.filter((s) => laidOut(results.get(s.id))).length;
  if (done < sources.length) {
    return (
      <p className="fd-deck-wait" role="status">
        {t('deck.preparing', { done, count: sources.length })}
      </p>
    );
  }
  return <Ready deck={deck} sources={sources} results={results} slide={slide} />;
}

function laidOut(result: LayoutResult | undefined): LaidOutDiagram | null {
  return result !== undefined && !('cancelled' in result) && result.ok ? result.diagram : null;
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
  if (slides.length === 0) return <Message>{t('deck.noSlides', { id: deck.id })}</Message>;
  const current = Number.isInteger(slide) ? slides[slide - 1] : undefined;
  if (!current) {
    return (
      <Message action={{ href: deckHref(deck.id, 1), label: t('deck.first') }}>
        {t('deck.outOfRange', { id: deck.id, slide, count: slides.length })}
      </Message>
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
  const go = (target: number) => {
    const clamped = Math.min(Math.max(target, 0), slides.length - 1);
    navigate(deckHref(deck.id, clamped + 1), { replace: true });
  };
  // Presenter mode steps the slides; the URL is ahead of React on a fast clicker.
  const stepper: Stepper = {
    key: String(index),
    go,
    current: () => {
      const route = parseRoute(window.location.hash);
      return route.kind === 'deck' && route.id === deck.id ? route.slide - 1 : index;
    },
  };
  return (
    <div className="fd-view fd-deck" data-playing="">
      <div className="fd-stage">
        {/* Not keyed by diagram: the canvas stays and morphs to the next one. */}
        <Canvas
          diagram={diagram}
          selected={selected}
          onSelect={setSelected}
          states={scene}
          focus={scene?.focus}
        >
          <Presenter diagram={diagram} player={null} stepper={stepper} />
          {scene && !reducedMotion ? (
            <Suspense fallback={null}>
              <Tokens key={index} scene={scene} step={index} />
            </Suspense>
          ) : null}
        </Canvas>
        <DeckBar
          deck={deck}
          diagram={diagram}
          flowTitle={timeline?.title}
          caption={scene?.caption ?? ''}
          index={index}
          count={slides.length}
          go={go}
        />
      </div>
    </div>
  );
}
