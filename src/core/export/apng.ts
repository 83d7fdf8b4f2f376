import { zlibSync } from 'fflate';
import { crc32 } from './pngText.ts';

type Pixels = Uint8Array | Uint8ClampedArray;

export interface ApngWriter {
  /** Adds a picture (RGBA, the writer's size, opaque) shown for `seconds`. */
  frame(rgba: Pixels, seconds: number): void;
  /** The file: loops forever. */
  finish(): Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Writes an animated PNG frame by frame, keeping only the frame before and
 * the compressed file. Unlike a GIF it keeps every colour (fades, glows and
 * anti-aliased text exactly as drawn) and times frames to the millisecond.
 * Each frame after the first is the smallest rectangle holding what changed,
 * drawn over the frame before. Pixels are written as RGB, unfiltered: a
 * diagram's flat colours compress better so than with PNG's row filters.
 * Viewers without APNG show the first frame.
 *
 * @example
 * const png = apngWriter(960, 540);
 * png.frame(rgba, 0.5);
 * const bytes = png.finish();
 */
export function apngWriter(width: number, height: number): ApngWriter {
  const chunks: Uint8Array[] = [];
  let before: Uint32Array | null = null;
  let sequence = 0;
  let seconds = 0;
  let written = 0;
  let frames = 0;
  return {
    frame(rgba, duration) {
      if (rgba.length !== width * height * 4)
        throw new Error(
          `a ${width}×${height} frame has ${width * height * 4} bytes, not ${rgba.length}`,
        );
      const pixels = new Uint32Array(rgba.slice().buffer);
      const box = before
        ? changed(before, pixels, width, height)
        : { x: 0, y: 0, w: width, h: height };
      seconds += duration;
      const ms = Math.max(1, Math.round(seconds * 1000) - written);
      written += ms;
      const control = new DataView(new ArrayBuffer(26));
      control.setUint32(0, sequence++);
      control.setUint32(4, box.w);
      control.setUint32(8, box.h);
      control.setUint32(12, box.x);
      control.setUint32(16, box.y);
      // Milliseconds; hundredths past 65 s, the most a 16-bit count of ms holds.
      const long = ms > 0xffff;
      control.setUint16(20, long ? Math.min(0xffff, Math.round(ms / 10)) : ms);
      control.setUint16(22, long ? 100 : 1000);
      // dispose_op 0 (keep), blend_op 0 (replace the rectangle).
      chunks.push(chunk('fcTL', new Uint8Array(control.buffer)));
      const data = zlibSync(rgbRows(rgba, width, box), { level: 6 });
      if (frames === 0) chunks.push(chunk('IDAT', data));
      else {
        const numbered = new Uint8Array(4 + data.length);
        new DataView(numbered.buffer).setUint32(0, sequence++);
        numbered.set(data, 4);
        chunks.push(chunk('fdAT', numbered));
      }
      before = pixels;
      frames++;
    },
    finish() {
      const header = new DataView(new ArrayBuffer(13));
      header.setUint32(0, width);
      header.setUint32(4, height);
      header.setUint8(8, 8); // bits per channel
      header.setUint8(9, 2); // RGB
      const animation = new DataView(new ArrayBuffer(8));
      animation.setUint32(0, frames);
      animation.setUint32(4, 0); // plays forever
      const parts = [
        new Uint8Array(SIGNATURE),
        chunk('IHDR', new Uint8Array(header.buffer)),
        chunk('acTL', new Uint8Array(animation.buffer)),
        ...chunks,
        chunk('IEND', new Uint8Array()),
      ];
      const file = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
      let at = 0;
      for (const part of parts) {
        file.set(part, at);
        at += part.length;
      }
      return file;
    },
  };
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The smallest rectangle holding every pixel that differs; one pixel when none does. */
function changed(a: Uint32Array, b: Uint32Array, width: number, height: number): Rect {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (a[row + x] === b[row + x]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  return x1 < 0 ? { x: 0, y: 0, w: 1, h: 1 } : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/** The rectangle's rows as PNG scanlines: filter byte 0 (none), then RGB. */
function rgbRows(rgba: Pixels, width: number, box: Rect): Uint8Array {
  const stride = box.w * 3 + 1;
  const rows = new Uint8Array(stride * box.h);
  for (let y = 0; y < box.h; y++) {
    let from = ((box.y + y) * width + box.x) * 4;
    let to = y * stride + 1;
    for (let x = 0; x < box.w; x++, from += 4, to += 3) {
      rows[to] = rgba[from] as number;
      rows[to + 1] = rgba[from + 1] as number;
      rows[to + 2] = rgba[from + 2] as number;
    }
  }
  return rows;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}
