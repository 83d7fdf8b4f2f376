import { decompressFrames, parseGIF } from 'gifuct-js';
import { describe, expect, it } from 'vitest';
import { gifPalette, gifWriter } from './gif.ts';

const W = 40;
const H = 20;

/** A white picture with a coloured square at `x`. */
function picture(x: number, color: [number, number, number]): Uint8Array {
  const rgba = new Uint8Array(W * H * 4).fill(255);
  for (let row = 5; row < 15; row++)
    for (let col = x; col < x + 10; col++) rgba.set([...color, 255], (row * W + col) * 4);
  return rgba;
}

/** The frames as a viewer shows them: each patch drawn over the one before, transparent pixels kept. */
function play(bytes: Uint8Array) {
  const gif = parseGIF(new Uint8Array(bytes).buffer as ArrayBuffer);
  const frames = decompressFrames(gif, true);
  const screen = new Uint8ClampedArray(W * H * 4);
  const shown = frames.map((f) => {
    f.patch.forEach((v, i) => {
      if (f.patch[i - (i % 4) + 3] !== 0) screen[i] = v;
    });
    return { delay: f.delay, pixels: screen.slice() };
  });
  return { gif, shown };
}

const at = (pixels: Uint8ClampedArray, x: number, y: number) => [
  ...pixels.slice((y * W + x) * 4, (y * W + x) * 4 + 3),
];

describe('gifWriter', () => {
  const red: [number, number, number] = [220, 40, 30];
  const blue: [number, number, number] = [30, 60, 200];
  const frames = [picture(2, red), picture(15, red), picture(15, blue)];

  it('plays the frames in order, each as drawn, looping forever', () => {
    const writer = gifWriter(W, H, gifPalette(frames));
    for (const f of frames) writer.frame(f, 0.5);
    const { gif, shown } = play(writer.finish());
    expect(shown).toHaveLength(3);
    expect(at(shown[0]?.pixels ?? new Uint8ClampedArray(), 5, 10)).toEqual(red);
    // The square moved: where it was is white again, where it went is red.
    expect(at(shown[1]?.pixels ?? new Uint8ClampedArray(), 5, 10)).toEqual([255, 255, 255]);
    expect(at(shown[1]?.pixels ?? new Uint8ClampedArray(), 18, 10)).toEqual(red);
    expect(at(shown[2]?.pixels ?? new Uint8ClampedArray(), 18, 10)).toEqual(blue);
    const loop = gif.frames.find((f) => 'application' in f) as
      | { application: { id: string; blocks: number[] } }
      | undefined;
    expect(loop?.application.id).toBe('NETSCAPE2.0');
    expect([...(loop?.application.blocks.slice(1, 3) ?? [])]).toEqual([0, 0]);
  });

  it('keeps the total time, carrying rounding to the next frame, never under 20 ms', () => {
    const writer = gifWriter(W, H, gifPalette(frames));
    for (let i = 0; i < 9; i++) writer.frame(frames[i % 3] as Uint8Array, 1 / 15);
    writer.frame(frames[0] as Uint8Array, 0.001);
    const delays = play(writer.finish()).shown.map((f) => f.delay);
    expect(delays.slice(0, 9).reduce((a, b) => a + b, 0)).toBe(600);
    expect(delays.every((d) => d >= 20)).toBe(true);
  });

  it('writes unchanged pixels as nothing, so a still frame is small', () => {
    const still = gifWriter(W, H, gifPalette(frames));
    const moving = gifWriter(W, H, gifPalette(frames));
    for (let i = 0; i < 20; i++) {
      still.frame(frames[0] as Uint8Array, 0.1);
      moving.frame(frames[i % 2] as Uint8Array, 0.1);
    }
    expect(still.finish().length).toBeLessThan(moving.finish().length);
  });
});
