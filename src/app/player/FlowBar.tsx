import './player.css';
import { AnimatePresence, motion } from 'framer-motion';
import { useState } from 'react';
import { stripStepNumber } from '../../core/animate/stripStepNumber.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import { useT } from '../i18n/useT.ts';
import { useKeysReady } from '../keyBuffer.ts';
import { playbackStore } from '../playback/playbackStore.ts';
import { openSpeakerWindow } from '../playback/speakerWindow.ts';
import { usePlayback } from '../playback/usePlayback.ts';
import { useStepKeys } from '../playback/useStepKeys.ts';
import { navigate } from '../route.ts';
import { useTheme } from '../theme/useTheme.ts';
import { useStepHref } from '../view/StepHref.tsx';
import { Icon } from './icons.tsx';
import { StepAnnouncement } from './StepAnnouncement.tsx';
import { type Player, SPEEDS } from './usePlayer.ts';

/** The player under the canvas: the caption, the controls, the progress and the list of steps. */
export function FlowBar({ diagram, player }: { diagram: LaidOutDiagram; player: Player }) {
  const t = useT();
  const { reducedMotion, setReducedMotion } = useTheme();
  const [listOpen, setListOpen] = useState(false);
  const stepHref = useStepHref(diagram.id);
  const presenter = usePlayback();
  useStepKeys((move) => {
    // Through the store: moving on may be taken first (a live class's question is revealed).
    if (move === 'next') playbackStore().next();
    else if (move === 'prev') player.prev();
    else if (move === 'space') player.togglePlay();
    else player.go(move === 'first' ? 0 : player.timeline.steps.length - 1);
  });
  useKeysReady(true);
  const { timeline, step, scene } = player;
  const count = timeline.steps.length;
  const flowIds = diagram.flows.map((f) => f.id);
  const caption = stripStepNumber(scene.caption, step + 1) || t('player.noCaption');

  return (
    <section className="fd-flowbar fd-chrome" aria-label={t('player.label')}>
      <div className="fd-progress-track" aria-hidden="true">
        <div className="fd-progress-fill" style={{ width: `${((step + 1) / count) * 100}%` }} />
      </div>
      <StepAnnouncement
        where={t('player.stepOf', { step: step + 1, count })}
        caption={caption}
        diagram={diagram}
        timeline={timeline}
        step={step}
      />
      <div className="fd-caption" aria-hidden="true">
        <AnimatePresence mode="wait" initial={false}>
          <motion.p
            key={`${timeline.flowId}:${step}`}
            initial={reducedMotion ? false : { opacity: 0, y: 10 }}
            animate={{ opacity: 1, y: 0 }}
            exit={reducedMotion ? { opacity: 1 } : { opacity: 0, y: -6 }}
            transition={{ duration: reducedMotion ? 0 : 0.25 }}
          >
            <span className="fd-step-count">{t('player.stepOf', { step: step + 1, count })}</span>
            {caption}
          </motion.p>
        </AnimatePresence>
      </div>
      <div className="fd-controls">
        {flowIds.length > 1 ? (
          <select
            className="fd-menu-select"
            aria-label={t('player.flow')}
            value={timeline.flowId}
            onChange={(event) => navigate(stepHref(event.target.value, 1))}
          >
            {diagram.flows.map((f) => (
              <option key={f.id} value={f.id}>
                {f.title}
              </option>
            ))}
          </select>
        ) : (
          <span className="fd-flow-title">{timeline.title}</span>
        )}
        <div className="fd-buttons">
          <button
            type="button"
            className="fd-icon-button"
            onClick={() => player.go(0)}
            aria-label={t('player.restart')}
            title={`${t('player.restart')} (Home)`}
          >
            <Icon name="restart" />
          </button>
          <button
            type="button"
            className="fd-icon-button"
            onClick={player.prev}
            disabled={step === 0}
            aria-label={t('player.prev')}
            title={`${t('player.prev')} (←)`}
          >
            <Icon name="prev" />
          </button>
          <button
            type="button"
            className="fd-icon-button fd-play"
            onClick={player.togglePlay}
            aria-label={t(player.playing ? 'player.pause' : 'player.play')}
            aria-pressed={player.playing}
            title={`${t(player.playing ? 'player.pause' : 'player.play')} (Space)`}
          >
            {player.playing ? <Icon name="pause" /> : <Icon name="play" />}
          </button>
          <button
            type="button"
            className="fd-icon-button"
            onClick={() => playbackStore().next()}
            disabled={step === count - 1}
            aria-label={t('player.next')}
            title={`${t('player.next')} (→)`}
          >
            <Icon name="next" />
          </button>
          <select
            className="fd-menu-select fd-speed"
            aria-label={t('player.speed')}
            value={player.speed}
            onChange={(event) => player.setSpeed(Number(event.target.value))}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
          <button
            type="button"
            className="fd-icon-button"
            aria-expanded={listOpen}
            onClick={() => setListOpen(!listOpen)}
          >
            {t('player.steps')}
          </button>
          <button
            type="button"
            className="fd-icon-button fd-bar-extra"
            aria-pressed={reducedMotion}
            onClick={() => setReducedMotion(!reducedMotion)}
            title={t('player.reduceMotionHint')}
          >
            {t('player.reduceMotion')}
          </button>
          <button
            type="button"
            className="fd-icon-button fd-bar-extra"
            aria-pressed={presenter.on}
            onClick={presenter.toggle}
            title={t('present.buttonHint')}
          >
            {t('present.button')}
          </button>
          <button
            type="button"
            className="fd-icon-button fd-bar-extra"
            onClick={() => openSpeakerWindow(diagram.id, timeline.flowId, step)}
            title={t('speaker.openHint')}
          >
            {t('speaker.open')}
          </button>
          <a className="fd-icon-button fd-bar-extra" href={stepHref()}>
            {t('player.exit')}
          </a>
        </div>
      </div>
      {listOpen ? (
        <ol className="fd-step-list">
          {timeline.steps.map((s, i) => (
            <li key={i}>
              <button
                type="button"
                aria-current={i === step ? 'step' : undefined}
                onClick={() => player.go(i)}
              >
                <span className="fd-step-number">{i + 1}</span>
                {stripStepNumber(s.caption, i + 1) || t('player.noCaption')}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
