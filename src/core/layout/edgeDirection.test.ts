import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../parse/parseDiagram.ts';
import { createDefaultLayoutEngine } from './createDefaultLayoutEngine.ts';

async function centreY(text: string, file: string) {
  const { model } = parseDiagram(text, { file });
  if (!model) throw new Error('no model');
  const diagram = await createDefaultLayoutEngine().layout(model);
  return (id: string) => {
    const node = diagram.nodes.find((n) => n.id === id);
    if (!node) throw new Error(`no node ${id}`);
    return node.y + node.height / 2;
  };
}

describe('edges follow the diagram direction', () => {
  it('whatever order the nodes were written in', async () => {
    const y = await centreY(
      'direction: down\nnodes:\n  api: API\n  user: User\n  db: DB\nedges:\n  - user -> api\n  - api -> db',
      'order.yaml',
    );
    expect(y('user')).toBeLessThan(y('api'));
    expect(y('api')).toBeLessThan(y('db'));
  });

  it('and a reply loops back to where the exchange started', async () => {
    const y = await centreY('flowchart TD\n  A -->|ask| B\n  B -->|answer| A', 'reply.mmd');
    expect(y('A')).toBeLessThan(y('B'));
  });
});
