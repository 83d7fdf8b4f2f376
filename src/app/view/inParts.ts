import { useEffect, useReducer, useRef } from 'react';

/**
 * How many new nodes React Flow is given per task. A part's task costs about
 * 0.4 ms per new node plus about 0.1 ms per node already drawn (React Flow
 * renders its whole node and edge lists again), so smaller parts do not
 * make shorter tasks near the end, only more of them. `npm run bench`
 * (bench/drawBig.ts) measures it.
 */
export const PART_SIZE = 400;

/**
 * What React Flow draws this time: every node it already has (`mounted`),
 * plus the first `part` that it has not, in order; and the edges whose two
 * ends are drawn. When at most `part` nodes are new, the very arrays given.
 *
 * @example inParts(threeNodes, edges, new Set(), 2).nodes.length // 2, and complete is false
 */
export function inParts<N extends { id: string }, E extends { source: string; target: string }>(
  nodes: N[],
  edges: E[],
  mounted: ReadonlySet<string>,
  part: number,
): { nodes: N[]; edges: E[]; complete: boolean } {
  let fresh = 0;
  for (const node of nodes) if (!mounted.has(node.id)) fresh++;
  if (fresh <= part) return { nodes, edges, complete: true };
  const shown = new Set<string>();
  let taken = 0;
  const someNodes = nodes.filter((node) => {
    if (!mounted.has(node.id)) {
      if (taken === part) return false;
      taken++;
    }
    shown.add(node.id);
    return true;
  });
  const someEdges = edges.filter((edge) => shown.has(edge.source) && shown.has(edge.target));
  return { nodes: someNodes, edges: someEdges, complete: false };
}

/**
 * Hands a big diagram to React Flow a part at a time, one task each, so
 * drawing 4000 nodes never holds the page for seconds: a click, a key or
 * the back button still answer while it fills in. Nodes React Flow already
 * has stay, so a fold or a flow step in a big diagram is drawn at once.
 * `onComplete` is told when a diagram drawn in parts is whole.
 */
export function useInParts<N extends { id: string }, E extends { source: string; target: string }>(
  nodes: N[],
  edges: E[],
  onComplete: () => void,
): { nodes: N[]; edges: E[]; complete: boolean } {
  const mounted = useRef<ReadonlySet<string>>(new Set());
  const wasComplete = useRef(true);
  const [, nextPart] = useReducer((count: number) => count + 1, 0);
  const shown = inParts(nodes, edges, mounted.current, PART_SIZE);
  const done = useRef(onComplete);
  done.current = onComplete;
  useEffect(() => {
    mounted.current = new Set(shown.nodes.map((node) => node.id));
    const finished = shown.complete && !wasComplete.current;
    wasComplete.current = shown.complete;
    if (finished) done.current();
    if (shown.complete) return;
    const timer = setTimeout(nextPart, 0);
    return () => clearTimeout(timer);
  }, [shown.nodes, shown.complete]);
  return shown;
}
