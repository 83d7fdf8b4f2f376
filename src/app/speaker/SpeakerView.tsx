import '../view/view.css';
import '../gallery/gallery.css';
import './speaker.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { buildTimeline } from '../../core/animate/timeline.ts';
import { DIAGRAMS } from '../diagrams.ts';
import { Thumbnail } from '../gallery/Thumbnail.tsx';
import { useT } from '../i18n/useT.ts';
import type { LayoutClient } from '../layoutClient.ts';
import { navigate, speakerHref } from '../route.ts';
import { useLayout } from '../useLayout.ts';
import { LayoutProgress } from '../view/LayoutProgress.tsx';
import { Markdown } from '../view/Markdown.tsx';
import { previewFrame } from './previewFrame.ts';
import { formatClock, formatElapsed } from './time.ts';
import { useStepSync } from './useStepSync.ts';

/**
 * The presenter's second window (`#/speaker/<id>/<flow>/<step>`): the current
 * and next caption, the speaker notes, the time, and the next step drawn
 * small. It drives the diagram window and follows it, over `useStepSync`.
 */
export function SpeakerView({
  client,
  id,
  flow: flowId,
  step: routeStep,
}: {
  client: LayoutClient | null;
  id: string;
  flow: string;
  /** From 1, as in the URL. */
  step: number;
}) {
  const t = useT();
  const source = DIAGRAMS.find((d) => d.id === id);
  const { diagram, phase, error } = useLayout(client, source);
  const flow = diagram?.flows.find((f) => f.id === flowId);
  const timeline = useMemo(
    () => (diagram && flow ? buildTimeline(diagram, flow) : null),
    [diagram, flow],
  );
  const count = timeline?.steps.length ?? 0;
  const step = Math.min(Math.max(routeStep - 1, 0), Math.max(count - 1, 0));

  const go = useCallback(
    (target: number) => {
      if (count === 0) return;
      const clamped = Math.min(Math.max(target, 0), count - 1);
      navigate(speakerHref(id, flowId, clamped + 1), { replace: true });
    },
    [count, id, flowId],
  );
  useStepSync(id, flowId, step, timeline ? go : undefined);
  useSpeakerKeys(timeline ? go : undefined, step);

  useEffect(() => {
    document.title = `${t('speaker.title')} · ${diagram?.title ?? id}`;
    return () => {
      document.title = 'Flowdeck';
    };
  }, [t, diagram, id]);

  if (!source) return <Problem text={t('diagram.notFound', { id })} />;
  if (!diagram) {
    if (error) return <Problem text={t('diagram.hasErrors')} />;
    return <LayoutProgress phase={phase} />;
  }
  const scene = timeline?.steps[step];
  if (!timeline || !scene) return <Problem text={t('player.noSuchFlow', { flow: flowId })} />;
  const next = timeline.steps[step + 1];

  return (
    <div className="fd-speaker">
      <header className="fd-speaker-top">
        <div className="fd-speaker-where">
          <span className="fd-speaker-title">
            {diagram.title} · {timeline.title}
          </span>
          <span className="fd-speaker-count">{t('player.stepOf', { step: step + 1, count })}</span>
        </div>
        <Clocks />
      </header>
      <div className="fd-speaker-body">
        <section className="fd-speaker-now" aria-label={t('speaker.now')}>
          <h2 className="fd-speaker-label">{t('speaker.now')}</h2>
          <p className="fd-speaker-caption" aria-live="polite" aria-atomic="true">
            {scene.caption || t('player.noCaption')}
          </p>
          <h2 className="fd-speaker-label">{t('speaker.notes')}</h2>
          <div className="fd-speaker-notes">
            {scene.notes ? (
              <Markdown text={scene.notes} />
            ) : (
              <p className="fd-speaker-none">{t('speaker.noNotes')}</p>
            )}
          </div>
        </section>
        <aside className="fd-speaker-side">
          <section className="fd-speaker-next" aria-label={t('speaker.next')}>
            <h2 className="fd-speaker-label">{t('speaker.next')}</h2>
            <p className="fd-speaker-caption">
              {next ? next.caption || t('player.noCaption') : t('speaker.end')}
            </p>
            <div
              className="fd-speaker-preview"
              role="img"
              aria-label={t('speaker.preview')}
              data-end={next ? undefined : ''}
            >
              {next ? (
                <Thumbnail
                  diagram={diagram}
                  states={next}
                  frame={previewFrame(next.focus, diagram)}
                />
              ) : null}
            </div>
          </section>
          <div className="fd-speaker-buttons">
            <button
              type="button"
              className="fd-button"
              onClick={() => go(step - 1)}
              disabled={step === 0}
              title={`${t('player.prev')} (←)`}
            >
              ← {t('player.prev')}
            </button>
            <button
              type="button"
              className="fd-button fd-speaker-go"
              onClick={() => go(step + 1)}
              disabled={step === count - 1}
              title={`${t('player.next')} (→)`}
            >
              {t('player.next')} →
            </button>
          </div>
        </aside>
      </div>
    </div>
  );
}

/** A clicker's keys (and the player's), which move this window and the diagram window with it. */
function useSpeakerKeys(go: ((step: number) => void) | undefined, step: number) {
  useEffect(() => {
    if (!go) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      // Space and Enter on a button press it.
      if (target?.closest('button, a') && (event.key === ' ' || event.key === 'Enter')) return;
      if (target?.closest('input, textarea, select, [contenteditable]')) return;
      const moves: Record<string, number> = {
        ArrowRight: step + 1,
        PageDown: step + 1,
        ' ': step + 1,
        Enter: step + 1,
        ArrowLeft: step - 1,
        PageUp: step - 1,
        Backspace: step - 1,
        Home: 0,
        End: Number.MAX_SAFE_INTEGER,
      };
      const to = moves[event.key];
      if (to === undefined) return;
      event.preventDefault();
      go(to);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, step]);
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

function Problem({ text }: { text: string }) {
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
