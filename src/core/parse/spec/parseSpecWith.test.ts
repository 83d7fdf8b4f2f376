// biome-ignore lint/style/noRestrictedImports: tests run in Node; reading the example diagram is the point.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../model/types.ts';
import { SHAPES } from '../../model/types.ts';
import { parseSpecWith } from './parseSpecWith.ts';

const noMermaid = { importMermaid: () => ({ model: null, diagnostics: [] }) };

function parse(text: string) {
  return parseSpecWith(text, { id: 'test', file: 'test.yaml' }, noMermaid);
}

/** The model of a spec that must parse without a single diagnostic. */
function clean(text: string): Model {
  const { model, diagnostics } = parse(text);
  expect(diagnostics).toEqual([]);
  if (!model) throw new Error('no model');
  return model;
}

describe('top level', () => {
  it('fills defaults from the file id', () => {
    const model = clean('nodes: { a: A }');
    expect(model).toMatchObject({
      id: 'test',
      title: 'test',
      direction: 'down',
      flows: [],
      classDefs: {},
      source: 'yaml',
    });
    expect(model.description).toBeUndefined();
  });

  it('reads title, description and direction, Mermaid spellings included', () => {
    const model = clean(
      'title: CRI 호출 체인\ndescription: kubelet부터\ndirection: LR\nnodes: { a: A }',
    );
    expect(model).toMatchObject({
      title: 'CRI 호출 체인',
      description: 'kubelet부터',
      direction: 'right',
    });
    for (const [written, direction] of [
      ['TB', 'down'],
      ['TD', 'down'],
      ['BT', 'up'],
      ['RL', 'left'],
      ['left', 'left'],
    ]) {
      expect(clean(`direction: ${written}\nnodes: { a: A }`).direction).toBe(direction);
    }
  });

  it('reads aspect, unquoted shapes included; without it the model pins none', () => {
    expect(clean('aspect: 4:3\nnodes: { a: A }').aspect).toBe('4:3');
    expect(clean("aspect: '9:16'\nnodes: { a: A }").aspect).toBe('9:16');
    expect(clean('aspect: none\nnodes: { a: A }').aspect).toBe('none');
    expect(clean('nodes: { a: A }')).not.toHaveProperty('aspect');
  });

  it('reads classes as classDefs', () => {
    const model = clean(`
classes:
  hot: { fill: '#fee2e2', stroke: '#dc2626', strokeWidth: 2, strokeDasharray: '4 2', color: '#111' }
nodes:
  a: { label: A, class: hot }
`);
    expect(model.classDefs).toEqual({
      hot: {
        fill: '#fee2e2',
        stroke: '#dc2626',
        strokeWidth: 2,
        strokeDasharray: '4 2',
        color: '#111',
      },
    });
  });
});

describe('nodes', () => {
  it('takes a string as the label and nothing as "label = id"', () => {
    const model = clean('nodes:\n  a: 첫 노드\n  b:\n');
    expect(model.nodes).toEqual([
      {
        id: 'a',
        parent: null,
        kind: 'node',
        label: '첫 노드',
        shape: 'rect',
        classes: [],
        style: {},
        pos: { line: 2, col: 3 },
      },
      {
        id: 'b',
        parent: null,
        kind: 'node',
        label: 'b',
        shape: 'rect',
        classes: [],
        style: {},
        pos: { line: 3, col: 3 },
      },
    ]);
  });

  it('reads every node field', () => {
    const model = clean(`
classes: { hot: {}, big: {} }
nodes:
  etcd:
    label: "etcd\\n(저장소)"
    shape: cylinder
    icon: mdi:database
    description: 클러스터 상태 저장소
    details: |
      **Raft** 합의
    link: https://etcd.io
    class: hot
    classes: [big, hot]
    style: { fill: '#fff', stroke: '#333', color: '#111' }
`);
    expect(model.nodes[0]).toEqual({
      id: 'etcd',
      parent: null,
      kind: 'node',
      label: 'etcd\n(저장소)',
      shape: 'cylinder',
      icon: 'mdi:database',
      description: '클러스터 상태 저장소',
      details: '**Raft** 합의',
      link: 'https://etcd.io',
      classes: ['hot', 'big'],
      style: { fill: '#fff', stroke: '#333', color: '#111' },
      pos: { line: 4, col: 3 },
    });
  });

  it('makes groups of nodes with `nodes`, nested to any depth, parents first', () => {
    const model = clean(`
nodes:
  cluster:
    label: 클러스터
    direction: right
    nodes:
      plane:
        nodes:
          api: API
          deep:
            direction: BT
            nodes: { leaf: 잎 }
      worker: 워커
  outside: 밖
`);
    expect(model.nodes.map((n) => [n.id, n.parent, n.kind, n.direction])).toEqual([
      ['cluster', null, 'group', 'right'],
      ['plane', 'cluster', 'group', undefined],
      ['api', 'plane', 'node', undefined],
      ['deep', 'plane', 'group', 'up'],
      ['leaf', 'deep', 'node', undefined],
      ['worker', 'cluster', 'node', undefined],
      ['outside', null, 'node', undefined],
    ]);
  });

  it('accepts every shape', () => {
    const shapes = [...SHAPES];
    const text = `nodes:\n${shapes.map((shape, i) => `  n${i}: { shape: ${shape} }`).join('\n')}`;
    expect(clean(text).nodes.map((n) => n.shape)).toEqual(shapes);
  });
});

describe('edges', () => {
  const nodes = 'nodes: { a: A, b: B, c: C, g: { nodes: { d: D } } }\n';

  it('reads the string, label and option forms', () => {
    const model = clean(`${nodes}edges:
  - a -> b
  - a -> b: gRPC
  - b -> c: { label: watch, line: thick, arrows: both, id: watch, minLength: 2 }
  - { from: c, to: a, label: x, line: dashed, arrows: { start: circle, end: cross } }
  - a <-> g
  - d -- c
  - a => c:
`);
    expect(model.edges.map(({ pos: _, classes: __, style: ___, ...edge }) => edge)).toEqual([
      {
        id: 'a->b',
        source: 'a',
        target: 'b',
        line: 'solid',
        arrows: { start: 'none', end: 'arrow' },
        minLength: 1,
      },
      {
        id: 'a->b#2',
        source: 'a',
        target: 'b',
        label: 'gRPC',
        line: 'solid',
        arrows: { start: 'none', end: 'arrow' },
        minLength: 1,
      },
      {
        id: 'watch',
        source: 'b',
        target: 'c',
        label: 'watch',
        line: 'thick',
        arrows: { start: 'arrow', end: 'arrow' },
        minLength: 2,
      },
      {
        id: 'c->a',
        source: 'c',
        target: 'a',
        label: 'x',
        line: 'dashed',
        arrows: { start: 'circle', end: 'cross' },
        minLength: 1,
      },
      {
        id: 'a->g',
        source: 'a',
        target: 'g',
        line: 'solid',
        arrows: { start: 'arrow', end: 'arrow' },
        minLength: 1,
      },
      {
        id: 'd->c',
        source: 'd',
        target: 'c',
        line: 'solid',
        arrows: { start: 'none', end: 'none' },
        minLength: 1,
      },
      {
        id: 'a->c',
        source: 'a',
        target: 'c',
        line: 'thick',
        arrows: { start: 'none', end: 'arrow' },
        minLength: 1,
      },
    ]);
    expect(model.edges.map((e) => e.pos)).toEqual([
      { line: 3, col: 5 },
      { line: 4, col: 5 },
      { line: 5, col: 5 },
      { line: 6, col: 5 },
      { line: 7, col: 5 },
      { line: 8, col: 5 },
      { line: 9, col: 5 },
    ]);
  });

  it('keeps the heads the expression leaves open when `arrows` names one end', () => {
    const model = clean(
      `${nodes}edges:\n  - a <-> b: { arrows: { end: circle } }\n  - a -> c: { arrows: start }`,
    );
    expect(model.edges.map((e) => e.arrows)).toEqual([
      { start: 'arrow', end: 'circle' },
      { start: 'arrow', end: 'none' },
    ]);
  });

  it('never lets an automatic id take an explicit one', () => {
    const model = clean(`${nodes}edges:\n  - a -> b\n  - a -> b: { id: a->b }`);
    expect(model.edges.map((e) => e.id)).toEqual(['a->b#2', 'a->b']);
  });

  it('reads classes and style on edges', () => {
    const model = clean(
      `classes: { hot: {} }\n${nodes}edges:\n  - a -> b: { class: hot, style: { stroke: red, strokeWidth: 3 } }`,
    );
    expect(model.edges[0]).toMatchObject({
      classes: ['hot'],
      style: { stroke: 'red', strokeWidth: 3 },
    });
  });
});

describe('flows', () => {
  const base = `
nodes: { kubelet: kubelet, cri: CRI, api: API, etcd: etcd }
edges:
  - kubelet -> cri
  - api <-> etcd
  - api -> etcd: { id: write }
`;

  it('reads steps and resolves `a -> b` to edge ids', () => {
    const model = clean(`${base}flows:
  - id: create-pod
    title: Pod 생성
    description: 처음부터 끝까지
    steps:
      - caption: kubelet이 CRI를 호출한다
        notes: 발표자 노트
        nodes: [kubelet, cri]
        edges: [kubelet -> cri, write, etcd -> api]
        focus: [cri]
        show: [etcd]
        hide: [api]
        fail: [cri]
        heal: [kubelet]
        duration: 3
      - nodes: api
        edges: kubelet->cri
`);
    expect(model.flows).toEqual([
      {
        id: 'create-pod',
        title: 'Pod 생성',
        description: '처음부터 끝까지',
        steps: [
          {
            caption: 'kubelet이 CRI를 호출한다',
            notes: '발표자 노트',
            nodes: ['kubelet', 'cri'],
            edges: ['kubelet->cri', 'write', 'api->etcd'],
            focus: ['cri'],
            show: ['etcd'],
            hide: ['api'],
            fail: ['cri'],
            heal: ['kubelet'],
            duration: 3,
            pos: { line: 12, col: 9 },
          },
          { nodes: ['api'], edges: ['kubelet->cri'], pos: { line: 22, col: 9 } },
        ],
      },
    ]);
  });

  it('reads `ask`: true, a question, or false for none', () => {
    const model = clean(`${base}flows:
  - id: f
    steps:
      - { nodes: [kubelet], ask: true }
      - { nodes: [cri], ask: 'Who answers the kubelet?  ' }
      - { nodes: [api], ask: false }
      - { nodes: [api], ask: ' ' }
      - nodes: [etcd]
`);
    expect(model.flows[0]?.steps.map((step) => step.ask)).toEqual([
      {},
      { question: 'Who answers the kubelet?' },
      undefined,
      {},
      undefined,
    ]);
  });

  it('titles a flow with its id by default', () => {
    expect(
      clean(`${base}flows:\n  - { id: boot, steps: [{ nodes: [api] }] }`).flows[0]?.title,
    ).toBe('boot');
  });
});

describe('the example diagram', () => {
  it('diagrams/pod-lifecycle.yaml parses without a diagnostic', () => {
    const text = readFileSync(
      new URL('../../../../diagrams/pod-lifecycle.yaml', import.meta.url),
      'utf8',
    );
    const model = clean(text);
    const depth = (id: string | null): number =>
      id === null ? 0 : 1 + depth(model.nodes.find((n) => n.id === id)?.parent ?? null);
    expect(Math.max(...model.nodes.filter((n) => n.kind === 'group').map((n) => depth(n.id)))).toBe(
      3,
    );
    expect(model.flows[0]?.steps.length).toBeGreaterThanOrEqual(5);
    expect(model.flows[0]?.steps.length).toBeLessThanOrEqual(7);
  });
});

describe('docs/spec.md', () => {
  it('has full examples that parse without a diagnostic', () => {
    const doc = readFileSync(new URL('../../../../docs/spec.md', import.meta.url), 'utf8');
    const examples = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((match) => match[1] ?? '')
      .filter((text) => text.startsWith('# yaml-language-server') && text.includes('nodes:'));
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const example of examples) clean(example);
  });
});
