import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { artifactPath, launchChromium } from './chromium.ts';
import { attr, diagramModels, openDiagram } from './diagramFiles.ts';

const models = diagramModels();
// A laptop, a classroom projector and a phone.
const VIEWPORTS = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'projector', width: 1024, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Rect {
  id: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where every node and group is on screen. */
function nodeRects(page: Page): Promise<Rect[]> {
  return page.$$eval('.fd-canvas [data-node-id]', (elements) =>
    elements.map((el) => {
      const r = el.getBoundingClientRect();
      return {
        id: el.getAttribute('data-node-id') ?? '',
        left: r.left,
        top: r.top,
        right: r.right,
        bottom: r.bottom,
      };
    }),
  );
}

describe.each(VIEWPORTS)('every diagram on a $name ($width×$height)', (viewport) => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: viewport.width, height: viewport.height } });
  });
  afterAll(async () => {
    await page?.close();
  });

  for (const model of models) {
    it(`${model.id}: every node drawn inside the view, siblings apart, labels unclipped`, async () => {
      const errors: string[] = [];
      const onError = (e: Error) => errors.push(e.message);
      page.on('pageerror', onError);
      await openDiagram(page, inject('baseUrl'), model.id);
      const canvas = await page.locator('.fd-canvas').boundingBox();
      if (!canvas) throw new Error('no canvas');
      const rects = new Map((await nodeRects(page)).map((r) => [r.id, r]));

      for (const node of model.nodes) {
        const box = rects.get(node.id);
        expect(box, `node ${node.id} is drawn`).toBeDefined();
        if (!box) continue;
        expect(box.left, `${node.id} left`).toBeGreaterThanOrEqual(canvas.x - 1);
        expect(box.top, `${node.id} top`).toBeGreaterThanOrEqual(canvas.y - 1);
        expect(box.right, `${node.id} right`).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
        expect(box.bottom, `${node.id} bottom`).toBeLessThanOrEqual(canvas.y + canvas.height + 1);
      }

      // No two siblings overlap on screen.
      const overlaps: string[] = [];
      for (const a of model.nodes) {
        for (const b of model.nodes) {
          if (a.id >= b.id || a.parent !== b.parent) continue;
          const ra = rects.get(a.id);
          const rb = rects.get(b.id);
          if (!ra || !rb) continue;
          const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
          const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
          if (w > 0.5 && h > 0.5) overlaps.push(`${a.id} × ${b.id}`);
        }
      }
      expect(overlaps).toEqual([]);

      if (viewport.name === 'laptop') {
        // Every label's text fits its box: node and group labels in their
        // shapes, edge labels on their plates.
        const clipped = await page.$$eval('.fd-node, .fd-group, .fd-edge-label', (elements) =>
          elements.flatMap((el) => {
            const text = el.querySelector('text')?.getBoundingClientRect();
            const box = (el.querySelector('.fd-edge-label > rect') ?? el).getBoundingClientRect();
            if (!text || text.width === 0) return [];
            const inside =
              text.left >= box.left - 1 &&
              text.right <= box.right + 1 &&
              text.top >= box.top - 1 &&
              text.bottom <= box.bottom + 1;
            const id =
              el.getAttribute('data-node-id') ??
              el.closest('[data-edge-id]')?.getAttribute('data-edge-id');
            return inside ? [] : [id];
          }),
        );
        expect(clipped).toEqual([]);
        for (const edge of model.edges.filter((e) => e.line !== 'invisible')) {
          expect(
            await page.locator(`${attr('data-edge-id', edge.id)} path`).count(),
            edge.id,
          ).toBeGreaterThan(0);
        }
        // Every element says what it is and how it stands.
        const states = await page.$$eval('[data-node-id], [data-edge-id]', (els) => [
          ...new Set(els.map((el) => el.getAttribute('data-state'))),
        ]);
        expect(states).toEqual(['idle']);
      }
      await page.screenshot({ path: artifactPath(`diagram-${model.id}-${viewport.name}.png`) });
      page.off('pageerror', onError);
      expect(errors).toEqual([]);
    });
  }
});
