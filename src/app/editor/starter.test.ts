import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../../core/parse/parseDiagram.ts';
import { STARTERS } from './starter.ts';

describe('the new-draft starters', () => {
  it('parse cleanly in every language, with the same nodes and flow', () => {
    const shapes = Object.values(STARTERS).map((text) => {
      const { model, diagnostics } = parseDiagram(text, { file: 'new.yaml' });
      expect(diagnostics).toEqual([]);
      return {
        nodes: model?.nodes.map((n) => n.id),
        flows: model?.flows.map((f) => [f.id, f.steps.length]),
      };
    });
    for (const shape of shapes) expect(shape).toEqual(shapes[0]);
    expect(shapes[0]?.flows).toEqual([['request', 2]]);
  });
});
