import { useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { buildTimeline, type StepScene, type Timeline } from '../../core/animate/timeline.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import type { Showing } from '../playback/playbackStore.ts';
import { useShow } from '../playback/usePlayback.ts';
import { navigate, parseRoute, routeStep as stepOfRoute } from '../route.ts';
import { StepHrefContext, useStepHref } from '../view/StepHref.tsx';

export const SPEEDS = [0.5, 1, 1.5, 2] as const;

export interface Player {
  timeline: Timeline;
  /** 0-based. */
  step: number;
  scene: StepScene;
  playing: boolean;
  speed: number;
  go(step: number): void;
  /**
   * The step on screen (0-based), read from the URL: a clicker (or keys
   * held while the view loaded) can press faster than React renders.
   */
  current(): number;
  prev(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
}

/**
 * A flow being played. The step lives in the URL (`#/d/<id>/<flow>/<step>`),
 * so a link opens on it and a reload keeps it; stepping replaces the history
 * entry rather than adding one per step. Play advances after each step's
 * duration, divided by the speed, and stops at the end. What it shows (the
 * step, or the still diagram when no flow plays) goes to the playback store.
 */
export function usePlayer(
  diagram: LaidOutDiagram,
  flowId: string,
  routeStep: number,
): Player | null {
  const flow = diagram.flows.find((f) => f.id === flowId);
  const timeline = useMemo(() => (flow ? buildTimeline(diagram, flow) : null), [diagram, flow]);
  const count = timeline?.steps.length ?? 0;
  const step = Math.min(Math.max(routeStep - 1, 0), Math.max(count - 1, 0));
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const stepHref = useStepHref(diagram.id);

  const go = useCallback(
    (target: number) => {
      if (count === 0) return;
      const clamped = Math.min(Math.max(target, 0), count - 1);
      navigate(stepHref(flowId, clamped + 1), { replace: true });
    },
    [count, stepHref, flowId],
  );

  const scene = timeline?.steps[step];
  const current = useCallback(() => {
    const shown = stepOfRoute(parseRoute(window.location.hash));
    return shown.flow === flowId && shown.step ? Math.min(shown.step - 1, count - 1) : step;
  }, [flowId, count, step]);
  // Drafts, shared links and embeds address steps their own way: no URL of the folder shows them.
  const elsewhere = useContext(StepHrefContext) !== null;
  const showing = useMemo<Showing>(() => {
    const first = diagram.flows[0];
    return {
      cue: elsewhere
        ? null
        : timeline
          ? { kind: 'diagram', diagram: diagram.id, flow: flowId, step: step + 1 }
          : { kind: 'diagram', diagram: diagram.id },
      key: diagram.id,
      diagram,
      timeline,
      step,
      position: step,
      count,
      go: timeline
        ? go
        : (position) => {
            if (first) navigate(stepHref(first.id, position + 1));
          },
      current,
    };
  }, [elsewhere, diagram, timeline, flowId, step, count, go, stepHref, current]);
  useShow(showing);

  useEffect(() => {
    if (!playing || !scene) return;
    if (step >= count - 1) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => go(step + 1), (scene.duration * 1000) / speed);
    return () => clearTimeout(timer);
  }, [playing, scene, step, count, speed, go]);

  if (!timeline || !scene) return null;
  return {
    timeline,
    step,
    scene,
    playing,
    speed,
    go,
    current,
    prev: () => go(current() - 1),
    togglePlay: () => {
      // Play from the end starts over.
      if (!playing && step >= count - 1) go(0);
      setPlaying(!playing);
    },
    setSpeed,
  };
}
