/**
 * Inputs built to break a parser: deep nesting, long chains, huge lines,
 * alias bombs, odd characters. Each must come back as a model or as errors
 * inside the text, without a stack overflow. Several were quadratic or
 * overflowed before (docs/hardening.md#fuzzing lists them). The sizes here
 * keep `npm test` short; `npm run fuzz` runs their heavy twins (the 200 000
 * `&`-joined nodes that overflowed the stack among them) and times each.
 */
import { describe, expect, it } from 'vitest';
import { importMermaid } from '../../src/core/parse/mermaid/importMermaid.ts';
import { parseSpec } from '../../src/core/parse/spec/parseSpec.ts';
import { outcomeProblems, runParser } from './fuzzInputs.ts';
import { PATHOLOGICAL } from './pathologicalInputs.ts';

describe('pathological inputs resolve to a model or to errors inside the text', () => {
  // The heavy twins run in `npm run fuzz`, which also times them.
  for (const c of PATHOLOGICAL.filter((c) => !c.heavy)) {
    it(c.name, () => {
      const text = c.text();
      const outcome = runParser(c.parser, text, c.file);
      expect(outcomeProblems(c.parser, text, outcome)).toEqual([]);
      if (!(outcome instanceof Error)) c.expect?.(outcome);
    });
  }
});

describe('what fuzzing and the pathological inputs found', () => {
  it('a link id equal to the id another link was given makes no second edge of that id', () => {
    const { model, diagnostics } = importMermaid('flowchart LR\n a --> b\n a a->b@--> b', {
      id: 'x',
    });
    expect(model?.edges.map((edge) => edge.id)).toEqual(['a->b', 'a->b#2']);
    expect(diagnostics.map((d) => d.message)).toContain(
      'Link id "a->b" is already the id of another link; this one is "a->b#2".',
    );
  });

  it('only the first 50 unknown edge ends get a "did you mean"', () => {
    // Each suggestion compares with every node id: 2000 of them took 6 s.
    const edges = Array.from({ length: 60 }, (_, i) => `  - node${i} -> nodx${i}\n`).join('');
    const nodes = Array.from({ length: 60 }, (_, i) => `  node${i}: N\n`).join('');
    const { diagnostics } = parseSpec(`nodes:\n${nodes}edges:\n${edges}`, { id: 'x' });
    const unknown = diagnostics.filter((d) => d.message.startsWith('unknown node'));
    expect(unknown).toHaveLength(60);
    expect(unknown.filter((d) => d.suggestion !== undefined)).toHaveLength(50);
    expect(unknown[0]?.message).toBe('unknown node `nodx0` in edge (did you mean `node0`?)');
  });

  it('nodes on a line past column 1 000 000 keep their written order', () => {
    // Keys were ordered by line * 1e6 + column, so `c` on line 2 sorted first.
    const text = `nodes: { b: "${'x'.repeat(1_000_000)}", a: A,\n  c: C }\n`;
    const { model } = parseSpec(text, { id: 'x' });
    expect(model?.nodes.map((node) => node.id)).toEqual(['b', 'a', 'c']);
  });

  it('a subgraph inside itself loses one parent, with a warning per cycle', () => {
    const text = [
      'flowchart TB',
      'subgraph A',
      '  subgraph B',
      '    x',
      '  end',
      'end',
      'subgraph B',
      '  A',
      'end',
    ].join('\n');
    const { model, diagnostics } = importMermaid(text, { id: 'x' });
    expect(model?.nodes.map((node) => [node.id, node.parent])).toEqual([
      ['A', null],
      ['B', 'A'],
      ['x', 'B'],
    ]);
    expect(diagnostics.map((d) => d.message)).toContain(
      '"A" cannot be inside "B": that subgraph is inside it.',
    );
  });
});
