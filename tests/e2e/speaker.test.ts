import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stripStepNumber } from '../../src/core/animate/stripStepNumber.ts';
import { buildTimeline, type Timeline } from '../../src/core/animate/timeline.ts';
import { createDefaultLayoutEngine } from '../../src/core/layout/createDefaultLayoutEngine.ts';
import { artifactPath, launchChromium } from './chromium.ts';
import { deckPlay, diagramModels, settle } from './diagramFiles.ts';

// The captions and notes the speaker view must show, from the same layout the app makes.
const DIAGRAM = 'kubectl-apply';
const FLOW = 'apply';
const model = diagramModels().find((m) => m.id === DIAGRAM);
if (!model) throw new Error(`no diagram ${DIAGRAM}`);
const laidOut = await createDefaultLayoutEngine().layout(model);
const flow = laidOut.flows.find((f) => f.id === FLOW);
if (!flow) throw new Error(`no flow ${FLOW}`);
const timeline: Timeline = buildTimeline(laidOut, flow);

// The part1 deck's slides and their captions, as the app plays them.
const { slides } = await deckPlay('diagrams/part1.yaml');
const slideCaption = (index: number) => oneLine(slides[index]?.caption ?? '');
/** What the slide shows beside its number (the number, if the caption starts with it, once). */
const slideShown = (index: number) => oneLine(slides[index]?.shown ?? '');

const base = () => inject('baseUrl');
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const caption = (index: number) => oneLine(timeline.steps[index]?.caption ?? '');
/** What the step shows beside its number: the caption without that number. */
const shown = (index: number) =>
  oneLine(stripStepNumber(timeline.steps[index]?.caption ?? '', index + 1));

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function text(page: Page, selector: string): Promise<string> {
  return oneLine(await page.locator(selector).innerText());
}

describe('the speaker view', () => {
  it('shows the step, its notes and the next one, and moves both windows either way', async () => {
    expect(timeline.steps.length).toBeGreaterThanOrEqual(3);
    expect(timeline.steps[0]?.notes).toBeTruthy();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const errors: string[] = [];
    const main = await context.newPage();
    main.on('pageerror', (e) => errors.push(`main: ${e.message}`));
    await main.goto(`${base()}#/d/${DIAGRAM}/${FLOW}/1`);
    await main.waitForSelector('.fd-flowbar');
    await settle(main);

    const speaker = await context.newPage();
    speaker.on('pageerror', (e) => errors.push(`speaker: ${e.message}`));
    await speaker.setViewportSize({ width: 1100, height: 720 });
    await speaker.goto(`${base()}#/speaker/${DIAGRAM}/${FLOW}/1`);
    await speaker.waitForSelector('.fd-speaker');
    await settle(speaker);

    // No app header there; the step, its notes, the next caption and its preview.
    expect(await speaker.locator('.fd-header').count()).toBe(0);
    await expect.poll(() => text(speaker, '.fd-speaker-now .fd-speaker-caption')).toBe(shown(0));
    expect(await text(speaker, '.fd-speaker-next .fd-speaker-caption')).toBe(caption(1));
    expect(await text(speaker, '.fd-speaker-notes')).toBe(oneLine(timeline.steps[0]?.notes ?? ''));
    expect(await text(speaker, '.fd-speaker-count')).toBe(`Step 1 of ${timeline.steps.length}`);
    expect(await speaker.locator('[data-testid="elapsed"]').innerText()).toMatch(/^\d\d:\d\d$/);
    expect(await speaker.locator('[data-testid="clock"]').innerText()).toMatch(/^\d\d:\d\d$/);
    // The preview draws the next step's states.
    const next = timeline.steps[1];
    const active = Object.keys(next?.nodes ?? {}).filter((id) => next?.nodes[id] === 'active');
    expect(active.length).toBeGreaterThan(0);
    expect(
      await speaker.locator('.fd-speaker-preview .fd-thumb-node[data-state="active"]').count(),
    ).toBe(active.filter((id) => laidOut.nodes.find((n) => n.id === id)?.kind !== 'group').length);
    await speaker.screenshot({ path: artifactPath('speaker-step1.png') });

    // → in the diagram window moves the speaker view.
    await main.bringToFront();
    await main.keyboard.press('ArrowRight');
    await expect.poll(() => main.url()).toContain(`#/d/${DIAGRAM}/${FLOW}/2`);
    await expect.poll(() => speaker.url()).toContain(`#/speaker/${DIAGRAM}/${FLOW}/2`);
    await expect.poll(() => text(speaker, '.fd-speaker-now .fd-speaker-caption')).toBe(shown(1));
    expect(await text(speaker, '.fd-speaker-next .fd-speaker-caption')).toBe(caption(2));

    // → in the speaker view moves the diagram window.
    await speaker.bringToFront();
    await speaker.keyboard.press('ArrowRight');
    await expect.poll(() => speaker.url()).toContain(`#/speaker/${DIAGRAM}/${FLOW}/3`);
    await expect.poll(() => main.url()).toContain(`#/d/${DIAGRAM}/${FLOW}/3`);
    // Read as the audience sees it: the projector's window is on screen. (A
    // page headless Chromium keeps in the background gets no animation
    // frames, so its caption's cross-fade would wait.)
    await main.bringToFront();
    await expect.poll(() => text(main, '.fd-caption')).toContain(shown(2));
    await speaker.bringToFront();

    // Its buttons drive too: back to step 2 in both.
    await speaker.getByRole('button', { name: 'Previous step' }).click();
    await expect.poll(() => main.url()).toContain(`#/d/${DIAGRAM}/${FLOW}/2`);
    await expect.poll(() => text(speaker, '.fd-speaker-now .fd-speaker-caption')).toBe(shown(1));
    await speaker.screenshot({ path: artifactPath('speaker-step2.png') });

    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens from the diagram window with s, on the step being shown', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const main = await context.newPage();
    await main.goto(`${base()}#/d/${DIAGRAM}/${FLOW}/2`);
    await main.waitForSelector('.fd-flowbar');
    await settle(main);
    const [popup] = await Promise.all([context.waitForEvent('page'), main.keyboard.press('s')]);
    await popup.waitForLoadState();
    expect(popup.url()).toContain(`#/speaker/${DIAGRAM}/${FLOW}/2`);
    await popup.waitForSelector('.fd-speaker');
    await expect.poll(() => text(popup, '.fd-speaker-now .fd-speaker-caption')).toBe(shown(1));
    // The button in the player opens (or brings back) the same window.
    expect(await main.getByRole('button', { name: 'Speaker view' }).count()).toBe(1);
    await context.close();
  });

  it('follows a deck: the slide, the next one across diagrams, both windows driving', async () => {
    // The last slide of the first diagram, and the one after it, on the next diagram.
    const last = slides.findIndex(
      (s, i) => slides[i + 1] && slides[i + 1]?.diagramId !== s.diagramId,
    );
    expect(last).toBeGreaterThanOrEqual(2);
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const errors: string[] = [];
    const main = await context.newPage();
    main.on('pageerror', (e) => errors.push(`deck: ${e.message}`));
    await main.goto(`${base()}#/deck/part1/1`);
    await main.waitForSelector('.fd-deckbar', { timeout: 60_000 });
    await settle(main);
    // The deck bar opens it too.
    expect(await main.getByRole('button', { name: 'Speaker view' }).count()).toBe(1);

    const speaker = await context.newPage();
    speaker.on('pageerror', (e) => errors.push(`speaker: ${e.message}`));
    await speaker.setViewportSize({ width: 1100, height: 720 });
    await speaker.goto(`${base()}#/speaker-deck/part1/1`);
    await speaker.waitForSelector('.fd-speaker', { timeout: 60_000 });
    await settle(speaker);

    const now = () => text(speaker, '.fd-speaker-now .fd-speaker-caption');
    const next = () => text(speaker, '.fd-speaker-next .fd-speaker-caption');
    const deckCaption = () => text(main, '.fd-deckbar .fd-caption');
    const both = async (index: number) => {
      await expect.poll(() => main.url()).toMatch(new RegExp(`#/deck/part1/${index + 1}$`));
      await expect
        .poll(() => speaker.url())
        .toMatch(new RegExp(`#/speaker-deck/part1/${index + 1}$`));
      await expect.poll(now).toBe(slideShown(index));
      await expect.poll(next).toBe(slideCaption(index + 1));
      // A hidden page gets no animation frames, and the deck bar's caption waits for one.
      await main.bringToFront();
      await expect.poll(deckCaption).toContain(slideShown(index));
      await expect
        .poll(() => main.locator('.fd-canvas').first().getAttribute('data-diagram-id'))
        .toBe(slides[index]?.diagramId);
    };

    expect(await speaker.locator('.fd-header').count()).toBe(0);
    await expect.poll(now).toBe(slideShown(0));
    expect(await next()).toBe(slideCaption(1));
    expect(await text(speaker, '.fd-speaker-count')).toBe(`Slide 1 of ${slides.length}`);
    expect(await speaker.locator('.fd-speaker-preview .fd-thumb').count()).toBe(1);

    // → in the deck moves the speaker view; → in the speaker view moves the deck.
    await main.bringToFront();
    await main.keyboard.press('ArrowRight');
    await both(1);
    await speaker.bringToFront();
    await speaker.keyboard.press('ArrowRight');
    await both(2);

    // To the first diagram's last slide: its next is the next diagram's first.
    await speaker.evaluate(
      (hash) => window.location.replace(hash),
      `#/speaker-deck/part1/${last + 1}`,
    );
    await both(last);
    expect(slides[last + 1]?.diagramId).not.toBe(slides[last]?.diagramId);
    await speaker.screenshot({ path: artifactPath('speaker-deck-boundary.png') });
    // Across it from the deck, back from the speaker view, across again from the speaker view.
    await main.bringToFront();
    await main.keyboard.press('ArrowRight');
    await both(last + 1);
    await speaker.bringToFront();
    await speaker.keyboard.press('ArrowLeft');
    await both(last);
    await speaker.getByRole('button', { name: 'Next slide' }).click();
    await both(last + 1);

    expect(errors).toEqual([]);
    await context.close();
  });
});
