import type { Direction, ModelNode } from '../model/types.ts';

/**
 * The deepest group that is a proper ancestor of both ends (null = root).
 * An edge from a group to its own descendant lives in that group's parent.
 */
export function edgeContainer(
  source: string,
  target: string,
  byId: Map<string, ModelNode>,
): string | null {
  const sourceChain = ancestors(source, byId);
  const targetChain = new Set(ancestors(target, byId));
  for (const id of sourceChain) if (targetChain.has(id)) return id;
  return null;
}

/** The direction a node's children flow in: its own, or the nearest one above it, or the diagram's. */
export function effectiveDirection(
  node: ModelNode,
  byId: Map<string, ModelNode>,
  root: Direction,
): Direction {
  for (let n: ModelNode | undefined = node; n; n = n.parent ? byId.get(n.parent) : undefined)
    if (n.direction) return n.direction;
  return root;
}

/** Proper ancestors of a node, nearest first. */
export function ancestors(id: string, byId: Map<string, ModelNode>): string[] {
  const chain: string[] = [];
  let parent = byId.get(id)?.parent ?? null;
  while (parent !== null && !chain.includes(parent)) {
    chain.push(parent);
    parent = byId.get(parent)?.parent ?? null;
  }
  return chain;
}
