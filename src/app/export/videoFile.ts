import { zipSync } from 'fflate';
import { buildTimeline } from '../../core/animate/timeline.ts';
import { type Clip, type ClipFrame, planClip } from '../../core/export/clip.ts';
import { textNeeds } from '../../core/export/textNeeds.ts';
import type { EmbeddedFont } from '../../core/export/types.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import { diagramIcons } from '../icons/iconStore.ts';
import { subsetFonts } from './fonts.ts';
import type { EncodeAnswer, EncodeRequest } from './video.worker.ts';
import {
  fileSize,
  NO_ENCODER,
  type PictureSize,
  pictureSize,
  type VideoChoices,
} from './videoOptions.ts';

/**
 * A flow as a video, a GIF or a zip of one clip per step, made in the
 * browser: `planClip()` draws each distinct picture as SVG, the main thread
 * rasterizes it (an image and a canvas, one frame at a time, so the page
 * stays responsive), and `video.worker.ts` encodes it. Nothing leaves the
 * machine. Loaded on first use, with the encoders.
 */

export interface VideoProgress {
  /** 0 to 1, by the clip's time. */
  done: number;
  /** Seconds left at the pace so far; null until there is a pace to go by. */
  secondsLeft: number | null;
}

export interface VideoResult {
  name: string;
  blob: Blob;
  /** What it took, for the curious (and the bench). */
  stats: {
    seconds: number;
    frames: number;
    distinct: number;
    /** Drawing decoded pictures on the main thread (decoding overlaps it). */
    rasterMs: number;
    /** The worker's time on frames. */
    encodeMs: number;
    /** The drawing waiting for the encoder to catch up. */
    waitMs: number;
    width: number;
    height: number;
  };
}

/** How many frames may wait for the encoder before the drawing waits for it. */
const IN_FLIGHT = 4;
/** How many pictures decode ahead of the one being drawn. */
const DECODE_AHEAD = 3;

export async function makeVideo(
  diagram: LaidOutDiagram,
  flowId: string,
  choices: VideoChoices,
  screen: { width: number; height: number },
  { onProgress, signal }: { onProgress?: (p: VideoProgress) => void; signal?: AbortSignal } = {},
): Promise<VideoResult> {
  const flow = diagram.flows.find((f) => f.id === flowId);
  if (!flow) throw new Error(`no flow ${flowId}`);
  const timeline = buildTimeline(diagram, flow);
  const size = pictureSize(choices, screen);
  const fonts = await subsetFonts(textNeeds(diagram, timeline));
  const icons = await diagramIcons(diagram);
  signal?.throwIfAborted();
  const plan = (step?: number) =>
    planClip(diagram, timeline, {
      width: size.width,
      height: size.height,
      fps: size.fps,
      speed: choices.speed,
      captions: choices.captions,
      camera: choices.camera,
      motion: choices.motion,
      theme: choices.theme,
      icons,
      ...(step === undefined ? {} : { step }),
    });
  const clips =
    choices.format === 'steps' ? timeline.steps.map((_, k) => plan(k)) : [plan(undefined)];
  const total = clips.reduce((sum, clip) => sum + clip.frameCount, 0);
  const began = performance.now();
  let before = 0;
  const stats = { frames: total, distinct: 0, rasterMs: 0, encodeMs: 0, waitMs: 0 };
  const progress = (frames: number) => {
    const done = frames / total;
    const seconds = (performance.now() - began) / 1000;
    onProgress?.({ done, secondsLeft: done > 0.02 ? (seconds * (1 - done)) / done : null });
  };

  const gifOf =
    choices.format === 'gif'
      ? { durations: timeline.steps.map((s) => s.duration), speed: choices.speed }
      : null;
  const encoder = new Encoder(signal);
  try {
    const files: { bytes: Uint8Array; extension: string; mime: string }[] = [];
    for (const clip of clips) {
      const offset = before;
      files.push(
        await encodeClip(clip, size, fonts, gifOf, encoder, stats, (frames) =>
          progress(offset + frames),
        ),
      );
      before += clip.frameCount;
    }
    const base = `${diagram.id}.${flow.id}`;
    const first = files[0];
    if (!first) throw new Error('nothing to encode');
    const out = fileSize(size);
    const result = (name: string, blob: Blob): VideoResult => ({
      name,
      blob,
      stats: { ...stats, seconds: (performance.now() - began) / 1000, ...out },
    });
    if (choices.format !== 'steps')
      return result(`${base}.${first.extension}`, blob(first.bytes, first.mime));
    const digits = Math.max(2, String(files.length).length);
    const entries = Object.fromEntries(
      files.map((file, k) => [
        `${base}.${String(k + 1).padStart(digits, '0')}.${file.extension}`,
        file.bytes,
      ]),
    );
    // Videos are compressed already: store them.
    return result(`${base}.clips.zip`, blob(zipSync(entries, { level: 0 }), 'application/zip'));
  } finally {
    encoder.stop();
  }
}

function blob(bytes: Uint8Array, type: string): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
}

/** One clip through the worker: each distinct picture drawn once and sent as it is drawn. */
async function encodeClip(
  clip: Clip,
  size: PictureSize,
  fonts: readonly EmbeddedFont[],
  /** A GIF, with its steps' durations at speed 1 and the speed: where to sample its palette. */
  gifOf: { durations: number[]; speed: number } | null,
  encoder: Encoder,
  stats: { distinct: number; rasterMs: number; encodeMs: number; waitMs: number },
  onFrames: (frames: number) => void,
) {
  const { width, height } = fileSize(size);
  // (A GIF ignores it.) About 1 Mbit/s at 720p: a diagram is flat colour and mostly still.
  const bitrate = Math.round((1_000_000 * width * height) / (1280 * 720));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  const draw = async (svg: string) => {
    const image = await svgImage(svg);
    context.drawImage(image, 0, 0, width, height);
    return canvas.transferToImageBitmap();
  };
  // A GIF's one palette: each step's picture once settled.
  const gif = gifOf
    ? {
        samples: await Promise.all(
          clip.steps.map(({ step, start }) =>
            draw(clip.svgAt(start + (0.9 * (gifOf.durations[step] ?? 0)) / gifOf.speed, fonts)),
          ),
        ),
      }
    : undefined;
  encoder.send(
    { type: 'start', width, height, fps: clip.fps, bitrate, ...(gif ? { gif } : {}) },
    gif?.samples ?? [],
  );
  encoder.onEncoded = (answer) => {
    stats.encodeMs += answer.ms;
    onFrames(answer.index + answer.count);
  };
  // The next few pictures decode while this one is drawn and sent.
  const ahead: { frame: ClipFrame; image: Promise<HTMLImageElement> }[] = [];
  const send = async ({ frame, image }: (typeof ahead)[number]) => {
    const began = performance.now();
    context.drawImage(await image, 0, 0, width, height);
    const bitmap = canvas.transferToImageBitmap();
    stats.rasterMs += performance.now() - began;
    stats.distinct++;
    const waited = performance.now();
    await encoder.room();
    stats.waitMs += performance.now() - waited;
    encoder.send({ type: 'frame', bitmap, index: frame.index, count: frame.count }, [bitmap]);
  };
  for (const frame of clip.frames(fonts)) {
    encoder.signal?.throwIfAborted();
    const image = svgImage(frame.svg);
    image.catch(() => {}); // awaited in turn; not an unhandled rejection meanwhile
    ahead.push({ frame, image });
    const next = ahead.length > DECODE_AHEAD ? ahead.shift() : undefined;
    if (next) await send(next);
  }
  for (const next of ahead) {
    encoder.signal?.throwIfAborted();
    await send(next);
  }
  encoder.send({ type: 'finish' });
  return encoder.file();
}

/** An SVG document as a decoded image (its embedded fonts loaded). */
async function svgImage(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The worker, as promises: `room()` waits while too many frames are queued,
 * `file()` for the finished file. Stopping (or an abort) terminates it.
 */
class Encoder {
  private worker = new Worker(new URL('./video.worker.ts', import.meta.url), { type: 'module' });
  private queued = 0;
  private waiting: (() => void)[] = [];
  private finished?: { resolve: (f: EncodedFile) => void; reject: (e: unknown) => void };
  private failure: unknown;
  onEncoded: (answer: Extract<EncodeAnswer, { type: 'encoded' }>) => void = () => {};

  constructor(readonly signal: AbortSignal | undefined) {
    this.worker.onmessage = (event: MessageEvent<EncodeAnswer>) => {
      const answer = event.data;
      if (answer.type === 'encoded') {
        this.queued--;
        this.onEncoded(answer);
        this.wake();
      } else if (answer.type === 'file') {
        this.finished?.resolve({ ...answer, bytes: new Uint8Array(answer.bytes) });
      } else {
        const error = new Error(answer.message);
        if (answer.noEncoder) error.name = NO_ENCODER;
        this.fail(error);
      }
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(event.message || 'the video worker stopped'));
    };
    signal?.addEventListener('abort', () => this.fail(signal.reason), { once: true });
  }

  send(request: EncodeRequest, transfer: Transferable[] = []) {
    if (request.type === 'frame') this.queued++;
    this.worker.postMessage(request, transfer);
  }

  async room(): Promise<void> {
    while (this.queued >= IN_FLIGHT) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    if (this.failure) throw this.failure;
  }

  file(): Promise<EncodedFile> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.finished = { resolve, reject };
    });
  }

  stop() {
    this.worker.terminate();
  }

  private wake() {
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  private fail(error: unknown) {
    this.failure ??= error;
    this.worker.terminate();
    this.finished?.reject(error);
    this.wake();
  }
}

interface EncodedFile {
  bytes: Uint8Array;
  extension: string;
  mime: string;
}
