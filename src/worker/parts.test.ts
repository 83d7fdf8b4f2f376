import { describe, expect, it } from 'vitest';
import { createDefaultLayoutEngine } from '../core/layout/createDefaultLayoutEngine.ts';
import { parseDiagram } from '../core/parse/parseDiagram.ts';
import { inParts, joinParts } from './parts.ts';
import type { DiagramPart, LayoutResponse, LayoutResult } from './protocol.ts';

const chain = (n: number) =>
  ['flowchart LR', ...Array.from({ length: n - 1 }, (_, i) => `n${i} --> n${i + 1}`)].join('\n');

async function answer(n: number): Promise<Extract<LayoutResult, { ok: true }>> {
  const { model } = parseDiagram(chain(n), { file: 'chain.mmd' });
  if (!model) throw new Error('did not parse');
  const diagram = await createDefaultLayoutEngine().layout(model);
  return { requestId: 7, ok: true, diagram, diagnostics: [] };
}

describe('a big diagram in part messages', () => {
  it('sends a small answer as it is', async () => {
    const small = await answer(5);
    expect(inParts(small, 100)).toEqual([small]);
  });

  it('splits a big one into parts that each stay under the size, and joins it back the same', async () => {
    const big = await answer(60); // 60 nodes, 59 edges
    const messages = inParts(big, 25);
    const parts = messages.flatMap((m) => ('part' in m ? [m.part] : []));
    expect(parts.map((p) => p.nodes.length + p.edges.length)).toEqual([25, 25, 10, 25, 25, 9]);
    const final = messages.at(-1) as LayoutResponse;
    expect('ok' in final && final.ok && final.diagram.nodes).toEqual([]);
    const joined = joinParts(final as LayoutResult, parts as DiagramPart[]);
    expect(joined).toEqual(big);
  });

  it('leaves failures alone', () => {
    const failed: LayoutResult = {
      requestId: 1,
      ok: false,
      reason: 'crashed',
      diagnostics: [],
      message: 'boom',
    };
    expect(inParts(failed, 1)).toEqual([failed]);
    expect(joinParts(failed, [{ nodes: [], edges: [] }])).toBe(failed);
  });
});
