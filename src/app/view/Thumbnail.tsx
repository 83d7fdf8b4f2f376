import { memo } from 'react';
import type { ElementState } from '../../core/animate/timeline.ts';
import type { Box, LaidOutDiagram } from '../../core/layout/types.ts';
import { edgePath } from '../../core/render/edgePath.ts';
import { shapePaths } from '../../core/render/shapePath.ts';
import { NodeIcon } from '../icons/NodeIcon.tsx';

/**
 * A diagram in miniature: its real layout, shapes, routes and icons; text
 * (too small to read) as bars. With `states` (a flow step's), each shape carries its
 * state as `data-state` for the stylesheet to light, dim or hide; with
 * `frame`, it shows that part of the diagram (and what fits around it).
 */
export const Thumbnail = memo(function Thumbnail({
  diagram,
  states,
  frame,
}: {
  diagram: LaidOutDiagram;
  states?: {
    nodes: Readonly<Record<string, ElementState>>;
    edges: Readonly<Record<string, ElementState>>;
  };
  frame?: Box | undefined;
}) {
  const pad = 8;
  const viewBox = frame
    ? `${frame.x} ${frame.y} ${frame.width} ${frame.height}`
    : `${-pad} ${-pad} ${diagram.width + 2 * pad} ${diagram.height + 2 * pad}`;
  return (
    <svg
      className="fd-thumb"
      viewBox={viewBox}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
    >
      {diagram.nodes.map((node) =>
        node.kind === 'group' && !node.collapsed ? (
          <rect
            key={node.id}
            className="fd-thumb-group"
            data-depth={node.depth % 4}
            data-state={states?.nodes[node.id]}
            x={node.x}
            y={node.y}
            width={node.width}
            height={node.height}
            rx={12}
          />
        ) : null,
      )}
      {diagram.edges.map((edge) =>
        edge.line === 'invisible' ? null : (
          <path
            key={edge.id}
            className="fd-thumb-edge"
            data-state={states?.edges[edge.id]}
            d={edgePath(edge.points, edge.arrows)}
          />
        ),
      )}
      {diagram.nodes.map((node) =>
        node.kind === 'group' && !node.collapsed ? null : (
          <path
            key={node.id}
            className="fd-thumb-node"
            data-state={states?.nodes[node.id]}
            d={shapePaths(node.shape, node).outline}
          />
        ),
      )}
      {diagram.nodes.map((node) => {
        const box = node.iconBox;
        return node.icon && box && !(node.kind === 'group' && node.collapsed) ? (
          <g key={`${node.id}:icon`} data-state={states?.nodes[node.id]}>
            <NodeIcon
              className="fd-thumb-icon"
              name={node.icon}
              box={box}
              originX={0}
              originY={0}
            />
          </g>
        ) : null;
      })}
      {diagram.nodes.map((node) => {
        const box = node.labelBox;
        const line = box.lines.length > 0 ? box.height / box.lines.length : 0;
        return box.lines.map((_, i) => (
          <rect
            key={`${node.id}:${i}`}
            className="fd-thumb-text"
            data-state={states?.nodes[node.id]}
            x={box.x}
            y={box.y + line * i + line * 0.25}
            width={box.width}
            height={line * 0.5}
            rx={line * 0.25}
          />
        ));
      })}
    </svg>
  );
});
