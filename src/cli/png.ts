import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RenderedImage, Resvg, renderAsync } from '@resvg/resvg-js';
import { FONT_FAMILY } from '../core/measure/fonts.ts';
import type { TrueTypeFont } from './fonts.ts';

export interface RasterizerOptions {
  /**
   * Also load the machine's fonts, for characters Pretendard lacks (Hanja,
   * emoji). Off by default: slower, and the picture would depend on the
   * machine. Unlike a browser, resvg then draws a whole text element in the
   * fallback font if that font has all of its characters, so such a label
   * may come out a little wider or narrower than measured; without it the
   * characters would be missing.
   */
  systemFonts?: boolean;
}

export interface SvgToPngOptions extends RasterizerOptions {
  /** Pixels per SVG unit: 1, 2, 4… */
  scale: number;
  /** Pretendard as TrueType (resvg reads neither WOFF2 nor the SVG's `@font-face`). */
  fonts: readonly TrueTypeFont[];
}

/** A picture as pixels: RGBA, 4 bytes each, row by row. */
export interface Pixels {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** Draws many SVGs with the same fonts, which it writes once; `close()` removes them. */
export interface Rasterizer {
  /** The SVG `scale` pixels per SVG unit, as RGBA (a GIF's frames). */
  pixels(svg: string, scale: number): Pixels;
  /** As `pixels`, on a thread of libuv's pool, so the caller can encode the frame before meanwhile. */
  pixelsLater(svg: string, scale: number): Promise<Pixels>;
  png(svg: string, scale: number): Uint8Array;
  close(): void;
}

/**
 * Rasterizes SVGs with resvg (a prebuilt binary from npm, no system
 * libraries), drawing their text with the fonts given. resvg-js 2.6 takes
 * font files by path only (buffers are the wasm build's), so they go to a
 * temporary folder, once for all the pictures of a run.
 *
 * @example
 * const raster = createRasterizer(await subsetFonts(needs, 'truetype'));
 * try { for (const svg of frames) encode(raster.pixels(svg, 0.75)); } finally { raster.close(); }
 */
export function createRasterizer(
  fonts: readonly TrueTypeFont[],
  options: RasterizerOptions = {},
): Rasterizer {
  const dir = mkdtempSync(join(tmpdir(), 'flowdeck-fonts-'));
  const fontFiles = fonts.map((font) => {
    const path = join(dir, `pretendard-${font.weight}.ttf`);
    writeFileSync(path, font.data);
    return path;
  });
  const settings = (scale: number) => ({
    fitTo: { mode: 'zoom' as const, value: scale },
    font: {
      fontFiles,
      loadSystemFonts: options.systemFonts ?? false,
      defaultFontFamily: FONT_FAMILY,
    },
    logLevel: 'off' as const,
  });
  const render = (svg: string, scale: number) => new Resvg(svg, settings(scale)).render();
  const asPixels = (image: RenderedImage): Pixels => {
    const { pixels } = image;
    return {
      width: image.width,
      height: image.height,
      rgba: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength),
    };
  };
  return {
    pixels: (svg, scale) => asPixels(render(svg, scale)),
    pixelsLater: async (svg, scale) => asPixels(await renderAsync(svg, settings(scale))),
    png: (svg, scale) => new Uint8Array(render(svg, scale).asPng()),
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * One SVG as a PNG.
 *
 * @example svgToPng(svg, { scale: 2, fonts: await subsetFonts(needs, 'truetype') })
 */
export function svgToPng(svg: string, options: SvgToPngOptions): Uint8Array {
  const raster = createRasterizer(options.fonts, options);
  try {
    return raster.png(svg, options.scale);
  } finally {
    raster.close();
  }
}
