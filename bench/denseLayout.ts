/**
 * The `dense` part of `npm run bench` (issue 19): Flowdeck's layout against
 * plain ELK on dense nested graphs (`denseFlowchart()` in bench/dense.ts),
 * side by side in one process, warm. For each graph:
 *
 * - **Flowdeck**: parse + measure + layout, a fresh engine each run (so no
 *   cache answers), on `elkThreads()` (this thread and a worker thread per
 *   further core), and again on `elkThreads(1)`, what one core gives;
 * - **plain ELK**: the same model in one `INCLUDE_CHILDREN` ELK run with our
 *   options (`maxRun: Infinity`), timed for ELK's layout call alone.
 *
 * Each with edge crossings, total edge length, area, aspect ratio and
 * broken invariants. `npx tsx bench/denseLayout.ts` runs it alone;
 * `BENCH_DENSE_SIZES=50,200` keeps only those sizes and
 * `BENCH_DENSE_RUNS=1` caps the runs of every case, for a quick look.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import ELK from 'elkjs/lib/elk.bundled.js';
import { elkThreads } from '../src/cli/elkThreads.ts';
import { checkInvariants } from '../src/core/layout/checkInvariants.ts';
import { countCrossings } from '../src/core/layout/countCrossings.ts';
import { createLayoutEngine, MAX_RUN } from '../src/core/layout/createLayoutEngine.ts';
import type { ElkPort } from '../src/core/layout/layoutRuns.ts';
import { DEFAULT_LAYOUT_SETTINGS } from '../src/core/layout/settings.ts';
import type { LaidOutDiagram } from '../src/core/layout/types.ts';
import { measureText } from '../src/core/measure/measureText.ts';
import type { Model } from '../src/core/model/types.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';
import { denseFlowchart } from './dense.ts';
import { type EditResult, measureEdits } from './denseEdit.ts';
import { runsFromEnv, type Stats, stats, table, writeResults } from './results.ts';

/** One way of laying a graph out: its times over `runs`, and the last layout's figures. */
export interface DenseMeasure {
  runs: number;
  /** ms: Flowdeck's parse + measure + layout; plain ELK's layout call alone. */
  ms: Stats;
  crossings: number;
  /** Sum of the lengths of every edge's polyline, px. */
  edgeLength: number;
  width: number;
  height: number;
  /** width × height, px². */
  area: number;
  /** width ÷ height. */
  aspect: number;
  /** checkInvariants() problems. */
  problems: number;
}

export interface DenseResult {
  /** Leaf nodes asked of the generator, and the share of crossing edges asked. */
  leaves: number;
  crossing: number;
  /** In the model: every node (groups included), the groups, the edges. */
  nodes: number;
  groups: number;
  edges: number;
  /** Share of edges whose ends sit in different groups, as generated. */
  crossingShare: number;
  flowdeck: DenseMeasure;
  oneThread: DenseMeasure;
  /** Plain ELK; `pipeline` is its parse + measure + layout, for reference. */
  plain: DenseMeasure & { pipeline: Stats };
  /** Flowdeck (all threads) ÷ plain ELK: median time, crossings (null when plain has none). */
  timeRatio: number;
  crossingRatio: number | null;
}

export interface DenseResults {
  date: string;
  node: string;
  cores: number;
  /** Ports of `elkThreads()`: this thread and the worker threads. */
  threads: number;
  maxRun: number;
  results: DenseResult[];
  /** One change to the 200-node graph, laid out again by the same engine (bench/denseEdit.ts). */
  edits: EditResult[];
}

/**
 * [leaves, crossing share, Flowdeck runs (each thread count), plain ELK
 * runs]: about four minutes on 2 cores, most of it the big plain runs.
 */
const CASES: readonly (readonly [number, number, number, number])[] = [
  [50, 0.45, 11, 11],
  [200, 0.45, 5, 3],
  [1000, 0.45, 3, 1],
  [3000, 0.45, 1, 1],
  [200, 0.1, 5, 3],
  [200, 0.6, 5, 3],
  [1000, 0.1, 2, 1],
  [1000, 0.6, 2, 1],
];

const fresh = (elk: ElkPort, maxRun?: number) =>
  createLayoutEngine({
    measure: measureText,
    settings: DEFAULT_LAYOUT_SETTINGS,
    elk,
    ...(maxRun === undefined ? {} : { maxRun }),
  });

function parse(text: string): Model {
  const model = parseDiagram(text, { file: 'dense.mmd' }).model;
  if (!model) throw new Error('the dense graph did not parse');
  return model;
}

/**
 * Lays `text` out `runs` times; `timed` says what each run took (default:
 * all of it, which comes second either way).
 */
async function measure(
  text: string,
  runs: number,
  layOut: (model: Model) => Promise<LaidOutDiagram>,
  timed?: () => number,
): Promise<[DenseMeasure, Stats]> {
  const times: number[] = [];
  const pipeline: number[] = [];
  let diagram: LaidOutDiagram | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    diagram = await layOut(parse(text));
    pipeline.push(performance.now() - start);
    times.push(timed ? timed() : (pipeline.at(-1) ?? 0));
  }
  if (!diagram) throw new Error('no run');
  process.stderr.write('.');
  const { width, height } = diagram;
  const measured = {
    runs,
    ms: rounded(stats(times)),
    crossings: countCrossings(diagram),
    edgeLength: Math.round(edgeLength(diagram)),
    width: Math.round(width),
    height: Math.round(height),
    area: Math.round(width * height),
    aspect: Math.round((width / height) * 100) / 100,
    problems: checkInvariants(diagram).length,
  };
  return [measured, rounded(stats(pipeline))];
}

function edgeLength(diagram: LaidOutDiagram): number {
  let sum = 0;
  for (const edge of diagram.edges)
    for (let k = 1; k < edge.points.length; k++) {
      const a = edge.points[k - 1];
      const b = edge.points[k];
      if (a && b) sum += Math.hypot(b.x - a.x, b.y - a.y);
    }
  return sum;
}

const rounded = (s: Stats): Stats => ({
  median: Math.round(s.median),
  min: Math.round(s.min),
  max: Math.round(s.max),
});

/** ELK in this thread, keeping how long its last layout calls took. */
function timedElk(): ElkPort & { take(): number } {
  const elk = new ELK();
  let ms = 0;
  return {
    async layout(graph) {
      const start = performance.now();
      try {
        return await elk.layout(graph);
      } finally {
        ms += performance.now() - start;
      }
    },
    take() {
      const taken = ms;
      ms = 0;
      return taken;
    },
  };
}

function cases() {
  const sizes = process.env.BENCH_DENSE_SIZES?.split(',').map(Number);
  const cap = process.env.BENCH_DENSE_RUNS
    ? runsFromEnv('BENCH_DENSE_RUNS', 1)
    : Number.POSITIVE_INFINITY;
  const known = CASES.map(([leaves]) => leaves);
  if (sizes?.some((n) => !known.includes(n)))
    throw new Error(`BENCH_DENSE_SIZES takes sizes of ${[...new Set(known)].join(', ')}`);
  return CASES.filter(([leaves]) => !sizes || sizes.includes(leaves)).map(
    ([leaves, crossing, runs, plainRuns]) =>
      [leaves, crossing, Math.min(runs, cap), Math.min(plainRuns, cap)] as const,
  );
}

export async function runDenseBench(): Promise<DenseResults> {
  const todo = cases();
  const pool = elkThreads();
  const one = elkThreads(1);
  const plain = timedElk();
  const plainEngine = () => fresh(plain, Number.POSITIVE_INFINITY);
  try {
    // Warm, uncounted: ELK compiled in every thread, and its one-run path here.
    const largest = Math.min(1000, Math.max(...todo.map(([leaves]) => leaves)));
    const warm = [200, 200, 200, largest].map((n) => denseFlowchart({ nodes: n, seed: 99 }));
    for (const text of warm) {
      await fresh(pool).layout(parse(text));
      await fresh(one).layout(parse(text));
    }
    for (const text of warm.slice(0, 3)) await plainEngine().layout(parse(text));
    plain.take();

    const results: DenseResult[] = [];
    for (const [leaves, crossing, runs, plainRuns] of todo) {
      const text = denseFlowchart({ nodes: leaves, crossing });
      const model = parse(text);
      // One uncounted layout first: the first of a new graph after another
      // size came out up to twice as slow (garbage from the one before).
      if (leaves <= 1000) await fresh(pool).layout(model);
      const [fd] = await measure(text, runs, (m) => fresh(pool).layout(m));
      const [single] = await measure(text, runs, (m) => fresh(one).layout(m));
      const [plainRun, pipeline] = await measure(
        text,
        plainRuns,
        (m) => plainEngine().layout(m),
        plain.take,
      );
      results.push({
        leaves,
        crossing,
        nodes: model.nodes.length,
        groups: model.nodes.filter((n) => n.kind === 'group').length,
        edges: model.edges.length,
        crossingShare: Math.round(crossGroupShare(model) * 1000) / 1000,
        flowdeck: fd,
        oneThread: single,
        plain: { ...plainRun, pipeline },
        timeRatio: Math.round((fd.ms.median / plainRun.ms.median) * 100) / 100,
        crossingRatio: crossingRatio(fd.crossings, plainRun.crossings),
      });
    }
    const edits =
      todo.length === CASES.length || todo.some(([leaves]) => leaves === 200)
        ? await measureEdits(
            denseFlowchart({ nodes: 200 }),
            pool,
            runsFromEnv('BENCH_DENSE_RUNS', 5),
          )
        : [];
    process.stderr.write('\n');
    return {
      date: new Date().toISOString(),
      node: process.version,
      cores: availableParallelism(),
      threads: pool.size,
      maxRun: MAX_RUN,
      results,
      edits,
    };
  } finally {
    pool.stop();
    one.stop();
  }
}

/** Flowdeck's crossings ÷ plain ELK's; none against none is 1, some against none null. */
export function crossingRatio(flowdeck: number, plain: number): number | null {
  if (plain === 0) return flowdeck === 0 ? 1 : null;
  return Math.round((flowdeck / plain) * 100) / 100;
}

function crossGroupShare(model: Model): number {
  const parent = new Map(model.nodes.map((n) => [n.id, n.parent]));
  const crossing = model.edges.filter((e) => parent.get(e.source) !== parent.get(e.target));
  return crossing.length / Math.max(1, model.edges.length);
}

export function formatDense(r: DenseResults): string {
  const rows = [
    [
      'leaves (+groups)',
      'edges',
      'crossing',
      'layout',
      'runs',
      'median ms',
      'min–max',
      'crossings',
      'edge length',
      'area Mpx²',
      'aspect',
      'problems',
      'time ÷ plain',
      'crossings ÷ plain',
    ],
  ];
  for (const d of r.results) {
    const row = (name: string, m: DenseMeasure, ratios: string[]) => [
      name === 'plain ELK' ? '' : `${d.leaves} (+${d.groups})`,
      name === 'plain ELK' ? '' : String(d.edges),
      name === 'plain ELK' ? '' : `${d.crossing} (${d.crossingShare})`,
      name,
      String(m.runs),
      String(m.ms.median),
      `${m.ms.min}–${m.ms.max}`,
      String(m.crossings),
      `${Math.round(m.edgeLength / 1000)}k`,
      (m.area / 1e6).toFixed(1),
      m.aspect.toFixed(2),
      String(m.problems),
      ...ratios,
    ];
    const ratio = (v: number | null) => (v === null ? '–' : v.toFixed(2));
    rows.push(
      row(`Flowdeck, ${r.threads} threads`, d.flowdeck, [
        ratio(d.timeRatio),
        ratio(d.crossingRatio),
      ]),
      row('Flowdeck, 1 thread', d.oneThread, [
        ratio(Math.round((d.oneThread.ms.median / d.plain.ms.median) * 100) / 100),
        ratio(crossingRatio(d.oneThread.crossings, d.plain.crossings)),
      ]),
      row('plain ELK', d.plain, ['', '']),
    );
  }
  const editRows = [
    ['edit (200 leaves)', 'ms', 'runs laid out', 'moved outside its zones', 'outside its pods'],
    ...r.edits.map((e) => [
      e.name,
      String(e.ms),
      String(e.runs),
      `mean ${e.outsideZones.mean}, max ${e.outsideZones.max} px (${e.outsideZones.nodes} nodes)`,
      `mean ${e.outsidePods.mean}, max ${e.outsidePods.max} px (${e.outsidePods.nodes} nodes)`,
    ]),
  ];
  return [
    table(rows, 4),
    '',
    table(editRows),
    '\nedits: the same engine lays the changed text out again (parse included), median ms; its run cache keeps the runs the change did not touch',
    `\nFlowdeck: parse + measure + layout, runs of at most ${r.maxRun} nodes, warm, a fresh engine each run;` +
      ' plain ELK: its layout call alone, one INCLUDE_CHILDREN run with our options;' +
      ` crossing: share asked (as generated); ${r.cores} cores, node ${r.node}`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dense = await runDenseBench();
  console.log(formatDense(dense));
  console.log(`\nwrote ${writeResults({ dense })}`);
}
