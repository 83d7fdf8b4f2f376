import type { ElkExtendedEdge, ElkNode, ElkPort as ElkNodePort } from 'elkjs/lib/elk-api.js';
import { hashString } from './hash.ts';

/** Anything that lays out an ELK graph: elkjs in this thread, behind a worker, or a pool of them. */
export interface ElkPort {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** Laid-out runs by the hash of their input (`createRunCache`). */
export interface RunCache {
  get(key: string): ElkNode | undefined;
  set(key: string, run: ElkNode): void;
}

/** A run cache that keeps the `size` runs used last. */
export function createRunCache(size = 256): RunCache {
  const runs = new Map<string, ElkNode>();
  return {
    get(key) {
      const run = runs.get(key);
      if (run) {
        runs.delete(key);
        runs.set(key, run);
      }
      return run;
    },
    set(key, run) {
      runs.set(key, run);
      for (const oldest of runs.keys()) {
        if (runs.size <= size) break;
        runs.delete(oldest);
      }
    },
  };
}

const HANDLING = 'elk.hierarchyHandling';
const INCLUDE = 'INCLUDE_CHILDREN';
const COORDS = { 'elk.json.shapeCoords': 'ROOT', 'elk.json.edgeCoords': 'ROOT' } as const;
const WRAPPER = {
  ...COORDS,
  'elk.algorithm': 'fixed',
  'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
};

/**
 * Lays an ELK graph out as ELK's own recursive layout does, one layout run
 * per node whose children are laid out apart from their parent's (ELK's
 * `SEPARATE_CHILDREN`): a run's compound children are laid out first, then
 * stand in it as boxes with their ports fixed where their own run put them.
 * Each run is a call of its own to `elk`, so runs that do not wait on each
 * other go out together, and an `elk` backed by several workers
 * (`elkPool`) lays them out in parallel; with `cache`, a run whose input did
 * not change is not laid out again, so an edit lays out only the runs on
 * its way to the root. Like `elk.layout()`, it writes the layout into
 * `root` and returns it: every coordinate absolute (ELK's `ROOT`
 * coordinates), whatever the input asked. Cached runs are only read.
 */
export async function layoutRuns(root: ElkNode, elk: ElkPort, cache?: RunCache): Promise<ElkNode> {
  const laidOut = await layOutRun(root, true, handling(root, undefined), elk, cache);
  place(root, laidOut, 0, 0);
  return root;
}

/** What lays out a run's children: an answer per node whose run ends at this run's border. */
interface RunResult {
  graph: ElkNode;
  /** Runs of the boxes in it, by box id. */
  inner: Map<string, RunResult>;
}

async function layOutRun(
  node: ElkNode,
  isRoot: boolean,
  own: string,
  elk: ElkPort,
  cache: RunCache | undefined,
): Promise<RunResult> {
  // The compound nodes in this run that are runs of their own, with the
  // handling they pass on to their children.
  const boxes: { node: ElkNode; handling: string }[] = [];
  const collect = (parent: ElkNode, parentHandling: string) => {
    for (const child of parent.children ?? []) {
      if (!child.children?.length) continue;
      const h = handling(child, parentHandling);
      if (parentHandling === INCLUDE && h === INCLUDE) collect(child, h);
      else boxes.push({ node: child, handling: h });
    }
  };
  collect(node, own);
  const inner = new Map<string, RunResult>();
  await Promise.all(
    boxes.map(async (box) => {
      inner.set(box.node.id, await layOutRun(box.node, false, box.handling, elk, cache));
    }),
  );
  const input = runGraph(node, inner, true);
  const key = cache && hashString(JSON.stringify(input));
  let graph = key === undefined ? undefined : cache?.get(key);
  if (!graph) {
    // ELK 0.12 fails on a run whose root has ports and lays out more than
    // one level (INCLUDE_CHILDREN): it looks for the root's parent. So a
    // group's run sits alone at (0, 0) in a root that moves nothing.
    const laid = await elk.layout(
      isRoot ? input : { id: '__run', layoutOptions: WRAPPER, children: [input] },
    );
    graph = isRoot ? laid : laid.children?.[0];
    if (!graph) throw new Error(`ELK returned no layout for ${node.id}`);
    if (key !== undefined) cache?.set(key, graph);
  }
  return { graph, inner };
}

/** The handling a node's children get: its own, or the one it inherits (ELK's default: apart). */
function handling(node: ElkNode, inherited: string | undefined): string {
  const own = node.layoutOptions?.[HANDLING];
  return own && own !== 'INHERIT' ? own : (inherited ?? 'SEPARATE_CHILDREN');
}

/**
 * The ELK graph of one run: `node` as the root, nodes laid out in it
 * copied, and each box (a compound laid out in a run of its own) as a
 * leaf of its laid-out size with its ports where its run put them.
 */
function runGraph(node: ElkNode, inner: Map<string, RunResult>, isRoot: boolean): ElkNode {
  const box = inner.get(node.id);
  if (!isRoot && box) {
    return {
      id: node.id,
      width: box.graph.width ?? 0,
      height: box.graph.height ?? 0,
      // Ports stay where its run put them; a box without any lets ELK
      // place the ends of edges on the box itself.
      ...(box.graph.ports?.length ? { layoutOptions: { 'elk.portConstraints': 'FIXED_POS' } } : {}),
      ports: (box.graph.ports ?? []).map((p) => ({
        id: p.id,
        x: p.x ?? 0,
        y: p.y ?? 0,
        width: p.width ?? 0,
        height: p.height ?? 0,
      })),
    };
  }
  const copy: ElkNode = {
    id: node.id,
    layoutOptions: isRoot ? { ...node.layoutOptions, ...COORDS } : { ...node.layoutOptions },
  };
  if (node.width !== undefined) copy.width = node.width;
  if (node.height !== undefined) copy.height = node.height;
  if (node.labels) copy.labels = node.labels.map((l) => ({ ...l }));
  if (node.ports) copy.ports = node.ports.map(stripPort);
  if (node.children) copy.children = node.children.map((c) => runGraph(c, inner, false));
  if (node.edges) copy.edges = node.edges.map(stripEdge);
  return copy;
}

function stripPort(port: ElkNodePort): ElkNodePort {
  const { x: _x, y: _y, ...rest } = port;
  return { ...rest };
}

function stripEdge(edge: ElkExtendedEdge): ElkExtendedEdge {
  const copy: ElkExtendedEdge = {
    id: edge.id,
    sources: [...edge.sources],
    targets: [...edge.targets],
  };
  if (edge.labels) copy.labels = edge.labels.map(({ x: _x, y: _y, ...l }) => ({ ...l }));
  if (edge.layoutOptions) copy.layoutOptions = { ...edge.layoutOptions };
  return copy;
}

/**
 * Writes a run's answer back onto the input graph, moved by (dx, dy), and
 * each box's own run under it, moved to where the box sits.
 */
function place(target: ElkNode, run: RunResult, dx: number, dy: number): void {
  const write = (to: ElkNode, from: ElkNode, isRoot: boolean) => {
    to.x = isRoot ? dx : (from.x ?? 0) + dx;
    to.y = isRoot ? dy : (from.y ?? 0) + dy;
    to.width = from.width ?? 0;
    to.height = from.height ?? 0;
    const byId = new Map((from.ports ?? []).map((p) => [p.id, p]));
    for (const port of to.ports ?? []) {
      const laid = byId.get(port.id);
      port.x = laid?.x ?? 0;
      port.y = laid?.y ?? 0;
    }
    const box = run.inner.get(to.id);
    if (!isRoot && box) {
      place(to, box, to.x, to.y);
      return;
    }
    const kids = new Map((from.children ?? []).map((c) => [c.id, c]));
    for (const child of to.children ?? []) {
      const laid = kids.get(child.id);
      if (laid) write(child, laid, false);
    }
    const edges = new Map((from.edges ?? []).map((e) => [e.id, e]));
    for (const edge of to.edges ?? []) {
      const laid = edges.get(edge.id);
      if (laid) moveEdge(edge, laid, dx, dy);
    }
  };
  write(target, run.graph, true);
}

function moveEdge(to: ElkExtendedEdge, from: ElkExtendedEdge, dx: number, dy: number): void {
  const at = (p: { x: number; y: number }) => ({ x: p.x + dx, y: p.y + dy });
  to.sections = (from.sections ?? []).map((s) => ({
    ...s,
    startPoint: at(s.startPoint),
    endPoint: at(s.endPoint),
    ...(s.bendPoints ? { bendPoints: s.bendPoints.map(at) } : {}),
  }));
  const labels = new Map((from.labels ?? []).map((l) => [l.id, l]));
  for (const label of to.labels ?? []) {
    const laid = label.id === undefined ? undefined : labels.get(label.id);
    label.x = (laid?.x ?? 0) + dx;
    label.y = (laid?.y ?? 0) + dy;
    if (laid?.width !== undefined) label.width = laid.width;
    if (laid?.height !== undefined) label.height = laid.height;
  }
}
