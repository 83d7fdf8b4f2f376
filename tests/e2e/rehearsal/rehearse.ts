import type { Browser, Page } from 'playwright-core';
import { allowTsxFunctions, measureScreen, type ScreenFigures } from './measure.ts';
import type { Screen } from './screens.ts';

export interface ScreenSize {
  width: number;
  height: number;
}

export interface ScreenResult {
  screen: Screen;
  figures: ScreenFigures;
}

const TIMEOUT_MS = 30_000;

/**
 * In the page: true once the URL is `want`'s, the canvas shows its diagram
 * and counter, its fonts are in, and its camera, size and node states have
 * not changed for 2 frames (polled each frame). The camera jumps under
 * reduced motion, but a caption of another height resizes the canvas and
 * refits it a frame later.
 */
function stillOn(want: { diagram: string; counter: string; hash: string }): boolean {
  const w = window as unknown as { __fdStill?: { key: string; frames: number } | null };
  const canvas = document.querySelector<HTMLElement>('.fd-canvas');
  const viewport = canvas?.querySelector<HTMLElement>('.react-flow__viewport');
  const counter = document.querySelector('.fd-step-count')?.textContent?.trim();
  if (
    !canvas ||
    !viewport ||
    decodeURIComponent(window.location.hash) !== decodeURIComponent(want.hash) ||
    canvas.dataset.diagramId !== want.diagram ||
    canvas.dataset.morphing !== undefined ||
    counter !== want.counter ||
    document.documentElement.dataset.mode !== 'presenter' ||
    document.fonts.status !== 'loaded'
  ) {
    w.__fdStill = null;
    return false;
  }
  const r = canvas.getBoundingClientRect();
  const states = [...viewport.querySelectorAll<HTMLElement>('[data-node-id]')]
    .map((e) => e.dataset.state)
    .join();
  const key = `${getComputedStyle(viewport).transform}|${r.width}x${r.height}|${states}`;
  const last = w.__fdStill;
  if (!last || last.key !== key) {
    w.__fdStill = { key, frames: 0 };
    return false;
  }
  last.frames += 1;
  return last.frames >= 2;
}

/** Waits until `screen` is shown and still (see `stillOn`). */
export async function waitStill(page: Page, screen: Screen) {
  try {
    await page.waitForFunction(
      stillOn,
      { diagram: screen.diagram, counter: screen.counter, hash: screen.hash },
      { polling: 'raf', timeout: TIMEOUT_MS },
    );
  } catch (error) {
    const shown = await page.evaluate(() => ({
      hash: window.location.hash,
      counter: document.querySelector('.fd-step-count')?.textContent ?? null,
      mode: document.documentElement.dataset.mode ?? null,
    }));
    throw new Error(
      `${screen.name}: never settled (want ${screen.counter}; page at ${JSON.stringify(shown)}): ${String(error)}`,
    );
  }
}

/**
 * Steps a page of `size` through `screens` in presenter mode as a teacher
 * would (the first screen of each flow or deck opened by its route, the
 * rest reached with its key), and measures each once it is still. One page
 * for all: presenter mode stays on from one diagram to the next. Reduced
 * motion, so the camera jumps to each framing rather than flying there; the
 * framing it lands on is the same.
 */
export async function rehearse(
  browser: Browser,
  base: string,
  size: ScreenSize,
  screens: readonly Screen[],
): Promise<ScreenResult[]> {
  const context = await browser.newContext({
    viewport: size,
    locale: 'en-US',
    reducedMotion: 'reduce',
  });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const results: ScreenResult[] = [];
    let started = false;
    for (const screen of screens) {
      if (!started) {
        await page.goto(`${base}${screen.hash}`);
        await page.waitForSelector('.fd-canvas .react-flow__node', { timeout: TIMEOUT_MS });
        await allowTsxFunctions(page);
        await page.evaluate(() => document.fonts.ready);
        // The pointer off the diagram, then presenter mode, as a teacher starts.
        await page.mouse.move(0, 0);
        await page.keyboard.press('p');
        started = true;
      } else if (screen.key === null) {
        await page.evaluate((hash) => {
          window.location.hash = hash;
        }, screen.hash);
      } else {
        await page.keyboard.press(screen.key);
      }
      await waitStill(page, screen);
      results.push({ screen, figures: await measureScreen(page) });
    }
    if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
    return results;
  } finally {
    await context.close();
  }
}
