import { readFile } from 'node:fs/promises';
import subsetFont from 'subset-font';
import { compress, decompress } from 'woff2-encoder';
import type { EmbeddedFont, TextNeeds } from '../core/export/types.ts';
import {
  type AdvanceTable,
  createAdvanceTable,
  lookupAdvance,
} from '../core/measure/fontMetrics.ts';
import { FONT_FILES, FONT_WEIGHTS, type FontWeightName } from '../core/measure/fonts.ts';
import { PRETENDARD_REGULAR } from '../core/measure/metrics/pretendardRegular.ts';
import { PRETENDARD_SEMIBOLD } from '../core/measure/metrics/pretendardSemibold.ts';

/** A TrueType font for resvg, which reads neither WOFF2 nor `@font-face`. */
export interface TrueTypeFont {
  weight: 400 | 600;
  data: Uint8Array;
}

export interface FontSubsetter {
  /**
   * Pretendard cut down to the characters each weight draws. A weight that
   * draws nothing is left out.
   */
  subsetFonts(needs: TextNeeds, format: 'woff2'): Promise<EmbeddedFont[]>;
  subsetFonts(needs: TextNeeds, format: 'truetype'): Promise<TrueTypeFont[]>;
}

/** `public/`, where the app serves the fonts from; FONT_FILES paths are relative to it. */
const PUBLIC_DIR = new URL('../../public/', import.meta.url);

/**
 * Kerning and ligatures are off wherever we draw (docs/measure.md), so the
 * subset keeps no layout features: smaller, and a viewer that ignores our
 * `font-kerning: none` still draws the advances we measured. HarfBuzz keeps
 * `hmtx` as it is. Name ids 16 and 17 say the SemiBold file is family
 * "Pretendard", weight SemiBold (its id 1 is "Pretendard SemiBold"): resvg
 * matches fonts by these names, where a browser takes the `@font-face`'s.
 */
const SUBSET_OPTIONS = {
  keepFeatures: [] as string[],
  noLayoutClosure: true,
  preserveNameIds: [16, 17],
  targetFormat: 'truetype' as const,
};

/** Labels are drawn with their spaces, whose advance must be Pretendard's too. */
const ALWAYS = ' ';

/**
 * Subsets the shipped fonts with HarfBuzz (through `subset-font`). Decoding
 * a 770 KB WOFF2 takes longer than subsetting it, so each file is decoded
 * once, on first use, and kept by the subsetter: make one per run.
 * WOFF2 is encoded with `woff2-encoder`, as in the app, so both embed the same bytes.
 *
 * @example
 * await createFontSubsetter().subsetFonts({ regular: 'kubelet', semibold: '' }, 'woff2');
 * // [{ weight: 400, woff2: Uint8Array(…) }]
 */
export function createFontSubsetter(): FontSubsetter {
  const sources = new Map<FontWeightName, Promise<Buffer>>();
  const source = (name: FontWeightName) => {
    let font = sources.get(name);
    if (!font) {
      font = readFile(new URL(`.${FONT_FILES[name]}`, PUBLIC_DIR))
        .then(decompress)
        .then((ttf) => Buffer.from(ttf.buffer, ttf.byteOffset, ttf.byteLength));
      sources.set(name, font);
    }
    return font;
  };
  const subset = async (needs: TextNeeds): Promise<TrueTypeFont[]> => {
    const fonts: TrueTypeFont[] = [];
    for (const name of ['regular', 'semibold'] as const) {
      if (needs[name] === '') continue;
      const text = ALWAYS + needs[name];
      // Not a literal, so `keepFeatures` passes @types/subset-font (2.3), which predates it.
      const data = await subsetFont(await source(name), text, SUBSET_OPTIONS);
      fonts.push({ weight: FONT_WEIGHTS[name], data: new Uint8Array(data) });
    }
    return fonts;
  };
  async function subsetFonts(needs: TextNeeds, format: 'woff2'): Promise<EmbeddedFont[]>;
  async function subsetFonts(needs: TextNeeds, format: 'truetype'): Promise<TrueTypeFont[]>;
  async function subsetFonts(needs: TextNeeds, format: 'woff2' | 'truetype') {
    const fonts = await subset(needs);
    if (format === 'truetype') return fonts;
    return Promise.all(
      fonts.map(async ({ weight, data }) => ({ weight, woff2: await compress(data) })),
    );
  }
  return { subsetFonts };
}

const REGULAR = createAdvanceTable(PRETENDARD_REGULAR);
const SEMIBOLD = createAdvanceTable(PRETENDARD_SEMIBOLD);

/**
 * Whether some character needs a font other than Pretendard (Hanja, emoji),
 * which a browser would take from the system: a PNG then has to load the
 * system fonts too.
 */
export function drawsOutsidePretendard(needs: TextNeeds): boolean {
  const missing = (text: string, table: AdvanceTable) =>
    [...text].some((char) => lookupAdvance(table, char.codePointAt(0) ?? 0) === undefined);
  return missing(needs.regular, REGULAR) || missing(needs.semibold, SEMIBOLD);
}
