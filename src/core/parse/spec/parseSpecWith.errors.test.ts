import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../model/formatDiagnostic.ts';
import { parseSpecWith } from './parseSpecWith.ts';

const noMermaid = { importMermaid: () => ({ model: null, diagnostics: [] }) };

function parse(text: string) {
  return parseSpecWith(text, { id: 'spec', file: 'diagrams/spec.yaml' }, noMermaid);
}

/** Every diagnostic as `file:line:col: severity: message [path]`. */
function report(text: string): string[] {
  return parse(text).diagnostics.map(formatDiagnostic);
}

describe('structure errors', () => {
  it('points an unknown key at the key, with the closest known key', () => {
    const text = 'nodes:\n  api:\n    shap: rect\n';
    expect(report(text)).toEqual([
      'diagrams/spec.yaml:3:5: error: unknown key `shap` (did you mean `shape`?) [nodes.api.shap]',
    ]);
    expect(parse(text).diagnostics[0]?.suggestion).toBe('shape');
  });

  it('lists the known keys when nothing is close', () => {
    expect(report('titel: x\nzzzzzz: 1\nnodes: { a: A }')).toEqual([
      'diagrams/spec.yaml:1:1: error: unknown key `titel` (did you mean `title`?) [titel]',
      'diagrams/spec.yaml:2:1: error: unknown key `zzzzzz` (known keys: title, description, direction, aspect, classes, nodes, edges, flows, mermaid) [zzzzzz]',
    ]);
  });

  it('points a wrong value at the value, with the closest allowed value', () => {
    expect(
      report('direction: downn\nnodes:\n  cluster:\n    nodes:\n      etcd: { shape: cylindr }\n'),
    ).toEqual([
      'diagrams/spec.yaml:1:12: error: `downn` is not a valid direction (did you mean `down`?) [direction]',
      'diagrams/spec.yaml:5:22: error: `cylindr` is not a valid shape (did you mean `cylinder`?) [nodes.cluster.nodes.etcd.shape]',
    ]);
  });

  it('points a wrong aspect at the value, with the closest shape, and keeps the rest', () => {
    const text = 'aspect: 16/9\nnodes: { a: A }';
    expect(report(text)).toEqual([
      'diagrams/spec.yaml:1:9: error: `16/9` is not a valid aspect (did you mean `16:9`?) [aspect]',
    ]);
    expect(parse(text).model).not.toHaveProperty('aspect');
    expect(report('aspect: wide\nnodes: { a: A }')).toEqual([
      'diagrams/spec.yaml:1:9: error: `wide` is not a valid aspect; use one of: 16:9, 4:3, 1:1, 3:4, 9:16, none [aspect]',
    ]);
    expect(report('aspect: 1.78\nnodes: { a: A }')).toEqual([
      'diagrams/spec.yaml:1:9: error: expected a valid aspect (16:9, 4:3, 1:1, 3:4, 9:16, none), got the number 1.78 [aspect]',
    ]);
  });

  it('lists the allowed values when nothing is close', () => {
    expect(report('nodes:\n  a: { shape: blob }')).toEqual([
      'diagrams/spec.yaml:2:15: error: `blob` is not a valid shape; use one of: rect, rounded, stadium, subroutine, cylinder, circle, doublecircle, diamond, hexagon, parallelogram, parallelogram-alt, trapezoid, trapezoid-alt, asymmetric, document, person, text [nodes.a.shape]',
    ]);
  });

  it('says what type was expected, and to quote numbers meant as text', () => {
    expect(
      report('title: 1.10\nnodes:\n  a: 42\n  b: { label: true, style: { strokeWidth: wide } }'),
    ).toEqual([
      'diagrams/spec.yaml:1:8: error: `title` should be text, not the number 1.1; put it in quotes to keep it as text [title]',
      'diagrams/spec.yaml:3:6: error: expected text, nothing or a map, got the number 42; put it in quotes to keep it as text [nodes.a]',
      'diagrams/spec.yaml:4:15: error: `label` should be text, not `true`; put it in quotes to keep it as text [nodes.b.label]',
      'diagrams/spec.yaml:4:43: error: `strokeWidth` should be a number, not the text "wide" [nodes.b.style.strokeWidth]',
    ]);
  });

  it('explains a colour YAML took for a comment', () => {
    expect(report('classes:\n  hot:\n    fill: #fee2e2\nnodes: { a: { class: hot } }')).toEqual([
      "diagrams/spec.yaml:3:5: error: `fill` should be text, not nothing; an unquoted `#` starts a YAML comment, so quote colours: '#fff' [classes.hot.fill]",
    ]);
  });

  it('points a bad node id at the key', () => {
    expect(report('nodes:\n  kube proxy: x\n')).toEqual([
      'diagrams/spec.yaml:2:3: error: `kube proxy` is not a valid id: use letters, digits and `_`, with single `-` or `.` inside (`kube-proxy`, `node1`, `노드`) [nodes["kube proxy"]]',
    ]);
  });

  it('reports a missing required key at the map it is missing from', () => {
    expect(report('nodes: { a: A }\nflows:\n  - title: 흐름\n    steps: []\n')).toEqual([
      'diagrams/spec.yaml:3:5: error: missing required key `id` [flows[0].id]',
      'diagrams/spec.yaml:4:12: warning: flow `flow-1` has no steps [flows[0].steps]',
    ]);
  });

  it('reads which edge form was meant before complaining', () => {
    expect(
      report(`nodes: { a: A, b: B }
edges:
  - a - > b
  - { from: a, too: b }
  - a -> b: { lable: x }
  - a: b
  - { a -> b: x, b -> a: y }
  - 7
`),
    ).toEqual([
      'diagrams/spec.yaml:3:5: error: `a - > b` is not an edge: write `source -> target` (or `--`, `<->`, `..>`, `..`, `<..>`, `=>`, `==`, `<=>`) [edges[0]]',
      'diagrams/spec.yaml:4:5: error: missing required key `to` [edges[1].to]',
      'diagrams/spec.yaml:4:16: error: unknown key `too` (did you mean `to`?) [edges[1].too]',
      'diagrams/spec.yaml:5:15: error: unknown key `lable` (did you mean `label`?) [edges[2]["a -> b"].lable]',
      'diagrams/spec.yaml:6:5: error: `a` is not an edge: write `source -> target` (or `--`, `<->`, `..>`, `..`, `<..>`, `=>`, `==`, `<=>`) [edges[3].a]',
      'diagrams/spec.yaml:7:5: error: write one edge per list item: `- a -> b: label` [edges[4]]',
      'diagrams/spec.yaml:8:5: error: expected text or a map, got the number 7; put it in quotes to keep it as text [edges[5]]',
    ]);
  });
});

describe('reference errors', () => {
  it('points at the unknown end inside an edge expression, with the closest id', () => {
    const text =
      'nodes: { etcd: etcd, api: API }\nedges:\n  - api -> ectd\n  - "apii <-> etcd": both\n  - { from: api, to: etc }\n';
    expect(report(text)).toEqual([
      'diagrams/spec.yaml:3:12: error: unknown node `ectd` in edge (did you mean `etcd`?) [edges[0]]',
      'diagrams/spec.yaml:4:6: error: unknown node `apii` in edge (did you mean `api`?) [edges[1]["apii <-> etcd"]]',
      'diagrams/spec.yaml:5:22: error: unknown node `etc` in edge (did you mean `etcd`?) [edges[2].to]',
    ]);
    expect(parse(text).model?.edges).toEqual([]);
  });

  it('says where a node id was first defined, across groups', () => {
    expect(report('nodes:\n  api: A\n  g:\n    nodes:\n      api: B\n')).toEqual([
      'diagrams/spec.yaml:5:7: error: duplicate node id `api`; first defined at line 2, column 3 (ids are unique across all groups) [nodes.g.nodes.api]',
    ]);
  });

  it('says where a key was first written in the same map', () => {
    expect(report('nodes:\n  api: A\n  api: B\n')).toEqual([
      'diagrams/spec.yaml:3:3: error: duplicate node id `api`; first defined at line 2, column 3 [nodes.api]',
    ]);
  });

  it('checks classes, with suggestions', () => {
    expect(
      report(
        'classes: { hot: {} }\nnodes:\n  a: { class: hto }\nedges:\n  - a -> a: { classes: [hot, cold] }\n',
      ),
    ).toEqual([
      'diagrams/spec.yaml:3:15: error: unknown class `hto` (did you mean `hot`?) [nodes.a.class]',
      'diagrams/spec.yaml:5:30: error: unknown class `cold` [edges[0]["a -> a"].classes[1]]',
    ]);
  });

  it('checks every reference in a flow step', () => {
    const text = `nodes: { kubelet: kubelet, cri: CRI }
edges:
  - kubelet -> cri
  - kubelet -> cri: { id: call }
flows:
  - id: boot
    steps:
      - nodes: [kubelet, crii]
        edges: [cri -> kubelet, kublet -> cri, calll, kubelet -> kubelet]
        focus: crr
  - id: boot
    steps: [{ hide: [kubelet], show: [kubelet] }]
`;
    expect(report(text)).toEqual([
      'diagrams/spec.yaml:8:26: error: unknown node `crii` in `nodes` (did you mean `cri`?) [flows[0].steps[0].nodes[1]]',
      'diagrams/spec.yaml:9:17: error: no edge from `cri` to `kubelet` (did you mean `kubelet->cri`?) [flows[0].steps[0].edges[0]]',
      'diagrams/spec.yaml:9:33: error: unknown node `kublet` in edge `kublet -> cri` (did you mean `kubelet`?) [flows[0].steps[0].edges[1]]',
      'diagrams/spec.yaml:9:48: error: unknown edge `calll` (did you mean `call`?) [flows[0].steps[0].edges[2]]',
      'diagrams/spec.yaml:9:55: error: no edge from `kubelet` to `kubelet` [flows[0].steps[0].edges[3]]',
      'diagrams/spec.yaml:10:16: error: unknown node `crr` in `focus` (did you mean `cri`?) [flows[0].steps[0].focus]',
      'diagrams/spec.yaml:11:9: error: duplicate flow id `boot`; first defined at line 6, column 9 [flows[1].id]',
      'diagrams/spec.yaml:12:15: warning: `kubelet` is in both `show` and `hide` of one step [flows[1].steps[0].hide]',
    ]);
  });

  it("drops `ask` on a flow's last step, which has no next hop, and shortens a long question", () => {
    const long = 'Where next? '.repeat(20);
    const text = `nodes: { a: A, b: B }
flows:
  - id: boot
    steps:
      - nodes: [a]
        ask: ${long}
      - nodes: [b]
        ask: true
  - id: quiet
    steps: [{ nodes: [a], ask: false }]
`;
    expect(report(text)).toEqual([
      'diagrams/spec.yaml:6:14: warning: the question in `ask` is 239 characters long; it is shortened to 200 [flows[0].steps[0].ask]',
      'diagrams/spec.yaml:8:9: warning: `ask` on the last step of flow `boot` has no next step to predict; it is ignored [flows[0].steps[1].ask]',
    ]);
    const steps = parse(text).model?.flows[0]?.steps;
    expect(steps?.[0]?.ask?.question).toHaveLength(200);
    expect(steps?.[0]?.ask?.question?.endsWith('…')).toBe(true);
    expect(steps?.[1]).not.toHaveProperty('ask');
  });

  it('suggests `ask` for a misspelt key and says what it takes', () => {
    const text =
      'nodes: { a: A, b: B }\nflows:\n  - id: f\n    steps: [{ nodes: [a], aks: true }, { nodes: [b], ask: 3 }]\n';
    expect(report(text)).toEqual([
      'diagrams/spec.yaml:4:27: error: unknown key `aks` (did you mean `ask`?) [flows[0].steps[0].aks]',
      'diagrams/spec.yaml:4:59: error: expected true or false or text, got the number 3; put it in quotes to keep it as text [flows[0].steps[1].ask]',
    ]);
  });

  it('does not report a step edge again when its edge was already reported', () => {
    expect(
      report('nodes: { a: A }\nedges: [a -> b]\nflows: [{ id: f, steps: [{ edges: [a -> b] }] }]'),
    ).toEqual([
      'diagrams/spec.yaml:2:14: error: unknown node `b` in edge (did you mean `a`?) [edges[0]]',
    ]);
  });
});

describe('warnings', () => {
  it('flags harmless oddities without failing the model', () => {
    const text = `classes: { unused: {} }
nodes:
  a: { direction: right, link: "javascript:alert(1)" }
  g: { nodes: {} }
edges:
  - a ..> g: { line: thick }
  - a <-> g: { arrows: none }
  - a -> g
  - a -> g
flows:
  - id: f
    steps:
      - { nodes: [a, a], edges: [a -> g] }
`;
    const { model, diagnostics } = parse(text);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'diagrams/spec.yaml:1:12: warning: class `unused` is never used [classes.unused]',
      'diagrams/spec.yaml:3:8: warning: `direction` only applies to groups (nodes with `nodes:`); ignored [nodes.a.direction]',
      'diagrams/spec.yaml:3:32: warning: only http(s) links are kept; `javascript:alert(1)` is dropped [nodes.a.link]',
      'diagrams/spec.yaml:4:8: warning: group `g` has no nodes [nodes.g.nodes]',
      'diagrams/spec.yaml:6:16: warning: `line: thick` overrides the dashed line that `..>` draws [edges[0]["a ..> g"].line]',
      'diagrams/spec.yaml:7:16: warning: `arrows` overrides the arrowheads that `<->` draws [edges[1]["a <-> g"].arrows]',
      'diagrams/spec.yaml:13:22: warning: `a` is listed twice in `nodes` [flows[0].steps[0].nodes[1]]',
      'diagrams/spec.yaml:13:34: warning: `a -> g` matches 4 edges; using `a->g` (write an edge id to pick another: a->g#2, a->g#3, a->g#4) [flows[0].steps[0].edges[0]]',
    ]);
    expect(model?.nodes[0]?.link).toBeUndefined();
  });

  it('warns about an empty diagram', () => {
    expect(report('title: 빈 도표')).toEqual([
      'diagrams/spec.yaml:1:1: warning: the diagram has no nodes: add `nodes:` or `mermaid:`',
    ]);
  });
});

describe('YAML that does not parse', () => {
  it('reports syntax errors with line and column, and no model', () => {
    const result = parse('nodes:\n  a: [1, 2\n  b: c: d\n');
    expect(result.model).toBeNull();
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics[0]).toMatchObject({
      severity: 'error',
      file: 'diagrams/spec.yaml',
      line: 3,
    });
    expect(result.diagnostics[0]?.message).toMatch(/^YAML syntax error: /);
  });

  it('rejects a file that is not a map', () => {
    expect(report('- a\n- b')).toEqual([
      'diagrams/spec.yaml:1:1: error: a spec is a map with keys such as `nodes:` and `edges:`, not a list',
    ]);
  });

  it('shifts positions by the offsets it is given', () => {
    const { diagnostics } = parseSpecWith(
      'nodes: { a: { shap: x } }',
      { id: 's', lineOffset: 10, colOffset: 2 },
      noMermaid,
    );
    expect(diagnostics[0]).toMatchObject({ line: 11, col: 17 });
    expect(diagnostics[0]?.file).toBeUndefined();
    const { model } = parseSpecWith(
      'nodes:\n  a: A',
      { id: 's', lineOffset: 10, colOffset: 2 },
      noMermaid,
    );
    expect(model?.nodes[0]?.pos).toEqual({ line: 12, col: 5 });
  });
});

describe('all errors at once', () => {
  it('reports structure and reference errors from every section together, in file order', () => {
    const text = `direction: sideways
classes:
  hot: { fill: 1 }
nodes:
  api: { shap: rect, class: cold }
  api2: { nodes: { x: { shape: blob } } }
edges:
  - api -> nope
  - api => api2: { line: wavy }
flows:
  - id: f
    steps:
      - nodes: [ghost]
        duration: -1
`;
    const { model, diagnostics } = parse(text);
    expect(model).not.toBeNull();
    expect(diagnostics.map((d) => `${d.line}:${d.col} ${d.path}`)).toEqual([
      '1:12 direction',
      '3:3 classes.hot',
      '3:16 classes.hot.fill',
      '5:10 nodes.api.shap',
      '5:29 nodes.api.class',
      '6:32 nodes.api2.nodes.x.shape',
      '8:12 edges[0]',
      '9:26 edges[1]["api => api2"].line',
      '13:17 flows[0].steps[0].nodes[0]',
      '14:19 flows[0].steps[0].duration',
    ]);
  });
});
