import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { artifactPath, freshPagePerTest } from './chromium.ts';
import { attr, deckPlay, settle } from './diagramFiles.ts';

// The slides the app must show, computed in Node from the same layouts it makes.
const { deck, diagrams, slides } = await deckPlay('diagrams/part1.yaml');
function captionOf(index: number): string {
  const slide = slides[index];
  if (!slide) throw new Error(`no slide ${index}`);
  return slide.shown.replace(/\s+/g, ' ').trim();
}

const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  ({ page } = session);
});
const base = () => inject('baseUrl');

const canvasDiagram = () =>
  page.locator('.fd-canvas').first().getAttribute('data-diagram-id', { timeout: 2000 });
const caption = () =>
  page
    .locator('.fd-deckbar .fd-caption')
    .innerText()
    .then((text) => text.replace(/\s+/g, ' '));

async function expectSlide(index: number) {
  const slide = slides[index];
  if (!slide) throw new Error(`no slide ${index}`);
  await expect.poll(() => page.url()).toMatch(new RegExp(`#/deck/part1/${index + 1}$`));
  await expect.poll(canvasDiagram).toBe(slide.diagramId);
  await expect.poll(caption).toContain(`Slide ${index + 1} of ${slides.length}`);
  await expect.poll(caption).toContain(captionOf(index));
}

async function open(slide: number) {
  await page.goto(`${base()}#/deck/part1/${slide}`);
  await page.waitForSelector('.fd-deckbar', { timeout: 60_000 });
  await settle(page);
}

/** The element of a node on the canvas, by its id. */
const nodeSelector = (id: string) => `.fd-canvas .react-flow__node${attr('data-id', id)}`;

describe('the part1 deck', () => {
  it('has the issue’s diagrams in order, each flow’s steps as slides', () => {
    expect(deck.entries.map((e) => e.diagram)).toEqual([
      'traditional-server',
      'virtualization',
      'containers',
      'isolation',
      'cgroups',
      'cri-chain',
      'orchestrator',
      'cluster-layout',
      'kubectl-apply',
      'self-healing-cluster',
      'k8s-history',
    ]);
    expect(slides.length).toBeGreaterThan(deck.entries.length);
    expect(new Set(slides.map((s) => s.entry)).size).toBe(deck.entries.length);
  });

  it('plays every slide in order with →, and goes back with ←, Home and End', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await open(1);
    await expectSlide(0);
    for (let i = 1; i < slides.length; i++) {
      await page.keyboard.press('ArrowRight');
      await expectSlide(i);
    }
    // Past the end stays on the end.
    await page.keyboard.press('ArrowRight');
    await expectSlide(slides.length - 1);
    await page.keyboard.press('ArrowLeft');
    await expectSlide(slides.length - 2);
    await page.keyboard.press('Home');
    await expectSlide(0);
    await page.keyboard.press('End');
    await expectSlide(slides.length - 1);
    await page.getByRole('button', { name: 'First slide' }).click();
    await expectSlide(0);
    await page.getByRole('button', { name: 'Next slide' }).click();
    await expectSlide(1);
    expect(errors).toEqual([]);
  });

  it('morphs into the next diagram: a shared node keeps its element and glides to its new place', async () => {
    const last = slides.findLastIndex((s) => s.diagramId === 'traditional-server');
    expect(slides[last + 1]?.diagramId).toBe('virtualization');
    const shared = 'HW';
    const old = diagrams.get('traditional-server');
    const next = diagrams.get('virtualization');
    expect(old?.nodes.some((n) => n.id === shared)).toBe(true);
    expect(next?.nodes.some((n) => n.id === shared)).toBe(true);
    // `OS` is only in the traditional server; `HV` only in the VM stack.
    expect(next?.nodes.some((n) => n.id === 'OS')).toBe(false);
    expect(old?.nodes.some((n) => n.id === 'HV')).toBe(false);

    await open(last + 1);
    await expectSlide(last);
    await page.waitForTimeout(800);
    const handle = await page.locator(nodeSelector(shared)).elementHandle();
    if (!handle) throw new Error(`no ${shared} node`);
    const before = await handle.boundingBox();
    await page.screenshot({ path: artifactPath('deck-morph-before.png') });

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/deck/part1/${last + 2}$`));
    await expect.poll(canvasDiagram).toBe('virtualization');
    // Mid-morph: the canvas is morphing, the leaving node fades out in place, the new one fades in.
    const mid = await page.evaluate(
      ({ os, hv }) => ({
        morphing: document.querySelector('.fd-canvas')?.hasAttribute('data-morphing'),
        leaving: document.querySelector(`${os} .fd-node`)?.getAttribute('data-state') ?? null,
        entering: document.querySelector(hv)?.classList.contains('fd-entering') ?? false,
      }),
      { os: nodeSelector('OS'), hv: nodeSelector('HV') },
    );
    await page.waitForTimeout(120);
    await page.screenshot({ path: artifactPath('deck-morph-mid.png') });
    expect(mid).toEqual({ morphing: true, leaving: 'hidden', entering: true });

    await page.waitForTimeout(1200);
    await page.screenshot({ path: artifactPath('deck-morph-after.png') });
    expect(await handle.evaluate((el) => el.isConnected)).toBe(true);
    expect(
      await handle.evaluate(
        (el, selector) => el === document.querySelector(selector),
        nodeSelector(shared),
      ),
    ).toBe(true);
    const after = await handle.boundingBox();
    const settled = await page.locator(nodeSelector(shared)).boundingBox();
    expect(after).toEqual(settled);
    if (!before || !after) throw new Error('no box');
    const moved =
      Math.hypot(after.x - before.x, after.y - before.y) + Math.abs(after.width - before.width);
    expect(moved).toBeGreaterThan(10);
    // The leaving nodes are gone once the morph is over; the canvas is still.
    await expect.poll(() => page.locator(nodeSelector('OS')).count()).toBe(0);
    await expect
      .poll(() => page.locator('.fd-canvas').first().getAttribute('data-morphing'))
      .toBeNull();
  });

  it('is presented from the deck: p, then a clicker moves the slides across diagrams', async () => {
    await open(1);
    await page.keyboard.press('p');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.mode))
      .toBe('presenter');
    await page.keyboard.press('PageDown');
    await expectSlide(1);
    await page.keyboard.press('PageUp');
    await expectSlide(0);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.mode ?? null))
      .toBe(null);
  });

  it('lands on the same slide after a reload', async () => {
    const slide = Math.min(5, slides.length);
    await open(slide);
    await expectSlide(slide - 1);
    await page.reload();
    await page.waitForSelector('.fd-deckbar', { timeout: 60_000 });
    await expectSlide(slide - 1);
  });

  it('says so for a slide out of range or an unknown deck', async () => {
    await page.goto(`${base()}#/deck/part1/${slides.length + 1}`);
    await expect
      .poll(() => page.getByRole('alert').innerText(), { timeout: 60_000 })
      .toContain(`no slide ${slides.length + 1}: its slides are 1 to ${slides.length}`);
    await page.getByRole('link', { name: 'First slide' }).click();
    await expectSlide(0);
    await page.goto(`${base()}#/deck/no-such-deck/1`);
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('No deck called');
  });
});
