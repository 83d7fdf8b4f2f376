import type { Direction } from '../model/types.ts';
import { ancestors } from './hierarchy.ts';
import { round } from './nodeSize.ts';
import type { LaidOutDiagram, LaidOutEdge, LaidOutNode } from './types.ts';

/**
 * Puts unconnected siblings that share a row back in the order they were
 * written. ELK 0.12's hierarchical crossing minimisation rotates such rows
 * (VM1 VM2 VM3 comes out VM3 VM1 VM2), and for the stacks people draw the
 * written order is the meaning. Only rows whose every member has no edge
 * across its own border are touched, so no route changes; each member
 * moves with everything inside it, and the row keeps its span and gaps.
 */
export function restoreOrder(diagram: LaidOutDiagram, turning: Set<string>): LaidOutDiagram {
  const nodes = diagram.nodes.map((n) => ({
    ...n,
    labelBox: { ...n.labelBox },
    ...(n.iconBox && { iconBox: { ...n.iconBox } }),
  }));
  const edges = diagram.edges.map((e) => ({ ...e, points: e.points.map((p) => ({ ...p })) }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const subtree = subtrees(nodes);
  // A node's border is crossed by an edge with exactly one end inside it:
  // the ends and their ancestors, less those the two chains share.
  const crossing = new Set<string>();
  for (const edge of edges) {
    const from = [edge.source, ...ancestors(edge.source, byId)];
    const to = [edge.target, ...ancestors(edge.target, byId)];
    for (const id of from) if (!to.includes(id)) crossing.add(id);
    for (const id of to) if (!from.includes(id)) crossing.add(id);
  }
  const direction = (parent: string | null): Direction => {
    for (let id = parent; id !== null; id = byId.get(id)?.parent ?? null) {
      const group = byId.get(id);
      if (group && turning.has(id) && group.direction) return group.direction;
    }
    return diagram.direction;
  };

  const siblings = new Map<string | null, LaidOutNode[]>();
  for (const node of nodes) siblings.set(node.parent, [...(siblings.get(node.parent) ?? []), node]);
  for (const [parent, list] of siblings) {
    const vertical = direction(parent) === 'down' || direction(parent) === 'up';
    const along = vertical ? 'x' : 'y';
    const across = vertical ? 'y' : 'x';
    const size = vertical ? 'width' : 'height';
    const depth = vertical ? 'height' : 'width';
    // A row is the siblings whose extents across the flow overlap: one layer.
    const rows = overlapping(list, across, depth);
    for (const row of rows) {
      if (row.length < 2 || row.some((n) => crossing.has(n.id))) continue;
      // Only a true line: one point across the flow that every member spans
      // (ELK packs unconnected components in 2D, which is not a row).
      const shared =
        Math.max(...row.map((n) => n[across])) < Math.min(...row.map((n) => n[across] + n[depth]));
      if (!shared) continue;
      const placed = [...row].sort((a, b) => a[along] - b[along]);
      if (
        placed.some(
          (n, i) =>
            i > 0 && n[along] < (placed[i - 1]?.[along] ?? 0) + (placed[i - 1]?.[size] ?? 0),
        )
      )
        continue;
      const written = [...row].sort((a, b) => (index.get(a.id) ?? 0) - (index.get(b.id) ?? 0));
      if (placed.every((n, i) => n === written[i])) continue;
      // Read every position before moving anything: members move in place.
      const start = new Map(row.map((n) => [n.id, n[along]]));
      const gaps = placed.map((n, i) => {
        const next = placed[i + 1];
        return next ? next[along] - (n[along] + n[size]) : 0;
      });
      let cursor = placed[0]?.[along] ?? 0;
      written.forEach((node, i) => {
        const delta = round(cursor - (start.get(node.id) ?? 0));
        shift(subtree.get(node.id) ?? new Set([node.id]), delta, along, byId, edges);
        cursor = round(cursor + node[size] + (gaps[i] ?? 0));
      });
    }
  }
  return { ...diagram, nodes, edges };
}

function shift(
  members: Set<string>,
  delta: number,
  axis: 'x' | 'y',
  byId: Map<string, LaidOutNode>,
  edges: LaidOutEdge[],
) {
  if (delta === 0) return;
  for (const id of members) {
    const node = byId.get(id);
    if (!node) continue;
    node[axis] = round(node[axis] + delta);
    node.labelBox[axis] = round(node.labelBox[axis] + delta);
    if (node.iconBox) node.iconBox[axis] = round(node.iconBox[axis] + delta);
  }
  for (const edge of edges) {
    if (!members.has(edge.source) || !members.has(edge.target)) continue;
    for (const p of edge.points) p[axis] = round(p[axis] + delta);
    if (edge.labelBox)
      edge.labelBox = { ...edge.labelBox, [axis]: round(edge.labelBox[axis] + delta) };
  }
}

/** Each node's id with the ids of everything inside it. */
function subtrees(nodes: LaidOutNode[]): Map<string, Set<string>> {
  const result = new Map(nodes.map((n) => [n.id, new Set([n.id])]));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const node of nodes) {
    for (let p = node.parent; p !== null; p = byId.get(p)?.parent ?? null) {
      result.get(p)?.add(node.id);
    }
  }
  return result;
}

/** Groups boxes into runs whose [start, start + size] intervals on `axis` overlap. */
function overlapping(
  list: LaidOutNode[],
  axis: 'x' | 'y',
  size: 'width' | 'height',
): LaidOutNode[][] {
  const rows: LaidOutNode[][] = [];
  let current: LaidOutNode[] | undefined;
  let end = Number.NEGATIVE_INFINITY;
  for (const node of [...list].sort((a, b) => a[axis] - b[axis])) {
    if (current && node[axis] < end) {
      current.push(node);
    } else {
      current = [node];
      rows.push(current);
    }
    end = Math.max(end, node[axis] + node[size]);
  }
  return rows;
}
