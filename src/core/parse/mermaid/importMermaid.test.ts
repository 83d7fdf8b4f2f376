import { describe, expect, it } from 'vitest';
import { importMermaid } from './importMermaid.ts';
import { edgeEnds as ends, readSample as read } from './readSample.ts';

describe('importMermaid: header', () => {
  it.each([
    ['flowchart TB', 'down'],
    ['flowchart TD', 'down'],
    ['graph BT', 'up'],
    ['graph LR', 'right'],
    ['flowchart RL', 'left'],
    ['flowchart', 'down'],
    ['graph >', 'right'],
  ])('%s flows %s', (header, direction) => {
    expect(read(`${header}\n  a --> b`).model.direction).toBe(direction);
  });

  it('reads statements separated by semicolons on the header line', () => {
    const { model, diagnostics } = read('graph TD;A-->B;B-->C;');
    expect(ends(model.edges)).toEqual(['A>B', 'B>C']);
    expect(diagnostics).toEqual([]);
  });

  it('rejects other diagram types with an error and no model', () => {
    const result = importMermaid('sequenceDiagram\n  Alice->>Bob: hi', { id: 'x' });
    expect(result.model).toBeNull();
    expect(result.diagnostics[0]?.message).toMatch(/only flowcharts are supported/i);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', line: 1, col: 1 });
  });

  it('suggests a direction for a misspelt one', () => {
    const { errors } = read('flowchart LX\n a --> b');
    expect(errors[0]?.message).toContain('"LR"');
  });
});

describe('importMermaid: title, comments and directives', () => {
  it('takes the front matter title and ignores its config', () => {
    const text = '---\ntitle: Release flow\nconfig:\n  theme: dark\n---\nflowchart LR\n  a --> b';
    const { model, diagnostics } = read(text);
    expect(model.title).toBe('Release flow');
    expect(diagnostics).toEqual([]);
  });

  it('falls back on accTitle, then on the id', () => {
    expect(read('flowchart LR\naccTitle: Accessible\na').model.title).toBe('Accessible');
    expect(read('flowchart LR\na').model.title).toBe('sample');
  });

  it('keeps accTitle and both forms of accDescr', () => {
    expect(read('flowchart LR\naccDescr: One line\na').model.accDescr).toBe('One line');
    const block = read('flowchart LR\naccDescr {\n  first line\n    second line\n}\na');
    expect(block.model.accDescr).toBe('first line\nsecond line');
  });

  it('drops %% comments and %%{init}%% directives without a word', () => {
    const text =
      '%%{init: {"theme": "forest"}}%%\nflowchart LR\n  %% the first node\n  a --> b\n%% done';
    const { model, diagnostics } = read(text);
    expect(ends(model.edges)).toEqual(['a>b']);
    expect(diagnostics).toEqual([]);
  });
});

describe('importMermaid: nodes', () => {
  it.each([
    ['a[x]', 'rect'],
    ['a(x)', 'rounded'],
    ['a([x])', 'stadium'],
    ['a[[x]]', 'subroutine'],
    ['a[(x)]', 'cylinder'],
    ['a((x))', 'circle'],
    ['a(((x)))', 'doublecircle'],
    ['a>x]', 'asymmetric'],
    ['a{x}', 'diamond'],
    ['a{{x}}', 'hexagon'],
    ['a[/x/]', 'parallelogram'],
    ['a[\\x\\]', 'parallelogram-alt'],
    ['a[/x\\]', 'trapezoid'],
    ['a[\\x/]', 'trapezoid-alt'],
  ])('%s is a %s labelled x', (source, shape) => {
    const { node, diagnostics } = read(`flowchart LR\n${source}`);
    expect(node('a')).toMatchObject({ shape, label: 'x', kind: 'node', parent: null });
    expect(diagnostics).toEqual([]);
  });

  it('labels a bare id with itself, as a rect', () => {
    expect(read('flowchart LR\n  worker').node('worker')).toMatchObject({
      shape: 'rect',
      label: 'worker',
    });
  });

  it('takes the latest label and shape of a redeclared node, like Mermaid', () => {
    const { node } = read('flowchart LR\n  a[first] --> b\n  a\n  a((second))');
    expect(node('a')).toMatchObject({ label: 'second', shape: 'circle' });
  });

  it('maps @{ shape } names and aliases onto our shapes', () => {
    const text =
      'flowchart LR\n a@{ shape: cyl }\n b@{ shape: lean-l, label: "In" }\n c@{ shape: doc }\n d@{ shape: dbl-circ }';
    const { node, diagnostics } = read(text);
    expect(node('a').shape).toBe('cylinder');
    expect(node('b')).toMatchObject({ shape: 'parallelogram-alt', label: 'In' });
    expect(node('c').shape).toBe('document');
    expect(node('d').shape).toBe('doublecircle');
    expect(diagnostics).toEqual([]);
  });

  it('draws an unsupported shape as the nearest one, with a warning', () => {
    const { node, warnings } = read('flowchart LR\n a@{ shape: hourglass }');
    expect(node('a').shape).toBe('rect');
    expect(warnings[0]).toContain('hourglass');
  });

  it('warns about an unknown shape and suggests a close name', () => {
    const { node, diagnostics } = read('flowchart LR\n a@{ shape: cirle }');
    expect(node('a').shape).toBe('rect');
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', suggestion: 'circle' });
  });
});

describe('importMermaid: labels', () => {
  it('turns <br> in all its spellings into line breaks', () => {
    const { node } = read('flowchart LR\n a["one<br>two<br/>three<br />four"]');
    expect(node('a').label).toBe('one\ntwo\nthree\nfour');
  });

  it('decodes entity codes', () => {
    const { node } = read('flowchart LR\n a["say #quot;hi#quot; #35;1 #9829; #amp; &lt;b&gt;"]');
    expect(node('a').label).toBe('say "hi" #1 ♥ & <b>');
  });

  it('reads markdown strings as plain text and keeps their lines', () => {
    const { node } = read('flowchart LR\n a["`**Bold** and _em_\n   second line`"]');
    expect(node('a').label).toBe('Bold and em\nsecond line');
  });

  it('strips HTML tags to their text', () => {
    expect(read('flowchart LR\n a[<b>bold</b> <i>text</i>]').node('a').label).toBe('bold text');
  });

  it('keeps Korean labels and ids as they are', () => {
    const { node } = read('flowchart TB\n  가["사용자가 YAML 작성"] --> 나');
    expect(node('가').label).toBe('사용자가 YAML 작성');
    expect(node('나').label).toBe('나');
  });

  it('treats a literal \\n in a quoted label as a line break', () => {
    expect(read('flowchart LR\n a["one\\ntwo"]').node('a').label).toBe('one\ntwo');
  });
});

describe('importMermaid: diagnostics', () => {
  it('blames an unclosed bracket and reads again the lines it swallowed', () => {
    const { model, errors } = read('flowchart LR\n  a --> b\n  c[open --> d\n  e --> f');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3, col: 4 });
    expect(errors[0]?.message).toContain('never closed');
    expect(ends(model.edges)).toEqual(['a>b', 'e>f']);
  });

  it('recovers on the next line after a broken statement', () => {
    const { model, errors } = read('flowchart LR\n  a --> (\n  b --> c');
    expect(errors[0]).toMatchObject({ line: 2, col: 9 });
    expect(ends(model.edges)).toEqual(['b>c']);
  });

  it('shifts positions by lineOffset and colOffset', () => {
    const result = importMermaid('flowchart LR\n  a --> (', {
      id: 'x',
      file: 'doc.md',
      lineOffset: 10,
      colOffset: 4,
    });
    expect(result.diagnostics[0]).toMatchObject({
      severity: 'error',
      file: 'doc.md',
      line: 12,
      col: 13,
    });
  });

  it('reports the source position of nodes and edges', () => {
    const { node, model } = read('flowchart LR\n\n   alpha --> beta');
    expect(node('alpha').pos).toEqual({ line: 3, col: 4 });
    expect(model.edges[0]?.pos).toEqual({ line: 3, col: 9 });
  });

  it('explains entity codes outside labels', () => {
    const { errors } = read('flowchart LR\n a --> b #quot;');
    expect(errors[0]?.message).toContain('#quot;');
  });

  it('warns when Mermaid reads a whole line as a direction', () => {
    const { model, warnings } = read('flowchart LR\n a[Set direction TB] --> b');
    expect(model.nodes).toEqual([]);
    expect(warnings[0]).toContain('direction TB');
  });
});
