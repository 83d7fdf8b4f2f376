import type { Edge, Node } from '@xyflow/react';
import type { ElementState } from '../../core/animate/timeline.ts';
import type { LaidOutDiagram, LaidOutEdge, LaidOutNode } from '../../core/layout/types.ts';
import type { Style } from '../../core/model/types.ts';
import { plainLabel, readingOrder } from '../../core/outline/structure.ts';
import { resolveStyle } from '../../core/render/resolveStyle.ts';

export type ShapeNodeType = Node<
  { node: LaidOutNode; style: Style; state?: ElementState },
  'shape'
>;
export type GroupNodeType = Node<
  { node: LaidOutNode; style: Style; state?: ElementState },
  'container'
>;
export type RoutedEdgeType = Edge<
  { edge: LaidOutEdge; style: Style; state?: ElementState },
  'routed'
>;

/**
 * React Flow nodes and edges for a laid-out diagram, exactly where ELK put
 * them: absolute positions (no React Flow parenting, which would re-anchor
 * children), groups stacked under their children by depth, edges above groups.
 * Nodes come in reading order (a group, then what it holds), which is the
 * order Tab visits them; `names` are what a screen reader says on each node
 * and edge (an edge without one, an invisible one, is hidden from it).
 */
export function toReactFlow(
  diagram: LaidOutDiagram,
  names?: { nodes: ReadonlyMap<string, string>; edges: ReadonlyMap<string, string> },
): {
  nodes: (ShapeNodeType | GroupNodeType)[];
  edges: RoutedEdgeType[];
} {
  const nodes = (readingOrder(diagram) as LaidOutNode[]).map((node) => {
    return {
      id: node.id,
      // Its name when focused (React Flow's wrapper is a `group`, which needs one).
      ariaLabel: names?.nodes.get(node.id) ?? plainLabel(node),
      type: node.kind === 'group' ? ('container' as const) : ('shape' as const),
      position: { x: node.x, y: node.y },
      width: node.width,
      height: node.height,
      data: { node, style: resolveStyle(node, diagram.classDefs) },
      draggable: false,
      connectable: false,
      zIndex: node.kind === 'group' ? node.depth : 1000 + node.depth,
    };
  });
  const edges = diagram.edges.map(
    (edge): RoutedEdgeType => ({
      id: edge.id,
      type: 'routed',
      source: edge.source,
      target: edge.target,
      data: { edge, style: resolveStyle(edge, diagram.classDefs) },
      zIndex: 500,
      focusable: false,
      ...(names
        ? names.edges.has(edge.id)
          ? { ariaLabel: names.edges.get(edge.id) as string }
          : { domAttributes: { 'aria-hidden': true } }
        : {}),
    }),
  );
  return { nodes, edges };
}
