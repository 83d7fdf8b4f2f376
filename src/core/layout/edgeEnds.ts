import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { Direction } from '../model/types.ts';
import type { Box, LaidOutEdge, Point } from './types.ts';

/**
 * How far apart ELK puts neighbouring edge ends on one side of a node, in
 * px: an arrowhead is about 10 px wide (`ARROW_LENGTH` × 1.1 in
 * render/edgePath.ts), so heads this far apart leave a gap the eye can see.
 */
export const END_GAP = 16;

/**
 * How far ELK keeps ends from a node's corners, in px (it puts them a pixel
 * closer): far enough that two heads coming in on either side of a corner
 * do not touch.
 */
const CORNER_GAP = 8;

/**
 * ELK options for a run or group: the ends of edges on a node are ELK
 * ports (one per edge, made by ELK), and ELK reads their spacing from the
 * graph the node sits in, not from the node.
 */
export const END_SPACING: LayoutOptions = {
  'elk.spacing.portPort': String(END_GAP),
  'elk.spacing.portsSurrounding': `[top=${CORNER_GAP},left=${CORNER_GAP},bottom=${CORNER_GAP},right=${CORNER_GAP}]`,
};

/**
 * ELK options for a leaf of this size with `ends` edge ends on it. Without
 * them ELK spreads the ends evenly over a side of a fixed box, however many
 * (four on a 44 px side come 9 px apart). With them the leaf grows, just
 * enough, only when one side holds more ends than fit `END_GAP` apart; a
 * side long enough to spread all of the leaf's ends evenly still does, and
 * a shorter one gathers them round its middle, where a hexagon's or
 * diamond's point is.
 */
export function leafOptions(
  box: { width: number; height: number },
  options: { ends: number; direction: Direction },
): LayoutOptions {
  // What ELK 0.12 needs to spread n ends evenly: (n + 1) gaps and the corners.
  const spread = (options.ends + 1) * END_GAP + 2 * (CORNER_GAP - 1);
  const align = (side: number) => (side >= spread ? 'DISTRIBUTED' : 'CENTER');
  // ELK names the sides as if the run went right: in a run that goes down
  // or up, its west and east are the box's top and bottom.
  const vertical = options.direction === 'down' || options.direction === 'up';
  const across = align(vertical ? box.width : box.height);
  const along = align(vertical ? box.height : box.width);
  return {
    'elk.nodeSize.constraints': 'PORTS MINIMUM_SIZE',
    'elk.nodeSize.minimum': `(${box.width},${box.height})`,
    'elk.portAlignment.west': across,
    'elk.portAlignment.east': across,
    'elk.portAlignment.north': along,
    'elk.portAlignment.south': along,
  };
}

/** How many edge ends each node has (a self-loop has two). */
export function countEnds(
  edges: readonly { source: string; target: string }[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { source, target } of edges) {
    counts.set(source, (counts.get(source) ?? 0) + 1);
    counts.set(target, (counts.get(target) ?? 0) + 1);
  }
  return counts;
}

/** How far an arrowhead reaches back from its tip (`ARROW_LENGTH` in render/edgePath.ts). */
const HEAD_LENGTH = 9;

/** The room an end needs across its edge: a 10 px head and a visible gap, a little under `END_GAP`. */
const HEAD_ROOM = END_GAP - 2;

/**
 * Pairs of edge ends on one node whose arrowheads would overlap or touch:
 * each end needs its arrowhead's length back along its last segment and
 * `HEAD_ROOM` across it, so ends side by side are at least `HEAD_ROOM`
 * apart, while ends coming in on two sides of a corner may be closer to
 * each other. Readable sentences.
 */
export function crowdedEnds(diagram: {
  edges: readonly Pick<LaidOutEdge, 'id' | 'source' | 'target' | 'points'>[];
}): string[] {
  const ends = new Map<string, { edge: string; room: Box }[]>();
  const add = (node: string, edge: string, tip: Point | undefined, from: Point | undefined) => {
    if (!tip || !from) return;
    const list = ends.get(node) ?? [];
    list.push({ edge, room: headRoom(tip, from) });
    ends.set(node, list);
  };
  for (const edge of diagram.edges) {
    const { points } = edge;
    add(edge.source, edge.id, points[0], points[1]);
    add(edge.target, edge.id, points[points.length - 1], points[points.length - 2]);
  }
  const problems: string[] = [];
  for (const [node, list] of ends) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as { edge: string; room: Box };
        const b = list[j] as { edge: string; room: Box };
        if (!overlap(a.room, b.room)) continue;
        const which =
          a.edge === b.edge ? `the two ends of edge ${a.edge}` : `edges ${a.edge} and ${b.edge}`;
        problems.push(`${which} end too close together on ${node}`);
      }
    }
  }
  return problems;
}

/** The box an arrowhead at `tip`, coming from `from`, needs, with half the gap on each side. */
function headRoom(tip: Point, from: Point): Box {
  const length = Math.hypot(tip.x - from.x, tip.y - from.y) || 1;
  const ux = (tip.x - from.x) / length;
  const uy = (tip.y - from.y) / length;
  const half = HEAD_ROOM / 2;
  const back = { x: tip.x - ux * HEAD_LENGTH, y: tip.y - uy * HEAD_LENGTH };
  const corners = [tip, back].flatMap((p) => [
    { x: p.x - uy * half, y: p.y + ux * half },
    { x: p.x + uy * half, y: p.y - ux * half },
  ]);
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

function overlap(a: Box, b: Box): boolean {
  const slack = 0.5;
  return (
    a.x + slack < b.x + b.width &&
    b.x + slack < a.x + a.width &&
    a.y + slack < b.y + b.height &&
    b.y + slack < a.y + a.height
  );
}

/**
 * Gives each edge that ends on a node with ports (a group whose border an
 * edge of a bottom-up layout crosses, `liftEdge`) a port of its own there:
 * ELK joins every edge that ends on such a node itself at one point. A
 * single end keeps ELK's placement: the port ELK gives an end it did not
 * route from inside can land on a far side.
 */
export function portEveryEnd(root: ElkNode): void {
  const ported = new Map<string, ElkNode>();
  const edges: ElkExtendedEdge[] = [];
  const walk = (node: ElkNode) => {
    if (node.ports?.length) ported.set(node.id, node);
    edges.push(...(node.edges ?? []));
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  // One end alone keeps ELK's own placement.
  const ends = countEnds(
    edges.flatMap((e) =>
      e.sources.flatMap((source) => e.targets.map((target) => ({ source, target }))),
    ),
  );
  const toPort = (edge: ElkExtendedEdge, id: string, end: 'from' | 'to') => {
    const node = ported.get(id);
    if (!node || (ends.get(id) ?? 0) < 2) return id;
    const port = { id: `${edge.id}__${end}__${id}`, width: 0, height: 0 };
    node.ports = [...(node.ports ?? []), port];
    return port.id;
  };
  for (const edge of edges) {
    edge.sources = edge.sources.map((id) => toPort(edge, id, 'from'));
    edge.targets = edge.targets.map((id) => toPort(edge, id, 'to'));
  }
}
