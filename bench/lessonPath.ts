/**
 * The teacher's path in a real browser (issue 16): from a gallery that has
 * drawn every card, Start lesson → the first slide painted; then the slide's
 * diagram link and Back → the deck painted again. Both reuse layouts the tab
 * already has, so they measure the deck's own wait, not ELK's.
 */
import type { Browser, Page } from 'playwright-core';
import { median } from './results.ts';

export interface LessonPath {
  /** Gallery → Start lesson → first slide painted, ms per run. */
  start: number[];
  /** Deck → its diagram → Back → deck painted, ms per run. */
  back: number[];
  median: { start: number; back: number };
}

const TIMEOUT_MS = 60_000;

/**
 * Runs `act` in the page (click Start lesson, or go back) and resolves the ms
 * until a deck is drawn and painted (two frames). Plain JavaScript in a
 * string, like browser.ts's probe: tsx's helpers do not exist in the page.
 */
const TIME_TO_DECK = `(act) => new Promise((resolve, reject) => {
  const ready = () =>
    document.querySelector('.fd-deckbar') !== null &&
    document.querySelector('.fd-canvas .react-flow__node') !== null;
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
  const started = performance.now();
  const timer = setTimeout(() => reject(new Error('no deck after ${TIMEOUT_MS} ms')), ${TIMEOUT_MS});
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    clearTimeout(timer);
    frame().then(frame).then(() => resolve(performance.now() - started));
  });
  observer.observe(document, { childList: true, subtree: true });
  if (act === 'back') history.back();
  else document.querySelector('.fd-lesson-actions a')?.click();
})`;

function timeToDeck(page: Page, act: 'start' | 'back'): Promise<number> {
  return page.evaluate(`(${TIME_TO_DECK})(${JSON.stringify(act)})`) as Promise<number>;
}

/** `runs` times, each in a new context: the gallery drawn, then the lesson path. */
export async function measureLessonPath(
  browser: Browser,
  base: string,
  runs: number,
): Promise<LessonPath> {
  const start: number[] = [];
  const back: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    try {
      const page = await context.newPage();
      await page.goto(base);
      await page.waitForSelector('.fd-card', { timeout: TIMEOUT_MS });
      await page.waitForFunction(
        () => document.querySelectorAll('.fd-card-thumb[data-loading]').length === 0,
        null,
        { timeout: TIMEOUT_MS },
      );
      start.push(Math.round(await timeToDeck(page, 'start')));
      await page.locator('.fd-deck-open').click();
      await page.waitForSelector('.fd-flowstart, .fd-flowbar', { timeout: TIMEOUT_MS });
      back.push(Math.round(await timeToDeck(page, 'back')));
    } finally {
      await context.close();
    }
  }
  return { start, back, median: { start: median(start), back: median(back) } };
}
