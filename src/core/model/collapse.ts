import type { Model, ModelEdge, ModelNode } from './types.ts';

/**
 * The model as seen with some groups collapsed: a view state of the explorer,
 * applied between parse and layout.
 *
 * - Ids in `collapsed` that are not groups (or not in the model) are ignored.
 * - A collapsed group that is not inside another collapsed group stays, marked
 *   `collapsed: true` with `hiddenCount` (the leaf nodes it hides, at any
 *   depth); everything inside it leaves `nodes`. A collapsed group inside
 *   another one simply disappears with the rest.
 * - An edge end inside a collapsed group moves to that (outermost) group. An
 *   edge the collapse moved that now starts and ends on the same node is
 *   dropped; a self-loop the author wrote is kept.
 * - Edges that share (source, target, line) afterwards merge into the first of
 *   them, keeping its id and fields, when the collapse moved at least one of
 *   them (parallel edges the author wrote between visible nodes stay as
 *   written). The merged edge keeps its label only when every edge merged into
 *   it has that same label: it stands for all of them, and the first label
 *   would claim its relation for the others too. So ids stay unique and
 *   stable: each one in the result is an input edge's own id.
 * - Flows are kept as they are (they may name hidden nodes and edges).
 *
 * Collapse marks already in `model` are kept (their `hiddenCount` adds up
 * when an outer group hides them), so applying the same set twice changes
 * nothing. When nothing changes, `model` itself is returned, so the caller
 * can compare by identity. Linear in nodes plus edges; `model` is not mutated.
 *
 * @example
 * const view = collapseGroups(model, new Set(['CP']));
 * const diagram = await engine.layout(view);
 */
export function collapseGroups(model: Model, collapsed: ReadonlySet<string>): Model {
  if (collapsed.size === 0) return model;
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const isCollapsing = (id: string): boolean => {
    const node = byId.get(id);
    return node?.kind === 'group' && (collapsed.has(id) || node.collapsed === true);
  };
  const hiderOf = outermostCollapsedAncestors(byId, isCollapsing);

  const hidden = new Map<string, number>();
  let changed = false;
  for (const node of model.nodes) {
    const hider = hiderOf(node.id);
    if (hider === null) continue;
    changed = true;
    const count = node.kind === 'node' ? 1 : (node.hiddenCount ?? 0);
    hidden.set(hider, (hidden.get(hider) ?? 0) + count);
  }
  const nodes: ModelNode[] = [];
  for (const node of model.nodes) {
    if (hiderOf(node.id) !== null) continue;
    if (node.kind === 'group' && collapsed.has(node.id) && node.collapsed !== true) changed = true;
    if (!isCollapsing(node.id) || (node.collapsed === true && !hidden.has(node.id))) {
      nodes.push(node);
      continue;
    }
    const hiddenCount = (node.hiddenCount ?? 0) + (hidden.get(node.id) ?? 0);
    nodes.push({ ...node, collapsed: true, hiddenCount });
  }
  if (!changed) return model;
  return { ...model, nodes, edges: collapseEdges(model.edges, hiderOf) };
}

/** Re-points, drops and merges edges as `collapseGroups` describes. */
function collapseEdges(edges: ModelEdge[], hiderOf: (id: string) => string | null): ModelEdge[] {
  interface Bucket {
    first: ModelEdge;
    source: string;
    target: string;
    moved: boolean;
    /** Every member's label agrees with the first's. */
    sameLabel: boolean;
  }
  const buckets = new Map<string, Bucket>();
  const order: { edge: ModelEdge; bucket: Bucket }[] = [];
  for (const edge of edges) {
    const source = hiderOf(edge.source) ?? edge.source;
    const target = hiderOf(edge.target) ?? edge.target;
    const moved = source !== edge.source || target !== edge.target;
    if (moved && source === target) continue;
    const key = JSON.stringify([source, target, edge.line]);
    let bucket = buckets.get(key);
    if (bucket) {
      bucket.moved ||= moved;
      bucket.sameLabel &&= bucket.first.label === edge.label;
    } else {
      bucket = { first: edge, source, target, moved, sameLabel: true };
      buckets.set(key, bucket);
    }
    order.push({ edge, bucket });
  }
  const result: ModelEdge[] = [];
  for (const { edge, bucket } of order) {
    // Nothing in the bucket moved: every edge stays as written, parallels included.
    if (!bucket.moved) result.push(edge);
    else if (edge === bucket.first) {
      const merged: ModelEdge = { ...edge, source: bucket.source, target: bucket.target };
      if (!bucket.sameLabel) delete merged.label;
      result.push(merged);
    }
  }
  return result;
}

/**
 * For each node id, the outermost group above it (a proper ancestor) that
 * collapses, or null when none does. Memoized, so all nodes cost linear time;
 * a broken parent cycle ends the walk instead of looping.
 */
function outermostCollapsedAncestors(
  byId: Map<string, ModelNode>,
  isCollapsing: (id: string) => boolean,
): (id: string) => string | null {
  const memo = new Map<string, string | null>();
  return (id) => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    // Walk up to the first node already known (or the top), then fill in downwards.
    const chain: string[] = [];
    const onChain = new Set<string>();
    for (let cur: string | null = id; cur !== null && !memo.has(cur) && !onChain.has(cur); ) {
      chain.push(cur);
      onChain.add(cur);
      cur = byId.get(cur)?.parent ?? null;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const nodeId = chain[i] as string;
      const parent = byId.get(nodeId)?.parent ?? null;
      const above = parent === null ? null : (memo.get(parent) ?? null);
      memo.set(nodeId, above ?? (parent !== null && isCollapsing(parent) ? parent : null));
    }
    return memo.get(id) ?? null;
  };
}
