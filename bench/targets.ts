/**
 * The performance issues' targets (issue 18's first loads and CLI, issue
 * 19's dense layouts among them) and the legibility targets of issue 17, read from bench/results.json: each with
 * its figure and whether it is met. `npx tsx bench/targets.ts` prints them
 * for the last run; `npm run bench` prints them at its end.
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TARGETS } from '../tests/e2e/rehearsal/legibility.ts';
import type { BrowserResults } from './browser.ts';
import type { ClassroomResults } from './classroom.ts';
import type { CliResults } from './cli.ts';
import type { DenseResults } from './denseLayout.ts';
import type { FrameResults } from './frames.ts';
import type { LayoutResults } from './layout.ts';
import type { LegibilityResults } from './legibility.ts';
import type { SideBySideResults } from './mermaidSideBySide.ts';
import { RESULTS_FILE, type Stats, stats } from './results.ts';
import type { WorkerLayoutResults } from './workerLayout.ts';

interface Results {
  layout?: LayoutResults;
  dense?: DenseResults;
  browser?: BrowserResults;
  cli?: CliResults;
  workerLayout?: WorkerLayoutResults;
  sideBySide?: SideBySideResults;
  frames?: FrameResults;
  legibility?: LegibilityResults;
  classroom?: ClassroomResults;
}

interface Target {
  what: string;
  figure: string;
  met: boolean | null;
}

export function checkTargets(r: Results): Target[] {
  const out: Target[] = [];
  const add = (what: string, figure: string, met: boolean | null) =>
    out.push({ what, figure, met });
  if (r.layout) {
    const seeds = r.layout.seeds;
    const slowest = (set: string) =>
      [...seeds].filter((s) => s.set === set).sort((a, b) => b.total - a.total)[0];
    const seed = slowest('seed');
    if (seed)
      add(
        'every seed flowchart: parse + measure + layout, warm, Node < 30 ms',
        `slowest ${seed.name} ${seed.total.toFixed(1)} ms`,
        seed.total < 30,
      );
    const shipped = slowest('diagrams');
    if (shipped)
      add(
        '  and every file in diagrams/',
        `slowest ${shipped.name} ${shipped.total.toFixed(1)} ms`,
        shipped.total < 30,
      );
    for (const leaves of [300, 1000, 3000]) {
      const up = r.layout.synthetic.find((s) => s.leaves === leaves && s.strategy === 'bottom-up');
      const one = r.layout.synthetic.find((s) => s.leaves === leaves && s.strategy === 'one run');
      if (up && one)
        add(
          `${leaves} leaves in Node: bottom-up against one ELK run (quality)`,
          `${up.ms} ms vs ${one.ms} ms; crossings ${up.crossings} vs ${one.crossings}; problems ${up.problems}`,
          up.problems === 0 ? null : false,
        );
    }
  }
  if (r.dense) addDense(r.dense, add);
  if (r.browser) addInstant(r.browser, add);
  if (r.cli) {
    for (const c of r.cli.commands) {
      const limit = CLI_LIMITS_MS[c.name];
      if (limit === undefined) continue;
      const rss = c.maxRssKiB === null ? '' : `, peak RSS ${(c.maxRssKiB / 1024).toFixed(0)} MiB`;
      add(
        `flowdeck ${c.args.join(' ')} ≤ ${limit / 1000} s`,
        `${range(c.stats)} ms over ${r.cli.runs} runs${rss}`,
        c.stats.median <= limit,
      );
    }
  }
  if (r.workerLayout) {
    const limits: Record<number, number> = { 300: 300, 1000: 1500, 3000: 6000 };
    for (const s of r.workerLayout.sizes) {
      const limit = limits[s.size];
      if (!limit) continue;
      const ms = s.stats?.median;
      add(
        `${s.size} leaves (${s.nodes} nodes) in the worker < ${limit} ms`,
        s.timedOut || ms === undefined ? 'timed out' : `median ${Math.round(ms)} ms`,
        !s.timedOut && ms !== undefined && ms < limit,
      );
      add(
        `  main thread meanwhile: no long task > 50 ms`,
        `${s.longTasks.count} (max ${Math.round(s.longTasks.maxMs)} ms); receiving the result ${Math.round(s.receiveTaskMs ?? 0)} ms`,
        s.longTasks.count === 0,
      );
    }
  }
  if (r.frames) {
    for (const run of r.frames.runs.filter((f) => f.kind === 'synthetic')) {
      add(
        `flow on ${run.nodes} nodes at ${run.viewport}: p95 frame < 20 ms`,
        `p95 ${run.playing.p95} ms, ${run.playing.slow} of ${run.playing.frames} frames > 25 ms`,
        run.playing.p95 < 20,
      );
    }
  }
  if (r.browser) {
    const gzip = r.browser.bundle.initialJs.gzip;
    add('initial JavaScript ≤ 250 KB gzip', `${(gzip / 1000).toFixed(1)} KB`, gzip <= 250_000);
    const main = r.browser.bundle.mainThread;
    const elk = !main.some((m) => m.library === 'elkjs');
    const others = [...new Set(main.map((m) => `${m.library} (${m.kind})`))].join(', ');
    add(
      'ELK only in the worker',
      `${elk ? 'no elkjs on the main thread' : 'elkjs on the main thread'}${others ? `; also there: ${others}` : ''}`,
      elk,
    );
  }
  if (r.legibility) {
    const at = (size: string) => r.legibility?.sizes.find((s) => s.size === size);
    const px = (v: number | null) => (v === null ? '–' : `${v.toFixed(1)} px`);
    const projector = at('1024×768');
    if (projector) {
      const bad = projector.notWhole.length + projector.covered.length;
      add(
        '1024×768 presenter mode: active and failed nodes whole and uncovered on every screen',
        `${projector.notWhole.length} not whole, ${projector.covered.length} covered, of ${projector.subjects} over ${projector.screens} screens`,
        bad === 0,
      );
      add(
        '  no title of a group around them cut',
        `${projector.cutTitles.length} cut (${projector.titlesOff.length} more out of frame)`,
        projector.cutTitles.length === 0,
      );
      add(
        `  smallest active label per screen: median ≥ ${TARGETS.projectorMedianPx} px`,
        `median ${px(projector.medianPx)}, smallest ${px(projector.smallestPx)}`,
        (projector.medianPx ?? 0) >= TARGETS.projectorMedianPx,
      );
      add(
        `  ≥ ${TARGETS.projectorFloorPx} px on ≥ ${TARGETS.projectorShare * 100}% of screens`,
        `${projector.atLeast12} of ${projector.labelled} (${(100 * (projector.share12 ?? 0)).toFixed(0)}%); under 11.5 px on ${projector.under11_5}`,
        (projector.share12 ?? 0) >= TARGETS.projectorShare,
      );
    }
    const wide = at('1920×1080');
    if (wide)
      add(
        `1920×1080 presenter mode: smallest active label ≥ ${TARGETS.wideFloorPx} px on every screen`,
        `smallest ${px(wide.smallestPx)}`,
        (wide.smallestPx ?? 0) >= TARGETS.wideFloorPx,
      );
  }
  if (r.classroom) {
    const { latency, students, perStudent } = r.classroom;
    add(
      `classroom: a scene reaches ${students} students, p95 ≤ ${CLASSROOM_P95_MS} ms`,
      `p50 ${latency.p50}, p95 ${latency.p95}, p99 ${latency.p99} ms; server ${(perStudent.rss / 1024).toFixed(1)} KiB RSS per student`,
      latency.p95 <= CLASSROOM_P95_MS,
    );
  }
  if (r.sideBySide)
    add(
      'seed flowcharts, Flowdeck ÷ Mermaid (ELK) in the same Chromium',
      `${r.sideBySide.overall.flowdeckMs} vs ${r.sideBySide.overall.mermaidMs} ms, ratio ${r.sideBySide.overall.ratio}`,
      null,
    );
  return out;
}

/** Issue 18's limits, ms: medians of the painted times. */
const DIAGRAM_WARM_MS = 150;
const DIAGRAM_COLD_MS = 300;
const VIEW_MS = 300;
const GALLERY_COLD_MS = 800;
const CLI_LIMITS_MS: Record<string, number> = { help: 200, check: 400 };

/** Issue 20's limit on the live classroom's fan-out to 500 students. */
const CLASSROOM_P95_MS = 50;

/** Issue 19's limits on the dense graphs at the default crossing share, Node, warm, ms. */
const DENSE_MS: Record<number, number> = { 50: 60, 200: 250, 1000: 1500 };
const DENSE_TIME_RATIO = 0.5;
/** Issue 19: one change to a 200-node diagram laid out again, ms; nodes outside its groups moving, px. */
const EDIT_MS = 100;
const EDIT_MOVE_PX = 4;
const DENSE_CROSSING_RATIO = 1.2;

/** Issue 19: Flowdeck on dense graphs, against its own limits and plain ELK in the same run. */
function addDense(
  d: DenseResults,
  add: (what: string, figure: string, met: boolean | null) => void,
) {
  for (const r of d.results) {
    const limit = r.crossing === 0.45 ? DENSE_MS[r.leaves] : undefined;
    if (limit === undefined) continue;
    add(
      `dense ${r.leaves} leaves in Node, warm ≤ ${limit >= 1000 ? `${limit / 1000} s` : `${limit} ms`}`,
      `${range(r.flowdeck.ms)} ms on ${d.threads} threads (${d.cores} cores); one thread ${r.oneThread.ms.median} ms`,
      r.flowdeck.ms.median <= limit,
    );
  }
  for (const r of d.results) {
    const graph = `dense ${r.leaves} leaves, ${Math.round(r.crossing * 100)}% crossing`;
    add(
      `${graph}: time ≤ ${DENSE_TIME_RATIO}× plain ELK one run`,
      `${r.flowdeck.ms.median} vs ${r.plain.ms.median} ms, ${r.timeRatio}×`,
      r.timeRatio <= DENSE_TIME_RATIO,
    );
    const ratio = r.crossingRatio === null ? 'plain ELK has none' : `${r.crossingRatio}×`;
    add(
      `  crossings ≤ ${DENSE_CROSSING_RATIO}× plain ELK, every invariant kept`,
      `${r.flowdeck.crossings} vs ${r.plain.crossings}, ${ratio}; problems ${r.flowdeck.problems}`,
      r.crossingRatio !== null &&
        r.crossingRatio <= DENSE_CROSSING_RATIO &&
        r.flowdeck.problems === 0,
    );
  }
  for (const e of d.edits ?? []) {
    add(
      `dense 200 leaves, ${e.name}: laid out again ≤ ${EDIT_MS} ms`,
      `${e.ms} ms, ${e.runs} runs laid out again`,
      e.ms <= EDIT_MS,
    );
    add(
      `  nodes outside its zones move ≤ ${EDIT_MOVE_PX} px`,
      `mean ${e.outsideZones.mean}, max ${e.outsideZones.max} px; outside its pods max ${e.outsidePods.max} px`,
      e.outsideZones.max <= EDIT_MOVE_PX,
    );
  }
}

const range = (s: Stats) =>
  `median ${Math.round(s.median)} (${Math.round(s.min)}–${Math.round(s.max)})`;

/** Issue 18's first loads: the diagram URL, a deck, the speaker views, the gallery; and the layouts shipped. */
function addInstant(
  b: BrowserResults,
  add: (what: string, figure: string, met: boolean | null) => void,
) {
  for (const mode of ['warm', 'cold'] as const) {
    const all = b.loads.flatMap((l) => l[mode].painted);
    const limit = mode === 'warm' ? DIAGRAM_WARM_MS : DIAGRAM_COLD_MS;
    add(
      `diagram URL → painted, ${mode} ≤ ${limit} ms`,
      `${range(stats(all))} ms over ${all.length} loads of ${b.loads.length} diagrams`,
      b.overall[mode].painted <= limit,
    );
  }
  for (const v of b.instant?.views ?? []) {
    const gallery = v.url === '#/';
    for (const mode of gallery ? (['cold'] as const) : (['cold', 'warm'] as const)) {
      const loads = v[mode];
      if (!loads) continue;
      const limit = gallery ? GALLERY_COLD_MS : VIEW_MS;
      const failed = loads.errors[0];
      add(
        `${v.url} (${v.name}) → painted, ${mode} ≤ ${limit} ms`,
        failed
          ? `FAILED: ${failed}`
          : `${loads.stats ? range(loads.stats) : '–'} ms; worker built in ${loads.withWorker}, progress shown in ${loads.withProgress} of ${loads.painted.length}`,
        !failed && loads.stats !== null && loads.stats.median <= limit,
      );
    }
  }
  const files = b.layoutFiles;
  if (files) {
    const largest = [...files.diagrams].sort((x, y) => y.gzip.max - x.gzip.max)[0];
    add(
      'layouts shipped: the largest a view fetches; all of layouts/',
      `${largest ? `${largest.file} ${(largest.gzip.max / 1000).toFixed(1)} KB gzip` : '–'}; ` +
        `${files.total.files} files, ${(files.total.raw / 1000).toFixed(0)} KB (${(files.total.gzip / 1000).toFixed(0)} KB gzip)`,
      null,
    );
  }
}

export function targets(): string {
  if (!existsSync(RESULTS_FILE)) return 'no bench/results.json yet';
  const results = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Results;
  const mark = (met: boolean | null) => (met === null ? '   ' : met ? 'met' : 'NOT');
  const m = results.browser?.machine;
  const cpus = m?.cpus ?? results.cli?.cpus ?? results.dense?.cores;
  const machine = cpus
    ? `measured on ${cpus} CPUs${m ? ` (${m.cpuModel}), Chromium ${m.chromium}` : ''}; medians (min–max)\n`
    : '';
  return (
    machine +
    checkTargets(results)
      .map((t) => `${mark(t.met)}  ${t.what}: ${t.figure}`)
      .join('\n')
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(targets());
}
