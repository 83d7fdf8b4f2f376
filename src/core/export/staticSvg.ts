import { iconDefs, usedIcons } from '../icons/draw.ts';
import type { LaidOutDiagram } from '../layout/types.ts';
import { describe } from './describe.ts';
import { drawElements } from './draw.ts';
import {
  bandHeight,
  bandRule,
  drawCaption,
  layoutCaption,
  MARGIN,
  prefixFor,
  svgDocument,
} from './frame.ts';
import { PALETTES } from './palette.ts';
import { drawTokens } from './tokens.ts';
import type { StaticSvgOptions } from './types.ts';

/**
 * The diagram as one self-contained SVG file, drawn like the app: the whole
 * diagram, or one step of a flow (`options.scene`) with its lit, dimmed and
 * hidden elements, its tokens arriving along their edges with a trail
 * behind them (see `stillToken`) and, with
 * `options.caption`, its caption in a band underneath.
 *
 * @example staticSvg(diagram, { theme: 'dark', fonts })
 */
export function staticSvg(diagram: LaidOutDiagram, options: StaticSvgOptions = {}): string {
  const palette = PALETTES[options.theme ?? 'light'];
  const p = prefixFor(diagram, options);
  const scene = options.scene;
  const width = diagram.width + 2 * MARGIN;
  const elements = drawElements({
    diagram,
    palette,
    p,
    state: (kind, id) => (kind === 'node' ? scene?.nodes[id] : scene?.edges[id]) ?? 'idle',
    omitHidden: true,
    ...(options.icons && { icons: options.icons }),
  });
  const drawn = diagram.nodes.filter((n) => scene?.nodes[n.id] !== 'hidden');
  const tokens = scene ? drawTokens(palette, scene.tokens, p) : '';
  let body = `<g transform="translate(${MARGIN} ${MARGIN})">${elements}${tokens}</g>`;
  let height = diagram.height + 2 * MARGIN;
  if (scene && options.caption) {
    const block = layoutCaption(scene.caption, width);
    const counter = `${scene.index + 1} / ${options.stepCount ?? scene.index + 1}`;
    body += bandRule(palette, height, width) + drawCaption(palette, block, counter, height);
    height += bandHeight([block]);
  }
  return svgDocument({
    p,
    palette,
    width,
    height,
    title: diagram.title || diagram.id,
    description: describe(diagram, scene?.caption),
    shape: diagram.shape,
    fonts: options.fonts ?? [],
    defs: iconDefs(usedIcons(drawn, options.icons), p),
    body,
  });
}
