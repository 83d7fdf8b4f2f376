import { crc32, inflateSync } from 'node:zlib';

/** One frame of an APNG: where it draws, for how long, and its compressed rows. */
interface ApngFrame {
  x: number;
  y: number;
  width: number;
  height: number;
  delayMs: number;
  dispose: number;
  blend: number;
  data: Buffer[];
}

/**
 * Reads an animated PNG as a viewer plays it (8-bit RGB or RGBA, any row
 * filter), checking every chunk's CRC: its size, how often it plays (0:
 * forever), each frame's delay and, by `picture(n)`, what frame n shows.
 */
export function readApng(bytes: Uint8Array) {
  const file = Buffer.from(bytes);
  if (file.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels = 3;
  let plays = -1;
  let declared = -1;
  const frames: ApngFrame[] = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const data = file.subarray(at + 8, at + 8 + length);
    if (file.readUInt32BE(at + 8 + length) !== crc32(file.subarray(at + 4, at + 8 + length)))
      throw new Error(`bad CRC in ${type}`);
    at += 12 + length;
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || (data[9] !== 2 && data[9] !== 6)) throw new Error('not 8-bit RGB(A)');
      channels = data[9] === 6 ? 4 : 3;
    } else if (type === 'acTL') {
      declared = data.readUInt32BE(0);
      plays = data.readUInt32BE(4);
    } else if (type === 'fcTL') {
      const den = data.readUInt16BE(22) || 100;
      frames.push({
        width: data.readUInt32BE(4),
        height: data.readUInt32BE(8),
        x: data.readUInt32BE(12),
        y: data.readUInt32BE(16),
        delayMs: (data.readUInt16BE(20) / den) * 1000,
        dispose: data[24] ?? 0,
        blend: data[25] ?? 0,
        data: [],
      });
    } else if (type === 'IDAT' || type === 'fdAT') {
      frames.at(-1)?.data.push(type === 'IDAT' ? data : data.subarray(4));
    }
  }
  if (declared !== frames.length)
    throw new Error(`acTL says ${declared} frames, not ${frames.length}`);

  /** Frame `n` drawn over the frames before: `[r, g, b]` at a pixel. */
  const picture = (n: number) => {
    const screen = new Uint8Array(width * height * 3);
    for (const frame of frames.slice(0, n + 1)) {
      if (frame.dispose !== 0 || frame.blend !== 0) throw new Error('only dispose 0, blend 0');
      const rows = unfilter(
        inflateSync(Buffer.concat(frame.data)),
        frame.width,
        frame.height,
        channels,
      );
      for (let y = 0; y < frame.height; y++)
        for (let x = 0; x < frame.width; x++) {
          const from = (y * frame.width + x) * channels;
          screen.set(rows.subarray(from, from + 3), ((frame.y + y) * width + frame.x + x) * 3);
        }
    }
    return (x: number, y: number) => [
      ...screen.subarray((y * width + x) * 3, (y * width + x) * 3 + 3),
    ];
  };
  return { width, height, plays, delays: frames.map((f) => f.delayMs), picture };
}

/** PNG scanlines (a filter byte each) to plain pixels. */
function unfilter(data: Buffer, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const raw = data[y * (stride + 1) + 1 + i] ?? 0;
      const a = i >= bpp ? (out[y * stride + i - bpp] ?? 0) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + i] ?? 0) : 0;
      const c = i >= bpp && y > 0 ? (out[(y - 1) * stride + i - bpp] ?? 0) : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predicted = [0, a, b, (a + b) >> 1, paeth][filter ?? 0] ?? 0;
      out[y * stride + i] = (raw + predicted) & 255;
    }
  }
  return out;
}
