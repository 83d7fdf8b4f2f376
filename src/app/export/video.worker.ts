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

/**
 * Encodes the frames `videoFile.ts` draws, off the main thread: a video
 * through WebCodecs (H.264 in MP4 where the browser has it, else VP9 or VP8
 * in WebM), muxed by mediabunny. A held frame is one sample lasting as long
 * as it is held. Messages are handled one at a time, in order.
 */
export type EncodeRequest =
  | { type: 'start'; width: number; height: number; fps: number; bitrate: number }
  | { type: 'frame'; bitmap: ImageBitmap; index: number; count: number }
  | { type: 'finish' };

export type EncodeAnswer =
  | { type: 'encoded'; index: number; count: number; ms: number }
  | { type: 'file'; bytes: ArrayBuffer; extension: string; mime: string }
  | { type: 'error'; message: string };

declare const self: DedicatedWorkerGlobalScope;

interface Job {
  output: Output<Mp4OutputFormat | WebMOutputFormat, BufferTarget>;
  source: VideoSampleSource;
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
      self.postMessage({ type: 'error', message } satisfies EncodeAnswer);
    }),
  );
};

async function handle(request: EncodeRequest): Promise<void> {
  if (request.type === 'start') {
    job = await startVideo(request);
    return;
  }
  if (!job) {
    if (request.type === 'frame') request.bitmap.close();
    return;
  }
  if (request.type === 'frame') {
    const began = performance.now();
    const { bitmap, index, count } = request;
    const sample = new VideoSample(bitmap, {
      timestamp: index / job.fps,
      duration: count / job.fps,
    });
    try {
      await job.source.add(sample);
    } finally {
      sample.close();
      bitmap.close();
    }
    const ms = performance.now() - began;
    self.postMessage({ type: 'encoded', index, count, ms } satisfies EncodeAnswer);
    return;
  }
  const { output, extension, mime } = job;
  job = undefined;
  await output.finalize();
  const bytes = output.target.buffer;
  if (!bytes) throw new Error('the video came out empty');
  self.postMessage({ type: 'file', bytes, extension, mime } satisfies EncodeAnswer, [bytes]);
}

/** H.264 in MP4 where the browser encodes it, else VP9 or VP8 in WebM. */
async function startVideo({
  width,
  height,
  fps,
  bitrate,
}: Extract<EncodeRequest, { type: 'start' }>): Promise<Job> {
  const options = { width, height, bitrate, frameRate: fps };
  let codec: 'avc' | 'vp9' | 'vp8' | undefined;
  for (const candidate of ['avc', 'vp9', 'vp8'] as const) {
    if (await canEncodeVideo(candidate, options)) {
      codec = candidate;
      break;
    }
  }
  if (!codec) throw new Error('this browser cannot encode video (no WebCodecs H.264, VP9 or VP8)');
  const mp4 = codec === 'avc';
  const output = new Output({
    format: mp4 ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
    target: new BufferTarget(),
  });
  const source = new VideoSampleSource({ codec, bitrate, keyFrameInterval: 2 });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  return {
    output,
    source,
    fps,
    extension: mp4 ? 'mp4' : 'webm',
    mime: mp4 ? 'video/mp4' : 'video/webm',
  };
}
