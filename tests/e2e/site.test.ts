import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../bench/bundle.ts';
import { buildTimeline } from '../../src/core/animate/timeline.ts';
import { isDeckSource } from '../../src/core/deck/isDeckSource.ts';
import { parseDeck } from '../../src/core/deck/parseDeck.ts';
import { createDefaultLayoutEngine } from '../../src/core/layout/createDefaultLayoutEngine.ts';
import type { LayoutManifest } from '../../src/core/layoutSource.ts';
import { launchChromium } from './chromium.ts';
import { diagramModels, settle } from './diagramFiles.ts';
import { expectParallelLayout } from './elkWorkers.ts';
import { type StaticSite, serveStatic } from './staticServer.ts';

/**
 * `npm run build` as a static site: a production build served by a plain
 * static server under a sub-path (no rewrites, no fallback), the way a blog
 * or GitHub Pages would host it. Every diagram, flow and deck must work from
 * it, and the page must ask nothing of any other server (offline, and no
 * root-absolute URL escaping the sub-path).
 */
const PREFIX = '/talks/flowdeck/';
const models = diagramModels();
const decks = readdirSync('diagrams')
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => `diagrams/${f}`)
  .filter((file) => isDeckSource(readFileSync(file, 'utf8')))
  .flatMap((file) => parseDeck(readFileSync(file, 'utf8'), { file }).deck ?? []);

// The last step of every flow, as the core computes it: what its URL must show.
const engine = createDefaultLayoutEngine();
const lastSteps: { diagram: string; flow: string; step: number; nodes: Record<string, string> }[] =
  [];
for (const model of models) {
  const diagram = await engine.layout(model);
  for (const flow of diagram.flows) {
    const steps = buildTimeline(diagram, flow).steps;
    const last = steps.at(-1);
    if (last)
      lastSteps.push({ diagram: model.id, flow: flow.id, step: steps.length, nodes: last.nodes });
  }
}

let outDir: string;
let site: StaticSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'flowdeck-site-test-'));
  await buildApp(outDir, { compress: false });
  site = await serveStatic(outDir, PREFIX);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  // Workers' requests (the layout worker's chunks) come through the context too.
  context.on('request', (request) => requests.push(request.url()));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await page?.close();
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
});

/** The node ids drawn on the canvas, once there are some. */
async function drawnNodes(on = page): Promise<string[]> {
  await on.waitForSelector('.fd-canvas [data-node-id]', { timeout: 30_000 });
  await settle(on);
  return on.$$eval('.fd-canvas [data-node-id]', (els) =>
    els.map((el) => el.getAttribute('data-node-id') ?? '').sort(),
  );
}

describe(`the built site under a sub-path (${PREFIX})`, () => {
  it('lists every diagram in the gallery', async () => {
    await page.goto(site.url);
    const cards = () =>
      page.$$eval('.fd-card[data-diagram-id]', (els) =>
        [...new Set(els.map((el) => el.getAttribute('data-diagram-id') ?? ''))].sort(),
      );
    await expect.poll(cards, { timeout: 30_000 }).toEqual(models.map((m) => m.id).sort());
  });

  it('draws every diagram at its URL', async () => {
    for (const model of models) {
      await page.goto(`${site.url}#/d/${encodeURIComponent(model.id)}`);
      expect(await drawnNodes(), model.id).toEqual(model.nodes.map((n) => n.id).sort());
    }
  });

  it('draws in Pretendard, both weights loaded from the site', async () => {
    await page.goto(`${site.url}#/d/${encodeURIComponent(models[0]?.id ?? '')}`);
    await drawnNodes();
    const faces = await page.evaluate(async () => {
      await Promise.all([
        document.fonts.load('400 16px Pretendard'),
        document.fonts.load('600 16px Pretendard'),
      ]);
      await document.fonts.ready;
      return [...document.fonts]
        .filter((f) => f.family.replace(/["']/g, '') === 'Pretendard')
        .map((f) => `${f.weight} ${f.status}`)
        .sort();
    });
    expect(faces).toEqual(['400 loaded', '600 loaded']);
  });

  it('opens each flow at its last step', async () => {
    expect(lastSteps.length).toBeGreaterThan(0);
    for (const { diagram, flow, step, nodes } of lastSteps) {
      await page.goto(`${site.url}#/d/${encodeURIComponent(diagram)}/${flow}/${step}`);
      await page.waitForSelector('.fd-flowbar', { timeout: 30_000 });
      const states = () =>
        page.$$eval('.fd-canvas [data-node-id]', (els) =>
          Object.fromEntries(
            els.map((el) => [el.getAttribute('data-node-id'), el.getAttribute('data-state')]),
          ),
        );
      await expect.poll(states, { timeout: 10_000 }).toEqual(nodes);
      await expect
        .poll(() => page.locator('.fd-step-count').innerText())
        .toBe(`Step ${step} of ${step}`);
    }
  });

  it('plays each deck', async () => {
    expect(decks.length).toBeGreaterThan(0);
    for (const deck of decks) {
      await page.goto(`${site.url}#/deck/${encodeURIComponent(deck.id)}/1`);
      await page.waitForSelector('.fd-deckbar', { timeout: 60_000 });
      await expect
        .poll(() => page.locator('.fd-canvas').first().getAttribute('data-diagram-id'))
        .toBe(deck.entries[0]?.diagram);
      expect((await drawnNodes()).length).toBeGreaterThan(0);
    }
  });

  it('starts each deck from the gallery, and comes back to it from one of its diagrams', async () => {
    for (const deck of decks) {
      // A tab that has drawn the gallery, and every diagram before it (the tests above).
      await page.goto(site.url);
      await page.waitForSelector('.fd-card');
      const section = page.locator('section.fd-section').filter({ hasText: deck.title });
      await section.getByRole('link', { name: 'Start lesson' }).click();
      await page.waitForSelector('.fd-deckbar', { timeout: 30_000 });
      await page.locator('.fd-deck-open').click();
      await drawnNodes();
      await page.goBack();
      await page.waitForSelector('.fd-deckbar', { timeout: 30_000 });
      expect(page.url()).toMatch(new RegExp(`#/deck/${deck.id}/1$`));
    }
  });

  it('opens the editor and exports from the site (CodeMirror, fonts and wasm all served by it)', async () => {
    await page.goto(`${site.url}#/new`);
    await page.waitForSelector('.cm-content', { timeout: 60_000 });
    await expect
      .poll(async () => (await drawnNodes()).length, { timeout: 30_000 })
      .toBeGreaterThan(0);
    await page.click('.fd-export > summary');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'SVG of this view' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.svg$/);
  });

  it('lays a big shared diagram out on more than one ELK worker, where one thread puts it', async () => {
    // The ELK workers are the layout worker's own script, from its hashed URL under the sub-path.
    await expectParallelLayout(page, site.url);
  }, 120_000);

  it('asked nothing outside the site, and found everything it asked for', () => {
    expect(requests.length).toBeGreaterThan(0);
    const outside = requests.filter(
      (url) => !url.startsWith(site.url) && !/^(data|blob):/.test(url),
    );
    expect(outside).toEqual([]);
    expect(site.missing).toEqual([]);
    expect(errors).toEqual([]);
  });
});

/** Installed before the app's scripts: lists the layout workers a page starts and the channel of each job it sends them. */
const COUNT_LAYOUT_JOBS = `(() => {
  const Native = window.Worker;
  window.__layoutJobs = [];
  window.__layoutWorkers = 0;
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      if (/layout\\.worker/.test(String(url))) window.__layoutWorkers++;
    }
    postMessage(message, ...rest) {
      if (message && typeof message.channel === 'string')
        window.__layoutJobs.push(message.channel);
      return super.postMessage(message, ...rest);
    }
  };
})();`;

type Counted = { __layoutJobs?: string[]; __layoutWorkers?: number };

/** How many layouts the page's IndexedDB store keeps (-1: none yet). */
function keptLayouts(tab: Page): Promise<number> {
  return tab.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('flowdeck-layouts');
        // Not there yet: do not create it.
        req.onupgradeneeded = () => req.transaction?.abort();
        req.onerror = () => resolve(-1);
        req.onsuccess = () => {
          const db = req.result;
          try {
            const count = db.transaction('layouts').objectStore('layouts').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => resolve(-1);
          } catch {
            resolve(-1);
          } finally {
            db.close();
          }
        };
      }),
  );
}

/** What the build says it shipped: layouts/manifest.json. */
function manifest(): LayoutManifest {
  return JSON.parse(readFileSync(join(outDir, 'layouts', 'manifest.json'), 'utf8'));
}

describe('prebuilt layouts (production build only)', () => {
  it('draws the gallery, every diagram and every deck without starting the layout worker', async () => {
    const visitor = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    try {
      await visitor.addInitScript({ content: COUNT_LAYOUT_JOBS });
      const tab = await visitor.newPage();
      const workers = () => tab.evaluate(() => (window as Counted).__layoutWorkers);
      await tab.goto(site.url);
      await expect
        .poll(() => tab.locator('.fd-card svg').count(), { timeout: 30_000 })
        .toBe(models.length);
      for (const model of models) {
        await tab.goto(`${site.url}#/d/${encodeURIComponent(model.id)}`);
        expect(await drawnNodes(tab), model.id).toEqual(model.nodes.map((n) => n.id).sort());
      }
      for (const deck of decks) {
        await tab.goto(`${site.url}#/deck/${encodeURIComponent(deck.id)}/1`);
        await tab.waitForSelector('.fd-deckbar', { timeout: 30_000 });
        expect((await drawnNodes(tab)).length).toBeGreaterThan(0);
      }
      expect(await workers()).toBe(0);
    } finally {
      await visitor.close();
    }
  });

  it('ships, for every diagram and screen shape, the very bytes the layout worker gives', async () => {
    const shipped = manifest();
    const worker = readdirSync(join(outDir, 'assets')).find((f) =>
      /^layout\.worker-.*\.js$/.test(f),
    );
    if (!worker) throw new Error('no layout worker in the build');
    await page.goto(site.url);
    const jobs = Object.entries(shipped.diagrams).flatMap(([file, entry]) =>
      Object.entries(entry.shapes).map(([screen, layout]) => ({
        file,
        screen,
        layout,
        text: readFileSync(file, 'utf8'),
      })),
    );
    expect(jobs.length).toBe(models.length * 5);
    const found = await page.evaluate(
      async ({ jobs, workerUrl }) => {
        const worker = new Worker(workerUrl, { type: 'module' });
        const answers = new Map<number, unknown>();
        const waiting = new Map<number, () => void>();
        worker.onmessage = (event) => {
          const { requestId, ...rest } = event.data;
          if ('progress' in rest) return;
          answers.set(requestId, 'part' in rest ? 'in parts' : rest);
          waiting.get(requestId)?.();
        };
        const out: { file: string; screen: string; same: boolean }[] = [];
        for (const [i, job] of jobs.entries()) {
          const requestId = i + 1;
          const done = new Promise<void>((resolve) => waiting.set(requestId, resolve));
          worker.postMessage({ requestId, channel: 'check', ...job });
          await done;
          const built = await (await fetch(job.layout)).text();
          out.push({
            file: job.file,
            screen: job.screen,
            same: JSON.stringify(answers.get(requestId)) === built,
          });
        }
        worker.terminate();
        return out;
      },
      {
        jobs: jobs.map(({ file, screen, layout, text }) => ({ file, screen, layout, text })),
        workerUrl: `${site.url}assets/${worker}`,
      },
    );
    expect(found.filter((f) => !f.same)).toEqual([]);
    expect(found).toHaveLength(jobs.length);
  }, 180_000);

  it('starts the worker for a layout the build does not have (a collapsed group), and keeps it for the next visit', async () => {
    const model = models.find((m) => m.nodes.some((n) => n.kind === 'group'));
    const group = model?.nodes.find((n) => n.kind === 'group');
    if (!model || !group) throw new Error('a diagram with a group is needed');
    const visitor = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      await visitor.addInitScript({ content: COUNT_LAYOUT_JOBS });
      await visitor.addInitScript({
        content: `sessionStorage.setItem(${JSON.stringify(`flowdeck.collapsed.${model.id}`)}, ${JSON.stringify(JSON.stringify([group.id]))});`,
      });
      const tab = await visitor.newPage();
      const failures: string[] = [];
      tab.on('pageerror', (e) => failures.push(e.message));
      const jobs = () => tab.evaluate(() => (window as Counted).__layoutJobs);
      const shown = () =>
        tab.locator(`.fd-canvas [data-node-id="${group.id}"]`).getAttribute('data-collapsed');
      await tab.goto(`${site.url}#/d/${encodeURIComponent(model.id)}`);
      await drawnNodes(tab);
      await expect.poll(jobs).toEqual(['view']);
      expect(await tab.evaluate(() => (window as Counted).__layoutWorkers)).toBe(1);
      expect(await shown()).not.toBeNull();
      // The layout is written to IndexedDB just after it is drawn.
      await expect.poll(() => keptLayouts(tab), { timeout: 10_000 }).toBeGreaterThan(0);
      await tab.reload();
      await drawnNodes(tab);
      expect(await shown()).not.toBeNull();
      expect(await jobs()).toEqual([]);
      expect(failures).toEqual([]);
    } finally {
      await visitor.close();
    }
  });
});
