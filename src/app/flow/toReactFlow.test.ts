import { describe, expect, it } from 'vitest';
import { createDefaultLayoutEngine } from '../../core/layout/createDefaultLayoutEngine.ts';
import { importMermaid } from '../../core/parse/mermaid/importMermaid.ts';
import { toReactFlow } from './toReactFlow.ts';

describe('toReactFlow', () => {
  it('places every node exactly where ELK put it, groups under their children', async () => {
    const { model } = importMermaid('flowchart TB\nsubgraph G[Group]\na --> b\nend\nG --> c', {
      id: 't',
    });
    if (!model) throw new Error('no model');
    const diagram = await createDefaultLayoutEngine().layout(model);
    const flow = toReactFlow(diagram);
    for (const node of diagram.nodes) {
      const rf = flow.nodes.find((n) => n.id === node.id);
      expect(rf?.position).toEqual({ x: node.x, y: node.y });
      expect([rf?.width, rf?.height]).toEqual([node.width, node.height]);
      expect(rf?.type).toBe(node.kind === 'group' ? 'container' : 'shape');
      // A keyboard user hears which node is focused.
      expect(rf?.ariaLabel).toBe(node.label.replace(/\s*\n\s*/g, ' ') || node.id);
    }
    const z = (id: string) => flow.nodes.find((n) => n.id === id)?.zIndex ?? Number.NaN;
    expect(z('G')).toBeLessThan(z('a'));
    expect(flow.edges.map((e) => [e.source, e.target, e.type])).toEqual([
      ['a', 'b', 'routed'],
      ['G', 'c', 'routed'],
    ]);
    expect(flow.edges[1]?.data?.edge.points.length).toBeGreaterThanOrEqual(2);
  });
});
