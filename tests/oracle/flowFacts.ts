import type { Model } from '../../src/core/model/types.ts';

/**
 * What the oracle compares: the part of a flowchart both Mermaid and we
 * must agree on, in a shape both sides can produce.
 */
export interface FlowFacts {
  direction: string;
  /** Every node and group by id. */
  nodes: Record<string, NodeFacts>;
  /** In source order. */
  edges: EdgeFacts[];
}

export interface NodeFacts {
  label: string;
  group: boolean;
  parent: string | null;
  /** A group's own direction. */
  direction?: string;
  /** The node's icon, as an Iconify name. */
  icon?: string;
  /** The icon's size in px, when the chart gives one (`h`, `w`). */
  iconSize?: number;
  /** The shape around an icon shape's icon (`form`); Mermaid's side has it only for those. */
  iconShape?: string;
}

export interface EdgeFacts {
  source: string;
  target: string;
  label: string;
  /** `solid/none>arrow/1`: line, start and end heads, length. */
  look: string;
}

export function factsFromModel(model: Model): FlowFacts {
  const nodes: Record<string, NodeFacts> = {};
  for (const node of model.nodes) {
    nodes[node.id] = {
      label: node.label,
      group: node.kind === 'group',
      parent: node.parent,
      ...(node.direction === undefined ? {} : { direction: node.direction }),
      ...(node.icon === undefined ? {} : { icon: node.icon, iconShape: node.shape }),
      ...(node.iconSize === undefined ? {} : { iconSize: node.iconSize }),
    };
  }
  return {
    direction: model.direction,
    nodes,
    edges: model.edges.map((edge) => ({
      source: edge.source,
      target: edge.target,
      label: edge.label ?? '',
      look: `${edge.line}/${edge.arrows.start}>${edge.arrows.end}/${edge.minLength}`,
    })),
  };
}

/** Human-readable differences, empty when the facts agree. */
export function diffFacts(ours: FlowFacts, theirs: FlowFacts): string[] {
  const out: string[] = [];
  if (ours.direction !== theirs.direction)
    out.push(`direction: ours ${ours.direction}, Mermaid ${theirs.direction}`);
  const ids = new Set([...Object.keys(ours.nodes), ...Object.keys(theirs.nodes)]);
  for (const id of ids) {
    const a = ours.nodes[id];
    const b = theirs.nodes[id];
    if (!a || !b) {
      out.push(`node ${JSON.stringify(id)}: only in ${a ? 'ours' : 'Mermaid'}`);
      continue;
    }
    for (const key of ['label', 'group', 'parent', 'direction', 'icon', 'iconSize'] as const) {
      if (a[key] !== b[key]) {
        out.push(
          `node ${JSON.stringify(id)} ${key}: ours ${JSON.stringify(a[key])}, Mermaid ${JSON.stringify(b[key])}`,
        );
      }
    }
  }
  for (const id of ids) {
    const a = ours.nodes[id];
    const b = theirs.nodes[id];
    if (a && b?.iconShape !== undefined && a.iconShape !== b.iconShape)
      out.push(`node ${JSON.stringify(id)} iconShape: ours ${a.iconShape}, Mermaid ${b.iconShape}`);
  }
  const count = Math.max(ours.edges.length, theirs.edges.length);
  for (let i = 0; i < count; i++) {
    const a = JSON.stringify(ours.edges[i] ?? null);
    const b = JSON.stringify(theirs.edges[i] ?? null);
    if (a !== b) out.push(`edge ${i}: ours ${a}, Mermaid ${b}`);
  }
  return out;
}
