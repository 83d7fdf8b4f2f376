/**
 * Editing a dense diagram (issue 19): one change to a 200-node graph laid
 * out again by the same engine, which keeps the runs the change did not
 * touch. How long that takes, how many ELK runs it lays out again, and how
 * far the nodes the change did not touch move: those outside the zones
 * (top-level groups) of the nodes it touched, and those outside their pods
 * (innermost groups). Used by bench/denseLayout.ts and tests/denseEdit.test.ts.
 */
import { performance } from 'node:perf_hooks';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { createLayoutEngine, type LayoutEngine } from '../src/core/layout/createLayoutEngine.ts';
import type { ElkPort } from '../src/core/layout/layoutRuns.ts';
import { DEFAULT_LAYOUT_SETTINGS } from '../src/core/layout/settings.ts';
import type { LaidOutDiagram } from '../src/core/layout/types.ts';
import { measureText } from '../src/core/measure/measureText.ts';
import type { Model } from '../src/core/model/types.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';

/** One change to a dense chart's text, and the nodes it touches. */
export interface Edit {
  name: string;
  apply(text: string): string;
  touches: string[];
}

/** Changes a writer makes, on node n37 (in a pod of zone z0 in the 200-node graph). */
export const EDITS: readonly Edit[] = [
  {
    name: 'rename a node',
    apply: (t) => t.replace(/n37\["[^"]*"\]/, 'n37["auth-37"]'),
    touches: ['n37'],
  },
  {
    name: 'rename a node, longer',
    apply: (t) => t.replace(/n37\["[^"]*"\]/, 'n37["a much longer label for this service"]'),
    touches: ['n37'],
  },
  { name: 'add an edge in a pod', apply: (t) => `${t}\nn36 --> n38`, touches: ['n36', 'n38'] },
  {
    name: 'add a node to a pod',
    apply: (t) =>
      `${t.replace('      n37[', '      added["added 서비스"]\n      n37[')}\nn37 --> added`,
    touches: ['n37', 'added'],
  },
  {
    name: 'add an edge across zones',
    apply: (t) => `${t}\nn37 --> n150`,
    touches: ['n37', 'n150'],
  },
];

export interface Displacement {
  /** Nodes compared (in both layouts, outside the touched groups). */
  nodes: number;
  mean: number;
  max: number;
}

export interface EditResult {
  name: string;
  /** Laying the changed text out again, ms. */
  ms: number;
  /** ELK runs laid out again (the others came from the engine's run cache). */
  runs: number;
  outsideZones: Displacement;
  outsidePods: Displacement;
}

/**
 * How far the nodes outside the groups of `touches` moved between two
 * layouts: `level` 'zone' leaves out everything in the top-level groups
 * holding a touched node, 'pod' only their innermost groups (and the
 * groups above them, which grow around them).
 */
export function displacement(
  before: LaidOutDiagram,
  after: LaidOutDiagram,
  touches: readonly string[],
  level: 'zone' | 'pod',
): Displacement {
  const parent = new Map(before.nodes.map((n) => [n.id, n.parent]));
  const chain = (id: string) => {
    const up: string[] = [];
    for (let p = parent.get(id) ?? null; p !== null; p = parent.get(p) ?? null) up.push(p);
    return up;
  };
  const touched = new Set<string>(touches);
  for (const id of touches) {
    const up = chain(id);
    for (const g of up) touched.add(g);
    const group = level === 'zone' ? up[up.length - 1] : up[0];
    if (group === undefined) continue;
    for (const n of before.nodes) if (chain(n.id).includes(group)) touched.add(n.id);
  }
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  const moves = before.nodes.flatMap((n) => {
    const m = now.get(n.id);
    return touched.has(n.id) || !m ? [] : [Math.hypot(m.x - n.x, m.y - n.y)];
  });
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    nodes: moves.length,
    mean: round(moves.reduce((s, v) => s + v, 0) / Math.max(1, moves.length)),
    max: round(Math.max(0, ...moves)),
  };
}

/** An ElkPort that counts the runs it lays out. */
export function countingElk(elk: ElkPort): ElkPort & { count: number } {
  const port = {
    count: 0,
    layout(graph: ElkNode) {
      port.count++;
      return elk.layout(graph);
    },
  };
  return port;
}

function parse(text: string): Model {
  const model = parseDiagram(text, { file: 'dense.mmd' }).model;
  if (!model) throw new Error('the dense chart did not parse');
  return model;
}

const engineOn = (elk: ElkPort): LayoutEngine =>
  createLayoutEngine({ measure: measureText, settings: DEFAULT_LAYOUT_SETTINGS, elk });

/**
 * Each edit of `text`, `runs` times: an engine lays the text out, then the
 * edited text (timed, parse included). Medians of the time; the rest is the
 * same every run.
 */
export async function measureEdits(
  text: string,
  elk: ElkPort,
  runs: number,
): Promise<EditResult[]> {
  const results: EditResult[] = [];
  for (const edit of EDITS) {
    const times: number[] = [];
    let last: Omit<EditResult, 'ms' | 'name'> | undefined;
    for (let i = 0; i < runs; i++) {
      const counting = countingElk(elk);
      const engine = engineOn(counting);
      const before = await engine.layout(parse(text));
      counting.count = 0;
      const start = performance.now();
      const after = await engine.layout(parse(edit.apply(text)));
      times.push(performance.now() - start);
      last = {
        runs: counting.count,
        outsideZones: displacement(before, after, edit.touches, 'zone'),
        outsidePods: displacement(before, after, edit.touches, 'pod'),
      };
    }
    const sorted = times.sort((a, b) => a - b);
    if (last)
      results.push({
        name: edit.name,
        ms: Math.round(sorted[sorted.length >> 1] ?? 0),
        ...last,
      });
  }
  return results;
}
