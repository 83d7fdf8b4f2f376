import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../core/parse/parseDiagram.ts';
import { convert } from './convert.ts';

describe('convert', () => {
  it('writes a chart that reads as YAML that gives the same nodes', () => {
    const result = convert({ text: 'flowchart LR\n  a[A] --> b[B]', file: 'ab.mmd' });
    if (!result.ok) throw new Error(result.message);
    const back = parseDiagram(result.yaml, { file: 'ab.yaml' }).model;
    expect(back?.nodes.map((n) => [n.id, n.label])).toEqual([
      ['a', 'A'],
      ['b', 'B'],
    ]);
  });

  it('converts nothing that has errors, limits passed included', () => {
    expect(convert({ text: 'flowchart LR\n  a --> b[oops', file: 'x.mmd' })).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    const ab = { text: 'flowchart LR\n  a --> b', file: 'ab.mmd' };
    expect(convert({ ...ab, limits: { maxNodes: 1 } })).toMatchObject({ reason: 'invalid' });
    expect(convert({ ...ab, limits: { maxNodes: 2 } })).toMatchObject({ ok: true });
  });

  it('titles a chart’s default flow in the editor’s language when the chart has no title', () => {
    const flowTitles = (request: Parameters<typeof convert>[0]) => {
      const result = convert(request);
      if (!result.ok) throw new Error(result.message);
      return parseDiagram(result.yaml, { file: 'x.yaml' }).model?.flows.map((f) => f.title);
    };
    const pasted = { text: 'flowchart LR\n  a --> b', file: 'diagram.mmd' };
    expect(flowTitles(pasted)).toEqual(['Walkthrough']);
    expect(flowTitles({ ...pasted, walkthroughTitle: '둘러보기' })).toEqual(['둘러보기']);
    const titled = { text: 'flowchart LR\n  accTitle: 제목\n  a --> b', file: 'diagram.mmd' };
    expect(flowTitles({ ...titled, walkthroughTitle: '둘러보기' })).toEqual(['제목']);
  });
});
