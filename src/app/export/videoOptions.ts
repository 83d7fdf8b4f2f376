import type { ExportTheme } from '../../core/export/types.ts';

/**
 * The choices of the Video or GIF dialog, and the picture size they make.
 * Kept apart from `videoFile.ts` so the dialog can show the size without
 * loading the encoders.
 */
export interface VideoChoices {
  /** `video`: one MP4 (or WebM); `gif`; `steps`: a zip of one short video per step. */
  format: 'video' | 'gif' | 'steps';
  /** 720p and 1080p draw the same 1280×720 picture (1080p at 1.5×); `window` is the window's size. */
  size: '720p' | '1080p' | 'window';
  theme: ExportTheme;
  captions: boolean;
  speed: 0.5 | 1 | 1.5 | 2;
  /** The camera follows the steps, or shows the whole diagram throughout. */
  camera: boolean;
  motion: 'full' | 'stills';
}

/** Frames per second: a video's, and a GIF's (fewer, to keep it small). */
export const VIDEO_FPS = 30;
export const GIF_FPS = 15;
/** A GIF is drawn at ¾ of the size asked (960×540 for 720p): it stores every pixel of every change. */
const GIF_SCALE = 0.75;

export interface PictureSize {
  /** The picture as laid out (what `planClip` draws). */
  width: number;
  height: number;
  /** How much larger it is drawn: the file is `width × scale` by `height × scale`. */
  scale: number;
  fps: number;
}

/** What the choices make, in a window of `screen` CSS px. */
export function pictureSize(
  choices: Pick<VideoChoices, 'format' | 'size'>,
  screen: { width: number; height: number },
): PictureSize {
  const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));
  const gif = choices.format === 'gif';
  const base =
    choices.size === 'window'
      ? { width: even(screen.width), height: even(screen.height), scale: 1 }
      : { width: 1280, height: 720, scale: choices.size === '1080p' ? 1.5 : 1 };
  return {
    ...base,
    scale: gif ? base.scale * GIF_SCALE : base.scale,
    fps: gif ? GIF_FPS : VIDEO_FPS,
  };
}

/** The file's size in pixels: even, as video encoders need. */
export function fileSize(size: PictureSize): { width: number; height: number } {
  const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));
  return { width: even(size.width * size.scale), height: even(size.height * size.scale) };
}

/** The name of the error that says this browser encodes no video (WebCodecs H.264, VP9 or VP8). */
export const NO_ENCODER = 'NoVideoEncoder';
