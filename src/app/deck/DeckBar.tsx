import { AnimatePresence, motion } from 'framer-motion';
import { useEffect, useRef } from 'react';
import type { Deck } from '../../core/deck/types.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import { useT } from '../i18n/useT.ts';
import { Icon } from '../player/icons.tsx';
import { diagramHref } from '../route.ts';
import { openDeckSpeakerWindow } from '../speaker/useStepSync.ts';
import { useTheme } from '../theme/useTheme.ts';

/**
 * Keys that move through a deck wherever the focus is (not while typing, nor
 * when a node handled them). Presentation clickers send PageDown/PageUp, some
 * Enter/Backspace.
 */
function useDeckKeys(index: number, count: number, go: (index: number) => void) {
  const latest = useRef({ index, count, go });
  latest.current = { index, count, go };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      // Space and Enter on a button or link press it.
      if (target?.closest('button, a') && (event.key === ' ' || event.key === 'Enter')) return;
      if (target?.closest('input, textarea, select, [contenteditable]')) return;
      const { index: at, count: n, go: to } = latest.current;
      const moves: Record<string, number> = {
        ArrowRight: at + 1,
        PageDown: at + 1,
        Enter: at + 1,
        ' ': at + 1,
        ArrowLeft: at - 1,
        PageUp: at - 1,
        Backspace: at - 1,
        Home: 0,
        End: n - 1,
      };
      const move = moves[event.key];
      if (move === undefined) return;
      event.preventDefault();
      to(move);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Under the canvas: the slide's caption, where in the deck it is, and the way on. */
export function DeckBar({
  deck,
  diagram,
  flowTitle,
  caption,
  index,
  count,
  go,
}: {
  deck: Deck;
  diagram: LaidOutDiagram;
  flowTitle: string | undefined;
  caption: string;
  /** 0-based. */
  index: number;
  count: number;
  go: (index: number) => void;
}) {
  const t = useT();
  const { reducedMotion } = useTheme();
  useDeckKeys(index, count, go);
  return (
    <section className="fd-flowbar fd-deckbar" aria-label={t('deck.label')}>
      <div className="fd-progress-track" aria-hidden="true">
        <div className="fd-progress-fill" style={{ width: `${((index + 1) / count) * 100}%` }} />
      </div>
      <div className="fd-caption" aria-live="polite" aria-atomic="true">
        <AnimatePresence mode="wait" initial={false}>
          <motion.p
            key={index}
            initial={reducedMotion ? false : { opacity: 0, y: 10 }}
            animate={{ opacity: 1, y: 0 }}
            exit={reducedMotion ? { opacity: 1 } : { opacity: 0, y: -6 }}
            transition={{ duration: reducedMotion ? 0 : 0.25 }}
          >
            <span className="fd-step-count">{t('deck.slideOf', { slide: index + 1, count })}</span>
            {caption || diagram.title}
          </motion.p>
        </AnimatePresence>
      </div>
      <div className="fd-controls">
        <span className="fd-deck-where">
          <a href={diagramHref(diagram.id)} title={t('deck.diagram')}>
            {diagram.title}
          </a>
          {flowTitle ? <span className="fd-flow-title">{flowTitle}</span> : null}
          <span className="fd-flow-title">{deck.title}</span>
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
            onClick={() => go(index + 1)}
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
