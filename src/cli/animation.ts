import type { Timeline } from '../core/animate/timeline.ts';
import { apngWriter } from '../core/export/apng.ts';
import { planClip } from '../core/export/clip.ts';
import { gifPalette, gifWriter } from '../core/export/gif.ts';
import type { ExportTheme } from '../core/export/types.ts';
import type { IconMap } from '../core/icons/types.ts';
import type { LaidOutDiagram } from '../core/layout/types.ts';
import type { Rasterizer } from './png.ts';

/** The width a clip is composed at: a file of another width is this picture scaled. */
export const CLIP_WIDTH = 1280;

export type AnimationFormat = 'gif' | 'apng';

export interface AnimationOptions {
  format: AnimationFormat;
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
  /** The icons the diagram's nodes name, loaded. */
  icons?: IconMap;
}

export interface Animation {
  data: Uint8Array;
  width: number;
  height: number;
  /** Pictures drawn, each held as long as it stays (a still stretch is one frame). */
  frames: number;
  seconds: number;
}

/**
 * A flow as a looping GIF or APNG, without a browser: `planClip()` draws
 * each distinct picture as SVG, resvg rasterizes it, and the writer adds it.
 * A GIF gets one palette made from every step's settled picture, so colours
 * do not flicker from frame to frame. One frame is in memory at a time,
 * besides the file.
 */
export async function flowAnimation(
  diagram: LaidOutDiagram,
  timeline: Timeline,
  options: AnimationOptions,
  raster: Rasterizer,
): Promise<Animation> {
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
    ...(options.icons && { icons: options.icons }),
  });
  const first = raster.pixels(clip.svgAt(0), scale);
  const size = { width: first.width, height: first.height };
  let writer: ReturnType<typeof apngWriter>;
  if (options.format === 'apng') writer = apngWriter(size.width, size.height);
  else {
    // Each step once settled, and the first picture (with --step, the step before's).
    const settled = clip.steps.map(({ start }, i) => {
      const end = clip.steps[i + 1]?.start ?? clip.duration;
      return raster.pixels(clip.svgAt(start + 0.9 * (end - start)), scale).rgba;
    });
    writer = gifWriter(size.width, size.height, gifPalette([first.rgba, ...settled]));
  }
  let frames = 0;
  // Each frame is rasterized on another thread (libuv's pool) while the one
  // before is encoded: 3.4 s instead of 5.3 for kubectl-apply at 960 px. The
  // awaits matter too: resvg frees its memory in finalizers that wait for the
  // event loop, and a loop that never yields took 1 GB for 174 frames.
  const pictures = clip.frames();
  let next = pictures.next();
  let drawn = next.done ? null : raster.pixelsLater(next.value.svg, scale);
  while (!next.done && drawn) {
    const seconds = next.value.count / clip.fps;
    const rgba = (await drawn).rgba;
    next = pictures.next();
    drawn = next.done ? null : raster.pixelsLater(next.value.svg, scale);
    writer.frame(rgba, seconds);
    frames++;
  }
  return { data: writer.finish(), ...size, frames, seconds: clip.frameCount / clip.fps };
}
