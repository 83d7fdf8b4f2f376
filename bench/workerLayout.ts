/**
 * `npx tsx bench/workerLayout.ts [sizes…]`: large synthetic diagrams laid
 * out in the app's layout worker, in headless Chromium, timed from the main
 * thread of a page.
 *
 * Builds the app with Vite's JS API into a temp dir (bench/bundle.ts) and
 * takes its worker bundle; a blank page starts it as the app does (a module
 * worker) and posts layout requests shaped as src/app/layoutClient.ts sends
 * them (src/worker/protocol.ts), one at a time. The diagrams are
 * `syntheticFlowDiagram(n)` (bench/synthetic.ts: three levels of groups,
 * about 1.3 edges per node, edges crossing groups). Warm-up: one seed chart
 * and four 300-leaf layouts when the worker starts, then per size one uncounted layout, then the
 * counted ones. Each request changes one node's label (`api 0.0 run 2`…),
 * so the worker's content cache never answers: every one is a real layout.
 *
 * Per layout: ms from just before `postMessage` to the result's data read in
 * the main thread's message handler; the part of that spent reading
 * `event.data` (Chromium deserialises a message when its data is first read);
 * long tasks (PerformanceObserver 'longtask', over 50 ms) on the main thread
 * between the post and the read, and the one that delivered the result, if
 * any. A layout that takes longer than `timeoutMs` ends its size
 * (`timedOut: true`) and the worker is replaced.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';
import { launchChromium } from '../tests/e2e/chromium.ts';
import { seedCharts } from '../tests/oracle/diagramCharts.ts';
import { openFilePage } from './browser.ts';
import { buildApp, table } from './bundle.ts';
import { median, type Stats, stats, writeResults } from './results.ts';
import { syntheticFlowDiagram } from './synthetic.ts';

const ORIGIN = 'http://worker-layout.bench';
const SEED_TIMEOUT_MS = 60_000;

/** `LayoutRequest` of src/worker/protocol.ts (outside this tsconfig project), as the app sends it. */
interface LayoutRequest {
  requestId: number;
  channel: string;
  text: string;
  file: string;
}

/**
 * In the page: a long-task log, and `benchLayout(url, request, timeoutMs)`,
 * which posts one request to the worker (started on first use) and resolves
 * with its timings once the final answer is read. Plain JavaScript in a
 * string, so no TypeScript helper sneaks into the page.
 */
const PAGE = `window.benchTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.benchTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });
window.benchWorker = null;
window.benchLayout = (url, request, timeoutMs) => new Promise((resolve) => {
  const worker = (window.benchWorker ??= new Worker(url, { type: 'module' }));
  let posted = 0;
  let timer = 0;
  const finish = (result) => {
    clearTimeout(timer);
    worker.removeEventListener('message', onMessage);
    worker.removeEventListener('error', onError);
    // A long task's entry comes after the task ends: collect a moment later.
    setTimeout(() => {
      const tasks = window.benchTasks.filter((t) => t.start < result.end && t.start + t.duration > posted);
      resolve({ ...result, tasks });
    }, 200);
  };
  const drop = () => {
    worker.terminate();
    window.benchWorker = null;
  };
  // A big diagram comes in part messages ahead of the answer (src/worker/parts.ts).
  let partNodes = 0;
  let partReadMs = 0;
  const onMessage = (event) => {
    const received = performance.now();
    const data = event.data;
    const end = performance.now();
    if ('progress' in data || data.requestId !== request.requestId) return;
    if ('part' in data) {
      partNodes += data.part.nodes.length;
      partReadMs += end - received;
      return;
    }
    finish({
      ms: end - posted,
      received: received - posted,
      deserialiseMs: partReadMs + end - received,
      end,
      error: data.ok ? undefined : data.message || 'cancelled',
      nodes: data.ok ? partNodes + data.diagram.nodes.length : 0,
    });
  };
  const onError = (event) => {
    event.preventDefault();
    drop();
    finish({ error: 'worker error: ' + event.message, end: performance.now() });
  };
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onError);
  timer = setTimeout(() => {
    drop();
    finish({ timedOut: true, end: performance.now() });
  }, timeoutMs);
  posted = performance.now();
  worker.postMessage(request);
});`;

interface PageLayout {
  ms?: number;
  /** ms from the post to the handler's start */
  received?: number;
  deserialiseMs?: number;
  end: number;
  error?: string;
  timedOut?: true;
  nodes?: number;
  tasks: { start: number; duration: number }[];
}

export interface WorkerLayoutSize {
  /** Leaves asked of `syntheticFlowDiagram()`. */
  size: number;
  /** The model: nodes (groups count) and edges. */
  nodes: number;
  edges: number;
  /** Counted layouts asked for, and done. */
  runs: number;
  done: number;
  timedOut: boolean;
  /** ms, post → result read on the main thread */
  ms: number[];
  stats: Stats | null;
  /** ms reading `event.data` of the result (deserialising it), median */
  deserialiseMs: number | null;
  /** Main-thread long tasks between post and read, over all counted runs. */
  longTasks: { count: number; maxMs: number };
  /** The longest task that delivered a result (0 when each was under 50 ms). */
  receiveTaskMs: number | null;
}

export interface WorkerLayoutResults {
  date: string;
  chromium: string;
  worker: { file: string; bytes: number };
  timeoutMs: number;
  sizes: WorkerLayoutSize[];
}

/** The synthetic text with one node's label changed, so no cache knows it. */
function variant(text: string, tag: string): string {
  const first = 'c0n0["api 0.0"]';
  if (!text.includes(first)) throw new Error(`syntheticFlowDiagram() no longer writes ${first}`);
  return text.replace(first, `c0n0["api 0.0 ${tag}"]`);
}

/** Counted layouts per size: 5 up to 300 leaves, 3 up to 1000, then 2. */
export function workerRuns(size: number): number {
  return size <= 300 ? 5 : size <= 1000 ? 3 : 2;
}

/** Lays out every size in the app's worker, prints a table and returns the figures. */
export async function runWorkerLayoutBench(
  sizes: number[] = [300, 1000, 3000],
  options: { timeoutMs?: number; runs?: (size: number) => number } = {},
): Promise<WorkerLayoutResults> {
  const timeoutMs = options.timeoutMs ?? 300_000;
  const runsFor = options.runs ?? workerRuns;
  const outDir = mkdtempSync(join(tmpdir(), 'flowdeck-worker-bench-'));
  const browser = await launchChromium();
  try {
    process.stderr.write('building the app (vite build, temp dir)…\n');
    const bundle = await buildApp(outDir, { compress: false });
    const worker = bundle.files.find(
      (f) => f.kind === 'worker' && f.file.includes('layout.worker'),
    );
    if (!worker) throw new Error('the build has no layout worker');
    const url = `${ORIGIN}/app/${worker.file}`;

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openFilePage(page, ORIGIN, { app: outDir });
    await page.addScriptTag({ content: PAGE });

    let requestId = 0;
    const layout = (text: string, file: string, timeout = timeoutMs): Promise<PageLayout> => {
      const request: LayoutRequest = { requestId: ++requestId, channel: 'view', text, file };
      return page.evaluate(
        ([url, request, timeout]) =>
          (
            window as unknown as {
              benchLayout(u: string, r: LayoutRequest, t: number): Promise<PageLayout>;
            }
          ).benchLayout(url, request, timeout),
        [url, request, timeout] as const,
      );
    };
    const seed = seedCharts()[0];
    if (!seed) throw new Error('no seed chart');
    const warmWorker = async () => {
      if (await page.evaluate('window.benchWorker !== null')) return;
      // A fresh worker compiles its bundle first: not the synthetic's timeout.
      const first = await layout(seed.text, seed.file, SEED_TIMEOUT_MS);
      if (first.error || first.timedOut)
        throw new Error(`seed layout: ${first.error ?? 'timed out'}`);
      // Then V8 keeps optimising ELK over the next few layouts (a 300-leaf
      // layout takes some six to settle): warm it as the Node bench does.
      const mid = syntheticFlowDiagram(300);
      for (let i = 0; i < 4; i++) await layout(variant(mid, `warm ${i}`), 'bench-warm.mmd');
    };

    const results: WorkerLayoutSize[] = [];
    for (const size of sizes) {
      const file = `bench-${size}.mmd`;
      const text = syntheticFlowDiagram(size);
      const { model } = parseDiagram(text, { file });
      if (!model) throw new Error(`${file} does not parse`);
      const runs = runsFor(size);
      process.stderr.write(`${size} leaves (${model.nodes.length} nodes): `);
      await warmWorker();
      const counted: PageLayout[] = [];
      let timedOut = false;
      for (let i = 0; i <= runs && !timedOut; i++) {
        const r = await layout(variant(text, i === 0 ? 'warm' : `run ${i}`), file);
        process.stderr.write(r.timedOut ? 'timed out ' : `${((r.ms ?? 0) / 1000).toFixed(1)} s `);
        if (r.timedOut) timedOut = true;
        else if (r.error) throw new Error(`${file}: ${r.error}`);
        else if (r.nodes !== model.nodes.length)
          throw new Error(`${file}: ${r.nodes} nodes laid out of ${model.nodes.length}`);
        else if (i > 0) counted.push(r);
      }
      process.stderr.write('\n');
      results.push(
        summarise(size, model.nodes.length, model.edges.length, runs, counted, timedOut),
      );
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);

    const out: WorkerLayoutResults = {
      date: new Date().toISOString(),
      chromium: browser.version(),
      worker: { file: worker.file, bytes: worker.raw },
      timeoutMs,
      sizes: results,
    };
    printTable(out);
    return out;
  } finally {
    await browser.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

function summarise(
  size: number,
  nodes: number,
  edges: number,
  runs: number,
  counted: PageLayout[],
  timedOut: boolean,
): WorkerLayoutSize {
  const round = (v: number) => Math.round(v * 10) / 10;
  const ms = counted.map((r) => round(r.ms ?? 0));
  const tasks = counted.flatMap((r) => r.tasks);
  // The task that ran the message handler started before the handler did.
  const receiveTask = (r: PageLayout) => {
    const at = r.end - (r.ms ?? 0) + (r.received ?? 0);
    return r.tasks.find((t) => t.start <= at && at <= t.start + t.duration)?.duration ?? 0;
  };
  return {
    size,
    nodes,
    edges,
    runs,
    done: counted.length,
    timedOut,
    ms,
    stats: ms.length ? stats(ms) : null,
    deserialiseMs: counted.length ? round(median(counted.map((r) => r.deserialiseMs ?? 0))) : null,
    longTasks: {
      count: tasks.length,
      maxMs: round(Math.max(0, ...tasks.map((t) => t.duration))),
    },
    receiveTaskMs: counted.length ? round(Math.max(...counted.map(receiveTask))) : null,
  };
}

function printTable(r: WorkerLayoutResults): void {
  const s = (v: number) => (v / 1000).toFixed(2);
  const rows = [
    [
      'leaves',
      'nodes',
      'edges',
      'runs',
      'post → result s (min–max)',
      'read data ms',
      'long tasks (max ms)',
      'receiving task max ms',
    ],
  ];
  for (const z of r.sizes) {
    const time = z.stats ? `${s(z.stats.median)} (${s(z.stats.min)}–${s(z.stats.max)})` : '';
    rows.push([
      String(z.size),
      String(z.nodes),
      String(z.edges),
      `${z.done}/${z.runs}`,
      z.timedOut ? `${time} timed out`.trim() : time,
      z.deserialiseMs === null ? '' : z.deserialiseMs.toFixed(1),
      `${z.longTasks.count} (${z.longTasks.maxMs.toFixed(0)})`,
      z.receiveTaskMs === null ? '' : z.receiveTaskMs.toFixed(0),
    ]);
  }
  console.log(
    `\nLayout in the app's worker (${r.worker.file}, ${(r.worker.bytes / 1024).toFixed(0)} KiB), ` +
      `synthetic nested diagrams, headless Chromium ${r.chromium}\n`,
  );
  console.log(table(rows));
  console.log(
    '\nafter a seed chart, four 300-leaf layouts and one uncounted layout per size; each request a new label (no cache hit); ' +
      'post → result = postMessage to event.data read on the main thread, median; ' +
      'read data = reading event.data (deserialising); long tasks = main-thread tasks over 50 ms ' +
      'between post and read, all counted runs; receiving task = the longest task that delivered ' +
      `a result (0: under 50 ms). Timeout ${r.timeoutMs / 1000} s per layout.`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = process.argv.slice(2).map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('sizes: positive integers');
  const workerLayout = await runWorkerLayoutBench(sizes.length ? sizes : undefined);
  console.log(`\nwrote ${writeResults({ workerLayout })}`);
}
