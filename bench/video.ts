/**
 * Video and GIF of a flow (issue 21): kubectl-apply's 8 steps (33 s).
 *
 * - `cli`: `flowdeck export diagrams/kubectl-apply.yaml -o x.gif` (and
 *   .apng) at 960 and 1280 px wide, 15 fps, timed from spawn to exit, no
 *   browser (frames through resvg).
 * - `app`: the built site in headless Chromium (no GPU) at 1280×800: Export
 *   → Video or GIF… → Export, timed from the click to the download, for an
 *   MP4 at 720p (30 fps), 1080p, and a GIF (960 px, 15 fps). The dialog logs
 *   its own figures (`console.debug('flowdeck video', …)`): frames, distinct
 *   pictures, drawing and waiting time.
 *
 * Run alone: `npm run bench:video` (BENCH_VIDEO_RUNS=3 runs each). `npm run
 * bench` runs it last (BENCH_VIDEO=0 skips it). Results go to
 * bench/results.json under `video`. How close a frame is to the player is
 * measured by tests/e2e/videoFrames.test.ts and video.test.ts (they print it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { buildCli } from '../scripts/buildCli.ts';
import { launchChromium } from '../tests/e2e/chromium.ts';
import { buildApp, ROOT, serveBuild, table } from './bundle.ts';
import { median, runsFromEnv, writeResults } from './results.ts';

const FILE = 'diagrams/kubectl-apply.yaml';

interface Export {
  name: string;
  /** Wall seconds, per run. */
  seconds: number[];
  bytes: number;
  /** Frames in the file's time (duration × fps) and distinct pictures drawn, when known. */
  frames?: number;
  distinct?: number;
  /** What the app's dialog says it spent, median ms per distinct picture. */
  drawMsPerPicture?: number;
  waitMsPerPicture?: number;
}

export interface VideoResults {
  date: string;
  runs: number;
  cpus: number;
  load: number;
  cli: Export[];
  app: Export[];
}

const CLI_CASES = [
  { name: 'GIF 960 px, 15 fps', args: ['--width', '960', '--fps', '15'], ext: 'gif' },
  { name: 'GIF 1280 px, 15 fps', args: ['--width', '1280', '--fps', '15'], ext: 'gif' },
  { name: 'APNG 960 px, 15 fps', args: ['--width', '960', '--fps', '15'], ext: 'apng' },
];

function runCli(runs: number): Export[] {
  const dir = mkdtempSync(join(tmpdir(), 'flowdeck-video-'));
  try {
    return CLI_CASES.map((c) => {
      const out = join(dir, `k.${c.ext}`);
      const seconds: number[] = [];
      let printed = '';
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const result = spawnSync(
          process.execPath,
          ['bin/flowdeck.js', 'export', FILE, '-o', out, ...c.args],
          { cwd: ROOT, encoding: 'utf8' },
        );
        if (result.status !== 0) throw new Error(`flowdeck export failed: ${result.stderr}`);
        seconds.push((performance.now() - start) / 1000);
        printed = result.stdout;
      }
      const frames = /(\d+) frames/.exec(printed);
      return {
        name: c.name,
        seconds,
        bytes: statSync(out).size,
        ...(frames ? { distinct: Number(frames[1]) } : {}),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const APP_CASES = [
  { name: 'MP4 720p, 30 fps', format: 'Video', size: '720p' },
  { name: 'MP4 1080p, 30 fps', format: 'Video', size: '1080p' },
  { name: 'GIF 960 px, 15 fps', format: 'GIF', size: '720p' },
];

async function runApp(browser: Browser, base: string, runs: number): Promise<Export[]> {
  const results: Export[] = [];
  for (const c of APP_CASES) {
    const seconds: number[] = [];
    const draw: number[] = [];
    const wait: number[] = [];
    let bytes = 0;
    let frames = 0;
    let distinct = 0;
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      let logged: Record<string, number> | undefined;
      page.on('console', (message) => {
        const m = /^flowdeck video (.*)$/.exec(message.text());
        if (m?.[1]) logged = JSON.parse(m[1]);
      });
      await page.goto(`${base}#/d/kubectl-apply/apply/1`);
      await page.waitForSelector('.fd-canvas .react-flow__node', { timeout: 60_000 });
      await page.click('.fd-export > summary');
      await page.getByRole('button', { name: 'Video or GIF…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Video or GIF of the flow' });
      await dialog.getByRole('radio', { name: c.format, exact: true }).check();
      await dialog.getByLabel('Size').selectOption(c.size);
      const start = performance.now();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 300_000 }),
        page.getByRole('button', { name: 'Export', exact: true }).click(),
      ]);
      const path = await download.path();
      seconds.push((performance.now() - start) / 1000);
      bytes = readFileSync(path).length;
      if (logged) {
        frames = logged.frames ?? 0;
        distinct = logged.distinct ?? 0;
        if (distinct) {
          draw.push((logged.rasterMs ?? 0) / distinct);
          wait.push((logged.waitMs ?? 0) / distinct);
        }
      }
      await context.close();
    }
    results.push({
      name: c.name,
      seconds,
      bytes,
      frames,
      distinct,
      ...(draw.length ? { drawMsPerPicture: median(draw), waitMsPerPicture: median(wait) } : {}),
    });
  }
  return results;
}

function format(title: string, rows: Export[]): string {
  return `${title}\n${table([
    ['export', 'median s', 'runs (s)', 'size', 'frames / distinct', 'draw / wait ms per picture'],
    ...rows.map((r) => [
      r.name,
      median(r.seconds).toFixed(1),
      r.seconds.map((s) => s.toFixed(1)).join(' '),
      `${(r.bytes / 1e6).toFixed(2)} MB`,
      r.frames ? `${r.frames} / ${r.distinct}` : `${r.distinct ?? '–'} distinct`,
      r.drawMsPerPicture === undefined
        ? ''
        : `${r.drawMsPerPicture.toFixed(1)} / ${(r.waitMsPerPicture ?? 0).toFixed(1)}`,
    ]),
  ])}`;
}

export async function runVideoBench(
  runs = runsFromEnv('BENCH_VIDEO_RUNS', 3),
): Promise<VideoResults> {
  await buildCli();
  process.stderr.write('video: the CLI\n');
  const cli = runCli(runs);
  console.log(format('\nGIF and APNG from the CLI (kubectl-apply, 33 s)', cli));
  const outDir = mkdtempSync(join(tmpdir(), 'flowdeck-bench-'));
  let server: Awaited<ReturnType<typeof serveBuild>> | undefined;
  let browser: Browser | undefined;
  try {
    process.stderr.write('video: building the app\n');
    await buildApp(outDir, { compress: false });
    server = await serveBuild(outDir);
    browser = await launchChromium();
    process.stderr.write('video: the app\n');
    const app = await runApp(browser, server.base, runs);
    console.log(format('\nVideo and GIF in the app (headless Chromium, no GPU)', app));
    return {
      date: new Date().toISOString(),
      runs,
      cpus: cpus().length,
      load: loadavg()[0] ?? 0,
      cli,
      app,
    };
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeResults({ video: await runVideoBench() });
}
