import { describe, expect, it } from 'vitest';
import { collapseGroups } from './collapse.ts';
import type { Model, ModelEdge, ModelNode } from './types.ts';

const node = (id: string, parent: string | null = null): ModelNode => ({
  id,
  parent,
  kind: 'node',
  label: id,
  shape: 'rect',
  classes: [],
  style: {},
});
const group = (id: string, parent: string | null = null): ModelNode => ({
  ...node(id, parent),
  kind: 'group',
});
const edge = (source: string, target: string, extra: Partial<ModelEdge> = {}): ModelEdge => ({
  id: `${source}->${target}`,
  source,
  target,
  line: 'solid',
  arrows: { start: 'none', end: 'arrow' },
  minLength: 1,
  classes: [],
  style: {},
  ...extra,
});
const model = (nodes: ModelNode[], edges: ModelEdge[] = []): Model => ({
  id: 't',
  title: 't',
  direction: 'down',
  nodes,
  edges,
  flows: [{ id: 'f', title: 'f', steps: [{ nodes: ['a1'], edges: ['a1->a2'] }] }],
  classDefs: {},
  source: 'yaml',
});

/**
 *   A: a1, a2, B: b1, b2        out
 */
const nested = () =>
  model([
    group('A'),
    node('a1', 'A'),
    node('a2', 'A'),
    group('B', 'A'),
    node('b1', 'B'),
    node('b2', 'B'),
    node('out'),
  ]);
const ids = (m: Model) => m.nodes.map((n) => n.id);
const ends = (m: Model) => m.edges.map((e) => `${e.id}: ${e.source}->${e.target}`);

describe('collapseGroups', () => {
  it('returns the same model when nothing collapses', () => {
    const m = nested();
    expect(collapseGroups(m, new Set())).toBe(m);
    expect(collapseGroups(m, new Set(['a1', 'out', 'missing']))).toBe(m);
  });

  it('ignores ids that are not groups', () => {
    const m = nested();
    const once = collapseGroups(m, new Set(['B']));
    expect(collapseGroups(m, new Set(['B', 'a1', 'nope']))).toEqual(once);
  });

  it('hides the descendants and marks the group, counting the leaves it hides', () => {
    const m = nested();
    const b = collapseGroups(m, new Set(['B']));
    expect(ids(b)).toEqual(['A', 'a1', 'a2', 'B', 'out']);
    expect(b.nodes.find((n) => n.id === 'B')).toMatchObject({
      kind: 'group',
      collapsed: true,
      hiddenCount: 2,
    });
    expect(b.nodes.find((n) => n.id === 'A')).not.toHaveProperty('collapsed');
    expect(b.nodes.find((n) => n.id === 'A')).not.toHaveProperty('hiddenCount');
    // The input is not touched.
    expect(m.nodes).toHaveLength(7);
    expect(m.nodes.find((n) => n.id === 'B')).not.toHaveProperty('collapsed');
  });

  it('lets the outermost collapsed group win when groups nest', () => {
    const both = collapseGroups(nested(), new Set(['A', 'B']));
    expect(ids(both)).toEqual(['A', 'out']);
    expect(both.nodes[0]).toMatchObject({ collapsed: true, hiddenCount: 4 });
  });

  it('is idempotent, and an already collapsed group adds its count to an outer one', () => {
    const m = nested();
    const b = collapseGroups(m, new Set(['B']));
    expect(collapseGroups(b, new Set(['B']))).toBe(b);
    const thenA = collapseGroups(b, new Set(['A']));
    expect(thenA).toEqual(collapseGroups(m, new Set(['A', 'B'])));
    expect(thenA.nodes[0]).toMatchObject({ id: 'A', hiddenCount: 4 });
  });

  it('marks a collapsed empty group with a count of zero', () => {
    const m = model([group('E'), node('x')]);
    const e = collapseGroups(m, new Set(['E']));
    expect(e).not.toBe(m);
    expect(e.nodes[0]).toMatchObject({ collapsed: true, hiddenCount: 0 });
  });

  it('re-points edges into and out of a collapsed group, and drops those within it', () => {
    const m = {
      ...nested(),
      edges: [
        edge('out', 'b1'), // into B
        edge('b2', 'out'), // out of B
        edge('b1', 'b2'), // within B
        edge('a1', 'b1'), // from A into B
        edge('A', 'b2'), // group to its own descendant
        edge('B', 'out', { id: 'B-out' }), // already on the group
      ],
    };
    const b = collapseGroups(m, new Set(['B']));
    expect(ends(b)).toEqual(['out->b1: out->B', 'b2->out: B->out', 'a1->b1: a1->B', 'A->b2: A->B']);
    const a = collapseGroups(m, new Set(['A']));
    expect(ends(a)).toEqual(['out->b1: out->A', 'b2->out: A->out']);
  });

  it('keeps self-loops the author wrote but drops those the collapse makes', () => {
    const m = { ...nested(), edges: [edge('out', 'out'), edge('b1', 'b1'), edge('A', 'A')] };
    expect(ends(collapseGroups(m, new Set(['B'])))).toEqual(['out->out: out->out', 'A->A: A->A']);
    expect(ends(collapseGroups(m, new Set(['A'])))).toEqual(['out->out: out->out', 'A->A: A->A']);
  });

  it('merges edges that end up alike into the first, keeping its id and fields', () => {
    const m = {
      ...nested(),
      edges: [
        edge('out', 'b1', { label: 'calls', arrows: { start: 'arrow', end: 'arrow' } }),
        edge('out', 'b2', { label: 'calls' }),
        edge('out', 'b2', { id: 'dashed', line: 'dashed' }),
        edge('b1', 'out', { label: 'reply' }),
        edge('B', 'out', { label: 'other' }),
      ],
    };
    const b = collapseGroups(m, new Set(['B']));
    expect(b.edges).toEqual([
      { ...m.edges[0], target: 'B' }, // same label on both: kept
      { ...m.edges[2], target: 'B' }, // another line style: its own edge
      // Labels disagree: the merged edge stands for both, so it shows neither.
      {
        id: 'b1->out',
        source: 'B',
        target: 'out',
        line: 'solid',
        arrows: { start: 'none', end: 'arrow' },
        minLength: 1,
        classes: [],
        style: {},
      },
    ]);
    const edgeIds = b.edges.map((e) => e.id);
    expect(new Set(edgeIds).size).toBe(edgeIds.length);
  });

  it('drops a label when only some of the merged edges have it', () => {
    const m = { ...nested(), edges: [edge('out', 'b1', { label: 'x' }), edge('out', 'b2')] };
    expect(collapseGroups(m, new Set(['B'])).edges[0]).not.toHaveProperty('label');
  });

  it('leaves parallel edges between visible nodes alone', () => {
    const m = {
      ...nested(),
      edges: [
        edge('out', 'a1'),
        edge('out', 'a1', { id: 'out->a1#2' }),
        edge('b1', 'b2'), // hidden by the collapse, so something changes
      ],
    };
    expect(ends(collapseGroups(m, new Set(['B'])))).toEqual([
      'out->a1: out->a1',
      'out->a1#2: out->a1',
    ]);
  });

  it('keeps edge ids stable: every id in the result is an input id, in input order', () => {
    const m = {
      ...nested(),
      edges: [
        edge('a1', 'b1'),
        edge('a2', 'b2'),
        edge('b1', 'out'),
        edge('a1', 'out'),
        edge('b2', 'a2'),
      ],
    };
    for (const set of [['A'], ['B'], ['A', 'B']]) {
      const got = collapseGroups(m, new Set(set)).edges.map((e) => e.id);
      const all = m.edges.map((e) => e.id);
      expect(got.every((id) => all.includes(id))).toBe(true);
      expect(got).toEqual(all.filter((id) => got.includes(id)));
    }
  });

  it('keeps flows and everything else as they are', () => {
    const m = nested();
    const b = collapseGroups(m, new Set(['B']));
    expect(b.flows).toBe(m.flows);
    expect({ ...b, nodes: [], edges: [] }).toEqual({ ...m, nodes: [], edges: [] });
  });

  it('stays linear on a deep chain of groups', () => {
    const nodes: ModelNode[] = [group('g0')];
    for (let i = 1; i < 20000; i++) nodes.push(group(`g${i}`, `g${i - 1}`));
    nodes.push(node('leaf', 'g19999'));
    const m = model(nodes, [edge('leaf', 'g0')]);
    const c = collapseGroups(m, new Set(['g1', 'g5000']));
    expect(ids(c)).toEqual(['g0', 'g1']);
    expect(c.nodes[1]).toMatchObject({ collapsed: true, hiddenCount: 1 });
    expect(ends(c)).toEqual(['leaf->g0: g1->g0']);
  });
});
