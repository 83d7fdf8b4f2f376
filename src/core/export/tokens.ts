import { pointAlong, type Token } from '../animate/timeline.ts';
import type { Palette } from './palette.ts';
import { attrs } from './xml.ts';

/** The packet drawn on an edge, as the app's `.fd-token`. */
export function tokenAttrs(palette: Palette) {
  return { r: 7, fill: palette.active, stroke: palette.surface, 'stroke-width': 2.5 };
}

/** A still picture's tokens, each at `progress` (0–1) of its way. */
export function drawTokens(palette: Palette, tokens: readonly Token[], progress: number) {
  return tokens
    .map((token) => {
      const at = pointAlong(token.points, progress);
      return `<circle${attrs({ class: 'tk', 'data-token-edge': token.edgeId, cx: at.x, cy: at.y, ...tokenAttrs(palette) })}/>`;
    })
    .join('');
}
