import { round } from './nodeSize.ts';
import { shapeOutline } from './shapeOutline.ts';
import type { LaidOutDiagram, LaidOutNode, Point } from './types.ts';

/**
 * ELK ends edges on bounding boxes. For shapes that do not fill their box
 * (diamond, circle, hexagon…) this moves each end along its last segment
 * onto the drawn outline, so arrowheads touch the shape.
 */
export function clipEndpoints(diagram: LaidOutDiagram): LaidOutDiagram {
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const edges = diagram.edges.map((edge) => {
    if (edge.points.length < 2) return edge;
    const points = [...edge.points];
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    const first = points[0];
    const second = points[1];
    const last = points[points.length - 1];
    const beforeLast = points[points.length - 2];
    if (source && first && second) points[0] = clip(source, second, first);
    if (target && last && beforeLast) points[points.length - 1] = clip(target, beforeLast, last);
    return { ...edge, points };
  });
  return { ...diagram, edges };
}

/** Where the ray from `from` through `end` first meets the node's outline at or past `end`. */
function clip(node: LaidOutNode, from: Point, end: Point): Point {
  if (node.kind === 'group' || !CURVED.has(node.shape)) return end;
  const outline = shapeOutline(node.shape, node);
  const dx = end.x - from.x;
  const dy = end.y - from.y;
  let best: number | undefined;
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i];
    const b = outline[(i + 1) % outline.length];
    if (!a || !b) continue;
    const t = intersect(from, dx, dy, a, b);
    if (t !== undefined && t >= 1 - 1e-9 && (best === undefined || t < best)) best = t;
  }
  if (best === undefined) return end;
  return { x: round(from.x + dx * best), y: round(from.y + dy * best) };
}

const CURVED = new Set([
  'diamond',
  'hexagon',
  'circle',
  'doublecircle',
  'stadium',
  'parallelogram',
  'parallelogram-alt',
  'trapezoid',
  'trapezoid-alt',
  'asymmetric',
]);

/** Parameter t along p + t·(dx,dy) where it crosses segment ab, if it does. */
function intersect(p: Point, dx: number, dy: number, a: Point, b: Point): number | undefined {
  const ex = b.x - a.x;
  const ey = b.y - a.y;
  const denom = dx * ey - dy * ex;
  if (Math.abs(denom) < 1e-12) return undefined;
  const t = ((a.x - p.x) * ey - (a.y - p.y) * ex) / denom;
  const u = ((a.x - p.x) * dy - (a.y - p.y) * dx) / denom;
  return u >= -1e-9 && u <= 1 + 1e-9 ? t : undefined;
}
