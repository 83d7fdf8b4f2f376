import { describe, expect, it } from 'vitest';
import { denseFlowchart } from '../bench/dense.ts';
import type { Model } from '../src/core/model/types.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';

// The dense benchmark (bench/denseLayout.ts) compares layouts of these
// graphs across runs and machines, so they must be the graphs it says.
function parse(text: string) {
  const { model, diagnostics } = parseDiagram(text, { file: 'dense.mmd' });
  if (!model) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return { model, diagnostics };
}

function crossingShare(model: Model): number {
  const parent = new Map(model.nodes.map((n) => [n.id, n.parent]));
  const crossing = model.edges.filter((e) => parent.get(e.source) !== parent.get(e.target));
  return crossing.length / model.edges.length;
}

describe('denseFlowchart', () => {
  it('gives the same text for the same seed, another for another seed', () => {
    const options = { nodes: 200, crossing: 0.45, seed: 7 };
    expect(denseFlowchart(options)).toBe(denseFlowchart(options));
    expect(denseFlowchart({ ...options, seed: 8 })).not.toBe(denseFlowchart(options));
  });

  it.each([
    [50, 0.45],
    [200, 0.1],
    [200, 0.6],
    [1000, 0.45],
  ])(
    '%i nodes, %f crossing: the asked counts and share, parsed without errors',
    (nodes, crossing) => {
      const { model, diagnostics } = parse(denseFlowchart({ nodes, crossing }));
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const leaves = model.nodes.filter((n) => n.kind === 'node');
      const groups = model.nodes.filter((n) => n.kind === 'group');
      expect(leaves).toHaveLength(nodes);
      // Zones, clusters, pods: about one group per five nodes, three deep.
      expect(groups.length).toBeGreaterThanOrEqual(nodes / 6);
      expect(groups.length).toBeLessThanOrEqual(nodes / 3);
      expect(model.edges.length).toBeGreaterThanOrEqual(Math.floor(nodes * 1.3 * 0.95));
      expect(model.edges.length).toBeLessThanOrEqual(Math.ceil(nodes * 1.3));
      expect(crossingShare(model)).toBeCloseTo(crossing, 1);
    },
  );

  it('ends a few edges on groups once there are clusters to reach', () => {
    const { model } = parse(denseFlowchart({ nodes: 200 }));
    const groups = new Set(model.nodes.filter((n) => n.kind === 'group').map((n) => n.id));
    const onGroups = model.edges.filter((e) => groups.has(e.target)).length;
    expect(onGroups).toBeGreaterThan(0);
    expect(onGroups).toBeLessThan(model.edges.length * 0.05);
  });

  it('parses a 200-node graph without a single warning', () => {
    expect(parse(denseFlowchart({ nodes: 200 })).diagnostics).toEqual([]);
  });
});
