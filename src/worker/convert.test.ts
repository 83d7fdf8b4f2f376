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
});
