import type { Flow, FlowStep, Model } from '../model/types.ts';

/**
 * A flow for a diagram that has none (a plain Mermaid chart): it walks the
 * edges in written order. Step 1 lights the first edge's source; each next
 * step lights one edge and its target, captioned with the target's label
 * (`edge label: target label` when the edge has a label). Invisible edges are
 * skipped. Without edges, one step per top-level node. Null for an empty
 * diagram. Labels keep their line breaks.
 *
 * @example defaultFlow(importMermaid('flowchart LR\n a[A] -->|go| b[B]', { id: 'x' }).model)
 *   // { id: 'main', title: 'x', steps: [{ caption: 'A', … }, { caption: 'go: B', … }] }
 */
export function defaultFlow(model: Model): Flow | null {
  const labels = new Map(model.nodes.map((n) => [n.id, n.label || n.id]));
  const labelOf = (id: string) => labels.get(id) ?? id;
  const edges = model.edges.filter((e) => e.line !== 'invisible');
  const steps: FlowStep[] = [];
  const first = edges[0];
  if (first) {
    steps.push({ caption: labelOf(first.source), nodes: [first.source], edges: [] });
    for (const edge of edges) {
      const target = labelOf(edge.target);
      const caption = edge.label ? `${edge.label}: ${target}` : target;
      steps.push({ caption, nodes: [edge.target], edges: [edge.id] });
    }
  } else {
    for (const node of model.nodes)
      if (node.parent === null)
        steps.push({ caption: labelOf(node.id), nodes: [node.id], edges: [] });
  }
  return steps.length === 0 ? null : { id: 'main', title: model.title, steps };
}
