import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { stripStepNumber } from '../../src/core/animate/stripStepNumber.ts';
import { buildTimeline } from '../../src/core/animate/timeline.ts';
import { isDeckSource } from '../../src/core/deck/isDeckSource.ts';
import { parseDeck } from '../../src/core/deck/parseDeck.ts';
import { deckSlides } from '../../src/core/deck/slides.ts';
import { createDefaultLayoutEngine } from '../../src/core/layout/createDefaultLayoutEngine.ts';
import type { LaidOutDiagram } from '../../src/core/layout/types.ts';
import { nearestShape } from '../../src/core/model/screenShape.ts';
import type { Model } from '../../src/core/model/types.ts';
import { parseDiagram } from '../../src/core/parse/parseDiagram.ts';

/** Every diagram in diagrams/ (decks aside), parsed in Node: what the browser must show. */
export function diagramModels(): Model[] {
  return readdirSync('diagrams')
    .filter((f) => /\.(mmd|mermaid|ya?ml)$/.test(f))
    .sort()
    .map((f) => `diagrams/${f}`)
    .filter((file) => !isDeckSource(readFileSync(file, 'utf8')))
    .map((file) => {
      const { model } = parseDiagram(readFileSync(file, 'utf8'), { file });
      if (!model) throw new Error(`${file} did not parse`);
      return model;
    });
}

/** Opens a diagram view and waits until it is drawn in its font and fitted. */
export async function openDiagram(page: Page, baseUrl: string, id: string) {
  await page.goto(`${baseUrl}#/d/${encodeURIComponent(id)}`);
  await page.waitForSelector('.fd-canvas .react-flow__node', { timeout: 30_000 });
  await settle(page);
}

/** Fonts loaded and a few frames drawn, so boxes are where they will stay. */
export async function settle(page: Page) {
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await page.waitForTimeout(250);
}

/** A CSS attribute selector value, quoted. */
export function attr(name: string, value: string): string {
  return `[${name}="${value.replace(/(["\\])/g, '\\$1')}"]`;
}

/**
 * A deck's slides as the app plays them (`deckSlides` from the core), each
 * with its caption (its step's, else the diagram's title) and the caption
 * shown beside its slide number (`shown`), from the same layouts the app makes.
 */
export async function deckPlay(file: string) {
  const { deck } = parseDeck(readFileSync(file, 'utf8'), { file });
  if (!deck) throw new Error(`${file} did not parse`);
  const engine = createDefaultLayoutEngine();
  const models = new Map(diagramModels().map((m) => [m.id, m]));
  const diagrams = new Map<string, LaidOutDiagram>();
  for (const { diagram } of deck.entries) {
    const model = models.get(diagram);
    if (model && !diagrams.has(diagram)) diagrams.set(diagram, await engine.layout(model));
  }
  const slides = deckSlides(deck, (id) => diagrams.get(id)?.flows).map((slide, index) => {
    const diagram = diagrams.get(slide.diagramId) as LaidOutDiagram;
    const flow = diagram.flows.find((f) => f.id === slide.flowId);
    const caption = flow ? (buildTimeline(diagram, flow).steps[slide.step]?.caption ?? '') : '';
    // Beside "Slide n of N", a caption starting with n shows it once.
    const shown = stripStepNumber(caption, index + 1) || diagram.title;
    return { ...slide, caption: caption || diagram.title, shown };
  });
  return { deck, diagrams, slides };
}

/**
 * A diagram of diagrams/ laid out in Node as the app lays it out on a page
 * of this size (for its screen shape), with its first flow's timeline.
 */
export async function laidOutForPage(id: string, viewport: { width: number; height: number }) {
  const model = diagramModels().find((m) => m.id === id);
  if (!model) throw new Error(`no diagram ${id}`);
  const diagram = await createDefaultLayoutEngine().layout(model, {
    screen: nearestShape(viewport.width, viewport.height),
  });
  const flow = diagram.flows[0];
  return { diagram, timeline: flow ? buildTimeline(diagram, flow) : undefined };
}

/** The canvas's box on the page and React Flow's camera over it (`translate(x, y) scale(zoom)`). */
export async function canvasView(page: Page) {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const canvas = document.querySelector('.fd-canvas')?.getBoundingClientRect();
    const m = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([-\d.]+)\)/.exec(
      viewport?.style.transform ?? '',
    );
    if (!m || !canvas) throw new Error('no viewport');
    return {
      box: { x: canvas.x, y: canvas.y, width: canvas.width, height: canvas.height },
      view: { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) },
    };
  });
}
