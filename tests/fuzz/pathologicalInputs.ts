/**
 * Inputs built to break a parser, shared by pathological.test.ts and `npm
 * run fuzz` (which times each). Texts are built on demand: some are a
 * megabyte.
 */
import type { ParserName } from './fuzzInputs.ts';

export interface PathologicalCase {
  name: string;
  parser: ParserName;
  /** For parseDiagram: the file name, which picks the format. */
  file?: string;
  text: () => string;
  /** Takes seconds: only `npm run fuzz` runs it; `npm test` runs a smaller twin. */
  heavy?: true;
  /** What else must hold of the answer. */
  expect?: (outcome: { model: unknown; diagnostics: { message: string }[] }) => void;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function nestedSubgraphs(depth: number): string {
  const open = range(depth).map((i) => `${' '.repeat(i % 40)}subgraph g${i}\n`);
  return `flowchart TB\n${open.join('')}a\n${'end\n'.repeat(depth)}`;
}

function nestedGroups(depth: number): string {
  const lines = range(depth).map(
    (i) => `${'  '.repeat(2 * i + 1)}g${i}:\n${'  '.repeat(2 * i + 2)}nodes:\n`,
  );
  return `nodes:\n${lines.join('')}${'  '.repeat(2 * depth + 1)}leaf: L\n`;
}

/** Nine anchors, each a list of nine aliases of the one before: 9^9 strings once expanded. */
function billionLaughs(key: string): string {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 9; i++) {
    const name = String.fromCharCode(97 + i);
    const before = String.fromCharCode(96 + i);
    lines.push(
      `${name}: &${name} [${range(9)
        .map(() => `*${before}`)
        .join(', ')}]`,
    );
  }
  return `${lines.join('\n')}\n${key}: *i\n`;
}

const noModel = (outcome: { model: unknown }) => {
  if (outcome.model !== null) throw new Error('expected no model');
};
const hasModel = (outcome: { model: unknown }) => {
  if (outcome.model === null) throw new Error('expected a model');
};
const says = (pattern: RegExp) => (outcome: { diagnostics: { message: string }[] }) => {
  if (!outcome.diagnostics.some((d) => pattern.test(d.message)))
    throw new Error(`expected a diagnostic matching ${pattern}`);
};

/** The same input at a size for `npm test` and a heavy one for `npm run fuzz`. */
function sized(
  name: (n: string) => string,
  light: number,
  heavy: number,
  make: (n: number) => Omit<PathologicalCase, 'name' | 'heavy'>,
): PathologicalCase[] {
  const figure = (n: number) => n.toLocaleString('en').replace(/,/g, ' ');
  return [
    { name: name(figure(light)), ...make(light) },
    { name: name(figure(heavy)), ...make(heavy), heavy: true },
  ];
}

export const PATHOLOGICAL: readonly PathologicalCase[] = [
  {
    name: '1000 nested subgraphs (refused by the depth limit)',
    parser: 'parseDiagram',
    file: 'deep.mmd',
    text: () => nestedSubgraphs(1000),
    expect: says(/limit/),
  },
  ...sized(
    (n) => `${n} nested subgraphs, read by the importer without limits`,
    2000,
    20_000,
    (n) => ({ parser: 'importMermaid', text: () => nestedSubgraphs(n), expect: hasModel }),
  ),
  {
    name: '1000 nested subgraphs never closed',
    parser: 'importMermaid',
    text: () => nestedSubgraphs(1000).replace(/end\n/g, ''),
    expect: says(/never closed/),
  },
  {
    name: '1000-deep YAML groups',
    parser: 'parseSpec',
    text: () => nestedGroups(1000),
    expect: says(/nested deeper than/),
  },
  {
    name: '5000-deep YAML flow lists',
    parser: 'parseSpec',
    text: () => `nodes: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    expect: says(/nested deeper than/),
  },
  {
    name: '1000-deep YAML in a deck',
    parser: 'parseDeck',
    text: () =>
      `deck:\n${range(1000)
        .map((i) => `${' '.repeat(i)}- `)
        .join('\n')}x\n`,
    expect: noModel,
  },
  {
    name: '5000-deep shape data and front matter',
    parser: 'importMermaid',
    text: () =>
      `---\ntitle: ${'['.repeat(5000)}\n---\nflowchart LR\n a@{ label: ${'{'.repeat(5000)} }\n`,
    expect: says(/nested deeper than/),
  },
  {
    name: 'a 10 000-node chain a-->b-->c… (refused by the node limit)',
    parser: 'parseDiagram',
    file: 'chain.mmd',
    text: () =>
      `flowchart LR\n${range(10_000)
        .map((i) => `n${i}`)
        .join('-->')}\n`,
    expect: says(/limit/),
  },
  ...sized(
    (n) => `a ${n}-node chain, read by the importer`,
    5000,
    40_000,
    (n) => ({
      parser: 'importMermaid',
      text: () =>
        `flowchart LR\n${range(n)
          .map((i) => `n${i}`)
          .join('-->')}\n`,
      expect: hasModel,
    }),
  ),
  ...sized(
    (n) => `${n} lines of the same link`,
    5000,
    40_000,
    (n) => ({
      parser: 'importMermaid',
      text: () => `flowchart LR\n${'a-->b\n'.repeat(n)}`,
      expect: hasModel,
    }),
  ),
  ...sized(
    (n) => `${n} \`&\`-joined nodes in a subgraph`,
    5000,
    200_000,
    (n) => ({
      parser: 'importMermaid',
      text: () =>
        `flowchart LR\nsubgraph s\n${range(n)
          .map((i) => `n${i}`)
          .join(' & ')} --> z\nend\n`,
      expect: hasModel,
    }),
  ),
  {
    name: 'a 1 MB single line (refused by the file size limit)',
    parser: 'parseDiagram',
    file: 'line.mmd',
    text: () => `flowchart LR\n${'a'.repeat(1 << 20)}`,
    expect: noModel,
  },
  {
    name: 'a 1 MB single line, read by the importer',
    parser: 'importMermaid',
    text: () => `flowchart LR\n${'a-'.repeat(1 << 19)}`,
    heavy: true,
  },
  {
    name: 'a 1 MB single YAML scalar',
    parser: 'parseSpec',
    text: () => `nodes: {a: ${'a'.repeat(1 << 20)}}`,
    expect: hasModel,
  },
  ...sized(
    (n) => `a single YAML line of ${n} nodes`,
    5000,
    100_000,
    (n) => ({
      parser: 'parseSpec',
      text: () =>
        `nodes: {${range(n)
          .map((i) => `n${i}: N`)
          .join(', ')}}`,
      expect: hasModel,
    }),
  ),
  {
    name: 'a half-megabyte label',
    parser: 'parseDiagram',
    file: 'label.mmd',
    text: () => `flowchart LR\n a["${'word '.repeat(100_000)}"] --> b`,
    expect: says(/limit/),
  },
  {
    name: 'a half-megabyte label in a spec',
    parser: 'parseDiagram',
    file: 'label.yaml',
    text: () => `nodes:\n  a: "${'word '.repeat(100_000)}"\n`,
    expect: says(/limit/),
  },
  ...[
    ['a quote', 'flowchart LR\n a["abc'],
    ['a bracket', 'flowchart LR\n a[abc'],
    ['a circle', 'flowchart LR\n a((abc)'],
    ['an edge label', 'flowchart LR\n a -->|abc'],
    ['a markdown string', 'flowchart LR\n a["`abc'],
    ['shape data', 'flowchart LR\n a@{ label: "x'],
    ['a subgraph title', 'flowchart LR\n subgraph s [abc'],
    ['front matter', '---\ntitle: x\nflowchart LR\n a'],
    ['a directive', '%%{init: {"theme": "dark"\nflowchart LR\n a'],
    ['accDescr', 'flowchart LR\n accDescr { abc'],
  ].map(
    ([what, text]): PathologicalCase => ({
      name: `unclosed ${what} at the end of a flowchart`,
      parser: 'parseDiagram',
      file: 'open.mmd',
      text: () => text ?? '',
    }),
  ),
  ...[
    ['a quote', 'nodes:\n  a: "abc'],
    ['a flow map', 'nodes: {a: A'],
    ['a flow list', 'edges: [a -> b'],
    ['a single quote', "nodes:\n  a: 'abc"],
  ].map(
    ([what, text]): PathologicalCase => ({
      name: `unclosed ${what} at the end of a spec`,
      parser: 'parseDiagram',
      file: 'open.yaml',
      text: () => text ?? '',
      expect: noModel,
    }),
  ),
  {
    name: 'a 300 000-character shape name',
    parser: 'importMermaid',
    text: () => `flowchart LR\n a@{ shape: ${'k'.repeat(300_000)} }\n`,
    expect: says(/Unknown shape/),
  },
  {
    name: 'an edge to a 100 000-character unknown id in a spec of 5000 nodes',
    parser: 'parseSpec',
    text: () =>
      `nodes:\n${range(5000)
        .map((i) => `  node${i}: N\n`)
        .join('')}edges:\n  - node1 -> ${'n'.repeat(100_000)}\n`,
    expect: says(/unknown node/),
  },
  ...sized(
    (n) => `${n} edges to unknown ids in a spec of 5000 nodes`,
    200,
    10_000,
    (n) => ({
      parser: 'parseSpec',
      text: () =>
        `nodes:\n${range(5000)
          .map((i) => `  node${i}: N\n`)
          .join('')}edges:\n${range(n)
          .map((i) => `  - node${i % 5000} -> nodx${i}\n`)
          .join('')}`,
      expect: says(/did you mean/),
    }),
  ),
  ...sized(
    (n) => `${n} blank lines`,
    20_000,
    100_000,
    (n) => ({
      parser: 'importMermaid',
      text: () => `flowchart LR\n${'\n'.repeat(n)}a\n`,
      expect: hasModel,
    }),
  ),
  ...sized(
    (n) => `${n} tags never closed in a label`,
    10_000,
    50_000,
    (n) => ({ parser: 'importMermaid', text: () => `flowchart LR\n a["${'<a'.repeat(n)}"]\n` }),
  ),
  ...sized(
    (n) => `a style line of ${n} colours`,
    2000,
    20_000,
    (n) => ({
      parser: 'importMermaid',
      text: () =>
        `flowchart LR\n a\n style a ${Array.from({ length: n }, (_, i) => `fill:#${i}`).join(',')}\n`,
      expect: hasModel,
    }),
  ),
  {
    name: 'a billion laughs in a spec',
    parser: 'parseSpec',
    text: () => billionLaughs('nodes'),
    expect: noModel,
  },
  {
    name: 'a billion laughs in a deck',
    parser: 'parseDeck',
    text: () => billionLaughs('deck'),
    expect: noModel,
  },
  {
    name: 'a billion laughs in front matter',
    parser: 'importMermaid',
    text: () => `---\n${billionLaughs('title')}---\nflowchart LR\n a`,
  },
  ...sized(
    (n) => `${n} repeated keys`,
    2000,
    150_000,
    (n) => ({ parser: 'parseSpec', text: () => 'a: 1\n'.repeat(n) }),
  ),
  ...sized(
    (n) => `${n} nodes and edges in a spec`,
    2000,
    10_000,
    (n) => ({
      parser: 'parseSpec',
      text: () =>
        `nodes:\n${range(n)
          .map((i) => `  n${i}: N\n`)
          .join('')}edges:\n${range(n - 1)
          .map((i) => `  - n${i} -> n${i + 1}\n`)
          .join('')}`,
      expect: hasModel,
    }),
  ),
  ...sized(
    (n) => `${n} copies of one edge in a spec`,
    3000,
    20_000,
    (n) => ({
      parser: 'parseSpec',
      text: () => `nodes: {a: A, b: B}\nedges:\n${'  - a -> b\n'.repeat(n)}`,
      expect: hasModel,
    }),
  ),
  ...(
    [
      ['NUL', 'flowchart LR\n a\u0000b --> c\u0000\n', 'nodes:\n  a\u0000: "\u0000"\n'],
      [
        'lone surrogates',
        'flowchart LR\n a\uD800 --> \uDC00b["\uD800"]',
        'nodes:\n  a\uD800: "\uDC00"\n',
      ],
      ['a BOM', '\uFEFFflowchart LR\n a --> b', '\uFEFFnodes:\n  a: A\n'],
      [
        'CRLF',
        'flowchart LR\r\n a --> b\r\n c -->\r\n',
        'nodes:\r\n  a: A\r\nedges:\r\n  - a -> zz\r\n',
      ],
      ['a lone CR', 'flowchart LR\r a --> b\r c -->\r', 'nodes:\r  a: A\redges: [a -> zz]\r'],
      ['U+2028', 'flowchart LR\u2028 a --> b\u2028 c -->', 'nodes:\u2028  a: A\n'],
    ] as const
  ).flatMap(([what, mermaid, spec]): PathologicalCase[] => [
    {
      name: `${what} in a flowchart`,
      parser: 'parseDiagram',
      file: 'odd.mmd',
      text: () => mermaid,
    },
    { name: `${what} in a spec`, parser: 'parseDiagram', file: 'odd.yaml', text: () => spec },
  ]),
];
