/**
 * `npm run bench`: medians of parse, measure and layout for every diagram in
 * diagrams/ and for synthetic nested graphs of 50, 300 and 1000 nodes, then
 * the first load in headless Chromium (bench/browser.ts; BENCH_BROWSER=0
 * skips it), then frame times while a flow plays (bench/frames.ts;
 * BENCH_FRAMES=0 skips it). Figures go to bench/results.json as
 * `{ node, browser, frames }`.
 * A benchmark, not a test: these machines are shared, so read ratios and
 * medians, not single runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createLayoutEngine } from '../src/core/layout/createLayoutEngine.ts';
import { DEFAULT_LAYOUT_SETTINGS } from '../src/core/layout/settings.ts';
import { measureModel } from '../src/core/layout/toElk.ts';
import { measureText } from '../src/core/measure/measureText.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';
import { browserRuns, isDeck, runBrowserBench } from './browser.ts';
import { runFrameBench } from './frames.ts';
import { median, writeResults } from './results.ts';
import { syntheticFlowchart } from './synthetic.ts';

interface Case {
  name: string;
  file: string;
  text: string;
  runs: number;
}

const cases: Case[] = readdirSync('diagrams')
  .filter((f) => /\.(mmd|ya?ml)$/.test(f))
  .sort()
  .map((f) => ({
    name: f,
    file: `diagrams/${f}`,
    text: readFileSync(`diagrams/${f}`, 'utf8'),
    runs: 15,
  }))
  .filter((c) => !isDeck(c.text));
for (const [n, runs] of [
  [50, 9],
  [300, 5],
  [1000, 3],
] as const) {
  cases.push({
    name: `synthetic ${n} nodes`,
    file: `synthetic-${n}.mmd`,
    text: syntheticFlowchart(n),
    runs,
  });
}

async function time<T>(fn: () => T | Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

const nodeResults: {
  name: string;
  nodes: number;
  edges: number;
  runs: number;
  /** medians, ms */
  parse: number;
  measure: number;
  layout: number;
  cached: number;
}[] = [];
const rows: string[][] = [
  ['diagram', 'nodes', 'edges', 'parse ms', 'measure ms', 'layout ms', 'cached ms'],
];
for (const c of cases) {
  const parse: number[] = [];
  const measure: number[] = [];
  const layout: number[] = [];
  const cached: number[] = [];
  let nodes = 0;
  let edges = 0;
  for (let i = 0; i < c.runs; i++) {
    const [tp, result] = await time(() => parseDiagram(c.text, { file: c.file }));
    const model = result.model;
    if (!model) throw new Error(`${c.name} did not parse`);
    nodes = model.nodes.length;
    edges = model.edges.length;
    const [tm] = await time(() => measureModel(model, measureText, DEFAULT_LAYOUT_SETTINGS));
    // A fresh engine each run, so no cache hides ELK's cost.
    const engine = createLayoutEngine({ measure: measureText, settings: DEFAULT_LAYOUT_SETTINGS });
    const [tl] = await time(() => engine.layout(model));
    const [tc] = await time(() => engine.layout(model));
    parse.push(tp);
    measure.push(tm);
    layout.push(tl);
    cached.push(tc);
  }
  const f = (v: number[]) => median(v).toFixed(2);
  rows.push([c.name, String(nodes), String(edges), f(parse), f(measure), f(layout), f(cached)]);
  const m = (v: number[]) => Math.round(median(v) * 100) / 100;
  nodeResults.push({
    name: c.name,
    nodes,
    edges,
    runs: c.runs,
    parse: m(parse),
    measure: m(measure),
    layout: m(layout),
    cached: m(cached),
  });
  process.stderr.write(`.`);
}
process.stderr.write('\n');
const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
for (const row of rows) {
  console.log(
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  '),
  );
}
console.log(
  `\nmedians over 15 runs (seed diagrams), 9/5/3 runs (50/300/1000 synthetic); layout includes measuring; node ${process.version}`,
);

const parts: Record<string, unknown> = {
  node: { date: new Date().toISOString(), node: process.version, cases: nodeResults },
};
if (process.env.BENCH_BROWSER !== '0') parts.browser = await runBrowserBench(browserRuns());
if (process.env.BENCH_FRAMES !== '0') parts.frames = await runFrameBench();
console.log(`\nwrote ${writeResults(parts)}`);
