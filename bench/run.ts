/**
 * `npm run bench`: every performance figure in one run, into
 * bench/results.json, then the targets of the performance issue, met or not.
 *
 * - `layout`: parse, measure and layout in Node (bench/layout.ts);
 * - `shapes`: layouts shaped for 16:9 and 4:3 screens against as written (bench/shapes.ts);
 * - `dense`: dense nested graphs of 50–3000 nodes, Flowdeck against plain
 *   ELK in one run, side by side (bench/denseLayout.ts);
 * - `browser`: opening a diagram URL to a painted diagram (bench/browser.ts),
 *   then a deck, the speaker views and the gallery (bench/instant.ts), and the
 *   bytes of the layouts the build ships (bench/layoutFiles.ts);
 * - `cli`: `flowdeck --help` and `flowdeck check` from spawn to exit (bench/cli.ts);
 * - `workerLayout`: synthetic 300/1000/3000-leaf diagrams in the app's
 *   worker, with main-thread long tasks (bench/workerLayout.ts);
 * - `sideBySide`: the seed flowcharts in Mermaid (ELK layout) and Flowdeck
 *   in the same Chromium (bench/mermaidSideBySide.ts);
 * - `frames`: frame times while a flow plays (bench/frames.ts);
 * - `drawBig`: main-thread long tasks while a 1282- and a 3844-node diagram
 *   are drawn (bench/drawBig.ts);
 * - `legibility`: every flow step and deck slide in presenter mode at
 *   1024×768 and 1920×1080: label sizes, nodes out of frame or covered, cut
 *   group titles (bench/legibility.ts);
 * - `classroom`: the live classroom's server with 500 students: a scene's
 *   latency from the teacher to each student, and memory per student
 *   (bench/classroom.ts);
 * - `video`: kubectl-apply's flow as GIF and APNG from the CLI and as MP4
 *   and GIF from the app's Export menu: time and size (bench/video.ts).
 *
 * BENCH_<PART>=0 skips a part (BENCH_LAYOUT, BENCH_SHAPES, BENCH_DENSE, BENCH_BROWSER,
 * BENCH_CLI, BENCH_WORKER, BENCH_MERMAID, BENCH_FRAMES, BENCH_DRAW, BENCH_LEGIBILITY,
 * BENCH_CLASSROOM, BENCH_VIDEO). A benchmark,
 * not a test: these machines are shared, so read medians and ratios, not
 * single runs.
 */
import { browserRuns, runBrowserBench } from './browser.ts';
import { classroomSize, formatClassroom, runClassroomBench } from './classroom.ts';
import { cliRuns, formatCli, runCliBench } from './cli.ts';
import { formatDense, runDenseBench } from './denseLayout.ts';
import { runDrawBigBench } from './drawBig.ts';
import { runFrameBench } from './frames.ts';
import { formatLayout, runLayoutBench } from './layout.ts';
import { runLegibilityBench } from './legibility.ts';
import { runMermaidSideBySide } from './mermaidSideBySide.ts';
import { RESULTS_FILE, writeResults } from './results.ts';
import { formatShapes, runShapesBench } from './shapes.ts';
import { targets } from './targets.ts';
import { runVideoBench } from './video.ts';
import { runWorkerLayoutBench } from './workerLayout.ts';

const on = (part: string) => process.env[`BENCH_${part}`] !== '0';

if (on('LAYOUT')) {
  const layout = await runLayoutBench();
  console.log(formatLayout(layout));
  writeResults({ layout });
}
if (on('SHAPES')) {
  const shapes = await runShapesBench();
  console.log(formatShapes(shapes));
  writeResults({ shapes });
}
if (on('DENSE')) {
  const dense = await runDenseBench();
  console.log(formatDense(dense));
  writeResults({ dense });
}
if (on('BROWSER')) writeResults({ browser: await runBrowserBench(browserRuns()) });
if (on('CLI')) {
  const cli = await runCliBench(cliRuns());
  console.log(formatCli(cli));
  writeResults({ cli });
}
if (on('WORKER')) writeResults({ workerLayout: await runWorkerLayoutBench() });
if (on('MERMAID')) writeResults({ sideBySide: await runMermaidSideBySide() });
if (on('FRAMES')) writeResults({ frames: await runFrameBench() });
if (on('DRAW')) writeResults({ drawBig: await runDrawBigBench() });
if (on('LEGIBILITY')) writeResults({ legibility: await runLegibilityBench() });
if (on('CLASSROOM')) {
  const { students, scenes } = classroomSize();
  const classroom = await runClassroomBench(students, scenes);
  console.log(formatClassroom(classroom));
  writeResults({ classroom });
}
if (on('VIDEO')) writeResults({ video: await runVideoBench() });
console.log(`\nwrote ${RESULTS_FILE}\n`);
console.log(targets());
