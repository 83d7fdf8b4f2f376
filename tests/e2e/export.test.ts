import { readFileSync, writeFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createFontSubsetter } from '../../src/cli/fonts.ts';
import { buildTimeline, type Timeline, TRAVEL_SECONDS } from '../../src/core/animate/timeline.ts';
import { animatedSvg } from '../../src/core/export/animatedSvg.ts';
import { edgePaint, nodePaint } from '../../src/core/export/paint.ts';
import { PALETTES } from '../../src/core/export/palette.ts';
import { readPngText } from '../../src/core/export/pngText.ts';
import { staticSvg } from '../../src/core/export/staticSvg.ts';
import { textNeeds } from '../../src/core/export/textNeeds.ts';
import type { EmbeddedFont } from '../../src/core/export/types.ts';
import { createDefaultLayoutEngine } from '../../src/core/layout/createDefaultLayoutEngine.ts';
import type { LaidOutDiagram } from '../../src/core/layout/types.ts';
import { nearestShape } from '../../src/core/model/screenShape.ts';
import { resolveStyle } from '../../src/core/render/resolveStyle.ts';
import { artifactPath, freshPagePerTest, launchChromium } from './chromium.ts';
import { canvasView, diagramModels, openDiagram, settle } from './diagramFiles.ts';
import { downloadFromMenu } from './exportMenu.ts';
import { difference } from './pixels.ts';

const baseUrl = inject('baseUrl');
const VIEWPORT = { width: 1280, height: 800 };
const session = freshPagePerTest(VIEWPORT);
let page: Page;
beforeEach(() => {
  ({ page } = session);
});

const engine = createDefaultLayoutEngine();
const subsetter = createFontSubsetter();
// Laid out for the page's screen shape, as the app lays them out there.
const screen = nearestShape(VIEWPORT.width, VIEWPORT.height);
const diagrams = new Map<string, LaidOutDiagram>();
beforeAll(async () => {
  for (const model of diagramModels())
    diagrams.set(model.id, await engine.layout(model, { screen }));
}, 60_000);

function diagram(id: string): LaidOutDiagram {
  const found = diagrams.get(id);
  if (!found) throw new Error(`no diagram ${id}`);
  return found;
}

async function fontsFor(d: LaidOutDiagram, timeline?: Timeline): Promise<EmbeddedFont[]> {
  return subsetter.subsetFonts(textNeeds(d, timeline), 'woff2');
}

/**
 * The app's drawing of a diagram and the exported SVG drawn at the same
 * place and zoom, both screenshot over the diagram's area.
 */
async function appAndExport(id: string, svg: string) {
  await openDiagram(page, baseUrl, id);
  // The canvas's own furniture is not part of the diagram.
  await page.addStyleTag({
    content:
      '.react-flow__background,.react-flow__controls,.react-flow__minimap,.react-flow__panel,.fd-toolbar,.fd-export,.fd-collapse{display:none!important}',
  });
  await settle(page);
  const { box: canvas, view: camera } = await canvasView(page);
  const view = { x: canvas.x + camera.x, y: canvas.y + camera.y, zoom: camera.zoom, canvas };
  const d = diagram(id);
  const left = Math.max(view.x, view.canvas.x);
  const top = Math.max(view.y, view.canvas.y);
  const clip = {
    x: Math.ceil(left),
    y: Math.ceil(top),
    width:
      Math.floor(Math.min(view.x + d.width * view.zoom, view.canvas.x + view.canvas.width) - left) -
      1,
    height:
      Math.floor(
        Math.min(view.y + d.height * view.zoom, view.canvas.y + view.canvas.height) - top,
      ) - 1,
  };
  const app = await page.screenshot({ clip });
  const margin = 16 * view.zoom;
  const other = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await other.setContent(
    `<body style="margin:0;background:#fff"><div style="position:absolute;left:${view.x - margin}px;top:${view.y - margin}px;transform-origin:0 0;transform:scale(${view.zoom})">${svg}</div></body>`,
  );
  await other.evaluate(() => document.fonts.ready);
  await other.waitForTimeout(100);
  const exported = await other.screenshot({ clip });
  await other.close();
  return { app, exported };
}

describe('the exported SVG looks like the app', () => {
  // Threshold: on the diagrams in diagrams/ the two drawings differ on 0 to
  // 1% of pixels (measured 2026-11: text anti-aliasing at zooms below 1 and
  // baselines rounded differently, the worst on text-heavy diagrams), while
  // a drawing in the wrong colours differs on more than 20% (the last test).
  // A shape or run of text missing or moved by more than 1 px shows as its
  // area; one missing short label may stay under 2%, which is why the unit
  // tests (tests/export.test.ts) check every label's text in every file.
  const THRESHOLD = 0.02;
  for (const model of diagramModels()) {
    it(`${model.id}: light theme, within ${THRESHOLD * 100}% of pixels`, async () => {
      const d = diagram(model.id);
      const svg = staticSvg(d, { fonts: await fontsFor(d) });
      const { app, exported } = await appAndExport(model.id, svg);
      const share = await difference(page, app, exported);
      // Kept for people to compare by eye.
      writeFileSync(artifactPath(`export-${model.id}.app.png`), app);
      writeFileSync(artifactPath(`export-${model.id}.svg.png`), exported);
      console.log(`${model.id}: ${(share * 100).toFixed(2)}% of pixels differ`);
      expect(share).toBeLessThan(THRESHOLD);
    });
  }

  it('notices a drawing that is not the app’s (the dark export against the light app)', async () => {
    const d = diagram('cri-chain');
    const svg = staticSvg(d, { theme: 'dark', fonts: await fontsFor(d) });
    const { app, exported } = await appAndExport('cri-chain', svg);
    expect(await difference(page, app, exported)).toBeGreaterThan(0.2);
  });
});

/** A colour as getComputedStyle() gives it. */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** Stops every animation of the page at `seconds`. */
async function pauseAt(page: Page, seconds: number) {
  await page.evaluate((ms) => {
    for (const animation of document.getAnimations()) {
      animation.pause();
      animation.currentTime = ms;
    }
  }, seconds * 1000);
}

/** What each node and edge looks like in the page: opacity and outline stroke. */
async function looks(page: Page) {
  return page.evaluate(() => {
    const read = (selector: string, key: string) =>
      Object.fromEntries(
        Array.from(document.querySelectorAll(selector)).map((el) => [
          el.getAttribute(key),
          {
            opacity: Number(getComputedStyle(el).opacity),
            stroke: (() => {
              const shape = el.querySelector('.sh');
              return shape ? getComputedStyle(shape).stroke : null;
            })(),
          },
        ]),
      );
    return {
      nodes: read('[data-node-id]', 'data-node-id'),
      edges: read('[data-edge-id]', 'data-edge-id'),
    };
  });
}

/** What the core says each element should look like at a step. */
function expectedLooks(d: LaidOutDiagram, timeline: Timeline, k: number) {
  const palette = PALETTES.light;
  const step = timeline.steps[k];
  if (!step) throw new Error(`no step ${k}`);
  const nodes = Object.fromEntries(
    d.nodes.map((node) => {
      const look = nodePaint(
        node,
        resolveStyle(node, d.classDefs),
        step.nodes[node.id] ?? 'idle',
        palette,
      );
      return [
        node.id,
        {
          opacity: look.opacity,
          stroke: node.kind === 'group' || node.shape !== 'text' ? rgb(look.stroke) : null,
        },
      ];
    }),
  );
  const edges = Object.fromEntries(
    d.edges
      .filter((edge) => edge.line !== 'invisible')
      .map((edge) => {
        const look = edgePaint(
          edge,
          resolveStyle(edge, d.classDefs),
          step.edges[edge.id] ?? 'idle',
          palette,
        );
        return [edge.id, { opacity: look.opacity, stroke: rgb(look.stroke) }];
      }),
  );
  return { nodes, edges };
}

describe('the animated SVG', () => {
  // Flows that light, dim, hide, show and fail.
  const cases = [
    ['kubectl-apply', 'apply'],
    ['self-healing-cluster', 'heal'],
    ['pod-lifecycle', 'create-pod'],
  ] as const;
  for (const [id, flowId] of cases) {
    it(`${id}: shows each step's states, caption and tokens at its time`, async () => {
      const d = diagram(id);
      const flow = d.flows.find((f) => f.id === flowId);
      if (!flow) throw new Error(`no flow ${flowId}`);
      const timeline = buildTimeline(d, flow);
      await page.setContent(`<body style="margin:0">${animatedSvg(d, timeline)}</body>`);
      let start = 0;
      for (const [k, step] of timeline.steps.entries()) {
        // Once the step's changes have faded in.
        await pauseAt(page, start + Math.min(step.duration - 0.05, 1));
        const seen = await looks(page);
        const want = expectedLooks(d, timeline, k);
        for (const [nodeId, look] of Object.entries(want.nodes)) {
          expect(seen.nodes[nodeId]?.opacity, `step ${k + 1} node ${nodeId}`).toBeCloseTo(
            look.opacity,
            2,
          );
          if (look.opacity > 0 && look.stroke)
            expect(seen.nodes[nodeId]?.stroke, `step ${k + 1} node ${nodeId}`).toBe(look.stroke);
        }
        for (const [edgeId, look] of Object.entries(want.edges)) {
          expect(seen.edges[edgeId]?.opacity, `step ${k + 1} edge ${edgeId}`).toBeCloseTo(
            look.opacity,
            2,
          );
          if (look.opacity > 0)
            expect(seen.edges[edgeId]?.stroke, `step ${k + 1} edge ${edgeId}`).toBe(look.stroke);
        }
        const captions = await page.evaluate(() =>
          Array.from(document.querySelectorAll('g[class^="c"]')).map((g) => [
            g.getAttribute('class'),
            Number(getComputedStyle(g).opacity),
          ]),
        );
        expect(captions.filter(([, o]) => (o as number) > 0.99).map(([c]) => c)).toEqual([`c${k}`]);
        // Half-way through the trip, this step's tokens are out and no others.
        await pauseAt(page, start + 0.15 + TRAVEL_SECONDS / 2);
        const tokens = await page.evaluate(() =>
          Array.from(document.querySelectorAll('[data-token-edge]')).map((t) => ({
            step: Number(t.getAttribute('data-step')),
            edge: t.getAttribute('data-token-edge'),
            opacity: Number(getComputedStyle(t).opacity),
            box: t.getBoundingClientRect().toJSON() as DOMRect,
          })),
        );
        expect(tokens.filter((t) => t.opacity > 0.5).map((t) => t.edge)).toEqual(
          step.tokens.map((t) => t.edgeId),
        );
        start += step.duration;
      }
      await page.screenshot({ path: artifactPath(`export-animated-${id}.png`) });
    });
  }

  it('plays as an <img> in a page, and holds still there under reduced motion', async () => {
    const d = diagram('cri-chain');
    const timeline = buildTimeline(d, d.flows[0] as (typeof d.flows)[0]);
    const svg = animatedSvg(d, timeline, { fonts: await fontsFor(d, timeline) });
    const frames = async (page: Page) => {
      await page.route('http://blog.test/**', (route) =>
        route.fulfill(
          route.request().url().endsWith('.svg')
            ? { contentType: 'image/svg+xml', body: svg }
            : { contentType: 'text/html', body: '<img src="flow.svg" alt="flow">' },
        ),
      );
      await page.goto('http://blog.test/post.html');
      await page.waitForFunction(() => document.querySelector('img')?.complete);
      const first = await page.locator('img').screenshot();
      // A step lasts seconds; by then the next one has lit up.
      await page.waitForTimeout((timeline.steps[0]?.duration ?? 4) * 1000 + 500);
      const later = await page.locator('img').screenshot();
      return difference(page, first, later);
    };
    expect(await frames(page)).toBeGreaterThan(0.002);
    // An image's document follows the browser's setting, not a page's emulated
    // media, so this takes a Chromium started with reduced motion.
    const still = await launchChromium(['--force-prefers-reduced-motion']);
    try {
      const other = await still.newPage({ viewport: { width: 1280, height: 800 } });
      expect(await frames(other)).toBe(0);
    } finally {
      await still.close();
    }
  });

  it('holds still on the whole diagram under prefers-reduced-motion', async () => {
    const d = diagram('kubectl-apply');
    const timeline = buildTimeline(d, d.flows[0] as (typeof d.flows)[0]);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setContent(`<body style="margin:0">${animatedSvg(d, timeline)}</body>`);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    const seen = await looks(page);
    expect(Object.values(seen.nodes).every((n) => (n as { opacity: number }).opacity === 1)).toBe(
      true,
    );
    expect(
      await page.evaluate(() =>
        Number(getComputedStyle(document.querySelector('g.c') as Element).opacity),
      ),
    ).toBe(1);
  });

  it('steps on click and by link when opened directly (interactive, no script)', async () => {
    const d = diagram('kubectl-apply');
    const timeline = buildTimeline(d, d.flows[0] as (typeof d.flows)[0]);
    const svg = animatedSvg(d, timeline, { interactive: true });
    expect(svg).not.toMatch(/<script/i);
    await page.route('http://export.test/**', (route) =>
      route.fulfill({ contentType: 'image/svg+xml', body: svg }),
    );
    await page.goto('http://export.test/flow.svg#fd-kubectl-apply-s3');
    await page.waitForTimeout(200);
    const check = async (k: number) => {
      const seen = await looks(page);
      const want = expectedLooks(d, timeline, k);
      for (const [nodeId, look] of Object.entries(want.nodes))
        expect(seen.nodes[nodeId]?.opacity, `step ${k + 1} node ${nodeId}`).toBeCloseTo(
          look.opacity,
          2,
        );
    };
    await check(2);
    await page.mouse.click(300, 200);
    await page.waitForTimeout(200);
    expect(page.url()).toMatch(/#fd-kubectl-apply-s4$/);
    await check(3);
    // The keyboard: Tab reaches the step buttons, Enter follows one.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    expect(page.url()).toMatch(/#fd-kubectl-apply-s\d$/);
  });
});

describe('the export menu', () => {
  /** Clicks a menu item and returns the file it downloads. */
  const download = (label: string | RegExp) => downloadFromMenu(page, label);
  const { DOMParser } = new JSDOM().window;
  const parse = (svg: string) => {
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).toBeNull();
    return parsed;
  };

  it('saves the view, the step, the flow and PNGs, with the labels and fonts inside', async () => {
    await page.goto(`${baseUrl}#/d/kubectl-apply/apply/3`);
    await page.waitForSelector('.fd-canvas .react-flow__node');
    await settle(page);
    const d = diagram('kubectl-apply');

    const view = await download('SVG of this view');
    expect(view.name).toBe('kubectl-apply.svg');
    const viewDoc = parse(view.data.toString());
    // The layout on screen, which says the shape it was made for.
    expect(viewDoc.documentElement.getAttribute('data-shape')).toBe(screen);
    const text = viewDoc.documentElement.textContent ?? '';
    for (const node of d.nodes)
      for (const line of node.labelBox.lines) expect(text).toContain(line);
    expect(view.data.toString()).toContain('data:font/woff2;base64,');
    // What a screen reader hears, in the UI's language.
    expect(viewDoc.documentElement.getAttribute('lang')).toBe('en');
    expect(viewDoc.querySelector('[data-node-id="api"]')?.getAttribute('role')).toBe(
      'graphics-symbol',
    );

    const step = await download('SVG of step 3');
    expect(step.name).toBe('kubectl-apply.apply.3.svg');
    const stepDoc = parse(step.data.toString());
    const timeline = buildTimeline(d, d.flows[0] as (typeof d.flows)[0]);
    expect(stepDoc.documentElement.textContent).toContain(timeline.steps[2]?.caption);
    expect(stepDoc.querySelector(`[data-node-id="api"]`)?.getAttribute('data-state')).toBe(
      timeline.steps[2]?.nodes.api,
    );

    const flow = await download('Animated SVG of the flow');
    expect(flow.name).toBe('kubectl-apply.apply.svg');
    expect(parse(flow.data.toString()).querySelector('style')?.textContent).toContain('@keyframes');

    const png = await download('PNG 2×');
    expect(png.name).toBe('kubectl-apply.apply.3@2x.png');
    expect(png.data.subarray(1, 4).toString()).toBe('PNG');
    const width = Number(stepDoc.documentElement.getAttribute('width'));
    expect(png.data.readUInt32BE(16)).toBe(Math.round(width * 2));
    expect(readPngText(png.data)).toEqual({ 'Screen shape': screen });
    await expect.poll(() => page.textContent('.fd-export-status')).toContain('@2x.png');
  });

  it('names what a screen reader hears in the UI’s language', async () => {
    const korean = await session.browser.newContext({ viewport: VIEWPORT, locale: 'ko-KR' });
    try {
      const ko = await korean.newPage();
      await openDiagram(ko, baseUrl, 'kubectl-apply');
      await ko.click('.fd-export > summary');
      const [file] = await Promise.all([
        ko.waitForEvent('download'),
        ko.getByRole('button', { name: '이 화면 SVG' }).click(),
      ]);
      const doc = parse(readFileSync(await file.path(), 'utf8'));
      expect(doc.documentElement.getAttribute('lang')).toBe('ko');
      expect(doc.querySelector('[data-node-id="api"] > desc')?.textContent).toContain(
        '컨트롤 플레인 안',
      );
    } finally {
      await korean.close();
    }
  });

  it('copies the SVG and an embed snippet to the clipboard', async () => {
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await openDiagram(page, baseUrl, 'cri-chain');
    await page.click('.fd-export > summary');
    await page.getByRole('button', { name: 'Copy SVG' }).click();
    await expect.poll(() => page.textContent('.fd-export-status')).toContain('copied');
    const svg = await page.evaluate(() => navigator.clipboard.readText());
    expect(svg.startsWith('<svg')).toBe(true);
    parse(svg);
    await page.getByRole('button', { name: 'Copy embed code' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toContain('<iframe');
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toContain(`${baseUrl}#/embed/cri-chain`);
  });
  it('closes on Escape and on a click outside, like a menu', async () => {
    await openDiagram(page, baseUrl, 'cri-chain');
    await page.click('.fd-export > summary');
    expect(await page.locator('.fd-export-menu').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('.fd-export-menu').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.closest('.fd-export') !== null)).toBe(
      true,
    );
    await page.click('.fd-export > summary');
    await page.mouse.click(200, 400);
    expect(await page.locator('.fd-export-menu').isVisible()).toBe(false);
  });

  it('is on deck slides too, exporting the slide’s step', async () => {
    await page.goto(`${baseUrl}#/deck/part1/3`);
    await page.waitForSelector('.fd-canvas .react-flow__node');
    await settle(page);
    const file = await download(/^SVG of step/);
    expect(file.name).toMatch(/^[\w-]+\.[\w-]+\.\d+\.svg$/);
    const doc = parse(file.data.toString());
    expect(doc.querySelectorAll('[data-state="active"]').length).toBeGreaterThan(0);
  });
});

describe('the embed view', () => {
  it('shows the diagram and its step controls without the app around it', async () => {
    await page.goto(`${baseUrl}#/embed/kubectl-apply/apply/1`);
    await page.waitForSelector('.fd-canvas .react-flow__node');
    await settle(page);
    expect(await page.locator('.fd-header').count()).toBe(0);
    expect(await page.locator('.fd-export').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Present' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toBe('#/embed/kubectl-apply/apply/2');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toBe('#/embed/kubectl-apply/apply/3');
    const open = page.getByRole('link', { name: /Open in Flowdeck/ });
    // React re-renders just after the hash changes.
    await expect.poll(() => open.getAttribute('href')).toBe('#/d/kubectl-apply/apply/3');
    expect(await open.getAttribute('target')).toBe('_blank');
    await page.screenshot({ path: artifactPath('embed.png') });
  });
});
