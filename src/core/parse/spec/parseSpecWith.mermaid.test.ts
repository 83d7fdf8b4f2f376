import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../model/formatDiagnostic.ts';
import type { Model, ModelEdge, ModelNode, ParseOptions, ParseResult } from '../../model/types.ts';
import { parseSpecWith } from './parseSpecWith.ts';

// A stand-in for importMermaid: the merge is tested against a chart we
// control, whatever the real importer makes of the text.
function node(id: string, parent: string | null, extra: Partial<ModelNode> = {}): ModelNode {
  return { id, parent, kind: 'node', label: id, shape: 'rect', classes: [], style: {}, ...extra };
}

function edge(source: string, target: string, id = `${source}->${target}`): ModelEdge {
  return {
    id,
    source,
    target,
    line: 'solid',
    arrows: { start: 'none', end: 'arrow' },
    minLength: 1,
    classes: [],
    style: {},
  };
}

const chart: Model = {
  id: 'chart',
  title: 'Mermaid title',
  direction: 'down',
  nodes: [
    node('Kubelet', null),
    node('CRI', null, { kind: 'group', label: 'CRI gRPC API' }),
    node('RS', 'CRI', { shape: 'rounded', style: { fill: '#eee' }, classes: ['m'] }),
  ],
  edges: [edge('Kubelet', 'CRI')],
  flows: [],
  classDefs: { m: { fill: '#eee' } },
  source: 'mermaid',
};

function fakeImporter(result: ParseResult) {
  const calls: { text: string; options: ParseOptions }[] = [];
  const importMermaid = (text: string, options: ParseOptions) => {
    calls.push({ text, options });
    return result;
  };
  return { calls, deps: { importMermaid } };
}

const SPEC = `title: CRI 호출 체인
direction: right
classes:
  hot: { stroke: red }
  m: { stroke: blue }
mermaid: |
  flowchart TB
    Kubelet --> CRI
nodes:
  Kubelet: { description: 노드 에이전트, icon: mdi:server, shape: rounded, class: hot }
  RS: { details: "**생명주기**", style: { stroke: '#333' } }
  CRI:
    nodes:
      IS: ImageService
  containerd: containerd
edges:
  - Kubelet -> CRI: 두 번째
  - RS -> containerd
flows:
  - id: call
    steps:
      - edges: [Kubelet->CRI, Kubelet->CRI#2, RS -> containerd]
        nodes: [RS, IS]
`;

describe('mermaid: with nodes, edges and flows beside it', () => {
  it('passes the block to the importer with offsets into the YAML file', () => {
    const { calls, deps } = fakeImporter({ model: chart, diagnostics: [] });
    parseSpecWith(SPEC, { id: 'cri', file: 'diagrams/cri.yaml' }, deps);
    expect(calls).toEqual([
      {
        text: 'flowchart TB\n  Kubelet --> CRI\n',
        options: { id: 'cri', file: 'diagrams/cri.yaml', lineOffset: 6, colOffset: 2 },
      },
    ]);
  });

  it('patches chart nodes, adds new ones and edges, and keeps YAML top-level fields', () => {
    const { deps } = fakeImporter({ model: chart, diagnostics: [] });
    const { model, diagnostics } = parseSpecWith(SPEC, { id: 'cri' }, deps);
    expect(diagnostics).toEqual([]);
    expect(model).toMatchObject({
      id: 'cri',
      title: 'CRI 호출 체인',
      direction: 'right',
      source: 'yaml',
    });
    expect(model?.classDefs).toEqual({
      m: { fill: '#eee', stroke: 'blue' },
      hot: { stroke: 'red' },
    });
    expect(model?.nodes).toEqual([
      node('Kubelet', null, {
        description: '노드 에이전트',
        icon: 'mdi:server',
        shape: 'rounded',
        classes: ['hot'],
      }),
      node('CRI', null, { kind: 'group', label: 'CRI gRPC API' }),
      node('RS', 'CRI', {
        shape: 'rounded',
        details: '**생명주기**',
        style: { fill: '#eee', stroke: '#333' },
        classes: ['m'],
      }),
      node('IS', 'CRI', { label: 'ImageService', pos: { line: 14, col: 7 } }),
      node('containerd', null, { pos: { line: 15, col: 3 } }),
    ]);
    expect(model?.edges.map((e) => [e.id, e.label])).toEqual([
      ['Kubelet->CRI', undefined],
      ['Kubelet->CRI#2', '두 번째'],
      ['RS->containerd', undefined],
    ]);
    expect(model?.flows[0]?.steps[0]?.edges).toEqual([
      'Kubelet->CRI',
      'Kubelet->CRI#2',
      'RS->containerd',
    ]);
  });

  it("passes the chart's diagnostics through, in file order with ours", () => {
    const warning = {
      severity: 'warning' as const,
      message: 'from mermaid',
      file: 'f.yaml',
      line: 8,
      col: 5,
    };
    const { deps } = fakeImporter({ model: chart, diagnostics: [warning] });
    const { diagnostics } = parseSpecWith(
      `${SPEC}  - id: call\n    steps: []\n`,
      { id: 'cri', file: 'f.yaml' },
      deps,
    );
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'f.yaml:8:5: warning: from mermaid',
      'f.yaml:24:9: error: duplicate flow id `call`; first defined at line 20, column 9 [flows[1].id]',
      'f.yaml:25:12: warning: flow `call` has no steps [flows[1].steps]',
    ]);
  });

  it('gives no model when the chart gives none', () => {
    const error = { severity: 'error' as const, message: 'bad chart', line: 7, col: 3 };
    const { deps } = fakeImporter({ model: null, diagnostics: [error] });
    expect(parseSpecWith(SPEC, { id: 'cri' }, deps)).toEqual({ model: null, diagnostics: [error] });
  });

  it("won't let a patch move a chart node into another group", () => {
    const { deps } = fakeImporter({ model: chart, diagnostics: [] });
    const text = 'mermaid: "flowchart TB"\nnodes:\n  box:\n    nodes:\n      RS: { icon: mdi:x }\n';
    expect(parseSpecWith(text, { id: 'cri' }, deps).diagnostics.map(formatDiagnostic)).toEqual([
      "<input>:5:7: error: `RS` is inside `CRI` in the Mermaid chart; a patch can't move it inside `box` (write it at the top level, ids are global) [nodes.box.nodes.RS]",
    ]);
  });

  it('keeps edge ids the chart took', () => {
    const { deps } = fakeImporter({ model: chart, diagnostics: [] });
    const text = "mermaid: 'flowchart TB'\nedges:\n  - RS -> Kubelet: { id: Kubelet->CRI }\n";
    const { diagnostics } = parseSpecWith(text, { id: 'cri' }, deps);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      '<input>:3:26: error: edge id `Kubelet->CRI` is already used by the Mermaid chart [edges[0]["RS -> Kubelet"].id]',
    ]);
  });
});
