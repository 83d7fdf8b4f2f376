import { memo } from 'react';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import { edgePath } from '../../core/render/edgePath.ts';
import { shapePaths } from '../../core/render/shapePath.ts';

/** A diagram in miniature: its real layout, shapes and routes; text (too small to read) as bars. */
export const Thumbnail = memo(function Thumbnail({ diagram }: { diagram: LaidOutDiagram }) {
  const pad = 8;
  const viewBox = `${-pad} ${-pad} ${diagram.width + 2 * pad} ${diagram.height + 2 * pad}`;
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
          <path key={edge.id} className="fd-thumb-edge" d={edgePath(edge.points, edge.arrows)} />
        ),
      )}
      {diagram.nodes.map((node) =>
        node.kind === 'group' && !node.collapsed ? null : (
          <path key={node.id} className="fd-thumb-node" d={shapePaths(node.shape, node).outline} />
        ),
      )}
      {diagram.nodes.map((node) => {
        const box = node.labelBox;
        const line = box.lines.length > 0 ? box.height / box.lines.length : 0;
        return box.lines.map((_, i) => (
          <rect
            key={`${node.id}:${i}`}
            className="fd-thumb-text"
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
