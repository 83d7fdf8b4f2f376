import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { stripStepNumber } from '../../src/core/animate/stripStepNumber.ts';
import { buildTimeline, type Timeline } from '../../src/core/animate/timeline.ts';
import { createDefaultLayoutEngine } from '../../src/core/layout/createDefaultLayoutEngine.ts';
import { artifactPath, freshPagePerTest } from './chromium.ts';
import { diagramModels, settle } from './diagramFiles.ts';

// What each flow must show, computed in Node from the same layout the app makes.
const engine = createDefaultLayoutEngine();
const flows: { diagram: string; timeline: Timeline }[] = [];
for (const model of diagramModels()) {
  if (model.flows.length === 0) continue;
  const diagram = await engine.layout(model);
  for (const flow of diagram.flows)
    flows.push({ diagram: model.id, timeline: buildTimeline(diagram, flow) });
}

const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  ({ page } = session);
});
const base = () => inject('baseUrl');

/** Every node's and edge's data-state on the page. */
async function states(): Promise<{ nodes: Record<string, string>; edges: Record<string, string> }> {
  return page.evaluate(() => {
    const nodes: Record<string, string> = {};
    const edges: Record<string, string> = {};
    for (const el of document.querySelectorAll('.fd-canvas [data-node-id]')) {
      nodes[el.getAttribute('data-node-id') ?? ''] = el.getAttribute('data-state') ?? '';
    }
    for (const el of document.querySelectorAll('.fd-canvas [data-edge-id]')) {
      edges[el.getAttribute('data-edge-id') ?? ''] = el.getAttribute('data-state') ?? '';
    }
    return { nodes, edges };
  });
}

async function expectStep(timeline: Timeline, index: number, diagram: string) {
  const scene = timeline.steps[index];
  if (!scene) throw new Error(`no step ${index}`);
  await expect.poll(() => page.url()).toContain(`#/d/${diagram}/${timeline.flowId}/${index + 1}`);
  await expect.poll(states, { timeout: 5000 }).toEqual({ nodes: scene.nodes, edges: scene.edges });
  const caption = () =>
    page
      .locator('.fd-caption')
      .innerText()
      .then((text) => text.replace(/\s+/g, ' '));
  // Beside "Step n of N", a caption that starts with n shows it once.
  const shown = stripStepNumber(scene.caption, index + 1);
  await expect.poll(caption).toContain(shown.replace(/\s+/g, ' ').trim());
}

describe('every flow in diagrams/', () => {
  it('has flows to play', () => {
    expect(flows.length).toBeGreaterThan(0);
  });
  // Stepping back shows the scene before (a scene depends only on its
  // index); every flow is walked forwards, and the longest back too.
  const longest = [...flows].sort((a, b) => b.timeline.steps.length - a.timeline.steps.length)[0];
  for (const { diagram, timeline } of flows) {
    const back = timeline === longest?.timeline;
    it(`${diagram} / ${timeline.flowId}: → through every step${back ? ' and ← back' : ''}, states and captions as the timeline says`, async () => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${base()}#/d/${diagram}/${timeline.flowId}/1`);
      await page.waitForSelector('.fd-flowbar');
      await settle(page);
      const last = timeline.steps.length - 1;
      await expectStep(timeline, 0, diagram);
      for (let i = 1; i <= last; i++) {
        await page.keyboard.press('ArrowRight');
        await expectStep(timeline, i, diagram);
      }
      await page.waitForTimeout(600);
      await page.screenshot({ path: artifactPath(`flow-${diagram}-${timeline.flowId}-last.png`) });
      for (let i = last - 1; back && i >= 0; i--) {
        await page.keyboard.press('ArrowLeft');
        await expectStep(timeline, i, diagram);
      }
      await page.keyboard.press('End');
      await expectStep(timeline, last, diagram);
      await page.keyboard.press('Home');
      await expectStep(timeline, 0, diagram);
      expect(errors).toEqual([]);
    });
  }
});

describe('the player', () => {
  const longest = [...flows].sort((a, b) => b.timeline.steps.length - a.timeline.steps.length)[0];

  it('steps by its buttons and its list of steps, with tokens on the active edges', async () => {
    if (!longest) throw new Error('no flows');
    const { diagram, timeline } = longest;
    await page.goto(`${base()}#/d/${diagram}/${timeline.flowId}/1`);
    await page.waitForSelector('.fd-flowbar');
    await page.getByRole('button', { name: 'Next step' }).click();
    await expectStep(timeline, 1, diagram);
    // A node clicked (and so focused) does not take → away from the player.
    await page.locator('.fd-canvas .fd-node:not([data-state="hidden"])').first().click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    await expectStep(timeline, 2, diagram);
    await page.keyboard.press('ArrowLeft');
    await expectStep(timeline, 1, diagram);
    const tokenStep = timeline.steps.findIndex((s) => s.tokens.length > 0);
    if (tokenStep >= 0) {
      await page.getByRole('button', { name: 'Steps' }).click();
      await page.locator('.fd-step-list button').nth(tokenStep).click();
      await expectStep(timeline, tokenStep, diagram);
      await expect
        .poll(() => page.locator('.fd-token').count())
        .toBe(timeline.steps[tokenStep]?.tokens.length);
    }
    await page.getByRole('button', { name: 'Previous step' }).click();
    await expectStep(timeline, Math.max(0, (tokenStep >= 0 ? tokenStep : 1) - 1), diagram);
  });

  it('opens a deep link on its step and keeps it over a reload', async () => {
    if (!longest) throw new Error('no flows');
    const { diagram, timeline } = longest;
    const step = Math.min(3, timeline.steps.length);
    await page.goto(`${base()}#/d/${diagram}/${timeline.flowId}/${step}`);
    await page.waitForSelector('.fd-flowbar');
    await expectStep(timeline, step - 1, diagram);
    await page.reload();
    await page.waitForSelector('.fd-flowbar');
    await expectStep(timeline, step - 1, diagram);
  });

  it('starts the first flow with → from the diagram view, and plays on its own', async () => {
    if (!longest) throw new Error('no flows');
    const { diagram, timeline } = longest;
    await page.goto(`${base()}#/d/${diagram}`);
    await page.waitForSelector('.fd-canvas .react-flow__node');
    const first = flows.find((f) => f.diagram === diagram);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toContain(`/${first?.timeline.flowId}/1`);
    await page.goto(`${base()}#/d/${diagram}/${timeline.flowId}/1`);
    await page.waitForSelector('.fd-flowbar');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('2');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(() => page.url(), { timeout: (timeline.steps[0]?.duration ?? 4) * 1000 })
      .toContain(`/${timeline.flowId}/2`);
  });

  it('under reduced motion changes states at once, with no tokens, and still shows captions', async () => {
    const withTokens = flows.find((f) => f.timeline.steps.some((s) => s.tokens.length > 0));
    if (!withTokens) throw new Error('no flow with tokens');
    const { diagram, timeline } = withTokens;
    const step = timeline.steps.findIndex((s) => s.tokens.length > 0);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${base()}#/d/${diagram}/${timeline.flowId}/${step + 1}`);
    await page.waitForSelector('.fd-flowbar');
    await expectStep(timeline, step, diagram);
    expect(await page.locator('.fd-token').count()).toBe(0);
  });

  it('has its own “less motion” switch, remembered, whatever the system says', async () => {
    const withTokens = flows.find((f) => f.timeline.steps.some((s) => s.tokens.length > 0));
    if (!withTokens) throw new Error('no flow with tokens');
    const { diagram, timeline } = withTokens;
    const step = timeline.steps.findIndex((s) => s.tokens.length > 0);
    await page.goto(`${base()}#/d/${diagram}/${timeline.flowId}/${step + 1}`);
    await page.waitForSelector('.fd-flowbar');
    await expect.poll(() => page.locator('.fd-token').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Less motion' }).click();
    await expect.poll(() => page.locator('.fd-token').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.dataset.motion)).toBe('reduce');
    await page.reload();
    await page.waitForSelector('.fd-flowbar');
    expect(
      await page.getByRole('button', { name: 'Less motion' }).getAttribute('aria-pressed'),
    ).toBe('true');
  });
});

describe('the camera', () => {
  const longest = [...flows].sort((a, b) => b.timeline.steps.length - a.timeline.steps.length)[0];

  type View = { x: number; y: number; zoom: number };
  /** The camera as drawn: the React Flow viewport's transform. */
  const view = (): Promise<View> =>
    page.evaluate(() => {
      const element = document.querySelector<HTMLElement>('.react-flow__viewport');
      const m = new DOMMatrixReadOnly(element ? getComputedStyle(element).transform : undefined);
      return { x: m.e, y: m.f, zoom: m.a };
    });
  const near = (a: View, b: View) =>
    Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-4;
  /** Waits until the camera stops moving, and returns where it is. */
  async function still(): Promise<View> {
    let last = await view();
    await expect
      .poll(async () => {
        await page.waitForTimeout(120);
        const now = await view();
        const same = near(now, last);
        last = now;
        return same;
      })
      .toBe(true);
    return last;
  }
  /** A point of the canvas with only the pane under it (somewhere to drag from). */
  const emptySpot = () =>
    page.evaluate(() => {
      const box = document.querySelector('.react-flow')?.getBoundingClientRect();
      if (!box) return null;
      for (let y = box.top + 60; y < box.bottom - 60; y += 23) {
        for (let x = box.left + 80; x < box.right - 80; x += 29) {
          if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane'))
            return { x, y };
        }
      }
      return null;
    });
  async function drag(from: { x: number; y: number }, by: { x: number; y: number }) {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + by.x, from.y + by.y, { steps: 5 });
    await page.mouse.up();
  }

  it('frames each step’s subjects, and hands React Flow the view it shows', async () => {
    if (!longest) throw new Error('no flows');
    const { diagram, timeline } = longest;
    await page.goto(`${base()}#/d/${diagram}/${timeline.flowId}/1`);
    await page.waitForSelector('.fd-flowbar');
    await settle(page);
    for (const index of [1, 2, 3].filter((i) => i < timeline.steps.length)) {
      await page.keyboard.press('ArrowRight');
      await expectStep(timeline, index, diagram);
      await still();
      // Each lit node is on the canvas, or out of sight with the overview showing it.
      const framed = await page.evaluate(() => {
        const canvas = document.querySelector('.fd-canvas');
        const box = canvas?.getBoundingClientRect();
        if (!canvas || !box) return null;
        const overview = canvas.hasAttribute('data-overview');
        const lit = [...canvas.querySelectorAll('.fd-node[data-state="active"]')].map((el) => {
          const r = el.getBoundingClientRect();
          const inside =
            r.left >= box.left - 1 &&
            r.top >= box.top - 1 &&
            r.right <= box.right + 1 &&
            r.bottom <= box.bottom + 1;
          const outside =
            r.right <= box.left ||
            r.left >= box.right ||
            r.bottom <= box.top ||
            r.top >= box.bottom;
          return inside || (overview && outside);
        });
        return { lit, inside: lit.filter(Boolean).length };
      });
      expect(framed?.inside).toBeGreaterThan(0);
      expect(framed?.lit.every(Boolean)).toBe(true);
    }
    // React Flow's own pan starts from the view on screen: the drag moves it by the drag, no jump.
    const before = await view();
    const spot = await emptySpot();
    if (!spot) throw new Error('no empty spot on the canvas');
    await drag(spot, { x: 40, y: 25 });
    const after = await still();
    expect(after.x).toBeCloseTo(before.x + 40, 0);
    expect(after.y).toBeCloseTo(before.y + 25, 0);
    expect(after.zoom).toBeCloseTo(before.zoom, 6);
  });

  it('lets a drag during the glide keep the view where the reader put it', async () => {
    if (!longest) throw new Error('no flows');
    const { diagram, timeline } = longest;
    await page.goto(`${base()}#/d/${diagram}/${timeline.flowId}/1`);
    await page.waitForSelector('.fd-flowbar');
    await settle(page);
    await still();
    const spot = await emptySpot();
    if (!spot) throw new Error('no empty spot on the canvas');
    await page.keyboard.press('ArrowRight');
    // Somewhere in the glide (or after it, on a slow machine: the same must hold).
    await page.waitForTimeout(250);
    await page.mouse.move(spot.x, spot.y);
    await page.mouse.down();
    // The pointer took the camera: it stops where it is on screen…
    const held = await view();
    await page.mouse.move(spot.x - 60, spot.y + 30, { steps: 5 });
    const dropped = await view();
    await page.mouse.up();
    // …and React Flow's pan starts from there, with no jump.
    expect(dropped.x).toBeCloseTo(held.x - 60, 0);
    expect(dropped.y).toBeCloseTo(held.y + 30, 0);
    expect(dropped.zoom).toBeCloseTo(held.zoom, 6);
    // The glide does not take the camera back.
    expect(near(await still(), dropped)).toBe(true);
    const spot2 = await emptySpot();
    if (!spot2) throw new Error('no empty spot on the canvas');
    await drag(spot2, { x: 30, y: -20 });
    const after = await still();
    expect(after.x).toBeCloseTo(dropped.x + 30, 0);
    expect(after.y).toBeCloseTo(dropped.y - 20, 0);
    // A step after that frames its focus again.
    await page.keyboard.press('ArrowRight');
    await expectStep(timeline, 2, diagram);
    expect(near(await still(), after)).toBe(false);
  });
});
