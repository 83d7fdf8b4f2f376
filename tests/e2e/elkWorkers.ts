import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { denseFlowchart } from '../../bench/dense.ts';
import { encodeShare } from '../../src/app/editor/share.ts';
import { createDefaultLayoutEngine } from '../../src/core/layout/createDefaultLayoutEngine.ts';
import type { LaidOutDiagram } from '../../src/core/layout/types.ts';
import { layoutSource } from '../../src/core/layoutSource.ts';
import { edgePath } from '../../src/core/render/edgePath.ts';
import { ELK_READY, ELK_RUN, ELK_WORKER_NAME } from '../../src/worker/elkJob.ts';
import { LAYOUT_WORKER_SCRIPT } from './pageRoutes.ts';

// A big diagram laid out in the app on more than one ELK worker (issue 19):
// shared by the dev-server test (elkWorkers.test.ts) and the built site's.

/** Dense diagrams past MAX_RUN (150 nodes): laid out bottom-up, zones in runs of their own. */
export const BIG = {
  first: denseFlowchart({ nodes: 200 }),
  second: denseFlowchart({ nodes: 300 }),
};

/** What one thread laid out for a shared link's text: in Node, on elkjs alone. */
export async function layOutAlone(text: string): Promise<LaidOutDiagram> {
  const answer = await layoutSource(createDefaultLayoutEngine(), { text, file: 'shared.mmd' });
  if (!answer.ok) throw new Error(answer.message);
  return answer.diagram;
}

/** Each layout worker of the page (the app's and its ELK workers): its name and the ELK runs it did. */
export async function elkRuns(
  page: Page,
): Promise<{ name: string; runs: number; ready: boolean }[]> {
  const workers = page.workers().filter((w) => LAYOUT_WORKER_SCRIPT.test(w.url()));
  return Promise.all(
    workers.map((w) =>
      w.evaluate(
        ([run, ready]) => ({
          name: self.name,
          runs: performance.getEntriesByName(run).length,
          ready: performance.getEntriesByName(ready).length > 0,
        }),
        [ELK_RUN, ELK_READY] as const,
      ),
    ),
  );
}

/** Opens `text` as a shared link and waits until all `nodes` of it are drawn. */
export async function openShared(page: Page, siteUrl: string, text: string, nodes: number) {
  await page.goto(`${siteUrl}#/share/${await encodeShare(text)}`);
  await expect
    .poll(() => page.locator('.fd-canvas [data-node-id]').count(), { timeout: 60_000 })
    .toBe(nodes);
}

/** Where the canvas draws each node (React Flow's transform and size) and each edge's line. */
export async function drawn(page: Page) {
  const nodes = await page.$$eval('.fd-canvas .react-flow__node', (els) =>
    els.map((el) => {
      const style = (el as HTMLElement).style;
      const [x, y] = (/translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(style.transform) ?? [])
        .slice(1)
        .map(Number);
      return [
        el.getAttribute('data-id') ?? '',
        { x, y, width: parseFloat(style.width), height: parseFloat(style.height) },
      ] as const;
    }),
  );
  const edges = await page.$$eval('.fd-canvas [data-edge-id]', (els) =>
    els.map(
      (el) =>
        [
          el.getAttribute('data-edge-id') ?? '',
          el.querySelector('.fd-edge-line')?.getAttribute('d') ?? '',
        ] as const,
    ),
  );
  return { nodes: Object.fromEntries(nodes), edges: Object.fromEntries(edges) };
}

/**
 * `diagram` as `drawn()` reads it off the canvas: edge lines exactly, node
 * boxes to the 6 significant digits Chromium writes CSS numbers with.
 */
export function asDrawn(diagram: LaidOutDiagram) {
  const css = (v: number) => Number(v.toPrecision(6));
  return {
    nodes: Object.fromEntries(
      diagram.nodes.map((n) => [
        n.id,
        { x: css(n.x), y: css(n.y), width: css(n.width), height: css(n.height) },
      ]),
    ),
    edges: Object.fromEntries(
      diagram.edges.map((e) => [e.id, e.line === 'invisible' ? '' : edgePath(e.points, e.arrows)]),
    ),
  };
}

/**
 * Opens a big diagram, waits until an ELK worker has started (the first
 * big layout starts it; runs go to whichever ELK is free first, so that
 * one may or may not use it), then a second one, and checks that the
 * second was laid out by more than one worker, drawn whole, exactly where
 * one thread lays it out.
 */
export async function expectParallelLayout(page: Page, siteUrl: string) {
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  expect(cores, 'ELK workers need a second core').toBeGreaterThan(1);
  const [first, second] = await Promise.all([layOutAlone(BIG.first), layOutAlone(BIG.second)]);
  expect(second.nodes.length).toBeGreaterThan(150);

  await openShared(page, siteUrl, BIG.first, first.nodes.length);
  await expect
    .poll(async () => (await elkRuns(page)).some((w) => w.name === ELK_WORKER_NAME && w.ready), {
      timeout: 60_000,
    })
    .toBe(true);
  const before = await elkRuns(page);

  await openShared(page, siteUrl, BIG.second, second.nodes.length);
  const after = await elkRuns(page);
  const busy = after.filter((w, i) => w.runs > (before[i]?.runs ?? 0));
  expect(busy.length, JSON.stringify({ before, after })).toBeGreaterThan(1);
  expect(busy.map((w) => w.name)).toContain(ELK_WORKER_NAME);
  // Edges are drawn a little after the last node on a slow machine.
  await expect.poll(() => drawn(page), { timeout: 30_000 }).toEqual(asDrawn(second));
}
