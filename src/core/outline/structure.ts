import type { ModelEdge, ModelNode } from '../model/types.ts';

/**
 * The structure of a diagram as a reader without the picture needs it:
 * the nesting of groups, the order to read things in, and what connects to
 * what. Works on a model or a laid-out diagram alike (both have nodes with
 * parents and edges); every renderer of text — the app's announcements, the
 * Outline view, the Markdown export, an SVG's accessible names — reads the
 * diagram through these functions, so they all say the same thing.
 */
export interface Graph {
  readonly nodes: readonly ModelNode[];
  readonly edges: readonly ModelEdge[];
}

/** A label as one line of text: the author's line breaks become spaces; an empty label is the id. */
export function plainLabel(node: Pick<ModelNode, 'id' | 'label'>): string {
  const text = node.label.replace(/\s*\n\s*/g, ' ').trim();
  return text || node.id;
}

/** The edges a reader is told about: all but the invisible ones, which only shape the layout. */
export function visibleEdges(graph: Graph): ModelEdge[] {
  return graph.edges.filter((e) => e.line !== 'invisible');
}

/** The nodes directly in a group (null: the top level), in the order they were written. */
export function childrenOf(graph: Graph, parent: string | null): ModelNode[] {
  return graph.nodes.filter((n) => n.parent === parent);
}

/**
 * Every node in reading order: depth first, a group before what it holds,
 * siblings in the order the author wrote them.
 *
 * @example readingOrder(k8s) // ['cluster', 'cp', 'api', 'etcd', …, 'worker1', 'kubelet1', …]
 */
export function readingOrder(graph: Graph): ModelNode[] {
  const byParent = new Map<string | null, ModelNode[]>();
  const ids = new Set(graph.nodes.map((n) => n.id));
  for (const node of graph.nodes) {
    // A parent that is not there (a collapsed view's leftovers) reads as the top level.
    const parent = node.parent !== null && ids.has(node.parent) ? node.parent : null;
    const list = byParent.get(parent);
    if (list) list.push(node);
    else byParent.set(parent, [node]);
  }
  const order: ModelNode[] = [];
  const visit = (parent: string | null) => {
    for (const node of byParent.get(parent) ?? []) {
      order.push(node);
      visit(node.id);
    }
  };
  visit(null);
  return order;
}

/** The groups around a node, nearest first. */
export function groupPath(graph: Graph, id: string): ModelNode[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const path: ModelNode[] = [];
  const seen = new Set<string>([id]);
  for (let at = byId.get(id)?.parent; at && !seen.has(at); at = byId.get(at)?.parent) {
    seen.add(at);
    const group = byId.get(at);
    if (group) path.push(group);
  }
  return path;
}

/** The nodes at the other end of a node's edges that share one label, with the edges' labels. */
export interface LinkGroup {
  /** The other ends' plain label. */
  label: string;
  /** The other ends' ids, in the order their edges were written (one per edge). */
  nodes: string[];
  /** The edges, in the order they were written. */
  edges: string[];
  /** The edges' distinct non-empty labels, in order. */
  edgeLabels: string[];
}

/** A node's connections, the other ends grouped by label ("kubelet ×3"). */
export interface Connections {
  outgoing: LinkGroup[];
  incoming: LinkGroup[];
}

/**
 * What a node connects to: outgoing edges (a self-loop counts once, as
 * outgoing) and incoming ones, the other ends grouped by their label in the
 * order first met, so three kubelets read as one entry of three.
 */
export function connections(graph: Graph, id: string): Connections {
  return allConnections(graph).get(id) ?? { outgoing: [], incoming: [] };
}

/** `connections()` of every node at once, in time linear in the diagram's size. */
export function allConnections(graph: Graph): Map<string, Connections> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const result = new Map<string, Connections>();
  const of = (id: string) => {
    let found = result.get(id);
    if (!found) {
      found = { outgoing: [], incoming: [] };
      result.set(id, found);
    }
    return found;
  };
  const add = (list: LinkGroup[], edge: ModelEdge, other: string) => {
    const node = byId.get(other);
    const label = node ? plainLabel(node) : other;
    let group = list.find((g) => g.label === label);
    if (!group) {
      group = { label, nodes: [], edges: [], edgeLabels: [] };
      list.push(group);
    }
    group.nodes.push(other);
    group.edges.push(edge.id);
    const text = edge.label?.replace(/\s*\n\s*/g, ' ').trim();
    if (text && !group.edgeLabels.includes(text)) group.edgeLabels.push(text);
  };
  for (const edge of visibleEdges(graph)) {
    add(of(edge.source).outgoing, edge, edge.target);
    if (edge.source !== edge.target) add(of(edge.target).incoming, edge, edge.source);
  }
  return result;
}
