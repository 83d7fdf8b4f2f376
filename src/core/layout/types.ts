import type { ScreenShape } from '../model/screenShape.ts';
import type { Direction, Flow, ModelEdge, ModelNode, Style } from '../model/types.ts';

export interface Point {
  x: number;
  y: number;
}

/** Axis-aligned box; x and y are the top-left corner, in absolute diagram coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A label as laid out: its box and its lines (already wrapped). */
export interface LaidOutLabel extends Box {
  lines: string[];
  fontSize: number;
}

export interface LaidOutNode extends ModelNode, Box {
  /** Nesting depth: 0 at the top level. */
  depth: number;
  labelBox: LaidOutLabel;
  /**
   * Where the node's icon is drawn (absolute; a group's sits before its
   * title): room the layout reserved, in Node and the browser alike. Set
   * only when the node has an `icon`.
   */
  iconBox?: Box;
}

export interface LaidOutEdge extends ModelEdge {
  /** Polyline from the source's border to the target's border. */
  points: Point[];
  labelBox?: LaidOutLabel;
}

/** The output of layout: everything a renderer needs, in absolute coordinates. */
export interface LaidOutDiagram {
  id: string;
  title: string;
  description?: string;
  direction: Direction;
  /** The screen shape this layout was shaped for; absent = laid out as written. */
  shape?: ScreenShape;
  width: number;
  height: number;
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  flows: Flow[];
  classDefs: Record<string, Style>;
}
