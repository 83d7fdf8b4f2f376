import type { StepScene } from '../animate/timeline.ts';
import type { IconMap } from '../icons/types.ts';

/** The two diagram themes an export can be drawn in (the app's contrast theme exports as light). */
export type ExportTheme = 'light' | 'dark';

/** A font file to embed as an `@font-face`: WOFF2 bytes holding (at least) the glyphs used. */
export interface EmbeddedFont {
  weight: 400 | 600;
  woff2: Uint8Array;
}

/** Options shared by every SVG the core writes. */
export interface SvgOptions {
  theme?: ExportTheme;
  /**
   * Prefix of every id and class in the file, so that several exported SVGs
   * can share one HTML page. Default: `fd-<diagram id>`, sanitised.
   */
  idPrefix?: string;
  /**
   * Fonts to embed. Empty or absent: the file names Pretendard and the
   * system fonts after it, and is smaller, but looks right only where
   * Pretendard is installed.
   */
  fonts?: readonly EmbeddedFont[];
  /**
   * The icons the diagram's nodes name, loaded by the caller (the core
   * loads no set). Each icon drawn is written once, as a `<symbol>`; a
   * node whose icon is missing here is drawn without it.
   */
  icons?: IconMap;
  /**
   * The language of what the file says to screen readers (names,
   * descriptions, "Step 2 of 5"): a language tag, `ko` or English (the default).
   */
  lang?: string;
}

/** Options of a single picture: the whole diagram, or one step of a flow. */
export interface StaticSvgOptions extends SvgOptions {
  /** Draw the diagram as it is at this step (lit, dimmed, hidden). */
  scene?: StepScene;
  /** With a scene: draw its caption in a band under the diagram. */
  caption?: boolean;
  /** With a caption: the flow's number of steps, for the `k / n` counter. */
  stepCount?: number;
}

/** The characters each shipped weight must hold for an SVG, to subset the fonts with. */
export interface TextNeeds {
  regular: string;
  semibold: string;
}
