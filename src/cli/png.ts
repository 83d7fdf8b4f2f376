import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY } from '../core/measure/fonts.ts';
import type { TrueTypeFont } from './fonts.ts';

export interface SvgToPngOptions {
  /** Pixels per SVG unit: 1, 2, 4… */
  scale: number;
  /** Pretendard as TrueType (resvg reads neither WOFF2 nor the SVG's `@font-face`). */
  fonts: readonly TrueTypeFont[];
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

/**
 * Rasterizes an SVG with resvg (a prebuilt binary from npm, no system
 * libraries), drawing its text with the fonts given.
 *
 * @example svgToPng(svg, { scale: 2, fonts: await subsetFonts(needs, 'truetype') })
 */
export function svgToPng(svg: string, options: SvgToPngOptions): Uint8Array {
  // resvg-js 2.6 takes font files by path only (buffers are the wasm build's).
  const dir = mkdtempSync(join(tmpdir(), 'flowdeck-fonts-'));
  try {
    const fontFiles = options.fonts.map((font) => {
      const path = join(dir, `pretendard-${font.weight}.ttf`);
      writeFileSync(path, font.data);
      return path;
    });
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: options.scale },
      font: {
        fontFiles,
        loadSystemFonts: options.systemFonts ?? false,
        defaultFontFamily: FONT_FAMILY,
      },
      logLevel: 'off',
    });
    return new Uint8Array(resvg.render().asPng());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
