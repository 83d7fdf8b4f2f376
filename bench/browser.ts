/**
 * The first load in a real browser: builds the app (Vite JS API, temp dir),
 * reports the initial JavaScript (raw, gzip, brotli) and whether ELK, YAML or
 * zod reach the main thread, then serves the build with `vite preview` and
 * times, in headless Chromium, how long each diagram takes from opening its
 * URL to being painted. Cold: a new browser context per load (empty HTTP
 * cache). Warm: one context, loads after the first. Then the lesson path
 * (bench/lessonPath.ts), a deck, the speaker views and the gallery opened by
 * URL (bench/instant.ts), and the bytes of the layouts the build ships
 * (bench/layoutFiles.ts).
 *
 * Run alone: `npm run bench:browser` (BENCH_BROWSER_RUNS=7 loads per
 * diagram and mode). `npm run bench` runs it after the Node bench.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { parseDiagram } from '../src/core/parse/parseDiagram.ts';
import { launchChromium } from '../tests/e2e/chromium.ts';
import { type BundleReport, buildApp, formatBundle, ROOT, serveBuild, table } from './bundle.ts';
import { formatInstant, type InstantResults, measureInstant } from './instant.ts';
import { formatLayoutFiles, type LayoutFilesReport, measureLayoutFiles } from './layoutFiles.ts';
import { type LessonPath, measureLessonPath } from './lessonPath.ts';
import { median, pageErrors, runsFromEnv, type Stats, stats, writeResults } from './results.ts';

const VIEWPORT = { width: 1280, height: 800 };
const TIMEOUT_MS = 30_000;

/**
 * Installed in the page before any of its scripts. Resolves `__fdPainted`
 * once the expected number of React Flow nodes is in the DOM, the fonts are
 * ready and two animation frames have passed (the frame with the nodes has
 * been painted). Times are `performance.now()`: ms since navigation start.
 * Plain JavaScript in a string, so no TypeScript helper sneaks into the page.
 */
const PROBE = `(expected) => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  window.__fdPainted = new Promise((resolve) => {
    let done = false;
    const count = () => document.querySelectorAll('.react-flow__node').length;
    const observer = new MutationObserver(() => {
      if (done || count() !== expected) return;
      done = true;
      observer.disconnect();
      const nodes = performance.now();
      document.fonts.ready.then(frame).then(frame).then(() => {
        const painted = performance.now();
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        const worker = performance
          .getEntriesByType('resource')
          .find((e) => /worker[^/]*\.js/.test(e.name));
        resolve({
          nodes,
          painted,
          fcp: fcp ? fcp.startTime : null,
          worker: worker ? worker.responseEnd : null,
        });
      });
    });
    observer.observe(document, { childList: true, subtree: true });
    setTimeout(() => {
      if (!done)
        resolve({
          error: 'timed out with ' + count() + ' of ' + expected + ' nodes drawn; page says: ' +
            (document.body ? document.body.innerText.slice(0, 300) : ''),
        });
    }, ${TIMEOUT_MS});
  });
}`;

interface Probe {
  nodes: number;
  painted: number;
  fcp: number | null;
  worker: number | null;
}

export interface LoadTimes {
  /** ms from navigation start to painted, one per load */
  painted: number[];
  /** ms from navigation start to all nodes in the DOM */
  nodes: number[];
  /** first contentful paint (the header, before the diagram) */
  fcp: number[];
  /** the worker's script fully received (resource timing responseEnd) */
  worker: number[];
}

export interface DiagramLoad {
  id: string;
  file: string;
  nodes: number;
  cold: LoadTimes & { stats: Stats };
  warm: LoadTimes & { stats: Stats };
}

export interface BrowserResults {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; chromium: string };
  runs: number;
  bundle: BundleReport;
  loads: DiagramLoad[];
  /** Medians over every load of every diagram, ms since navigation start. */
  overall: { cold: Milestones; warm: Milestones };
  /** Gallery → Start lesson, and a deck's diagram → Back (bench/lessonPath.ts). */
  lesson: LessonPath;
  /** A deck, the speaker views and the gallery opened by URL (bench/instant.ts). */
  instant: InstantResults;
  /** The layouts the build ships (bench/layoutFiles.ts). */
  layoutFiles: LayoutFilesReport;
}

export interface Milestones {
  fcp: number;
  /** Null when no load fetched the worker's script (the layouts came ready-made). */
  worker: number | null;
  nodes: number;
  painted: number;
}

interface Diagram {
  id: string;
  file: string;
  nodes: number;
}

/** Every diagram in diagrams/ the app shows, with its node count; lesson decks (top-level `deck:`) are skipped. */
function diagrams(): Diagram[] {
  return readdirSync(join(ROOT, 'diagrams'))
    .filter((f) => /\.(mmd|mermaid|ya?ml)$/.test(f))
    .sort()
    .flatMap((name) => {
      const file = `diagrams/${name}`;
      const text = readFileSync(join(ROOT, file), 'utf8');
      if (isDeck(text)) return [];
      const { model } = parseDiagram(text, { file });
      if (!model) throw new Error(`${file} does not parse`);
      return [{ id: model.id, file, nodes: model.nodes.length }];
    });
}

/** A lesson deck, not a diagram: a top-level `deck:` key (at column 0). */
export function isDeck(text: string): boolean {
  return /^\uFEFF?(deck|"deck"|'deck')[ \t]*:/m.test(text);
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

/**
 * Opens a blank page at `origin`, a made-up host answered by `page.route`
 * (nothing leaves the machine), that serves files: `<origin>/<name>/<path>`
 * is `<mounts[name]>/<path>`. Workers' scripts are answered too.
 *
 * @example await openFilePage(page, 'http://bench.test', { app: outDir })
 */
export async function openFilePage(
  page: Page,
  origin: string,
  mounts: Record<string, string>,
): Promise<void> {
  await page.route(`${origin}/**`, (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname);
    if (path === '/') {
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><meta charset="utf-8">',
      });
    }
    const [, name, rest] = /^\/([^/]+)\/(.+)$/.exec(path) ?? [];
    const dir = name ? mounts[name] : undefined;
    const file = dir && rest && !rest.split('/').includes('..') ? join(dir, rest) : undefined;
    if (!file || !existsSync(file)) return route.fulfill({ status: 404 });
    const contentType = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    return route.fulfill({ contentType, body: readFileSync(file) });
  });
  await page.goto(`${origin}/`);
}

async function load(context: BrowserContext, url: string, expected: number): Promise<Probe> {
  const page = await context.newPage();
  try {
    const errors = pageErrors(page);
    await page.addInitScript({ content: `(${PROBE})(${expected});` });
    await page.goto(url, { timeout: TIMEOUT_MS });
    const result = (await page.evaluate('window.__fdPainted')) as Probe | { error: string };
    if ('error' in result) throw new Error(`${url}: ${[result.error, ...errors].join('; ')}`);
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    return result;
  } finally {
    await page.close();
  }
}

function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT });
}

async function measure(browser: Browser, base: string, d: Diagram, runs: number) {
  const url = `${base}#/d/${encodeURIComponent(d.id)}`;
  const cold: Probe[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await newContext(browser);
    try {
      cold.push(await load(context, url, d.nodes));
    } finally {
      await context.close();
    }
  }
  const warm: Probe[] = [];
  const context = await newContext(browser);
  try {
    await load(context, url, d.nodes); // fills the cache; not counted
    for (let i = 0; i < runs; i++) warm.push(await load(context, url, d.nodes));
  } finally {
    await context.close();
  }
  const times = (probes: Probe[]) => {
    const round = (v: number) => Math.round(v * 10) / 10;
    const painted = probes.map((p) => round(p.painted));
    return {
      painted,
      nodes: probes.map((p) => round(p.nodes)),
      fcp: probes.flatMap((p) => (p.fcp === null ? [] : [round(p.fcp)])),
      worker: probes.flatMap((p) => (p.worker === null ? [] : [round(p.worker)])),
      stats: stats(painted),
    };
  };
  return { cold: times(cold), warm: times(warm) };
}

const ms = (v: number) => v.toFixed(0);
const range = (s: Stats) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;

/** Builds, serves, measures, prints and returns the browser results. */
export async function runBrowserBench(runs: number): Promise<BrowserResults> {
  const list = diagrams();
  const outDir = mkdtempSync(join(tmpdir(), 'flowdeck-bench-'));
  let server: Awaited<ReturnType<typeof serveBuild>> | undefined;
  let browser: Browser | undefined;
  try {
    process.stderr.write('building the app (vite build, temp dir)…\n');
    const bundle = await buildApp(outDir, { compress: true });
    console.log(
      `\nFirst load: JavaScript (vite build in ${(bundle.buildMs / 1000).toFixed(1)} s)\n`,
    );
    console.log(formatBundle(bundle));

    server = await serveBuild(outDir);
    const { base } = server;

    browser = await launchChromium();
    // One load nobody counts: the browser's own start-up is not the app's.
    const first = list[0];
    if (first) {
      const context = await newContext(browser);
      await load(context, `${base}#/d/${encodeURIComponent(first.id)}`, first.nodes);
      await context.close();
    }
    const loads: DiagramLoad[] = [];
    for (const d of list) {
      process.stderr.write(`${d.id} `);
      loads.push({ ...d, ...(await measure(browser, base, d, runs)) });
    }
    process.stderr.write('\nlesson path\n');
    const lesson = await measureLessonPath(browser, base, runs);
    process.stderr.write('deck, speaker views, gallery: ');
    const instant = await measureInstant(browser, base, runs);
    const layoutFiles = measureLayoutFiles(outDir);

    const milestones = (pick: (l: DiagramLoad) => LoadTimes): Milestones => {
      const all = (key: keyof LoadTimes) => median(loads.flatMap((l) => pick(l)[key]));
      return {
        fcp: all('fcp'),
        worker: loads.some((l) => pick(l).worker.length) ? all('worker') : null,
        nodes: all('nodes'),
        painted: all('painted'),
      };
    };
    const results: BrowserResults = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        chromium: browser.version(),
      },
      runs,
      bundle,
      loads,
      overall: { cold: milestones((l) => l.cold), warm: milestones((l) => l.warm) },
      lesson,
      instant,
      layoutFiles,
    };

    const rows = [['diagram', 'nodes', 'cold ms median (min–max)', 'warm ms median (min–max)']];
    for (const l of loads) {
      rows.push([l.id, String(l.nodes), range(l.cold.stats), range(l.warm.stats)]);
    }
    rows.push([
      'all diagrams',
      '',
      ms(results.overall.cold.painted),
      ms(results.overall.warm.painted),
    ]);
    console.log(
      '\nFirst load: URL opened → diagram painted, headless Chromium ' +
        `${results.machine.chromium}, ${VIEWPORT.width}×${VIEWPORT.height}\n`,
    );
    console.log(table(rows));
    console.log(
      `\n${runs} loads per diagram and mode; cold = new browser context each load (empty cache), ` +
        'warm = same context after one uncounted load (vite preview revalidates with ETags); ' +
        'painted = all nodes drawn + document.fonts.ready + two animation frames, ' +
        'performance.now() in the page (ms since navigation start). ' +
        `${results.machine.cpus} CPUs, node ${process.version}.\n`,
    );
    const steps = [
      ['median over all loads, ms', 'first paint', 'worker script in', 'nodes in DOM', 'painted'],
    ];
    for (const mode of ['cold', 'warm'] as const) {
      const m = results.overall[mode];
      steps.push([
        mode,
        ms(m.fcp),
        m.worker === null ? 'not loaded' : ms(m.worker),
        ms(m.nodes),
        ms(m.painted),
      ]);
    }
    console.log(table(steps));
    console.log(
      `\nLesson path (1024×768, a tab that has drawn the gallery; ${runs} runs, ms median (min–max)):\n` +
        `  gallery → Start lesson → first slide painted: ${range(stats(lesson.start))}\n` +
        `  deck → its diagram → Back → deck painted:    ${range(stats(lesson.back))}\n`,
    );
    console.log('\nOpened by URL: a deck, the speaker views, the gallery\n');
    console.log(formatInstant(instant, runs));
    console.log('\nLayouts shipped with the build (dist/layouts)\n');
    console.log(formatLayoutFiles(layoutFiles));
    return results;
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Loads per diagram and mode: $BENCH_BROWSER_RUNS, else 7. */
export function browserRuns(): number {
  return runsFromEnv('BENCH_BROWSER_RUNS', 7);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const browser = await runBrowserBench(browserRuns());
  const file = writeResults({ browser });
  console.log(`\nwrote ${file}`);
}
