import type { MeasureTextOptions } from './types.ts';

/**
 * Typography shared by the layout (which sizes boxes with `measureText`) and
 * the app (which draws the text). Change a value here and both follow; the
 * CSS in `src/app/fonts.css` repeats the family, weights and font files.
 */

/** The self-hosted face every label is measured and drawn with. */
export const FONT_FAMILY = 'Pretendard';

/**
 * CSS `font-family` for labels. Only Pretendard is measured exactly; the rest
 * draws what Pretendard lacks (Hanja, emoji), measured by the fallback rules
 * in `clusterWidth.ts`.
 */
export const FONT_STACK =
  'Pretendard, "Apple SD Gothic Neo", "Noto Sans KR", "Noto Sans CJK KR", "Malgun Gothic", ' +
  '"Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", sans-serif';

/** The two weights we ship, as CSS font-weight values. */
export const FONT_WEIGHTS = { regular: 400, semibold: 600 } as const;

/** Name of a shipped weight. */
export type FontWeightName = keyof typeof FONT_WEIGHTS;

/**
 * URL paths of the shipped font files (from `public/`, so Vite serves them as-is).
 * Root-absolute as Vite wants in sources; a build makes them relative (vite.config.ts).
 */
export const FONT_FILES: Readonly<Record<FontWeightName, string>> = {
  regular: '/fonts/Pretendard-Regular.woff2',
  semibold: '/fonts/Pretendard-SemiBold.woff2',
};

/** Font sizes in px. */
export const FONT_SIZES = { nodeLabel: 16, groupTitle: 14, edgeLabel: 13 } as const;

/** Line height as a multiple of the font size; CSS must use the same unitless value. */
export const LINE_HEIGHT = 1.4;

/**
 * Ready-made `measureText` options for each kind of label; add `maxWidth` to wrap.
 *
 * @example
 * measureText('API Server', { ...TEXT_STYLES.nodeLabel, maxWidth: 200 });
 */
export const TEXT_STYLES = {
  nodeLabel: { fontSize: FONT_SIZES.nodeLabel, fontWeight: 'regular', lineHeight: LINE_HEIGHT },
  groupTitle: { fontSize: FONT_SIZES.groupTitle, fontWeight: 'semibold', lineHeight: LINE_HEIGHT },
  edgeLabel: { fontSize: FONT_SIZES.edgeLabel, fontWeight: 'regular', lineHeight: LINE_HEIGHT },
} as const satisfies Record<string, MeasureTextOptions>;
