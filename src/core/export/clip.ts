import { boundingBox } from '../animate/pointAlong.ts';
import { stripStepNumber } from '../animate/stripStepNumber.ts';
import {
  type ElementState,
  pointAlong,
  type StepScene,
  type Timeline,
  TRAVEL_SECONDS,
} from '../animate/timeline.ts';
import { type CameraView, cameraPath, easeCubicInOut } from '../frame/cameraPath.ts';
import { frameView } from '../frame/frameView.ts';
import { overlaps } from '../frame/freeRects.ts';
import {
  FOCUS_MAX_ZOOM,
  FRAME_MARGIN,
  MIN_ZOOM,
  STATE_FADE_MS,
  STEP_GLIDE_MS,
  WHOLE_MAX_ZOOM,
} from '../frame/rules.ts';
import { iconDefs, usedIcons } from '../icons/draw.ts';
import type { IconMap } from '../icons/types.ts';
import type { Box, LaidOutDiagram } from '../layout/types.ts';
import { mixColor } from './color.ts';
import { describe } from './describe.ts';
import { drawElements, type Look } from './draw.ts';
import {
  bandHeight,
  bandRule,
  type CaptionBlock,
  drawCaption,
  layoutCaption,
  prefixFor,
  svgDocument,
} from './frame.ts';
import type { Paint } from './paint.ts';
import { PALETTES, type Palette } from './palette.ts';
import { drawTokens, tokenAttrs } from './tokens.ts';
import type { EmbeddedFont, ExportTheme } from './types.ts';
import { attrs, num } from './xml.ts';

/** What a video or GIF of a flow shows, and how. */
export interface ClipOptions {
  /** The picture, in px as laid out (an encoder may scale it: 1280×720 drawn at 1.5 is 1080p). */
  width: number;
  height: number;
  /** Frames per second. */
  fps: number;
  /** 2 plays twice as fast as the player; 0.5 half as fast. Default 1. */
  speed?: number;
  /** The step's caption in a band at the bottom. Default true. */
  captions?: boolean;
  /** The camera follows the steps as the player's does; false shows the whole diagram throughout. Default true. */
  camera?: boolean;
  /**
   * `full`: states fade, tokens travel and the camera flies, as in the
   * player. `stills`: each step held still (tokens drawn as still comets)
   * and cross-faded into the next, for readers who prefer reduced motion.
   */
  motion?: 'full' | 'stills';
  /** 0-based: only this step, from the step before's picture into this one's. */
  step?: number;
  theme?: ExportTheme;
  /** The label size in px, at least, that the camera frames a step at (as presenting on a small projector). */
  readablePx?: number;
  /**
   * Holds the camera here throughout instead (React Flow's `translate(x, y)
   * scale(zoom)`): a screen's view, to draw what that screen shows.
   */
  view?: CameraView;
  /** The icons the diagram's nodes name (see `SvgOptions.icons`). */
  icons?: IconMap;
}

/** One picture of a clip and how long it stays: `count` frames from frame `index`. */
export interface ClipFrame {
  svg: string;
  index: number;
  count: number;
  /** The step on screen (0-based, in the flow). */
  step: number;
}

/** A flow as a sequence of pictures, drawn on demand. */
export interface Clip {
  width: number;
  height: number;
  fps: number;
  /** Seconds. */
  duration: number;
  /** Frames in all: `ceil(duration × fps)`. */
  frameCount: number;
  /** The flow's steps this clip plays (indexes into the timeline), and when each begins, in seconds. */
  steps: { step: number; start: number }[];
  /** The picture at `seconds` into the clip. */
  svgAt(seconds: number, fonts?: readonly EmbeddedFont[]): string;
  /**
   * Every distinct picture in order, each with how many frames it stays:
   * frames that would repeat the one before are merged, so still stretches
   * cost one picture (and one GIF frame).
   */
  frames(fonts?: readonly EmbeddedFont[]): Generator<ClipFrame>;
}

const CAPTION_FADE_S = 0.25;
/** A token leaves this long after its step begins, as in the app. */
const TOKEN_DELAY_S = 0.15;
/** How long one still melts into the next, in `stills` motion. */
const STILL_FADE_S = 0.5;
const DEFAULT_READABLE_PX = 14;
/** How long a node that fails shakes (the player's `fd-shake`). */
const SHAKE_S = 0.5;

/**
 * Plans a video of a flow: what every moment looks like, drawn by the same
 * writer as the SVG exports, so a frame shows what the player shows at the
 * same time: states fading over 350 ms, tokens travelling their routes with
 * the player's timing and ease, the camera flying to each step as the
 * player's does (`frameView()` and `cameraPath()`), and the caption band
 * (its `k / n` beside the caption, so a caption's own number is dropped).
 * Times scale with `speed`. The clip ends as the last step's time runs out.
 *
 * @example
 * const clip = planClip(diagram, timeline, { width: 1280, height: 720, fps: 30 });
 * for (const frame of clip.frames(fonts)) encode(frame.svg, frame.index / clip.fps, frame.count / clip.fps);
 */
export function planClip(diagram: LaidOutDiagram, timeline: Timeline, options: ClipOptions): Clip {
  const { width, height, fps } = options;
  const speed = options.speed && options.speed > 0 ? options.speed : 1;
  const palette = PALETTES[options.theme ?? 'light'];
  const p = prefixFor(diagram, {});
  const all = timeline.steps;
  const chosen =
    options.step === undefined
      ? all.map((_, k) => k)
      : [Math.max(0, Math.min(all.length - 1, Math.floor(options.step)))];

  const blocks: CaptionBlock[] =
    options.captions === false
      ? []
      : all.map((s, k) => layoutCaption(stripStepNumber(s.caption, k + 1), width));
  const band = blocks.some((b) => b.lines.length > 0) ? bandHeight(blocks) : 0;
  const screen = { width, height: height - band, covered: [] };
  const fitOptions = {
    minZoom: MIN_ZOOM,
    margin: Math.round(FRAME_MARGIN * Math.min(screen.width, screen.height)),
    readablePx: options.readablePx ?? DEFAULT_READABLE_PX,
  };
  const whole = frameView(diagram, null, screen, { ...fitOptions, maxZoom: WHOLE_MAX_ZOOM }).view;
  const views = new Map<number, CameraView>();
  const viewOf = (k: number): CameraView => {
    if (options.view) return options.view;
    if (options.camera === false || k < 0) return whole;
    let view = views.get(k);
    if (!view) {
      const scene = all[k] ?? null;
      view = frameView(diagram, scene, screen, { ...fitOptions, maxZoom: FOCUS_MAX_ZOOM }).view;
      views.set(k, view);
    }
    return view;
  };

  const steps: { step: number; start: number }[] = [];
  let duration = 0;
  for (const k of chosen) {
    steps.push({ step: k, start: duration });
    duration += (all[k]?.duration ?? 0) / speed;
  }
  duration = Math.max(duration, 1 / fps);
  const frameCount = Math.max(1, Math.ceil(duration * fps - 1e-9));
  const stills = options.motion === 'stills';

  /** The step on screen at `seconds`, and the seconds since it began. */
  const at = (seconds: number) => {
    let i = 0;
    while (i + 1 < steps.length && (steps[i + 1]?.start ?? 0) <= seconds) i++;
    const entry = steps[i] ?? { step: 0, start: 0 };
    return { k: entry.step, local: Math.max(0, seconds - entry.start) };
  };

  const caption = (k: number, opacity: number) => {
    const block = blocks[k];
    if (!band || !block) return '';
    const top = height - band;
    const text = drawCaption(palette, block, `${k + 1} / ${all.length}`, top);
    return (
      `<rect${attrs({ y: top, width, height: band, fill: palette.surface })}/>` +
      bandRule(palette, top, width) +
      (opacity < 1 ? `<g${attrs({ opacity: round3(opacity) })}>${text}</g>` : text)
    );
  };

  const boxes = elementBoxes(diagram);
  /**
   * The elements the camera shows: the rest are left out (as hidden), which
   * keeps frames small and spares resvg, which fails on a translucent
   * element wholly outside the picture.
   */
  const sight = (view: CameraView): Box => ({
    x: -view.x / view.zoom,
    y: -view.y / view.zoom,
    width: width / view.zoom,
    height: (height - band) / view.zoom,
  });
  const elements = (
    view: CameraView,
    look: DrawLook,
    state: (kind: 'node' | 'edge', id: string) => ElementState,
  ) => {
    const seen = sight(view);
    const inSight = (kind: 'node' | 'edge', id: string) => {
      const box = boxes.get(`${kind}:${id}`);
      return box !== undefined && overlaps(box, seen, 0);
    };
    return drawElements({
      diagram,
      palette,
      p,
      state: (kind, id) => (inSight(kind, id) ? state(kind, id) : 'hidden'),
      omitHidden: true,
      look,
      ...(options.icons && { icons: options.icons }),
    });
  };

  /** Step k as the player shows it once everything has settled, tokens as still comets. */
  const still = (k: number) => {
    const scene = all[k];
    const state = stateOf(scene);
    const view = viewOf(k);
    const body =
      elements(view, (kind, id, paintIn) => paintIn(state(kind, id)), state) +
      (scene ? drawTokens(palette, scene.tokens, p) : '');
    return camera(view, body) + caption(k, 1);
  };

  /** The picture at `seconds`, without the document around it. */
  const body = (seconds: number): { k: number; svg: string } => {
    const { k, local } = at(seconds);
    const u = local * speed;
    if (stills) {
      const fade = Math.min(1, u / STILL_FADE_S);
      const svg =
        fade < 1 && k > 0
          ? `${still(k - 1)}<g${attrs({ opacity: round3(fade) })}>${backdrop(palette, width, height)}${still(k)}</g>`
          : still(k);
      return { k, svg };
    }
    const before = stateOf(all[k - 1]);
    const after = stateOf(all[k]);
    const mix = k === 0 ? 1 : cssEase(Math.min(1, (u * 1000) / STATE_FADE_MS));
    const scene = all[k];
    const shaking = new Set(scene?.failed);
    const look: DrawLook = (kind, id, paintIn) => {
      const paint = blend(
        paintIn(before(kind, id)),
        paintIn(after(kind, id)),
        mix,
        kind === 'node',
      );
      return shaking.has(id) && kind === 'node' ? { ...paint, shift: shake(u) } : paint;
    };
    const state = (kind: 'node' | 'edge', id: string): ElementState => {
      const b = before(kind, id);
      const a = after(kind, id);
      if (mix >= 1) return a;
      return a === 'hidden' && b === 'hidden' ? 'hidden' : a === 'hidden' ? b : a;
    };
    const glide = Math.min(1, (u * 1000) / STEP_GLIDE_MS);
    const view =
      k === 0 || glide >= 1
        ? viewOf(k)
        : cameraPath(viewOf(k - 1), viewOf(k), screen)(easeCubicInOut(glide));
    const tokens = scene ? movingTokens(scene, u, palette, sight(view)) : '';
    return {
      k,
      svg:
        camera(view, elements(view, look, state) + tokens) +
        caption(k, k === steps[0]?.step ? 1 : Math.min(1, u / CAPTION_FADE_S)),
    };
  };

  const title = `${diagram.title || diagram.id}: ${timeline.title}`;
  // Every frame defines the icons the diagram draws, once each.
  const defs = iconDefs(usedIcons(diagram.nodes, options.icons), p);
  const document = (svg: string, fonts: readonly EmbeddedFont[] | undefined) =>
    svgDocument({
      p,
      palette,
      width,
      height,
      title,
      description: describe(diagram, all.map((s, k) => `${k + 1}. ${s.caption}`).join(' ')),
      shape: diagram.shape,
      fonts: fonts ?? [],
      defs,
      body: svg,
    });

  return {
    width,
    height,
    fps,
    duration,
    frameCount,
    steps,
    svgAt: (seconds, fonts) => document(body(seconds).svg, fonts),
    *frames(fonts) {
      let held = { ...body(0), index: 0, count: 1 };
      for (let i = 1; i < frameCount; i++) {
        const next = body(i / fps);
        if (next.svg === held.svg) {
          held.count++;
          continue;
        }
        yield {
          svg: document(held.svg, fonts),
          index: held.index,
          count: held.count,
          step: held.k,
        };
        held = { ...next, index: i, count: 1 };
      }
      yield { svg: document(held.svg, fonts), index: held.index, count: held.count, step: held.k };
    },
  };
}

type DrawLook = (kind: 'node' | 'edge', id: string, paintIn: (s: ElementState) => Paint) => Look;

/** Each element's extent in diagram coordinates, by `node:<id>` and `edge:<id>`. */
function elementBoxes(diagram: LaidOutDiagram): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const node of diagram.nodes) boxes.set(`node:${node.id}`, node);
  for (const edge of diagram.edges) {
    const box = boundingBox(edge.labelBox ? [edge.labelBox] : [], edge.points);
    // A straight line's box has no height or no width: give it its stroke's.
    if (box)
      boxes.set(`edge:${edge.id}`, {
        x: box.x - 2,
        y: box.y - 2,
        width: box.width + 4,
        height: box.height + 4,
      });
  }
  return boxes;
}

function stateOf(scene: StepScene | undefined) {
  return (kind: 'node' | 'edge', id: string): ElementState =>
    (kind === 'node' ? scene?.nodes[id] : scene?.edges[id]) ?? 'idle';
}

/** The diagram under a camera: React Flow's `translate(x, y) scale(zoom)`. */
function camera(view: CameraView, body: string): string {
  return `<g transform="translate(${num(view.x)} ${num(view.y)}) scale(${round5(view.zoom)})">${body}</g>`;
}

function backdrop(palette: Palette, width: number, height: number): string {
  return `<rect${attrs({ width, height, fill: palette.surface })}/>`;
}

/**
 * A paint `mix` of the way from `from` to `to`: colours through Oklab as CSS
 * transitions blend them, widths and opacity in proportion, dashes and the
 * glow switching half-way. A node appearing or leaving also grows from or
 * shrinks to 85%, as in the app.
 */
function blend(from: Paint, to: Paint, mix: number, scales: boolean): Look {
  if (mix >= 1) return to;
  const half = mix >= 0.5 ? to : from;
  const look: Look = {
    opacity: lerp(from.opacity, to.opacity, mix),
    fill: mixColor(to.fill, from.fill, mix),
    stroke: mixColor(to.stroke, from.stroke, mix),
    strokeWidth: lerp(from.strokeWidth, to.strokeWidth, mix),
    dash: half.dash,
    halo: half.halo,
    ink: mixColor(to.ink, from.ink, mix),
  };
  if (scales && (from.opacity === 0) !== (to.opacity === 0))
    look.scale = from.opacity === 0 ? lerp(0.85, 1, mix) : lerp(1, 0.85, mix);
  return look;
}

/** The step's tokens `u` seconds (at speed 1) into it, as the player's `TokenDot` moves them. */
function movingTokens(scene: StepScene, u: number, palette: Palette, seen: Box): string {
  const raw = (u - TOKEN_DELAY_S) / TRAVEL_SECONDS;
  if (raw <= 0 || raw >= 1) return '';
  const progress = easeInOut(raw);
  const opacity = progress < 0.08 ? progress / 0.08 : progress > 0.9 ? (1 - progress) / 0.1 : 1;
  const r = tokenAttrs(palette).r;
  return scene.tokens
    .map((token) => {
      const point = pointAlong(token.points, progress);
      // Out of sight, like the elements (and resvg fails on a faded one there).
      if (!overlaps({ x: point.x - r, y: point.y - r, width: 2 * r, height: 2 * r }, seen, 0))
        return '';
      return `<circle${attrs({ class: 'tk-head', 'data-token-edge': token.edgeId, cx: point.x, cy: point.y, opacity: opacity < 1 ? round3(opacity) : undefined, ...tokenAttrs(palette) })}/>`;
    })
    .join('');
}

/** The player's `fd-shake`: 0.5 s, -5, 5, -5, 5 px, each leg eased in and out. */
function shake(u: number): number {
  const at = u / SHAKE_S;
  if (at <= 0 || at >= 1) return 0;
  const legs = [0, -5, 5, -5, 5, 0];
  const leg = Math.floor(at * 5);
  const from = legs[leg] ?? 0;
  return lerp(from, legs[leg + 1] ?? 0, easeInOut(at * 5 - leg));
}

/** framer-motion's `easeInOut`: cubic-bezier(0.42, 0, 0.58, 1). */
function easeInOut(t: number): number {
  return bezier(0.42, 0, 0.58, 1, t);
}

/** The app's `--fd-ease`: cubic-bezier(0.2, 0, 0, 1). */
function cssEase(t: number): number {
  return bezier(0.2, 0, 0, 1, t);
}

/** A CSS cubic-bezier timing function at `t`, solved for x by bisection (exact enough for a frame). */
function bezier(x1: number, y1: number, x2: number, y2: number, t: number): number {
  if (t <= 0) return 0;
  if (t >= 1) return 1;
  const curve = (a: number, b: number, s: number) =>
    3 * a * s * (1 - s) ** 2 + 3 * b * s * s * (1 - s) + s ** 3;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (curve(x1, x2, mid) < t) lo = mid;
    else hi = mid;
  }
  return curve(y1, y2, (lo + hi) / 2);
}

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

function round5(v: number): number {
  return Math.round(v * 100000) / 100000;
}
