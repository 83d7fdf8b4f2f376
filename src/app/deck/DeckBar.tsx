import { AnimatePresence, motion } from 'framer-motion';
import { stripStepNumber } from '../../core/animate/stripStepNumber.ts';
import type { Timeline } from '../../core/animate/timeline.ts';
import { lessonParts, type Slide } from '../../core/deck/slides.ts';
import type { Deck } from '../../core/deck/types.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import { useT } from '../i18n/useT.ts';
import { useKeysReady } from '../keyBuffer.ts';
import { playbackStore } from '../playback/playbackStore.ts';
import { openDeckSpeakerWindow } from '../playback/speakerWindow.ts';
import { type StepMove, useStepKeys } from '../playback/useStepKeys.ts';
import { Icon } from '../player/icons.tsx';
import { StepAnnouncement } from '../player/StepAnnouncement.tsx';
import { diagramHref } from '../route.ts';
import { useTheme } from '../theme/useTheme.ts';

/** Where a stepping key takes a deck (Space moves on: a deck does not auto-play). */
function slideAfter(move: StepMove, index: number, count: number): number {
  if (move === 'first') return 0;
  if (move === 'last') return count - 1;
  return move === 'prev' ? index - 1 : index + 1;
}

/** Under the canvas: the slide's caption, where in the deck it is, and the way on. */
export function DeckBar({
  deck,
  diagram,
  flowTitle,
  caption,
  timeline,
  step,
  index,
  slides,
  titleOf,
  go,
  current,
}: {
  deck: Deck;
  diagram: LaidOutDiagram;
  flowTitle: string | undefined;
  caption: string;
  /** The slide's flow and its step (0-based), for what the step changed. */
  timeline: Timeline | null;
  step: number;
  /** 0-based. */
  index: number;
  slides: readonly Slide[];
  /** A diagram's title, by id. */
  titleOf: (diagramId: string) => string;
  go: (index: number) => void;
  /** The slide on screen (0-based), read from the URL: keys may come faster than renders. */
  current: () => number;
}) {
  const t = useT();
  const { reducedMotion } = useTheme();
  const count = slides.length;
  // Moving on goes through the store, which may take it first (a live class's question is revealed).
  useStepKeys((move) =>
    move === 'next' || move === 'space'
      ? playbackStore().next()
      : go(slideAfter(move, current(), count)),
  );
  useKeysReady(true);
  const parts = lessonParts(slides);
  const shown = stripStepNumber(caption, index + 1) || diagram.title;
  const part = parts.findLastIndex((p) => p.first <= index);
  return (
    <section className="fd-flowbar fd-deckbar fd-chrome" aria-label={t('deck.label')}>
      <div className="fd-progress-track" aria-hidden="true">
        <div className="fd-progress-fill" style={{ width: `${((index + 1) / count) * 100}%` }} />
        {parts.slice(1).map((p) => (
          <span
            key={p.first}
            className="fd-progress-tick"
            style={{ left: `${(p.first / count) * 100}%` }}
          />
        ))}
      </div>
      <StepAnnouncement
        where={t('deck.slideOf', { slide: index + 1, count })}
        caption={shown}
        diagram={diagram}
        timeline={timeline}
        step={step}
      />
      <div className="fd-caption" aria-hidden="true">
        <AnimatePresence mode="wait" initial={false}>
          <motion.p
            key={index}
            initial={reducedMotion ? false : { opacity: 0, y: 10 }}
            animate={{ opacity: 1, y: 0 }}
            exit={reducedMotion ? { opacity: 1 } : { opacity: 0, y: -6 }}
            transition={{ duration: reducedMotion ? 0 : 0.25 }}
          >
            <span className="fd-step-count">{t('deck.slideOf', { slide: index + 1, count })}</span>
            {shown}
          </motion.p>
        </AnimatePresence>
      </div>
      <div className="fd-controls">
        <span className="fd-deck-where">
          <span className="fd-flow-title">{deck.title}</span>
          <select
            className="fd-menu-select fd-deck-part"
            aria-label={t('deck.part')}
            title={t('deck.part')}
            value={parts[part]?.first ?? 0}
            onChange={(event) => go(Number(event.target.value))}
          >
            {parts.map((p, i) => (
              <option key={p.first} value={p.first}>
                {t('deck.partOption', {
                  part: i + 1,
                  count: parts.length,
                  title: titleOf(p.diagramId),
                })}
              </option>
            ))}
          </select>
          {flowTitle ? <span className="fd-flow-title">{flowTitle}</span> : null}
          <a className="fd-deck-open" href={diagramHref(diagram.id)} title={t('deck.diagram')}>
            {t('deck.diagram')} ↗
          </a>
        </span>
        <div className="fd-buttons">
          <button
            type="button"
            className="fd-icon-button"
            onClick={() => go(0)}
            disabled={index === 0}
            aria-label={t('deck.first')}
            title={`${t('deck.first')} (Home)`}
          >
            <Icon name="restart" />
          </button>
          <button
            type="button"
            className="fd-icon-button"
            onClick={() => go(index - 1)}
            disabled={index === 0}
            aria-label={t('deck.prev')}
            title={`${t('deck.prev')} (←)`}
          >
            <Icon name="prev" />
          </button>
          <button
            type="button"
            className="fd-icon-button"
            onClick={() => playbackStore().next()}
            disabled={index === count - 1}
            aria-label={t('deck.next')}
            title={`${t('deck.next')} (→)`}
          >
            <Icon name="next" />
          </button>
          <button
            type="button"
            className="fd-icon-button"
            onClick={() => openDeckSpeakerWindow(deck.id, index)}
            title={t('deck.speakerHint')}
          >
            {t('speaker.open')}
          </button>
        </div>
      </div>
    </section>
  );
}
