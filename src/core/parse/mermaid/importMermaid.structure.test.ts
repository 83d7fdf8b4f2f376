import { describe, expect, it } from 'vitest';
import { edgeEnds as ends, readSample as read } from './readSample.ts';

describe('importMermaid: edges', () => {
  it.each([
    ['-->', 'solid', 'none', 'arrow', 1],
    ['---', 'solid', 'none', 'none', 1],
    ['-.->', 'dashed', 'none', 'arrow', 1],
    ['-.-', 'dashed', 'none', 'none', 1],
    ['==>', 'thick', 'none', 'arrow', 1],
    ['===', 'thick', 'none', 'none', 1],
    ['~~~', 'invisible', 'none', 'none', 1],
    ['<-->', 'solid', 'arrow', 'arrow', 1],
    ['o--o', 'solid', 'circle', 'circle', 1],
    ['x--x', 'solid', 'cross', 'cross', 1],
    ['--o', 'solid', 'none', 'circle', 1],
    ['--x', 'solid', 'none', 'cross', 1],
    ['--->', 'solid', 'none', 'arrow', 2],
    ['-..->', 'dashed', 'none', 'arrow', 2],
    ['===>', 'thick', 'none', 'arrow', 2],
    ['---->', 'solid', 'none', 'arrow', 3],
  ])('a %s b', (link, line, start, end, minLength) => {
    const [edge] = read(`flowchart LR\n a ${link} b`).model.edges;
    expect(edge).toMatchObject({
      source: 'a',
      target: 'b',
      line,
      arrows: { start, end },
      minLength,
    });
  });

  it.each([
    ['a -- yes --> b', 'solid'],
    ['a -->|yes| b', 'solid'],
    ['a -. yes .-> b', 'dashed'],
    ['a == yes ==> b', 'thick'],
    ['a -- "yes" --> b', 'solid'],
  ])('labels %s', (source, line) => {
    expect(read(`flowchart LR\n ${source}`).model.edges[0]).toMatchObject({ label: 'yes', line });
  });

  it('follows chains and crosses & groups', () => {
    expect(ends(read('flowchart LR\n a --> b --> c').model.edges)).toEqual(['a>b', 'b>c']);
    expect(ends(read('flowchart LR\n a & b --> c & d').model.edges)).toEqual([
      'a>c',
      'a>d',
      'b>c',
      'b>d',
    ]);
  });

  it('numbers repeated links between the same pair and keeps explicit ids', () => {
    const { model } = read('flowchart LR\n a --> b\n a --> b\n b e1@--> a\n a --> b');
    expect(model.edges.map((e) => e.id)).toEqual(['a->b', 'a->b#2', 'e1', 'a->b#3']);
  });

  it('gives an explicit id to one link of a group only, as Mermaid does', () => {
    const { model } = read('flowchart LR\n a & b e1@--> c & d');
    expect(model.edges.map((e) => e.id)).toEqual(['a->c', 'a->d', 'e1', 'b->d']);
  });

  it('keeps the id of an animated link and warns about the animation', () => {
    const { model, warnings } = read('flowchart LR\n a e1@--> b\n e1@{ animate: true }');
    expect(model.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(model.edges[0]?.id).toBe('e1');
    expect(warnings[0]).toContain('animate');
  });

  it('lets subgraphs be link ends', () => {
    const { model, node } = read('flowchart LR\n subgraph s\n  a\n end\n s --> b');
    expect(ends(model.edges)).toEqual(['s>b']);
    expect(node('s').kind).toBe('group');
  });
});

describe('importMermaid: subgraphs', () => {
  it('reads every header form', () => {
    const text = [
      'flowchart LR',
      'subgraph one',
      ' a',
      'end',
      'subgraph two [Second one]',
      ' b',
      'end',
      'subgraph three["Third one"]',
      ' c',
      'end',
      'subgraph "Fourth one"',
      ' d',
      'end',
    ].join('\n');
    const { model, diagnostics } = read(text);
    const groups = model.nodes.filter((n) => n.kind === 'group').map((n) => [n.id, n.label]);
    // Mermaid names a subgraph titled with blanks after how many closed before it.
    expect(groups).toEqual([
      ['one', 'one'],
      ['two', 'Second one'],
      ['three', 'Third one'],
      ['subGraph3', 'Fourth one'],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('nests, with each group keeping its own direction', () => {
    const { node } = read(
      'flowchart LR\nsubgraph outer\n direction TB\n subgraph inner\n  direction RL\n  a\n end\nend',
    );
    expect(node('outer')).toMatchObject({
      kind: 'group',
      shape: 'rect',
      parent: null,
      direction: 'down',
    });
    expect(node('inner')).toMatchObject({ parent: 'outer', direction: 'left' });
    expect(node('a').parent).toBe('inner');
  });

  it('gives a node named in two subgraphs to the first that closes', () => {
    const { node } = read('flowchart LR\nsubgraph A\n x\nend\nsubgraph B\n x\n y\nend');
    expect(node('x').parent).toBe('A');
    expect(node('y').parent).toBe('B');
  });

  it('lists parents before their children', () => {
    const { model } = read('flowchart LR\n a --> b\n subgraph g\n  b\n end');
    const order = model.nodes.map((n) => n.id);
    expect(order.indexOf('g')).toBeLessThan(order.indexOf('b'));
  });

  it('reports an unclosed subgraph but keeps its members', () => {
    const { node, errors } = read('flowchart LR\nsubgraph g\n a --> b');
    expect(errors[0]).toMatchObject({ line: 2, col: 1 });
    expect(errors[0]?.message).toContain('never closed');
    expect(node('a').parent).toBe('g');
  });
});

describe('importMermaid: styles and classes', () => {
  it('reads classDef, class, ::: and style', () => {
    const text = [
      'flowchart LR',
      ' a:::hot --> b',
      ' classDef hot fill:#f96,stroke:#333,stroke-width:4px',
      ' class b cold',
      ' classDef cold fill:#9cf',
      ' style a color:#fff,stroke-dasharray: 5 5',
    ].join('\n');
    const { model, node, diagnostics } = read(text);
    expect(model.classDefs).toEqual({
      hot: { fill: '#f96', stroke: '#333', strokeWidth: 4 },
      cold: { fill: '#9cf' },
    });
    expect(node('a')).toMatchObject({
      classes: ['hot'],
      style: { color: '#fff', strokeDasharray: '5 5' },
    });
    expect(node('b').classes).toEqual(['cold']);
    expect(diagnostics).toEqual([]);
  });

  it('applies classDef default to every node', () => {
    const { node } = read('flowchart LR\n a --> b\n classDef default fill:#eee');
    expect(node('a').classes).toEqual(['default']);
    expect(node('b').classes).toEqual(['default']);
  });

  it('styles links by number and by default', () => {
    const { model } = read(
      'flowchart LR\n a --> b --> c\n linkStyle default stroke:#999\n linkStyle 1 stroke:#f00,stroke-width:2px',
    );
    expect(model.edges.map((e) => e.style)).toEqual([
      { stroke: '#999' },
      { stroke: '#f00', strokeWidth: 2 },
    ]);
  });

  it('warns about style properties we do not draw and links that do not exist', () => {
    const { warnings } = read(
      'flowchart LR\n a --> b\n style a font-weight:bold\n linkStyle 7 stroke:red',
    );
    expect(warnings).toEqual([
      expect.stringContaining('font-weight:bold'),
      expect.stringContaining('no link 7'),
    ]);
  });
});

describe('importMermaid: click', () => {
  it('keeps http(s) links and their tooltip, not their target', () => {
    const { node, warnings } = read(
      'flowchart LR\n a\n click a "https://example.com/docs" "Read the docs" _blank',
    );
    expect(node('a')).toMatchObject({
      link: 'https://example.com/docs',
      description: 'Read the docs',
    });
    expect(warnings).toEqual([expect.stringContaining('_blank')]);
  });

  it('drops callbacks and other schemes with a warning', () => {
    const { node, warnings } = read(
      'flowchart LR\n a --> b\n click a callback\n click b href "javascript:alert(1)"',
    );
    expect(node('a').link).toBeUndefined();
    expect(node('b').link).toBeUndefined();
    expect(warnings).toHaveLength(2);
  });
});
