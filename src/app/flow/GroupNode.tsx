import type { NodeProps } from '@xyflow/react';
import { HiddenHandles } from './HiddenHandles.tsx';
import { NodeLabel } from './NodeLabel.tsx';
import type { GroupNodeType } from './toReactFlow.ts';

/** A group: a container tinted by nesting depth, its title at the top. */
export function GroupNode({ data }: NodeProps<GroupNodeType>) {
  const { node } = data;
  return (
    <div className="fd-group" data-node-id={node.id} data-depth={node.depth % 4} data-state="idle">
      <svg width={node.width} height={node.height} overflow="visible" aria-hidden="true">
        <rect
          className="fd-group-box"
          x={0}
          y={0}
          width={node.width}
          height={node.height}
          rx={12}
          style={{ fill: node.style.fill, stroke: node.style.stroke }}
        />
        <NodeLabel
          className="fd-group-label"
          label={node.labelBox}
          originX={node.x}
          originY={node.y}
        />
      </svg>
      <HiddenHandles />
    </div>
  );
}
