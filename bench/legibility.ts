/**
 * Legibility in presenter mode (issue 17): the rehearsal of
 * tests/e2e/rehearsal.test.ts (every flow step in diagrams/ and every deck
 * slide, stepped with the keys, at 1024×768 and 1920×1080), as figures
 * rather than a pass or a fail. Per screen size: the median and smallest of
 * each screen's smallest active label (font px × zoom), the share of screens
 * at ≥ 12 px, nodes not whole or covered, cut group titles, and the worst
 * screens by name.
 *
 * Run alone: `npm run bench:legibility` (about a minute, against a Vite dev
 * server it starts). `npm run bench` runs it too (BENCH_LEGIBILITY=0 skips
 * it). Results go to bench/results.json under `legibility`.
 */
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { launchChromium } from '../tests/e2e/chromium.ts';
import { formatSummary, type SizeSummary, summarise } from '../tests/e2e/rehearsal/legibility.ts';
import { rehearse } from '../tests/e2e/rehearsal/rehearse.ts';
import { rehearsalScreens } from '../tests/e2e/rehearsal/screens.ts';
import { ROOT } from './bundle.ts';
import { writeResults } from './results.ts';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
];
const WORST = 10;

/** A size's summary as kept in results.json: every figure, the worst screens only. */
export type LegibilitySize = Omit<SizeSummary, 'lines'> & { worst: SizeSummary['lines'] };

export interface LegibilityResults {
  date: string;
  chromium: string;
  sizes: LegibilitySize[];
}

/** Serves the app, rehearses at each size, prints and returns the figures. */
export async function runLegibilityBench(): Promise<LegibilityResults> {
  let server: ViteDevServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await createServer({
      root: ROOT,
      configFile: `${ROOT}vite.config.ts`,
      server: { port: 0, host: '127.0.0.1' },
      logLevel: 'error',
    });
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('Vite did not start');
    const base = `http://127.0.0.1:${address.port}/`;
    browser = await launchChromium();
    const screens = rehearsalScreens(`${ROOT}diagrams`);
    const sizes: LegibilitySize[] = [];
    console.log(
      `\nLegibility in presenter mode: ${screens.length} screens (flow steps and deck slides), ` +
        `headless Chromium ${browser.version()}\n`,
    );
    for (const size of SIZES) {
      process.stderr.write(`rehearsing at ${size.width}×${size.height}…\n`);
      const summary = summarise(size, await rehearse(browser, base, size, screens));
      console.log(`${formatSummary(summary, WORST)}\n`);
      const { lines, ...figures } = summary;
      sizes.push({ ...figures, worst: lines.slice(0, WORST) });
    }
    return { date: new Date().toISOString(), chromium: browser.version(), sizes };
  } finally {
    await browser?.close();
    await server?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const legibility = await runLegibilityBench();
  console.log(`wrote ${writeResults({ legibility })}`);
}
