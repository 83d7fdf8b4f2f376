import { crowdedEnds } from './edgeEnds.ts';
import { COLLAPSED_BADGE_WIDTH } from './nodeSize.ts';
import { shapeOutline } from './shapeOutline.ts';
import type { Box, LaidOutDiagram, LaidOutNode, Point } from './types.ts';

const EPSILON = 0.5;

/**
 * Every way a laid-out diagram breaks the layout's promises, as readable
 * sentences (empty when it keeps them all): siblings don't overlap, children
 * sit inside their parents, icons sit inside their nodes clear of the
 * label, edge labels stay off nodes and off each other,
 * edges start and end on their nodes' outlines, and the ends on one node
 * leave room for their arrowheads (`crowdedEnds()`). A collapsed group holds
 * nothing, counts as a node for edge labels, and keeps its title out of its
 * badge strip.
 */
export function checkInvariants(diagram: LaidOutDiagram): string[] {
  const problems: string[] = [];
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const siblings = new Map<string | null, LaidOutNode[]>();
  for (const node of diagram.nodes) {
    const list = siblings.get(node.parent) ?? [];
    list.push(node);
    siblings.set(node.parent, list);
  }
  for (const list of siblings.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as LaidOutNode;
        const b = list[j] as LaidOutNode;
        if (overlap(a, b)) problems.push(`siblings ${a.id} and ${b.id} overlap`);
      }
    }
  }
  for (const node of diagram.nodes) {
    const parent = node.parent === null ? undefined : byId.get(node.parent);
    if (parent && !inside(node, parent))
      problems.push(`${node.id} sticks out of its group ${parent.id}`);
    if (!inside(node.labelBox, node)) problems.push(`the label of ${node.id} sticks out of it`);
    if (node.iconBox && !inside(node.iconBox, node))
      problems.push(`the icon of ${node.id} sticks out of it`);
    if (node.iconBox && node.labelBox.lines.length > 0 && overlap(node.iconBox, node.labelBox))
      problems.push(`the icon of ${node.id} covers its label`);
    if (parent?.collapsed) problems.push(`collapsed group ${parent.id} still holds ${node.id}`);
    if (
      node.collapsed &&
      node.labelBox.x + node.labelBox.width > node.x + node.width - COLLAPSED_BADGE_WIDTH + EPSILON
    )
      problems.push(`the label of collapsed group ${node.id} runs into its badge`);
  }
  // A collapsed group is drawn as a leaf box, so edge labels keep off it too.
  const leaves = diagram.nodes.filter((n) => n.kind === 'node' || n.collapsed);
  const labelled: { id: string; box: Box }[] = [];
  for (const edge of diagram.edges) {
    if (edge.labelBox) {
      for (const leaf of leaves) {
        if (overlap(edge.labelBox, leaf))
          problems.push(`the label of edge ${edge.id} overlaps ${leaf.id}`);
      }
      for (const other of labelled) {
        if (overlap(edge.labelBox, other.box))
          problems.push(`the labels of edges ${other.id} and ${edge.id} overlap`);
      }
      labelled.push({ id: edge.id, box: edge.labelBox });
    }
    const first = edge.points[0];
    const last = edge.points[edge.points.length - 1];
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!first || !last || !source || !target) {
      problems.push(`edge ${edge.id} has no route`);
      continue;
    }
    if (distanceToOutline(first, source) > 1)
      problems.push(`edge ${edge.id} does not start on ${source.id}`);
    if (distanceToOutline(last, target) > 1)
      problems.push(`edge ${edge.id} does not end on ${target.id}`);
  }
  problems.push(...crowdedEnds(diagram));
  return problems;
}

function overlap(a: Box, b: Box): boolean {
  return (
    a.x + EPSILON < b.x + b.width &&
    b.x + EPSILON < a.x + a.width &&
    a.y + EPSILON < b.y + b.height &&
    b.y + EPSILON < a.y + a.height
  );
}

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - EPSILON &&
    inner.y >= outer.y - EPSILON &&
    inner.x + inner.width <= outer.x + outer.width + EPSILON &&
    inner.y + inner.height <= outer.y + outer.height + EPSILON
  );
}

/** Distance from a point to the outline edges are clipped to (a group's is its box). */
function distanceToOutline(p: Point, node: LaidOutNode): number {
  const outline = shapeOutline(node.kind === 'group' ? 'rect' : node.shape, node);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i] as Point;
    const b = outline[(i + 1) % outline.length] as Point;
    best = Math.min(best, distanceToSegment(p, a, b));
  }
  return best;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}
