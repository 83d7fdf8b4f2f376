import { type RefObject, useEffect, useRef, useState } from 'react';
import type { StepScene } from '../../core/animate/timeline.ts';
import { frameView } from '../../core/frame/frameView.ts';
import { contains } from '../../core/frame/freeRects.ts';
import { FOCUS_MAX_ZOOM, FRAME_MARGIN, MIN_ZOOM, WHOLE_MAX_ZOOM } from '../../core/frame/rules.ts';
import type { Box, LaidOutDiagram } from '../../core/layout/types.ts';
import type { Camera } from './camera.ts';
import { coveredParts, watchChrome } from './chrome.ts';

export { MIN_ZOOM, STEP_GLIDE_MS, WHOLE_MAX_ZOOM } from '../../core/frame/rules.ts';

/**
 * The label size a step is framed at, at least (labels' font px × zoom):
 * from the back of a room while presenting, at a desk otherwise. What would
 * make them smaller is left to the overview inset. On a small projector
 * canvas, 14 px and not 16: a step whose subjects all fit at 15 px (a
 * cluster's two halves at 1024×768) reads better whole than with one half
 * left to the inset; a large screen has the room for 16.
 */
const PROJECTOR_LABEL_PX = 16;
const SMALL_PROJECTOR_LABEL_PX = 14;
const SMALL_PROJECTOR_WIDTH = 1280;
const DESK_LABEL_PX = 12;
/** Where the overview inset comes (React Flow's MiniMap, bottom right: 200×150 and its margin). */
function insetPlace(size: { width: number; height: number }): Box {
  const width = 200 + 2 * 15;
  const height = 150 + 2 * 15;
  return { x: size.width - width, y: size.height - height, width, height };
}

/** How long the camera takes to make room when chrome comes over the canvas. */
const CHROME_GLIDE_MS = 300;

/** The theme store resolves the reader's choice against the system and marks the root. */
export function reducedMotion(): boolean {
  return document.documentElement.dataset.motion === 'reduce';
}

export interface FramingParams {
  /** The canvas element: what it shows is framed, less the chrome over it. */
  root: RefObject<HTMLElement | null>;
  camera: Camera;
  diagram: LaidOutDiagram;
  scene: StepScene | undefined;
  presenting: boolean;
  /** Whether the view is the camera's still (the reader has not moved it). */
  fitted: RefObject<boolean>;
}

/**
 * The canvas's framing: the camera shows the step's subjects (or the whole
 * diagram) in the part of the canvas no chrome covers (`frameView()` in
 * core/frame), and frames again when the canvas resizes, presenting starts
 * or stops, or chrome comes over the canvas. `frame(ms)`
 * frames now; `overview` is whether the frame leaves subjects out (for an
 * inset to show them).
 */
export function useFraming({ root, camera, diagram, scene, presenting, fitted }: FramingParams) {
  const frame = useRef<(duration: number) => void>(() => {});
  const framedAround = useRef<Box[]>([]);
  const [overview, setOverview] = useState(false);
  frame.current = (duration) => {
    const element = root.current;
    const size = camera.size();
    // Not laid out yet (a first render, an embed's iframe): a camera flight
    // into a 0×0 box gives NaN viewports. The resize observer frames it once
    // it has a size.
    if (!element || element.clientWidth === 0 || element.clientHeight === 0) return;
    if (size.width === 0 || size.height === 0) return;
    const covered = coveredParts(element);
    framedAround.current = covered;
    const frameAround = (parts: Box[]) =>
      frameView(
        diagram,
        scene ?? null,
        { ...size, covered: parts },
        {
          minZoom: MIN_ZOOM,
          maxZoom: scene ? FOCUS_MAX_ZOOM : WHOLE_MAX_ZOOM,
          margin: Math.round(FRAME_MARGIN * Math.min(size.width, size.height)),
          readablePx: !presenting
            ? DESK_LABEL_PX
            : size.width < SMALL_PROJECTOR_WIDTH
              ? SMALL_PROJECTOR_LABEL_PX
              : PROJECTOR_LABEL_PX,
        },
      );
    let framing = frameAround(covered);
    // Leaving subjects out brings the overview inset up: frame around the
    // place it will take, so it never covers what the frame shows.
    if (framing.left.length > 0 && !element.querySelector('.fd-inset'))
      framing = frameAround([...covered, insetPlace(size)]);
    setOverview(framing.left.length > 0);
    camera.glide(framing.view, duration);
  };

  // While the reader has not moved the view, it stays fitted: when the panel
  // opens or closes, the window resizes or the phone turns.
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      if (fitted.current) frame.current(0);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [root, fitted]);

  // Chrome that comes over the canvas (or grows) moves the framing out of
  // its way; chrome that goes leaves the frame, still whole, where it is.
  useEffect(
    () =>
      watchChrome(() => {
        const element = root.current;
        if (!element || !fitted.current) return;
        const before = framedAround.current;
        const grew = coveredParts(element).some((part) => !before.some((b) => contains(b, part)));
        if (grew) frame.current(reducedMotion() ? 0 : CHROME_GLIDE_MS);
      }),
    [root, fitted],
  );

  // Presenting asks for larger labels: frame again.
  useEffect(() => {
    if (fitted.current) frame.current(0);
  }, [presenting, fitted]);

  return { frame, overview };
}
