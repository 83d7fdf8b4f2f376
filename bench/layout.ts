/**
 * The Node part of `npm run bench`: parse, measure and layout of every
 * diagram in diagrams/, warm, and the synthetic nested diagrams of 300, 1000
 * and 3000 leaves laid out bottom-up (the default) and in one ELK run (plain
 * ELK with INCLUDE_CHILDREN), with their edge crossings and overlaps.
 * `npx tsx bench/layout.ts` runs it alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import ELK from 'elkjs/lib/elk.bundled.js';
import { checkInvariants } from '../src/core/layout/checkInvariants.ts';
import { countCrossings } from '../src/core/layout/countCrossings.ts';
import { createLayoutEngine, MAX_RUN } from '../src/core/layout/createLayoutEngine.ts';
import { DEFAULT_LAYOUT_SETTINGS } from '../src/core/layout/settings.ts';
import { measureModel } from '../src/core/layout/toElk.ts';
import type { LaidOutDiagram } from '../src/core/layout/types.ts';
import { measureText } from '../src/core/measure/measureText.ts';
import type { Model } from '../src/core/model/types.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';
import { seedCharts } from '../tests/oracle/diagramCharts.ts';
import { isDeck } from './browser.ts';
import { median, table, writeResults } from './results.ts';
import { syntheticFlowDiagram } from './synthetic.ts';

export interface SeedResult {
  /** `seed`: the blog's flowcharts (../shared/seed/mermaid); `diagrams`: the files the app ships. */
  set: 'seed' | 'diagrams';
  name: string;
  nodes: number;
  edges: number;
  runs: number;
  /** Medians, ms. `layout` includes measuring; `total` = parse + layout. */
  parse: number;
  measure: number;
  layout: number;
  total: number;
  /** The same model again: the engine's content cache. */
  cached: number;
}

export interface SyntheticResult {
  leaves: number;
  nodes: number;
  edges: number;
  /** Edges whose ends are not in the same group. */
  crossGroupEdges: number;
  strategy: 'bottom-up' | 'one run';
  runs: number;
  /** Median of parse + measure + layout, ms. */
  ms: number;
  min: number;
  max: number;
  crossings: number;
  /** checkInvariants() problems: overlaps, children outside groups, loose ends. */
  problems: number;
  width: number;
  height: number;
}

export interface LayoutResults {
  date: string;
  node: string;
  maxRun: number;
  seeds: SeedResult[];
  synthetic: SyntheticResult[];
}

const elk = new ELK();
/** A fresh engine (empty content cache) on the shared, JIT-warm ELK. */
const engine = (maxRun?: number) =>
  createLayoutEngine({
    measure: measureText,
    settings: DEFAULT_LAYOUT_SETTINGS,
    elk,
    ...(maxRun === undefined ? {} : { maxRun }),
  });

function parse(text: string, file: string): Model {
  const model = parseDiagram(text, { file }).model;
  if (!model) throw new Error(`${file} did not parse`);
  return model;
}

async function time<T>(fn: () => T | Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

const round = (v: number) => Math.round(v * 100) / 100;

async function seeds(runs: number): Promise<SeedResult[]> {
  const files = [
    ...seedCharts().map((c) => ({ set: 'seed' as const, name: c.file, text: c.text })),
    ...readdirSync('diagrams')
      .filter((f) => /\.(mmd|ya?ml)$/.test(f))
      .sort()
      .map((f) => ({
        set: 'diagrams' as const,
        name: f,
        text: readFileSync(`diagrams/${f}`, 'utf8'),
      }))
      .filter((c) => !isDeck(c.text)),
  ];
  // Warm: every diagram three times, uncounted, so ELK's code is compiled
  // and optimised (V8 keeps speeding it up over the first few layouts).
  for (let i = 0; i < 3; i++) for (const f of files) await engine().layout(parse(f.text, f.name));
  const results: SeedResult[] = [];
  for (const f of files) {
    const t = { parse: [] as number[], measure: [] as number[], layout: [] as number[] };
    const total: number[] = [];
    const cached: number[] = [];
    let model = parse(f.text, f.name);
    for (let i = 0; i < runs; i++) {
      const [tp, parsed] = await time(() => parse(f.text, f.name));
      model = parsed;
      const [tm] = await time(() => measureModel(model, measureText, DEFAULT_LAYOUT_SETTINGS));
      const e = engine();
      const [tl] = await time(() => e.layout(model));
      const [tc] = await time(() => e.layout(model));
      t.parse.push(tp);
      t.measure.push(tm);
      t.layout.push(tl);
      total.push(tp + tl);
      cached.push(tc);
    }
    results.push({
      set: f.set,
      name: f.name,
      nodes: model.nodes.length,
      edges: model.edges.length,
      runs,
      parse: round(median(t.parse)),
      measure: round(median(t.measure)),
      layout: round(median(t.layout)),
      total: round(median(total)),
      cached: round(median(cached)),
    });
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  return results;
}

function crossGroupEdges(model: Model): number {
  const parent = new Map(model.nodes.map((n) => [n.id, n.parent]));
  return model.edges.filter((e) => parent.get(e.source) !== parent.get(e.target)).length;
}

async function synthetic(
  leaves: number,
  strategy: SyntheticResult['strategy'],
  runs: number,
): Promise<SyntheticResult> {
  const text = syntheticFlowDiagram(leaves);
  const file = `synthetic-${leaves}.mmd`;
  const maxRun = strategy === 'one run' ? Number.POSITIVE_INFINITY : undefined;
  const times: number[] = [];
  let model = parse(text, file);
  let diagram: LaidOutDiagram | undefined;
  for (let i = 0; i < runs; i++) {
    const e = engine(maxRun);
    const [ms, laidOut] = await time(() => {
      model = parse(text, file);
      return e.layout(model);
    });
    times.push(ms);
    diagram = laidOut;
  }
  if (!diagram) throw new Error('no run');
  process.stderr.write('.');
  return {
    leaves,
    nodes: model.nodes.length,
    edges: model.edges.length,
    crossGroupEdges: crossGroupEdges(model),
    strategy,
    runs,
    ms: Math.round(median(times)),
    min: Math.round(Math.min(...times)),
    max: Math.round(Math.max(...times)),
    crossings: countCrossings(diagram),
    problems: checkInvariants(diagram).length,
    width: Math.round(diagram.width),
    height: Math.round(diagram.height),
  };
}

/** Runs: seeds 15 each; synthetic 5/3/2 bottom-up and 3/1/1 in one run (which takes seconds). */
export async function runLayoutBench(): Promise<LayoutResults> {
  const seedResults = await seeds(15);
  // Warm both strategies on a mid-size graph first.
  for (let i = 0; i < 3; i++) {
    await engine().layout(parse(syntheticFlowDiagram(300), 'warm.mmd'));
    await engine(Number.POSITIVE_INFINITY).layout(parse(syntheticFlowDiagram(300), 'warm.mmd'));
  }
  const syntheticResults: SyntheticResult[] = [];
  for (const [leaves, bottomUpRuns, oneRunRuns] of [
    [300, 5, 3],
    [1000, 3, 1],
    [3000, 2, 1],
  ] as const) {
    syntheticResults.push(await synthetic(leaves, 'bottom-up', bottomUpRuns));
    syntheticResults.push(await synthetic(leaves, 'one run', oneRunRuns));
  }
  process.stderr.write('\n');
  return {
    date: new Date().toISOString(),
    node: process.version,
    maxRun: MAX_RUN,
    seeds: seedResults,
    synthetic: syntheticResults,
  };
}

export function formatLayout(r: LayoutResults): string {
  const seedRows = [
    ['diagram', 'nodes', 'edges', 'parse', 'measure', 'layout', 'total', 'cached'],
    ...r.seeds.map((s) => [
      s.set === 'seed' ? `seed/${s.name}` : s.name,
      String(s.nodes),
      String(s.edges),
      s.parse.toFixed(1),
      s.measure.toFixed(1),
      s.layout.toFixed(1),
      s.total.toFixed(1),
      s.cached.toFixed(2),
    ]),
  ];
  const synRows = [
    [
      'leaves',
      'nodes',
      'edges',
      'cross-group',
      'strategy',
      'runs',
      'median ms',
      'min–max',
      'crossings',
      'problems',
      'size',
    ],
    ...r.synthetic.map((s) => [
      String(s.leaves),
      String(s.nodes),
      String(s.edges),
      String(s.crossGroupEdges),
      s.strategy,
      String(s.runs),
      String(s.ms),
      `${s.min}–${s.max}`,
      String(s.crossings),
      String(s.problems),
      `${s.width}×${s.height}`,
    ]),
  ];
  return [
    table(seedRows),
    `\nseeds: medians of ${r.seeds[0]?.runs ?? 0} runs, ms, warm (ELK compiled, a fresh engine cache each run); layout includes measuring; total = parse + layout`,
    '',
    table(synRows),
    `\nsynthetic: parse + measure + layout, ms; bottom-up = runs of at most ${r.maxRun} nodes (the default), one run = plain ELK INCLUDE_CHILDREN; node ${r.node}`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const layout = await runLayoutBench();
  console.log(formatLayout(layout));
  console.log(`\nwrote ${writeResults({ layout })}`);
}
