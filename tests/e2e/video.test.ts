import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createFontSubsetter } from '../../src/cli/fonts.ts';
import { buildTimeline, type Timeline } from '../../src/core/animate/timeline.ts';
import { planClip } from '../../src/core/export/clip.ts';
import { textNeeds } from '../../src/core/export/textNeeds.ts';
import { createDefaultLayoutEngine } from '../../src/core/layout/createDefaultLayoutEngine.ts';
import type { LaidOutDiagram } from '../../src/core/layout/types.ts';
import { nearestShape } from '../../src/core/model/screenShape.ts';
import { artifactPath, freshPagePerTest } from './chromium.ts';
import { diagramModels, settle } from './diagramFiles.ts';

const baseUrl = inject('baseUrl');
const VIEWPORT = { width: 1280, height: 800 };
const session = freshPagePerTest(VIEWPORT);
let page: Page;
beforeEach(() => {
  ({ page } = session);
});

// kubectl-apply, laid out for the page's screen shape as the app lays it out there.
let diagram: LaidOutDiagram;
let timeline: Timeline;
beforeAll(async () => {
  const model = diagramModels().find((m) => m.id === 'kubectl-apply');
  if (!model) throw new Error('no kubectl-apply');
  diagram = await createDefaultLayoutEngine().layout(model, {
    screen: nearestShape(VIEWPORT.width, VIEWPORT.height),
  });
  timeline = buildTimeline(diagram, diagram.flows[0] as (typeof diagram.flows)[0]);
}, 60_000);

/** Opens the flow and its Video or GIF dialog, and sets the choices given. */
async function openDialog(choices: { format?: string; speed?: string } = {}) {
  await page.goto(`${baseUrl}#/d/kubectl-apply/apply/1`);
  await page.waitForSelector('.fd-canvas .react-flow__node');
  await settle(page);
  await page.click('.fd-export > summary');
  await page.getByRole('button', { name: 'Video or GIF…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Video or GIF of the flow' });
  await dialog.waitFor();
  if (choices.format) await dialog.getByRole('radio', { name: choices.format }).check();
  if (choices.speed) await dialog.getByLabel('Speed').selectOption(choices.speed);
  return dialog;
}

/** Clicks Export and returns the file it saves. */
async function exportFile() {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), data: readFileSync(await file.path()) };
}

describe('Export → Video or GIF…', () => {
  it('saves an MP4 of the flow that plays as long as the flow, each moment as the player draws it', async () => {
    await openDialog();
    const video = await exportFile();
    expect(video.name).toBe('kubectl-apply.apply.mp4');
    writeFileSync(artifactPath('video-kubectl-apply.mp4'), video.data);
    console.log(`MP4: ${(video.data.length / 1024).toFixed(0)} KiB`);
    expect(video.data.subarray(4, 8).toString()).toBe('ftyp');

    // The same moments drawn from the SVG the clip plans (as the app's fonts embedded).
    const fps = 30;
    const clip = planClip(diagram, timeline, { width: 1280, height: 720, fps });
    const fonts = await createFontSubsetter().subsetFonts(textNeeds(diagram, timeline), 'woff2');
    const moments = [1, 3, 6].map((k) => {
      const step = clip.steps[k] ?? { start: 0 };
      const frame = Math.floor((step.start + (timeline.steps[k]?.duration ?? 0) / 2) * fps);
      return { frame, svg: clip.svgAt(frame / fps, fonts) };
    });
    await page.goto('about:blank');
    const result = await page.evaluate(
      async ({ mp4, moments, fps }) => {
        const bytes = Uint8Array.from(atob(mp4), (c) => c.charCodeAt(0));
        const element = document.createElement('video');
        element.muted = true;
        element.src = URL.createObjectURL(new Blob([bytes], { type: 'video/mp4' }));
        document.body.append(element);
        await new Promise((resolve, reject) => {
          element.onloadeddata = resolve;
          element.onerror = () =>
            reject(new Error(`the video does not load: ${element.error?.message}`));
        });
        const pixels = (source: CanvasImageSource) => {
          const canvas = document.createElement('canvas');
          canvas.width = 1280;
          canvas.height = 720;
          const context = canvas.getContext('2d');
          if (!context) throw new Error('no canvas');
          context.drawImage(source, 0, 0, 1280, 720);
          return { data: context.getImageData(0, 0, 1280, 720), url: canvas.toDataURL() };
        };
        // As export.test.ts compares: a pixel matches when one at most 1 px away
        // in the other picture has every channel within 64; checked both ways.
        const unmatched = (p: ImageData, q: ImageData) => {
          const { width, height } = p;
          let count = 0;
          for (let row = 0; row < height; row++) {
            for (let col = 0; col < width; col++) {
              const i = (row * width + col) * 4;
              let found = false;
              for (let dy = -1; dy <= 1 && !found; dy++) {
                for (let dx = -1; dx <= 1 && !found; dx++) {
                  const r = row + dy;
                  const c = col + dx;
                  if (r < 0 || c < 0 || r >= height || c >= width) continue;
                  const j = (r * width + c) * 4;
                  found =
                    Math.abs((p.data[i] ?? 0) - (q.data[j] ?? 0)) <= 64 &&
                    Math.abs((p.data[i + 1] ?? 0) - (q.data[j + 1] ?? 0)) <= 64 &&
                    Math.abs((p.data[i + 2] ?? 0) - (q.data[j + 2] ?? 0)) <= 64;
                }
              }
              if (!found) count++;
            }
          }
          return count / (width * height);
        };
        const shares: number[] = [];
        const pictures: string[] = [];
        const both = (a: ImageData, b: ImageData) => Math.max(unmatched(a, b), unmatched(b, a));
        const frames: { decoded: ImageData; drawn: ImageData }[] = [];
        for (const { frame, svg } of moments) {
          // The middle of the frame's time, so the frame shown is that one.
          element.currentTime = (frame + 0.5) / fps;
          await new Promise((resolve) => {
            element.onseeked = resolve;
          });
          const decoded = pixels(element);
          const image = new Image();
          image.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
          await image.decode();
          const drawn = pixels(image);
          frames.push({ decoded: decoded.data, drawn: drawn.data });
          shares.push(both(decoded.data, drawn.data));
          pictures.push(decoded.url, drawn.url);
        }
        const [first, second] = frames;
        const otherStep = first && second ? both(first.decoded, second.drawn) : 0;
        return {
          duration: element.duration,
          size: [element.videoWidth, element.videoHeight],
          shares,
          otherStep,
          pictures,
        };
      },
      { mp4: video.data.toString('base64'), moments, fps },
    );
    result.pictures.forEach((url, i) =>
      writeFileSync(
        artifactPath(`video-frame-${Math.floor(i / 2)}.${i % 2 ? 'svg' : 'mp4'}.png`),
        Buffer.from(url.split(',')[1] ?? '', 'base64'),
      ),
    );
    console.log(
      `MP4 ${result.duration.toFixed(2)} s for a flow of ${timeline.totalSeconds} s; frames differ from the SVG on ${result.shares.map((s) => `${(s * 100).toFixed(2)}%`).join(', ')} of pixels`,
    );
    expect(result.size).toEqual([1280, 720]);
    expect(Math.abs(result.duration - timeline.totalSeconds) / timeline.totalSeconds).toBeLessThan(
      0.05,
    );
    // Codec loss blurs edges and text a little; a frame of another step differs on far more.
    console.log(`a frame against another step's picture: ${(result.otherStep * 100).toFixed(2)}%`);
    for (const share of result.shares) expect(share).toBeLessThan(0.01);
    expect(result.otherStep).toBeGreaterThan(0.02);
  });
});
