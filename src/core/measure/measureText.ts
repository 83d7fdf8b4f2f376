import { clusterWidth } from './clusterWidth.ts';
import { type AdvanceTable, createAdvanceTable } from './fontMetrics.ts';
import { type FontWeightName, LINE_HEIGHT } from './fonts.ts';
import { PRETENDARD_REGULAR } from './metrics/pretendardRegular.ts';
import { PRETENDARD_SEMIBOLD } from './metrics/pretendardSemibold.ts';
import type { MeasuredLine, MeasuredText, MeasureTextOptions } from './types.ts';
import { type Cluster, wrapLine } from './wrapLine.ts';

const TABLES: Readonly<Record<FontWeightName, AdvanceTable>> = {
  regular: createAdvanceTable(PRETENDARD_REGULAR),
  semibold: createAdvanceTable(PRETENDARD_SEMIBOLD),
};

// Grapheme rules do not depend on the locale; naming one keeps the runtime's
// default locale out of the result.
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

const HARD_BREAK = /\r\n|\r|\n/;

/**
 * Font units to px, rounded *up* to 1/100 px: the value is byte-stable in
 * JSON, and a box sized from it is never narrower than the drawn text.
 * The small epsilon keeps float noise (13.8 * 100 = 1380.0000000000002)
 * from adding a hundredth; the max keeps -0 out of the JSON.
 */
function unitsToPx(units: number, fontSize: number, unitsPerEm: number): number {
  return Math.max(0, Math.ceil((units * fontSize * 100) / unitsPerEm - 1e-7) / 100);
}

function toClusters(line: string, table: AdvanceTable): Cluster[] {
  const clusters: Cluster[] = [];
  for (const { segment } of GRAPHEMES.segment(line)) {
    clusters.push({ text: segment, width: clusterWidth(segment, table) });
  }
  return clusters;
}

/**
 * Measures a label as the app draws it: Pretendard (regular or semibold),
 * no kerning, no ligatures. Pure and deterministic, so Node (CLI, tests)
 * and the browser (app, worker) get the same numbers, byte for byte.
 *
 * `\n` (or `\r\n`) starts a new line. With `maxWidth`, longer lines wrap at
 * spaces, and a word wider than `maxWidth` breaks between characters (see
 * `wrapLine`). Widths are px rounded up to 1/100; draw each returned line
 * as it is (`white-space: pre`) so the browser does not wrap again.
 * Empty text is one empty line. See docs/measure.md for the fallback rules.
 *
 * @example
 * measureText('API Server', { fontSize: 16 });
 * // { lines: [{ text: 'API Server', width: 74.99 }], width: 74.99, height: 22.4 }
 */
export function measureText(text: string, options: MeasureTextOptions): MeasuredText {
  const { fontSize } = options;
  const table = TABLES[options.fontWeight ?? 'regular'];
  const lineHeight = options.lineHeight ?? LINE_HEIGHT;
  const maxUnits =
    options.maxWidth === undefined
      ? Number.POSITIVE_INFINITY
      : (options.maxWidth * table.unitsPerEm) / fontSize;

  const lines: MeasuredLine[] = [];
  for (const hardLine of text.split(HARD_BREAK)) {
    for (const clusters of wrapLine(toClusters(hardLine, table), { maxWidth: maxUnits })) {
      const units = clusters.reduce((sum, cluster) => sum + cluster.width, 0);
      lines.push({
        text: clusters.map((cluster) => cluster.text).join(''),
        width: unitsToPx(units, fontSize, table.unitsPerEm),
      });
    }
  }
  return {
    lines,
    width: lines.reduce((widest, line) => Math.max(widest, line.width), 0),
    height: Math.round(lines.length * fontSize * lineHeight * 100) / 100,
  };
}
