import { describe, expect, it } from 'vitest';
import { inParts } from './inParts.ts';

const nodes = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
const edges = [
  { source: 'a', target: 'b' },
  { source: 'b', target: 'e' },
  { source: 'd', target: 'a' },
];

describe('inParts', () => {
  it('gives a small diagram whole, as the very arrays', () => {
    const shown = inParts(nodes, edges, new Set(), 5);
    expect(shown).toEqual({ nodes, edges, complete: true });
    expect(shown.nodes).toBe(nodes);
    expect(shown.edges).toBe(edges);
  });

  it('adds the next part in order, with the edges whose two ends are drawn', () => {
    const first = inParts(nodes, edges, new Set(), 2);
    expect(first.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(first.edges).toEqual([{ source: 'a', target: 'b' }]);
    expect(first.complete).toBe(false);
    const second = inParts(nodes, edges, new Set(['a', 'b']), 2);
    expect(second.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(second.edges).toEqual([edges[0], edges[2]]);
    const last = inParts(nodes, edges, new Set(['a', 'b', 'c', 'd']), 2);
    expect(last.complete).toBe(true);
    expect(last.nodes).toBe(nodes);
  });

  it('keeps what is drawn and counts only new nodes against the part', () => {
    // A fold in a big diagram: four of five nodes are drawn already, so all come at once.
    const changed = [...nodes.slice(0, 4), { id: 'f' }];
    expect(inParts(changed, edges, new Set(['a', 'b', 'c', 'd', 'e']), 1).complete).toBe(true);
    // Nodes that left are not kept; new ones come in order among the kept.
    const next = inParts(
      [{ id: 'x' }, { id: 'a' }, { id: 'y' }, { id: 'z' }],
      [],
      new Set(['a']),
      1,
    );
    expect(next.nodes.map((n) => n.id)).toEqual(['x', 'a']);
  });
});
