import '../view/view.css';
import '../gallery/gallery.css';
import '../speaker/speaker.css';
import { useCallback, useEffect, useMemo } from 'react';
import { stripStepNumber } from '../../core/animate/stripStepNumber.ts';
import type { Deck } from '../../core/deck/types.ts';
import type { LayoutResult } from '../../worker/protocol.ts';
import type { DiagramSource } from '../diagrams.ts';
import { useT } from '../i18n/useT.ts';
import type { LayoutClient } from '../layoutClient.ts';
import { navigate, parseRoute, speakerDeckHref } from '../route.ts';
import {
  MoveButtons,
  NextSection,
  NowSection,
  Problem,
  SpeakerTop,
  useSpeakerKeys,
} from '../speaker/parts.tsx';
import { deckSyncId, useAudienceShape, useStepSync } from '../speaker/useStepSync.ts';
import { DeckWait, deckWaitState } from './DeckWait.tsx';
import { slideScene, useDeckLayouts, useSlides } from './useDeck.ts';

/**
 * The presenter's second window for a lesson deck (`#/speaker-deck/<id>/<slide>`):
 * the slide's caption and notes, the next slide's (on the next diagram when
 * this one's flow ends) drawn small, "Slide n of N" and the time. It drives
 * the deck window and follows it, over `useStepSync`.
 */
export function DeckSpeakerView({
  client,
  id,
  slide,
}: {
  client: LayoutClient | null;
  id: string;
  /** From 1, as in the URL. */
  slide: number;
}) {
  const t = useT();
  // The deck window's layouts, not ones for this window's shape.
  const layouts = useDeckLayouts(client, id, useAudienceShape(deckSyncId(id)));
  const { deck, sources, results } = layouts;

  useEffect(() => {
    document.title = `${t('speaker.title')} · ${deck?.title ?? id}`;
    return () => {
      document.title = 'Flowdeck';
    };
  }, [t, deck, id]);

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
  const count = slides.length;
  const index = Math.min(Math.max(slide - 1, 0), Math.max(count - 1, 0));
  const go = useCallback(
    (target: number) => {
      if (count === 0) return;
      const clamped = Math.min(Math.max(target, 0), count - 1);
      navigate(speakerDeckHref(deck.id, clamped + 1), { replace: true });
    },
    [count, deck.id],
  );
  useStepSync(deckSyncId(deck.id), '', index, count > 0 ? go : undefined);
  const shownSlide = () => {
    const route = parseRoute(window.location.hash);
    return route.kind === 'speaker-deck' && route.id === deck.id
      ? Math.min(route.slide - 1, count - 1)
      : index;
  };
  useSpeakerKeys(count > 0 ? go : undefined, shownSlide);

  const current = slides[index];
  const following = slides[index + 1];
  const now = useMemo(() => (current ? slideScene(current, diagrams) : null), [current, diagrams]);
  const next = useMemo(
    () => (following ? slideScene(following, diagrams) : null),
    [following, diagrams],
  );
  if (!current || !now) return <Problem text={t('deck.noSlides', { id: deck.id })} />;

  const where = [now.diagram.title, now.timeline?.title, deck.title].filter(Boolean).join(' · ');
  // An idle slide (a diagram without a flow) says its diagram's title, as the deck bar does.
  const nextCaption = next ? next.scene?.caption || next.diagram.title : t('speaker.deckEnd');
  const whole = next && { x: 0, y: 0, width: next.diagram.width, height: next.diagram.height };
  return (
    <div className="fd-speaker" data-shape={now.diagram.shape}>
      <SpeakerTop title={where} count={t('deck.slideOf', { slide: index + 1, count })} />
      <main className="fd-speaker-body">
        <NowSection
          caption={stripStepNumber(now.scene?.caption ?? '', index + 1) || now.diagram.title}
          notes={now.scene?.notes}
        />
        <div className="fd-speaker-side">
          <NextSection
            caption={nextCaption}
            preview={
              next && whole
                ? {
                    diagram: next.diagram,
                    ...(next.scene ? { states: next.scene } : {}),
                    focus: next.scene?.focus ?? whole,
                  }
                : null
            }
          />
          <MoveButtons
            go={go}
            index={index}
            count={count}
            prev={t('deck.prev')}
            next={t('deck.next')}
          />
        </div>
      </main>
    </div>
  );
}
