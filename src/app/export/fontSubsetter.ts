import { compress, decompress } from 'woff2-encoder';
import type { EmbeddedFont, TextNeeds } from '../../core/export/types.ts';
import { FONT_WEIGHTS, type FontWeightName } from '../../core/measure/fonts.ts';
import { createHbSubsetter, type HbFace } from './hbSubset.ts';

/**
 * Font subsetting for exported SVGs, in the browser and offline: the app's
 * own WOFF2 files are decoded (`woff2-encoder`), cut down by HarfBuzz
 * (`harfbuzz-subset.wasm`) and encoded back to WOFF2. The CLI does the same
 * with the same libraries (src/cli/fonts.ts), so both embed the same bytes.
 * It runs in the fonts worker (`fonts.worker.ts`): woff2-encoder's embind
 * makes functions with `new Function`, which the page's
 * Content-Security-Policy forbids (docs/hardening.md).
 */

/** Where the subsetter's wasm and the two WOFF2 files are: absolute URLs. */
export interface FontSources {
  wasm: string;
  regular: string;
  semibold: string;
}

type Faces = Record<FontWeightName, HbFace>;

// Fetching, decoding and loading both fonts takes a few hundred ms; it is done
// once per worker. A failure is forgotten so that the next export tries again.
let faces: Promise<Faces> | undefined;

/** Pretendard, as WOFF2, cut down to the characters each weight draws. A weight that draws nothing is left out. */
export async function subsetFontsFrom(
  sources: FontSources,
  needs: TextNeeds,
): Promise<EmbeddedFont[]> {
  faces ??= loadFaces(sources).catch((error: unknown) => {
    faces = undefined;
    throw error;
  });
  const loaded = await faces;
  const fonts: EmbeddedFont[] = [];
  for (const name of ['regular', 'semibold'] as const) {
    if (needs[name] === '') continue;
    // Labels are drawn with their spaces, whose advance must be Pretendard's too.
    const woff2 = await compress(loaded[name].subset(` ${needs[name]}`));
    fonts.push({ weight: FONT_WEIGHTS[name], woff2 });
  }
  return fonts;
}

async function loadFaces(sources: FontSources): Promise<Faces> {
  const [subsetter, regular, semibold] = await Promise.all([
    fetchBytes(sources.wasm).then((wasm) => createHbSubsetter(wasm)),
    fetchBytes(sources.regular).then(decompress),
    fetchBytes(sources.semibold).then(decompress),
  ]);
  return { regular: subsetter.loadFace(regular), semibold: subsetter.loadFace(semibold) };
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}
