import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { Direction, Model, ModelEdge, ModelNode } from '../model/types.ts';
import { ancestors, edgeContainer, effectiveDirection } from './toElk.ts';

/** One end of a piece: a node, or a port on a group's border. */
interface End {
  id: string;
  /** The group the port sits on, when the end is a port. */
  portOf?: string;
}

/** One piece of a lifted edge: which graph holds it, and its two ends there. */
export interface EdgePiece {
  id: string;
  /** The group whose own layout run routes this piece (null = the root). */
  graph: string | null;
  source: End;
  target: End;
}

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

/**
 * Splits an edge that crosses the border of a layout run (`RunPlan`) into
 * pieces that each stay in one run, joined by ports on the borders it
 * crosses. An edge from inside run A to inside run B goes from its source to
 * a port on each border on the way up, from port to port in the group where
 * the two chains meet, and down through ports to its target; inside a run,
 * ELK's hierarchical layout takes it across the groups there. An edge that
 * joins a group to something inside it starts (or ends) on a port of that
 * group, seen from inside. Pieces are listed source first; `middle` is the
 * one where the chains meet, which carries the label.
 */
export function liftEdge(
  edge: ModelEdge,
  byId: Map<string, ModelNode>,
  plan: RunPlan,
): { pieces: EdgePiece[]; middle: number } {
  const { source, target } = edge;
  const fromChain = [source, ...ancestors(source, byId)];
  const toChain = [target, ...ancestors(target, byId)];
  // Where the chains meet: a group holding the other end, or the deepest
  // group that holds both.
  const meet = toChain.includes(source)
    ? source
    : fromChain.includes(target)
      ? target
      : (fromChain.find((id) => id !== source && toChain.includes(id)) ?? null);
  // Inside a run, ELK crosses group borders itself; only an edge that
  // meets in a separate group, or enters a run from its root's border,
  // needs ports.
  const endsOnMeet = meet === source || meet === target;
  const native =
    source === target ||
    (meet !== null && !(endsOnMeet ? plan.bordered.has(meet) : plan.separate.has(meet)));
  if (native) {
    const graph = edgeContainer(source, target, byId);
    return {
      pieces: [{ id: edge.id, graph, source: { id: source }, target: { id: target } }],
      middle: 0,
    };
  }
  // Every group on the way gets a port: ELK cannot join a node nested in a
  // run to the port of the run's own root, only to its own parent's port.
  const below = (chain: string[]) =>
    chain.slice(0, meet === null ? undefined : chain.indexOf(meet));
  const up = meet === source ? [] : below(fromChain);
  const down = meet === target ? [] : below(toChain);
  const port = (group: string): End => ({ id: `${edge.id}__port__${group}`, portOf: group });
  // Inside group chain[i], the edge's end is the port of the group below it
  // on the chain, or the real end at the bottom.
  const end = (chain: string[], i: number): End =>
    i === 0 ? { id: chain[0] as string } : port(chain[i] as string);
  const pieces: EdgePiece[] = [];
  const piece = (graph: string | null, from: End, to: End) =>
    pieces.push({ id: `${edge.id}__${pieces.length}`, graph, source: from, target: to });
  for (let i = 1; i < up.length; i++) piece(up[i] as string, end(up, i - 1), port(up[i] as string));
  const middle = pieces.length;
  piece(
    meet,
    meet === source ? port(source) : end(up, up.length - 1),
    meet === target ? port(target) : end(down, down.length - 1),
  );
  for (let i = down.length - 1; i > 0; i--) {
    piece(down[i] as string, port(down[i] as string), end(down, i - 1));
  }
  if (pieces.length === 1 && pieces[0]) pieces[0].id = edge.id;
  return { pieces, middle };
}

/** Adds each piece to the graph that holds it, and the ports it needs to the groups it crosses. */
export function addPieces(
  pieces: EdgePiece[],
  middle: number,
  labels: ElkExtendedEdge['labels'],
  elkNodes: Map<string | null, ElkNode>,
): void {
  pieces.forEach((p, i) => {
    for (const end of [p.source, p.target]) {
      const group = end.portOf === undefined ? undefined : elkNodes.get(end.portOf);
      if (group && !group.ports?.some((q) => q.id === end.id)) {
        group.ports = [...(group.ports ?? []), { id: end.id, width: 0, height: 0 }];
      }
    }
    const elkEdge: ElkExtendedEdge = { id: p.id, sources: [p.source.id], targets: [p.target.id] };
    if (labels && i === middle) elkEdge.labels = labels;
    elkNodes.get(p.graph)?.edges?.push(elkEdge);
  });
}
