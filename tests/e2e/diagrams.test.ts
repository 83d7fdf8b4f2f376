import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseDiagram } from '../../src/core/parse/parseDiagram.ts';
import { artifactPath, launchChromium } from './chromium.ts';

const files = readdirSync('diagrams')
  .filter((f) => /\.(mmd|ya?ml)$/.test(f))
  .map((f) => `diagrams/${f}`);

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
});

describe('every diagram opens in the browser', () => {
  for (const file of files) {
    const { model } = parseDiagram(readFileSync(file, 'utf8'), { file });
    const id = model?.id ?? file;
    it(`${id}: every node and edge is drawn, inside the view, labels as measured`, async () => {
      if (!model) throw new Error(`${file} did not parse`);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${inject('baseUrl')}#/d/${encodeURIComponent(id)}`);
      await page.waitForSelector('.fd-canvas .react-flow__node', { timeout: 30_000 });
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(300);
      for (const node of model.nodes) {
        const box = await page.locator(`[data-node-id="${CSS.escape(node.id)}"]`).boundingBox();
        expect(box, `node ${node.id}`).not.toBeNull();
        if (!box) continue;
        expect(box.x).toBeGreaterThanOrEqual(-1);
        expect(box.y).toBeGreaterThanOrEqual(-1);
        expect(box.x + box.width).toBeLessThanOrEqual(1281);
        expect(box.y + box.height).toBeLessThanOrEqual(801);
      }
      // No label is clipped: every drawn label lies inside its node's box.
      const clipped = await page.$$eval('.fd-node, .fd-group', (elements) =>
        elements.flatMap((el) => {
          const box = el.getBoundingClientRect();
          const text = el.querySelector('text')?.getBoundingClientRect();
          if (!text) return [];
          const inside =
            text.left >= box.left - 1 &&
            text.right <= box.right + 1 &&
            text.top >= box.top - 1 &&
            text.bottom <= box.bottom + 1;
          return inside ? [] : [el.getAttribute('data-node-id')];
        }),
      );
      expect(clipped).toEqual([]);
      const visibleEdges = model.edges.filter((e) => e.line !== 'invisible');
      for (const edge of visibleEdges) {
        await expect
          .poll(() => page.locator(`[data-edge-id="${CSS.escape(edge.id)}"] path`).count())
          .toBeGreaterThan(0);
      }
      await page.screenshot({ path: artifactPath(`diagram-${id}.png`) });
      expect(errors).toEqual([]);
    });
  }
});

/** CSS.escape is a browser API; node ids here are plain enough for this. */
const CSS = { escape: (s: string) => s.replace(/(["\\])/g, '\\$1') };
