import type { LaidOutNode } from '../layout/types.ts';
import type { FlowStep, ModelNode } from '../model/types.ts';

/** What walking groups needs of a node: a model's will do where no box is read. */
export type TreeNode = Pick<ModelNode, 'id' | 'parent'>;

/** Parent and child links of a diagram's nodes (laid out by default), for walking up and down groups. */
export interface NodeTree<N extends TreeNode = LaidOutNode> {
  byId: ReadonlyMap<string, N>;
  children: ReadonlyMap<string, readonly string[]>;
}

export function nodeTree<N extends TreeNode>(nodes: readonly N[]): NodeTree<N> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.parent === null) continue;
    const list = children.get(n.parent);
    if (list) list.push(n.id);
    else children.set(n.parent, [n.id]);
  }
  return { byId, children };
}

/** The groups holding `id`, innermost first. */
export function ancestors(tree: NodeTree<TreeNode>, id: string): string[] {
  const out: string[] = [];
  for (let p = tree.byId.get(id)?.parent ?? null; p !== null; p = tree.byId.get(p)?.parent ?? null)
    out.push(p);
  return out;
}

/** Everything inside `id`, at any depth (not `id` itself). */
export function descendants(tree: NodeTree<TreeNode>, id: string): string[] {
  const out: string[] = [];
  const stack = [...(tree.children.get(id) ?? [])];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    out.push(next);
    stack.push(...(tree.children.get(next) ?? []));
  }
  return out;
}

/**
 * The ids hidden before the first step: those whose first mention in a
 * `show` or `hide` list is a `show` (they appear later, so they start out of
 * sight). An id first mentioned in `hide` was visible until then.
 */
export function hiddenAtStart(steps: readonly FlowStep[]): Set<string> {
  const seen = new Set<string>();
  const hidden = new Set<string>();
  for (const step of steps) {
    for (const id of step.show ?? []) {
      if (!seen.has(id)) hidden.add(id);
      seen.add(id);
    }
    for (const id of step.hide ?? []) seen.add(id);
  }
  return hidden;
}

/**
 * Applies one step's pair of lists to a set: `add` first, then `remove`, so
 * an id named in both ends up removed. Returns a new set.
 */
export function applyLists(
  current: ReadonlySet<string>,
  add: readonly string[] | undefined,
  remove: readonly string[] | undefined,
): Set<string> {
  const next = new Set(current);
  for (const id of add ?? []) next.add(id);
  for (const id of remove ?? []) next.delete(id);
  return next;
}

/** The nodes out of sight: each hidden id and everything inside it. */
export function effectiveHidden(
  tree: NodeTree<TreeNode>,
  hidden: ReadonlySet<string>,
): Set<string> {
  const out = new Set<string>();
  for (const id of hidden) {
    if (!tree.byId.has(id)) continue;
    out.add(id);
    for (const d of descendants(tree, id)) out.add(d);
  }
  return out;
}
