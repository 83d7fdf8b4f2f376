import { iconDefs, usedIcons } from '../icons/draw.ts';
import type { LaidOutDiagram } from '../layout/types.ts';
import { stepChanges } from '../outline/changes.ts';
import { describeChanges } from '../outline/describeNode.ts';
import { wordsFor } from '../outline/words.ts';
import { accessible } from './accessible.ts';
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
  const words = wordsFor(options.lang);
  const state = (kind: 'node' | 'edge', id: string) =>
    (kind === 'node' ? scene?.nodes[id] : scene?.edges[id]) ?? 'idle';
  const reader = accessible(diagram, {
    p,
    words,
    read: (kind, id) => state(kind, id) !== 'hidden',
  });
  const elements = drawElements({
    diagram,
    palette,
    p,
    state,
    omitHidden: true,
    reader,
    ...(options.icons && { icons: options.icons }),
  });
  const drawn = diagram.nodes.filter((n) => scene?.nodes[n.id] !== 'hidden');
  const tokens = scene ? `<g aria-hidden="true">${drawTokens(palette, scene.tokens, p)}</g>` : '';
  let body = `<g transform="translate(${MARGIN} ${MARGIN})">${elements}${tokens}</g>`;
  let height = diagram.height + 2 * MARGIN;
  let owns = reader.owned;
  let more = '';
  if (scene) {
    const count = options.stepCount ?? scene.index + 1;
    const step = words.stepOf(scene.index + 1, count);
    const changes = stepChanges({ flowId: '', title: '', steps: [scene], totalSeconds: 0 }, 0);
    const caption = scene.caption.trim();
    more = [caption ? `${step}: ${caption}` : step, describeChanges(diagram, changes, words)]
      .filter(Boolean)
      .join(' ');
    if (options.caption) {
      const block = layoutCaption(scene.caption, width);
      const counter = `${scene.index + 1} / ${count}`;
      const note = { id: `${p}-cap`, role: 'note', 'aria-label': step };
      body += bandRule(palette, height, width) + drawCaption(palette, block, counter, height, note);
      height += bandHeight([block]);
      // The caption is what this picture is about: read first.
      owns = [`${p}-cap`, ...owns];
    }
  }
  return svgDocument({
    p,
    palette,
    width,
    height,
    title: diagram.title || diagram.id,
    description: describe(diagram, more, words),
    lang: words.lang,
    owns,
    shape: diagram.shape,
    fonts: options.fonts ?? [],
    defs: iconDefs(usedIcons(drawn, options.icons), p),
    body,
  });
}
