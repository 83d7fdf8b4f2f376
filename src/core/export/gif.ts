import { applyPalette, type Color, GIFEncoder, quantize } from 'gifenc';

type Pixels = Uint8Array | Uint8ClampedArray;

/** The colours of a whole GIF (at most 255: one index is kept for "unchanged"). */
export interface GifPalette {
  colors: Color[];
}

/** GIF delays are in hundredths of a second; browsers slow anything under 2 to 10. */
const MIN_DELAY_CS = 2;

/**
 * One palette for a whole animation, from sample frames (RGBA, e.g. each
 * step's settled picture). A diagram has few flat colours, so the quantizer
 * keeps them exact and spends the rest on the in-between shades of
 * anti-aliased text and thin lines, which keeps Hangul and edges crisp. One
 * palette for every frame also means unchanged pixels stay the same index,
 * which is what lets `gifWriter` skip them.
 */
export function gifPalette(samples: readonly Pixels[]): GifPalette {
  const total = samples.reduce((sum, s) => sum + s.length, 0);
  const all = new Uint8Array(total);
  let at = 0;
  for (const sample of samples) {
    all.set(sample, at);
    at += sample.length;
  }
  return { colors: quantize(all, 255) };
}

export interface GifWriter {
  /** Adds a picture (RGBA, the writer's size) shown for `seconds`. */
  frame(rgba: Pixels, seconds: number): void;
  /** The file: loops forever. */
  finish(): Uint8Array;
}

/**
 * Writes an animated GIF frame by frame, in constant memory. Each frame
 * after the first draws only the pixels that changed: the others are the
 * transparent index over the frame before (disposal "keep"), which the LZW
 * compression turns into almost nothing, so a still stretch or a token
 * moving over a still diagram costs little. Delays carry their rounding to
 * the next frame, so the file lasts as long as the frames asked.
 *
 * @example
 * const gif = gifWriter(960, 540, gifPalette([firstFrame]));
 * gif.frame(firstFrame, 0.5);
 * const bytes = gif.finish();
 */
export function gifWriter(width: number, height: number, palette: GifPalette): GifWriter {
  const colors = palette.colors.slice(0, 255);
  const clear = colors.length;
  const table = [...colors, [0, 0, 0]];
  const encoder = GIFEncoder({ initialCapacity: width * height });
  let before: Uint8Array | null = null;
  let seconds = 0;
  let written = 0;
  return {
    frame(rgba, duration) {
      if (rgba.length !== width * height * 4)
        throw new Error(
          `a ${width}×${height} frame has ${width * height * 4} bytes, not ${rgba.length}`,
        );
      // gifenc reads the pixels through the whole buffer: give it one of its own.
      const own = rgba.byteOffset === 0 && rgba.byteLength === rgba.buffer.byteLength;
      const index = applyPalette(own ? rgba : rgba.slice(), colors);
      seconds += duration;
      const delay = Math.max(MIN_DELAY_CS, Math.round(seconds * 100) - written);
      written += delay;
      if (!before) {
        encoder.writeFrame(index, width, height, { palette: table, delay: delay * 10, repeat: 0 });
      } else {
        const changed = new Uint8Array(index);
        for (let i = 0; i < changed.length; i++) if (changed[i] === before[i]) changed[i] = clear;
        encoder.writeFrame(changed, width, height, {
          delay: delay * 10,
          transparent: true,
          transparentIndex: clear,
          dispose: 1,
        });
      }
      before = index;
    },
    finish() {
      encoder.finish();
      return encoder.bytes();
    },
  };
}
