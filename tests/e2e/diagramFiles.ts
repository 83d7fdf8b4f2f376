import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { isDeckSource } from '../../src/core/deck/isDeckSource.ts';
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
