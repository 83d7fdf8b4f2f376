/**
 * The advance widths of one font face, as written by `scripts/buildMetrics.ts`
 * into `./metrics/`. Plain data so it can be generated, diffed and checked.
 */
export interface FontMetrics {
  /** CSS family name the app gives this face in `src/app/fonts.css`. */
  family: string;
  /** CSS font-weight. */
  weight: number;
  /** Font file the table was made from, relative to the repository root. */
  source: string;
  /** SHA-256 of that file, hex, so a swapped font is noticed. */
  sha256: string;
  unitsPerEm: number;
  /** hhea ascender, font units, positive up. */
  ascender: number;
  /** hhea descender, font units, negative below the baseline. */
  descender: number;
  lineGap: number;
  /**
   * Flat triples `[gap, length, advance]`: `length` consecutive code points
   * share one advance width (font units). `gap` is how far the run starts past
   * the end of the previous run (the first run counts from code point 0).
   * Every code point the font maps is in exactly one run.
   */
  runs: readonly number[];
}

/** Decoded `runs`: sorted run starts, lengths and advances, for binary search. */
export interface AdvanceTable {
  readonly unitsPerEm: number;
  readonly starts: Int32Array;
  readonly lengths: Int32Array;
  readonly advances: Int32Array;
}

/**
 * Decodes a metrics table once, at module load, into arrays that
 * {@link lookupAdvance} can search.
 *
 * @example
 * const table = createAdvanceTable(PRETENDARD_REGULAR);
 * lookupAdvance(table, 0xac00); // 1770 (가)
 */
export function createAdvanceTable(metrics: FontMetrics): AdvanceTable {
  const count = Math.floor(metrics.runs.length / 3);
  const starts = new Int32Array(count);
  const lengths = new Int32Array(count);
  const advances = new Int32Array(count);
  let end = 0;
  for (let i = 0; i < count; i++) {
    const start = end + (metrics.runs[i * 3] ?? 0);
    const length = metrics.runs[i * 3 + 1] ?? 0;
    starts[i] = start;
    lengths[i] = length;
    advances[i] = metrics.runs[i * 3 + 2] ?? 0;
    end = start + length;
  }
  return { unitsPerEm: metrics.unitsPerEm, starts, lengths, advances };
}

/**
 * Advance width of a code point in font units, or `undefined` when the font
 * has no glyph for it (the browser then draws it with a fallback font).
 */
export function lookupAdvance(table: AdvanceTable, codePoint: number): number | undefined {
  const { starts, lengths, advances } = table;
  // Last run whose start is <= codePoint.
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? 0) <= codePoint) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found < 0) return undefined;
  const start = starts[found] ?? 0;
  const length = lengths[found] ?? 0;
  return codePoint < start + length ? advances[found] : undefined;
}
