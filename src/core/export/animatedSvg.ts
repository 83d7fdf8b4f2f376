import {
  type ElementState,
  pathLength,
  pointAlong,
  type StepScene,
  type Timeline,
  TRAVEL_SECONDS,
} from '../animate/timeline.ts';
import { iconDefs, usedIcons } from '../icons/draw.ts';
import type { LaidOutDiagram, Point } from '../layout/types.ts';
import { type Words, wordsFor } from '../outline/words.ts';
import { resolveStyle } from '../render/resolveStyle.ts';
import { accessible } from './accessible.ts';
import { describe } from './describe.ts';
import { drawElements } from './draw.ts';
import {
  bandHeight,
  bandRule,
  drawCaption,
  layoutCaption,
  MARGIN,
  prefixFor,
  svgDocument,
} from './frame.ts';
import { edgePaint, nodePaint, type Paint } from './paint.ts';
import { PALETTES, type Palette } from './palette.ts';
import { tokenAttrs } from './tokens.ts';
import type { SvgOptions } from './types.ts';
import { attrs } from './xml.ts';

export interface AnimatedSvgOptions extends SvgOptions {
  /**
   * Opened directly in a browser, a click (or Tab and Enter on the step
   * buttons) steps through the flow. Done with links and CSS `:target`, not
   * script, so the file stays as safe as the others.
   */
  interactive?: boolean;
}

/** Seconds a state change takes. */
const FADE = 0.25;
/** A token leaves this long after its step begins, as in the app. */
const TOKEN_DELAY = 0.15;

/**
 * One SVG that plays a whole flow, looping, with CSS animation and no
 * script: states change step by step, tokens travel the real routes and the
 * caption band follows. Under `prefers-reduced-motion` it holds still on the
 * whole diagram with the flow's title. Works as `<img src>`.
 *
 * Classes inside the file are short (`n3`, `e0`, `sh`) and every rule is
 * scoped by the file's own class (the id prefix), as are ids and keyframe
 * names, so several files can be inlined in one page.
 */
export function animatedSvg(
  diagram: LaidOutDiagram,
  timeline: Timeline,
  options: AnimatedSvgOptions = {},
): string {
  const palette = PALETTES[options.theme ?? 'light'];
  const p = prefixFor(diagram, options);
  const steps = timeline.steps;
  const total = Math.max(timeline.totalSeconds, 0.1);
  const starts = stepStarts(steps);
  const width = diagram.width + 2 * MARGIN;
  const top = diagram.height + 2 * MARGIN;
  const css = new Css(p, total, starts);
  const interactive = options.interactive === true;
  const words = wordsFor(options.lang);
  // Read what some step shows; what every step hides stays silent.
  const reader = accessible(diagram, {
    p,
    words,
    read: (kind, id) =>
      steps.length === 0 ||
      steps.some((s) => (kind === 'node' ? s.nodes[id] : s.edges[id]) !== 'hidden'),
  });

  diagram.nodes.forEach((node, i) => {
    const style = resolveStyle(node, diagram.classDefs);
    const look = (state: ElementState) => nodePaint(node, style, state, palette);
    const looks = steps.map((s) => look(s.nodes[node.id] ?? 'idle'));
    css.element(`n${i}`, look('idle'), looks, node.kind === 'group' ? 'box' : 'shape', interactive);
  });
  diagram.edges.forEach((edge, i) => {
    const style = resolveStyle(edge, diagram.classDefs);
    const look = (state: ElementState) => edgePaint(edge, style, state, palette);
    const looks = steps.map((s) => look(s.edges[edge.id] ?? 'idle'));
    css.element(`e${i}`, look('idle'), looks, 'edge', interactive);
  });

  // Tokens, each visible only while it travels.
  let tokens = '';
  steps.forEach((step, k) => {
    step.tokens.forEach((token, j) => {
      const cls = `t${k}_${j}`;
      const begin = (starts[k] ?? 0) + TOKEN_DELAY;
      const end = Math.min(total, begin + TRAVEL_SECONDS);
      css.loop(cls, tripFrames(token.points, begin / total, end / total));
      if (interactive) css.once(cls, k, tripFrames(token.points, 0, 1));
      tokens += `<circle${attrs({ class: cls, 'data-token-edge': token.edgeId, 'data-step': k, cx: 0, cy: 0, opacity: 0, 'aria-hidden': 'true', ...tokenAttrs(palette) })}/>`;
    });
  });

  // Captions: the flow's title when still, then one per step.
  const blocks = steps.map((s) => layoutCaption(s.caption, width));
  const titleBlock = layoutCaption(timeline.title, width);
  let band = bandRule(palette, top, width);
  // The flow's title is the file's; each step's caption is read as a note "Step k of n".
  band += drawCaption(palette, titleBlock, `${steps.length}`, top, {
    class: 'c',
    'aria-hidden': 'true',
  });
  css.loop('c', [
    [0, 'opacity:0'],
    [100, 'opacity:0'],
  ]);
  blocks.forEach((block, k) => {
    const counter = `${k + 1} / ${steps.length}`;
    band += drawCaption(palette, block, counter, top, {
      class: `c${k}`,
      opacity: 0,
      id: `${p}-c${k}`,
      role: 'note',
      'aria-label': words.stepOf(k + 1, steps.length),
    });
    css.loop(`c${k}`, css.during(k, 'opacity:1', 'opacity:0'));
    if (interactive) css.rule(`${css.at(k)}.c${k}`, 'opacity:1');
  });
  const height = top + bandHeight([titleBlock, ...blocks]);

  const elements = drawElements({
    diagram,
    palette,
    p,
    state: () => 'idle',
    omitHidden: false,
    reader,
    ...(options.icons && { icons: options.icons }),
  });
  let stage = `<g transform="translate(${MARGIN} ${MARGIN})">${elements}${tokens}</g>${band}`;
  let markers = '';
  if (interactive) {
    markers = steps.map((_, k) => `<g id="${p}-s${k + 1}" class="m"/>`).join('');
    stage += stepLinks(p, palette, steps.length, width, height, words);
    css.raw(stepLinksCss(p, steps.length));
    css.raw(
      `.${p} .m:target~.stage *{animation:none!important}.${p} .m:target~.stage .c{opacity:0}`,
    );
  }
  css.raw(`@media (prefers-reduced-motion:reduce){.${p} .stage *{animation:none!important}}`);
  return svgDocument({
    p,
    palette,
    width,
    height,
    title: `${diagram.title || diagram.id}: ${timeline.title}`,
    description: describe(
      diagram,
      steps.map((s, k) => `${words.stepOf(k + 1, steps.length)}: ${s.caption.trim()}`).join(' '),
      words,
    ),
    lang: words.lang,
    // The diagram, then the flow's steps, then the step buttons (interactive).
    owns: [
      ...reader.owned,
      ...steps.map((_, k) => `${p}-c${k}`),
      ...(interactive ? steps.map((_, k) => `${p}-go${k + 1}`) : []),
      ...(interactive ? [`${p}-go0`] : []),
    ],
    shape: diagram.shape,
    fonts: options.fonts ?? [],
    css: css.text(),
    defs: iconDefs(usedIcons(diagram.nodes, options.icons), p),
    body: `${markers}<g class="stage">${stage}</g>`,
  });
}

function stepStarts(steps: readonly StepScene[]): number[] {
  const starts: number[] = [];
  let t = 0;
  for (const step of steps) {
    starts.push(t);
    t += step.duration;
  }
  return starts;
}

type Frames = [percent: number, declarations: string][];

function easeInOut(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
}

/** The time (0–1) at which an ease-in-out trip has covered `distance` (0–1). */
function timeFor(distance: number): number {
  return distance < 0.5 ? Math.sqrt(distance / 2) : 1 - Math.sqrt((1 - distance) / 2);
}

/**
 * Keyframes moving a token over [from, to] (fractions of the animation) and
 * hiding it outside: a stop at each corner of the route, timed by the app's
 * ease-in-out, plus the fade-in and fade-out moments. Straight runs between
 * corners are exact, so few stops are needed.
 */
function tripFrames(points: readonly Point[], from: number, to: number): Frames {
  const length = pathLength(points) || 1;
  const moments = new Set<number>([0, 0.08, 0.9, 1]);
  let walked = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    walked += Math.hypot(b.x - a.x, b.y - a.y);
    moments.add(timeFor(walked / length));
  }
  const frames: Frames = [];
  const at = (t: number) => pointAlong(points, easeInOut(t));
  const move = (t: number) => `translate:${r(at(t).x)}px ${r(at(t).y)}px`;
  if (from > 0) frames.push([0, `opacity:0;${move(0)}`]);
  for (const t of [...moments].sort((a, b) => a - b)) {
    const opacity = t < 0.08 ? t / 0.08 : t > 0.9 ? (1 - t) / 0.1 : 1;
    frames.push([(from + (to - from) * t) * 100, `opacity:${r(opacity)};${move(t)}`]);
  }
  if (to < 1) frames.push([100, `opacity:0;${move(1)}`]);
  return frames;
}

function r(v: number): number {
  return Math.round(v * 1000) / 1000;
}

type Part = 'shape' | 'box' | 'edge';

/**
 * Collects the `<style>` text. Identical keyframes are written once, and
 * rules with the same declarations share one selector list, which keeps the
 * file small when many elements change together.
 */
class Css {
  private readonly names = new Map<string, string>();
  private readonly frames: string[] = [];
  private readonly groups = new Map<string, string[]>();
  private readonly tail: string[] = [];
  constructor(
    private readonly p: string,
    private readonly total: number,
    private readonly starts: readonly number[],
  ) {}

  keyframes(frames: Frames): string {
    const body = frames.map(([t, d]) => `${r(t)}%{${d}}`).join('');
    let name = this.names.get(body);
    if (!name) {
      name = `${this.p}-k${this.names.size}`;
      this.names.set(body, name);
      this.frames.push(`@keyframes ${name}{${body}}`);
    }
    return name;
  }

  rule(selector: string, declarations: string) {
    const list = this.groups.get(declarations);
    if (list) list.push(selector);
    else this.groups.set(declarations, [selector]);
  }

  /** Rules kept in order, after all others. */
  raw(text: string) {
    this.tail.push(text);
  }

  /** The selector prefix of step k's `:target` rules (interactive file). */
  at(k: number): string {
    return `#${this.p}-s${k + 1}:target~.stage `;
  }

  /** Loops over the whole flow (duration and timing are set once, in `text()`). */
  loop(cls: string, frames: Frames) {
    this.rule(`.${this.p} .${cls}`, `animation-name:${this.keyframes(frames)}`);
  }

  /** In the interactive file: a token's trip, played once when step k becomes the target. */
  once(cls: string, k: number, frames: Frames) {
    const name = this.keyframes(frames);
    this.rule(
      `${this.at(k)}.${cls}`,
      `animation:${name} ${TRAVEL_SECONDS}s linear ${TOKEN_DELAY}s both!important`,
    );
  }

  /** Keyframes holding `on` during step k (fading at its edges) and `off` otherwise. */
  during(k: number, on: string, off: string): Frames {
    const values = this.starts.map((_, i) => (i === k ? on : off));
    return this.sequence(values);
  }

  /** Keyframes stepping through one value per step, each change fading in over `FADE`. */
  private sequence(values: readonly string[]): Frames {
    const frames: Frames = [[0, values[0] ?? '']];
    values.forEach((value, k) => {
      const previous = values[k - 1];
      if (previous === undefined || value === previous) return;
      const at = (this.starts[k] ?? 0) / this.total;
      frames.push([at * 100, previous], [Math.min(100, (at + FADE / this.total) * 100), value]);
    });
    frames.push([100, values[values.length - 1] ?? '']);
    return frames;
  }

  /**
   * An element's looks over the flow: for each part a state changes (its
   * opacity, its outline's paint, an edge's heads), a loop if the look
   * changes, a plain rule if it differs from the still picture throughout,
   * and in the interactive file one rule per step where it differs.
   */
  element(cls: string, base: Paint, looks: Paint[], part: Part, interactive: boolean) {
    for (const [selector, decl] of lookRules(cls, part, this.p)) {
      const values = looks.map(decl);
      const still = decl(base);
      if (values.some((v) => v !== values[0])) this.loop(selector, this.sequence(values));
      else if (values[0] !== undefined && values[0] !== still)
        this.rule(`.${this.p} .${selector}`, values[0]);
      if (!interactive) continue;
      values.forEach((value, k) => {
        if (value !== still) this.rule(`${this.at(k)}.${selector}`, value);
      });
    }
  }

  text(): string {
    let out = `.${this.p} .stage *{animation-duration:${r(this.total)}s;animation-timing-function:linear;animation-iteration-count:infinite}`;
    out += this.frames.join('');
    for (const [decl, selectors] of this.groups) out += `${selectors.join(',')}{${decl}}`;
    return out + this.tail.join('');
  }
}

/** The parts of an element a state changes, each with the declarations drawing a look. */
function lookRules(cls: string, part: Part, p: string): [string, (look: Paint) => string][] {
  const rules: [string, (look: Paint) => string][] = [
    [cls, (l) => `opacity:${l.opacity}`],
    [`${cls} .sh`, (l) => shapeDecl(l, part, p)],
  ];
  if (part === 'edge') rules.push([`${cls} .hd`, (l) => `fill:${l.stroke};stroke:${l.stroke}`]);
  return rules;
}

function shapeDecl(look: Paint, part: Part, p: string): string {
  const fill = part === 'edge' ? '' : `fill:${look.fill};`;
  return (
    `${fill}stroke:${look.stroke};stroke-width:${look.strokeWidth}px;` +
    `stroke-dasharray:${look.dash || 'none'};filter:${look.halo ? `url(#${p}-halo)` : 'none'}`
  );
}

/**
 * The interactive file's controls: a click anywhere goes to the next step
 * (the first click starts step 1), and ‹ › buttons in the caption band step
 * back and forth. Each step's set shows only while that step is the target.
 */
function stepLinks(
  p: string,
  palette: Palette,
  count: number,
  width: number,
  height: number,
  words: Words,
) {
  const area = `<rect${attrs({ width, height, fill: palette.surface, 'fill-opacity': 0 })}/>`;
  const link = (target: number, body: string) =>
    `<a${attrs({ href: `#${p}-s${target}`, 'aria-label': words.stepOf(target, count) })}>${body}</a>`;
  const button = (x: number, target: number, d: string) =>
    link(
      target,
      `<rect${attrs({ x, y: height - 34, width: 28, height: 24, rx: 6, fill: palette.accent })}/>` +
        `<path${attrs({ d, fill: 'none', stroke: palette.accentInk, 'stroke-width': 2, transform: `translate(${x} ${height - 34})` })}/>`,
    );
  let markup = `<g id="${p}-go0" class="go go0">${link(1, area)}</g>`;
  for (let k = 1; k <= count; k++) {
    const next = k === count ? 1 : k + 1;
    const prev = k === 1 ? count : k - 1;
    markup +=
      `<g id="${p}-go${k}" class="go go${k}">${link(next, area)}` +
      button(width - 72, prev, 'M16 6l-6 6 6 6') +
      button(width - 38, next, 'M12 6l6 6-6 6') +
      '</g>';
  }
  return markup;
}

function stepLinksCss(p: string, count: number): string {
  let css = `.${p} .go{display:none}.${p} .go0{display:inline}.${p} .m:target~.stage .go0{display:none}`;
  for (let k = 1; k <= count; k++) css += `#${p}-s${k}:target~.stage .go${k}{display:inline}`;
  return css;
}
