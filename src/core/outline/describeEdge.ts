import type { ModelEdge } from '../model/types.ts';
import { type Graph, plainLabel, visibleEdges } from './structure.ts';
import type { Words } from './words.ts';

/**
 * Every visible edge's name, by id: its ends in the direction its heads
 * point, and its label ("kubectl → API Server: HTTPS"); ↔ with heads at both
 * ends, — with none. An end whose label other nodes share says its group:
 * "API Server → kubelet (in Node2)". Invisible edges have none.
 */
export function describeEdges(graph: Graph, words: Words): Map<string, string> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const uses = new Map<string, number>();
  for (const node of graph.nodes) {
    const label = plainLabel(node);
    uses.set(label, (uses.get(label) ?? 0) + 1);
  }
  const endName = (id: string) => {
    const node = byId.get(id);
    if (!node) return id;
    const label = plainLabel(node);
    const parent = node.parent ? byId.get(node.parent) : undefined;
    return (uses.get(label) ?? 0) > 1 && parent
      ? `${label} (${words.inGroup(plainLabel(parent))})`
      : label;
  };
  const name = (edge: ModelEdge) => {
    const { start, end } = edge.arrows;
    const from = endName(edge.source);
    const to = endName(edge.target);
    const ends =
      start !== 'none' && end !== 'none'
        ? `${from}${words.bothWays}${to}`
        : start !== 'none'
          ? `${to}${words.arrow}${from}`
          : end !== 'none'
            ? `${from}${words.arrow}${to}`
            : `${from}${words.line}${to}`;
    const label = edge.label?.replace(/\s*\n\s*/g, ' ').trim();
    return label ? `${ends}: ${label}` : ends;
  };
  return new Map(visibleEdges(graph).map((edge) => [edge.id, name(edge)]));
}
