import type { LaidOutDiagram, Point } from './types.ts';

interface Segment {
  edge: number;
  a: Point;
  b: Point;
  minX: number;
  maxX: number;
}

/**
 * How many times edges cross each other: pairs of segments of different
 * edges that meet at a point inside both. Touching at an end, or running
 * along each other, is not a crossing. The layout quality figure the bench
 * compares between layout strategies.
 */
export function countCrossings(diagram: Pick<LaidOutDiagram, 'edges'>): number {
  const segments: Segment[] = [];
  diagram.edges.forEach((edge, i) => {
    for (let k = 1; k < edge.points.length; k++) {
      const a = edge.points[k - 1] as Point;
      const b = edge.points[k] as Point;
      segments.push({ edge: i, a, b, minX: Math.min(a.x, b.x), maxX: Math.max(a.x, b.x) });
    }
  });
  segments.sort((s, t) => s.minX - t.minX);
  let crossings = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] as Segment;
    for (let j = i + 1; j < segments.length; j++) {
      const t = segments[j] as Segment;
      if (t.minX > s.maxX) break;
      if (t.edge !== s.edge && properlyCross(s.a, s.b, t.a, t.b)) crossings++;
    }
  }
  return crossings;
}

function side(p: Point, q: Point, r: Point): number {
  return Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
}

function properlyCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = side(c, d, a);
  const d2 = side(c, d, b);
  const d3 = side(a, b, c);
  const d4 = side(a, b, d);
  return d1 * d2 < 0 && d3 * d4 < 0;
}
