import { boundingBox } from '../animate/pointAlong.ts';
import type { StepScene } from '../animate/timeline.ts';
import { ancestors, nodeTree } from '../animate/visibility.ts';
import type { Box, LaidOutDiagram, LaidOutEdge, LaidOutNode } from '../layout/types.ts';
import { freeRects, type Screen } from './freeRects.ts';
import { type FitLimits, isWhole, placeBox, type View, zoomToFit } from './placeBox.ts';

export type { Screen } from './freeRects.ts';
export type { View } from './placeBox.ts';

export interface FrameOptions extends FitLimits {
  /**
   * The size, in screen px, the subjects' labels are framed at: a subject
   * that would make the labels smaller is left out of the frame (for an
   * overview to show) rather than shrinking the rest.
   */
  readablePx: number;
}

export interface Framing {
  view: View;
  /** The step's subjects left out of the frame so the rest reads, in the step's order. */
  left: string[];
}

/** A group's name around the subjects is worth this much of the zoom, no more. */
const CONTEXT_ZOOM = 0.85;
/** Expanding the box by the titles it cuts: a few rounds settle it. */
const MAX_ROUNDS = 8;

/**
 * Where the camera shows a step (or, with no scene, the whole diagram) on a
 * screen that other things partly cover:
 *
 * - it frames into the free part of the screen (`freeRects()`), never under a cover;
 * - it frames the step's subjects (`StepScene.subjects`), the labels of the
 *   edges between them and, where the zoom stays readable, the titles of
 *   the groups around them; a subject that would bring the labels under
 *   `readablePx` stays out (`left`), as does one too big to read alone
 *   (when none reads alone, the first is framed as large as it fits);
 * - no group title, and no subject left out (or label of its edges), is
 *   cut by the screen's edge or a cover: the camera moves so it is wholly in
 *   or wholly out, or frames it too.
 *
 * @example
 * const { view, left } = frameView(diagram, scene, { width: 1024, height: 686, covered: [] },
 *   { minZoom: 0.02, maxZoom: 1.25, margin: 24, readablePx: 16 });
 */
export function frameView(
  diagram: LaidOutDiagram,
  scene: StepScene | null,
  screen: Screen,
  options: FrameOptions,
): Framing {
  const tree = nodeTree(diagram.nodes);
  const rects = freeRects(screen);
  const shown = (id: string) => scene?.nodes[id] !== 'hidden';
  const titles = diagram.nodes.filter((n) => n.kind === 'group' && shown(n.id)).map(titleOf);
  const fit = (boxes: readonly Box[], keepWhole: readonly Box[]): View => {
    let box = boundingBox(boxes) ?? { x: 0, y: 0, width: diagram.width, height: diagram.height };
    let placed = placeBox(box, rects, screen, options, keepWhole);
    for (let round = 1; round < MAX_ROUNDS && placed.cut.length > 0; round++) {
      box = boundingBox([box, ...placed.cut]) as Box;
      placed = placeBox(box, rects, screen, options, keepWhole);
    }
    return placed.view;
  };

  const subjects = (scene?.subjects ?? []).flatMap((id) => tree.byId.get(id) ?? []);
  const [first] = subjects;
  if (!scene || !first) {
    const whole = boundingBox(diagram.nodes.filter((n) => shown(n.id))) ?? scene?.focus;
    return { view: fit(whole ? [whole] : [], titles), left: [] };
  }

  const activeEdges = diagram.edges.filter((e) => scene.edges[e.id] === 'active');
  const frameOf = (chosen: readonly LaidOutNode[]) => {
    const ids = new Set(chosen.map((n) => n.id));
    const framedEdge = (e: LaidOutEdge) => ids.has(e.source) && ids.has(e.target);
    const labels = activeEdges.flatMap((e) => (e.labelBox && framedEdge(e) ? [e.labelBox] : []));
    const boxes: Box[] = [...chosen, ...labels];
    // What is left out is wholly out (or in): leaves, the labels of their
    // edges, the titles of groups (a group's box may be cut).
    const keepWhole = [
      ...titles,
      ...subjects.filter((n) => !ids.has(n.id) && n.kind === 'node'),
      ...activeEdges.flatMap((e) => (e.labelBox && !framedEdge(e) ? [e.labelBox] : [])),
    ];
    // The names of the groups around them, innermost first, each where it
    // costs little zoom and no readability.
    const context = [...new Set(chosen.flatMap((n) => ancestors(tree, n.id)))]
      .flatMap((id) => tree.byId.get(id) ?? [])
      .sort((a, b) => b.depth - a.depth)
      .map(titleOf);
    const readable = Math.min(options.maxZoom, options.readablePx / fontOf(chosen));
    const bare = fit(boxes, keepWhole);
    const least = Math.max(Math.min(readable, bare.zoom), bare.zoom * CONTEXT_ZOOM) - 1e-6;
    let view = bare;
    for (const title of context) {
      const named = fit([...boxes, title], keepWhole);
      if (named.zoom < least) continue;
      boxes.push(title);
      view = named;
    }
    return { view, readable: view.zoom >= readable - 1e-6 };
  };

  // Greedily, in the step's order: each subject that keeps the frame readable.
  // A subject too big to read alone (a wide group named as focus) is left to
  // the overview; when none reads alone, the first is framed as best it can.
  let chosen: LaidOutNode[] = [];
  let framed: { view: View; readable: boolean } | null = null;
  for (const subject of subjects) {
    // Titles only ever zoom out: a box too big to read bare is not tried further.
    const nodes = [...chosen, subject];
    const bare = boundingBox(nodes) as Box;
    const best = Math.max(...rects.map((rect) => zoomToFit(bare, rect, options)));
    if (best < Math.min(options.maxZoom, options.readablePx / fontOf(nodes)) - 1e-6) continue;
    const trial = frameOf(nodes);
    if (!trial.readable) continue;
    chosen = [...chosen, subject];
    framed = trial;
  }
  framed ??= frameOf([first]);
  const left = subjects.filter((n) => !isWhole(n, framed.view, screen)).map((n) => n.id);
  return { view: framed.view, left };
}

/** A group's title; a collapsed group is a box around its title, so the whole box. */
function titleOf(group: LaidOutNode): Box {
  return group.collapsed ? group : group.labelBox;
}

/** The smallest label font of the leaves among `nodes` (a group's title is not what is read first). */
function fontOf(nodes: readonly LaidOutNode[]): number {
  const leaves = nodes.filter((n) => n.kind === 'node' || n.collapsed);
  const sizes = (leaves.length > 0 ? leaves : nodes).map((n) => n.labelBox.fontSize);
  return Math.min(...sizes);
}
