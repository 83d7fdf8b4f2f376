import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { ParseResult } from '../../model/types.ts';
import { parseSpecWith } from './parseSpecWith.ts';

const noMermaid = { importMermaid: () => ({ model: null, diagnostics: [] }) };

function parse(text: string): ParseResult {
  return parseSpecWith(text, { id: 'prop', file: 'prop.yaml' }, noMermaid);
}

/** What must hold for any input: positions are real and any model is coherent. */
function expectSound(result: ParseResult): void {
  for (const d of result.diagnostics) {
    expect(d.message).not.toMatch(/internal error/);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.col).toBeGreaterThanOrEqual(1);
  }
  const { model } = result;
  if (!model) return;
  const seen = new Set<string>();
  for (const node of model.nodes) {
    expect(seen.has(node.id)).toBe(false);
    if (node.parent !== null) expect(seen.has(node.parent)).toBe(true);
    seen.add(node.id);
  }
  const edgeIds = new Set(model.edges.map((edge) => edge.id));
  expect(edgeIds.size).toBe(model.edges.length);
  for (const edge of model.edges) {
    expect(seen.has(edge.source) && seen.has(edge.target)).toBe(true);
  }
  expect(new Set(model.flows.map((flow) => flow.id)).size).toBe(model.flows.length);
  for (const step of model.flows.flatMap((flow) => flow.steps)) {
    for (const id of step.edges) expect(edgeIds.has(id)).toBe(true);
    for (const id of [...step.nodes, ...(step.focus ?? []), ...(step.hide ?? [])])
      expect(seen.has(id)).toBe(true);
  }
}

// Mostly `a` and `b`, so edges and steps often do resolve and the deeper checks run.
const ids = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'b') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('kube-proxy', '노드', 'a b', '1', '__proto__', 'constructor'),
  },
);
const junk = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
);
const operator = fc.constantFrom(
  '->',
  '<->',
  '--',
  '..>',
  '..',
  '<..>',
  '=>',
  '==',
  '<=>',
  '-->',
  '- >',
  '',
);
const expression = fc.tuple(ids, operator, ids).map(([a, op, b]) => `${a} ${op} ${b}`);
const style = fc.record(
  { fill: fc.oneof(fc.string(), junk), strokeWidth: fc.oneof(fc.integer(), junk) },
  { requiredKeys: [] },
);
const nodeFields = {
  label: fc.oneof(fc.string(), junk),
  shape: fc.oneof(fc.constantFrom('cylinder', 'cylindr', 'person', 'diamond'), junk),
  direction: fc.oneof(fc.constantFrom('down', 'LR', 'sideways'), junk),
  class: fc.oneof(fc.constantFrom('hot', 'cold'), junk),
  link: fc.oneof(fc.constantFrom('https://x.io', 'javascript:x'), junk),
  style,
  shap: junk,
};
const { node } = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.constant(null),
    junk,
    fc.record(
      { ...nodeFields, nodes: fc.dictionary(ids, tie('node'), { maxKeys: 3 }) },
      { requiredKeys: [] },
    ),
  ),
}));
const edge = fc.oneof(
  { weight: 3, arbitrary: expression },
  fc.dictionary(
    expression,
    fc.oneof(
      fc.string(),
      fc.constant(null),
      fc.record(
        {
          label: junk,
          line: fc.constantFrom('dashed', 'wavy'),
          arrows: fc.constantFrom('both', 'none', 'bth'),
          id: fc.oneof(ids, junk),
        },
        { requiredKeys: [] },
      ),
    ),
    { maxKeys: 2 },
  ),
  fc.record(
    { from: fc.oneof(ids, junk), to: fc.oneof(ids, junk), label: junk, id: ids },
    { requiredKeys: [] },
  ),
  junk,
);
const step = fc.record(
  {
    caption: junk,
    nodes: fc.oneof(fc.array(ids, { maxLength: 3 }), ids, junk),
    edges: fc.oneof(fc.array(fc.oneof(expression, ids), { maxLength: 3 }), junk),
    focus: fc.oneof(fc.array(ids), junk),
    hide: fc.array(ids),
    duration: fc.oneof(fc.double(), junk),
  },
  { requiredKeys: [] },
);
const spec = fc.record(
  {
    title: junk,
    direction: fc.oneof(fc.constantFrom('down', 'TB', 'up'), junk),
    classes: fc.oneof(
      fc.dictionary(fc.constantFrom('hot', 'cold', 'x y'), fc.oneof(style, junk)),
      junk,
    ),
    nodes: fc.oneof({ weight: 4, arbitrary: fc.dictionary(ids, node, { maxKeys: 5 }) }, junk),
    edges: fc.oneof({ weight: 4, arbitrary: fc.array(edge, { maxLength: 5 }) }, junk),
    flows: fc.oneof(
      fc.array(
        fc.record(
          {
            id: fc.oneof(ids, junk),
            title: junk,
            steps: fc.oneof(fc.array(step, { maxLength: 3 }), junk),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 2 },
      ),
      junk,
    ),
    extra: junk,
  },
  { requiredKeys: [] },
);

const chart: ParseResult = {
  model: {
    id: 'chart',
    title: 'chart',
    direction: 'down',
    nodes: [
      { id: 'a', parent: null, kind: 'group', label: 'a', shape: 'rect', classes: [], style: {} },
      { id: 'c', parent: 'a', kind: 'node', label: 'c', shape: 'rect', classes: [], style: {} },
    ],
    edges: [
      {
        id: 'c->a',
        source: 'c',
        target: 'a',
        line: 'solid',
        arrows: { start: 'none', end: 'arrow' },
        minLength: 1,
        classes: [],
        style: {},
      },
    ],
    flows: [],
    classDefs: { hot: {} },
    source: 'mermaid',
  },
  diagnostics: [],
};

describe('parseSpec never throws', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) =>
        expectSound(parse(text)),
      ),
      { numRuns: 500 },
    );
  });

  it('on text made of YAML and spec pieces', () => {
    const piece = fc.constantFrom(
      'nodes:',
      'edges:',
      'flows:',
      'mermaid:',
      '\n',
      '\n  ',
      '  ',
      '- ',
      'a -> b',
      'a',
      ': ',
      '{',
      '}',
      '[',
      ']',
      ',',
      '"',
      "'",
      '&x ',
      '*x',
      '|',
      '#',
      'shape: ',
      'cylinder',
      '\t',
      '? ',
      '!!str ',
      '---\n',
      'steps:',
      'id: f',
      '<<: *x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) =>
        expectSound(parse(pieces.join(''))),
      ),
      { numRuns: 500 },
    );
  });

  it('on any value written as YAML', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => expectSound(parse(stringify(value) ?? ''))),
      { numRuns: 300 },
    );
  });

  it('on spec-shaped values full of mistakes', () => {
    fc.assert(
      fc.property(spec, (value) => expectSound(parse(stringify(value)))),
      { numRuns: 500 },
    );
  });

  it('on spec-shaped values patching a Mermaid chart', () => {
    const withChart = { importMermaid: () => chart };
    fc.assert(
      fc.property(spec, (value) => {
        const text = stringify({ mermaid: 'flowchart TB', ...(value as object) });
        expectSound(parseSpecWith(text, { id: 'prop' }, withChart));
      }),
      { numRuns: 300 },
    );
  });
});
