import { describe, expect, it } from 'vitest';
import { embeddedOffsets } from './embeddedOffsets.ts';
import { parseSpec } from './parseSpec.ts';
import { readYaml } from './readYaml.ts';

function offsets(text: string) {
  const { doc, lineCounter } = readYaml(text);
  return embeddedOffsets(doc, lineCounter, text, ['mermaid']);
}

describe('embeddedOffsets', () => {
  it('maps a `|` block: line 1 of the chart is the line after the header', () => {
    // Chart line 2, column 3 (`A`) is YAML line 4, column 5.
    const result = offsets('title: x\nmermaid: |\n  flowchart TB\n    A --> B\n');
    expect(result).toMatchObject({ lineOffset: 2, colOffset: 2 });
    expect({ line: 2 + result.lineOffset, col: 3 + result.colOffset }).toEqual({ line: 4, col: 5 });
  });

  it('maps blocks with chomping indicators, blank first lines and deeper nesting', () => {
    expect(offsets('mermaid: |-\n\n      flowchart LR\n        a --> b\n')).toMatchObject({
      lineOffset: 1,
      colOffset: 6,
    });
  });

  it('maps one-line plain and quoted scalars', () => {
    expect(offsets('mermaid: flowchart LR; a --> b')).toMatchObject({
      lineOffset: 0,
      colOffset: 9,
    });
    expect(offsets('\nmermaid: "flowchart LR; a --> b"')).toMatchObject({
      lineOffset: 1,
      colOffset: 10,
    });
  });

  it('gives zero offsets when there is no scalar', () => {
    expect(offsets('nodes: {}')).toMatchObject({ lineOffset: 0, colOffset: 0 });
  });
});

describe('embeddedOffsets with `mermaid:` written twice', () => {
  it('places the chart at the last one, whose text is the one read', () => {
    // Found by fuzzing: a duplicated `mermaid: |` line put every position
    // in the chart one line too high, past the end of its line.
    const text = 'mermaid: |\nmermaid: |\n  flowchart TB\n  a[x"]\n';
    const { diagnostics } = parseSpec(text, { id: 'x', file: 'x.yaml' });
    const chart = diagnostics.find((d) => d.message.includes('expected'));
    expect(chart).toMatchObject({ line: 4 });
  });
});

describe('a chart in a plain string over several lines', () => {
  it("points at the string's start, as its lines are folded into one", () => {
    // Found by fuzzing: `a` was reported at column 16 of a 14-character line.
    const text = 'mermaid: \n  flowchart TB\n  a\n';
    const { diagnostics } = parseSpec(text, { id: 'x', file: 'x.yaml' });
    const chart = diagnostics.find((d) => d.message.startsWith('Unexpected "a"'));
    expect(chart).toMatchObject({ line: 2, col: 3 });
  });
});
