/**
 * `npx tsx bench/mermaidSideBySide.ts`: Mermaid 11 with its ELK layout and
 * Flowdeck doing the same job, a seed flowchart's text to an SVG shown in
 * the page, side by side in one headless Chromium, on the main thread.
 *
 * Per seed chart (../shared/seed/mermaid/*.mmd) and per tool: `warmup`
 * uncounted renders, then `runs` counted ones, each timed with
 * `performance.now()` in the page:
 * - string: text → SVG string. Mermaid: `mermaid.render()` (default config
 *   with `layout: 'elk'`; it parses, draws into a hidden element of the
 *   document to measure labels, runs ELK and serialises). Flowdeck:
 *   `parseDiagram()`, a fresh `createLayoutEngine()` (measure + ELK, no cache
 *   hit), `staticSvg()` without fonts (bench/sideBySidePage.ts, bundled with
 *   Vite into a temp dir).
 * - shown: string, then `innerHTML` into a container of the page and
 *   `getBoundingClientRect()` on it, which forces style and layout of the
 *   inserted SVG (not paint).
 * Both use a new elkjs instance per render (Mermaid's ELK layout does that).
 * The two tools alternate seed by seed, each in a page of its own.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';
import { launchChromium } from '../tests/e2e/chromium.ts';
import { seedCharts } from '../tests/oracle/diagramCharts.ts';
import { openFilePage } from './browser.ts';
import { ROOT, table } from './bundle.ts';
import { median, type Stats, stats, writeResults } from './results.ts';

const MERMAID = join(ROOT, 'node_modules/mermaid');
const LAYOUT_ELK = join(ROOT, 'node_modules/@mermaid-js/layout-elk');
const ORIGIN = 'http://side-by-side.bench';

/**
 * In the page: `benchRender(text, file, warmup, runs)` times the page's
 * `benchTool` (set below) and returns the counted runs. Plain JavaScript in a
 * string, so no TypeScript helper sneaks into the page.
 */
const TIMER = `window.benchRender = async (text, file, warmup, runs) => {
  const host = document.body.appendChild(document.createElement('div'));
  const times = [];
  let svg = '';
  for (let i = 0; i < warmup + runs; i++) {
    host.replaceChildren();
    const start = performance.now();
    svg = await window.benchTool(text, file);
    const string = performance.now();
    host.innerHTML = svg;
    host.getBoundingClientRect();
    const shown = performance.now();
    if (i >= warmup) times.push({ string: string - start, shown: shown - start });
  }
  const drawn = host.querySelectorAll('g.node, g.cluster').length;
  host.remove();
  return { times, bytes: new TextEncoder().encode(svg).length, drawn };
};`;

interface ToolTimes {
  /** ms, text → SVG string */
  string: Stats;
  /** ms, text → SVG in the DOM with style and layout done */
  shown: Stats;
  /** size of the last SVG, UTF-8 bytes */
  bytes: number;
}

export interface SideBySideSeed {
  seed: string;
  /** Flowdeck's model of the chart: nodes (groups count) and edges. */
  nodes: number;
  edges: number;
  /** Mermaid ELK; `error` when it failed to render. */
  mermaid: (ToolTimes & { drawnNodesAndClusters: number }) | { error: string };
  flowdeck: ToolTimes;
  /** Flowdeck ÷ Mermaid, medians of `shown`; null when Mermaid failed. */
  ratio: number | null;
}

export interface SideBySideResults {
  date: string;
  chromium: string;
  mermaid: string;
  layoutElk: string;
  warmup: number;
  runs: number;
  seeds: SideBySideSeed[];
  /** Medians of `shown` over every counted run of every seed, ms, and the median of the per-seed ratios. */
  overall: { mermaidMs: number; flowdeckMs: number; ratio: number };
}

const version = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
const round = (v: number) => Math.round(v * 100) / 100;

/** Bundles bench/sideBySidePage.ts for the browser into `outDir`; returns the file name. */
async function bundleFlowdeck(outDir: string): Promise<string> {
  await build({
    root: ROOT,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      reportCompressedSize: false,
      lib: { entry: join(ROOT, 'bench/sideBySidePage.ts'), formats: ['es'], fileName: 'flowdeck' },
    },
  });
  return 'flowdeck.js';
}

async function mermaidPage(page: Page): Promise<void> {
  await openFilePage(page, ORIGIN, {
    mermaid: join(MERMAID, 'dist'),
    elk: join(LAYOUT_ELK, 'dist'),
  });
  await page.addScriptTag({ url: `${ORIGIN}/mermaid/mermaid.min.js` });
  await page.evaluate(
    `import('${ORIGIN}/elk/mermaid-layout-elk.esm.min.mjs').then((layouts) => {
      mermaid.registerLayoutLoaders(layouts.default);
      mermaid.initialize({ startOnLoad: false, layout: 'elk' });
      window.benchTool = async (text) => (await mermaid.render('bench-svg', text)).svg;
    })`,
  );
  await page.addScriptTag({ content: TIMER });
}

async function flowdeckPage(page: Page, bundleDir: string, file: string): Promise<void> {
  await openFilePage(page, ORIGIN, { flowdeck: bundleDir });
  await page.evaluate(
    `import('${ORIGIN}/flowdeck/${file}').then(() => {
      window.benchTool = (text, file) => window.flowdeck.render(text, file);
    })`,
  );
  await page.addScriptTag({ content: TIMER });
}

interface PageRuns {
  times: { string: number; shown: number }[];
  bytes: number;
  drawn: number;
}

function time(page: Page, text: string, file: string, warmup: number, runs: number) {
  return page.evaluate(
    ([text, file, warmup, runs]) =>
      (
        window as unknown as {
          benchRender(t: string, f: string, w: number, r: number): Promise<PageRuns>;
        }
      ).benchRender(text, file, warmup, runs),
    [text, file, warmup, runs] as const,
  );
}

function toolTimes(r: PageRuns): ToolTimes {
  const s = (key: 'string' | 'shown') => {
    const v = stats(r.times.map((t) => t[key]));
    return { median: round(v.median), min: round(v.min), max: round(v.max) };
  };
  return { string: s('string'), shown: s('shown'), bytes: r.bytes };
}

/** Times both tools on every seed chart, prints a table and returns the figures. */
export async function runMermaidSideBySide(
  options: { warmup?: number; runs?: number } = {},
): Promise<SideBySideResults> {
  const warmup = options.warmup ?? 3;
  const runs = options.runs ?? 10;
  const charts = seedCharts();
  const bundleDir = mkdtempSync(join(tmpdir(), 'flowdeck-side-by-side-'));
  const browser = await launchChromium();
  try {
    process.stderr.write('bundling Flowdeck for the page (vite build, temp dir)…\n');
    const file = await bundleFlowdeck(bundleDir);
    const errors: string[] = [];
    const pages = [await browser.newPage(), await browser.newPage()] as const;
    for (const page of pages) page.on('pageerror', (e) => errors.push(e.message));
    await mermaidPage(pages[0]);
    await flowdeckPage(pages[1], bundleDir, file);

    const seeds: SideBySideSeed[] = [];
    const all = { mermaid: [] as number[], flowdeck: [] as number[] };
    for (const chart of charts) {
      process.stderr.write(`${chart.file} `);
      const { model } = parseDiagram(chart.text, { file: chart.file });
      if (!model) throw new Error(`${chart.file} does not parse in Flowdeck`);
      let mermaid: SideBySideSeed['mermaid'];
      try {
        const m = await time(pages[0], chart.text, chart.file, warmup, runs);
        mermaid = { ...toolTimes(m), drawnNodesAndClusters: m.drawn };
        all.mermaid.push(...m.times.map((t) => t.shown));
      } catch (error) {
        mermaid = { error: String((error as Error).message ?? error).split('\n')[0] ?? '' };
      }
      const f = await time(pages[1], chart.text, chart.file, warmup, runs);
      all.flowdeck.push(...f.times.map((t) => t.shown));
      const flowdeck = toolTimes(f);
      const ratio = 'error' in mermaid ? null : round(flowdeck.shown.median / mermaid.shown.median);
      seeds.push({
        seed: chart.file,
        nodes: model.nodes.length,
        edges: model.edges.length,
        mermaid,
        flowdeck,
        ratio,
      });
    }
    process.stderr.write('\n');
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);

    const ratios = seeds.flatMap((s) => (s.ratio === null ? [] : [s.ratio]));
    const results: SideBySideResults = {
      date: new Date().toISOString(),
      chromium: browser.version(),
      mermaid: version(MERMAID),
      layoutElk: version(LAYOUT_ELK),
      warmup,
      runs,
      seeds,
      overall: {
        mermaidMs: round(median(all.mermaid)),
        flowdeckMs: round(median(all.flowdeck)),
        ratio: round(median(ratios)),
      },
    };
    printTable(results);
    return results;
  } finally {
    await browser.close();
    rmSync(bundleDir, { recursive: true, force: true });
  }
}

function printTable(r: SideBySideResults): void {
  const ms = (v: number) => v.toFixed(1);
  const range = (s: Stats) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
  const rows = [
    [
      'seed',
      'nodes',
      'Mermaid string',
      'Mermaid shown ms (min–max)',
      'Flowdeck string',
      'Flowdeck shown ms (min–max)',
      'ratio',
    ],
  ];
  for (const s of r.seeds) {
    const m = s.mermaid;
    const mermaid =
      'error' in m ? ['failed', m.error.slice(0, 40)] : [ms(m.string.median), range(m.shown)];
    rows.push([
      s.seed,
      String(s.nodes),
      ...mermaid,
      ms(s.flowdeck.string.median),
      range(s.flowdeck.shown),
      s.ratio === null ? 'n/a' : s.ratio.toFixed(2),
    ]);
  }
  rows.push([
    'all seeds',
    '',
    '',
    ms(r.overall.mermaidMs),
    '',
    ms(r.overall.flowdeckMs),
    r.overall.ratio.toFixed(2),
  ]);
  console.log(
    `\nMermaid ${r.mermaid} + layout-elk ${r.layoutElk} vs Flowdeck, text → SVG on the main thread, ` +
      `headless Chromium ${r.chromium}\n`,
  );
  console.log(table(rows));
  for (const s of r.seeds) {
    if (!('error' in s.mermaid) && s.mermaid.drawnNodesAndClusters !== s.nodes)
      console.log(`${s.seed}: Mermaid drew ${s.mermaid.drawnNodesAndClusters} of ${s.nodes} nodes`);
  }
  console.log(
    `\nmedians of ${r.runs} runs after ${r.warmup} uncounted, ms; string = text → SVG string, ` +
      'shown = string + innerHTML + style/layout (getBoundingClientRect); ' +
      'ratio = Flowdeck ÷ Mermaid (shown); all seeds = median over every run, ratio = median of ratios.',
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sideBySide = await runMermaidSideBySide();
  console.log(`\nwrote ${writeResults({ sideBySide })}`);
}
