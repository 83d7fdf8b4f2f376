/**
 * `npx tsx bench/drawBig.ts [runs]`: how long the page's main thread is held
 * while React Flow draws a big diagram (docs/hardening.md#limits).
 *
 * Builds the app into a temp dir, serves it with `vite preview`, and opens
 * the synthetic 1000- and 3000-leaf diagrams (bench/synthetic.ts, 1282 and
 * 3844 nodes) as share links, in a fresh page each run, at 1280×800. The
 * layout comes from the worker; what is counted starts when the page is
 * last seen without a node (a check each task): until every node is, the
 * main thread's long tasks
 * (PerformanceObserver 'longtask', over 50 ms): the longest, their sum and
 * count; and how long the diagram took to fill in. The worker's layout is
 * not counted. Results go to bench/results.json under `drawBig`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { encodeShare } from '../src/app/editor/share.ts';
import { launchChromium } from '../tests/e2e/chromium.ts';
import { ROOT, serveBuild, table } from './bundle.ts';
import { median, writeResults } from './results.ts';
import { syntheticFlowDiagram } from './synthetic.ts';

const SIZES = [
  { leaves: 1000, nodes: 1282 },
  { leaves: 3000, nodes: 3844 },
];

/**
 * In the page from its start: every long task, the last time no node was
 * drawn, and the time every node was. Plain JavaScript in a string, so no TypeScript helper
 * sneaks into the page.
 */
const PROBE = `(expected) => {
  window.__draw = { tasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__draw.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask' });
  const tick = () => {
    const n = document.querySelectorAll('.fd-canvas [data-node-id]').length;
    if (n === 0) window.__draw.empty = performance.now();
    if (n >= expected) window.__draw.all = performance.now();
    else setTimeout(tick, 0);
  };
  tick();
}`;

export interface DrawRun {
  longestTask: number;
  longTaskSum: number;
  longTasks: number;
  fillMs: number;
}

export interface DrawBigResults {
  sizes: { leaves: number; nodes: number; runs: DrawRun[]; median: DrawRun }[];
}

async function drawOnce(browser: Browser, url: string, nodes: number): Promise<DrawRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: `(${PROBE})(${nodes});` });
    await page.goto(url);
    await page.waitForFunction(
      () => (window as unknown as { __draw: { all?: number } }).__draw.all !== undefined,
      null,
      { timeout: 300_000, polling: 200 },
    );
    // Tasks still running when the last node came are over once this answers.
    await page.waitForTimeout(500);
    const draw = (await page.evaluate('window.__draw')) as {
      tasks: [number, number][];
      empty: number;
      all: number;
    };
    const during = draw.tasks
      .filter(([start, duration]) => start + duration > draw.empty && start <= draw.all)
      .map(([, duration]) => duration);
    return {
      longestTask: Math.round(Math.max(0, ...during)),
      longTaskSum: Math.round(during.reduce((a, b) => a + b, 0)),
      longTasks: during.length,
      fillMs: Math.round(draw.all - draw.empty),
    };
  } finally {
    await context.close();
  }
}

export async function runDrawBigBench(runs = 3): Promise<DrawBigResults> {
  const outDir = mkdtempSync(join(tmpdir(), 'flowdeck-draw-'));
  let server: Awaited<ReturnType<typeof serveBuild>> | undefined;
  let browser: Browser | undefined;
  try {
    process.stderr.write('building the app (vite build, temp dir)…\n');
    await build({
      root: ROOT,
      configFile: `${ROOT}vite.config.ts`,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    server = await serveBuild(outDir);
    browser = await launchChromium();
    const results: DrawBigResults = { sizes: [] };
    for (const { leaves, nodes } of SIZES) {
      const url = `${server.base}#/share/${await encodeShare(syntheticFlowDiagram(leaves))}`;
      await drawOnce(browser, url, nodes); // warms the worker's code and the caches; not counted
      const all: DrawRun[] = [];
      for (let i = 0; i < runs; i++) all.push(await drawOnce(browser, url, nodes));
      const mid = (key: keyof DrawRun) => median(all.map((r) => r[key]));
      results.sizes.push({
        leaves,
        nodes,
        runs: all,
        median: {
          longestTask: mid('longestTask'),
          longTaskSum: mid('longTaskSum'),
          longTasks: mid('longTasks'),
          fillMs: mid('fillMs'),
        },
      });
    }
    console.log(`\nDrawing a big diagram: main-thread long tasks (median of ${runs} runs)\n`);
    console.log(
      table([
        ['leaves', 'nodes', 'longest task ms', 'long tasks, sum ms', 'count', 'fill ms'],
        ...results.sizes.map((s) => [
          String(s.leaves),
          String(s.nodes),
          `${s.median.longestTask} (${s.runs.map((r) => r.longestTask).join(', ')})`,
          String(s.median.longTaskSum),
          String(s.median.longTasks),
          String(s.median.fillMs),
        ]),
      ]),
    );
    return results;
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeResults({ drawBig: await runDrawBigBench(Number(process.argv[2] ?? 3)) });
}
