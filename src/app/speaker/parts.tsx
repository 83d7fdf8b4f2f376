import { useEffect, useState } from 'react';
import type { ElementState } from '../../core/animate/timeline.ts';
import type { Box, LaidOutDiagram } from '../../core/layout/types.ts';
import { useT } from '../i18n/useT.ts';
import { useKeysReady } from '../keyBuffer.ts';
import { useStepKeys } from '../playback/useStepKeys.ts';
import { Markdown } from '../view/Markdown.tsx';
import { Thumbnail } from '../view/Thumbnail.tsx';
import { previewFrame } from './previewFrame.ts';
import { formatClock, formatElapsed } from './time.ts';

/*
 * The pieces of a speaker view, shared by a flow's (SpeakerView) and a
 * deck's (DeckSpeakerView).
 */

/** The top line: where the talk is, "n of N", and the clocks. */
export function SpeakerTop({ title, count }: { title: string; count: string }) {
  return (
    <header className="fd-speaker-top">
      <div className="fd-speaker-where">
        <h1 className="fd-speaker-title">{title}</h1>
        <span className="fd-speaker-count">{count}</span>
      </div>
      <Clocks />
    </header>
  );
}

/** The current caption, large, and the speaker notes under it. */
export function NowSection({ caption, notes }: { caption: string; notes: string | undefined }) {
  const t = useT();
  return (
    <section className="fd-speaker-now" aria-label={t('speaker.now')}>
      <h2 className="fd-speaker-label">{t('speaker.now')}</h2>
      <p className="fd-speaker-caption" aria-live="polite" aria-atomic="true">
        {caption}
      </p>
      <h2 className="fd-speaker-label">{t('speaker.notes')}</h2>
      <div className="fd-speaker-notes">
        {notes ? (
          <Markdown text={notes} />
        ) : (
          <p className="fd-speaker-none">{t('speaker.noNotes')}</p>
        )}
      </div>
    </section>
  );
}

/** What comes next, drawn small: a diagram lit with a step's states. */
export interface NextPreview {
  diagram: LaidOutDiagram;
  states?: {
    nodes: Readonly<Record<string, ElementState>>;
    edges: Readonly<Record<string, ElementState>>;
  };
  /** The box the step looks at; the preview frames it with room around. */
  focus: Box;
}

/** The next caption (or `caption` saying the end has come) and the next step drawn small. */
export function NextSection({
  caption,
  preview,
}: {
  caption: string;
  preview: NextPreview | null;
}) {
  const t = useT();
  return (
    <section className="fd-speaker-next" aria-label={t('speaker.next')}>
      <h2 className="fd-speaker-label">{t('speaker.next')}</h2>
      <p className="fd-speaker-caption">{caption}</p>
      <div
        className="fd-speaker-preview"
        role="img"
        aria-label={t('speaker.preview')}
        data-end={preview ? undefined : ''}
      >
        {preview ? (
          <Thumbnail
            diagram={preview.diagram}
            {...(preview.states ? { states: preview.states } : {})}
            frame={previewFrame(preview.focus, preview.diagram)}
          />
        ) : null}
      </div>
    </section>
  );
}

/** Previous and next, labelled for what they move through. */
export function MoveButtons({
  go,
  index,
  count,
  prev,
  next,
}: {
  go: (index: number) => void;
  /** 0-based. */
  index: number;
  count: number;
  prev: string;
  next: string;
}) {
  return (
    <div className="fd-speaker-buttons">
      <button
        type="button"
        className="fd-button"
        onClick={() => go(index - 1)}
        disabled={index === 0}
        title={`${prev} (←)`}
      >
        ← {prev}
      </button>
      <button
        type="button"
        className="fd-button fd-speaker-go"
        onClick={() => go(index + 1)}
        disabled={index === count - 1}
        title={`${next} (→)`}
      >
        {next} →
      </button>
    </div>
  );
}

/**
 * A clicker's keys (and the player's), which move this window and the
 * diagram window with it. `current` reads the step on screen (0-based) from
 * the URL, which moves ahead of React when keys come fast.
 */
export function useSpeakerKeys(go: ((step: number) => void) | undefined, current: () => number) {
  useStepKeys(
    go
      ? (move) => {
          if (move === 'first') go(0);
          else if (move === 'last') go(Number.MAX_SAFE_INTEGER);
          else go(move === 'prev' ? current() - 1 : current() + 1);
        }
      : null,
  );
  useKeysReady(go !== undefined);
}

/** Time since this window opened (with a reset) and the wall clock, ticking each second. */
function Clocks() {
  const t = useT();
  const [start, setStart] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="fd-speaker-clocks">
      <div className="fd-speaker-clock">
        <span className="fd-speaker-label">{t('speaker.elapsed')}</span>
        <span className="fd-speaker-time" role="timer" data-testid="elapsed">
          {formatElapsed(now - start)}
        </span>
        <button
          type="button"
          className="fd-button fd-speaker-reset"
          onClick={() => {
            const at = Date.now();
            setStart(at);
            setNow(at);
          }}
        >
          {t('speaker.reset')}
        </button>
      </div>
      <div className="fd-speaker-clock">
        <span className="fd-speaker-label">{t('speaker.clock')}</span>
        <time className="fd-speaker-time" data-testid="clock">
          {formatClock(new Date(now))}
        </time>
      </div>
    </div>
  );
}

export function Problem({ text }: { text: string }) {
  const t = useT();
  return (
    <div className="fd-card-error-view" role="alert">
      <h2>{text}</h2>
      <p>
        <a className="fd-button" href="#/">
          {t('diagram.allDiagrams')}
        </a>
      </p>
    </div>
  );
}
