import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createFontSubsetter } from '../../src/cli/fonts.ts';
import { type Timeline } from '../../src/core/animate/timeline.ts';
import { planClip } from '../../src/core/export/clip.ts';
import { textNeeds } from '../../src/core/export/textNeeds.ts';
import type { LaidOutDiagram } from '../../src/core/layout/types.ts';
import { artifactPath, freshPagePerTest } from './chromium.ts';
import { canvasView, laidOutForPage, settle } from './diagramFiles.ts';
import { difference } from './pixels.ts';

/**
 * A video frame is the player at the same moment: the player is stopped
 * at a time (Playwright's clock drives its tokens and camera), and the
 * clip's frame for that time, drawn with the player's camera, is compared
 * with a screenshot of the canvas, pixel by pixel, as the SVG export is.
 */
const VIEWPORT = { width: 1280, height: 800 };
const session = freshPagePerTest(VIEWPORT);
let page: Page;
beforeEach(() => {
  ({ page } = session);
});
const baseUrl = inject('baseUrl');

let diagram: LaidOutDiagram;
let timeline: Timeline;
beforeAll(async () => {
  const laidOut = await laidOutForPage('kubectl-apply', VIEWPORT);
  if (!laidOut.timeline) throw new Error('no flow');
  ({ diagram, timeline } = { diagram: laidOut.diagram, timeline: laidOut.timeline });
}, 60_000);

describe('a video frame and the player at the same moment', () => {
  // Threshold as the SVG export's (2%); measured 2026-12 at 0.00–0.13%.
  // A token is too small to move the share: its place is checked apart.
  const THRESHOLD = 0.02;
  // Into a step: states have faded, the camera has landed, the token is on its way.
  const INTO_STEP = 0.9;

  it('match on every step of kubectl-apply, token mid-route included', async () => {
    await page.clock.install();
    await page.goto(`${baseUrl}#/d/kubectl-apply/${timeline.flowId}/1`);
    await page.waitForSelector('.fd-canvas .react-flow__node', { timeout: 30_000 });
    await settle(page);
    // The canvas's own furniture and the chrome over it are not the diagram.
    await page.addStyleTag({
      content:
        '.react-flow__background,.react-flow__controls,.react-flow__minimap,.react-flow__panel,.fd-export,.fd-collapse,.fd-inset{display:none!important}',
    });
    const fonts = await createFontSubsetter().subsetFonts(textNeeds(diagram, timeline), 'woff2');
    const other = await session.browser.newPage({ viewport: VIEWPORT });
    const shares: number[] = [];
    for (let k = 1; k < timeline.steps.length; k++) {
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 100);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.url()).toContain(`/${timeline.flowId}/${k + 1}`);
      await page.clock.runFor(INTO_STEP * 1000);
      // State fades are CSS transitions, which run on real time.
      await page.waitForTimeout(600);
      const { box, view } = await canvasView(page);
      const options = { width: box.width, height: box.height, fps: 60, captions: false, view };
      const clip = planClip(diagram, timeline, options);
      const start = clip.steps[k]?.start ?? 0;
      const player = await page.screenshot({ clip: box });
      const svg = clip.svgAt(start + INTO_STEP, fonts);
      await other.setContent(
        `<body style="margin:0">${svg.replace('<svg ', `<svg style="position:absolute;left:${box.x}px;top:${box.y}px" `)}</body>`,
      );
      await other.evaluate(() => document.fonts.ready);
      await other.waitForTimeout(50);
      const frame = await other.screenshot({ clip: box });
      const share = await difference(page, player, frame);
      shares.push(share);
      writeFileSync(artifactPath(`video-vs-player-${k + 1}.player.png`), player);
      writeFileSync(artifactPath(`video-vs-player-${k + 1}.clip.png`), frame);
      // The tokens are where the player's are. The player starts a token on
      // the frame after the key, so it may be up to 2 frames behind.
      const seen = await page.evaluate(() =>
        [...document.querySelectorAll('circle.fd-token')].map((c) => {
          const r = c.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }),
      );
      const dotsAt = (t: number) =>
        [
          ...clip.svgAt(t).matchAll(/<circle class="tk-head"[^>]* cx="([-\d.]+)" cy="([-\d.]+)"/g),
        ].map((m) => ({
          x: box.x + view.x + Number(m[1]) * view.zoom,
          y: box.y + view.y + Number(m[2]) * view.zoom,
        }));
      const drawn = dotsAt(start + INTO_STEP);
      expect(drawn.length, `step ${k + 1}'s tokens`).toBe(timeline.steps[k]?.tokens.length);
      expect(seen.length).toBe(drawn.length);
      const lagging = Array.from({ length: 9 }, (_, i) => dotsAt(start + INTO_STEP - i * 0.005));
      for (const [i, dot] of seen.entries()) {
        const nearest = Math.min(
          ...lagging.map((dots) =>
            Math.hypot(dot.x - (dots[i]?.x ?? 0), dot.y - (dots[i]?.y ?? 0)),
          ),
        );
        expect(nearest, `step ${k + 1} token ${i}`).toBeLessThan(2);
      }
      // And every element drawn is in the player's state.
      const states = await page.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll('[data-node-id]')].map((n) => [
            n.getAttribute('data-node-id'),
            n.getAttribute('data-state'),
          ]),
        ),
      );
      for (const m of svg.matchAll(/data-node-id="([^"]+)" data-state="([a-z]+)"/g))
        expect(states[m[1] as string], `step ${k + 1} node ${m[1]}`).toBe(m[2]);
    }
    await other.close();
    console.log(`frame vs player: ${shares.map((s) => `${(s * 100).toFixed(2)}%`).join(', ')}`);
    for (const share of shares) expect(share).toBeLessThan(THRESHOLD);
  });
});
