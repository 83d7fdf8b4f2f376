import '../view/view.css';
import '../gallery/gallery.css';
import './speaker.css';
import { useCallback, useEffect, useMemo } from 'react';
import { stripStepNumber } from '../../core/animate/stripStepNumber.ts';
import { buildTimeline } from '../../core/animate/timeline.ts';
import { useDiagrams } from '../diagrams.ts';
import { useT } from '../i18n/useT.ts';
import type { LayoutClient } from '../layoutClient.ts';
import { navigate, parseRoute, speakerHref } from '../route.ts';
import { useLayout } from '../useLayout.ts';
import { LayoutProgress } from '../view/LayoutProgress.tsx';
import {
  MoveButtons,
  NextSection,
  NowSection,
  Problem,
  SpeakerTop,
  useSpeakerKeys,
} from './parts.tsx';
import { useAudienceShape, useStepSync } from './useStepSync.ts';

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
  const source = useDiagrams().find((d) => d.id === id);
  // The layout the audience sees, not one for this window's shape.
  const { diagram, phase, error, retry } = useLayout(client, source, [], useAudienceShape(id));
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
  const current = () => {
    const route = parseRoute(window.location.hash);
    return route.kind === 'speaker' && route.id === id && route.flow === flowId
      ? Math.min(route.step - 1, count - 1)
      : step;
  };
  useSpeakerKeys(timeline ? go : undefined, current);

  useEffect(() => {
    document.title = `${t('speaker.title')} · ${diagram?.title ?? id}`;
    return () => {
      document.title = 'Flowdeck';
    };
  }, [t, diagram, id]);

  if (!source) return <Problem text={t('diagram.notFound', { id })} />;
  if (!diagram) {
    if (error) return <Problem text={t('diagram.hasErrors')} />;
    return <LayoutProgress phase={phase} onRetry={retry} />;
  }
  const scene = timeline?.steps[step];
  if (!timeline || !scene) return <Problem text={t('player.noSuchFlow', { flow: flowId })} />;
  const next = timeline.steps[step + 1];

  return (
    <div className="fd-speaker" data-shape={diagram.shape}>
      <SpeakerTop
        title={`${diagram.title} · ${timeline.title}`}
        count={t('player.stepOf', { step: step + 1, count })}
      />
      <main className="fd-speaker-body">
        <NowSection
          caption={stripStepNumber(scene.caption, step + 1) || t('player.noCaption')}
          notes={scene.notes}
        />
        <div className="fd-speaker-side">
          <NextSection
            caption={next ? next.caption || t('player.noCaption') : t('speaker.end')}
            preview={next ? { diagram, states: next, focus: next.focus } : null}
          />
          <MoveButtons
            go={go}
            index={step}
            count={count}
            prev={t('player.prev')}
            next={t('player.next')}
          />
        </div>
      </main>
    </div>
  );
}
