import type { ElkExtendedEdge, ElkLabel, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { MeasuredText, MeasureTextOptions } from '../measure/types.ts';
import type { Direction, Model, ModelNode } from '../model/types.ts';
import { countEnds, END_SPACING, leafOptions, portEveryEnd } from './edgeEnds.ts';
import { ancestors, edgeContainer } from './hierarchy.ts';
import { type Content, contentBox, drawnText } from './iconRoom.ts';
import { type EdgePiece, liftEdge } from './liftEdge.ts';
import { collapsedGroupSize, type NodeBox, nodeSize, round } from './nodeSize.ts';
import { planRuns, planTurns } from './plan.ts';

export type MeasureFn = (text: string, options: MeasureTextOptions) => MeasuredText;

/** Typography and spacing the layout uses; the renderers read the same values. */
export interface LayoutSettings {
  nodeFont: MeasureTextOptions;
  groupFont: MeasureTextOptions;
  edgeFont: MeasureTextOptions;
  /** Room around a group's children, and above them for the title. */
  groupPadding: number;
  edgeLabelPadding: number;
}

/** What measuring found for each element, keyed by id, ready for ELK and for reading back. */
export interface Measured {
  /**
   * `text` is the label as drawn (none beside an icon drawn alone), `content`
   * the label and icon together; `box` (leaves) holds the content at its
   * labelX, labelY.
   */
  labels: Map<string, { text: MeasuredText; box: NodeBox | null; content: Content }>;
  edgeLabels: Map<string, MeasuredText>;
}

const ELK_DIRECTION: Record<Direction, string> = {
  down: 'DOWN',
  up: 'UP',
  right: 'RIGHT',
  left: 'LEFT',
};

/**
 * Spacing, which ELK reads from each graph's parent node, so every group
 * repeats it.
 */
const SHARED_OPTIONS: LayoutOptions = {
  'elk.layered.spacing.nodeNodeBetweenLayers': '44',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.edgeNode': '14',
  'elk.spacing.edgeEdge': '10',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.componentComponent': '36',
  ...END_SPACING,
};

/** What every layout run reads from the node whose children it lays out. */
const RUN_OPTIONS: LayoutOptions = {
  ...SHARED_OPTIONS,
  // Only edges that close a cycle are turned back, chosen greedily with the
  // written order breaking ties, so a reply (A → B, B → A) loops back to A.
  // Plain MODEL_ORDER turned back every edge whose source was written after
  // its target, cycle or not: list `api` before `user` and `user -> api`
  // pointed up. Mermaid's ELK layout uses this strategy too.
  'elk.layered.cycleBreaking.strategy': 'GREEDY_MODEL_ORDER',
  'elk.algorithm': 'layered',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.randomSeed': '1',
};

const ROOT_OPTIONS: LayoutOptions = {
  ...RUN_OPTIONS,
  // Root only: ELK 0.12 crashes when groups carry it; the root's run covers them anyway.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
  'elk.padding': '[top=12,left=12,bottom=12,right=12]',
};

/**
 * A root laid out over boxes (bottom-up, `planRuns`): its children are
 * groups laid out already, with a port on their border per edge that
 * crosses it, hundreds in a dense diagram. Weighing the written order there
 * and sweeping for crossings more than once cost ELK seconds (2.3 s of 5.6 s
 * for a 1000-node dense graph) and bought few crossings (4638 against
 * 4954 in all: edges cross mostly inside the runs below).
 */
const BOXES_ROOT_OPTIONS: LayoutOptions = {
  'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
  'elk.layered.considerModelOrder.strategy': 'NONE',
  'elk.layered.thoroughness': '1',
};

/**
 * The ELK graph for a model: nested nodes sized from measured text, each
 * edge placed in the lowest group that holds both its ends (ELK's rule for
 * hierarchy), labels sized so ELK keeps them clear of nodes.
 */
export function toElk(
  model: Model,
  measured: Measured,
  settings: LayoutSettings,
  options: ToElkOptions = {},
): ElkInput {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const plan = options.turnAll
    ? planTurns(model, byId)
    : planRuns(model.nodes, options.maxRun ?? Number.POSITIVE_INFINITY);
  const children = new Map<string | null, ModelNode[]>();
  for (const node of model.nodes) {
    const list = children.get(node.parent) ?? [];
    list.push(node);
    children.set(node.parent, list);
  }
  // Turning every group through runs of its own leaves none pinned.
  const pinned = options.turnAll ? new Set<string>() : pinnedGroups(model, byId);
  const ends = countEnds(model.edges);
  const leaf = (id: string, box: { width: number; height: number }, direction: Direction) => ({
    id,
    ...box,
    layoutOptions: leafOptions(box, { ends: ends.get(id) ?? 0, direction }),
  });
  const separated = new Set<string>();
  const elkNodes = new Map<string | null, ElkNode>();
  const root: ElkNode = {
    id: '__root',
    layoutOptions: {
      ...ROOT_OPTIONS,
      ...(plan ? BOXES_ROOT_OPTIONS : {}),
      'elk.direction': ELK_DIRECTION[model.direction],
      ...(options.wrap
        ? {
            'elk.layered.wrapping.strategy': 'MULTI_EDGE',
            'elk.aspectRatio': String(options.wrap),
          }
        : {}),
    },
    children: [],
    edges: [],
  };
  elkNodes.set(null, root);

  const build = (node: ModelNode, inherited: Direction, inRun: boolean): ElkNode => {
    const label = measured.labels.get(node.id);
    // A leaf, or a collapsed group: measureModel gave it a box of its own.
    if (node.kind !== 'group' || label?.box) {
      return leaf(
        node.id,
        { width: label?.box?.width ?? 0, height: label?.box?.height ?? 0 },
        inherited,
      );
    }
    const turns = !!node.direction && node.direction !== inherited && !pinned.has(node.id);
    if (turns) separated.add(node.id);
    const own = turns && node.direction ? node.direction : inherited;
    // The title's row: the title, and the group's icon before it.
    const title = label?.content;
    const pad = settings.groupPadding;
    const top = round(pad + (title ? title.height + pad / 2 : 0));
    const minWidth = round((title?.width ?? 0) + 2 * pad);
    const kids = children.get(node.id) ?? [];
    // ELK sizes a childless compound like a leaf, so an empty group gets its size outright.
    if (kids.length === 0)
      return leaf(node.id, { width: minWidth, height: round(top + pad) }, inherited);
    // Split into runs (planRuns): a separate group lays its children out as
    // boxes; a run root lays its whole subtree out, as the root does when
    // the diagram is small.
    const separate = plan?.separate.has(node.id) === true;
    const runRoot = !separate && plan?.bordered.has(node.id) === true;
    const elk: ElkNode = {
      id: node.id,
      layoutOptions: {
        ...(separate || runRoot ? RUN_OPTIONS : SHARED_OPTIONS),
        'elk.padding': `[top=${top},left=${pad},bottom=${pad},right=${pad}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': minimumSize(minWidth, round(top + pad), {
          transposed: inRun && !turns && (inherited === 'down' || inherited === 'up'),
        }),
        ...(turns || separate
          ? { 'elk.hierarchyHandling': 'SEPARATE_CHILDREN', 'elk.direction': ELK_DIRECTION[own] }
          : { 'elk.hierarchyHandling': 'INCLUDE_CHILDREN' }),
        ...(runRoot ? { 'elk.direction': ELK_DIRECTION[own] } : {}),
        // A turned run stacks a few boxes; ELK's default placement pushes them
        // sideways after their edges' ports and leaves the run half empty.
        ...(turns && options.turnAll ? { 'elk.layered.nodePlacement.strategy': 'SIMPLE' } : {}),
      },
      children: [],
      edges: [],
    };
    elkNodes.set(node.id, elk);
    // Children share this group's run unless it lays them out as boxes.
    const shared = !turns && !separate && (runRoot || inRun);
    elk.children = kids.map((child) => build(child, own, shared));
    return elk;
  };
  root.children = (children.get(null) ?? []).map((n) => build(n, model.direction, !plan));

  const pieces = new Map<string, string[]>();
  for (const edge of model.edges) {
    const text = measured.edgeLabels.get(edge.id);
    const p = settings.edgeLabelPadding;
    const labels: ElkLabel[] | undefined = text && [
      {
        id: `${edge.id}__label`,
        // ELK drops labels without text on edges that cross groups.
        text: edge.label ?? '',
        width: round(text.width + 2 * p),
        height: round(text.height + 2 * p),
      },
    ];
    if (plan) {
      const lifted = liftEdge(edge, byId, plan);
      addPieces(lifted.pieces, lifted.middle, labels, elkNodes);
      if (lifted.pieces.length > 1)
        pieces.set(
          edge.id,
          lifted.pieces.map((piece) => piece.id),
        );
      continue;
    }
    const container = edgeContainer(edge.source, edge.target, byId);
    const elkEdge: ElkExtendedEdge = {
      id: edge.id,
      sources: [edge.source],
      targets: [edge.target],
    };
    if (labels) elkEdge.labels = labels;
    (elkNodes.get(container) ?? root).edges?.push(elkEdge);
  }
  if (plan) portEveryEnd(root);
  return { graph: root, separated, pieces };
}

export interface ToElkOptions {
  /** Past this many nodes, lay out bottom-up (`planRuns`). */
  maxRun?: number;
  /**
   * Give every group that states a direction its own run, with ports on the
   * borders edges cross (`planTurns`), instead of pinning crossed groups to
   * their parent's direction. For shaped layouts (`shapeLayout`).
   */
  turnAll?: boolean;
  /**
   * Wrap the root's layers into rows (or columns, going down) towards this
   * width over height, keeping the direction: a long chain folds like a
   * line of text. ELK 0.12 wraps a diagram laid out in one run (between
   * groups too), not a root laid out over boxes (`turnAll`, bottom-up).
   */
  wrap?: number;
}

/** An ELK graph for a model, and what reading the result back needs to know. */
export interface ElkInput {
  graph: ElkNode;
  /** Groups laid out in a run of their own because they turn. */
  separated: Set<string>;
  /** Edges split into pieces by `liftEdge` (bottom-up layout): their pieces' ids, source first. */
  pieces: Map<string, string[]>;
}

/**
 * Measures every label and sizes every leaf node to hold its label and
 * icon (`iconRoom.ts`). A
 * collapsed group (`collapseGroups()`, no children left) is a leaf too: it
 * gets a box for its title and badge, so it takes no group padding; other
 * groups get `box: null` and are sized by ELK around their children.
 */
export function measureModel(model: Model, measure: MeasureFn, settings: LayoutSettings): Measured {
  const labels: Measured['labels'] = new Map();
  const parents = new Set(model.nodes.map((n) => n.parent));
  for (const node of model.nodes) {
    const group = node.kind === 'group';
    const text = drawnText(
      node,
      measure(node.label, group ? settings.groupFont : settings.nodeFont),
    );
    const content = contentBox(node, text);
    if (group) {
      const leaf = node.collapsed === true && !parents.has(node.id);
      labels.set(node.id, { text, content, box: leaf ? collapsedGroupSize(content) : null });
      continue;
    }
    labels.set(node.id, { text, content, box: nodeSize(node.shape, content) });
  }
  const edgeLabels: Measured['edgeLabels'] = new Map();
  for (const edge of model.edges) {
    if (edge.label && edge.line !== 'invisible') {
      edgeLabels.set(edge.id, measure(edge.label, settings.edgeFont));
    }
  }
  return { labels, edgeLabels };
}

/**
 * Groups that must keep the direction around them. ELK lays a hierarchy out
 * in one direction; a group turns its own way only in a layout run of its
 * own, where ELK treats every group inside it as a closed box. So a group
 * can turn only when no edge crosses its border, or the border of any group
 * inside it, and none joins a group to its own descendant (an edge ending on
 * a group from outside is fine). Mermaid has much the same rule.
 */
function pinnedGroups(model: Model, byId: Map<string, ModelNode>): Set<string> {
  const crossed = new Set<string>();
  for (const edge of model.edges) {
    const from = ancestors(edge.source, byId);
    const to = ancestors(edge.target, byId);
    for (const id of from) if (!to.includes(id)) crossed.add(id);
    for (const id of to) if (!from.includes(id)) crossed.add(id);
    if (to.includes(edge.source)) crossed.add(edge.source);
    if (from.includes(edge.target)) crossed.add(edge.target);
  }
  const pinned = new Set(crossed);
  for (const id of crossed) for (const above of ancestors(id, byId)) pinned.add(above);
  return pinned;
}

/**
 * ELK layered (0.12) swaps a compound node's minimum width and height when
 * the top-level run (INCLUDE_CHILDREN from the root) goes down or up, so we
 * swap them first. Groups laid out in a run of their own, and groups inside
 * one, are not affected. layout.property.test.ts catches it if a later ELK
 * changes this.
 */
function minimumSize(width: number, height: number, options: { transposed: boolean }): string {
  return options.transposed ? `(${height},${width})` : `(${width},${height})`;
}

/** Adds each piece to the graph that holds it, and the ports it needs to the groups it crosses. */
export function addPieces(
  pieces: EdgePiece[],
  middle: number,
  labels: ElkExtendedEdge['labels'],
  elkNodes: Map<string | null, ElkNode>,
): void {
  pieces.forEach((p, i) => {
    for (const end of [p.source, p.target]) {
      const group = end.portOf === undefined ? undefined : elkNodes.get(end.portOf);
      if (group && !group.ports?.some((q) => q.id === end.id)) {
        group.ports = [...(group.ports ?? []), { id: end.id, width: 0, height: 0 }];
      }
    }
    const elkEdge: ElkExtendedEdge = { id: p.id, sources: [p.source.id], targets: [p.target.id] };
    if (labels && i === middle) elkEdge.labels = labels;
    elkNodes.get(p.graph)?.edges?.push(elkEdge);
  });
}
