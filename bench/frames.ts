/**
 * Frame times while a flow plays, in headless Chromium: on the largest
 * diagram in diagrams/ that has a flow, and on a synthetic one of 300 nodes
 * (bench/synthetic.ts, `syntheticFlowDiagram`). The app only shows what is in
 * diagrams/, so a copy of the site with the synthetic file added is built in
 * node_modules/.bench-site-XXXXXX (inside the project, so packages resolve) and
 * removed afterwards; diagrams/ itself is never touched.
 *
 * Per diagram and viewport: open `#/d/<id>/<flow>/1`, wait until it is
 * painted, record 2 s idle, then record the delta between consecutive
 * requestAnimationFrame callbacks while → is pressed every 1.6 s (up to 8
 * steps: camera glides of 700 ms and tokens travelling ~1.5 s), dropping the
 * first 500 ms. Long tasks (PerformanceObserver 'longtask', over 50 ms) on the
 * main thread are counted over the same window. A blank page is measured
 * first: the frame rate Chromium gives with nothing to do.
 *
 * Run alone: `npm run bench:frames`. `npm run bench` runs it after the
 * browser part (BENCH_FRAMES=0 skips it). Results go to bench/results.json
 * under `frames`.
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { isDeckSource } from '../src/core/deck/isDeckSource.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';
import { launchChromium } from '../tests/e2e/chromium.ts';
import { ROOT, serveBuild, table } from './bundle.ts';
import { median, writeResults } from './results.ts';
import { syntheticFlowDiagram } from './synthetic.ts';

const SITE_ENTRIES = ['index.html', 'src', 'public', 'diagrams', 'vite.config.ts'];
const SYNTHETIC_LEAVES = 300;
const SYNTHETIC_FILE = `bench-${SYNTHETIC_LEAVES}.mmd`;

const DESKTOP = { width: 1280, height: 800 };
const VIEWPORTS = [DESKTOP, { width: 1024, height: 768 }];
/** → every this many ms: a step's camera glide (700 ms) and token travel (~1.5 s) end before the next. */
const STEP_MS = 1600;
const MAX_STEPS = 8;
/** Dropped from the start of every recording (the loop settling in). */
const WARMUP_MS = 500;
const IDLE_MS = 2000;
/** After painted, before measuring: the first step's camera glide and tokens. */
const SETTLE_MS = 1600;
/** A frame longer than this missed at least one vsync at 60 Hz. */
const SLOW_MS = 25;
const LOAD_TIMEOUT_MS = 60_000;

/**
 * Installed before the page's scripts. `__fdFrames.start()` starts a
 * requestAnimationFrame loop that keeps each frame's timestamp (and how many
 * tokens are on screen); `stop()` ends it and returns the timestamps and every
 * long task seen since the page opened. Plain JavaScript in a string, so no
 * TypeScript helper sneaks into the page.
 */
const RECORDER = `(() => {
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  } catch {}
  const tokens = document.getElementsByClassName('fd-token');
  let run = null;
  // Each recording has its own loop, which ends when another starts.
  const loop = (mine) => {
    const tick = (time) => {
      if (run !== mine) return;
      mine.times.push(time);
      mine.tokens.push(tokens.length);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  window.__fdFrames = {
    start() {
      run = { start: performance.now(), times: [], tokens: [] };
      loop(run);
      return run.start;
    },
    stop() {
      const done = run;
      run = null;
      return { start: done.start, end: performance.now(), times: done.times, tokens: done.tokens, longTasks };
    },
  };
})();`;

interface Recording {
  start: number;
  end: number;
  /** rAF timestamps, ms */
  times: number[];
  /** `.fd-token` elements in the DOM at each frame */
  tokens: number[];
  /** [startTime, duration] of every long task since the page opened */
  longTasks: [number, number][];
}

export interface FrameStats {
  /** frame deltas counted */
  frames: number;
  median: number;
  p95: number;
  max: number;
  /** frames over SLOW_MS (at least one vsync missed) */
  slow: number;
}

export interface LongTasks {
  count: number;
  totalMs: number;
  maxMs: number;
}

export interface FrameRun {
  diagram: string;
  kind: 'seed' | 'synthetic';
  nodes: number;
  edges: number;
  flow: string;
  /** → presses */
  steps: number;
  viewport: string;
  /** the painted diagram, nothing moving */
  idle: FrameStats;
  /** while the flow plays */
  playing: FrameStats;
  longTasks: LongTasks;
  /** most `.fd-token` circles in the page at once (a step's tokens stay, faded, until the next) */
  tokens: number;
}

export interface FrameResults {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    chromium: string;
    /** os.loadavg() (1, 5, 15 min) at start and end: other work on the machine */
    loadStart: number[];
    loadEnd: number[];
  };
  method: string;
  /** about:blank-like page: what rAF gives with nothing to do (≈16.7 ms at 60 Hz) */
  blank: FrameStats;
  runs: FrameRun[];
}

interface Target {
  kind: 'seed' | 'synthetic';
  id: string;
  nodes: number;
  edges: number;
  flow: string;
  flowSteps: number;
}

const round = (v: number) => Math.round(v * 10) / 10;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Nearest-rank percentile of already sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}

/** Deltas between consecutive frames, for frames at least WARMUP_MS into the recording. */
function deltas(rec: Recording): number[] {
  const from = rec.start + WARMUP_MS;
  const out: number[] = [];
  for (let i = 1; i < rec.times.length; i++) {
    const t = rec.times[i] ?? 0;
    if (t >= from) out.push(t - (rec.times[i - 1] ?? t));
  }
  return out;
}

function frameStats(values: number[]): FrameStats {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    frames: sorted.length,
    median: round(median(sorted)),
    p95: round(percentile(sorted, 0.95)),
    max: round(sorted[sorted.length - 1] ?? 0),
    slow: sorted.filter((v) => v > SLOW_MS).length,
  };
}

function longTasks(rec: Recording): LongTasks {
  const inside = rec.longTasks.filter(([t]) => t >= rec.start + WARMUP_MS && t <= rec.end);
  const durations = inside.map(([, d]) => d);
  return {
    count: inside.length,
    totalMs: round(durations.reduce((a, b) => a + b, 0)),
    maxMs: round(Math.max(0, ...durations)),
  };
}

/** A copy of the site with the synthetic diagram added to its diagrams/. */
function makeSite(): string {
  // Inside node_modules, so `react`, `@xyflow/react`… resolve from the copy.
  // A fresh name per run, so two runs never share one.
  const site = mkdtempSync(join(ROOT, 'node_modules', '.bench-site-'));
  const tsconfigs = readdirSync(ROOT).filter((f) => /^tsconfig.*\.json$/.test(f));
  for (const entry of [...SITE_ENTRIES, ...tsconfigs]) {
    if (existsSync(join(ROOT, entry)))
      cpSync(join(ROOT, entry), join(site, entry), { recursive: true });
  }
  writeFileSync(join(site, 'diagrams', SYNTHETIC_FILE), syntheticFlowDiagram(SYNTHETIC_LEAVES));
  return site;
}

/** The seed diagram with the most nodes (groups count) that has a flow, and the synthetic one. */
function targets(site: string): Target[] {
  const parsed = readdirSync(join(site, 'diagrams'))
    .filter((f) => /\.(mmd|mermaid|ya?ml)$/.test(f))
    .sort()
    .flatMap((name): Target[] => {
      const file = `diagrams/${name}`;
      const text = readFileSync(join(site, file), 'utf8');
      if (isDeckSource(text)) return [];
      const { model } = parseDiagram(text, { file });
      const flow = model?.flows[0];
      if (!model || !flow) return [];
      return [
        {
          kind: name === SYNTHETIC_FILE ? 'synthetic' : 'seed',
          id: model.id,
          nodes: model.nodes.length,
          edges: model.edges.length,
          flow: flow.id,
          flowSteps: flow.steps.length,
        },
      ];
    });
  const seed = parsed
    .filter((t) => t.kind === 'seed')
    .sort((a, b) => b.nodes - a.nodes || b.edges - a.edges || a.id.localeCompare(b.id))[0];
  const synthetic = parsed.find((t) => t.kind === 'synthetic');
  if (!seed) throw new Error('no diagram in diagrams/ has a flow');
  if (!synthetic) throw new Error(`${SYNTHETIC_FILE} did not parse or has no flow`);
  return [seed, synthetic];
}

async function record(page: Page, during: (start: number) => Promise<void>): Promise<Recording> {
  await page.evaluate('window.__fdFrames.start()');
  await during(performance.now());
  return (await page.evaluate('window.__fdFrames.stop()')) as Recording;
}

/** Two frames after the fonts are ready. */
function painted(page: Page): Promise<unknown> {
  return page.evaluate(
    `document.fonts.ready.then(() => new Promise((resolve) =>
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))))`,
  );
}

async function blankBaseline(browser: Browser): Promise<FrameStats> {
  const context = await browser.newContext({ viewport: DESKTOP });
  try {
    const page = await context.newPage();
    await page.setContent('<!doctype html><title>idle</title><p>idle</p>');
    await page.evaluate(RECORDER);
    await painted(page);
    return frameStats(deltas(await record(page, () => sleep(WARMUP_MS + IDLE_MS))));
  } finally {
    await context.close();
  }
}

async function measure(
  browser: Browser,
  base: string,
  target: Target,
  viewport: { width: number; height: number },
): Promise<FrameRun> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript({ content: RECORDER });
    const route = `#/d/${encodeURIComponent(target.id)}/${encodeURIComponent(target.flow)}`;
    await page.goto(`${base}${route}/1`);
    await page.waitForFunction(
      `document.querySelector('.fd-flowbar') &&
        document.querySelectorAll('.react-flow__node').length === ${target.nodes}`,
      undefined,
      { timeout: LOAD_TIMEOUT_MS },
    );
    await painted(page);
    await sleep(SETTLE_MS);

    const idle = await record(page, () => sleep(WARMUP_MS + IDLE_MS));
    const steps = Math.min(MAX_STEPS, target.flowSteps - 1);
    const playing = await record(page, async (start) => {
      for (let i = 0; i < steps; i++) {
        await sleep(start + WARMUP_MS + i * STEP_MS - performance.now());
        await page.keyboard.press('ArrowRight');
      }
      await sleep(start + WARMUP_MS + steps * STEP_MS - performance.now());
    });

    const hash = (await page.evaluate('location.hash')) as string;
    if (!hash.endsWith(`${route.slice(1)}/${steps + 1}`))
      throw new Error(
        `${target.id}: expected step ${steps + 1} after ${steps} presses, at ${hash}`,
      );
    if (errors.length) throw new Error(`${target.id}: ${errors.join('; ')}`);

    const counted = playing.tokens.filter(
      (_, i) => (playing.times[i] ?? 0) >= playing.start + WARMUP_MS,
    );
    return {
      diagram: target.id,
      kind: target.kind,
      nodes: target.nodes,
      edges: target.edges,
      flow: target.flow,
      steps,
      viewport: `${viewport.width}x${viewport.height}`,
      idle: frameStats(deltas(idle)),
      playing: frameStats(deltas(playing)),
      longTasks: longTasks(playing),
      tokens: Math.max(0, ...counted),
    };
  } finally {
    await context.close();
  }
}

const METHOD =
  `rAF deltas (ms) in headless Chromium; → every ${STEP_MS} ms for up to ${MAX_STEPS} steps ` +
  `from step 1; first ${WARMUP_MS} ms of each recording dropped; idle = ${IDLE_MS} ms painted ` +
  `and still; slow = frames over ${SLOW_MS} ms; long tasks = PerformanceObserver 'longtask' (> 50 ms)`;

/** Builds the site copy, serves it, measures, prints and returns the frame results. */
export async function runFrameBench(): Promise<FrameResults> {
  const loadStart = loadavg().map((v) => round(v));
  let server: Awaited<ReturnType<typeof serveBuild>> | undefined;
  let browser: Browser | undefined;
  let site: string | undefined;
  try {
    site = makeSite();
    const list = targets(site);
    const outDir = join(site, 'dist');
    process.stderr.write(`frames: building a copy of the site with ${SYNTHETIC_FILE}…\n`);
    await build({
      root: site,
      configFile: join(site, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, reportCompressedSize: false },
    });
    server = await serveBuild(outDir, site);
    const { base } = server;

    // Playwright already passes --disable-background-timer-throttling,
    // --disable-renderer-backgrounding and --disable-backgrounding-occluded-windows;
    // the blank page checks rAF runs at the display rate anyway.
    browser = await launchChromium();
    const blank = await blankBaseline(browser);
    if (blank.median < 15 || blank.median > 18.5) {
      process.stderr.write(
        `frames: WARNING a blank page gets a frame every ${blank.median} ms, not ~16.7 (60 Hz)\n`,
      );
    }
    const runs: FrameRun[] = [];
    for (const target of list) {
      for (const viewport of VIEWPORTS) {
        process.stderr.write(`frames: ${target.id} ${viewport.width}x${viewport.height}\n`);
        runs.push(await measure(browser, base, target, viewport));
      }
    }
    const results: FrameResults = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        node: process.version,
        chromium: browser.version(),
        loadStart,
        loadEnd: loadavg().map((v) => round(v)),
      },
      method: METHOD,
      blank,
      runs,
    };
    console.log(formatFrames(results));
    return results;
  } finally {
    await browser?.close();
    await server?.close();
    if (site) rmSync(site, { recursive: true, force: true });
  }
}

export function formatFrames(results: FrameResults): string {
  const ms = (v: number) => v.toFixed(1);
  const rows = [
    [
      'diagram',
      'nodes',
      'viewport',
      'steps',
      'idle median',
      'median',
      'p95',
      'max',
      'frames',
      `>${SLOW_MS} ms`,
      'long tasks',
      'tokens',
    ],
  ];
  for (const r of results.runs) {
    rows.push([
      `${r.diagram} (${r.kind})`,
      String(r.nodes),
      r.viewport,
      String(r.steps),
      ms(r.idle.median),
      ms(r.playing.median),
      ms(r.playing.p95),
      ms(r.playing.max),
      String(r.playing.frames),
      String(r.playing.slow),
      r.longTasks.count ? `${r.longTasks.count} (max ${ms(r.longTasks.maxMs)})` : '0',
      String(r.tokens),
    ]);
  }
  const { machine, blank } = results;
  return [
    `\nFlow frame times (ms between animation frames), headless Chromium ${machine.chromium}\n`,
    table(rows),
    `\nblank page: median ${ms(blank.median)}, p95 ${ms(blank.p95)} over ${blank.frames} frames. ` +
      `${machine.cpus} CPUs, load ${machine.loadStart.join(' ')} → ${machine.loadEnd.join(' ')}.`,
    `${results.method}; tokens = most .fd-token at once.`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const frames = await runFrameBench();
  console.log(`\nwrote ${writeResults({ frames })}`);
}
