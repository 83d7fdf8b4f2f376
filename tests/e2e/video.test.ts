import { readFileSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { decompressFrames, parseGIF } from 'gifuct-js';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createFontSubsetter } from '../../src/cli/fonts.ts';
import { type Timeline } from '../../src/core/animate/timeline.ts';
import { planClip } from '../../src/core/export/clip.ts';
import { textNeeds } from '../../src/core/export/textNeeds.ts';
import type { LaidOutDiagram } from '../../src/core/layout/types.ts';
import { artifactPath, freshPagePerTest } from './chromium.ts';
import { laidOutForPage, settle } from './diagramFiles.ts';
import { difference } from './pixels.ts';

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
  const laidOut = await laidOutForPage('kubectl-apply', VIEWPORT);
  if (!laidOut.timeline) throw new Error('no flow');
  ({ diagram, timeline } = { diagram: laidOut.diagram, timeline: laidOut.timeline });
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
        const png = (source: CanvasImageSource) => {
          const canvas = document.createElement('canvas');
          canvas.width = 1280;
          canvas.height = 720;
          canvas.getContext('2d')?.drawImage(source, 0, 0, 1280, 720);
          return canvas.toDataURL().split(',')[1] ?? '';
        };
        const pictures: { decoded: string; drawn: string }[] = [];
        for (const { frame, svg } of moments) {
          // The middle of the frame's time, so the frame shown is that one.
          element.currentTime = (frame + 0.5) / fps;
          await new Promise((resolve) => {
            element.onseeked = resolve;
          });
          const image = new Image();
          image.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
          await image.decode();
          pictures.push({ decoded: png(element), drawn: png(image) });
        }
        return {
          duration: element.duration,
          size: [element.videoWidth, element.videoHeight],
          pictures,
        };
      },
      { mp4: video.data.toString('base64'), moments, fps },
    );
    const shares: number[] = [];
    for (const [i, { decoded, drawn }] of result.pictures.entries()) {
      const a = Buffer.from(decoded, 'base64');
      const b = Buffer.from(drawn, 'base64');
      writeFileSync(artifactPath(`video-frame-${i}.mp4.png`), a);
      writeFileSync(artifactPath(`video-frame-${i}.svg.png`), b);
      shares.push(await difference(page, a, b));
    }
    // The control: a frame against the picture of another step.
    const [one, two] = result.pictures;
    const otherStep = await difference(
      page,
      Buffer.from(one?.decoded ?? '', 'base64'),
      Buffer.from(two?.drawn ?? '', 'base64'),
    );
    console.log(
      `MP4 ${result.duration.toFixed(2)} s for a flow of ${timeline.totalSeconds} s; frames differ from the SVG on ${shares.map((s) => `${(s * 100).toFixed(2)}%`).join(', ')} of pixels, from another step's on ${(otherStep * 100).toFixed(2)}%`,
    );
    expect(result.size).toEqual([1280, 720]);
    expect(Math.abs(result.duration - timeline.totalSeconds) / timeline.totalSeconds).toBeLessThan(
      0.05,
    );
    // Codec loss blurs edges and text a little (measured 0-0.3% of pixels at
    // 1 Mbit/s); a frame of another step differs on more.
    for (const share of shares) expect(share).toBeLessThan(0.01);
    expect(otherStep).toBeGreaterThan(0.02);
  });

  it("starts from the reader's settings and works from the keyboard", async () => {
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'dark' });
    const dialog = await openDialog();
    expect(await dialog.getByLabel('Motion').inputValue()).toBe('stills');
    expect(await dialog.getByLabel('Theme').inputValue()).toBe('dark');
    expect(await dialog.getByRole('radio', { name: 'Video' }).isChecked()).toBe(true);
    // Focus starts in the dialog; Escape closes it and gives focus back to the menu.
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(
      true,
    );
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.closest('.fd-export') !== null)).toBe(
      true,
    );
  });

  it('says so, in words, where the browser cannot encode video', async () => {
    // The encoding worker as in a browser without WebCodecs.
    await page.route(/video\.worker/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        body: `delete self.VideoEncoder;\n${await response.text()}`,
      });
    });
    const dialog = await openDialog();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect
      .poll(() => dialog.getByRole('status').textContent(), { timeout: 60_000 })
      .toContain('This browser cannot encode video. Choose GIF');
    expect(await dialog.getByRole('button', { name: 'Export', exact: true }).isEnabled()).toBe(
      true,
    );
  });

  it('saves a GIF that holds each picture as long as the clip does and loops forever', async () => {
    await openDialog({ format: 'GIF', speed: '2' });
    const file = await exportFile();
    expect(file.name).toBe('kubectl-apply.apply.gif');
    console.log(`GIF (2×): ${(file.data.length / 1024).toFixed(0)} KiB`);
    const gif = parseGIF(new Uint8Array(file.data).buffer as ArrayBuffer);
    expect([gif.lsd.width, gif.lsd.height]).toEqual([960, 540]);
    const loop = gif.frames.find((f) => 'application' in f) as
      | { application: { id: string; blocks: number[] } }
      | undefined;
    expect(loop?.application.id).toBe('NETSCAPE2.0');
    expect([...(loop?.application.blocks.slice(1, 3) ?? [])]).toEqual([0, 0]);
    // One GIF frame per distinct picture of the clip, each held as long.
    const clip = planClip(diagram, timeline, { width: 1280, height: 720, fps: 15, speed: 2 });
    const planned = [...clip.frames()];
    const delays = decompressFrames(gif, false).map((f) => f.delay);
    expect(delays).toHaveLength(planned.length);
    let wanted = 0;
    let written = 0;
    planned.forEach((frame, i) => {
      wanted += (frame.count / 15) * 1000;
      written += delays[i] ?? 0;
      expect(Math.abs(written - wanted)).toBeLessThanOrEqual(20);
    });
    expect(written / 1000).toBeCloseTo(timeline.totalSeconds / 2, 1);
  });

  it('cancels: no file, says so, and the next export works (a zip of one clip per step)', async () => {
    const saved: string[] = [];
    page.on('download', (d) => saved.push(d.suggestedFilename()));
    const dialog = await openDialog();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect
      .poll(() => dialog.getByRole('status').textContent(), { timeout: 60_000 })
      .toMatch(/Making… \d+%/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => dialog.getByRole('status').textContent(), { timeout: 60_000 })
      .toBe('Cancelled. Nothing was saved.');
    // Closed and opened again from the menu.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.click('.fd-export > summary');
    await page.getByRole('button', { name: 'Video or GIF…' }).click();
    await dialog.getByRole('radio', { name: 'A clip per step (zip)' }).check();
    await dialog.getByLabel('Speed').selectOption('2');
    const file = await exportFile();
    expect(saved).toEqual(['kubectl-apply.apply.clips.zip']);
    expect(file.name).toBe('kubectl-apply.apply.clips.zip');
    const clips = unzipSync(new Uint8Array(file.data));
    const names = Object.keys(clips).sort();
    expect(names).toEqual(
      timeline.steps.map((_, k) => `kubectl-apply.apply.${String(k + 1).padStart(2, '0')}.mp4`),
    );
    // Each clip is its step, at twice the speed.
    for (const [k, name] of names.entries()) {
      const input = new Input({
        source: new BufferSource(clips[name] as Uint8Array),
        formats: ALL_FORMATS,
      });
      const seconds = await input.computeDuration();
      expect(seconds).toBeCloseTo((timeline.steps[k]?.duration ?? 0) / 2, 1);
    }
  });
});
