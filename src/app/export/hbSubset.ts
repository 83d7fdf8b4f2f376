/**
 * A thin binding to HarfBuzz's subsetter, `hb-subset` compiled to
 * WebAssembly with its C API exported (the `harfbuzz-subset.wasm` that
 * harfbuzzjs ships; it imports nothing). Only what Flowdeck needs: keep the
 * glyphs of some characters, drop every layout feature.
 */

/** The exports of `harfbuzz-subset.wasm` this file calls. Pointers are byte offsets in `memory`. */
interface HbExports {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_reference_blob(face: number): number;
  hb_face_destroy(face: number): void;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_NAME_ID = 4;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE = 0x200;
const TYPOGRAPHIC_NAME_IDS = [16, 17];

/** One font loaded into HarfBuzz, ready to be cut down any number of times. */
export interface HbFace {
  /**
   * A TrueType font with the glyphs of `text`'s characters (and what they are
   * built from), their advances unchanged, and no layout features: kerning
   * and ligatures are off wherever Flowdeck draws (docs/measure.md). The
   * same as src/cli/fonts.ts makes, byte for byte.
   */
  subset(text: string): Uint8Array;
}

export interface HbSubsetter {
  /** Copies a TrueType/OpenType font (not WOFF2: HarfBuzz reads SFNT only) into HarfBuzz. */
  loadFace(font: Uint8Array): HbFace;
}

/** Instantiates the wasm from its bytes. */
export async function createHbSubsetter(wasm: ArrayBuffer): Promise<HbSubsetter> {
  const { instance } = await WebAssembly.instantiate(wasm);
  const hb = instance.exports as unknown as HbExports;
  hb._initialize();
  // memory.buffer is replaced whenever the heap grows: take a fresh view each time.
  const heap = () => new Uint8Array(hb.memory.buffer);

  const loadFace = (font: Uint8Array): HbFace => {
    // The copy and the face live as long as the page: each weight is loaded once.
    const pointer = hb.malloc(font.byteLength);
    heap().set(font, pointer);
    const blob = hb.hb_blob_create(pointer, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
    const face = hb.hb_face_create(blob, 0);
    hb.hb_blob_destroy(blob);
    return { subset: (text) => subset(face, text) };
  };

  const subset = (face: number, text: string): Uint8Array => {
    const input = hb.hb_subset_input_create_or_fail();
    if (input === 0) throw new Error('HarfBuzz could not start a subset (out of memory?)');
    try {
      const unicodes = hb.hb_subset_input_unicode_set(input);
      for (const char of text) hb.hb_set_add(unicodes, char.codePointAt(0) ?? 0);
      hb.hb_set_clear(hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
      // Beside HarfBuzz's default 0–6: the typographic family and subfamily,
      // which name the SemiBold file "Pretendard" (its id 1 is "Pretendard SemiBold").
      const names = hb.hb_subset_input_set(input, HB_SUBSET_SETS_NAME_ID);
      for (const id of TYPOGRAPHIC_NAME_IDS) hb.hb_set_add(names, id);
      const flags = hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE;
      hb.hb_subset_input_set_flags(input, flags);
      const result = hb.hb_subset_or_fail(face, input);
      if (result === 0) throw new Error('HarfBuzz could not subset the font');
      const blob = hb.hb_face_reference_blob(result);
      const data = hb.hb_blob_get_data(blob, 0);
      const bytes = heap().slice(data, data + hb.hb_blob_get_length(blob));
      hb.hb_blob_destroy(blob);
      hb.hb_face_destroy(result);
      return bytes;
    } finally {
      hb.hb_subset_input_destroy(input);
    }
  };

  return { loadFace };
}
