import { describe, expect, it } from 'vitest';
import { importMermaid } from '../parse/mermaid/importMermaid.ts';
import { checkInvariants } from './checkInvariants.ts';
import { createDefaultLayoutEngine } from './createDefaultLayoutEngine.ts';

async function layOut(text: string) {
  const { model } = importMermaid(text, { id: 't' });
  if (!model) throw new Error('no model');
  const diagram = await createDefaultLayoutEngine().layout(model);
  expect(checkInvariants(diagram)).toEqual([]);
  return new Map(diagram.nodes.map((n) => [n.id, n]));
}

describe('unconnected siblings keep the order they were written in', () => {
  it('left to right in a top-down diagram, groups moving with their contents', async () => {
    const nodes = await layOut(
      'flowchart TB\nsubgraph S[Server]\nsubgraph V1[VM1]\na1[App]\nl1[Libs]\nend\nsubgraph V2[VM2]\na2[App]\nend\nsubgraph V3[VM3]\na3[App]\ndb[(etcd)]\nend\nend\nS --> hw[Hardware]',
    );
    const x = (id: string) => nodes.get(id)?.x ?? Number.NaN;
    expect(x('V1')).toBeLessThan(x('V2'));
    expect(x('V2')).toBeLessThan(x('V3'));
    expect(x('a1')).toBeLessThan(x('l1'));
    expect(x('a3')).toBeLessThan(x('db'));
  });

  it('top to bottom in a left-right diagram', async () => {
    const nodes = await layOut('flowchart LR\nsubgraph G\nk[one]\nm[two]\nn[three]\nend\nG --> z');
    const y = (id: string) => nodes.get(id)?.y ?? Number.NaN;
    expect(y('k')).toBeLessThan(y('m'));
    expect(y('m')).toBeLessThan(y('n'));
  });
});
