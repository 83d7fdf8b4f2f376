import type { ModelEdge } from '../../model/types.ts';
import { parseEdgeExpression } from './edgeExpression.ts';

/** What a step's edge reference points at. */
export type EdgeRefResolution =
  | { kind: 'found'; id: string; alternatives: string[] }
  | { kind: 'unknown'; source?: string; target?: string };

function symmetric(edge: ModelEdge): boolean {
  return edge.arrows.start === edge.arrows.end;
}

/**
 * Resolves an edge reference from a flow step: an edge id first, else
 * `a -> b` (any operator: it only separates the ends) meaning the first edge
 * from a to b, or, for an edge drawn the same at both ends (`<->`, `--`),
 * from b to a. `alternatives` lists other edges the expression also matches.
 *
 * @example resolveEdgeRef('kubelet -> cri', edges) // { kind: 'found', id: 'kubelet->cri', alternatives: [] }
 */
export function resolveEdgeRef(ref: string, edges: readonly ModelEdge[]): EdgeRefResolution {
  if (edges.some((edge) => edge.id === ref)) return { kind: 'found', id: ref, alternatives: [] };
  const expression = parseEdgeExpression(ref);
  if (!expression) return { kind: 'unknown' };
  const { source, target } = expression;
  const forward = edges.filter((edge) => edge.source === source && edge.target === target);
  const backward = edges.filter(
    (edge) =>
      edge.source === target &&
      edge.target === source &&
      symmetric(edge) &&
      !forward.includes(edge),
  );
  const [first, ...rest] = [...forward, ...backward];
  if (!first) return { kind: 'unknown', source, target };
  return { kind: 'found', id: first.id, alternatives: rest.map((edge) => edge.id) };
}
