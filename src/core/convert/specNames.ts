import type { ModelEdge, ModelNode } from '../model/types.ts';
import { ID_PATTERN } from '../parse/spec/edgeExpression.ts';

const INVALID_RUN = /[^\p{L}\p{N}_]+/gu;

/** `**Two**` → `Two`, `odd-` → `odd`, `a b` → `a_b`; the fallback when nothing is left. */
function idLike(name: string, fallback: string): string {
  const words = name.split(INVALID_RUN).filter((word) => word !== '');
  return words.length > 0 ? words.join('_') : fallback;
}

/**
 * A spec name for every name a spec can't take (node ids, class names and
 * flow ids share one pattern), unique among all the names, never taking one
 * already valid.
 *
 * @example renames(['odd-', 'odd'], 'node') // Map { 'odd-' => 'odd_2' }
 */
export function renames(names: readonly string[], fallback: string): Map<string, string> {
  const taken = new Set(names.filter((name) => ID_PATTERN.test(name)));
  const renamed = new Map<string, string>();
  for (const name of names) {
    if (ID_PATTERN.test(name) || renamed.has(name)) continue;
    const base = idLike(name, fallback);
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
    taken.add(candidate);
    renamed.set(name, candidate);
  }
  return renamed;
}

/**
 * Automatic edge ids (`odd-->b`, `odd-->b#2`) renamed with their ends
 * (`odd->b`, `odd->b#2`), unless that would make two edges alike; explicit
 * ids stay.
 */
export function renameEdgeIds(
  edges: readonly ModelEdge[],
  nodeId: (id: string) => string,
): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const edge of edges) {
    const auto = `${edge.source}->${edge.target}`;
    const isAuto = edge.id === auto || edge.id.startsWith(`${auto}#`);
    const next = `${nodeId(edge.source)}->${nodeId(edge.target)}${edge.id.slice(auto.length)}`;
    if (isAuto && next !== edge.id) renamed.set(edge.id, next);
  }
  const finalIds = edges.map((edge) => renamed.get(edge.id) ?? edge.id);
  for (const [from, to] of renamed) {
    if (finalIds.filter((id) => id === to).length > 1) renamed.delete(from);
  }
  return renamed;
}

/** Parents before children, each node's children in the order `siblings` gives (model order by default). */
export function nestingOrder(
  nodes: readonly ModelNode[],
  siblings: (children: readonly ModelNode[]) => ModelNode[] = (children) => [...children],
): ModelNode[] {
  const children = new Map<string | null, ModelNode[]>();
  for (const node of nodes) {
    const list = children.get(node.parent);
    if (list) list.push(node);
    else children.set(node.parent, [node]);
  }
  const order: ModelNode[] = [];
  const visit = (parent: string | null) => {
    for (const node of siblings(children.get(parent) ?? [])) {
      order.push(node);
      visit(node.id);
    }
  };
  visit(null);
  return order;
}
