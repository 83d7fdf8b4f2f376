import type { LaidOutDiagram, LaidOutEdge, LaidOutNode } from '../../core/layout/types.ts';

export type Direction = 'up' | 'down' | 'left' | 'right';

/** The node, its ancestors and descendants: a group stands for everything in it. */
function family(diagram: LaidOutDiagram, id: string): Set<string> {
  const parentOf = new Map(diagram.nodes.map((n) => [n.id, n.parent]));
  const inside = (nodeId: string) => {
    for (let at: string | null | undefined = nodeId; at; at = parentOf.get(at)) {
      if (at === id) return true;
    }
    return false;
  };
  return new Set(diagram.nodes.filter((n) => inside(n.id)).map((n) => n.id));
}

/**
 * What lights up when the user points at a node: the node (with everything
 * inside it, for a group), the edges touching any of those, the nodes at
 * their other ends, and the groups holding all of them.
 */
export function neighbourhood(
  diagram: LaidOutDiagram,
  id: string,
): { nodes: Set<string>; edges: Set<string> } {
  const own = family(diagram, id);
  const nodes = new Set(own);
  const edges = new Set<string>();
  for (const edge of diagram.edges) {
    if (!own.has(edge.source) && !own.has(edge.target)) continue;
    edges.add(edge.id);
    nodes.add(edge.source);
    nodes.add(edge.target);
  }
  const parentOf = new Map(diagram.nodes.map((n) => [n.id, n.parent]));
  for (const nodeId of [...nodes]) {
    for (let at = parentOf.get(nodeId); at; at = parentOf.get(at)) nodes.add(at);
  }
  return { nodes, edges };
}

/** Edges into and out of a node, in the order they were written. */
export function edgesOf(
  diagram: LaidOutDiagram,
  id: string,
): { incoming: LaidOutEdge[]; outgoing: LaidOutEdge[] } {
  const visible = diagram.edges.filter((e) => e.line !== 'invisible');
  return {
    incoming: visible.filter((e) => e.target === id && e.source !== id),
    outgoing: visible.filter((e) => e.source === id),
  };
}

/** The edges that reach a node through one group around it. */
export interface ThroughGroup {
  /** The group the edges end on. */
  group: string;
  incoming: LaidOutEdge[];
  outgoing: LaidOutEdge[];
}

/**
 * The edges that end on a group around a node rather than on the node: an
 * edge into a node's group reaches the node too. Nearest group first, each
 * group's edges in written order. An edge between a group and something
 * inside it, or a group around it, does not lead anywhere else, so it is left
 * out (the node's own edges are `edgesOf()`).
 *
 * @example throughGroups(diagram, 'CD') // [{ group: 'Runtimes', incoming: [CRI->Runtimes], outgoing: [Runtimes->LowLevel] }]
 */
export function throughGroups(diagram: LaidOutDiagram, id: string): ThroughGroup[] {
  const parentOf = new Map(diagram.nodes.map((n) => [n.id, n.parent]));
  /** Whether `nodeId` is `groupId` or inside it. */
  const within = (nodeId: string, groupId: string) => {
    for (let at: string | null | undefined = nodeId; at; at = parentOf.get(at)) {
      if (at === groupId) return true;
    }
    return false;
  };
  // Elsewhere: neither the group, nor in it, nor around it.
  const elsewhere = (nodeId: string, groupId: string) =>
    !within(nodeId, groupId) && !within(groupId, nodeId);
  const visible = diagram.edges.filter((e) => e.line !== 'invisible');
  const result: ThroughGroup[] = [];
  for (let group = parentOf.get(id); group; group = parentOf.get(group)) {
    const at = group;
    const incoming = visible.filter((e) => e.target === at && elsewhere(e.source, at));
    const outgoing = visible.filter((e) => e.source === at && elsewhere(e.target, at));
    if (incoming.length > 0 || outgoing.length > 0) result.push({ group, incoming, outgoing });
  }
  return result;
}

/** Where keyboard navigation sees a node: its label (a group's is its title, not its middle). */
function anchor(node: LaidOutNode) {
  const box = node.labelBox;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * The node an arrow key moves to: the closest one whose anchor lies in that
 * direction, preferring ones straight ahead over ones off to the side.
 * Moving sideways never lands on a group the node is in.
 */
export function nearestInDirection(
  diagram: LaidOutDiagram,
  fromId: string,
  direction: Direction,
): string | null {
  const from = diagram.nodes.find((n) => n.id === fromId);
  if (!from) return null;
  const origin = anchor(from);
  // Sideways, a group around the node is not a neighbour; up, its title is.
  const skip = new Set<string>();
  if (direction === 'left' || direction === 'right') {
    const parentOf = new Map(diagram.nodes.map((n) => [n.id, n.parent]));
    for (let at: string | null | undefined = from.parent; at; at = parentOf.get(at)) skip.add(at);
  }
  let best: { id: string; score: number } | null = null;
  for (const node of diagram.nodes) {
    if (node.id === fromId || skip.has(node.id)) continue;
    const at = anchor(node);
    const dx = at.x - origin.x;
    const dy = at.y - origin.y;
    const ahead =
      direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
    const aside = direction === 'right' || direction === 'left' ? Math.abs(dy) : Math.abs(dx);
    if (ahead <= 1) continue;
    const score = ahead + 2 * aside;
    if (!best || score < best.score) best = { id: node.id, score };
  }
  return best?.id ?? null;
}
