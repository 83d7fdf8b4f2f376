import { describe, expect, it } from 'vitest';
import { buildTimeline, type StepScene } from '../animate/timeline.ts';
import type { LaidOutDiagram, LaidOutEdge, LaidOutNode } from '../layout/types.ts';
import type { FlowStep } from '../model/types.ts';
import { type FrameOptions, frameView, type Screen } from './frameView.ts';
import { isCut, isWhole } from './placeBox.ts';

function node(
  id: string,
  parent: string | null,
  [x, y, width, height]: [number, number, number, number],
  kind: 'node' | 'group' = 'node',
): LaidOutNode {
  // A leaf's label fills it; a group's title is a strip centred at its top.
  const labelBox =
    kind === 'node'
      ? { x: x + 10, y: y + 10, width: width - 20, height: height - 20, lines: [id], fontSize: 16 }
      : { x: x + width / 2 - 50, y: y + 8, width: 100, height: 20, lines: [id], fontSize: 14 };
  return {
    id,
    parent,
    kind,
    label: id,
    shape: 'rect',
    classes: [],
    style: {},
    x,
    y,
    width,
    height,
    depth: parent === null ? 0 : 1,
    labelBox,
  };
}

function edge(source: string, target: string, label?: [number, number]): LaidOutEdge {
  return {
    id: `${source}->${target}`,
    source,
    target,
    line: 'solid',
    arrows: { start: 'none', end: 'arrow' },
    minLength: 1,
    classes: [],
    style: {},
    points: [],
    ...(label
      ? {
          labelBox: { x: label[0], y: label[1], width: 60, height: 16, lines: ['l'], fontSize: 13 },
        }
      : {}),
  };
}

/**
 * A wide group W (its title at the middle of its top) holding a, c near its
 * left end and b at its right end; below it, group G holding d, its title
 * just above d, and beside G group H holding e.
 */
const diagram: LaidOutDiagram = {
  id: 'wide',
  title: 'Wide',
  direction: 'right',
  width: 2000,
  height: 600,
  nodes: [
    node('W', null, [0, 0, 2000, 300], 'group'),
    node('a', 'W', [20, 120, 100, 40]),
    node('c', 'W', [220, 120, 100, 40]),
    node('b', 'W', [1880, 120, 100, 40]),
    node('G', null, [150, 440, 200, 120], 'group'),
    node('d', 'G', [200, 500, 100, 40]),
    node('H', null, [380, 440, 300, 120], 'group'),
    node('e', 'H', [480, 500, 100, 40]),
  ],
  edges: [edge('a', 'c', [130, 170]), edge('a', 'b', [1000, 170]), edge('c', 'd')],
  flows: [],
  classDefs: {},
};

function scene(step: Partial<FlowStep>): StepScene {
  const timeline = buildTimeline(diagram, {
    id: 'f',
    title: 'F',
    steps: [{ nodes: [], edges: [], ...step }],
  });
  return timeline.steps[0] as StepScene;
}

const options: FrameOptions = { minZoom: 0.02, maxZoom: 1.25, margin: 20, readablePx: 16 };
const screen: Screen = { width: 1000, height: 700, covered: [] };
const byId = (id: string) => diagram.nodes.find((n) => n.id === id) as LaidOutNode;
const title = (id: string) => byId(id).labelBox;

describe('frameView', () => {
  it('fits the whole diagram into the part of the screen nothing covers', () => {
    const covered = [{ x: 0, y: 0, width: 1000, height: 60 }];
    const { view, left } = frameView(diagram, null, { ...screen, covered }, options);
    expect(left).toEqual([]);
    for (const n of diagram.nodes) expect(isWhole(n, view, { ...screen, covered })).toBe(true);
    // As large as the free band lets it be: its width spans the screen less the margins.
    expect(view.zoom).toBeCloseTo((1000 - 40) / 2000, 6);
  });

  it('frames a step’s subjects and the label between them, readably, with the group’s name', () => {
    const { view, left } = frameView(diagram, scene({ edges: ['a->c'] }), screen, options);
    expect(left).toEqual([]);
    for (const id of ['a', 'c']) expect(isWhole(byId(id), view, screen)).toBe(true);
    expect(isWhole({ x: 130, y: 170, width: 60, height: 16 }, view, screen)).toBe(true);
    expect(view.zoom).toBe(1.25);
    // W's title, 900 px to the right, would cost the zoom: left out, but not cut.
    expect(isCut(title('W'), view, screen)).toBe(false);
  });

  it('keeps clear of what covers the screen', () => {
    // A button where the subjects would be centred.
    const covered = [{ x: 400, y: 300, width: 200, height: 100 }];
    const { view } = frameView(diagram, scene({ nodes: ['a'] }), { ...screen, covered }, options);
    expect(isWhole(byId('a'), view, { ...screen, covered })).toBe(true);
    expect(view.zoom).toBe(1.25);
  });

  it('leaves out what would make the labels unreadable, starting where the token goes', () => {
    const { view, left } = frameView(diagram, scene({ edges: ['a->b'] }), screen, options);
    // 1960 px apart: both would read at half size. The token travels to b.
    expect(left).toEqual(['a']);
    expect(isWhole(byId('b'), view, screen)).toBe(true);
    expect(view.zoom * 16).toBeGreaterThanOrEqual(16);
    // What is left out is out of sight, not cut at the edge.
    expect(isCut(byId('a'), view, screen)).toBe(false);
    expect(isCut(title('W'), view, screen)).toBe(false);
  });

  it('shows everything when the screen is big enough', () => {
    const big = { width: 3000, height: 1200, covered: [] };
    const { view, left } = frameView(diagram, scene({ edges: ['a->b'] }), big, options);
    expect(left).toEqual([]);
    expect(isWhole(byId('a'), view, big)).toBe(true);
    expect(isWhole(byId('b'), view, big)).toBe(true);
  });

  it('leaves a named group too wide to read to the overview, and frames what is in it', () => {
    const { view, left } = frameView(diagram, scene({ focus: ['W'], nodes: ['c'] }), screen, {
      ...options,
    });
    expect(left).toEqual(['W']);
    expect(isWhole(byId('c'), view, screen)).toBe(true);
    expect(view.zoom).toBeGreaterThanOrEqual(1);
    expect(isCut(title('W'), view, screen)).toBe(false);
  });

  it('at a desk’s readable size, keeps more in the frame', () => {
    const desk = { ...options, readablePx: 7 };
    const { left } = frameView(diagram, scene({ edges: ['a->b'] }), screen, desk);
    expect(left).toEqual([]);
  });

  it('never cuts a group’s title: it frames the title or moves it out of sight', () => {
    // Screens so short that d, centred at full zoom, would show half of G's title.
    for (const height of [110, 130, 180, 220, 260, 300, 400]) {
      for (const width of [300, 500, 600, 700, 800, 900, 1400]) {
        const small = { width, height, covered: [{ x: 0, y: 0, width: 120, height: 30 }] };
        for (const step of [
          { nodes: ['c'] },
          { nodes: ['d'] },
          { nodes: ['c', 'd'] },
          { edges: ['a->b'] },
        ]) {
          const { view } = frameView(diagram, scene(step), small, options);
          for (const group of ['W', 'G', 'H']) {
            expect(isCut(title(group), view, small), `${group} at ${width}×${height}`).toBe(false);
          }
        }
      }
    }
  });
});
