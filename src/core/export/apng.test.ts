import { describe, expect, it } from 'vitest';
import { readApng } from '../../../tests/readApng.ts';
import { apngWriter } from './apng.ts';

const W = 40;
const H = 20;

/** A white picture with a coloured square at `x`. */
function picture(x: number, color: [number, number, number]): Uint8Array {
  const rgba = new Uint8Array(W * H * 4).fill(255);
  for (let row = 5; row < 15; row++)
    for (let col = x; col < x + 10; col++) rgba.set([...color, 255], (row * W + col) * 4);
  return rgba;
}

describe('apngWriter', () => {
  const red: [number, number, number] = [220, 40, 30];
  const blue: [number, number, number] = [30, 60, 200];
  const frames = [picture(2, red), picture(15, red), picture(15, blue), picture(15, blue)];

  it('plays the frames in order, each exactly as drawn, looping forever', () => {
    const writer = apngWriter(W, H);
    for (const f of frames) writer.frame(f, 0.5);
    const png = readApng(writer.finish());
    expect([png.width, png.height, png.plays]).toEqual([W, H, 0]);
    expect(png.delays).toHaveLength(4);
    expect(png.picture(0)(5, 10)).toEqual(red);
    // The square moved: where it was is white again, where it went is red.
    expect(png.picture(1)(5, 10)).toEqual([255, 255, 255]);
    expect(png.picture(1)(18, 10)).toEqual(red);
    expect(png.picture(2)(18, 10)).toEqual(blue);
    // A frame like the one before still counts, and changes nothing.
    expect(png.picture(3)(18, 10)).toEqual(blue);
    expect(png.picture(3)(5, 10)).toEqual([255, 255, 255]);
  });

  it('keeps the total time to the millisecond, carrying rounding to the next frame', () => {
    const writer = apngWriter(W, H);
    for (let i = 0; i < 15; i++) writer.frame(frames[i % 3] as Uint8Array, 1 / 15);
    writer.frame(frames[0] as Uint8Array, 70);
    const { delays } = readApng(writer.finish());
    expect(delays.slice(0, 15).reduce((a, b) => a + b, 0)).toBe(1000);
    expect(new Set(delays.slice(0, 15))).toEqual(new Set([67, 66]));
    // Past 65 s, the most a count of milliseconds holds, in hundredths.
    expect(delays[15]).toBe(70000);
  });
});
