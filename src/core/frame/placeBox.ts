import type { Box } from '../layout/types.ts';
import { contains, intersection, overlaps, type Screen } from './freeRects.ts';

/** React Flow's camera: a flow point p is drawn at p × zoom + (x, y) on the screen. */
export interface View {
  x: number;
  y: number;
  zoom: number;
}

export interface FitLimits {
  minZoom: number;
  maxZoom: number;
  /** Screen px kept clear around the framed box, where the free room allows. */
  margin: number;
}

/** Past this many positions per axis, the farther ones from the centre are not tried. */
const MAX_POSITIONS = 24;

export function onScreen(box: Box, view: View): Box {
  return {
    x: box.x * view.zoom + view.x,
    y: box.y * view.zoom + view.y,
    width: box.width * view.zoom,
    height: box.height * view.zoom,
  };
}

/** Whether a flow box is drawn whole: on the screen, under no cover. */
export function isWhole(box: Box, view: View, screen: Screen): boolean {
  const drawn = onScreen(box, view);
  const whole = { x: 0, y: 0, width: screen.width, height: screen.height };
  return contains(whole, drawn) && screen.covered.every((c) => !overlaps(c, drawn));
}

/**
 * Whether a flow box is drawn in part: some of it shows, the rest is off
 * the screen or under a cover. Out of sight altogether is not cut.
 */
export function isCut(box: Box, view: View, screen: Screen): boolean {
  const drawn = onScreen(box, view);
  const seen = intersection(drawn, { x: 0, y: 0, width: screen.width, height: screen.height });
  if (!seen || seen.width < 0.5 || seen.height < 0.5) return false;
  if (screen.covered.some((c) => contains(c, seen))) return false;
  return !isWhole(box, view, screen);
}

/** How far in `box` can be shown inside `rect` with the margin around it. */
export function zoomToFit(box: Box, rect: Box, limits: FitLimits): number {
  const mx = Math.min(limits.margin, rect.width / 8);
  const my = Math.min(limits.margin, rect.height / 8);
  const zoom = Math.min(
    (rect.width - 2 * mx) / Math.max(box.width, 1),
    (rect.height - 2 * my) / Math.max(box.height, 1),
  );
  return Math.min(limits.maxZoom, Math.max(limits.minZoom, zoom));
}

export interface Placed {
  view: View;
  /** Boxes of `keepWhole` this view still cuts (none when a clean place was found). */
  cut: Box[];
}

/**
 * The view that shows `box` as large as it fits in one of the free
 * rectangles `rects` (the one that lets it be largest), and, within the
 * room it has there, as near their centre as it can be while no box of
 * `keepWhole` (group titles, say) is cut. When every place cuts one, the
 * centred view and what it cuts: the caller may frame those too.
 */
export function placeBox(
  box: Box,
  rects: readonly Box[],
  screen: Screen,
  limits: FitLimits,
  keepWhole: readonly Box[],
): Placed {
  const ranked = rects
    .map((rect) => ({ rect, zoom: zoomToFit(box, rect, limits) }))
    .sort((a, b) => b.zoom - a.zoom || b.rect.width * b.rect.height - a.rect.width * a.rect.height);
  const best = ranked[0];
  if (!best) return { view: { x: 0, y: 0, zoom: limits.maxZoom }, cut: [] };
  let first: Placed | null = null;
  for (const { rect, zoom } of ranked) {
    if (zoom < best.zoom * 0.98) break;
    const placed = placeIn(box, rect, zoom, screen, limits, keepWhole);
    if (placed.cut.length === 0) return placed;
    first ??= placed;
  }
  return first as Placed;
}

function placeIn(
  box: Box,
  rect: Box,
  zoom: number,
  screen: Screen,
  limits: FitLimits,
  keepWhole: readonly Box[],
): Placed {
  const room = (axis: 'x' | 'y') => {
    const size = axis === 'x' ? 'width' : 'height';
    const drawn = box[size] * zoom;
    const margin = Math.min(limits.margin, Math.max(0, (rect[size] - drawn) / 2));
    let lo = rect[axis] + margin;
    let hi = rect[axis] + rect[size] - margin - drawn;
    if (hi < lo) {
      lo = rect[axis] + (rect[size] - drawn) / 2;
      hi = lo;
    }
    return { lo, hi, centre: (lo + hi) / 2 };
  };
  const x = room('x');
  const y = room('y');
  // Only what some place in the room could show can be cut.
  const near = keepWhole.filter((k) => {
    const left = (k.x - box.x) * zoom;
    const top = (k.y - box.y) * zoom;
    return (
      x.lo + left < screen.width &&
      x.hi + left + k.width * zoom > 0 &&
      y.lo + top < screen.height &&
      y.hi + top + k.height * zoom > 0
    );
  });
  /** The places to try along an axis: the centre, the ends of the room, and where an edge of a box to keep whole meets the screen's or a cover's edge. */
  const positions = (
    axis: 'x' | 'y',
    { lo, hi, centre }: { lo: number; hi: number; centre: number },
  ) => {
    const size = axis === 'x' ? 'width' : 'height';
    const extent = axis === 'x' ? screen.width : screen.height;
    const lines = [0, extent, ...screen.covered.flatMap((c) => [c[axis], c[axis] + c[size]])];
    const meets = near.flatMap((k) => {
      const start = (k[axis] - box[axis]) * zoom;
      const end = start + k[size] * zoom;
      return lines.flatMap((line) => [line - start, line - end]);
    });
    return [centre, lo, hi, ...meets.filter((p) => p >= lo && p <= hi)]
      .sort((a, b) => Math.abs(a - centre) - Math.abs(b - centre))
      .filter((p, i, all) => i === 0 || Math.abs(p - (all[i - 1] as number)) > 0.5)
      .slice(0, MAX_POSITIONS);
  };
  const viewAt = (sx: number, sy: number): View => ({
    x: sx - box.x * zoom,
    y: sy - box.y * zoom,
    zoom,
  });
  if (near.length === 0) return { view: viewAt(x.centre, y.centre), cut: [] };
  const xs = positions('x', x);
  const ys = positions('y', y);
  const pairs = xs
    .flatMap((sx) => ys.map((sy) => ({ sx, sy })))
    .sort(
      (a, b) =>
        Math.abs(a.sx - x.centre) +
        Math.abs(a.sy - y.centre) -
        Math.abs(b.sx - x.centre) -
        Math.abs(b.sy - y.centre),
    );
  for (const { sx, sy } of pairs) {
    const view = viewAt(sx, sy);
    if (near.every((k) => !isCut(k, view, screen))) return { view, cut: [] };
  }
  const view = viewAt(x.centre, y.centre);
  return { view, cut: near.filter((k) => isCut(k, view, screen)) };
}
