import type { Direction, Model, ModelNode } from '../model/types.ts';
import { ancestors, effectiveDirection } from './hierarchy.ts';

/** Which groups end a layout run (`planRuns`). */
export interface RunPlan {
  separate: Set<string>;
  /** Separate groups and run roots: every border that ends a layout run. */
  bordered: Set<string>;
}

/**
 * Which groups get a layout run of their own, for a diagram too big to lay
 * out in one hierarchical ELK run (whose cost grows much faster than the
 * node count once edges cross groups). Going down from the root, a group
 * whose subtree holds more than `maxRun` nodes is `separate`: its children
 * are laid out as closed boxes in a run of its own, after each child has
 * been laid out inside. A group of at most `maxRun` nodes whose parent is
 * separate is a run `root`: it and everything inside it are laid out in one
 * hierarchical run, as a small diagram is. Together they are the groups
 * whose border an edge must cross through a port (`liftEdge`). A diagram of
 * at most `maxRun` nodes gets no plan: one run, as before.
 */
export function planRuns(nodes: readonly ModelNode[], maxRun: number): RunPlan | null {
  if (nodes.length <= maxRun) return null;
  const size = new Map<string, number>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const node of nodes) {
    // Counted into the node itself and every group above it (no deeper than there are nodes).
    let id: string | null = node.id;
    for (let depth = 0; id !== null && depth <= nodes.length; depth++) {
      size.set(id, (size.get(id) ?? 0) + 1);
      id = byId.get(id)?.parent ?? null;
    }
  }
  const separate = new Set<string>();
  const bordered = new Set<string>();
  for (const node of nodes) {
    if (node.kind !== 'group') continue;
    const parent = node.parent === null ? null : byId.get(node.parent);
    const parentSeparate = !parent || (size.get(parent.id) ?? 0) > maxRun;
    if (!parentSeparate) continue;
    bordered.add(node.id);
    if ((size.get(node.id) ?? 0) > maxRun) separate.add(node.id);
  }
  return { separate, bordered };
}

/**
 * Runs that let every group turn the way it says (`direction`), even one an
 * edge crosses, which a hierarchical ELK run cannot do: each turning group
 * and every group above it is `separate`, laying its children out as boxes
 * in its own direction, and edges reach inside through ports (`liftEdge`).
 * Null when no group turns: one run, as written.
 */
export function planTurns(model: Model, byId: Map<string, ModelNode>): RunPlan | null {
  const separate = new Set<string>();
  const inherited = (node: ModelNode): Direction => {
    const parent = node.parent === null ? undefined : byId.get(node.parent);
    return parent ? effectiveDirection(parent, byId, model.direction) : model.direction;
  };
  for (const node of model.nodes) {
    if (node.kind !== 'group' || !node.direction || node.direction === inherited(node)) continue;
    separate.add(node.id);
    for (const id of ancestors(node.id, byId)) separate.add(id);
  }
  if (separate.size === 0) return null;
  const bordered = new Set(separate);
  for (const node of model.nodes) {
    if (node.kind === 'group' && (node.parent === null || separate.has(node.parent)))
      bordered.add(node.id);
  }
  return { separate, bordered };
}
