/// <reference lib="webworker" />
import {
  BufferTarget,
  canEncodeVideo,
  Mp4OutputFormat,
  Output,
  VideoSample,
  VideoSampleSource,
  WebMOutputFormat,
} from 'mediabunny';
import { gifPalette, gifWriter } from '../../core/export/gif.ts';
import { NO_ENCODER } from './videoOptions.ts';

/**
 * Encodes the frames `videoFile.ts` draws, off the main thread: a video
 * through WebCodecs (H.264 in MP4 where the browser has it, else VP9 or VP8
 * in WebM), muxed by mediabunny, or a GIF (`gif.ts`, one palette from
 * `samples`). A held frame is one sample, or one GIF frame, lasting as long
 * as it is held. Messages are handled one at a time, in order.
 */
export type EncodeRequest =
  | {
      type: 'start';
      width: number;
      height: number;
      fps: number;
      bitrate: number;
      /** A GIF's palette comes from these pictures; a video has none. */
      gif?: { samples: ImageBitmap[] };
    }
  | { type: 'frame'; bitmap: ImageBitmap; index: number; count: number }
  | { type: 'finish' };

export type EncodeAnswer =
  | { type: 'encoded'; index: number; count: number; ms: number }
  | { type: 'file'; bytes: ArrayBuffer; extension: string; mime: string }
  | { type: 'error'; message: string; noEncoder?: boolean };

declare const self: DedicatedWorkerGlobalScope;

/** An encoder taking frames: a picture, then how long it stays. */
interface Job {
  add(bitmap: ImageBitmap, seconds: number, duration: number): Promise<void>;
  finish(): Promise<ArrayBuffer>;
  fps: number;
  extension: string;
  mime: string;
}

let job: Job | undefined;
let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<EncodeRequest>) => {
  const request = event.data;
  queue = queue.then(() =>
    handle(request).catch((error: unknown) => {
      if (request.type === 'frame') request.bitmap.close();
      job = undefined;
      const message = error instanceof Error ? error.message : String(error);
      const noEncoder = error instanceof Error && error.name === NO_ENCODER;
      self.postMessage({ type: 'error', message, noEncoder } satisfies EncodeAnswer);
    }),
  );
};

async function handle(request: EncodeRequest): Promise<void> {
  if (request.type === 'start') {
    job = request.gif ? startGif(request, request.gif.samples) : await startVideo(request);
    return;
  }
  if (!job) {
    if (request.type === 'frame') request.bitmap.close();
    return;
  }
  if (request.type === 'frame') {
    const began = performance.now();
    const { bitmap, index, count } = request;
    try {
      await job.add(bitmap, index / job.fps, count / job.fps);
    } finally {
      bitmap.close();
    }
    const ms = performance.now() - began;
    self.postMessage({ type: 'encoded', index, count, ms } satisfies EncodeAnswer);
    return;
  }
  const { extension, mime } = job;
  const bytes = await job.finish();
  job = undefined;
  self.postMessage({ type: 'file', bytes, extension, mime } satisfies EncodeAnswer, [bytes]);
}

function noEncoder(): Error {
  const error = new Error('this browser cannot encode video (no WebCodecs H.264, VP9 or VP8)');
  error.name = NO_ENCODER;
  return error;
}

/** H.264 in MP4 where the browser encodes it, else VP9 or VP8 in WebM. */
async function startVideo({
  width,
  height,
  fps: rate,
  bitrate,
}: Extract<EncodeRequest, { type: 'start' }>): Promise<Job> {
  const options = { width, height, bitrate, frameRate: rate };
  if (typeof VideoEncoder === 'undefined') throw noEncoder();
  let codec: 'avc' | 'vp9' | 'vp8' | undefined;
  for (const candidate of ['avc', 'vp9', 'vp8'] as const) {
    if (await canEncodeVideo(candidate, options)) {
      codec = candidate;
      break;
    }
  }
  if (!codec) throw noEncoder();
  const mp4 = codec === 'avc';
  const output = new Output({
    format: mp4 ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
    target: new BufferTarget(),
  });
  const source = new VideoSampleSource({ codec, bitrate, keyFrameInterval: 2 });
  output.addVideoTrack(source, { frameRate: rate });
  await output.start();
  return {
    async add(bitmap, timestamp, duration) {
      const sample = new VideoSample(bitmap, { timestamp, duration });
      try {
        await source.add(sample);
      } finally {
        sample.close();
      }
    },
    async finish() {
      await output.finalize();
      if (!output.target.buffer) throw new Error('the video came out empty');
      return output.target.buffer;
    },
    fps: rate,
    extension: mp4 ? 'mp4' : 'webm',
    mime: mp4 ? 'video/mp4' : 'video/webm',
  };
}

/** A GIF, its palette from the samples (each step's settled picture). */
function startGif(
  { width, height, fps: rate }: Extract<EncodeRequest, { type: 'start' }>,
  samples: ImageBitmap[],
): Job {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D canvas in the worker');
  const pixels = (bitmap: ImageBitmap) => {
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, width, height).data;
  };
  const palette = gifPalette(samples.map(pixels));
  for (const sample of samples) sample.close();
  const gif = gifWriter(width, height, palette);
  return {
    async add(bitmap, _timestamp, duration) {
      gif.frame(pixels(bitmap), duration);
    },
    async finish() {
      return gif.finish().slice().buffer;
    },
    fps: rate,
    extension: 'gif',
    mime: 'image/gif',
  };
}
