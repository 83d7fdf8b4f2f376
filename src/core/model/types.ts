import type { IconPlacement } from '../icons/types.ts';
import type { AspectSetting } from './screenShape.ts';

/**
 * The canonical model: what every parser (YAML spec, Mermaid) produces and
 * every later stage (layout, animate, render, export) consumes. Plain,
 * serializable data; no classes, no functions.
 */

/** Flow direction of a diagram or of one group. */
export type Direction = 'down' | 'right' | 'up' | 'left';

/** Every shape a node can be drawn as. Mermaid's names map onto these. */
export const SHAPES = [
  'rect',
  'rounded',
  'stadium',
  'subroutine',
  'cylinder',
  'circle',
  'doublecircle',
  'diamond',
  'hexagon',
  'parallelogram',
  'parallelogram-alt',
  'trapezoid',
  'trapezoid-alt',
  'asymmetric',
  'document',
  'person',
  'text',
] as const;
export type Shape = (typeof SHAPES)[number];

export const LINE_STYLES = ['solid', 'dashed', 'thick', 'invisible'] as const;
export type LineStyle = (typeof LINE_STYLES)[number];

/** What is drawn at one end of an edge. */
export const ARROW_HEADS = ['none', 'arrow', 'circle', 'cross'] as const;
export type ArrowHead = (typeof ARROW_HEADS)[number];

/** Visual overrides. Colours are CSS colour strings. */
export interface Style {
  fill?: string;
  stroke?: string;
  color?: string;
  strokeWidth?: number;
  strokeDasharray?: string;
}

/** 1-based line and column in the source file. */
export interface SourcePos {
  line: number;
  col: number;
}

export interface ModelNode {
  id: string;
  /** Id of the enclosing group, or null at the top level. */
  parent: string | null;
  /** A group is a node that holds other nodes. */
  kind: 'node' | 'group';
  /** Plain text; '\n' separates the lines the author asked for. */
  label: string;
  shape: Shape;
  /** An Iconify name, `prefix:name` (see core/icons). */
  icon?: string;
  /** Where the icon goes: above the label (default), beside it, or alone (the label becomes its title). */
  iconPlacement?: IconPlacement;
  /** The icon's height in px (default 32 above, 20 beside, 48 alone). */
  iconSize?: number;
  description?: string;
  /** Short markdown shown when the node is opened. */
  details?: string;
  classes: string[];
  style: Style;
  /** A group's own direction; absent means "inherit". */
  direction?: Direction;
  /** An http(s) link; other schemes are dropped with a warning. */
  link?: string;
  pos?: SourcePos;
  /**
   * View state, never parsed: set only by `collapseGroups()` (model/collapse.ts)
   * on a group the viewer collapsed. Its descendants are gone from the model
   * and the layout sizes it like a leaf (title plus a badge). Absent otherwise.
   */
  collapsed?: true;
  /** With `collapsed`: how many leaf nodes (kind 'node') the group hides, at any depth. */
  hiddenCount?: number;
}

export interface ModelEdge {
  /** `a->b`, `a->b#2` for the second edge between the same pair, or an explicit id. */
  id: string;
  source: string;
  target: string;
  label?: string;
  line: LineStyle;
  arrows: { start: ArrowHead; end: ArrowHead };
  /** Extra ranks asked for by Mermaid's longer links (`--->` is 2). 1 by default. */
  minLength: number;
  classes: string[];
  style: Style;
  pos?: SourcePos;
}

/** One step of a flow. The flows issue defines the full vocabulary; these are its fields. */
export interface FlowStep {
  caption?: string;
  notes?: string;
  nodes: string[];
  /** Edge ids (`a->b` form is resolved to ids by the parser). */
  edges: string[];
  focus?: string[];
  show?: string[];
  hide?: string[];
  fail?: string[];
  heal?: string[];
  /** Seconds, for auto-advance. */
  duration?: number;
  /**
   * Ask the class to predict the next hop here (a live session only):
   * `question` is the author's, else the app says its own. Never on a
   * flow's last step, which has no next hop.
   */
  ask?: { question?: string };
  pos?: SourcePos;
}

export interface Flow {
  id: string;
  title: string;
  description?: string;
  steps: FlowStep[];
  /**
   * Set only on a flow no file wrote: a plain Mermaid chart's `main`
   * (`defaultFlow()`). `untitled` when the chart has no title of its own and
   * `title` is the stand-in `Walkthrough`, which a view may say in its own
   * language (`titleWalkthroughs()`); `titled` when `title` is the chart's.
   */
  generated?: 'titled' | 'untitled';
}

export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  file?: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
  /** Path in the spec, e.g. `nodes.cluster.nodes.api.shape`. */
  path?: string;
  /** "did you mean …" candidate, already part of message too. */
  suggestion?: string;
}

export interface Model {
  /** File name without extension. */
  id: string;
  title: string;
  description?: string;
  direction: Direction;
  /** Parents come before their children; otherwise source order. */
  nodes: ModelNode[];
  edges: ModelEdge[];
  flows: Flow[];
  classDefs: Record<string, Style>;
  source: 'yaml' | 'mermaid';
  /** The screen shape the author pinned (`aspect:`); absent = the viewer's screen decides. */
  aspect?: AspectSetting;
  accTitle?: string;
  accDescr?: string;
}

export interface ParseResult {
  /** Null only when the input is too broken to give any model. */
  model: Model | null;
  diagnostics: Diagnostic[];
}

export interface ParseOptions {
  /** Diagram id (file name without extension). */
  id: string;
  /** Shown in diagnostics. */
  file?: string;
  /** Added to every reported line, for text embedded in another file (1-based lines stay 1-based). */
  lineOffset?: number;
  /** Added to every reported column on every line (for indented embedded text). */
  colOffset?: number;
}
