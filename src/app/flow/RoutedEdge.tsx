import type { EdgeProps } from '@xyflow/react';
import { arrowHeadPath, edgePath } from '../../core/render/edgePath.ts';
import type { RoutedEdgeType } from './toReactFlow.ts';
import { userStyle } from './userStyle.ts';

/** An edge along ELK's routed polyline (not React Flow's own curve), with heads and label. */
export function RoutedEdge({ data }: EdgeProps<RoutedEdgeType>) {
  if (!data) return null;
  const { edge, style } = data;
  if (edge.line === 'invisible')
    return <g data-edge-id={edge.id} data-state={data.state ?? 'idle'} />;
  const label = edge.labelBox;
  const lineHeight = label && label.lines.length > 0 ? label.height / label.lines.length : 0;
  return (
    <g
      className="fd-edge"
      data-edge-id={edge.id}
      data-line={edge.line}
      data-state={data.state ?? 'idle'}
      style={userStyle(style)}
    >
      <path className="fd-edge-line" d={edgePath(edge.points, edge.arrows)} />
      <path className="fd-edge-head" d={arrowHeadPath(edge.points, 'end', edge.arrows.end)} />
      <path className="fd-edge-head" d={arrowHeadPath(edge.points, 'start', edge.arrows.start)} />
      {label ? (
        <g className="fd-edge-label">
          <rect
            x={label.x - 4}
            y={label.y - 2}
            width={label.width + 8}
            height={label.height + 4}
            rx={4}
          />
          <text fontSize={label.fontSize} textAnchor="middle">
            {label.lines.map((line, i) => (
              <tspan
                key={i}
                x={label.x + label.width / 2}
                y={label.y + lineHeight * (i + 0.5)}
                dominantBaseline="central"
              >
                {line}
              </tspan>
            ))}
          </text>
        </g>
      ) : null}
    </g>
  );
}
