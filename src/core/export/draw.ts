import type { ElementState } from '../animate/timeline.ts';
import { useIcon } from '../icons/draw.ts';
import type { IconMap } from '../icons/types.ts';
import type { LaidOutDiagram, LaidOutEdge, LaidOutLabel, LaidOutNode } from '../layout/types.ts';
import { FONT_SIZES } from '../measure/fonts.ts';
import { measureText } from '../measure/measureText.ts';
import { PRETENDARD_REGULAR } from '../measure/metrics/pretendardRegular.ts';
import { arrowHeadPath, edgePath } from '../render/edgePath.ts';
import { resolveStyle } from '../render/resolveStyle.ts';
import { shapePaths } from '../render/shapePath.ts';
import type { Accessible, Reading } from './accessible.ts';
import { edgePaint, nodePaint, type Paint } from './paint.ts';
import type { Palette } from './palette.ts';
import { attrs, esc, num } from './xml.ts';

/**
 * Where the alphabetic baseline sits below a line's middle, in em: the app
 * draws labels with `dominant-baseline: central`, which is half-way between
 * the font's ascender and descender. Files carry the baseline itself, because
 * PowerPoint and others ignore `dominant-baseline`.
 */
const CENTRAL =
  (PRETENDARD_REGULAR.ascender + PRETENDARD_REGULAR.descender) / 2 / PRETENDARD_REGULAR.unitsPerEm;

/** What the drawing functions need besides the element. */
export interface DrawContext {
  diagram: LaidOutDiagram;
  palette: Palette;
  /** Prefix of ids and classes. */
  p: string;
  /** An element's state; `idle` when absent. */
  state: (kind: 'node' | 'edge', id: string) => ElementState;
  /** Leave hidden elements out of the file (a still picture) rather than draw them invisible. */
  omitHidden: boolean;
  /**
   * The icons loaded for the diagram; a node draws its icon when it is here
   * (the file's `<defs>` must hold it: `iconDefs`), and goes without when not.
   */
  icons?: IconMap;
  /**
   * A moment between two states (a video frame): how to paint the element,
   * given how it paints in each state, instead of its `state`'s own paint.
   */
  look?: (kind: 'node' | 'edge', id: string, paintIn: (state: ElementState) => Paint) => Look;
  /** The file's structure for screen readers (a video frame needs none). */
  reader?: Accessible;
}

/**
 * A paint, a scale about the element's centre (what appears grows in, as
 * in the app) and a sideways shift (a node that fails shakes).
 */
export type Look = Paint & { scale?: number; shift?: number };

/**
 * The diagram's elements in the app's stacking order: groups by depth, then
 * edges, then leaf nodes. Each one is a `<g>` with a class `n<i>` or `e<i>`
 * (i = its index in the diagram), its outline has the class `sh` and an edge's
 * heads `hd`: the animated writer targets them under the file's own class.
 */
export function drawElements(ctx: DrawContext): string {
  const { diagram } = ctx;
  const groups = diagram.nodes
    .map((node, i) => ({ node, i }))
    .filter(({ node }) => node.kind === 'group')
    .sort((a, b) => a.node.depth - b.node.depth);
  let out = '';
  for (const { node, i } of groups) out += drawNode(ctx, node, i);
  diagram.edges.forEach((edge, i) => {
    out += drawEdge(ctx, edge, i);
  });
  diagram.nodes.forEach((node, i) => {
    if (node.kind !== 'group') out += drawNode(ctx, node, i);
  });
  return out;
}

function drawNode(ctx: DrawContext, node: LaidOutNode, i: number): string {
  const state = ctx.state('node', node.id);
  if (state === 'hidden' && ctx.omitHidden) return '';
  const style = resolveStyle(node, ctx.diagram.classDefs);
  const paintIn = (s: ElementState) => nodePaint(node, style, s, ctx.palette);
  const paint: Look = ctx.look ? ctx.look('node', node.id, paintIn) : paintIn(state);
  const group = node.kind === 'group';
  const cls = `n${i}`;
  let body = '';
  // An icon drawn alone keeps the label as a tooltip (and the name, in a file without a reader).
  if (node.iconBox && node.labelBox.lines.length === 0 && node.label.trim() !== '')
    body += `<title>${esc(node.label)}</title>`;
  if (group) {
    if (node.collapsed)
      body += `<rect${attrs({ x: node.x + 4, y: node.y + 4, width: node.width, height: node.height, rx: 10, fill: paint.stroke })}/>`;
    body += `<rect${attrs({ class: 'sh', x: node.x, y: node.y, width: node.width, height: node.height, rx: node.collapsed ? 10 : 12, ...shapeAttrs(ctx, paint) })}/>`;
  } else {
    const paths = shapePaths(node.shape, node);
    if (paths.outline)
      body += `<path${attrs({ class: 'sh', d: paths.outline, 'stroke-linejoin': 'round', ...shapeAttrs(ctx, paint) })}/>`;
    if (paths.detail)
      body += `<path${attrs({ class: 'dt', d: paths.detail, fill: 'none', stroke: paint.stroke, 'stroke-width': paint.strokeWidth })}/>`;
  }
  if (node.icon && node.iconBox && ctx.icons?.has(node.icon))
    body += useIcon(node.icon, node.iconBox, ctx.p, paint);
  else if (node.iconBox && node.labelBox.lines.length === 0) body += standIn(node, paint.ink);
  body += drawLabel(node.labelBox, paint.ink, group ? 600 : undefined);
  if (node.collapsed) body += drawBadge(ctx, node, paint);
  const reading = ctx.reader?.node(node.id);
  return `<g${attrs({
    class: cls,
    'data-node-id': node.id,
    'data-state': state,
    opacity: paint.opacity < 1 ? paint.opacity : undefined,
    transform: moved(node, paint),
    ...reading?.attrs,
  })}>${readable(reading, body)}</g>`;
}

/**
 * What stands in for an icon drawn alone that is not there (an unknown
 * name, a set not loaded): the label on one line in the icon's place,
 * smaller if need be to stay inside the node, so the node still says what it is.
 */
function standIn(node: LaidOutNode, ink: string): string {
  const text = node.label.replace(/\s+/g, ' ').trim();
  const box = node.iconBox;
  if (!text || !box) return '';
  const size = FONT_SIZES.nodeLabel;
  const width = measureText(text, { fontSize: size }).width;
  const fit = Math.max(8, Math.min(size, (size * (node.width - 12)) / Math.max(width, 1)));
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2 + CENTRAL * fit;
  return `<text${attrs({ x, y, 'font-size': num(fit), 'text-anchor': 'middle', fill: ink })}>${esc(text)}</text>`;
}

/** A look's shift and scale as a transform, or undefined. */
function moved(node: LaidOutNode, look: Look): string | undefined {
  const scale = look.scale ?? 1;
  const shift = look.shift ?? 0;
  let transform = shift ? `translate(${num(shift)} 0)` : '';
  if (scale !== 1) {
    const cx = num(node.x + node.width / 2);
    const cy = num(node.y + node.height / 2);
    transform += `translate(${cx} ${cy}) scale(${Math.round(scale * 1000) / 1000}) translate(-${cx} -${cy})`;
  }
  return transform || undefined;
}

function shapeAttrs(ctx: DrawContext, paint: Paint) {
  return {
    fill: paint.fill,
    stroke: paint.stroke,
    'stroke-width': paint.strokeWidth,
    'stroke-dasharray': paint.dash,
    filter: paint.halo ? `url(#${ctx.p}-halo)` : undefined,
  };
}

/** A folded group's `+n`, where the app draws its unfold button. */
function drawBadge(ctx: DrawContext, node: LaidOutNode, paint: Paint): string {
  const text = `+${node.hiddenCount ?? 0}`;
  const width = Math.max(22, measureText(text, { fontSize: 13 }).width + 12);
  const x = node.x + node.width - 6 - width;
  const y = node.y + 6;
  return (
    `<rect${attrs({ x, y, width, height: 22, rx: 6, fill: ctx.palette.surface, stroke: paint.stroke, 'stroke-width': 1 })}/>` +
    `<text${attrs({ x: x + width / 2, y: y + 11 + CENTRAL * 13, 'font-size': 13, 'text-anchor': 'middle', fill: paint.ink })}>${esc(text)}</text>`
  );
}

function drawEdge(ctx: DrawContext, edge: LaidOutEdge, i: number): string {
  const state = ctx.state('edge', edge.id);
  if ((state === 'hidden' && ctx.omitHidden) || edge.line === 'invisible') return '';
  const style = resolveStyle(edge, ctx.diagram.classDefs);
  const paintIn = (s: ElementState) => edgePaint(edge, style, s, ctx.palette);
  const paint = ctx.look ? ctx.look('edge', edge.id, paintIn) : paintIn(state);
  const head = (at: 'start' | 'end') => {
    const d = arrowHeadPath(edge.points, at, at === 'end' ? edge.arrows.end : edge.arrows.start);
    return d
      ? `<path${attrs({ class: 'hd', d, fill: paint.stroke, stroke: paint.stroke, 'stroke-width': 1.2, 'stroke-linejoin': 'round' })}/>`
      : '';
  };
  let body = `<path${attrs({
    class: 'sh',
    d: edgePath(edge.points, edge.arrows),
    fill: 'none',
    stroke: paint.stroke,
    'stroke-width': paint.strokeWidth,
    'stroke-dasharray': paint.dash,
    'stroke-linejoin': 'round',
  })}/>`;
  body += head('end') + head('start');
  const label = edge.labelBox;
  if (label) {
    body += `<rect${attrs({ x: label.x - 4, y: label.y - 2, width: label.width + 8, height: label.height + 4, rx: 4, fill: ctx.palette.edgeLabelBg, 'fill-opacity': ctx.palette.edgeLabelOpacity })}/>`;
    body += drawLabel(label, paint.ink);
  }
  const reading = ctx.reader?.edge(edge.id);
  return `<g${attrs({
    class: `e${i}`,
    'data-edge-id': edge.id,
    'data-state': state,
    opacity: paint.opacity < 1 ? paint.opacity : undefined,
    ...reading?.attrs,
  })}>${readable(reading, body)}</g>`;
}

/**
 * An element's drawing under its reading: its `<desc>`, then the shapes,
 * icon and text hidden from screen readers, which hear the element's name
 * instead (and would otherwise hear the label twice).
 */
function readable(reading: Reading | undefined, body: string): string {
  if (!reading || reading.attrs['aria-hidden']) return body;
  const desc = reading.desc ? `<desc>${esc(reading.desc)}</desc>` : '';
  return `${desc}<g aria-hidden="true">${body}</g>`;
}

/** A measured label, one `<tspan>` per line exactly as the layout wrapped it. */
export function drawLabel(label: LaidOutLabel, fill: string, weight?: number): string {
  if (label.lines.length === 0) return '';
  const lineHeight = label.height / label.lines.length;
  const x = label.x + label.width / 2;
  const spans = label.lines
    .map(
      (line, i) =>
        `<tspan${attrs({ x, y: label.y + lineHeight * (i + 0.5) + CENTRAL * label.fontSize })}>${esc(line)}</tspan>`,
    )
    .join('');
  return `<text${attrs({ 'font-size': label.fontSize, 'font-weight': weight, 'text-anchor': 'middle', fill })}>${spans}</text>`;
}

export { CENTRAL, num };
