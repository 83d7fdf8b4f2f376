import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureText } from '../measure/measureText.ts';
import { parseDiagram } from '../parse/parseDiagram.ts';
import { arbitraryModel } from './arbitraryModel.ts';
import { checkInvariants } from './checkInvariants.ts';
import { createLayoutEngine } from './createLayoutEngine.ts';
import { liftEdge } from './liftEdge.ts';
import { planRuns } from './plan.ts';
import { DEFAULT_LAYOUT_SETTINGS } from './settings.ts';

const model = (text: string) => {
  const result = parseDiagram(text, { file: 'test.mmd' });
  if (!result.model) throw new Error('did not parse');
  return result.model;
};

// a in A1 in A0, b in B0; c beside them; d in A0
const NESTED = model(`flowchart TB
subgraph A0
  subgraph A1
    a
  end
  d
end
subgraph B0
  b
end
c
a --> b
c --> a
a --> d
A0 --> a
`);

describe('planRuns', () => {
  it('leaves a diagram within the bound to one run', () => {
    expect(planRuns(NESTED.nodes, NESTED.nodes.length)).toBeNull();
  });

  it('separates groups bigger than the bound and makes run roots of their small children', () => {
    const plan = planRuns(NESTED.nodes, 2);
    // A0 holds A1, a, d (4 with itself); A1 holds a (2); B0 holds b (2).
    expect([...(plan?.separate ?? [])].sort()).toEqual(['A0']);
    expect([...(plan?.bordered ?? [])].sort()).toEqual(['A0', 'A1', 'B0']);
  });
});

describe('liftEdge', () => {
  const byId = new Map(NESTED.nodes.map((n) => [n.id, n]));
  const edge = (source: string, target: string) => {
    const found = NESTED.edges.find((e) => e.source === source && e.target === target);
    if (!found) throw new Error(`no edge ${source} → ${target}`);
    return found;
  };
  const ends = (source: string, target: string) => {
    const plan = planRuns(NESTED.nodes, 2);
    if (!plan) throw new Error('no plan');
    const { pieces, middle } = liftEdge(edge(source, target), byId, plan);
    return {
      pieces: pieces.map((p) => [
        p.graph,
        p.source.portOf ?? p.source.id,
        p.target.portOf ?? p.target.id,
      ]),
      middle,
    };
  };

  it('goes up through a port on every border to where the chains meet, then down', () => {
    expect(ends('a', 'b')).toEqual({
      pieces: [
        ['A1', 'a', 'A1'],
        ['A0', 'A1', 'A0'],
        [null, 'A0', 'B0'],
        ['B0', 'B0', 'b'],
      ],
      middle: 2,
    });
  });

  it('enters from a node at the top without a port of its own', () => {
    expect(ends('c', 'a')).toEqual({
      pieces: [
        [null, 'c', 'A0'],
        ['A0', 'A0', 'A1'],
        ['A1', 'A1', 'a'],
      ],
      middle: 0,
    });
  });

  it('starts an edge from a group to its own member on that group’s port, seen from inside', () => {
    expect(ends('A0', 'a')).toEqual({
      pieces: [
        ['A0', 'A0', 'A1'],
        ['A1', 'A1', 'a'],
      ],
      middle: 0,
    });
  });

  it('leaves an edge inside one run whole, for ELK to route across its groups', () => {
    // With a bound of 4, A0 (4 nodes) is a run root: a and d share its run.
    const plan = planRuns(NESTED.nodes, 4);
    if (!plan) throw new Error('no plan');
    expect(liftEdge(edge('a', 'd'), byId, plan).pieces).toEqual([
      { id: edge('a', 'd').id, graph: 'A0', source: { id: 'a' }, target: { id: 'd' } },
    ]);
    // …but the edge from A0 to a enters that run from its root's border,
    // and ELK joins a port only to its own group's children.
    expect(liftEdge(edge('A0', 'a'), byId, plan).pieces.map((p) => p.graph)).toEqual(['A0', 'A1']);
  });
});

describe('bottom-up layout of random nested graphs', () => {
  // Labels on self-loops and on edges from a group to its own member are
  // left out: ELK 0.12 now and then sets them on a neighbouring node when
  // the loop is in a flat run (every run here; in the one-run layout, a
  // group that turns) or the edge starts on a run's own border. A known
  // limit, in docs/performance.md.
  it.each([3, 8])('keeps every invariant in runs of at most %i nodes', async (maxRun) => {
    const engine = createLayoutEngine({
      measure: measureText,
      settings: DEFAULT_LAYOUT_SETTINGS,
      maxRun,
    });
    await fc.assert(
      fc.asyncProperty(arbitraryModel(24, { labelsOnLoops: false }), async (m) => {
        const diagram = await engine.layout(m);
        expect(checkInvariants(diagram)).toEqual([]);
        for (const edge of diagram.edges) {
          expect(edge.points.length, `edge ${edge.id} has a route`).toBeGreaterThanOrEqual(2);
          // Pieces join at ports: the route stays orthogonal (to ELK's rounding).
          for (let i = 1; i < edge.points.length; i++) {
            const [p, q] = [edge.points[i - 1], edge.points[i]];
            const straight =
              !!p && !!q && Math.min(Math.abs(p.x - q.x), Math.abs(p.y - q.y)) < 0.05;
            expect(straight, `edge ${edge.id} bends off-axis`).toBe(true);
          }
        }
      }),
      { numRuns: 50, seed: 20261126 + maxRun },
    );
  });
});
