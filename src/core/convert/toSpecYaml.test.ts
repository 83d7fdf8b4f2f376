// biome-ignore lint/style/noRestrictedImports: tests run in Node; the diagrams and the shared corpus are read from disk.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDeckSource } from '../deck/isDeckSource.ts';
import type { Model, ParseResult } from '../model/types.ts';
import { parseDiagram } from '../parse/parseDiagram.ts';
import { arbitrarySpecModel } from './arbitrarySpecModel.ts';
import { fitToSpec } from './fitToSpec.ts';
import { toSpecYaml } from './toSpecYaml.ts';

const DIAGRAMS = new URL('../../../diagrams/', import.meta.url);
// The corpus is the shared one beside the project (see its README), read where it is.
const CORPUS = new URL('../../../../shared/corpus/mermaid-flowcharts/', import.meta.url);

/**
 * What a spec file can't carry over: source positions, the id, which is the
 * file's name, and the mark of a flow made up from a chart (written out, it
 * is a flow like any other). Everything else must come back.
 */
function comparable(model: Model | null): unknown {
  if (!model) return null;
  const { id: _id, ...rest } = model;
  return {
    ...rest,
    nodes: model.nodes.map(({ pos: _pos, ...node }) => node),
    edges: model.edges.map(({ pos: _pos, ...edge }) => edge),
    flows: model.flows.map(({ generated: _generated, ...flow }) => ({
      ...flow,
      steps: flow.steps.map(({ pos: _pos, ...step }) => step),
    })),
  };
}

/** The parts of a model a spec states the same way a chart does: all but `source`, `accTitle`, `accDescr`. */
function content(model: Model): unknown {
  const { source: _source, accTitle: _accTitle, accDescr: _accDescr, ...rest } = model;
  return comparable({ ...rest, source: 'yaml' });
}

function errors(result: ParseResult): string[] {
  return result.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.line}:${d.col} ${d.message}`);
}

/** Warnings a round trip may bring, because the model itself has what they point at. */
const MODEL_WARNINGS = [
  /^group `.+` has no nodes$/,
  /^class `.+` is never used$/,
  /^the diagram has no nodes/,
  /^flow `.+` has no steps$/,
  /^`.+` is in both `(show|fail)` and `(hide|heal)` of one step$/,
];

/** The contract: the text parses cleanly into the fitted model, and converting that again gives the same text. */
function expectRoundTrip(model: Model, what: string): string {
  const fitted = fitToSpec(model);
  // Whatever fitToSpec doesn't mention, it keeps.
  if (fitted.notes.length === 0) expect(content(fitted.model), what).toEqual(content(model));
  const yaml = toSpecYaml(model);
  const back = parseDiagram(yaml, { file: 'x.yaml' });
  expect(errors(back), `${what}\n${yaml}`).toEqual([]);
  const unexpected = back.diagnostics.filter(
    (d) => !MODEL_WARNINGS.some((re) => re.test(d.message)),
  );
  expect(unexpected, `${what}\n${yaml}`).toEqual([]);
  expect(comparable(back.model), `${what}\n${yaml}`).toEqual(comparable(fitted.model));
  if (back.model) expect(toSpecYaml(back.model), what).toBe(yaml);
  return yaml;
}

function read(dir: URL, name: string): { file: string; text: string } {
  return { file: name, text: readFileSync(new URL(name, dir), 'utf8') };
}

describe('toSpecYaml on every diagram in diagrams/', () => {
  const files = readdirSync(DIAGRAMS)
    .filter((name) => /\.(mmd|ya?ml)$/.test(name))
    .sort()
    .map((name) => read(DIAGRAMS, name))
    .filter(({ text }) => !isDeckSource(text));

  it('finds the diagrams', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const { file, text } of files) {
    it(`${file}: round-trips with nothing lost`, () => {
      const { model } = parseDiagram(text, { file });
      if (!model) throw new Error(`${file}: no model`);
      // Our own diagrams need no adapting: the spec says all of them.
      expect(fitToSpec(model).notes).toEqual([]);
      const yaml = expectRoundTrip(model, file);
      // Korean stays Korean: no `\uXXXX` escapes.
      expect(yaml).not.toMatch(/\\[uUx][0-9a-fA-F]/);
      if (file.endsWith('.mmd')) expect(model.flows.map((f) => f.id)).toEqual(['main']);
    });
  }
});

describe('toSpecYaml on the shared Mermaid corpus', () => {
  it('round-trips every chart that parses without errors', () => {
    if (!existsSync(CORPUS)) {
      throw new Error(`The Mermaid corpus is missing: expected it at ${CORPUS.pathname}.`);
    }
    const charts = readdirSync(CORPUS)
      .filter((name) => name.endsWith('.mmd'))
      .sort()
      .map((name) => read(CORPUS, name));
    let clean = 0;
    const adapted: string[] = [];
    for (const { file, text } of charts) {
      const parsed = parseDiagram(text, { file });
      if (!parsed.model || errors(parsed).length > 0) continue;
      clean++;
      const { notes } = fitToSpec(parsed.model);
      if (notes.length > 0) adapted.push(`${file}: ${notes.join('; ')}`);
      expectRoundTrip(parsed.model, file);
    }
    console.info(
      `corpus: ${clean}/${charts.length} charts parse without errors and all ${clean} round-trip; ` +
        `${clean - adapted.length} exactly, ${adapted.length} adapted:\n  ${adapted.join('\n  ')}`,
    );
    expect(clean).toBeGreaterThan(250);
  });
});

describe('toSpecYaml on random models', () => {
  it('keeps the contract', () => {
    fc.assert(
      fc.property(arbitrarySpecModel(), (model) => {
        expectRoundTrip(model, 'random model');
      }),
      { numRuns: 300, seed: 20260707 },
    );
  });
});

describe('toSpecYaml writes what a person would', () => {
  it('turns a small Mermaid chart into short YAML, its default flow included', () => {
    const chart = [
      'flowchart LR',
      '  a[Client] -->|HTTPS| b[(Orders DB)]',
      '  subgraph g [Workers]',
      '    c[작업자 1]',
      '  end',
      '  b -.-> c',
      '  c --o a',
    ].join('\n');
    const { model } = parseDiagram(chart, { file: 'demo.mmd' });
    if (!model) throw new Error('no model');
    expect(expectRoundTrip(model, 'demo.mmd')).toBe(
      `title: demo
direction: right

nodes:
  a: Client
  b: { label: Orders DB, shape: cylinder }

  g:
    label: Workers
    nodes:
      c: 작업자 1

edges:
  - a -> b: HTTPS
  - b ..> c
  - c -> a: { arrows: { end: circle } }

flows:
  - id: main
    title: Walkthrough
    steps:
      - caption: Client
        nodes: [a]
      - caption: "Client → Orders DB: HTTPS"
        nodes: [b]
        edges: [a -> b]
      - caption: Orders DB → 작업자 1
        nodes: [c]
        edges: [b -> c]
      - caption: 작업자 1 → Client
        nodes: [a]
        edges: [c -> a]
`,
    );
  });

  it('writes a spec in the form it was written, when that is the plain form', () => {
    const spec = `title: CRI 호출 체인
description: kubelet이 컨테이너를 만들기까지
direction: right
aspect: 4:3

classes:
  hot: { fill: "#fee2e2", stroke: "#dc2626" }
  quiet: { color: "#6b7280", strokeDasharray: 4 2 }

nodes:
  kubelet: { icon: { name: mdi:server, placement: beside }, class: hot }
  "1.10":

  cri:
    label: CRI gRPC API
    direction: down
    nodes:
      rs: { label: "RuntimeService\\n(컨테이너 생명주기)", shape: rounded }
      is: { icon: logos:kubernetes }
  containerd:
    icon: { name: simple-icons:containerd, size: 20 }
    classes: [hot, quiet]
    style: { strokeWidth: 3 }
    link: https://containerd.io
    description: 고수준 컨테이너 런타임
    details: |
      **shim**을 띄우고
      runc를 호출한다.

edges:
  - kubelet -> cri: gRPC
  - rs ..> containerd
  - containerd <=> kubelet: 상태
  - kubelet -- rs: { line: invisible }
  - rs -> containerd: { id: second, minLength: 2 }
  - kubelet -> 1.10: { arrows: { start: cross, end: circle } }

flows:
  - id: create
    title: 컨테이너 생성
    steps:
      - caption: kubelet이 CRI를 호출한다
        notes: "발표자 노트: 천천히"
        nodes: [kubelet, cri]
        edges: [kubelet -> cri]
        focus: [cri]
        duration: 2.5
      - edges: [rs->containerd, second]
        show: [containerd]
        hide: []
        fail: [rs]
      - heal: [rs]

  - id: empty
    steps: []
`;
    const { model } = parseDiagram(spec, { file: 'cri.yaml' });
    if (!model) throw new Error('no model');
    expect(expectRoundTrip(model, 'cri.yaml')).toBe(spec);
  });

  it('names an edge by its id in a step when `a -> b` would find another', () => {
    const { model } = parseDiagram(
      'nodes: { a:, b: }\nedges: [a -> b, a -> b: again]\nflows: [{ id: f, steps: [{ edges: [a->b#2] }] }]',
      { file: 'x.yaml' },
    );
    if (!model) throw new Error('no model');
    expect(expectRoundTrip(model, 'x.yaml')).toContain('edges: [a->b#2]');
  });
});
