import type { ModelEdge } from '../model/types.ts';
import { type Graph, visibleEdges } from './structure.ts';

/**
 * Moves through a diagram by its structure rather than by where things are
 * drawn: into a group (its first member), out to the group around, and to
 * the next or previous member of the same group, in the order written.
 */
export type StructuralMove = 'into' | 'out' | 'next' | 'prev';

/** The node a structural move lands on, or null where there is none (a leaf has no inside). */
export function structuralMove(graph: Graph, id: string, move: StructuralMove): string | null {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const parentOf = (nodeId: string) => {
    const parent = graph.nodes.find((n) => n.id === nodeId)?.parent ?? null;
    return parent !== null && ids.has(parent) ? parent : null;
  };
  const node = graph.nodes.find((n) => n.id === id);
  if (!node) return null;
  if (move === 'out') return parentOf(id);
  if (move === 'into') return graph.nodes.find((n) => parentOf(n.id) === id)?.id ?? null;
  const parent = parentOf(id);
  const siblings = graph.nodes.filter((n) => parentOf(n.id) === parent);
  const at = siblings.findIndex((n) => n.id === id);
  return siblings[at + (move === 'next' ? 1 : -1)]?.id ?? null;
}

/** One step along an edge: which edge, where it lands, and which of how many it was. */
export interface Hop {
  edge: ModelEdge;
  /** The node at the other end. */
  node: string;
  /** 0-based, among the edges that way, in the order written. */
  index: number;
  count: number;
}

/**
 * Along the `index`-th edge out of a node (`forward`) or back along the
 * `index`-th edge into it (`back`); the index wraps, so asking for the one
 * after the last gives the first again. Null when no edge goes that way.
 */
export function edgeHop(
  graph: Graph,
  from: string,
  way: 'forward' | 'back',
  index: number,
): Hop | null {
  const edges = visibleEdges(graph).filter((e) =>
    way === 'forward' ? e.source === from : e.target === from && e.source !== from,
  );
  const count = edges.length;
  if (count === 0) return null;
  const at = ((index % count) + count) % count;
  const edge = edges[at] as ModelEdge;
  return { edge, node: way === 'forward' ? edge.target : edge.source, index: at, count };
}
