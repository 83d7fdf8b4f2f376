import type { LaidOutDiagram, LaidOutEdge } from '../layout/types.ts';
import { describeNodes } from '../outline/describeNode.ts';
import { type Graph, plainLabel, readingOrder } from '../outline/structure.ts';
import type { Words } from '../outline/words.ts';

/** What a screen reader is given for one drawn node or edge. */
export interface Reading {
  /** Attributes of the element's `<g>`: id, role, name and, for a group, the members it holds. */
  attrs: Record<string, string | undefined>;
  /** A `<desc>` for it (a node's groups and connections), or ''. */
  desc: string;
}

/**
 * An exported file's structure for screen readers. The file draws in
 * stacking order (groups, edges, nodes), so the reading order is given with
 * `aria-owns`: the root holds the top-level nodes in reading order, then
 * the edges; each group holds its members. Names and descriptions come from
 * `src/core/outline`, as the app's announcements do.
 */
export interface Accessible {
  words: Words;
  node: (id: string) => Reading;
  edge: (id: string) => Reading;
  /** The ids the root owns, in reading order: the nodes and edges read at the top level. */
  owned: string[];
}

const HIDDEN: Reading = { attrs: { 'aria-hidden': 'true' }, desc: '' };

/**
 * The structure of a file drawing `diagram`, where `read` says which
 * elements a reader meets (not those a step hides); an edge is read when
 * it is visible and both its ends are read.
 *
 * @example accessible(diagram, { p: 'fd-k8s', words: WORDS.en, read: () => true }).node('api')
 * // { attrs: { id: 'fd-k8s-n3', role: 'graphics-symbol', 'aria-label': 'API Server' }, desc: 'in Control plane. …' }
 */
export function accessible(
  diagram: LaidOutDiagram,
  options: { p: string; words: Words; read: (kind: 'node' | 'edge', id: string) => boolean },
): Accessible {
  const { p, words, read } = options;
  const nodes = diagram.nodes.filter((n) => read('node', n.id));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = diagram.edges.filter(
    (e) => e.line !== 'invisible' && read('edge', e.id) && ids.has(e.source) && ids.has(e.target),
  );
  const graph: Graph = { nodes, edges };
  const nodeId = new Map(diagram.nodes.map((n, i) => [n.id, `${p}-n${i}`]));
  const edgeId = new Map(diagram.edges.map((e, i) => [e.id, `${p}-e${i}`]));
  const labels = new Map(nodes.map((n) => [n.id, plainLabel(n)]));
  const uses = new Map<string, number>();
  for (const label of labels.values()) uses.set(label, (uses.get(label) ?? 0) + 1);
  const members = new Map<string | null, string[]>();
  for (const node of readingOrder(graph)) {
    const parent = node.parent !== null && ids.has(node.parent) ? node.parent : null;
    const list = members.get(parent) ?? [];
    list.push(nodeId.get(node.id) as string);
    members.set(parent, list);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const sentences = describeNodes(graph, words);
  const readEdges = new Map(edges.map((e) => [e.id, e]));
  return {
    words,
    node(id) {
      const node = byId.get(id);
      if (!node) return HIDDEN;
      const group = node.kind === 'group';
      const label = labels.get(id) as string;
      // describeNode starts with the label, which is already the element's name.
      const sentence = sentences.get(id) ?? label;
      let desc = sentence.startsWith(label)
        ? sentence.slice(label.length).replace(/^(, |\. )/, '')
        : sentence;
      // A group's members say what it is; "no connections" would only be noise.
      if (group) desc = desc.replace(`. ${words.unconnected}.`, '.');
      return {
        attrs: {
          id: nodeId.get(id),
          role: group ? 'graphics-object' : 'graphics-symbol',
          'aria-label': label,
          'aria-owns': group ? members.get(id)?.join(' ') : undefined,
        },
        desc,
      };
    },
    edge(id) {
      const edge = readEdges.get(id);
      if (!edge) return HIDDEN;
      return {
        attrs: { id: edgeId.get(id), role: 'graphics-symbol', 'aria-label': edgeName(edge) },
        desc: '',
      };
    },
    owned: [...(members.get(null) ?? []), ...edges.map((e) => edgeId.get(e.id) as string)],
  };

  /** "kubectl → API Server: HTTPS", the ends in the order the heads point. */
  function edgeName(edge: LaidOutEdge): string {
    const { start, end } = edge.arrows;
    const from = endName(edge.source);
    const to = endName(edge.target);
    const ends =
      start !== 'none' && end !== 'none'
        ? `${from}${words.bothWays}${to}`
        : start !== 'none'
          ? `${to}${words.arrow}${from}`
          : end !== 'none'
            ? `${from}${words.arrow}${to}`
            : `${from}${words.line}${to}`;
    const label = edge.label?.replace(/\s*\n\s*/g, ' ').trim();
    return label ? `${ends}: ${label}` : ends;
  }

  /** An edge's end by its label, with its group when other nodes share the label: "kubelet (in Node2)". */
  function endName(id: string): string {
    const label = labels.get(id) ?? id;
    const parent = byId.get(id)?.parent;
    const group = parent ? labels.get(parent) : undefined;
    return (uses.get(label) ?? 0) > 1 && group ? `${label} (${words.inGroup(group)})` : label;
  }
}
