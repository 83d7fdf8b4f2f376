import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types.ts';
import { parseDiagram } from '../parse/parseDiagram.ts';
import { fitToSpec } from './fitToSpec.ts';

function chart(lines: string[]): Model {
  const { model } = parseDiagram(lines.join('\n'), { file: 'chart.mmd' });
  if (!model) throw new Error('no model');
  return model;
}

describe('fitToSpec', () => {
  it('changes nothing but the source in a chart a spec can state', () => {
    const model = chart(['flowchart LR', '  a[A] --> b[B]']);
    const fitted = fitToSpec(model);
    expect(fitted.notes).toEqual([]);
    // Its default flow is written out like any other, without the mark of a made-up one.
    const flows = model.flows.map(({ generated: _generated, ...flow }) => flow);
    expect(fitted.model).toEqual({ ...model, flows, source: 'yaml' });
  });

  it('renames ids a spec cannot take, and the automatic edge ids and flow steps with them', () => {
    const fitted = fitToSpec(chart(['flowchart LR', '  odd- --> b', '  b --> Two']));
    expect(fitted.notes).toEqual(['node id `odd-` is `odd` in the spec']);
    expect(fitted.model.nodes.map((n) => n.id)).toEqual(['odd', 'b', 'Two']);
    expect(fitted.model.edges.map((e) => e.id)).toEqual(['odd->b', 'b->Two']);
    expect(fitted.model.flows[0]?.steps.map((s) => [s.nodes, s.edges])).toEqual([
      [['odd'], []],
      [['b'], ['odd->b']],
      [['Two'], ['b->Two']],
    ]);
  });

  it('keeps renamed ids apart from the ones already there', () => {
    const fitted = fitToSpec(chart(['flowchart LR', '  Two --> **Two**']));
    expect(fitted.model.nodes.map((n) => n.id)).toEqual(['Two', 'Two_2']);
    expect(fitted.model.edges.map((e) => e.id)).toEqual(['Two->Two_2']);
  });

  it('defines a class that is used but not defined', () => {
    const fitted = fitToSpec(chart(['flowchart LR', '  a:::done --> b']));
    expect(fitted.model.classDefs).toEqual({ done: {} });
    expect(fitted.notes).toEqual(['class `done` is used but not defined; it is defined empty']);
  });

  it('puts the nodes in nesting order, integer ids where they were written', () => {
    const nested = fitToSpec(
      chart([
        'flowchart TB',
        '  subgraph A',
        '    b',
        '  end',
        '  x',
        '  subgraph A',
        '    c',
        '  end',
      ]),
    );
    expect(nested.model.nodes.map((n) => n.id)).toEqual(['A', 'b', 'c', 'x']);
    const numbered = fitToSpec(chart(['flowchart LR', '  b --> 10 --> 9']));
    expect(numbered.model.nodes.map((n) => n.id)).toEqual(['b', '10', '9']);
    expect(numbered.notes).toEqual([]);
  });

  it('drops what a spec cannot hold and says so', () => {
    const model = chart(['flowchart LR', '  a --> b']);
    const [a, b] = model.nodes;
    if (!a || !b) throw new Error('no nodes');
    const fitted = fitToSpec({
      ...model,
      nodes: [
        {
          ...a,
          label: 'A  ',
          direction: 'left',
          link: 'ftp://x',
          style: { strokeWidth: 0 },
          icon: 'javascript:alert(1)',
          iconSize: 20,
        },
        {
          ...b,
          collapsed: true,
          hiddenCount: 0,
          classes: ['hot', 'hot'],
          icon: 'mdi:x',
          iconPlacement: 'only',
          iconSize: 1000,
        },
      ],
      classDefs: { hot: {} },
      accTitle: 'Another title',
    });
    expect(fitted.model.nodes).toEqual([
      { ...a, label: 'A', style: {} },
      { ...b, classes: ['hot'], icon: 'mdi:x', iconPlacement: 'only' },
    ]);
    expect(fitted.model).not.toHaveProperty('accTitle');
    expect(fitted.notes).toHaveLength(9);
    expect(fitted.notes).toContain('node `a`: an icon that is not `set:name` is dropped');
    expect(fitted.notes).toContain('node `b`: an icon size outside 8–256 is dropped');
  });
});
