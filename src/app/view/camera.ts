import type { ReactFlowState } from '@xyflow/react';
import {
  type CameraView,
  cameraPath,
  easeCubicInOut,
  type ScreenSize,
  sameView,
} from '../../core/frame/cameraPath.ts';

/** What the camera needs of React Flow's store (`useStoreApi()`). */
export interface FlowStore {
  getState(): ReactFlowState;
  subscribe(listener: (state: ReactFlowState, previous: ReactFlowState) => void): () => void;
}

export interface CameraParams {
  store: FlowStore;
}

export interface CameraOptions {
  /**
   * Hand every frame of a flight to React Flow's store, as its own flights
   * do: dearer, for readers of the store that must follow (the minimap).
   */
  followStore: boolean;
}

export interface Camera {
  /**
   * Flies to `view` in `duration` ms along React Flow's own path and ease,
   * from where the camera is on screen (even mid-flight); 0 jumps.
   */
  glide(view: CameraView, duration: number): void;
  /** Where the camera is on screen now. */
  view(): CameraView;
  /** Where it is flying to; where it is when still. */
  destination(): CameraView;
  size(): ScreenSize;
  /** Stops a flight where it is, and hands that view to React Flow. */
  settle(): void;
  update(options: CameraOptions): void;
  destroy(): void;
}

interface Flight {
  to: CameraView;
  path: (t: number) => CameraView;
  start: number;
  duration: number;
  shown: CameraView;
  frame: number;
  layer: HTMLElement | null;
  unsubscribe: () => void;
  root: HTMLElement | null;
}

const INPUT_EVENTS = ['pointerdown', 'wheel'] as const;

/**
 * React Flow's camera, flown cheaply. React Flow flies its camera through
 * its store: every frame of a flight runs the store selectors of every node
 * and edge wrapper. Here a flight writes only the CSS transform of
 * `.react-flow__viewport` each frame, and hands the store the view once, on
 * arrival. The
 * path and ease are React Flow's (`cameraPath`), so a flight looks the same.
 * The layer stays in the page's own layer (no `will-change`, no Web
 * Animation): a composited viewport is painted far past the screen, so each
 * frame a token moves re-layerizes the whole diagram, and where Chromium
 * composites in software, scaling a layer costs about what rastering the
 * screen does. See docs/performance.md, "Flow frame times".
 *
 * While flying, the store still holds the view the flight left from, so
 * whatever would read it first gets the view on screen: a pointer down or a
 * wheel on the canvas (the reader taking the camera, from where they see it)
 * settles the flight; a view someone else gives the store (React Flow's
 * controls) ends it, theirs winning, as it interrupts its own flights.
 */
export function createCamera({ store }: CameraParams): Camera {
  let flight: Flight | null = null;
  let followStore = false;
  let committing = false;

  const stored = (): CameraView => {
    const [x, y, zoom] = store.getState().transform;
    return { x, y, zoom };
  };

  const commit = (view: CameraView) => {
    const { panZoom } = store.getState();
    if (!panZoom || sameView(view, stored())) return;
    committing = true;
    try {
      // No duration: d3-zoom sets it and the store follows, synchronously.
      void panZoom.setViewport(view);
    } finally {
      committing = false;
    }
  };

  const paint = (target: Flight, view: CameraView) => {
    if (target.layer)
      target.layer.style.transform = `translate(${view.x}px,${view.y}px) scale(${view.zoom})`;
  };

  const onInput = () => settle();

  /** Ends the flight, drawing `view` (what the store has or is about to get). */
  const land = (view: (ended: Flight) => CameraView): Flight | null => {
    const ended = flight;
    if (!ended) return null;
    flight = null;
    cancelAnimationFrame(ended.frame);
    ended.unsubscribe();
    for (const type of INPUT_EVENTS) ended.root?.removeEventListener(type, onInput, true);
    const shown = view(ended);
    paint(ended, shown);
    return ended;
  };

  const step = (time: number) => {
    const current = flight;
    if (!current) return;
    const t = Math.min(1, Math.max(0, (time - current.start) / current.duration));
    current.shown = current.path(easeCubicInOut(t));
    if (followStore) commit(current.shown);
    else paint(current, current.shown);
    if (t < 1) {
      current.frame = requestAnimationFrame(step);
      return;
    }
    land(() => current.to);
    commit(current.to);
  };

  const takeOff = (): Flight => {
    const { domNode } = store.getState();
    const layer = domNode?.querySelector<HTMLElement>('.react-flow__viewport') ?? null;
    const from = stored();
    const started: Flight = {
      to: from,
      path: () => from,
      start: 0,
      duration: 1,
      shown: from,
      frame: 0,
      layer,
      root: domNode,
      unsubscribe: store.subscribe((state, previous) => {
        if (committing || state.transform === previous.transform) return;
        // Someone else moved the camera: theirs wins, drawn as the store has it.
        land(stored);
      }),
    };
    for (const type of INPUT_EVENTS)
      domNode?.addEventListener(type, onInput, { capture: true, passive: true });
    return started;
  };

  function settle() {
    const ended = land((f) => f.shown);
    if (ended) commit(ended.shown);
  }

  return {
    glide(view, duration) {
      const from = flight?.shown ?? stored();
      const { width, height } = store.getState();
      if (duration <= 0 || sameView(from, view) || width === 0 || height === 0) {
        land(() => view);
        commit(view);
        return;
      }
      const current = flight ?? takeOff();
      flight = current;
      current.to = view;
      current.path = cameraPath(from, view, { width, height });
      current.start = performance.now();
      current.duration = duration;
      cancelAnimationFrame(current.frame);
      current.frame = requestAnimationFrame(step);
    },
    view: () => flight?.shown ?? stored(),
    destination: () => flight?.to ?? stored(),
    size: () => {
      const { width, height } = store.getState();
      return { width, height };
    },
    settle,
    update(options) {
      followStore = options.followStore;
    },
    destroy() {
      land((f) => f.shown);
    },
  };
}
