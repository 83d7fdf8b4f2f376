import type { LaidOutDiagram } from '../layout/types.ts';
import { FONT_STACK } from '../measure/fonts.ts';
import { measureText } from '../measure/measureText.ts';
import type { ScreenShape } from '../model/screenShape.ts';
import { CENTRAL } from './draw.ts';
import type { Palette } from './palette.ts';
import type { EmbeddedFont, SvgOptions } from './types.ts';
import { attrs, base64, esc, idPrefix } from './xml.ts';

/** Room around the diagram, in px. */
export const MARGIN = 16;
/** The caption band's text size, in px. */
export const CAPTION_SIZE = 18;
const CAPTION_PAD = 14;
const COUNTER_SIZE = 13;

export function prefixFor(diagram: LaidOutDiagram, options: SvgOptions): string {
  return idPrefix(options.idPrefix ?? `fd-${diagram.id}`);
}

/**
 * The outside of every exported file: size, title, description, fonts,
 * background, and in `data-shape` the screen shape the layout was made for
 * (none: laid out as written).
 */
export function svgDocument(parts: {
  p: string;
  palette: Palette;
  width: number;
  height: number;
  title: string;
  description: string;
  shape: ScreenShape | undefined;
  fonts: readonly EmbeddedFont[];
  /** Extra rules for the `<style>` element (animation). */
  css?: string;
  defs?: string;
  body: string;
  /** The language of the title, desc and names (a BCP 47 tag). */
  lang?: string;
  /** What the root holds for screen readers, in reading order (ids; see `accessible()`). */
  owns?: readonly string[];
}): string {
  const { p, palette, width, height, fonts } = parts;
  const family = fonts.length > 0 ? `"${p}-Pretendard", ${FONT_STACK}` : FONT_STACK;
  const faces = fonts
    .map(
      (font) =>
        `@font-face{font-family:"${p}-Pretendard";font-weight:${font.weight};src:url(data:font/woff2;base64,${base64(font.woff2)}) format("woff2")}`,
    )
    .join('');
  const css = faces + (parts.css ?? '');
  return (
    `<svg${attrs({
      xmlns: 'http://www.w3.org/2000/svg',
      class: p,
      width,
      height,
      viewBox: `0 0 ${round(width)} ${round(height)}`,
      // Chromium maps graphics-document; older readers fall back to document.
      role: 'graphics-document document',
      'aria-labelledby': `${p}-title`,
      'aria-describedby': `${p}-desc`,
      'aria-owns': parts.owns?.join(' '),
      lang: parts.lang,
      'data-shape': parts.shape,
      'font-family': family,
      style: 'font-kerning:none;font-variant-ligatures:none;font-synthesis:none',
    })}>` +
    `<title id="${p}-title">${esc(parts.title)}</title>` +
    `<desc id="${p}-desc">${esc(parts.description)}</desc>` +
    `<defs>${css ? `<style>${css}</style>` : ''}` +
    `<filter${attrs({ id: `${p}-halo`, x: '-20%', y: '-20%', width: '140%', height: '140%' })}>` +
    `<feDropShadow${attrs({ dx: 0, dy: 0, stdDeviation: 3, 'flood-color': palette.activeHalo, 'flood-opacity': palette.activeHaloOpacity })}/></filter>` +
    `${parts.defs ?? ''}</defs>` +
    `<rect${attrs({ width, height, fill: palette.surface, 'aria-hidden': 'true' })}/>` +
    parts.body +
    '</svg>'
  );
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/** A caption laid out for the band under the diagram. */
export interface CaptionBlock {
  lines: string[];
  height: number;
}

/** Wraps a caption to the band's width; the counter pill sits left of the first line. */
export function layoutCaption(caption: string, width: number): CaptionBlock {
  const text = caption.trim();
  if (!text) return { lines: [], height: 0 };
  const measured = measureText(text, {
    fontSize: CAPTION_SIZE,
    maxWidth: Math.max(160, width - 2 * CAPTION_PAD - 64),
  });
  return { lines: measured.lines.map((l) => l.text), height: measured.height };
}

/** The band's height for the tallest of some captions. */
export function bandHeight(blocks: readonly CaptionBlock[]): number {
  const tallest = Math.max(CAPTION_SIZE * 1.4, ...blocks.map((b) => b.height));
  return tallest + 2 * CAPTION_PAD;
}

/**
 * One step's caption in a band starting at `top`: a `k / n` pill, then the
 * caption lines. `extra` goes on the outer `<g>` (the animated writer's
 * class; for screen readers, a note named "Step k of n" around the
 * caption's text: the pill is hidden from them).
 */
export function drawCaption(
  palette: Palette,
  block: CaptionBlock,
  counter: string,
  top: number,
  extra: Record<string, string | number | undefined> = {},
): string {
  const lineHeight = CAPTION_SIZE * 1.4;
  const pill = measureText(counter, { fontSize: COUNTER_SIZE, fontWeight: 'semibold' }).width + 16;
  const x = MARGIN + CAPTION_PAD;
  const y = top + CAPTION_PAD;
  const spans = block.lines
    .map(
      (line, i) =>
        `<tspan${attrs({ x: x + pill + 10, y: y + lineHeight * (i + 0.5) + CENTRAL * CAPTION_SIZE })}>${esc(line)}</tspan>`,
    )
    .join('');
  return (
    `<g${attrs(extra)}>` +
    `<g aria-hidden="true"><rect${attrs({ x, y: y + (lineHeight - 22) / 2, width: pill, height: 22, rx: 11, fill: palette.accent })}/>` +
    `<text${attrs({ x: x + pill / 2, y: y + lineHeight / 2 + CENTRAL * COUNTER_SIZE, 'font-size': COUNTER_SIZE, 'font-weight': 600, 'text-anchor': 'middle', fill: palette.accentInk })}>${esc(counter)}</text></g>` +
    (spans
      ? `<text${attrs({ 'font-size': CAPTION_SIZE, fill: palette.ink })}>${spans}</text>`
      : '') +
    '</g>'
  );
}

/** The line between the diagram and the caption band. */
export function bandRule(palette: Palette, top: number, width: number): string {
  return `<rect${attrs({ x: 0, y: top, width, height: 1, fill: palette.ink, 'fill-opacity': 0.15, 'aria-hidden': 'true' })}/>`;
}
