import type { Box, Point } from '../layout/types.ts';

/**
 * The length of a polyline, the sum of its segments.
 *
 * @example pathLength([{ x: 0, y: 0 }, { x: 3, y: 4 }, { x: 3, y: 10 }]) // 11
 */
export function pathLength(points: readonly Point[]): number {
  let length = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    length += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return length;
}

/**
 * The point a fraction `progress` of the way along a polyline, by arc length
 * (so a token moves at one speed over long and short segments alike).
 * `progress` is clamped to 0..1 (NaN counts as 0). A polyline of one point, or
 * of zero length, gives its first point; an empty one gives the origin, so an
 * animation frame never throws.
 *
 * @example pointAlong([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }], 0.75) // { x: 10, y: 5 }
 */
export function pointAlong(points: readonly Point[], progress: number): Point {
  const first = points[0];
  if (!first) return { x: 0, y: 0 };
  const clamped = Number.isNaN(progress) ? 0 : Math.min(1, Math.max(0, progress));
  let remaining = clamped * pathLength(points);
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    const segment = Math.hypot(b.x - a.x, b.y - a.y);
    if (remaining <= segment && segment > 0) {
      const t = remaining / segment;
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
    remaining -= segment;
  }
  const last = points[points.length - 1] as Point;
  return { x: last.x, y: last.y };
}

/**
 * The part of a polyline between two fractions of its length (clamped to
 * 0..1, `to` no earlier than `from`), bends included and repeated points
 * left out: what a trail drawn along the route covers. A slice of no
 * length is one point.
 *
 * @example sliceAlong([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }], 0.25, 0.75)
 * // [{ x: 5, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 5 }]
 */
export function sliceAlong(points: readonly Point[], from: number, to: number): Point[] {
  const clamp = (v: number) => (Number.isNaN(v) ? 0 : Math.min(1, Math.max(0, v)));
  const start = clamp(from);
  const end = Math.max(start, clamp(to));
  const total = pathLength(points);
  const out = [pointAlong(points, start)];
  const add = (p: Point) => {
    const last = out[out.length - 1] as Point;
    if (Math.hypot(p.x - last.x, p.y - last.y) > 1e-9) out.push({ x: p.x, y: p.y });
  };
  let walked = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    walked += Math.hypot(b.x - a.x, b.y - a.y);
    if (walked > start * total && walked < end * total) add(b);
  }
  add(pointAlong(points, end));
  return out;
}

/**
 * Where along a polyline the point nearest `p` lies (`along`, in px from the
 * start) and how far `p` is from it (`off`): what "on the route, before its
 * end" means for anything drawn along an edge.
 *
 * @example projectOnto([{ x: 0, y: 0 }, { x: 100, y: 0 }], { x: 30, y: 4 }) // { along: 30, off: 4 }
 */
export function projectOnto(points: readonly Point[], p: Point): { along: number; off: number } {
  let best = { along: 0, off: Number.POSITIVE_INFINITY };
  let walked = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const dot = (p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y);
    const t = length === 0 ? 0 : Math.max(0, Math.min(1, dot / length ** 2));
    const off = Math.hypot(a.x + (b.x - a.x) * t - p.x, a.y + (b.y - a.y) * t - p.y);
    if (off < best.off) best = { along: walked + length * t, off };
    walked += length;
  }
  return best;
}

/** The smallest box holding every box and point given, or null when given none. */
export function boundingBox(boxes: readonly Box[], points: readonly Point[] = []): Box | null {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  if (minX > maxX) return null;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
