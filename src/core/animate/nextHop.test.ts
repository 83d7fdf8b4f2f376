import { describe, expect, it } from 'vitest';
import type { LaidOutDiagram, LaidOutEdge, LaidOutNode } from '../layout/types.ts';
import type { FlowStep } from '../model/types.ts';
import { buildTimeline, nextHop } from './timeline.ts';

function node(
  id: string,
  parent: string | null,
  x: number,
  kind: LaidOutNode['kind'] = 'node',
): LaidOutNode {
  const box = { x, y: 0, width: 40, height: 20 };
  return {
    id,
    parent,
    kind,
    label: id,
    shape: 'rect',
    classes: [],
    style: {},
    ...box,
    depth: parent === null ? 0 : 1,
    labelBox: { ...box, lines: [id], fontSize: 14 },
  };
}

function edge(source: string, target: string): LaidOutEdge {
  return {
    id: `${source}->${target}`,
    source,
    target,
    line: 'solid',
    arrows: { start: 'none', end: 'arrow' },
    minLength: 1,
    classes: [],
    style: {},
    points: [
      { x: 0, y: 10 },
      { x: 50, y: 10 },
    ],
  };
}

/** Group G (a, b), then c and d: a → b → c, d on its own. */
const diagram: LaidOutDiagram = {
  id: 'chain',
  title: 'Chain',
  direction: 'right',
  width: 400,
  height: 20,
  nodes: [
    node('G', null, 0, 'group'),
    node('a', 'G', 0),
    node('b', 'G', 100),
    node('c', null, 200),
    node('d', null, 300),
  ],
  edges: [edge('a', 'b'), edge('b', 'c')],
  flows: [],
  classDefs: {},
};

function play(...steps: Partial<FlowStep>[]) {
  const flow = { id: 'f', title: 'F', steps: steps.map((s) => ({ nodes: [], edges: [], ...s })) };
  return buildTimeline(diagram, flow);
}

describe('nextHop', () => {
  it('gives the node each step of a chain leads to, and nothing after the last', () => {
    const t = play({ nodes: ['a'] }, { edges: ['a->b'] }, { edges: ['b->c'] });
    expect([0, 1, 2].map((i) => nextHop(t, i))).toEqual([['b'], ['c'], []]);
    expect(nextHop(t, -1)).toEqual([]);
    expect(nextHop(t, 7)).toEqual([]);
  });

  it('gives a node the next step only fails', () => {
    const t = play({ edges: ['b->c'] }, { fail: ['d'] });
    expect(nextHop(t, 0)).toEqual(['d']);
  });

  it('asks for the nodes, not the group the next step frames', () => {
    const t = play({ nodes: ['c'] }, { nodes: ['b', 'a'], focus: ['G'] });
    expect(nextHop(t, 0)).toEqual(['b', 'a']);
  });

  it("falls back to the next step's first subject when it lights nothing new", () => {
    expect(nextHop(play({ nodes: ['a'] }, { nodes: ['a'] }), 0)).toEqual(['a']);
    expect(nextHop(play({ nodes: ['c'] }, { focus: ['G'] }), 0)).toEqual(['G']);
    expect(nextHop(play({ nodes: ['c'] }, { caption: 'the end' }), 0)).toEqual([]);
  });
});

describe('StepScene.ask', () => {
  it("carries the step's question and its next hop", () => {
    const t = play(
      { nodes: ['a'], ask: {} },
      { edges: ['a->b'], ask: { question: 'And then?' } },
      { edges: ['b->c'] },
    );
    expect(t.steps.map((s) => s.ask)).toEqual([
      { expected: ['b'] },
      { question: 'And then?', expected: ['c'] },
      undefined,
    ]);
  });

  it('is left off the last step, which has no next hop', () => {
    const t = play({ nodes: ['a'] }, { nodes: ['b'], ask: { question: 'Next?' } });
    expect(t.steps[1]).not.toHaveProperty('ask');
  });
});
