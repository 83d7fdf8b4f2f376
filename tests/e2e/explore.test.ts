import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parseDeck.ts';
import { artifactPath, freshPagePerTest } from './chromium.ts';
import { attr, diagramModels, openDiagram, settle } from './diagramFiles.ts';
import { withoutPrebuiltLayouts } from './pageRoutes.ts';

const session = freshPagePerTest();
let browser: Browser;
let page: Page;
beforeEach(() => {
  ({ browser, page } = session);
});
const base = () => inject('baseUrl');

const node = (id: string) => page.locator(`.fd-canvas ${attr('data-node-id', id)}`);
const focusedNodeId = () =>
  page.evaluate(
    () => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') ?? null,
  );
const centre = async (id: string) => {
  const box = await node(id).boundingBox();
  if (!box) throw new Error(`${id} is not drawn`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

describe('the gallery', () => {
  it('shows every diagram with its thumbnail, and the seed lesson in deck order', async () => {
    await page.goto(base());
    const models = diagramModels();
    for (const model of models) {
      const card = page.locator(`.fd-card${attr('data-diagram-id', model.id)}`);
      await expect.poll(() => card.locator('.fd-thumb').count(), { timeout: 30_000 }).toBe(1);
      expect(await card.locator('h3').innerText()).toContain(model.title);
    }
    const { deck } = parseDeck(readFileSync('diagrams/part1.yaml', 'utf8'), {
      file: 'diagrams/part1.yaml',
    });
    const lesson = page.locator('section', {
      has: page.locator('h2', { hasText: deck?.title ?? '?' }),
    });
    const order = await lesson
      .locator('.fd-card')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-diagram-id')));
    expect(order).toEqual(deck?.entries.map((e) => e.diagram));
    expect(await lesson.locator('.fd-lesson').allInnerTexts()).toEqual(
      order.map((_, i) => String(i + 1)),
    );
    await page.screenshot({ path: artifactPath('gallery.png'), fullPage: true });
  });

  it('finds diagrams by what is inside them, and says when nothing matches', async () => {
    await page.goto(base());
    await expect
      .poll(() => page.locator('.fd-thumb').count(), { timeout: 30_000 })
      .toBe(diagramModels().length);
    const search = page.getByRole('searchbox');
    await search.fill('etcd');
    const ids = () =>
      page
        .locator('.fd-card')
        .evaluateAll((cs) => cs.map((c) => c.getAttribute('data-diagram-id')));
    await expect.poll(ids).toEqual(expect.arrayContaining(['cluster-layout', 'pod-lifecycle']));
    expect(await ids()).not.toContain('k8s-history');
    await search.fill('nothing-like-this');
    await expect.poll(() => page.locator('.fd-no-match').count()).toBe(1);
    await search.fill('');
    await expect.poll(async () => (await ids()).length).toBe(diagramModels().length);
  });

  it('opens a diagram from its card, and back and forward move between them', async () => {
    await page.goto(base());
    await page.locator(`.fd-card${attr('data-diagram-id', 'cri-chain')} a`).click();
    await page.waitForSelector('.fd-canvas[data-diagram-id="cri-chain"]');
    await page.goBack();
    await page.waitForSelector('.fd-gallery');
    await page.goForward();
    await page.waitForSelector('.fd-canvas[data-diagram-id="cri-chain"]');
  });
});

describe('a diagram view', () => {
  it('survives a reload on its deep link', async () => {
    await openDiagram(page, base(), 'cluster-layout');
    await page.reload();
    await page.waitForSelector('.fd-canvas[data-diagram-id="cluster-layout"] .react-flow__node');
    expect(page.url()).toContain('#/d/cluster-layout');
  });

  it('opens details on click: description, markdown details, edges both ways, neighbours one click away', async () => {
    await openDiagram(page, base(), 'pod-lifecycle');
    await node('admission').click();
    const panel = page.getByRole('complementary');
    await expect.poll(() => panel.locator('h2').innerText()).toBe('어드미션 통과?');
    expect(await panel.locator('strong').innerText()).toBe('인증 → 인가 → 어드미션');
    expect(await panel.innerText()).toContain('kube-apiserver');
    expect(await panel.innerText()).toContain('통과하면 저장');
    expect(await node('admission').getAttribute('data-selected')).not.toBeNull();
    await panel.getByRole('button', { name: 'etcd' }).click();
    await expect.poll(() => panel.locator('h2').innerText()).toBe('etcd');
    await page.screenshot({ path: artifactPath('details.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
  });

  it('lights a node’s neighbours on hover and dims the rest', async () => {
    await openDiagram(page, base(), 'pod-lifecycle');
    await node('etcd').hover();
    await expect.poll(() => page.locator('.fd-canvas[data-hovering]').count()).toBe(1);
    expect(await node('admission').getAttribute('data-lit')).not.toBeNull();
    expect(
      await page.locator(attr('data-edge-id', 'admission->etcd')).getAttribute('data-lit'),
    ).not.toBeNull();
    expect(await node('runc').getAttribute('data-lit')).toBeNull();
    // Dimmed (after the theme's short fade).
    await expect
      .poll(() => node('runc').evaluate((el) => Number(getComputedStyle(el).opacity)))
      .toBeLessThan(0.8);
    await page.mouse.move(2, 790);
    await expect.poll(() => page.locator('.fd-canvas[data-hovering]').count()).toBe(0);
  });

  it('moves with Tab and the arrow keys, opens with Enter, closes with Esc, fits with f', async () => {
    await openDiagram(page, base(), 'k8s-history');
    await page.locator('.react-flow__node').first().focus();
    expect(await focusedNodeId()).toBe('A');
    await page.keyboard.press('ArrowDown');
    expect(await focusedNodeId()).toBe('B');
    expect((await centre('B')).y).toBeGreaterThan((await centre('A')).y);
    await page.keyboard.press('ArrowUp');
    expect(await focusedNodeId()).toBe('A');
    await page.keyboard.press('Tab');
    expect(await focusedNodeId()).toBe('B');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary');
    await expect.poll(() => panel.locator('h2').innerText()).toContain('2013');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(await focusedNodeId()).toBe('B');

    // Zoom far in, then f brings the whole diagram back.
    const canvas = await page.locator('.fd-canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -400);
    await settle(page);
    const inView = async () => {
      const boxes = await page
        .locator('.fd-canvas .react-flow__node')
        .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
      return boxes.every((b) => b.top >= canvas.y - 1 && b.bottom <= canvas.y + canvas.height + 1);
    };
    expect(await inView()).toBe(false);
    // f and m work wherever the focus is.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('f');
    await expect.poll(inView).toBe(true);
    await page.keyboard.press('m');
    await expect.poll(() => page.locator('.react-flow__minimap').count()).toBe(1);
    await page.keyboard.press('m');
    await expect.poll(() => page.locator('.react-flow__minimap').count()).toBe(0);
  });

  it('collapses and expands a group, and the view keeps it over a reload', async () => {
    await openDiagram(page, base(), 'cluster-layout');
    const before = await node('Workers').boundingBox();
    await node('CP').locator('.fd-collapse').click();
    // The first layout not made ahead of time starts the layout engine.
    await expect.poll(() => node('API').count(), { timeout: 15_000 }).toBe(0);
    expect(await node('CP').getAttribute('data-collapsed')).not.toBeNull();
    expect(await node('CP').locator('.fd-collapse').innerText()).toBe('+4');
    // The layout adapted: the worker nodes moved up into the freed space.
    await settle(page);
    await page.waitForTimeout(500);
    await page.keyboard.press('f');
    await settle(page);
    await page.screenshot({ path: artifactPath('collapsed.png') });
    await page.reload();
    await page.waitForSelector('.fd-canvas .react-flow__node');
    expect(await node('CP').getAttribute('data-collapsed')).not.toBeNull();
    await node('CP').locator('.fd-collapse').click();
    await expect.poll(() => node('API').count()).toBe(1);
    await settle(page);
    await page.waitForTimeout(500);
    const after = await node('Workers').boundingBox();
    expect(after?.height).toBeCloseTo(before?.height ?? 0, 0);
  });

  it('says so when a diagram does not exist', async () => {
    await page.goto(`${base()}#/d/no-such-diagram`);
    const alert = page.getByRole('alert');
    expect(await alert.innerText()).toContain('no-such-diagram');
    await alert.getByRole('link').click();
    await page.waitForSelector('.fd-gallery');
  });
});

describe('the layout worker', () => {
  // The worker's script itself, not the module that names its URL
  // (`layout.worker.ts?worker&url` in dev), which the app needs to start.
  const workerScript = (url: URL) =>
    url.pathname.includes('layout.worker') && !url.searchParams.has('url');

  // A layout the build or the dev server has not made (a shared link, a collapsed group).
  beforeEach(() => withoutPrebuiltLayouts(page));

  it('shows progress while it starts, then the diagram', async () => {
    await page.route(workerScript, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto(`${base()}#/d/cri-chain`);
    const status = page.locator('.fd-progress');
    await status.waitFor({ timeout: 5000 });
    expect(await status.innerText()).toMatch(/layout engine|Laying out|Reading/);
    await page.waitForSelector('.fd-canvas .react-flow__node', { timeout: 30_000 });
  });

  it('failing shows an error card; the app keeps working and Try again recovers', async () => {
    let broken = true;
    await page.route(workerScript, (route) =>
      broken
        ? route.fulfill({
            contentType: 'text/javascript',
            body: 'throw new Error("worker exploded")',
          })
        : route.continue(),
    );
    await page.goto(`${base()}#/d/cri-chain`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toContain('could not be drawn');
    // The header still works.
    await page.getByRole('combobox', { name: /language/i }).selectOption('ko');
    await expect.poll(() => alert.innerText()).toContain('그릴 수 없습니다');
    await page.getByRole('combobox', { name: /언어/ }).selectOption('en');
    broken = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.waitForSelector('.fd-canvas .react-flow__node', { timeout: 30_000 });
  });
});

describe('the UI language', () => {
  it('follows the browser, and a choice sticks', async () => {
    const korean = await browser.newContext({ locale: 'ko-KR' });
    const p = await korean.newPage();
    await p.goto(base());
    await expect.poll(() => p.locator('h1').innerText()).toBe('다이어그램');
    expect(await p.evaluate(() => document.documentElement.lang)).toBe('ko');
    await p.getByRole('combobox', { name: '언어' }).selectOption('en');
    await expect.poll(() => p.locator('h1').innerText()).toBe('Diagrams');
    await p.reload();
    await expect.poll(() => p.locator('h1').innerText()).toBe('Diagrams');
    await korean.close();
  });
});
