import type { ElementState } from '../animate/timeline.ts';
import type { LaidOutEdge, LaidOutNode } from '../layout/types.ts';
import type { Style } from '../model/types.ts';
import { mixColor, safeColor, safeDash } from './color.ts';
import type { Palette } from './palette.ts';

/**
 * How an element looks in a state: the rules of `src/app/diagram.css`, as
 * plain values. The static writer turns them into attributes, the animated
 * one into keyframes.
 */
export interface Paint {
  /** Of the whole element. */
  opacity: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
  /** '' for a solid line. */
  dash: string;
  /** The active glow. */
  halo: boolean;
  /** Text colour (edges: the label's). */
  ink: string;
}

export function nodePaint(
  node: LaidOutNode,
  style: Style,
  state: ElementState,
  palette: Palette,
): Paint {
  const group = node.kind === 'group';
  const tint = palette.groups[node.depth % palette.groups.length] ?? palette.groups[0];
  const fillBase = group ? (tint?.fill ?? palette.nodeFill) : palette.nodeFill;
  const strokeBase = group ? (tint?.stroke ?? palette.nodeStroke) : palette.nodeStroke;
  const inkBase = group ? (tint?.ink ?? palette.ink) : palette.ink;
  const width = group ? palette.groupStrokeWidth : palette.nodeStrokeWidth;
  const share = palette.userShare;
  const base: Paint = {
    opacity: 1,
    fill: mixColor(safeColor(style.fill), fillBase, share.fill),
    stroke: mixColor(safeColor(style.stroke), strokeBase, share.stroke),
    strokeWidth: (style.strokeWidth ?? width) + (node.collapsed ? 0.6 : 0),
    dash: safeDash(style.strokeDasharray) ?? '',
    halo: false,
    ink: mixColor(safeColor(style.color), inkBase, share.ink),
  };
  const dim = group ? palette.dimGroupOpacity : palette.dimOpacity;
  switch (state) {
    case 'active':
      return group
        ? { ...base, stroke: palette.active, strokeWidth: width + 1.2, halo: true }
        : {
            ...base,
            fill: palette.activeFill,
            stroke: palette.active,
            strokeWidth: width + 1.5,
            halo: true,
          };
    case 'visited':
      return group
        ? { ...base, stroke: palette.visited }
        : { ...base, fill: palette.visitedFill, stroke: palette.visited, strokeWidth: width + 0.5 };
    case 'failed':
      return group
        ? { ...base, stroke: palette.failed, strokeWidth: width + 1.2, dash: '9 5' }
        : {
            ...base,
            fill: palette.failedFill,
            stroke: palette.failed,
            strokeWidth: width + 1.5,
            dash: '7 4',
          };
    case 'dimmed':
      return { ...base, opacity: dim };
    case 'hidden':
      return { ...base, opacity: 0 };
    default:
      return base;
  }
}

export function edgePaint(
  edge: LaidOutEdge,
  style: Style,
  state: ElementState,
  palette: Palette,
): Paint {
  const width = (style.strokeWidth ?? palette.edgeWidth) * (edge.line === 'thick' ? 2 : 1);
  const base: Paint = {
    opacity: 1,
    fill: 'none',
    stroke: mixColor(safeColor(style.stroke), palette.edge, palette.userShare.stroke),
    strokeWidth: width,
    dash: safeDash(style.strokeDasharray) ?? (edge.line === 'dashed' ? '6 4' : ''),
    halo: false,
    ink: palette.edgeLabelInk,
  };
  switch (state) {
    case 'active':
      return { ...base, stroke: palette.active, strokeWidth: width + 1.2 };
    case 'visited':
      return { ...base, stroke: palette.visited };
    case 'failed':
      return { ...base, stroke: palette.failed, dash: '3 4' };
    case 'dimmed':
      return { ...base, opacity: palette.dimOpacity };
    case 'hidden':
      return { ...base, opacity: 0 };
    default:
      return base;
  }
}
