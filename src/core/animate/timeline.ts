import type { Box, LaidOutDiagram, LaidOutEdge, Point } from '../layout/types.ts';
import type { Flow, FlowStep, ModelEdge } from '../model/types.ts';
import { nextHop } from './nextHop.ts';
import { boundingBox } from './pointAlong.ts';
import {
  ancestors,
  applyLists,
  descendants,
  effectiveHidden,
  hiddenAtStart,
  type NodeTree,
  nodeTree,
  type TreeNode,
} from './visibility.ts';

export { nextHop } from './nextHop.ts';
export { pathLength, pointAlong, sliceAlong } from './pointAlong.ts';

/**
 * How one node, group or edge is drawn at a step. `idle` is context: neither
 * lit nor dimmed (the groups around what is lit, or a step that lights nothing).
 */
export type ElementState = 'idle' | 'active' | 'dimmed' | 'visited' | 'hidden' | 'failed';

/** A packet travelling along an edge during a step. */
export interface Token {
  edgeId: string;
  /** The edge's polyline, already in travel order (a copy). */
  points: Point[];
  /** `forward` travels source → target, `backward` target → source. */
  direction: 'forward' | 'backward';
}

/** What one step of a flow looks like, as plain data. */
export interface StepScene {
  /** 0-based. */
  index: number;
  /** '' when the step has none. */
  caption: string;
  notes?: string;
  /** Every node and group of the diagram, in diagram order. */
  nodes: Record<string, ElementState>;
  /** Every edge of the diagram, in diagram order. */
  edges: Record<string, ElementState>;
  /** Packets travelling this step, each for `TRAVEL_SECONDS`. */
  tokens: Token[];
  /** What the camera frames, in absolute diagram coordinates, without padding. */
  focus: Box;
  /**
   * Node ids the step is about, in sight, in the order a reader needs them:
   * its `focus`, where its tokens go, what fails now, its `nodes` as written,
   * the ends of its edges, then what stays failed. A camera that cannot show
   * them all readably keeps the first ones (`frameView()` in core/frame).
   */
  subjects: string[];
  /** Seconds before auto-advance. */
  duration: number;
  /** Node ids that come into sight at this step (hidden before it). */
  entered: string[];
  /** Node ids that go out of sight at this step. */
  left: string[];
  /** Node ids that fail at this step. */
  failed: string[];
  /** Node ids that recover at this step. */
  healed: string[];
  /**
   * Set where the step has `ask:` (never on the last step): a live class
   * predicts the next hop. `question` is the author's, if any; `expected`
   * is `nextHop()` of this step, the nodes the next step brings in.
   */
  ask?: { question?: string; expected: string[] };
}

/** A flow played over a laid-out diagram: one scene per step. */
export interface Timeline {
  flowId: string;
  title: string;
  steps: StepScene[];
  /** The sum of the steps' durations. */
  totalSeconds: number;
}

export const DEFAULT_STEP_SECONDS = 4;
/** How long a token takes along its edge. */
export const TRAVEL_SECONDS = 1.2;

/** The per-step sets a scene is drawn from. */
export interface StepSets {
  /** Raw hide/fail state after the step (ids as written). */
  hidden: ReadonlySet<string>;
  failed: ReadonlySet<string>;
  /** Node ids out of sight, groups' contents included. */
  outOfSight: ReadonlySet<string>;
  activeNodes: ReadonlySet<string>;
  activeEdges: ReadonlySet<string>;
}

/**
 * Plays `flow` over `diagram`: what every node, group and edge looks like at
 * each step, the tokens that travel, and what the camera frames. Each scene
 * is a pure function of the flow and its index, with no playback history, so
 * stepping back is the exact reverse of stepping forward.
 *
 * - **Active**: the step's `nodes`, the ends of its `edges`, and those edges.
 *   A group holding an active node, and anything inside an active group, is
 *   `idle` (context) unless it is active itself.
 * - **Hidden**: an id whose first mention is in a `show` is hidden until that
 *   step; one in `hide` is hidden from that step until a later `show`. A
 *   hidden group hides everything inside it; an edge is hidden when either
 *   end is. When a step names an id in both lists, `show` (and `heal`) win.
 * - **Failed**: named in `fail` at or before the step and not `heal`ed since.
 * - **Visited**: active (and in sight) at an earlier step, not active now.
 * - Everything else is `dimmed`, or `idle` when the step lights nothing.
 *   Precedence: hidden > failed > active > idle > visited > dimmed.
 * - **Tokens**: one per active edge in sight that is not `invisible`, source
 *   to target; an edge with heads at both ends gets one each way, one with a
 *   head only at its start travels target to source.
 * - **Focus**: the box around the step's `focus` nodes in sight; else around
 *   its active nodes and edges (points and labels); else the whole diagram.
 * - **Subjects**: the nodes the camera must show, most needed first (focus,
 *   token destinations, new failures, nodes as written, edge ends, failures
 *   that stay).
 * - **Ask**: a step with `ask` (but the last) carries its question and the
 *   nodes the class should predict, `nextHop()`.
 *
 * Ids the diagram lacks (a collapsed group's contents, say) are ignored.
 *
 * @example buildTimeline(diagram, diagram.flows[0]).steps[0].nodes.api // 'active'
 */
export function buildTimeline(diagram: LaidOutDiagram, flow: Flow): Timeline {
  const tree = nodeTree(diagram.nodes);
  const edgesById = new Map(diagram.edges.map((e) => [e.id, e]));
  let previous = startSets(tree, flow.steps);
  const visitedNodes = new Set<string>();
  const visitedEdges = new Set<string>();
  const steps: StepScene[] = [];
  for (const [index, step] of flow.steps.entries()) {
    const sets = stepSets(tree, edgesById, previous, step);
    const history = { previous, visitedNodes, visitedEdges };
    steps.push(scene({ diagram, tree }, index, step, sets, history));
    for (const id of sets.activeNodes) visitedNodes.add(id);
    for (const id of sets.activeEdges) visitedEdges.add(id);
    previous = sets;
  }
  const totalSeconds = steps.reduce((sum, s) => sum + s.duration, 0);
  const timeline = { flowId: flow.id, title: flow.title, steps, totalSeconds };
  return { ...timeline, steps: steps.map((s) => withAsk(timeline, s, flow.steps[s.index])) };
}

function withAsk(timeline: Timeline, scene: StepScene, step: FlowStep | undefined): StepScene {
  if (!step?.ask || scene.index === timeline.steps.length - 1) return scene;
  const { question } = step.ask;
  const expected = nextHop(timeline, scene.index);
  return { ...scene, ask: question === undefined ? { expected } : { question, expected } };
}

/**
 * The sets before the first step and after each (`[start, step 1, step 2, …]`),
 * as `buildTimeline()` draws its scenes from them, without drawing: no state
 * for every element, no tokens, no focus. Linear in the flow's lists, so a
 * text of a long flow on a big diagram (the Outline) has it at once where the
 * timeline takes seconds. Works on a model too.
 */
export function flowSets(
  graph: { nodes: readonly TreeNode[]; edges: readonly ModelEdge[] },
  flow: Flow,
): StepSets[] {
  const tree = nodeTree(graph.nodes);
  const edgesById = new Map(graph.edges.map((e) => [e.id, e]));
  const sets = [startSets(tree, flow.steps)];
  for (const step of flow.steps) {
    const previous = sets[sets.length - 1] as StepSets;
    sets.push(stepSets(tree, edgesById, previous, step));
  }
  return sets;
}

/** Before the first step: what starts out of sight, nothing failed or lit. */
function startSets(tree: NodeTree<TreeNode>, steps: readonly FlowStep[]): StepSets {
  const hidden = hiddenAtStart(steps);
  return {
    hidden,
    failed: new Set(),
    outOfSight: effectiveHidden(tree, hidden),
    activeNodes: new Set(),
    activeEdges: new Set(),
  };
}

function stepSets(
  tree: NodeTree<TreeNode>,
  edgesById: ReadonlyMap<string, Pick<ModelEdge, 'source' | 'target'>>,
  previous: StepSets,
  step: FlowStep,
): StepSets {
  const hidden = applyLists(previous.hidden, step.hide, step.show);
  const failed = applyLists(previous.failed, step.fail, step.heal);
  const outOfSight = effectiveHidden(tree, hidden);
  const inSight = (id: string) => tree.byId.has(id) && !outOfSight.has(id);
  const activeEdges = new Set<string>();
  const activeNodes = new Set<string>();
  for (const id of step.edges) {
    const edge = edgesById.get(id);
    if (!edge || !inSight(edge.source) || !inSight(edge.target)) continue;
    activeEdges.add(id);
    activeNodes.add(edge.source);
    activeNodes.add(edge.target);
  }
  for (const id of step.nodes) if (inSight(id)) activeNodes.add(id);
  return { hidden, failed, outOfSight, activeNodes, activeEdges };
}

/** What came before a step: the previous step's sets and everything lit so far. */
interface History {
  previous: StepSets;
  visitedNodes: ReadonlySet<string>;
  visitedEdges: ReadonlySet<string>;
}

function scene(
  { diagram, tree }: { diagram: LaidOutDiagram; tree: NodeTree },
  index: number,
  step: FlowStep,
  sets: StepSets,
  { previous, visitedNodes, visitedEdges }: History,
): StepScene {
  const lightsNothing = sets.activeNodes.size === 0 && sets.activeEdges.size === 0;
  const rest: ElementState = lightsNothing ? 'idle' : 'dimmed';
  const context = new Set<string>();
  for (const id of sets.activeNodes) {
    for (const a of ancestors(tree, id)) context.add(a);
    for (const d of descendants(tree, id)) context.add(d);
  }
  const nodes: Record<string, ElementState> = {};
  for (const { id } of diagram.nodes) {
    if (sets.outOfSight.has(id)) nodes[id] = 'hidden';
    else if (sets.failed.has(id)) nodes[id] = 'failed';
    else if (sets.activeNodes.has(id)) nodes[id] = 'active';
    else if (context.has(id)) nodes[id] = 'idle';
    else if (visitedNodes.has(id)) nodes[id] = 'visited';
    else nodes[id] = rest;
  }
  const edges: Record<string, ElementState> = {};
  for (const e of diagram.edges) {
    if (sets.outOfSight.has(e.source) || sets.outOfSight.has(e.target)) edges[e.id] = 'hidden';
    else if (sets.activeEdges.has(e.id)) edges[e.id] = 'active';
    else if (visitedEdges.has(e.id)) edges[e.id] = 'visited';
    else edges[e.id] = rest;
  }
  const ids = diagram.nodes.map((n) => n.id);
  const newly = (now: ReadonlySet<string>, before: ReadonlySet<string>) =>
    ids.filter((id) => now.has(id) && !before.has(id));
  return {
    index,
    caption: step.caption ?? '',
    ...(step.notes === undefined ? {} : { notes: step.notes }),
    nodes,
    edges,
    tokens: diagram.edges.filter((e) => sets.activeEdges.has(e.id)).flatMap(tokensOf),
    focus: focusOf(diagram, tree, step, sets),
    subjects: subjectsOf(diagram, step, sets, previous),
    duration: step.duration ?? DEFAULT_STEP_SECONDS,
    entered: newly(previous.outOfSight, sets.outOfSight),
    left: newly(sets.outOfSight, previous.outOfSight),
    failed: newly(sets.failed, previous.failed),
    healed: newly(previous.failed, sets.failed),
  };
}

function subjectsOf(
  diagram: LaidOutDiagram,
  step: FlowStep,
  sets: StepSets,
  previous: StepSets,
): string[] {
  const inSight = (id: string) => !sets.outOfSight.has(id);
  const byId = new Map(diagram.edges.map((e) => [e.id, e]));
  const edges = step.edges
    .filter((id) => sets.activeEdges.has(id))
    .flatMap((id) => byId.get(id) ?? []);
  const tokenEnds = edges.flatMap((e) =>
    tokensOf(e).map((t) => (t.direction === 'forward' ? e.target : e.source)),
  );
  const failed = diagram.nodes.map((n) => n.id).filter((id) => sets.failed.has(id));
  const ordered = [
    ...(step.focus ?? []),
    ...tokenEnds,
    ...failed.filter((id) => !previous.failed.has(id)),
    ...step.nodes.filter((id) => sets.activeNodes.has(id)),
    ...edges.flatMap((e) => [e.source, e.target]),
    ...failed,
  ];
  const ids = new Set(diagram.nodes.map((n) => n.id));
  return [...new Set(ordered)].filter((id) => ids.has(id) && inSight(id));
}

function tokensOf(edge: LaidOutEdge): Token[] {
  if (edge.line === 'invisible') return [];
  const forward = (): Token => ({
    edgeId: edge.id,
    points: edge.points.map((p) => ({ x: p.x, y: p.y })),
    direction: 'forward',
  });
  const backward = (): Token => ({
    edgeId: edge.id,
    points: edge.points.map((p) => ({ x: p.x, y: p.y })).reverse(),
    direction: 'backward',
  });
  const atStart = edge.arrows.start !== 'none';
  const atEnd = edge.arrows.end !== 'none';
  if (atStart && atEnd) return [forward(), backward()];
  return atStart ? [backward()] : [forward()];
}

function focusOf(diagram: LaidOutDiagram, tree: NodeTree, step: FlowStep, sets: StepSets): Box {
  const boxOf = (ids: Iterable<string>) =>
    [...ids].flatMap((id) => {
      const node = tree.byId.get(id);
      return node && !sets.outOfSight.has(id) ? [node] : [];
    });
  const named = boundingBox(boxOf(step.focus ?? []));
  if (named) return named;
  const edges = diagram.edges.filter((e) => sets.activeEdges.has(e.id));
  const lit = boundingBox(
    [...boxOf(sets.activeNodes), ...edges.flatMap((e) => (e.labelBox ? [e.labelBox] : []))],
    edges.flatMap((e) => e.points),
  );
  return lit ?? { x: 0, y: 0, width: diagram.width, height: diagram.height };
}

/**
 * Where continuous time falls in a timeline: the step and how far through it
 * (0..1). Time before 0 is the start; time at or past the end stays on the
 * last step at progress 1 (no looping).
 *
 * @example timeAt(timeline, 5) // { step: 1, progress: 0.25 } with two 4-second steps
 */
export function timeAt(timeline: Timeline, seconds: number): { step: number; progress: number } {
  if (!(seconds > 0)) return { step: 0, progress: 0 };
  let start = 0;
  for (const [step, scene] of timeline.steps.entries()) {
    const end = start + scene.duration;
    if (seconds < end) return { step, progress: (seconds - start) / scene.duration };
    start = end;
  }
  return { step: Math.max(0, timeline.steps.length - 1), progress: 1 };
}
