import { describe, expect, it } from 'vitest';
import type { LaidOutDiagram, LaidOutEdge, LaidOutNode, Point } from '../layout/types.ts';
import type { ArrowHead, Flow, FlowStep, LineStyle } from '../model/types.ts';
import { projectOnto } from './pointAlong.ts';
import {
  buildTimeline,
  DEFAULT_STEP_SECONDS,
  pathLength,
  pointAlong,
  sliceAlong,
  type Timeline,
  timeAt,
} from './timeline.ts';

function node(
  id: string,
  parent: string | null,
  box: [number, number, number, number],
  kind: 'node' | 'group' = 'node',
): LaidOutNode {
  const [x, y, width, height] = box;
  return {
    id,
    parent,
    kind,
    label: id.toUpperCase(),
    shape: 'rect',
    classes: [],
    style: {},
    x,
    y,
    width,
    height,
    depth: parent === null ? 0 : 1,
    labelBox: { x, y, width, height, lines: [id], fontSize: 14 },
  };
}

function edge(
  source: string,
  target: string,
  points: Point[],
  options: { start?: ArrowHead; end?: ArrowHead; line?: LineStyle } = {},
): LaidOutEdge {
  return {
    id: `${source}->${target}`,
    source,
    target,
    line: options.line ?? 'solid',
    arrows: { start: options.start ?? 'none', end: options.end ?? 'arrow' },
    minLength: 1,
    classes: [],
    style: {},
    points,
  };
}

/**
 * Group G (a, b) on the left, c right of it, d below c:
 * a → b → c ↔ d, d ←(head at the start) a, and an invisible a → d.
 */
const diagram: LaidOutDiagram = {
  id: 'hand',
  title: 'Hand',
  direction: 'right',
  width: 400,
  height: 260,
  nodes: [
    node('G', null, [0, 0, 200, 100], 'group'),
    node('a', 'G', [10, 40, 50, 30]),
    node('b', 'G', [120, 40, 50, 30]),
    node('c', null, [300, 40, 50, 30]),
    node('d', null, [300, 200, 50, 30]),
  ],
  edges: [
    edge('a', 'b', [
      { x: 60, y: 55 },
      { x: 120, y: 55 },
    ]),
    edge('b', 'c', [
      { x: 170, y: 55 },
      { x: 300, y: 55 },
    ]),
    edge(
      'c',
      'd',
      [
        { x: 325, y: 70 },
        { x: 325, y: 200 },
      ],
      { start: 'arrow' },
    ),
    edge(
      'd',
      'a',
      [
        { x: 300, y: 215 },
        { x: 35, y: 215 },
        { x: 35, y: 70 },
      ],
      { start: 'arrow', end: 'none' },
    ),
    edge(
      'a',
      'd',
      [
        { x: 60, y: 60 },
        { x: 300, y: 210 },
      ],
      { line: 'invisible' },
    ),
  ],
  flows: [],
  classDefs: {},
};

function play(...steps: Partial<FlowStep>[]): Timeline {
  const flow: Flow = {
    id: 'f',
    title: 'F',
    steps: steps.map((s) => ({ nodes: [], edges: [], ...s })),
  };
  return buildTimeline(diagram, flow);
}

function sceneAt(timeline: Timeline, index: number) {
  const scene = timeline.steps[index];
  if (!scene) throw new Error(`no step ${index}`);
  return scene;
}

describe('buildTimeline', () => {
  it('lights, dims and remembers, step by step', () => {
    const t = play({ nodes: ['a'], caption: 'one' }, { edges: ['a->b'] }, { nodes: ['c'] });
    expect(t.steps.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(sceneAt(t, 0)).toMatchObject({
      caption: 'one',
      nodes: { G: 'idle', a: 'active', b: 'dimmed', c: 'dimmed', d: 'dimmed' },
      tokens: [],
      focus: { x: 10, y: 40, width: 50, height: 30 },
    });
    expect(Object.values(sceneAt(t, 0).edges)).toEqual(Array(5).fill('dimmed'));
    expect(sceneAt(t, 1).nodes).toEqual({
      G: 'idle',
      a: 'active',
      b: 'active',
      c: 'dimmed',
      d: 'dimmed',
    });
    expect(sceneAt(t, 1).edges['a->b']).toBe('active');
    expect(sceneAt(t, 1).focus).toEqual({ x: 10, y: 40, width: 160, height: 30 });
    expect(sceneAt(t, 2).nodes).toEqual({
      G: 'dimmed',
      a: 'visited',
      b: 'visited',
      c: 'active',
      d: 'dimmed',
    });
    expect(sceneAt(t, 2).edges).toMatchObject({ 'a->b': 'visited', 'b->c': 'dimmed' });
    expect(sceneAt(t, 2).caption).toBe('');
    expect(sceneAt(t, 2)).not.toHaveProperty('notes');
  });

  it('gives each scene from the flow and its index alone', () => {
    // Later steps reach back only through `show` (what appears later starts
    // hidden); without such a show, a prefix of the flow gives the same scenes.
    const steps: Partial<FlowStep>[] = [
      { nodes: ['a'] },
      { edges: ['a->b'], fail: ['c'] },
      { hide: ['G'] },
      { show: ['G'], heal: ['c'] },
    ];
    const whole = play(...steps);
    for (let k = 1; k <= steps.length; k++)
      expect(play(...steps.slice(0, k)).steps).toEqual(whole.steps.slice(0, k));
  });

  it('leaves everything idle on a step that lights nothing, framing the whole diagram', () => {
    const t = play({ caption: 'intro', notes: 'say hello' }, { nodes: ['a'] }, {});
    expect(Object.values(sceneAt(t, 0).nodes)).toEqual(Array(5).fill('idle'));
    expect(sceneAt(t, 0)).toMatchObject({
      notes: 'say hello',
      focus: { x: 0, y: 0, width: 400, height: 260 },
    });
    expect(sceneAt(t, 2).nodes).toMatchObject({ a: 'visited', b: 'idle' });
  });

  it('lights a named group, with its contents as context', () => {
    const t = play({ nodes: ['G'] });
    expect(sceneAt(t, 0).nodes).toEqual({
      G: 'active',
      a: 'idle',
      b: 'idle',
      c: 'dimmed',
      d: 'dimmed',
    });
    expect(sceneAt(t, 0).focus).toEqual({ x: 0, y: 0, width: 200, height: 100 });
  });

  it('hides what a later step shows, and what a step hides until it is shown again', () => {
    const t = play({ nodes: ['a'] }, { show: ['c'] }, { hide: ['a'] }, { show: ['a'] });
    expect(sceneAt(t, 0).nodes.c).toBe('hidden');
    expect(sceneAt(t, 0).edges).toMatchObject({ 'b->c': 'hidden', 'c->d': 'hidden' });
    expect(sceneAt(t, 0).entered).toEqual([]);
    expect(sceneAt(t, 1)).toMatchObject({ entered: ['c'], left: [] });
    expect(sceneAt(t, 1).nodes.c).toBe('idle');
    expect(sceneAt(t, 2)).toMatchObject({ entered: [], left: ['a'] });
    expect(sceneAt(t, 2).nodes.a).toBe('hidden');
    expect(sceneAt(t, 2).edges).toMatchObject({ 'a->b': 'hidden', 'd->a': 'hidden' });
    expect(sceneAt(t, 3)).toMatchObject({ entered: ['a'], left: [] });
    expect(sceneAt(t, 3).nodes.a).toBe('visited');
  });

  it('hides a group with everything inside it, even a child shown on its own', () => {
    const t = play({ nodes: ['a'] }, { hide: ['G', 'b'] }, { show: ['b'] }, { show: ['G'] });
    expect(sceneAt(t, 1).left).toEqual(['G', 'a', 'b']);
    expect(sceneAt(t, 1).nodes).toMatchObject({ G: 'hidden', a: 'hidden', b: 'hidden' });
    expect(sceneAt(t, 1).edges).toMatchObject({ 'a->b': 'hidden', 'b->c': 'hidden' });
    expect(sceneAt(t, 2)).toMatchObject({ entered: [], left: [] });
    expect(sceneAt(t, 2).nodes.b).toBe('hidden');
    expect(sceneAt(t, 3).entered).toEqual(['G', 'a', 'b']);
    expect(sceneAt(t, 3).nodes).toMatchObject({ G: 'idle', a: 'visited', b: 'idle' });
  });

  it('never lights, frames or sends tokens along what is hidden', () => {
    const t = play({ edges: ['b->c'], nodes: ['d'], focus: ['c'] }, { show: ['c'] });
    const first = sceneAt(t, 0);
    expect(first.nodes).toMatchObject({ b: 'dimmed', c: 'hidden', d: 'active' });
    expect(first.edges['b->c']).toBe('hidden');
    expect(first.tokens).toEqual([]);
    expect(first.focus).toEqual({ x: 300, y: 200, width: 50, height: 30 });
    expect(sceneAt(t, 1).nodes.b).toBe('idle');
  });

  it('keeps a node failed until it is healed, over active', () => {
    const t = play({ nodes: ['c'], fail: ['c'] }, { nodes: ['d'] }, { heal: ['c'], nodes: ['d'] });
    expect(sceneAt(t, 0)).toMatchObject({ failed: ['c'], healed: [] });
    expect(sceneAt(t, 0).nodes.c).toBe('failed');
    expect(sceneAt(t, 1)).toMatchObject({ failed: [], healed: [] });
    expect(sceneAt(t, 1).nodes.c).toBe('failed');
    expect(sceneAt(t, 2)).toMatchObject({ failed: [], healed: ['c'] });
    expect(sceneAt(t, 2).nodes.c).toBe('visited');
  });

  it('lets heal win when a step both fails and heals a node', () => {
    const t = play({ fail: ['a', 'b'], heal: ['b'] });
    expect(sceneAt(t, 0).failed).toEqual(['a']);
    expect(sceneAt(t, 0).nodes).toMatchObject({ a: 'failed', b: 'idle' });
  });

  it('sends tokens source to target, both ways on two-headed edges, back on start-only ones', () => {
    const t = play({ edges: ['a->b', 'c->d', 'd->a', 'a->d'] });
    const tokens = sceneAt(t, 0).tokens;
    expect(tokens.map((k) => `${k.edgeId} ${k.direction}`)).toEqual([
      'a->b forward',
      'c->d forward',
      'c->d backward',
      'd->a backward',
    ]);
    expect(tokens[1]?.points).toEqual([
      { x: 325, y: 70 },
      { x: 325, y: 200 },
    ]);
    expect(tokens[2]?.points).toEqual([
      { x: 325, y: 200 },
      { x: 325, y: 70 },
    ]);
    expect(tokens[3]?.points[0]).toEqual({ x: 35, y: 70 });
    // The invisible edge is active (its ends light up) but carries nothing.
    expect(sceneAt(t, 0).edges['a->d']).toBe('active');
    // Tokens are copies: the diagram stays untouched.
    expect(diagram.edges[2]?.points[0]).toEqual({ x: 325, y: 70 });
  });

  it('frames focus nodes first, then what is lit, then the whole diagram', () => {
    const t = play({ nodes: ['a'], focus: ['c', 'd'] }, { edges: ['d->a'] }, { nodes: ['nope'] });
    expect(sceneAt(t, 0).focus).toEqual({ x: 300, y: 40, width: 50, height: 190 });
    expect(sceneAt(t, 1).focus).toEqual({ x: 10, y: 40, width: 340, height: 190 });
    expect(sceneAt(t, 2).focus).toEqual({ x: 0, y: 0, width: 400, height: 260 });
  });

  it('lists what a step is about in the order a camera needs it', () => {
    const t = play(
      { nodes: ['c', 'b'], edges: ['d->a', 'a->b'], focus: ['G'] },
      { fail: ['b'] },
      { nodes: ['a'], fail: ['d'], hide: ['c'] },
    );
    // The focus, where the tokens go (d->a travels back to d), the nodes as
    // written, the other edge ends; never a hidden node.
    expect(sceneAt(t, 0).subjects).toEqual(['G', 'd', 'b', 'c', 'a']);
    expect(sceneAt(t, 1).subjects).toEqual(['b']);
    // A new failure before the nodes, one that stays failed last.
    expect(sceneAt(t, 2).subjects).toEqual(['d', 'a', 'b']);
  });

  it('times steps by their duration, defaulting to DEFAULT_STEP_SECONDS', () => {
    const t = play({ duration: 2 }, {});
    expect(t.steps.map((s) => s.duration)).toEqual([2, DEFAULT_STEP_SECONDS]);
    expect(t.totalSeconds).toBe(2 + DEFAULT_STEP_SECONDS);
    expect(t).toMatchObject({ flowId: 'f', title: 'F' });
  });
});

describe('timeAt', () => {
  const t = play({ duration: 2 }, { duration: 4 }, { duration: 1 });
  it('maps continuous time to a step and the fraction through it', () => {
    expect(timeAt(t, 0)).toEqual({ step: 0, progress: 0 });
    expect(timeAt(t, 1)).toEqual({ step: 0, progress: 0.5 });
    expect(timeAt(t, 2)).toEqual({ step: 1, progress: 0 });
    expect(timeAt(t, 5)).toEqual({ step: 1, progress: 0.75 });
    expect(timeAt(t, 6.5)).toEqual({ step: 2, progress: 0.5 });
  });
  it('clamps before the start and after the end, without looping', () => {
    expect(timeAt(t, -3)).toEqual({ step: 0, progress: 0 });
    expect(timeAt(t, Number.NaN)).toEqual({ step: 0, progress: 0 });
    expect(timeAt(t, 7)).toEqual({ step: 2, progress: 1 });
    expect(timeAt(t, 100)).toEqual({ step: 2, progress: 1 });
  });
});

describe('pointAlong and pathLength', () => {
  const polyline = [
    { x: 0, y: 0 },
    { x: 30, y: 40 },
    { x: 30, y: 40 },
    { x: 30, y: 90 },
  ];
  it('measures a polyline, repeated points included', () => {
    expect(pathLength(polyline)).toBe(100);
    expect(pathLength([{ x: 1, y: 1 }])).toBe(0);
    expect(pathLength([])).toBe(0);
  });
  it('walks by arc length, not by segment', () => {
    expect(pointAlong(polyline, 0)).toEqual({ x: 0, y: 0 });
    expect(pointAlong(polyline, 0.25)).toEqual({ x: 15, y: 20 });
    expect(pointAlong(polyline, 0.5)).toEqual({ x: 30, y: 40 });
    expect(pointAlong(polyline, 0.75)).toEqual({ x: 30, y: 65 });
    expect(pointAlong(polyline, 1)).toEqual({ x: 30, y: 90 });
  });
  it('clamps progress and copes with degenerate polylines', () => {
    expect(pointAlong(polyline, -1)).toEqual({ x: 0, y: 0 });
    expect(pointAlong(polyline, 2)).toEqual({ x: 30, y: 90 });
    expect(pointAlong(polyline, Number.NaN)).toEqual({ x: 0, y: 0 });
    expect(pointAlong([{ x: 4, y: 5 }], 0.5)).toEqual({ x: 4, y: 5 });
    expect(pointAlong([], 0.5)).toEqual({ x: 0, y: 0 });
  });
  it('slices a stretch of the route, keeping its bends and dropping repeated points', () => {
    expect(sliceAlong(polyline, 0.25, 0.75)).toEqual([
      { x: 15, y: 20 },
      { x: 30, y: 40 },
      { x: 30, y: 65 },
    ]);
    expect(sliceAlong(polyline, 0, 1)).toEqual([
      { x: 0, y: 0 },
      { x: 30, y: 40 },
      { x: 30, y: 90 },
    ]);
    // Within one segment: its two ends only.
    expect(sliceAlong(polyline, 0.6, 0.8)).toEqual([
      { x: 30, y: 50 },
      { x: 30, y: 70 },
    ]);
    // Clamped, never backwards; no length is one point.
    expect(sliceAlong(polyline, 0.9, 0.1)).toEqual([{ x: 30, y: 80 }]);
    expect(sliceAlong(polyline, -1, 2)).toEqual(sliceAlong(polyline, 0, 1));
  });
  it('projects a point onto the route: how far along, and how far off', () => {
    expect(projectOnto(polyline, { x: 30, y: 65 })).toEqual({ along: 75, off: 0 });
    expect(projectOnto(polyline, { x: 34, y: 70 })).toEqual({ along: 80, off: 4 });
    // Past an end: the end, and the distance to it.
    expect(projectOnto(polyline, { x: 30, y: 93 })).toEqual({ along: 100, off: 3 });
    expect(sliceAlong([{ x: 4, y: 5 }], 0, 1)).toEqual([{ x: 4, y: 5 }]);
  });
});
