import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../model/formatDiagnostic.ts';
import { DEFAULT_LIMITS, readLimits } from './limits.ts';
import { parseDiagram } from './parseDiagram.ts';

/** A Mermaid chart of `count` nodes, one a line from line 2 (`n0` is on line 2, column 3). */
function nodes(count: number): string {
  return ['flowchart LR', ...Array.from({ length: count }, (_, i) => `  n${i}[Node ${i}]`)].join(
    '\n',
  );
}

/** A chain of `count` edges, one a line from line 2. */
function edges(count: number): string {
  return ['flowchart LR', ...Array.from({ length: count }, (_, i) => `  n${i} --> n${i + 1}`)].join(
    '\n',
  );
}

/** Groups nested `depth` deep, each holding one node; `g0` opens line 2. */
function nested(depth: number): string {
  const lines = ['flowchart TB'];
  for (let d = 0; d < depth; d++)
    lines.push(`${'  '.repeat(d + 1)}subgraph g${d}`, `${'  '.repeat(d + 2)}n${d}`);
  for (let d = depth - 1; d >= 0; d--) lines.push(`${'  '.repeat(d + 1)}end`);
  return lines.join('\n');
}

const errors = (
  text: string,
  file: string,
  limits?: Parameters<typeof parseDiagram>[1]['limits'],
) => parseDiagram(text, { file, limits }).diagnostics.filter((d) => d.severity === 'error');

describe('parseDiagram limits', () => {
  it('refuses a file over maxFileBytes before parsing it, counting UTF-8 bytes', () => {
    const limits = { maxFileBytes: 100 };
    // 34 three-byte characters: 34 UTF-16 units, 102 bytes.
    const korean = `flowchart LR\n  a[${'가'.repeat(28)}]`;
    expect(new TextEncoder().encode(korean).length).toBeGreaterThan(100);
    const result = parseDiagram(korean, { file: 'big.mmd', limits });
    expect(result.model).toBeNull();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(
        /^big\.mmd:1:1: error: This file is 102 bytes; the limit is 100 bytes \(limits\.maxFileBytes; raise it with `--limit file=1MiB` in the CLI or `\?limits=file=1MiB` in the app\)\. It was not read\.$/,
      ),
    ]);
    // At the limit, and with the limit raised: read.
    const exact = `flowchart LR\n  a[${'x'.repeat(100 - 'flowchart LR\n  a[]'.length)}]`;
    expect(new TextEncoder().encode(exact).length).toBe(100);
    expect(errors(exact, 'a.mmd', limits)).toEqual([]);
    expect(errors(korean, 'a.mmd', { maxFileBytes: 200 })).toEqual([]);
  });

  it('does not parse a 50 MB paste: the answer comes from its size alone', () => {
    // Garbage a parser would choke on, if it were read.
    const huge = 'flowchart LR\n'.padEnd(50 * 1024 * 1024, '[(');
    const [error] = errors(huge, 'paste.mmd');
    expect(error?.message).toMatch(/^This file is 50\.0 MiB; the limit is 1 MiB/);
  });

  it('errs on the first node past maxNodes, with the count and how to raise it', () => {
    const limits = { maxNodes: 5 };
    const [error, ...more] = errors(nodes(7), 'many.mmd', limits);
    expect(more).toEqual([]);
    // n5 is the sixth node, on line 7.
    expect(error && formatDiagnostic(error)).toBe(
      'many.mmd:7:3: error: This diagram has 7 nodes (groups included); the limit is 5 (limits.maxNodes; raise it with `--limit nodes=7` in the CLI or `?limits=nodes=7` in the app). `n5` is the first past it.',
    );
    expect(errors(nodes(5), 'many.mmd', limits)).toEqual([]);
    expect(errors(nodes(7), 'many.mmd', { maxNodes: 7 })).toEqual([]);
  });

  it('counts groups as nodes', () => {
    expect(errors(nested(3), 'g.mmd', { maxNodes: 5 })[0]?.message).toMatch(
      /^This diagram has 6 nodes/,
    );
  });

  it('errs on the first edge past maxEdges, in figures with thousands separated', () => {
    const [error] = errors(edges(10_001), 'chain.mmd', { maxNodes: 20_000 });
    // The importer places an edge where its link starts.
    expect(error).toMatchObject({ line: 10_002, col: 9 });
    expect(error?.message).toMatch(
      /^This diagram has 10,001 edges; the limit is 10,000 \(limits\.maxEdges; raise it with `--limit edges=10001`/,
    );
    expect(error?.message).toContain('`n10000->n10001` is the first past it');
    expect(errors(edges(10_000), 'chain.mmd', { maxNodes: 20_000 })).toEqual([]);
    expect(errors(edges(10_001), 'chain.mmd', { maxNodes: 20_000, maxEdges: 10_001 })).toEqual([]);
  });

  it('errs on the first group nested past maxDepth, saying how deep they go', () => {
    const limits = { maxDepth: 3 };
    const [error, ...more] = errors(nested(5), 'deep.mmd', limits);
    expect(more).toEqual([]);
    // g3, the fourth level, opens line 8 at column 9.
    expect(error && formatDiagnostic(error)).toBe(
      'deep.mmd:8:9: error: Groups are nested 5 deep here; the limit is 3 (limits.maxDepth; raise it with `--limit depth=5` in the CLI or `?limits=depth=5` in the app). `g3` is the first group past it.',
    );
    expect(errors(nested(3), 'deep.mmd', limits)).toEqual([]);
    expect(errors(nested(5), 'deep.mmd', { maxDepth: 5 })).toEqual([]);
  });

  it('checks a spec as it checks Mermaid, pointing into the YAML', () => {
    const spec = 'title: t\nnodes:\n  a: A\n  g:\n    label: G\n    nodes:\n      b: B\n';
    const [error] = errors(spec, 'spec.yaml', { maxNodes: 2 });
    expect(error).toMatchObject({ file: 'spec.yaml', line: 7, col: 7 });
    expect(error?.message).toMatch(/^This diagram has 3 nodes .*`b` is the first past it\.$/);
  });

  it('shortens a label past maxLabelLength, with a warning where it is, and keeps the diagram', () => {
    const long = 'word '.repeat(300).trim(); // 1499 characters
    const text = `flowchart LR\n  a[Short] --> b["${long}"]\n  b -->|${long}| c`;
    const { model, diagnostics } = parseDiagram(text, { file: 'l.mmd' });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'l.mmd:2:16: warning: The label of node `b` is 1,499 characters long; it is shortened to the limit, 1,000 (limits.maxLabelLength; raise it with `--limit label=1499` in the CLI or `?limits=label=1499` in the app).',
      expect.stringMatching(/^l\.mmd:3:4: warning: The label of edge `b->c` is 1,499 characters/),
    ]);
    const b = model?.nodes.find((n) => n.id === 'b');
    expect(b?.label).toHaveLength(1000);
    expect(b?.label.endsWith('…')).toBe(true);
    expect(model?.edges[1]?.label).toBe(b?.label);
    expect(model?.nodes.find((n) => n.id === 'a')?.label).toBe('Short');
    // At the limit, and raised: whole, no warning.
    const exact = parseDiagram(`flowchart LR\n  a["${'x'.repeat(1000)}"]`, { file: 'l.mmd' });
    expect(exact.diagnostics).toEqual([]);
    const raised = parseDiagram(text, { file: 'l.mmd', limits: { maxLabelLength: 1499 } });
    expect(raised.diagnostics).toEqual([]);
    expect(raised.model?.nodes.find((n) => n.id === 'b')?.label).toBe(long);
  });

  it('never cuts a label between the halves of a surrogate pair', () => {
    const { model } = parseDiagram(`flowchart LR\n  a["x${'😀'.repeat(10)}"]`, {
      file: 'e.mmd',
      limits: { maxLabelLength: 5 },
    });
    expect(model?.nodes[0]?.label).toBe('x😀…');
  });
});

describe('readLimits', () => {
  it('reads name=value settings, one per item or comma-separated', () => {
    expect(readLimits(['nodes=8000,edges=20_000', 'depth=20', 'label=2000'])).toEqual({
      maxNodes: 8000,
      maxEdges: 20_000,
      maxDepth: 20,
      maxLabelLength: 2000,
    });
    expect(readLimits(['file=2MiB'])).toEqual({ maxFileBytes: 2 * 1024 * 1024 });
    expect(readLimits(['file=512k'])).toEqual({ maxFileBytes: 512 * 1024 });
    expect(readLimits([])).toEqual({});
  });

  it('says what is wrong with a bad setting', () => {
    expect(readLimits(['nodez=8000'])).toBe(
      'unknown limit "nodez": use file, nodes, edges, depth, label',
    );
    expect(readLimits(['toString=1'])).toMatch(/^unknown limit "toString"/);
    expect(readLimits(['nodes=lots'])).toBe(
      'limit nodes must be a whole number above 0, not "lots"',
    );
    expect(readLimits(['nodes=0'])).toMatch(/above 0/);
    expect(readLimits(['nodes'])).toMatch(/above 0, not ""/);
  });

  it('has the defaults docs/hardening.md#limits gives, and explains', () => {
    // Every file in diagrams/ passes them: tests/diagrams.test.ts parses each cleanly.
    expect(DEFAULT_LIMITS).toEqual({
      maxFileBytes: 1024 * 1024,
      maxNodes: 5000,
      maxEdges: 10_000,
      maxDepth: 16,
      maxLabelLength: 1000,
    });
  });
});
