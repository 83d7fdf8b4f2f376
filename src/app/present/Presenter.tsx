import './present.css';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { type CameraView, centredView, flowPointAt } from '../../core/frame/cameraPath.ts';
import { useT } from '../i18n/useT.ts';
import { isTyping } from '../isTyping.ts';
import { playbackStore } from '../playback/playbackStore.ts';
import { usePlayback } from '../playback/usePlayback.ts';
import { parseRoute } from '../route.ts';
import { useTheme } from '../theme/useTheme.ts';
import { useCamera } from '../view/useCamera.ts';

type Point = { x: number; y: number };

/** Keys a presentation clicker (or a hand on the keyboard) sends to move on or back. */
const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown', 'PageDown', 'Enter', ' ']);
const PREV_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);
/** How much the spotlight zooms in, and how far at most (the canvas's maxZoom). */
const SPOTLIGHT_ZOOM = 2;
const MAX_ZOOM = 4;
const HINT_MS = 3500;

/**
 * The presenter's keys, wherever the focus is (but not while typing): `p`
 * toggles presenter mode; while it is on, the clicker keys step (and own
 * them: Space and Enter step rather than press a button), `b`/`.` black the
 * screen out, `w` whites it out (the same key again lifts it, and so does a
 * clicker key, without stepping), `l` the laser, `z` the spotlight, and Esc
 * lifts a blank, then the pointer, then leaves. Stepping moves whatever the
 * playback store says is showing (a flow's step, a deck's slide).
 */
export function usePresenterKeys() {
  useEffect(() => {
    const store = playbackStore();
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const state = store.getState();
      const key = event.key;
      let handled = true;
      if (!state.on) {
        if (key !== 'p' || event.defaultPrevented) return;
        store.enter();
        // The focus may sit on a control presenter mode hides, where Space and Enter would press it.
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      } else if (key === 'Escape') {
        // An overlay that puts itself away with Esc (the live join card) goes first.
        if (document.querySelector('[data-takes-escape]')) return;
        store.escape();
      } else if (key === 'p') store.leave();
      else if (key === 'b' || key === '.') store.toggleBlank('black');
      else if (key === 'w') store.toggleBlank('white');
      else if (state.blank !== 'none' && (NEXT_KEYS.has(key) || PREV_KEYS.has(key)))
        store.toggleBlank(state.blank);
      else if (key === 'l') store.togglePointer('laser');
      else if (key === 'z') store.togglePointer('spotlight');
      else if (NEXT_KEYS.has(key)) store.next();
      else if (PREV_KEYS.has(key)) store.prev();
      else handled = false;
      if (!handled) return;
      event.preventDefault();
      event.stopPropagation();
    };
    // Capture, so presenter mode decides before the player, the canvas and the details panel.
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);

  // Leaving the diagram and deck views (for the gallery) leaves presenter
  // mode; going from one diagram to the next keeps it.
  useEffect(
    () => () => {
      const kind = parseRoute(window.location.hash).kind;
      if (kind !== 'diagram' && kind !== 'deck') playbackStore().leave();
    },
    [],
  );
}

/**
 * Presenter mode's keys and layers. Render it as a child of `<Canvas>`: the
 * spotlight moves React Flow's camera. The blank cover, the laser dot and the
 * hint are portalled to `<body>`, above everything.
 */
export function Presenter() {
  usePresenterKeys();
  const { on, blank, pointer, showing } = usePlayback();
  const last = useRef<Point | null>(null);

  useEffect(() => {
    if (!on) return;
    const onMove = (event: PointerEvent) => {
      last.current = { x: event.clientX, y: event.clientY };
    };
    window.addEventListener('pointermove', onMove, { passive: true });
    return () => window.removeEventListener('pointermove', onMove);
  }, [on]);

  const stepKey = showing ? `${showing.key}:${showing.timeline?.flowId}:${showing.position}` : '';
  return (
    <>
      <Spotlight active={on && pointer === 'spotlight'} last={last} stepKey={stepKey} />
      {on
        ? createPortal(
            <>
              {pointer === 'laser' ? <Laser last={last} /> : null}
              {blank !== 'none' ? <Blank blank={blank} /> : null}
              <Hint />
            </>,
            document.body,
          )
        : null}
    </>
  );
}

/** A black or white screen over everything; a click (or its key again, or Esc) lifts it. */
function Blank({ blank }: { blank: 'black' | 'white' }) {
  return (
    <div
      className="fd-blank"
      data-blank={blank}
      aria-hidden="true"
      onClick={() => playbackStore().toggleBlank(blank)}
    />
  );
}

/** A red glowing dot that follows the pointer, moved without React renders. */
function Laser({ last }: { last: RefObject<Point | null> }) {
  const dot = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const place = (point: Point | null) => {
      const element = dot.current;
      if (!element) return;
      element.hidden = point === null;
      if (point) element.style.transform = `translate(${point.x}px, ${point.y}px)`;
    };
    place(last.current);
    const onMove = (event: PointerEvent) => place({ x: event.clientX, y: event.clientY });
    window.addEventListener('pointermove', onMove, { passive: true });
    return () => window.removeEventListener('pointermove', onMove);
  }, [last]);
  return (
    <div ref={dot} className="fd-laser" aria-hidden="true" hidden>
      <span />
    </div>
  );
}

/**
 * The spotlight: the camera zooms 2× into the region around the pointer's
 * last position (the canvas's centre if it has none), with a soft vignette
 * around it. Putting it away (z again, Esc, another pointer) goes back to the
 * framing it left; a new step drops it and frames the step as usual.
 */
function Spotlight({
  active,
  last,
  stepKey,
}: {
  active: boolean;
  last: RefObject<Point | null>;
  stepKey: string;
}) {
  const camera = useCamera();
  const { reducedMotion } = useTheme();
  const motion = useRef(reducedMotion);
  motion.current = reducedMotion;
  const saved = useRef<CameraView | null>(null);
  const vignette = useRef<HTMLDivElement>(null);

  // A new step while zoomed in: its own framing wins (the canvas glides to it).
  const shownStep = useRef(stepKey);
  useEffect(() => {
    if (shownStep.current === stepKey) return;
    shownStep.current = stepKey;
    saved.current = null;
    if (playbackStore().getState().pointer === 'spotlight') playbackStore().clearPointer();
  }, [stepKey]);

  useEffect(() => {
    const duration = motion.current ? 0 : 450;
    if (!active) {
      if (saved.current) camera.glide(saved.current, duration);
      saved.current = null;
      return;
    }
    const canvas = vignette.current?.closest('.react-flow')?.getBoundingClientRect();
    if (!canvas) return;
    const pointer = last.current;
    const inside =
      pointer &&
      pointer.x >= canvas.left &&
      pointer.x <= canvas.right &&
      pointer.y >= canvas.top &&
      pointer.y <= canvas.bottom;
    const target = inside
      ? pointer
      : { x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 };
    // z again while the camera still glides back: from where it is going.
    const now = camera.destination();
    saved.current = now;
    const at = flowPointAt(camera.view(), { x: target.x - canvas.left, y: target.y - canvas.top });
    const zoom = Math.min(now.zoom * SPOTLIGHT_ZOOM, MAX_ZOOM);
    camera.glide(centredView(at, zoom, camera.size()), duration);
  }, [active, last, camera]);

  return (
    <div
      ref={vignette}
      className="fd-spotlight"
      data-active={active || undefined}
      aria-hidden="true"
    />
  );
}

/** A few seconds of "how to get out" on entering presenter mode. */
function Hint() {
  const t = useT();
  const [shown, setShown] = useState(true);
  useEffect(() => {
    const timer = setTimeout(() => setShown(false), HINT_MS);
    return () => clearTimeout(timer);
  }, []);
  return shown ? (
    // Not chrome the camera frames around: it goes in a few seconds, and
    // the frame would keep the hole it left.
    <p className="fd-present-hint" role="status">
      {t('present.hint')}
    </p>
  ) : null;
}
