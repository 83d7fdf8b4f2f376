import { pathLength, pointAlong, sliceAlong, type Token } from '../animate/timeline.ts';
import type { Point } from '../layout/types.ts';
import { ARROW_LENGTH } from '../render/edgePath.ts';
import type { Palette } from './palette.ts';
import { attrs, num } from './xml.ts';

/** The token's dot, as the app's `.fd-token`. */
const RADIUS = 7;
const RING = 2.5;

/** The packet drawn on an edge, as the app's `.fd-token`. */
export function tokenAttrs(palette: Palette) {
  return { r: RADIUS, fill: palette.active, stroke: palette.surface, 'stroke-width': RING };
}

/**
 * Where along its route a still token is drawn: late, so it reads as on its
 * way somewhere; not at the very end, where tokens converging on one node
 * would pile up.
 */
const HEAD_AT = 0.7;
/**
 * On a short route, the dot sits just before the arrowhead, its ring at the
 * head's base, leaving the trail all the room there is.
 */
const END_GAP = ARROW_LENGTH + RADIUS + 1;
/** The longest trail, px: enough to read as motion, short enough to leave the edge visible. */
const TRAIL = 52;
/** The trail's width at the dot's centre: narrower than the dot, so the dot stays the head. */
const TRAIL_WIDTH = 2 * RADIUS - 3;
/** The trail fades in from this opacity at its tail to `TRAIL_OPACITY` where it meets the dot. */
const TAIL_OPACITY = 0.1;
const TRAIL_OPACITY = 0.9;

/** Where a still picture draws a token, in diagram coordinates. */
export interface StillToken {
  edgeId: string;
  /** The dot's centre, on the route, short of its end. */
  head: Point;
  /** Where the trail meets the dot's back (its fade ends there). */
  neck: Point;
  /** The trail's centre line: the route from where the trail starts to the dot (empty: no trail). */
  trail: Point[];
  /**
   * The trail's outline, a closed polygon around `trail`: a point at the
   * tail, widening to `TRAIL_WIDTH` at the dot.
   */
  outline: Point[];
}

/**
 * A token as a still picture shows it: the dot near the end of its trip
 * with a tapering, fading trail behind it along the route (a comet), so
 * one picture says that it moves and which way. The dot sits 70% of the
 * way along, or on a short route just before the arrowhead (half-way at
 * the earliest).
 *
 * @example stillToken({ edgeId: 'a->b', direction: 'forward', points: [{ x: 0, y: 0 }, { x: 0, y: 100 }] })
 * // head { x: 0, y: 70 }, trail from { x: 0, y: 18 } to the head
 */
export function stillToken(token: Token): StillToken {
  const length = pathLength(token.points);
  const head = (at: number) => pointAlong(token.points, at);
  if (length === 0)
    return { edgeId: token.edgeId, head: head(0), neck: head(0), trail: [], outline: [] };
  const headAt = Math.max(0.5, Math.min(HEAD_AT, 1 - END_GAP / length));
  const tailAt = headAt - Math.min(TRAIL, headAt * length) / length;
  const trail = sliceAlong(token.points, tailAt, headAt);
  return {
    edgeId: token.edgeId,
    head: head(headAt),
    neck: head(Math.max(tailAt, headAt - (RADIUS + RING / 2) / length)),
    trail,
    outline: taper(trail, TRAIL_WIDTH),
  };
}

/**
 * A still picture's tokens (see `stillToken`), each a `<g class="tk">`
 * holding its trail (`tk-trail`, filled with a gradient from nearly clear
 * at the tail to nearly the token's colour at the dot) and its dot (`tk-head`): plain
 * SVG attributes, no CSS, so resvg, Inkscape and slide tools draw them too.
 * `p` prefixes the gradients' ids.
 */
export function drawTokens(palette: Palette, tokens: readonly Token[], p: string): string {
  return tokens
    .map((token, i) => {
      const { edgeId, head, neck, trail, outline } = stillToken(token);
      const tail = trail[0];
      let body = '';
      if (tail && outline.length > 2) {
        const id = `${p}-tk${i}`;
        const stop = (offset: number, opacity: number) =>
          `<stop${attrs({ offset, 'stop-color': palette.active, 'stop-opacity': opacity })}/>`;
        body +=
          `<defs><linearGradient${attrs({ id, gradientUnits: 'userSpaceOnUse', x1: tail.x, y1: tail.y, x2: neck.x, y2: neck.y })}>` +
          `${stop(0, TAIL_OPACITY)}${stop(1, TRAIL_OPACITY)}</linearGradient></defs>`;
        body += `<path${attrs({ class: 'tk-trail', d: `${pathOf(outline)}Z`, fill: `url(#${id})` })}/>`;
      }
      body += `<circle${attrs({ class: 'tk-head', cx: head.x, cy: head.y, ...tokenAttrs(palette) })}/>`;
      return `<g${attrs({ class: 'tk', 'data-token-edge': edgeId })}>${body}</g>`;
    })
    .join('');
}

/**
 * The outline of a band along a polyline, growing from nothing at its
 * first point to `width` at its last (by length along it). At a bend the
 * inner side meets at a mitre and the outer side is cut straight (a
 * bevel), so the band turns the corner without a spike.
 */
function taper(line: readonly Point[], width: number): Point[] {
  const total = pathLength(line);
  if (line.length < 2 || total === 0) return [];
  const left: Point[] = [];
  const right: Point[] = [];
  const offset = (p: Point, n: Point, by: number) => ({ x: p.x + n.x * by, y: p.y + n.y * by });
  let walked = 0;
  line.forEach((point, i) => {
    const before = line[i - 1];
    const after = line[i + 1];
    if (before) walked += Math.hypot(point.x - before.x, point.y - before.y);
    const half = ((width / 2) * walked) / total;
    const n1 = before ? normal(before, point) : undefined;
    const n2 = after ? normal(point, after) : undefined;
    if (!n1 || !n2) {
      const n = (n1 ?? n2) as Point;
      left.push(offset(point, n, half));
      right.push(offset(point, n, -half));
      return;
    }
    // The inner side: where the two offset lines cross.
    const mx = n1.x + n2.x;
    const my = n1.y + n2.y;
    const m = Math.hypot(mx, my) || 1;
    const cos = Math.max(0.25, (mx * n1.x + my * n1.y) / m);
    const mitre = (side: number) => offset(point, { x: mx / m, y: my / m }, (side * half) / cos);
    // n2 leaning forward (along the way in) means the `left` side is the outer one.
    const leftOuter =
      n2.x * (point.x - (before as Point).x) + n2.y * (point.y - (before as Point).y) > 0;
    if (leftOuter) {
      left.push(offset(point, n1, half), offset(point, n2, half));
      right.push(mitre(-1));
    } else {
      left.push(mitre(1));
      right.push(offset(point, n1, -half), offset(point, n2, -half));
    }
  });
  return [...left, ...right.reverse()];
}

/** The unit normal of the segment a → b (turned left in SVG's y-down axes). */
function normal(a: Point, b: Point): Point {
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  return { x: (a.y - b.y) / length, y: (b.x - a.x) / length };
}

function pathOf(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)} ${num(p.y)}`).join('');
}
