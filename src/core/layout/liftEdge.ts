import type { ModelEdge, ModelNode } from '../model/types.ts';
import { ancestors, edgeContainer } from './hierarchy.ts';
import type { RunPlan } from './plan.ts';

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
