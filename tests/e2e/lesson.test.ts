import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { artifactPath, freshPagePerTest } from './chromium.ts';
import { attr, deckPlay, diagramModels, settle } from './diagramFiles.ts';
import { holdLayouts } from './pageRoutes.ts';

// The teacher's path (issue 16): from the gallery into a lesson and through
// it, as the ways it broke were found.

const { slides } = await deckPlay('diagrams/part1.yaml');
const kubectl = diagramModels().find((m) => m.id === 'kubectl-apply');
const apply = kubectl?.flows.find((f) => f.id === 'apply');
if (!apply) throw new Error('kubectl-apply has no apply flow');
// A step about the controller, with the scheduler beside it in the same group, not lit.
const controllerStep = apply.steps.findIndex(
  (s) => s.nodes.includes('controller') && !s.nodes.includes('scheduler'),
);
if (controllerStep < 0) throw new Error('no step lights the controller alone');

// A projector's screen, a fresh page (and storage) for each test.
const session = freshPagePerTest({ width: 1024, height: 768 });

const base = () => inject('baseUrl');

/** The deck's bar, drawn: the deck is ready. Fails (rather than waits on) a deck stuck preparing. */
async function deckReady(page: Page, slide: number) {
  await page.waitForSelector('.fd-deckbar', { timeout: 45_000 });
  await expect.poll(() => page.url()).toMatch(new RegExp(`#/deck/part1/${slide}$`));
  await expect
    .poll(() => page.locator('.fd-deckbar .fd-step-count').innerText())
    .toBe(`Slide ${slide} of ${slides.length}`);
}

async function galleryDrawn(page: Page) {
  await page.goto(base());
  await page.waitForSelector('.fd-card', { timeout: 30_000 });
  await expect
    .poll(() => page.locator('.fd-card-thumb[data-loading]').count(), { timeout: 60_000 })
    .toBe(0);
}

describe('a lesson deck reached after other views', () => {
  it('opens after the gallery has drawn every card', async () => {
    const { page } = session;
    await galleryDrawn(page);
    await page.evaluate(() => {
      window.location.hash = '#/deck/part1/1';
    });
    await deckReady(page, 1);
  });

  it('opens while the gallery is still drawing', async () => {
    const { page } = session;
    await page.goto(base());
    await page.waitForSelector('.fd-card');
    await page.evaluate(() => {
      window.location.hash = '#/deck/part1/3';
    });
    await deckReady(page, 3);
  });

  it('opens after one of its diagrams, and again after the gallery', async () => {
    const { page } = session;
    await page.goto(`${base()}#/d/cri-chain`);
    await page.waitForSelector('.fd-canvas .react-flow__node', { timeout: 30_000 });
    await page.evaluate(() => {
      window.location.hash = '#/deck/part1/2';
    });
    await deckReady(page, 2);
    await page.evaluate(() => {
      window.location.hash = '#/';
    });
    await page.waitForSelector('.fd-card');
    await page.goBack();
    await deckReady(page, 2);
  });

  it('comes back from its diagram link with Back', async () => {
    const { page } = session;
    await page.goto(`${base()}#/deck/part1/5`);
    await deckReady(page, 5);
    await page.locator('.fd-deck-open').click();
    await expect.poll(() => page.url()).toMatch(/#\/d\/[^/]+$/);
    await page.waitForSelector('.fd-canvas .react-flow__node');
    await page.goBack();
    await deckReady(page, 5);
    // And once more, through the gallery's Start lesson.
    await page.goto(base());
    await page.getByRole('link', { name: 'Start lesson' }).click();
    await deckReady(page, 1);
  });
});

describe('the gallery starts a lesson', () => {
  it('has Start lesson and Present on the deck, and the bar says where the lesson is', async () => {
    const { page } = session;
    await page.goto(base());
    const section = page.locator('section.fd-section').filter({ hasText: 'Part 1' });
    await expect.poll(() => section.getByRole('link', { name: 'Start lesson' }).count()).toBe(1);
    await page.screenshot({ path: artifactPath('lesson-gallery.png') });
    await section.getByRole('button', { name: 'Present' }).click();
    await deckReady(page, 1);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.mode ?? null))
      .toBe('presenter');
    await page.keyboard.press('PageDown');
    await deckReady(page, 2);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.mode ?? null))
      .toBeNull();

    // Which part of the lesson this is, and a way to any other part.
    const part = page.locator('.fd-deck-part');
    const parts = await part.locator('option').allInnerTexts();
    const diagrams = new Set(slides.map((s) => s.entry)).size;
    expect(parts).toHaveLength(diagrams);
    expect(parts[0]).toMatch(new RegExp(`^1 of ${diagrams}: `));
    const fifth = slides.findIndex((s) => s.entry === 4);
    await part.selectOption({ index: 4 });
    await deckReady(page, fifth + 1);
    expect(await part.locator('option:checked').innerText()).toMatch(
      new RegExp(`^5 of ${diagrams}: `),
    );
    await page.screenshot({ path: artifactPath('lesson-deckbar.png') });
  });
});

describe('a deck that cannot be shown', () => {
  it('says which diagram failed, links to it, and its way back leaves presenter mode', async () => {
    const { page } = session;
    // Limits too small for some of the deck's diagrams: they fail as a teacher's broken file would.
    await page.goto(`${base()}?limits=nodes=12#/`);
    const section = page.locator('section.fd-section').filter({ hasText: 'Part 1' });
    await section.getByRole('button', { name: 'Present' }).click();
    const alert = page.locator('.fd-card-error-view[role="alert"]');
    await alert.waitFor({ timeout: 45_000 });
    const said = /The diagram “(.+)” of this deck has errors/.exec(await alert.innerText());
    const failed = said?.[1] ?? '';
    expect(slides.some((s) => s.diagramId === failed)).toBe(true);
    // Errors in a file stay until it is fixed: a link to them, no Try again.
    expect(await alert.getByRole('link', { name: failed, exact: true }).count()).toBe(1);
    expect(await alert.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await page.screenshot({ path: artifactPath('lesson-deck-broken.png') });
    await alert.getByRole('link', { name: 'All diagrams' }).click();
    await page.waitForSelector('.fd-card');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.mode ?? null))
      .toBeNull();
    expect(await page.locator('.fd-header').isVisible()).toBe(true);
  });
});

/** Every node's and edge's state as the eye sees it: data-state, opacity, and an edge's colour. */
const looks = (page: Page) =>
  page.evaluate(() => {
    const seen: Record<string, string> = {};
    for (const element of document.querySelectorAll<HTMLElement>('.fd-canvas [data-node-id]')) {
      const style = getComputedStyle(element);
      seen[`node:${element.dataset.nodeId}`] = `${element.dataset.state}|${style.opacity}`;
    }
    for (const element of document.querySelectorAll<SVGElement>('.fd-canvas [data-edge-id]')) {
      const line = element.querySelector('.fd-edge-line');
      const stroke = line ? getComputedStyle(line).stroke : '';
      seen[`edge:${element.dataset.edgeId}`] =
        `${element.dataset.state}|${getComputedStyle(element).opacity}|${stroke}`;
    }
    return seen;
  });

async function pointAt(page: Page, nodeId: string) {
  const box = await page
    .locator(`.fd-canvas .react-flow__node${attr('data-id', nodeId)}`)
    .boundingBox();
  if (!box) throw new Error(`${nodeId} is not on screen`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
}

describe('pointing while presenting', () => {
  for (const pointer of ['l', 'z']) {
    it(`${pointer === 'l' ? 'the laser' : 'the spotlight'} changes no node's or edge's look`, async () => {
      const { page } = session;
      await page.goto(`${base()}#/d/kubectl-apply/apply/${controllerStep + 1}`);
      await page.waitForSelector('.fd-canvas .react-flow__node', { timeout: 30_000 });
      await page.mouse.move(2, 2);
      await page.keyboard.press('p');
      await settle(page);
      await page.waitForTimeout(900);
      const before = await looks(page);
      expect(before['node:controller']).toMatch(/^active\|1$/);
      await page.keyboard.press(pointer);
      await pointAt(page, 'scheduler');
      await page.waitForTimeout(600);
      expect(await looks(page)).toEqual(before);
      await pointAt(page, 'api');
      await page.waitForTimeout(600);
      expect(await looks(page)).toEqual(before);
      await page.screenshot({ path: artifactPath(`lesson-pointer-${pointer}.png`) });
    });
  }

  it('while a flow plays (not presenting), pointing dims none of the step', async () => {
    const { page } = session;
    await page.goto(`${base()}#/d/kubectl-apply/apply/${controllerStep + 1}`);
    await page.waitForSelector('.fd-canvas .react-flow__node', { timeout: 30_000 });
    await settle(page);
    await page.waitForTimeout(900);
    const before = await looks(page);
    await pointAt(page, 'scheduler');
    await page.waitForTimeout(600);
    expect(await looks(page)).toEqual(before);
    // The hint: the node pointed at is ringed.
    expect(
      await page
        .locator(`.fd-canvas [data-node-id="scheduler"]`)
        .evaluate((el) => getComputedStyle(el).outlineStyle),
    ).toBe('dashed');
  });

  it('without a flow, pointing still lights the node and its neighbours', async () => {
    const { page } = session;
    await page.goto(`${base()}#/d/kubectl-apply`);
    await page.waitForSelector('.fd-canvas .react-flow__node', { timeout: 30_000 });
    await settle(page);
    await pointAt(page, 'scheduler');
    await expect
      .poll(() =>
        page
          .locator('.fd-canvas [data-node-id="user"]')
          .evaluate((el) => Number(getComputedStyle(el).opacity)),
      )
      .toBeLessThan(1);
  });
});

describe('keys pressed while a view loads', () => {
  it('are applied to a deck once it is ready, in order', async () => {
    const { page } = session;
    const release = await holdLayouts(page);
    await page.goto(`${base()}#/deck/part1/1`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.fd-progress', { state: 'attached' });
    for (const key of ['ArrowRight', 'PageDown', 'ArrowRight', 'ArrowLeft', 'Space']) {
      await page.keyboard.press(key);
    }
    expect(await page.locator('.fd-deckbar').count()).toBe(0);
    await release();
    await deckReady(page, 4);
  });

  it('are applied to a flow once it is ready, p for presenter mode too', async () => {
    const { page } = session;
    const release = await holdLayouts(page);
    await page.goto(`${base()}#/d/kubectl-apply/apply/1`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.fd-progress', { state: 'attached' });
    for (const key of ['p', 'ArrowRight', 'ArrowRight', 'PageDown']) await page.keyboard.press(key);
    await release();
    await page.waitForSelector('.fd-canvas .react-flow__node', { timeout: 30_000 });
    await expect.poll(() => page.url()).toMatch(/#\/d\/kubectl-apply\/apply\/4$/);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.mode ?? null))
      .toBe('presenter');
  });

  it('are applied to the speaker view once it is ready', async () => {
    const { page } = session;
    const release = await holdLayouts(page);
    await page.goto(`${base()}#/speaker/kubectl-apply/apply/2`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.fd-progress', { state: 'attached' });
    for (const key of ['PageDown', 'PageDown', 'PageUp', 'PageDown']) {
      await page.keyboard.press(key);
    }
    await release();
    await page.waitForSelector('.fd-speaker', { timeout: 30_000 });
    await expect.poll(() => page.url()).toMatch(/#\/speaker\/kubectl-apply\/apply\/4$/);
    await expect.poll(() => page.locator('.fd-speaker').innerText()).toContain('Step 4 of');
  });

  it('go to the view they were pressed on, not to the next one', async () => {
    const { page } = session;
    const release = await holdLayouts(page);
    await page.goto(`${base()}#/deck/part1/1`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.fd-progress', { state: 'attached' });
    await page.keyboard.press('ArrowRight');
    // Another view before the deck was ready: the press was for the deck.
    await page.evaluate(() => {
      window.location.hash = '#/d/cri-chain';
    });
    await release();
    await page.waitForSelector('.fd-flowstart', { timeout: 30_000 });
    await settle(page);
    expect(page.url()).toMatch(/#\/d\/cri-chain$/);
    // Keys pressed once it is ready work as ever: → starts its first flow.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toMatch(/#\/d\/cri-chain\/[^/]+\/1$/);
  });
});
