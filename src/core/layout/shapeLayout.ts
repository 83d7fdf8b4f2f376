import { type ScreenShape, shapeRatio } from '../model/screenShape.ts';
import type { Direction, Model, ModelNode } from '../model/types.ts';
import { checkInvariants } from './checkInvariants.ts';
import { effectiveDirection } from './hierarchy.ts';
import type { ToElkOptions } from './toElk.ts';
import type { LaidOutDiagram } from './types.ts';

/** Lays a model out with the given ELK options (the engine's pipeline). */
export type LayOut = (model: Model, options: ToElkOptions) => Promise<LaidOutDiagram>;

/**
 * The canvas a diagram is shown on is a little wider than its window: the
 * header and the caption band take height, nothing takes width.
 */
const CANVAS_STRETCH = 1.15;
/** Leave the layout as written unless another reads this much larger. */
const WORTH_IT = 1.25;
/** How many of the longest groups to try folding. */
const FOLD_TRIES = 3;

/** Width over height of the canvas on a screen of this shape. */
function canvasRatio(shape: ScreenShape): number {
  return shapeRatio(shape) * CANVAS_STRETCH;
}

/**
 * How large a whole diagram shows on the canvas of a screen of this shape,
 * in canvas heights per diagram unit: only ratios of it mean anything.
 */
export function shownScale(diagram: LaidOutDiagram, shape: ScreenShape): number {
  return Math.min(canvasRatio(shape) / diagram.width, 1 / diagram.height);
}

/**
 * A layout shaped for a screen: of the layout as written and a few
 * variants that keep every chain's reading direction, the one whose whole
 * view is largest on that screen. The variants:
 * - every group that states a direction gets it, even where an edge
 *   crosses its border (`turnAll`; one ELK run cannot turn such a group);
 * - a long group folds: it stacks its parts across the flow (a row of
 *   boxes becomes a column) while each part keeps reading the way it did;
 * - a diagram without groups wraps its chain into rows or columns (ELK's
 *   graph wrapping), like a line of text.
 * Each variant must keep the layout invariants; the written layout stays
 * unless a variant is `WORTH_IT` times larger on screen, so most diagrams
 * that already fit look exactly as written.
 */
export async function shapeLayout(
  model: Model,
  shape: ScreenShape,
  layOut: LayOut,
): Promise<LaidOutDiagram> {
  const written = await layOut(model, {});
  const target = canvasRatio(shape);
  // Laid out at the screen's shape, the same area would show sqrt(aspect /
  // target) times larger; short of WORTH_IT, no variant is worth trying.
  const mismatch = Math.abs(Math.log(written.width / written.height / target));
  if (mismatch < 2 * Math.log(WORTH_IT)) return written;
  const scale = (d: LaidOutDiagram) => shownScale(d, shape);
  const wide = written.width / written.height > target;
  const variants: [Model, ToElkOptions][] = [[model, { wrap: target }]];
  if (model.nodes.some((n) => n.kind === 'group')) {
    variants.push([model, { turnAll: true }]);
    for (const id of longestGroups(model, written, wide))
      variants.push([fold(model, id, wide), { turnAll: true }]);
  }
  // Laid out together, so an engine on several threads (elkPool) lays them
  // out in parallel; weighed in this order, so the answer does not depend on it.
  const laidOut = await Promise.all(variants.map(([variant, options]) => layOut(variant, options)));
  let best = { diagram: written, scale: scale(written) * WORTH_IT };
  for (const diagram of laidOut) {
    if (scale(diagram) > best.scale && checkInvariants(diagram).length === 0)
      best = { diagram, scale: scale(diagram) };
  }
  return best.diagram === written ? written : asWritten(best.diagram, model);
}

/** A variant's layout, its nodes read back as the model wrote them (a fold only moved them). */
function asWritten(diagram: LaidOutDiagram, model: Model): LaidOutDiagram {
  const nodes = diagram.nodes.map((node, i) => {
    const { direction: _, ...rest } = node;
    const written = model.nodes[i]?.direction;
    return written ? { ...rest, direction: written } : rest;
  });
  return { ...diagram, nodes };
}

/**
 * Groups that run the long way (across a too-wide screen, or down a too-tall
 * one), longest first: the ones whose folding can change the shape.
 */
function longestGroups(model: Model, laidOut: LaidOutDiagram, wide: boolean): string[] {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const boxes = new Map(laidOut.nodes.map((n) => [n.id, n]));
  const kids = new Map<string, number>();
  for (const n of model.nodes) if (n.parent) kids.set(n.parent, (kids.get(n.parent) ?? 0) + 1);
  return model.nodes
    .filter((n) => n.kind === 'group' && !n.direction && (kids.get(n.id) ?? 0) >= 2)
    .filter((n) => horizontal(effectiveDirection(n, byId, model.direction)) === wide)
    .map((n) => {
      const box = boxes.get(n.id);
      return { id: n.id, length: box ? (wide ? box.width : box.height) : 0 };
    })
    .sort((a, b) => b.length - a.length)
    .slice(0, FOLD_TRIES)
    .map((g) => g.id);
}

/**
 * A model where `id` stacks its children across the way it flowed, and each
 * child group keeps the direction it had, so its own chain reads as before.
 */
function fold(model: Model, id: string, wide: boolean): Model {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const group = byId.get(id);
  if (!group) return model;
  const was = effectiveDirection(group, byId, model.direction);
  const turned: Direction = wide ? 'down' : 'right';
  const nodes = model.nodes.map((n): ModelNode => {
    if (n.id === id) return { ...n, direction: turned };
    if (n.parent === id && n.kind === 'group' && !n.direction) return { ...n, direction: was };
    return n;
  });
  return { ...model, nodes };
}

function horizontal(direction: Direction): boolean {
  return direction === 'right' || direction === 'left';
}
