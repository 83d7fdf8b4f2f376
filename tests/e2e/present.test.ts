import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { artifactPath, launchChromium } from './chromium.ts';
import { diagramModels, settle } from './diagramFiles.ts';

// The flow with the most steps, so there is room to step both ways.
const longest = diagramModels()
  .flatMap((model) => model.flows.map((flow) => ({ diagram: model.id, flow })))
  .sort((a, b) => b.flow.steps.length - a.flow.steps.length)[0];
if (!longest || longest.flow.steps.length < 6) throw new Error('need a flow of 6 steps or more');
const { diagram } = longest;
const flowId = longest.flow.id;

let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function open(hash: string, options: BrowserContextOptions = {}): Promise<Page> {
  context = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    locale: 'en-US',
    ...options,
  });
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}${hash}`);
  await page.waitForSelector('.fd-canvas .react-flow__node', { timeout: 30_000 });
  await settle(page);
  return page;
}

const flowHash = (step: number) => `#/d/${diagram}/${flowId}/${step}`;
const mode = (page: Page) => page.evaluate(() => document.documentElement.dataset.mode ?? null);

/** The React Flow camera's zoom, read from the viewport's transform. */
const zoom = (page: Page) =>
  page.evaluate(() => {
    const element = document.querySelector<HTMLElement>('.react-flow__viewport');
    return element ? new DOMMatrixReadOnly(getComputedStyle(element).transform).a : Number.NaN;
  });

/** The blank cover, if any: its colour and whether it covers the whole viewport. */
const cover = (page: Page) =>
  page.evaluate(() => {
    const element = document.querySelector<HTMLElement>('.fd-blank');
    if (!element) return null;
    const box = element.getBoundingClientRect();
    // What is on top at the centre and the corners is the cover itself.
    const points: [number, number][] = [
      [innerWidth / 2, innerHeight / 2],
      [1, 1],
      [innerWidth - 2, innerHeight - 2],
    ];
    return {
      background: getComputedStyle(element).backgroundColor,
      covers:
        box.left <= 0 &&
        box.top <= 0 &&
        box.right >= innerWidth &&
        box.bottom >= innerHeight &&
        points.every(([x, y]) => document.elementFromPoint(x, y) === element),
    };
  });

/** The caption band's size and place. */
const caption = (page: Page) =>
  page.evaluate(() => {
    const element = document.querySelector<HTMLElement>('.fd-caption');
    if (!element) return null;
    const box = element.getBoundingClientRect();
    return {
      fontSize: Number.parseFloat(getComputedStyle(element).fontSize),
      inside:
        box.left >= 0 &&
        box.top >= 0 &&
        box.right <= innerWidth &&
        box.bottom <= innerHeight &&
        box.width > 0 &&
        box.height > 0,
      // Nothing on the page is wider or taller than the screen.
      overflows:
        document.documentElement.scrollWidth > innerWidth ||
        document.documentElement.scrollHeight > innerHeight,
      text: element.innerText,
    };
  });

async function present(page: Page) {
  await page.keyboard.press('p');
  await expect.poll(() => mode(page)).toBe('presenter');
  await settle(page);
}

describe('presenter mode', () => {
  it('p hides the chrome and shows a large caption with a step counter (1024×768)', async () => {
    const page = await open(flowHash(2));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    expect(await page.locator('.fd-header').isVisible()).toBe(true);
    await present(page);
    for (const selector of ['.fd-header', '.react-flow__controls', '.fd-controls'])
      expect(await page.locator(selector).isVisible(), selector).toBe(false);
    expect(await page.locator('.fd-caption').isVisible()).toBe(true);
    const box = await caption(page);
    expect(box?.fontSize).toBeGreaterThanOrEqual(28);
    expect(box?.inside).toBe(true);
    expect(box?.overflows).toBe(false);
    expect(box?.text).toContain('Step 2 of');
    // Wait for the hint to go before the picture.
    await page.waitForTimeout(3800);
    await page.screenshot({ path: artifactPath('present-1024-light.png') });
    expect(errors).toEqual([]);
  });

  it('fits and stays legible on a dark 1024×768 projector and on a 4K screen', async () => {
    const dark = await open(flowHash(4), { colorScheme: 'dark' });
    await present(dark);
    const small = await caption(dark);
    expect(small?.fontSize).toBeGreaterThanOrEqual(28);
    expect(small?.inside).toBe(true);
    expect(small?.overflows).toBe(false);
    await dark.waitForTimeout(3800);
    await dark.screenshot({ path: artifactPath('present-1024-dark.png') });
    await context?.close();

    const big = await open(flowHash(4), {
      viewport: { width: 3840, height: 2160 },
      deviceScaleFactor: 1,
    });
    await present(big);
    const large = await caption(big);
    expect(large?.fontSize).toBeGreaterThanOrEqual(56);
    expect(large?.inside).toBe(true);
    expect(large?.overflows).toBe(false);
    await big.waitForTimeout(3800);
    await big.screenshot({ path: artifactPath('present-3840.png') });
  });

  it('keeps the longest caption inside a 1024×768 screen', async () => {
    const wordiest = diagramModels()
      .flatMap((model) =>
        model.flows.flatMap((flow) =>
          flow.steps.map((step, i) => ({
            hash: `#/d/${model.id}/${flow.id}/${i + 1}`,
            length: step.caption?.length ?? 0,
          })),
        ),
      )
      .sort((a, b) => b.length - a.length)[0];
    if (!wordiest) throw new Error('no captions');
    const page = await open(wordiest.hash, { locale: 'ko-KR' });
    await present(page);
    const box = await caption(page);
    expect(box?.fontSize).toBeGreaterThanOrEqual(28);
    expect(box?.inside).toBe(true);
    expect(box?.overflows).toBe(false);
    await page.waitForTimeout(3800);
    await page.screenshot({ path: artifactPath('present-1024-longest-caption.png') });
  });

  it('steps with the clicker keys', async () => {
    const page = await open(flowHash(1));
    await present(page);
    const expectStep = (step: number) =>
      expect.poll(() => page.url()).toMatch(new RegExp(`/${flowId}/${step}$`));
    await page.keyboard.press('PageDown');
    await expectStep(2);
    await page.keyboard.press('Enter');
    await expectStep(3);
    await page.keyboard.press('Space');
    await expectStep(4);
    await page.keyboard.press('ArrowRight');
    await expectStep(5);
    await page.keyboard.press('ArrowLeft');
    await expectStep(4);
    await page.keyboard.press('Backspace');
    await expectStep(3);
    await page.keyboard.press('PageUp');
    await expectStep(2);
    expect(await mode(page)).toBe('presenter');
    // The player's own auto-play did not start from Space.
    await page.waitForTimeout(300);
    await expectStep(2);
  });

  it('b and . black out, w whites out; the same key, a clicker key or Esc lifts it', async () => {
    const page = await open(flowHash(2));
    await present(page);
    expect(await cover(page)).toBeNull();
    await page.keyboard.press('b');
    await expect.poll(() => cover(page)).toEqual({ background: 'rgb(0, 0, 0)', covers: true });
    await page.waitForTimeout(300);
    await page.screenshot({ path: artifactPath('present-black.png') });
    await page.keyboard.press('b');
    await expect.poll(() => cover(page)).toBeNull();
    await page.keyboard.press('.');
    await expect.poll(() => cover(page)).toEqual({ background: 'rgb(0, 0, 0)', covers: true });
    await page.keyboard.press('Escape');
    await expect.poll(() => cover(page)).toBeNull();
    expect(await mode(page)).toBe('presenter');
    await page.keyboard.press('w');
    await expect
      .poll(() => cover(page))
      .toEqual({ background: 'rgb(255, 255, 255)', covers: true });
    // A clicker's "next" while blanked brings the screen back without moving on.
    await page.keyboard.press('PageDown');
    await expect.poll(() => cover(page)).toBeNull();
    expect(page.url()).toMatch(new RegExp(`/${flowId}/2$`));
  });

  it('l shows a laser dot that follows the mouse', async () => {
    const page = await open(flowHash(2));
    await present(page);
    await page.mouse.move(300, 200);
    await page.keyboard.press('l');
    const dot = () =>
      page.evaluate(() => {
        const element = document.querySelector<HTMLElement>('.fd-laser span');
        if (!element || element.closest<HTMLElement>('[hidden]')) return null;
        const box = element.getBoundingClientRect();
        return {
          x: Math.round(box.left + box.width / 2),
          y: Math.round(box.top + box.height / 2),
          color: getComputedStyle(element).backgroundImage,
        };
      });
    await expect.poll(dot).toMatchObject({ x: 300, y: 200 });
    await page.mouse.move(520, 340);
    await expect.poll(dot).toMatchObject({ x: 520, y: 340 });
    expect(
      await page.evaluate(
        () => getComputedStyle(document.querySelector('.react-flow__pane') as Element).cursor,
      ),
    ).toBe('none');
    await page.screenshot({ path: artifactPath('present-laser.png') });
    await page.keyboard.press('l');
    await expect.poll(dot).toBeNull();
  });

  it('z zooms into the region around the pointer, and z again or Esc goes back', async () => {
    const page = await open(flowHash(2));
    await present(page);
    await page.mouse.move(512, 300);
    await page.waitForTimeout(800);
    const before = await zoom(page);
    await page.keyboard.press('z');
    await expect.poll(() => zoom(page)).toBeCloseTo(before * 2, 3);
    expect(await page.locator('.fd-spotlight[data-active]').count()).toBe(1);
    await page.waitForTimeout(500);
    await page.screenshot({ path: artifactPath('present-spotlight.png') });
    await page.keyboard.press('z');
    await expect.poll(() => zoom(page)).toBeCloseTo(before, 3);
    // z again at once, while the camera may still glide back: still 2× the step's framing.
    await page.keyboard.press('z');
    await expect.poll(() => zoom(page)).toBeCloseTo(before * 2, 3);
    await page.keyboard.press('Escape');
    await expect.poll(() => zoom(page)).toBeCloseTo(before, 3);
    expect(await mode(page)).toBe('presenter');
  });

  it('Esc leaves presenter mode and brings the chrome back', async () => {
    const page = await open(flowHash(2));
    await present(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => mode(page)).toBeNull();
    expect(await page.locator('.fd-header').isVisible()).toBe(true);
    expect(await page.locator('.fd-controls').isVisible()).toBe(true);
  });

  it('works from the Present button, and from a diagram with no flow playing', async () => {
    const page = await open(flowHash(1));
    await page.getByRole('button', { name: 'Present' }).click();
    await expect.poll(() => mode(page)).toBe('presenter');
    // Space steps rather than pressing the (now hidden) button again.
    await page.keyboard.press('Space');
    await expect.poll(() => page.url()).toMatch(new RegExp(`/${flowId}/2$`));
    expect(await mode(page)).toBe('presenter');
    await page.keyboard.press('Escape');
    await expect.poll(() => mode(page)).toBeNull();

    await page.goto(`${inject('baseUrl')}#/d/${diagram}`);
    await page.waitForSelector('.fd-flowstart');
    await present(page);
    expect(await page.locator('.fd-flowstart').isVisible()).toBe(false);
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.url()).toContain(`#/d/${diagram}/`);
    await expect.poll(() => page.url()).toMatch(/\/1$/);
    expect(await mode(page)).toBe('presenter');
    // Back to the gallery leaves presenter mode.
    await page.goto(`${inject('baseUrl')}#/`);
    await expect.poll(() => mode(page)).toBeNull();
  });
});
