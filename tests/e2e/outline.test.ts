import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { stripStepNumber } from '../../src/core/animate/stripStepNumber.ts';
import type { Model } from '../../src/core/model/types.ts';
import { oneLine } from '../../src/core/outline/outline.ts';
import { plainLabel, visibleEdges } from '../../src/core/outline/structure.ts';
import { flowdeck } from '../flowdeck.ts';
import { freshPagePerTest } from './chromium.ts';
import { diagramModels, openDiagram } from './diagramFiles.ts';
import { downloadFromMenu } from './exportMenu.ts';

// Issue 23: the Outline, a text alternative of every diagram, as a screen
// reader reaches it (by its landmark, without pressing anything) and as the
// Export menu saves it.

const baseUrl = inject('baseUrl');
const session = freshPagePerTest({ width: 1024, height: 768 });
let page: Page;
beforeEach(() => {
  ({ page } = session);
});

const models = diagramModels();
const files = new Map(
  models.map((m) => [m.id, `diagrams/${m.id}.${m.source === 'mermaid' ? 'mmd' : 'yaml'}`]),
);
const out = mkdtempSync(join(tmpdir(), 'flowdeck-outline-'));
beforeAll(async () => {
  // What the CLI writes for every diagram, in English: the Export menu must save the same.
  const run = await flowdeck('export', 'diagrams', '-o', out, '--format', 'md');
  expect(run.code, run.stderr).toBe(0);
}, 120_000);

/** The Outline's landmark, found as a screen reader finds it: a region by its name. */
function outlineRegion(model: Model, prefix = 'Outline of '): Locator {
  return page.getByRole('region', { name: `${prefix}${oneLine(model.title)}`, exact: true });
}

/** Every text of an accessibility snapshot (names, text, list items), one per line. */
function snapshotTexts(snapshot: string): string[] {
  const texts: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) {
        texts.push(key);
        walk(inner);
      }
  };
  walk(parse(snapshot));
  return texts.map((text) => text.replace(/^(text|listitem|paragraph): /, ''));
}

async function download(label: string) {
  const { name, data } = await downloadFromMenu(page, label);
  return { name, text: data.toString('utf8') };
}

describe('the Outline of every diagram in diagrams/', () => {
  for (const model of models) {
    it(`${model.id}: a region listing every node, edge and step; its Markdown is the CLI's`, async () => {
      await openDiagram(page, baseUrl, model.id);
      const region = outlineRegion(model);
      await expect.poll(() => region.count()).toBe(1);
      const texts = snapshotTexts(await region.ariaSnapshot());
      const said = (test: (text: string) => boolean) => texts.some(test);
      for (const node of model.nodes) {
        const label = plainLabel(node);
        expect(
          said((t) => t.startsWith(label)),
          `node ${label}`,
        ).toBe(true);
      }
      const byId = new Map(model.nodes.map((n) => [n.id, n]));
      for (const edge of visibleEdges(model)) {
        const target = byId.get(edge.target);
        const to = target ? plainLabel(target) : edge.target;
        const label = edge.label ? ` (${oneLine(edge.label)})` : '';
        const line = (t: string) =>
          /^[→←↔—] /.test(t) && t.slice(2).startsWith(to) && t.endsWith(label);
        expect(said(line), `edge ${edge.id}`).toBe(true);
      }
      for (const flow of model.flows) {
        expect(said((t) => t.includes(`heading "${oneLine(flow.title)}" [level=4]`))).toBe(true);
        flow.steps.forEach((step, i) => {
          const caption = stripStepNumber(oneLine(step.caption ?? ''), i + 1) || `Step ${i + 1}`;
          expect(
            said((t) => t.startsWith(caption)),
            `${flow.id} step ${i + 1}`,
          ).toBe(true);
        });
      }
      // Found without pressing anything: nothing inside takes focus while it is hidden.
      expect(await region.locator('button, a[href], [tabindex]').count()).toBe(0);

      const saved = await download('Outline (Markdown)');
      expect(saved.name).toBe(`${model.id}.md`);
      expect(saved.text).toBe(readFileSync(join(out, `${model.id}.md`), 'utf8'));
    });
  }
});

describe('the Outline button', () => {
  const model = models.find((m) => m.id === 'kubectl-apply');
  if (!model) throw new Error('no kubectl-apply');

  it('opens the outline as a panel, whose names select a node, and Esc closes it', async () => {
    await openDiagram(page, baseUrl, model.id);
    const region = outlineRegion(model);
    const button = page.getByRole('button', { name: 'Outline', exact: true });
    await expect.poll(() => region.count()).toBe(1);
    const hiddenBox = await region.boundingBox();
    expect(hiddenBox?.width ?? 0).toBeLessThanOrEqual(1);
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const openBox = await region.boundingBox();
    expect(openBox?.width ?? 0).toBeGreaterThan(250);
    // Focus moves to its heading, and its names are buttons now.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await region.getByRole('button', { name: 'API Server', exact: true }).click();
    await expect.poll(() => page.locator('[data-panel-node="api"]').count()).toBe(1);

    // The first Escape closes the node's details, the second the outline.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-panel-node]').count()).toBe(0);
    expect((await region.boundingBox())?.width ?? 0).toBeGreaterThan(250);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await region.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await region.locator('button').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Outline');

    // The button closes it too.
    await button.click();
    await button.click();
    await expect.poll(async () => (await region.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
  });

  it('says it in Korean, and the Korean Markdown is what flowdeck export --lang ko writes', async () => {
    const context = await session.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'ko-KR',
    });
    page = await context.newPage();
    try {
      await openDiagram(page, baseUrl, model.id);
      const region = outlineRegion(model, '');
      const korean = page.getByRole('region', { name: `${oneLine(model.title)} 개요` });
      await expect.poll(() => korean.count()).toBe(1);
      expect(await region.count()).toBe(0);
      await page.getByRole('button', { name: '개요', exact: true }).click();
      expect((await korean.boundingBox())?.height ?? 0).toBeGreaterThan(200);
      const texts = snapshotTexts(await korean.ariaSnapshot());
      expect(texts).toContain('heading "구성" [level=3]');
      expect(texts).toContain('heading "흐름" [level=3]');
      await page.keyboard.press('Escape');
      await page.click('.fd-export > summary');
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '개요 (Markdown)' }).click(),
      ]);
      const md = join(out, 'kubectl-apply.ko.md');
      const run = await flowdeck('export', files.get(model.id) ?? '', '-o', md, '--lang', 'ko');
      expect(run.code, run.stderr).toBe(0);
      expect(readFileSync(await file.path(), 'utf8')).toBe(readFileSync(md, 'utf8'));
    } finally {
      await context.close();
    }
  });
});
