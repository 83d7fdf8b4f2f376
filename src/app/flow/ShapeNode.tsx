import type { NodeProps } from '@xyflow/react';
import { shapePaths } from '../../core/render/shapePath.ts';
import { NodeIcon } from '../icons/NodeIcon.tsx';
import { HiddenHandles } from './HiddenHandles.tsx';
import { NodeLabel } from './NodeLabel.tsx';
import type { ShapeNodeType } from './toReactFlow.ts';
import { userStyle } from './userStyle.ts';

/** A leaf node: its shape as SVG, its icon and measured label on top. */
export function ShapeNode({ data, selected }: NodeProps<ShapeNodeType>) {
  const { node, style } = data;
  const paths = shapePaths(node.shape, { x: 0, y: 0, width: node.width, height: node.height });
  return (
    <div
      className="fd-node"
      data-node-id={node.id}
      data-shape={node.shape}
      data-state={data.state ?? 'idle'}
      data-selected={selected || undefined}
      style={userStyle(style)}
    >
      <svg width={node.width} height={node.height} overflow="visible" aria-hidden="true">
        <path className="fd-node-shape" d={paths.outline} />
        {paths.detail ? <path className="fd-node-detail" d={paths.detail} /> : null}
        {node.icon && node.iconBox ? (
          <NodeIcon name={node.icon} box={node.iconBox} originX={node.x} originY={node.y} />
        ) : null}
        <NodeLabel
          className="fd-node-label"
          label={node.labelBox}
          originX={node.x}
          originY={node.y}
        />
      </svg>
      <span className="fd-sr-only">{node.label}</span>
      <HiddenHandles />
    </div>
  );
}
