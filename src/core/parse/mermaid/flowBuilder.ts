import { createAutoEdgeIds } from '../../model/autoEdgeIds.ts';
import type { Shape } from '../../model/types.ts';
import { restoreEntityCodes } from './entities.ts';
import {
  createFlowState,
  type Edge,
  type FlowState,
  type Label,
  type Subgraph,
  type Vertex,
} from './flowState.ts';
import type { LinkKind } from './linkKind.ts';
import type { Reporter } from './reporter.ts';
import { applyShapeData } from './shapeData.ts';
import { mergeStyles, toStyle } from './styles.ts';

/** A link as written between two groups of nodes. */
export interface LinkSpec {
  kind: LinkKind;
  label?: Label;
  /** `e1` in `A e1@--> B`. */
  id?: string;
  at: number;
}

/** Subgraph header: Mermaid keeps whether id and title came from the same words. */
export interface SubgraphSpec {
  idText?: string;
  title?: Label;
  /** `subgraph a b` (id and title are one text) rather than `subgraph a [b]`. */
  titleIsId: boolean;
  members: string[];
  direction?: string;
  seq: number;
  at: number;
}

/** Mermaid refuses diagrams with more links than this (its `maxEdges`). */
const MERMAID_MAX_EDGES = 500;

/** The actions the statement parsers call. */
export type FlowBuilder = ReturnType<typeof createFlowBuilder>;

/**
 * The parser's actions, with Mermaid's semantics (its FlowDB): a node
 * redeclared later takes the latest label and shape, `style` on an unknown
 * id creates a node, `class` on an unknown id does nothing (we warn).
 */
export function createFlowBuilder(reporter: Reporter) {
  const state: FlowState = createFlowState();
  // Indexes over `state`, so big diagrams stay linear.
  const edgesByMermaidId = new Map<string, Edge>();
  const edgeIds = new Set<string>();
  const autoId = createAutoEdgeIds(edgeIds);
  const linksPerPair = new Map<string, number>();
  const takenMembers = new Set<string>();
  /** The first subgraph of each id (a later one of the same id merges into it). */
  const subgraphById = new Map<string, Subgraph>();
  const warn = (message: string, at: number, suggestion?: string) =>
    reporter.report('warning', message, at, suggestion);

  function touchVertex(id: string, at: number): Vertex {
    let vertex = state.vertices.get(id);
    if (!vertex) {
      vertex = {
        id,
        seq: state.sequence++,
        at,
        label: { text: id, kind: 'text', at },
        style: {},
        classes: [],
      };
      state.vertices.set(id, vertex);
    }
    return vertex;
  }

  /** Mermaid never makes a node of an id that names a link (`e1` after `A e1@--> B`). */
  const isLinkId = (id: string) => edgesByMermaidId.has(id);

  function addVertex(id: string, at: number, label?: Label, shape?: Shape): void {
    if (id.trim() === '' || isLinkId(id)) return;
    const vertex = touchVertex(id, at);
    if (label) vertex.label = unquote(label);
    if (shape) vertex.shape = shape;
  }

  function addShapeData(id: string, yaml: string, at: number): void {
    if (id.trim() === '') return;
    applyShapeData({
      id,
      yaml,
      at,
      reporter,
      touchVertex,
      isLinkId,
      isSubgraph: (name) => subgraphById.has(name),
    });
  }

  function styleVertex(id: string, declarations: string[], at: number): void {
    if (isLinkId(id)) {
      warn(`style: "${id}" is a link; use linkStyle for links.`, at);
      return;
    }
    if (!state.vertices.has(id) && !subgraphById.has(id)) {
      warn(`style: no node "${id}" yet; Mermaid creates it.`, at);
    }
    const vertex = touchVertex(id, at);
    const { style, ignored } = toStyle(declarations);
    reportIgnored(ignored, at);
    vertex.style = mergeStyles(vertex.style, style);
  }

  function addLinks(starts: string[], ends: string[], link: LinkSpec): void {
    if (link.kind.mismatched) {
      warn(
        'This link starts and ends with different kinds of line or arrow; Mermaid draws it broken.',
        link.at,
      );
    }
    const lastStart = starts[starts.length - 1];
    const firstEnd = ends[0];
    for (const source of starts) {
      for (const target of ends) {
        // Only one link of `A & B e1@--> C & D` can take the author's id.
        const named = source === lastStart && target === firstEnd ? link.id : undefined;
        addLink(source, target, link, named);
      }
    }
  }

  function addLink(source: string, target: string, link: LinkSpec, named?: string): void {
    const label = link.label ? unquote(link.label) : undefined;
    const pair = `${source}\u0000${target}`;
    const same = linksPerPair.get(pair) ?? 0;
    linksPerPair.set(pair, same + 1);
    const taken = named !== undefined && edgesByMermaidId.has(named);
    if (taken) warn(`Link id "${named}" is already used; this link gets its own.`, link.at);
    const explicit = named !== undefined && !taken ? named : undefined;
    const mermaidId = explicit ?? `L_${source}_${target}_${same === 0 ? 0 : same + 1}`;
    // `a a->b@--> b` after `a --> b` names the id the first link was given.
    const clashes = explicit !== undefined && edgeIds.has(explicit);
    const id = explicit !== undefined && !clashes ? explicit : autoId(source, target);
    if (clashes)
      warn(
        `Link id "${explicit}" is already the id of another link; this one is "${id}".`,
        link.at,
      );
    const edge: Edge = {
      id,
      mermaidId,
      source,
      target,
      kind: link.kind,
      ...(label ? { label } : {}),
      classes: [],
      at: link.at,
    };
    state.edges.push(edge);
    if (!edgesByMermaidId.has(mermaidId)) edgesByMermaidId.set(mermaidId, edge);
    edgeIds.add(edge.id);
    if (state.edges.length === MERMAID_MAX_EDGES + 1) {
      warn(
        `More than ${MERMAID_MAX_EDGES} links: Mermaid refuses this diagram (maxEdges); Flowdeck keeps them.`,
        link.at,
      );
    }
  }

  function setClass(ids: string, className: string, at: number): void {
    for (const id of ids.split(',')) {
      const vertex = state.vertices.get(id);
      const edge = edgesByMermaidId.get(id);
      const subgraph = subgraphById.get(id);
      vertex?.classes.push(className);
      edge?.classes.push(className);
      subgraph?.classes.push(className);
      if (!vertex && !edge && !subgraph) {
        warn(`class: nothing named "${id}" is declared before this line; Mermaid ignores it.`, at);
      }
    }
  }

  function addClassDef(ids: string, declarations: string[], at: number): void {
    // Mermaid joins the declarations and splits them again on `,` (`\,` escapes one).
    const parts = declarations
      .join(',')
      .replace(/\\,/g, '\u0000')
      .split(/[,;]/)
      .map((p) => p.replace(/\u0000/g, ','));
    const { style, ignored } = toStyle(parts);
    reportIgnored(ignored, at);
    for (const id of ids.split(',')) {
      state.classDefs.set(id, mergeStyles(state.classDefs.get(id) ?? {}, style));
    }
  }

  function styleLinks(
    positions: Array<'default' | number>,
    declarations: string[],
    at: number,
  ): void {
    const { style, ignored } = toStyle(declarations);
    reportIgnored(ignored, at);
    for (const position of positions) {
      if (position === 'default') {
        state.defaultLinkStyle = style;
        continue;
      }
      const edge = state.edges[position];
      if (edge) edge.style = style;
      else
        warn(
          `linkStyle ${position}: there is no link ${position} (links are numbered from 0, ${state.edges.length} so far).`,
          at,
        );
    }
  }

  function setLink(ids: string, url: string, at: number, tooltip?: string): void {
    const href = restoreEntityCodes(url).trim();
    const usable = /^https?:\/\//i.test(href);
    if (!usable) warn(`click: only http(s) links are kept; "${href}" is dropped.`, at);
    for (const id of ids.split(',')) {
      const vertex = state.vertices.get(id);
      if (!vertex) {
        warn(`click: no node "${id}" is declared before this line; Mermaid ignores it.`, at);
        continue;
      }
      if (usable) vertex.link = href;
      if (usable && tooltip !== undefined) vertex.tooltip = tooltip;
    }
  }

  function addSubgraph(spec: SubgraphSpec): string {
    const index = state.subgraphCount++;
    let id = spec.idText?.trim();
    if (spec.titleIsId && /\s/.test(spec.title?.text ?? '')) id = undefined;
    if (id === undefined || id === '') {
      if (spec.idText === undefined)
        warn('subgraph without a name: Mermaid fails on it; Flowdeck names it.', spec.at);
      id = `subGraph${index}`;
    }
    const members = [...new Set(spec.members.filter((m) => m.trim() !== ''))].filter(
      (m) => !takenMembers.has(m),
    );
    for (const member of members) takenMembers.add(member);
    if (subgraphById.has(id))
      warn(`subgraph "${id}" is declared twice; their contents are merged.`, spec.at);
    const title = spec.title ?? { text: '', kind: 'text', at: spec.at };
    const subgraph: Subgraph = {
      id,
      title: { ...title, text: title.text.trim() },
      members,
      ...(spec.direction === undefined ? {} : { direction: spec.direction }),
      classes: [],
      seq: spec.seq,
      at: spec.at,
    };
    state.subgraphs.push(subgraph);
    if (!subgraphById.has(id)) subgraphById.set(id, subgraph);
    return id;
  }

  function reportIgnored(ignored: string[], at: number): void {
    if (ignored.length > 0) {
      warn(`Style properties not supported, ignored: ${ignored.join('; ')}.`, at);
    }
  }

  return {
    state,
    addVertex,
    addShapeData,
    styleVertex,
    addLinks,
    setClass,
    addClassDef,
    styleLinks,
    setLink,
    addSubgraph,
    nextSequence: () => state.sequence++,
    setAccTitle: (text: string) => {
      state.accTitle = text;
    },
    setAccDescr: (text: string) => {
      state.accDescr = text;
    },
  };
}

/** Mermaid trims node and link labels, then drops one pair of surrounding quotes. */
function unquote(label: Label): Label {
  let text = label.text.trim();
  if (text.length > 1 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1);
  return { ...label, text };
}
