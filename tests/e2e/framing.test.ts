import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { artifactPath, freshPagePerTest } from './chromium.ts';
import { settle } from './diagramFiles.ts';

// The camera frames for reading (issue 17): on a 1024×768 projector, every
// step's subjects are whole and under no chrome, or out of sight with the
// overview inset showing them; no group title is cut; labels read.

// Reduced motion: the camera jumps, so what is measured is where it stays.
const session = freshPagePerTest({ width: 1024, height: 768 }, { reducedMotion: 'reduce' });
const base = () => inject('baseUrl');

/** How the canvas shows a box: whole, out of sight, or in part (cut or covered). */
type Seen = 'whole' | 'out' | 'part';

interface Measured {
  /** Each with the titles of the groups around it. */
  nodes: { id: string; seen: Seen; labelPx: number; around: string[] }[];
  titles: { text: string; seen: Seen }[];
  /** The labels of the step's edges. */
  labels: { edge: string; seen: Seen }[];
  overview: boolean;
}

/**
 * What the screen shows: each active or failed node and each group title,
 * probed with elementFromPoint on a grid of points (a point shows the
 * diagram when it is on the canvas and the diagram, not chrome, is on top).
 */
function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.fd-canvas')?.getBoundingClientRect();
    if (!canvas) throw new Error('no canvas');
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    if (!viewport) throw new Error('no viewport');
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    // Overlays the pointer goes through (the presenter's hint) cover the diagram all the same.
    const fixed = [...document.body.querySelectorAll('*')]
      .filter((el) => {
        const style = getComputedStyle(el);
        return style.position === 'fixed' && style.visibility !== 'hidden' && style.opacity !== '0';
      })
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0);
    const underFixed = (x: number, y: number) =>
      fixed.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
    const seen = (box: DOMRect, columns: number, rows: number): 'whole' | 'out' | 'part' => {
      let shown = 0;
      let total = 0;
      for (let i = 0; i < columns; i++) {
        for (let j = 0; j < rows; j++) {
          const x = box.left + 1.5 + ((box.width - 3) * i) / (columns - 1);
          const y = box.top + 1.5 + ((box.height - 3) * j) / (rows - 1);
          total++;
          const onCanvas =
            x > canvas.left &&
            x < canvas.right &&
            y > canvas.top &&
            y < canvas.bottom &&
            x < innerWidth &&
            y < innerHeight;
          if (onCanvas && !underFixed(x, y) && viewport.contains(document.elementFromPoint(x, y)))
            shown++;
        }
      }
      return shown === total ? 'whole' : shown === 0 ? 'out' : 'part';
    };
    const nodes = [
      ...document.querySelectorAll<HTMLElement>(
        '.fd-canvas .fd-node:is([data-state="active"], [data-state="failed"])',
      ),
    ].map((el) => {
      const font = Number(el.querySelector('text')?.getAttribute('font-size') ?? 16);
      const box = el.getBoundingClientRect();
      const around = [...document.querySelectorAll('.fd-canvas .fd-group')]
        .filter((group) => {
          const g = group.getBoundingClientRect();
          return (
            g.left <= box.left && g.top <= box.top && g.right >= box.right && g.bottom >= box.bottom
          );
        })
        .map((group) => group.querySelector('.fd-group-label')?.textContent ?? '');
      return { id: el.dataset.nodeId ?? '', seen: seen(box, 5, 3), labelPx: font * zoom, around };
    });
    const titles = [
      ...document.querySelectorAll<SVGTextElement>(
        '.fd-canvas .fd-group:not([data-state="hidden"]):not([data-collapsed]) .fd-group-label',
      ),
    ].map((el) => ({ text: el.textContent ?? '', seen: seen(el.getBoundingClientRect(), 6, 2) }));
    // Edges are drawn under the nodes, where the pane may take the pointer:
    // a label's point shows when React Flow, not one of its panels, is on top.
    const flow = document.querySelector('.fd-canvas .react-flow');
    const labels = [
      ...document.querySelectorAll<SVGGElement>(
        '.fd-canvas .fd-edge[data-state="active"] .fd-edge-label rect',
      ),
    ].map((el) => {
      const box = el.getBoundingClientRect();
      let shown = 0;
      const points = [0.1, 0.5, 0.9].flatMap((fx) =>
        [0.2, 0.8].map((fy) => [box.left + box.width * fx, box.top + box.height * fy] as const),
      );
      for (const [x, y] of points) {
        const hit = document.elementFromPoint(x, y);
        const onCanvas = x > canvas.left && x < canvas.right && y > canvas.top && y < canvas.bottom;
        if (
          onCanvas &&
          !underFixed(x, y) &&
          hit &&
          flow?.contains(hit) &&
          !hit.closest('.react-flow__panel')
        )
          shown++;
      }
      const seen: 'whole' | 'out' | 'part' =
        shown === points.length ? 'whole' : shown === 0 ? 'out' : 'part';
      return { edge: el.closest<SVGGElement>('.fd-edge')?.dataset.edgeId ?? '', seen };
    });
    const inset = document.querySelector('.fd-canvas .react-flow__minimap');
    const overview = inset !== null && inset.getBoundingClientRect().width > 0;
    return { nodes, titles, labels, overview };
  });
}

/** The camera's view as drawn. */
const view = (page: Page) =>
  page.evaluate(
    () => getComputedStyle(document.querySelector('.react-flow__viewport') as Element).transform,
  );

/** Opens a route, presenting or not, and waits for the camera to stay put. */
async function open(page: Page, hash: string, presenting: boolean) {
  await page.goto(`${base()}${hash}`);
  await page.waitForSelector('.fd-canvas .react-flow__node', { timeout: 45_000 });
  await settle(page);
  if (presenting) {
    await page.keyboard.press('p');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.mode))
      .toBe('presenter');
  }
  let last = '';
  await expect
    .poll(async () => {
      await settle(page);
      const now = await view(page);
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
}

/**
 * Every subject whole or out of sight (with the overview), every title and
 * the step's edge labels whole or out of sight; with `namesAround`, the groups around each subject in
 * sight show their whole titles.
 */
function expectFramedForReading(measured: Measured, readablePx: number, namesAround = false) {
  const { nodes, titles, overview } = measured;
  expect(nodes.length).toBeGreaterThan(0);
  expect(nodes.filter((n) => n.seen === 'whole').length).toBeGreaterThan(0);
  for (const n of nodes) {
    expect(n.seen, `node ${n.id}`).not.toBe('part');
    if (n.seen === 'out')
      expect(overview, `${n.id} is out of the frame: the overview shows`).toBe(true);
    else expect(n.labelPx, `label of ${n.id}`).toBeGreaterThanOrEqual(readablePx - 0.01);
  }
  for (const t of titles) expect(t.seen, `group title ${t.text}`).not.toBe('part');
  for (const l of measured.labels) expect(l.seen, `label of ${l.edge}`).not.toBe('part');
  if (!namesAround) return;
  for (const n of nodes.filter((node) => node.seen === 'whole')) {
    for (const text of n.around) {
      const title = titles.find((t) => t.text === text);
      expect(title?.seen, `the title of ${text}, around ${n.id}`).toBe('whole');
    }
  }
}

// Where the issue found cut titles, covered nodes and a step cut off; the
// slides are small enough that the groups' names fit at a readable size.
const cases = [
  { name: 'kubectl-apply step 3', hash: '#/d/kubectl-apply/apply/3', namesAround: false },
  { name: 'pod-lifecycle step 7', hash: '#/d/pod-lifecycle/create-pod/7', namesAround: false },
  { name: 'lesson slide 4', hash: '#/deck/part1/4', namesAround: true },
  { name: 'lesson slide 12', hash: '#/deck/part1/12', namesAround: true },
  { name: 'lesson slide 20', hash: '#/deck/part1/20', namesAround: true },
  { name: 'lesson slide 29', hash: '#/deck/part1/29', namesAround: true },
];

describe('a camera that frames for reading, on a 1024×768 projector', () => {
  for (const { name, hash, namesAround } of cases) {
    it(`presents ${name} whole, uncovered and readable`, async () => {
      const { page } = session;
      await open(page, hash, true);
      await page.screenshot({
        path: artifactPath(`framing-${name.replace(/\W+/g, '-')}.png`),
      });
      expectFramedForReading(await measure(page), 16, namesAround);
    });
  }

  it('keeps a step clear of the Export button and the zoom buttons when not presenting', async () => {
    const { page } = session;
    for (const hash of ['#/d/kubectl-apply/apply/3', '#/deck/part1/12', '#/deck/part1/20']) {
      await open(page, hash, false);
      expectFramedForReading(await measure(page), 12, hash.startsWith('#/deck'));
    }
  });

  it('fits the whole diagram in the part of the canvas the buttons leave free', async () => {
    const { page } = session;
    await open(page, '#/d/cluster-layout', false);
    const seen = await page.evaluate(() =>
      [...document.querySelectorAll('.fd-canvas .react-flow__node')].map((el) => {
        const box = el.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + 2, box.bottom - 2);
        const far = document.elementFromPoint(box.right - 2, box.top + 2);
        return [hit, far].every((h) => h !== null && el.contains(h));
      }),
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every(Boolean)).toBe(true);
  });
});
