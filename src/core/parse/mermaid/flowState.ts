import type { Shape, Style } from '../../model/types.ts';
import type { LabelKind } from './labelText.ts';
import type { LinkKind } from './linkKind.ts';

/**
 * What the parser has learnt so far, in Mermaid's terms (vertices, links,
 * subgraphs). `buildModel` turns it into our Model. Offsets (`at`) are in
 * the lexed text; the reporter maps them back to the source.
 */
export interface FlowState {
  vertices: Map<string, Vertex>;
  edges: Edge[];
  subgraphs: Subgraph[];
  classDefs: Map<string, Style>;
  /** `linkStyle default …`, under every link's own style. */
  defaultLinkStyle: Style;
  accTitle?: string;
  accDescr?: string;
  /** Counts subgraphs as they close: Mermaid names untitled ones `subGraph<n>`. */
  subgraphCount: number;
  /** Order of first appearance, shared by vertices and subgraphs. */
  sequence: number;
}

/** A label as written, with how Mermaid reads it and where it is. */
export interface Label {
  text: string;
  kind: LabelKind;
  at: number;
}

/** A node in Mermaid's sense (subgraphs are separate). */
export interface Vertex {
  id: string;
  seq: number;
  at: number;
  label: Label;
  shape?: Shape;
  style: Style;
  classes: string[];
  link?: string;
  tooltip?: string;
  /** `@{ icon }` as an Iconify name (`fa:user` is `fa6-solid:user`), with the rest of its icon shape. */
  icon?: string;
  /** `@{ form }`: square, circle or rounded background; none without. */
  form?: string;
  /** `@{ pos }`: `t` puts the label above the icon. */
  pos?: string;
  /** `@{ h }` and `@{ w }`: Mermaid draws the icon max(h, w) px, 48 by default. */
  iconHeight?: number;
  iconWidth?: number;
}

/** A link between two ids. */
export interface Edge {
  /** Our id: the author's, or `a->b`, `a->b#2`… */
  id: string;
  /** The id Mermaid gives it (`L_a_b_0` unless the author named it), for `e@{…}` and `class e …`. */
  mermaidId: string;
  source: string;
  target: string;
  kind: LinkKind;
  label?: Label;
  classes: string[];
  style?: Style;
  at: number;
}

/** A closed subgraph. */
export interface Subgraph {
  id: string;
  title: Label;
  /** Ids listed inside, first wins: Mermaid drops ids an earlier subgraph already took. */
  members: string[];
  direction?: string;
  classes: string[];
  seq: number;
  at: number;
}

/** Nothing learnt yet. */
export function createFlowState(): FlowState {
  return {
    vertices: new Map(),
    edges: [],
    subgraphs: [],
    classDefs: new Map(),
    defaultLinkStyle: {},
    subgraphCount: 0,
    sequence: 0,
  };
}
