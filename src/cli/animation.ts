import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Timeline } from '../core/animate/timeline.ts';
import { planClip } from '../core/export/clip.ts';
import { gifPalette, gifWriter } from '../core/export/gif.ts';
import type { ExportTheme } from '../core/export/types.ts';
import type { LaidOutDiagram } from '../core/layout/types.ts';
import type { Rasterizer } from './png.ts';

/** The width a clip is composed at: a GIF of another width is this picture scaled. */
export const CLIP_WIDTH = 1280;

export interface GifOptions {
  /** Pixels; the picture is composed 1280 wide and drawn at `width / 1280`. */
  width: number;
  /** Pixels; default 16:9 of the width. */
  height?: number;
  fps: number;
  speed: number;
  captions: boolean;
  camera: boolean;
  stills: boolean;
  /** 0-based: only this step, from the step before into it. */
  step?: number;
  theme: ExportTheme;
}

export interface Gif {
  data: Uint8Array;
  width: number;
  height: number;
  /** Pictures drawn, each held as long as it stays (a still stretch is one frame). */
  frames: number;
  seconds: number;
}

/**
 * A flow as a looping GIF, without a browser: `planClip()` draws each
 * distinct picture as SVG, resvg rasterizes it, and one palette made from
 * every step's settled picture serves all frames (so colours do not flicker
 * from frame to frame). One frame is in memory at a time, besides the file.
 */
export async function flowGif(
  diagram: LaidOutDiagram,
  timeline: Timeline,
  options: GifOptions,
  raster: Rasterizer,
): Promise<Gif> {
  const scale = options.width / CLIP_WIDTH;
  const height = options.height ?? Math.round((options.width * 9) / 16);
  const clip = planClip(diagram, timeline, {
    width: CLIP_WIDTH,
    height: Math.round(height / scale),
    fps: options.fps,
    speed: options.speed,
    captions: options.captions,
    camera: options.camera,
    motion: options.stills ? 'stills' : 'full',
    theme: options.theme,
    ...(options.step === undefined ? {} : { step: options.step }),
  });
  // Each step once settled, and the first picture (with --step, the step before's).
  const settled = clip.steps.map(({ start }, i) => {
    const end = clip.steps[i + 1]?.start ?? clip.duration;
    return start + 0.9 * (end - start);
  });
  const samples = [0, ...settled].map((t) => raster.pixels(clip.svgAt(t), scale));
  const size = samples[0] ?? { width: options.width, height };
  const writer = gifWriter(size.width, size.height, gifPalette(samples.map((s) => s.rgba)));
  samples.length = 0;
  let frames = 0;
  for (const frame of clip.frames()) {
    writer.frame(raster.pixels(frame.svg, scale).rgba, frame.count / clip.fps);
    frames++;
    // resvg's memory is freed by finalizers that wait for the event loop:
    // without a turn, 174 frames took 1 GB (and ran 3 times slower), with one 0.4 GB.
    await nextTurn();
  }
  return {
    data: writer.finish(),
    width: size.width,
    height: size.height,
    frames,
    seconds: clip.frameCount / clip.fps,
  };
}
