import type { Box } from '../layout/types.ts';

/** A screen the camera frames into: its size and what covers parts of it, in screen px. */
export interface Screen {
  width: number;
  height: number;
  /** Boxes something else draws over (a header, buttons, a caption band), from the screen's top-left. */
  covered: readonly Box[];
}

/** Overlaps thinner than this (a border, rounding) cover nothing. */
const SLIVER = 1;
/** Past this many covers, the smallest are left out: the search grows with the fourth power. */
const MAX_COVERS = 10;

/**
 * The largest rectangles of the screen nothing covers: every free rectangle
 * that no other free rectangle contains. A frame fits into one of them;
 * which one suits it depends on its shape (a wide box under a corner
 * button takes the band beside it, a tall one the band below it).
 *
 * @example
 * freeRects({ width: 100, height: 100, covered: [{ x: 80, y: 0, width: 20, height: 20 }] })
 * // [{ x: 0, y: 0, width: 80, height: 100 }, { x: 0, y: 20, width: 100, height: 80 }]
 */
export function freeRects(screen: Screen): Box[] {
  const whole = { x: 0, y: 0, width: screen.width, height: screen.height };
  const covers = screen.covered
    .map((c) => intersection(c, whole))
    .filter((c): c is Box => c !== null && c.width >= SLIVER && c.height >= SLIVER)
    .sort((a, b) => b.width * b.height - a.width * a.height)
    .slice(0, MAX_COVERS);
  if (covers.length === 0) return [whole];
  const xs = edges(
    0,
    screen.width,
    covers.flatMap((c) => [c.x, c.x + c.width]),
  );
  const ys = edges(
    0,
    screen.height,
    covers.flatMap((c) => [c.y, c.y + c.height]),
  );
  const found: Box[] = [];
  for (const [i, left] of xs.entries()) {
    for (const right of xs.slice(i + 1)) {
      for (const [j, top] of ys.entries()) {
        for (const bottom of ys.slice(j + 1)) {
          const rect = { x: left, y: top, width: right - left, height: bottom - top };
          if (covers.every((c) => !overlaps(c, rect))) found.push(rect);
        }
      }
    }
  }
  return found.filter((r, i) => !found.some((o, k) => k !== i && contains(o, r, 0) && !same(o, r)));
}

function edges(from: number, to: number, cuts: number[]): number[] {
  return [...new Set([from, to, ...cuts.filter((v) => v > from && v < to)])].sort((a, b) => a - b);
}

/** Whether two boxes share more than a sliver. */
export function overlaps(a: Box, b: Box, sliver = SLIVER / 2): boolean {
  return (
    Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > sliver &&
    Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > sliver
  );
}

/** Whether `outer` holds `inner`, give or take half a pixel. */
export function contains(outer: Box, inner: Box, slack = 0.5): boolean {
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.width <= outer.x + outer.width + slack &&
    inner.y + inner.height <= outer.y + outer.height + slack
  );
}

export function intersection(a: Box, b: Box): Box | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

function same(a: Box, b: Box): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
