import type { Point } from '../layout/types.ts';
import type { ArrowHead } from '../model/types.ts';

/** Length of an arrowhead along its edge, in px. */
export const ARROW_LENGTH = 9;

/**
 * SVG path data along an edge's polyline, corners rounded with `radius`.
 * The line stops short of an end that carries a head, so the head's tip
 * (not the line's butt) touches the node.
 */
export function edgePath(
  points: Point[],
  heads: { start: ArrowHead; end: ArrowHead },
  radius = 6,
): string {
  if (points.length < 2) return '';
  const pts = points.map((p) => ({ ...p }));
  trim(pts, 0, 1, heads.start);
  trim(pts, pts.length - 1, pts.length - 2, heads.end);
  let d = `M${n(pts[0]?.x ?? 0)} ${n(pts[0]?.y ?? 0)}`;
  for (let i = 1; i < pts.length; i++) {
    const p = pts[i] as Point;
    const prev = pts[i - 1] as Point;
    const next = pts[i + 1];
    if (!next) {
      d += `L${n(p.x)} ${n(p.y)}`;
      break;
    }
    const r = Math.min(radius, dist(prev, p) / 2, dist(p, next) / 2);
    const a = toward(p, prev, r);
    const b = toward(p, next, r);
    d += `L${n(a.x)} ${n(a.y)}Q${n(p.x)} ${n(p.y)} ${n(b.x)} ${n(b.y)}`;
  }
  return d;
}

/** Path data for the head at one end of an edge (`at` = 'end' or 'start'); '' for none. */
export function arrowHeadPath(points: Point[], at: 'start' | 'end', head: ArrowHead): string {
  if (head === 'none' || points.length < 2) return '';
  const tip = (at === 'end' ? points[points.length - 1] : points[0]) as Point;
  const from = (at === 'end' ? points[points.length - 2] : points[1]) as Point;
  const len = dist(from, tip) || 1;
  const ux = (tip.x - from.x) / len;
  const uy = (tip.y - from.y) / len;
  const L = ARROW_LENGTH;
  if (head === 'arrow') {
    const bx = tip.x - ux * L;
    const by = tip.y - uy * L;
    const w = L * 0.55;
    return `M${n(tip.x)} ${n(tip.y)}L${n(bx - uy * w)} ${n(by + ux * w)}L${n(bx + uy * w)} ${n(by - ux * w)}Z`;
  }
  if (head === 'circle') {
    const r = 4;
    const cx = tip.x - ux * r;
    const cy = tip.y - uy * r;
    return `M${n(cx - r)} ${n(cy)}A${r} ${r} 0 1 0 ${n(cx + r)} ${n(cy)}A${r} ${r} 0 1 0 ${n(cx - r)} ${n(cy)}Z`;
  }
  const cx = tip.x - ux * 5;
  const cy = tip.y - uy * 5;
  const s = 4;
  return `M${n(cx - s)} ${n(cy - s)}L${n(cx + s)} ${n(cy + s)}M${n(cx + s)} ${n(cy - s)}L${n(cx - s)} ${n(cy + s)}`;
}

function trim(pts: Point[], end: number, inner: number, head: ArrowHead) {
  const tip = pts[end];
  const from = pts[inner];
  if (!tip || !from || head === 'none' || head === 'cross') return;
  const cut = Math.min(head === 'arrow' ? ARROW_LENGTH - 1 : 7, dist(from, tip) - 0.5);
  if (cut <= 0) return;
  pts[end] = toward(tip, from, cut);
}

function toward(from: Point, to: Point, distance: number): Point {
  const len = dist(from, to) || 1;
  return {
    x: from.x + ((to.x - from.x) / len) * distance,
    y: from.y + ((to.y - from.y) / len) * distance,
  };
}

function dist(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

function n(v: number): string {
  return String(Math.round(v * 100) / 100);
}
