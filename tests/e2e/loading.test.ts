import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { encodeShare } from '../../src/app/editor/share.ts';
import { freshPagePerTest } from './chromium.ts';
import { holdLayoutWorker, holdRequests, PREBUILT_LAYOUT } from './pageRoutes.ts';

// Loading that shows it (issue 18): whatever a view waits for (its code, its
// layout), its place shows the skeleton at once, keys pressed meanwhile are
// kept, and the skeleton goes when the view comes. Each wait is held open
// with page.route, so nothing here depends on how fast the machine is.

const session = freshPagePerTest();
const base = () => inject('baseUrl');

/** A view's lazy code: `/src/app/…/<name>.tsx` from the dev server, `<name>-<hash>.js` from a build. */
const chunk = (name: string) => (url: URL) =>
  url.pathname.endsWith(`/${name}.tsx`) || new RegExp(`/${name}-[\\w-]+\\.js$`).test(url.pathname);

/** The skeleton, where it is named for assistive technology as a status. */
const skeleton = (page: Page, within = '') =>
  page.locator(`${within} .fd-skeleton[role="status"][aria-label="Loading…"]`.trim());

async function expectSkeletonShown(page: Page, within = '') {
  await skeleton(page, within).waitFor({ state: 'visible', timeout: 30_000 });
  const box = await skeleton(page, within).locator('.fd-skeleton-art').boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(100);
}

async function expectDiagramDrawn(page: Page, within = '') {
  await page.waitForSelector(`${within} .fd-canvas .react-flow__node`.trim(), { timeout: 30_000 });
  expect(await skeleton(page).count()).toBe(0);
}

const CHART = 'flowchart LR\n  a[Start] --> b[Build] --> c[Test] --> d[Ship]';

describe('a view that waits shows the skeleton at once', () => {
  it('a shared link: while its code and its layout load, and keeps ArrowRight ×2', async () => {
    const { page } = session;
    const payload = await encodeShare(CHART);
    const releaseCode = await holdRequests(page, chunk('ShareView'));
    const releaseWorker = await holdLayoutWorker(page);
    await page.goto(`${base()}#/share/${payload}/main/1`, { waitUntil: 'domcontentloaded' });
    await expectSkeletonShown(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('.fd-shared').count()).toBe(0);

    await releaseCode();
    // The view is there, waiting for its layout: still the skeleton, in its place.
    await page.waitForSelector('.fd-shared', { timeout: 30_000 });
    await expectSkeletonShown(page, '.fd-shared');
    expect(await page.locator('.fd-canvas').count()).toBe(0);

    await releaseWorker();
    await expectDiagramDrawn(page, '.fd-shared');
    await expect.poll(() => page.url()).toMatch(/\/main\/3$/);
  });

  it('the editor: while its code and its first layout load', async () => {
    const { page } = session;
    const releaseCode = await holdRequests(page, chunk('EditorView'));
    const releaseWorker = await holdLayoutWorker(page);
    await page.goto(`${base()}#/edit/cri-chain`, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/#\/draft\//);
    await expectSkeletonShown(page);
    expect(await page.locator('.fd-code').count()).toBe(0);

    await releaseCode();
    await page.waitForSelector('.fd-code .cm-content', { timeout: 30_000 });
    await expectSkeletonShown(page, '.fd-editor-diagram');

    await releaseWorker();
    await expectDiagramDrawn(page, '.fd-editor-diagram');
  });

  it('a diagram view: while its layout comes (a prebuilt file or the worker)', async () => {
    const { page } = session;
    const releaseLayouts = await holdRequests(page, PREBUILT_LAYOUT);
    const releaseWorker = await holdLayoutWorker(page);
    await page.goto(`${base()}#/d/cri-chain`, { waitUntil: 'domcontentloaded' });
    await expectSkeletonShown(page);
    expect(await page.locator('.fd-canvas').count()).toBe(0);

    await releaseLayouts();
    await releaseWorker();
    await expectDiagramDrawn(page);
  });

  it('does not shimmer under reduced motion, and says what it waits for at once', async () => {
    const { page } = session;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await holdRequests(page, PREBUILT_LAYOUT);
    await holdLayoutWorker(page);
    await page.goto(`${base()}#/d/cri-chain`, { waitUntil: 'domcontentloaded' });
    await expectSkeletonShown(page);
    const shapes = skeleton(page).locator('.fd-skeleton-art g, .fd-skeleton-line');
    expect(await shapes.count()).toBeGreaterThan(0);
    const animations = await shapes.evaluateAll((all) =>
      all.map((el) => getComputedStyle(el).animationName),
    );
    expect(new Set(animations)).toEqual(new Set(['none']));
    const text = skeleton(page).locator('.fd-progress-text');
    expect(await text.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    // The layout made ahead of time is held: that is what it says it waits for.
    expect(await text.innerText()).toContain('Loading the diagram');
  });

  it('the gallery: each card until its thumbnail comes', async () => {
    const { page } = session;
    const releaseLayouts = await holdRequests(page, PREBUILT_LAYOUT);
    const releaseWorker = await holdLayoutWorker(page);
    await page.goto(base(), { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.fd-card', { timeout: 30_000 });
    const cards = await page.locator('.fd-card').count();
    expect(await page.locator('.fd-card-thumb .fd-skeleton-art').count()).toBe(cards);

    await releaseLayouts();
    await releaseWorker();
    await expect
      .poll(() => page.locator('.fd-card-thumb .fd-skeleton-art').count(), { timeout: 60_000 })
      .toBe(0);
    expect(await page.locator('.fd-card-thumb .fd-thumb').count()).toBeGreaterThan(0);
  });
});
