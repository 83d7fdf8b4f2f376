import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types.ts';
import { importMermaid } from '../parse/mermaid/importMermaid.ts';
import { parseDiagram } from '../parse/parseDiagram.ts';
import { defaultFlow } from './defaultFlow.ts';

function chart(text: string): Model {
  const { model } = importMermaid(text, { id: 'chart' });
  if (!model) throw new Error('no model');
  return model;
}

describe('defaultFlow', () => {
  it('lights the first source, then walks the edges in written order', () => {
    const flow = defaultFlow(
      chart('flowchart LR\n  a["에이<br/>둘째 줄"] -->|호출| b[B]\n  b --> c[C]\n  a --> c'),
    );
    expect(flow).toEqual({
      id: 'main',
      title: 'chart',
      steps: [
        { caption: '에이\n둘째 줄', nodes: ['a'], edges: [] },
        { caption: '호출: B', nodes: ['b'], edges: ['a->b'] },
        { caption: 'C', nodes: ['c'], edges: ['b->c'] },
        { caption: 'C', nodes: ['c'], edges: ['a->c'] },
      ],
    });
  });

  it('skips invisible edges, even the first', () => {
    const flow = defaultFlow(chart('flowchart LR\n  x ~~~ a\n  a --> b'));
    expect(flow?.steps.map((s) => s.caption)).toEqual(['a', 'b']);
    expect(flow?.steps.flatMap((s) => s.edges)).toEqual(['a->b']);
  });

  it('takes one step per top-level node when there are no edges', () => {
    const flow = defaultFlow(chart('flowchart TB\n  subgraph G[Group]\n    a\n  end\n  b[Bee]'));
    expect(flow?.steps).toEqual([
      { caption: 'Group', nodes: ['G'], edges: [] },
      { caption: 'Bee', nodes: ['b'], edges: [] },
    ]);
  });

  it('gives nothing for an empty diagram', () => {
    expect(defaultFlow(chart('flowchart TB\n'))).toBeNull();
  });
});

describe('parseDiagram and the default flow', () => {
  it('gives a Mermaid file the flow `main`, titled after the diagram', () => {
    const { model } = parseDiagram('flowchart LR\n  accTitle: 제목\n  a --> b\n', {
      file: 'diagrams/demo.mmd',
    });
    expect(model?.flows.map((f) => [f.id, f.title, f.steps.length])).toEqual([['main', '제목', 2]]);
  });

  it('gives a spec none, even one that embeds a chart', () => {
    const spec = 'title: t\nmermaid: |\n  flowchart LR\n    a --> b\n';
    const { model, diagnostics } = parseDiagram(spec, { file: 'diagrams/demo.yaml' });
    expect(diagnostics).toEqual([]);
    expect(model?.edges).toHaveLength(1);
    expect(model?.flows).toEqual([]);
  });
});
