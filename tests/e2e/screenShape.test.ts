import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium.ts';
import { diagramModels } from './diagramFiles.ts';

// Layouts are shaped for the window's screen shape (issue 17): the shape
// travels with every layout request and comes back on the diagram, which
// the canvas and the speaker view say in `data-shape`.
const DIAGRAM = 'kubectl-apply';
const FLOW = 'apply';
const steps = diagramModels()
  .find((m) => m.id === DIAGRAM)
  ?.flows.find((f) => f.id === FLOW)?.steps.length;
if (!steps || steps < 3) throw new Error(`${DIAGRAM} has no flow ${FLOW} of 3 steps or more`);

const base = () => inject('baseUrl');
const PROJECTOR = { width: 1024, height: 768 };
const WIDE = { width: 1920, height: 1080 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(viewport: { width: number; height: number }, hash: string) {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${base()}${hash}`);
  return { context, page };
}

const shapeOf = (page: Page, selector: string) =>
  page.locator(selector).getAttribute('data-shape', { timeout: 60_000 });

describe('layouts shaped for the screen', () => {
  it('a 4:3 window and a 16:9 window ask for their own shapes', async () => {
    const projector = await open(PROJECTOR, `#/d/${DIAGRAM}`);
    const wide = await open(WIDE, `#/d/${DIAGRAM}`);
    expect(await shapeOf(projector.page, '.fd-canvas')).toBe('4:3');
    expect(await shapeOf(wide.page, '.fd-canvas')).toBe('16:9');
    await projector.context.close();
    await wide.context.close();
  });

  it('a resize into another shape lays the diagram out again, on the same step', async () => {
    const { context, page } = await open(WIDE, `#/d/${DIAGRAM}/${FLOW}/3`);
    await page.waitForSelector('.fd-flowbar', { timeout: 60_000 });
    expect(await shapeOf(page, '.fd-canvas')).toBe('16:9');
    await page.setViewportSize(PROJECTOR);
    await expect.poll(() => shapeOf(page, '.fd-canvas'), { timeout: 30_000 }).toBe('4:3');
    expect(page.url()).toContain(`#/d/${DIAGRAM}/${FLOW}/3`);
    expect(await page.locator('.fd-flowbar .fd-step-count').innerText()).toBe(`Step 3 of ${steps}`);
    await context.close();
  });

  it("the speaker view draws the audience's layout, not one for its own window", async () => {
    const { context, page: main } = await open(WIDE, `#/d/${DIAGRAM}/${FLOW}/1`);
    await main.waitForSelector('.fd-flowbar', { timeout: 60_000 });
    const speaker = await context.newPage();
    // A portrait window: left to itself, it would ask for 3:4.
    await speaker.setViewportSize({ width: 768, height: 1024 });
    await speaker.goto(`${base()}#/speaker/${DIAGRAM}/${FLOW}/1`);
    await expect.poll(() => shapeOf(speaker, '.fd-speaker'), { timeout: 30_000 }).toBe('16:9');
    // The projector's window changes shape: the speaker view follows.
    await main.bringToFront();
    await main.setViewportSize(PROJECTOR);
    await expect.poll(() => shapeOf(main, '.fd-canvas'), { timeout: 30_000 }).toBe('4:3');
    await expect.poll(() => shapeOf(speaker, '.fd-speaker'), { timeout: 30_000 }).toBe('4:3');
    await context.close();
  });

  it("a deck's speaker view draws the deck window's layouts", async () => {
    const { context, page: main } = await open(WIDE, '#/deck/part1/1');
    await main.waitForSelector('.fd-deckbar', { timeout: 60_000 });
    expect(await shapeOf(main, '.fd-canvas')).toBe('16:9');
    const speaker = await context.newPage();
    await speaker.setViewportSize({ width: 768, height: 1024 });
    await speaker.goto(`${base()}#/speaker-deck/part1/1`);
    await expect.poll(() => shapeOf(speaker, '.fd-speaker'), { timeout: 60_000 }).toBe('16:9');
    await context.close();
  });
});
