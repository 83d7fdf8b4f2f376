import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryModel } from '../layout/arbitraryModel.ts';
import type { Flow, Model } from '../model/types.ts';
import { importMermaid } from '../parse/mermaid/importMermaid.ts';
import { parseDiagram } from '../parse/parseDiagram.ts';
import { defaultFlow, titleWalkthroughs, WALKTHROUGH_TITLE } from './defaultFlow.ts';

function chart(text: string, id = 'chart'): Model {
  const { model } = importMermaid(text, { id });
  if (!model) throw new Error('no model');
  return model;
}

const captions = (flow: Flow | null) => flow?.steps.map((s) => s.caption);

/**
 * The nodes a reader has seen lit by the end of the flow, as the player
 * lights them (docs/spec.md#flows): a step's nodes and its edges' ends are
 * lit; what is inside a lit group shows in it, and a group holding a lit node
 * frames it.
 */
function shown(model: Model, flow: Flow): Set<string> {
  const parent = new Map(model.nodes.map((n) => [n.id, n.parent]));
  const edges = new Map(model.edges.map((e) => [e.id, e]));
  const lit = new Set<string>();
  for (const step of flow.steps) {
    for (const id of step.nodes) lit.add(id);
    for (const id of step.edges) {
      const edge = edges.get(id);
      if (edge) lit.add(edge.source).add(edge.target);
    }
  }
  const up = (id: string) => {
    const out: string[] = [];
    for (let p = parent.get(id) ?? null; p !== null; p = parent.get(p) ?? null) out.push(p);
    return out;
  };
  const seen = new Set<string>();
  for (const node of model.nodes) {
    const groups = up(node.id);
    if (lit.has(node.id) || groups.some((g) => lit.has(g))) seen.add(node.id);
    if (lit.has(node.id)) for (const g of groups) seen.add(g);
  }
  return seen;
}

describe('defaultFlow captions', () => {
  it('says what happens along each edge: source → target, and the label when there is one', () => {
    const flow = defaultFlow(
      chart(
        'flowchart LR\n  k[kubectl] -->|HTTPS 요청| api[API Server]\n  api --> etcd[(etcd)]\n  api -- watch --> ctrl[Controller]',
      ),
    );
    expect(flow?.steps).toEqual([
      { caption: 'kubectl', nodes: ['k'], edges: [] },
      { caption: 'kubectl → API Server: HTTPS 요청', nodes: ['api'], edges: ['k->api'] },
      { caption: 'API Server → etcd', nodes: ['etcd'], edges: ['api->etcd'] },
      { caption: 'API Server → Controller: watch', nodes: ['ctrl'], edges: ['api->ctrl'] },
    ]);
  });

  it('says a chart of numbered boxes box by box, each number once beside the step', () => {
    const flow = defaultFlow(
      chart(
        'flowchart TB\n  A["1. 사용자가 YAML 작성"] --> B["2. kubectl apply"]\n  B --> C["3. API Server가 요청 수신"]\n  C -->|저장| D["4. etcd"]',
      ),
    );
    expect(captions(flow)).toEqual([
      '1. 사용자가 YAML 작성',
      '2. kubectl apply',
      '3. API Server가 요청 수신',
      // A labelled edge still says what happens along it.
      '3. API Server가 요청 수신 → 4. etcd: 저장',
    ]);
  });

  it('shows the start of every chain before walking it, so a node that is only a source is lit alone', () => {
    // diagrams/cgroups: V2A is never a target.
    const model = chart(
      [
        'flowchart TB',
        'subgraph V1["Cgroups v1"]',
        'V1A["각 리소스별 독립 계층 구조"]',
        'V1B["memory/ cpu/ blkio/"]',
        'end',
        'subgraph V2["Cgroups v2 (현재 표준)"]',
        'V2A["단일 통합 계층 구조"]',
        'V2B["container1/ container2/"]',
        'end',
        'V1A --> V1B',
        'V2A --> V2B',
      ].join('\n'),
    );
    const flow = defaultFlow(model);
    expect(captions(flow)).toEqual([
      '각 리소스별 독립 계층 구조',
      '각 리소스별 독립 계층 구조 → memory/ cpu/ blkio/',
      '단일 통합 계층 구조',
      '단일 통합 계층 구조 → container1/ container2/',
    ]);
    expect(flow?.steps[2]?.nodes).toEqual(['V2A']);
  });

  it('draws the arrow the edge has: both ways, none, or only at the start', () => {
    const model = chart('flowchart LR\n  a <--> b\n  b --- c\n  c -.-> d\n  d --x e');
    const reversed: Model = {
      ...model,
      edges: [
        { ...(model.edges[0] as Model['edges'][number]), arrows: { start: 'arrow', end: 'none' } },
      ],
    };
    expect(captions(defaultFlow(model))).toEqual(['a', 'a ↔ b', 'b — c', 'c → d', 'd → e']);
    expect(captions(defaultFlow(reversed))).toEqual(['a', 'a ← b', 'c', 'd', 'e']);
  });

  it('walks a cycle once, without starting it again', () => {
    const flow = defaultFlow(chart('flowchart LR\n  a --> b --> c --> a\n  b --> b'));
    expect(captions(flow)).toEqual(['a', 'a → b', 'b → c', 'c → a', 'b → b']);
  });

  it('says a group alone with its members, and lights edges that end on groups', () => {
    const model = chart(
      [
        'flowchart TB',
        'subgraph CP["Control Plane (Master)"]',
        'API["API Server"]',
        'SCHED["Scheduler"]',
        'CTRL["Controller"]',
        'ETCD[("etcd")]',
        'END["Cloud controller"]',
        'end',
        'subgraph Workers["Worker Nodes"]',
        'subgraph N1["Node1"]',
        'P1["Pod"]',
        'P2["Pod"]',
        'P3["Pod"]',
        'end',
        'end',
        'CP <--> Workers',
        'N1 --> API',
      ].join('\n'),
    );
    const flow = defaultFlow(model);
    expect(flow?.steps).toEqual([
      {
        caption: 'Control Plane (Master): API Server, Scheduler, Controller, etcd, …',
        nodes: ['CP'],
        edges: [],
      },
      {
        caption: 'Control Plane (Master) ↔ Worker Nodes',
        nodes: ['Workers'],
        edges: ['CP->Workers'],
      },
      { caption: 'Node1: Pod ×3', nodes: ['N1'], edges: [] },
      { caption: 'Node1 → API Server', nodes: ['API'], edges: ['N1->API'] },
    ]);
    expect(shown(model, flow as Flow)).toEqual(new Set(model.nodes.map((n) => n.id)));
  });

  it('ends with the nodes no visible edge reaches, a group for all it holds', () => {
    const model = chart(
      'flowchart LR\n  x[Ex] ~~~ a\n  a --> b\n  lonely[Lonely]\n  subgraph G[Group]\n    g1 & g2\n  end\n  subgraph H[Holder]\n    h1 --> h2\n    h3\n  end',
    );
    const flow = defaultFlow(model);
    expect(captions(flow)).toEqual([
      'a',
      'a → b',
      'h1',
      'h1 → h2',
      'Ex',
      'Lonely',
      'Group: g1, g2',
      'h3',
    ]);
    expect(flow?.steps.flatMap((s) => s.edges)).toEqual(['a->b', 'h1->h2']);
  });

  it('takes one step per top-level node when there are no edges', () => {
    const flow = defaultFlow(chart('flowchart TB\n  subgraph G[Group]\n    a\n  end\n  b[Bee]'));
    expect(flow?.steps).toEqual([
      { caption: 'Group: a', nodes: ['G'], edges: [] },
      { caption: 'Bee', nodes: ['b'], edges: [] },
    ]);
  });

  it('says labels on one line and cuts long ones', () => {
    const long = '아주 긴 라벨 '.repeat(10).trim();
    const flow = defaultFlow(
      chart(
        `flowchart LR\n  a["2003-2004<br/>Google 내부에서<br/>Borg 개발"] -->|"첫 줄<br/>둘째 줄"| b["${long}"]`,
      ),
    );
    const step = flow?.steps[1]?.caption ?? '';
    expect(step).toMatch(/^2003-2004 Google 내부에서 Borg 개발 → 아주 긴 라벨 .*…: 첫 줄 둘째 줄$/);
    const target = step.split(' → ')[1]?.split(':')[0] ?? '';
    expect(Array.from(target)).toHaveLength(48);
    expect(long.startsWith(target.slice(0, -1))).toBe(true);
  });

  it('gives nothing for an empty diagram', () => {
    expect(defaultFlow(chart('flowchart TB\n'))).toBeNull();
  });

  it('walks a chart of hundreds of edges, one step per edge after the start', () => {
    const lines = Array.from({ length: 600 }, (_, i) => `  n${i} --> n${i + 1}`);
    const flow = defaultFlow(chart(`flowchart LR\n${lines.join('\n')}`));
    expect(flow?.steps).toHaveLength(601);
    expect(flow?.steps[600]?.caption).toBe('n599 → n600');
  });
});

describe('defaultFlow on any model', () => {
  // Random nested models, with every third edge made invisible.
  const models = arbitraryModel(30).map(
    (m): Model => ({
      ...m,
      edges: m.edges.map((e, i) => (i % 3 === 2 ? { ...e, line: 'invisible' } : e)),
    }),
  );

  it('lights every node, walks every visible edge once in written order, and is deterministic', () => {
    fc.assert(
      fc.property(models, (model) => {
        const flow = defaultFlow(model);
        expect(flow).not.toBeNull();
        if (!flow) return;
        expect(shown(model, flow)).toEqual(new Set(model.nodes.map((n) => n.id)));
        const visible = model.edges.filter((e) => e.line !== 'invisible').map((e) => e.id);
        expect(flow.steps.flatMap((s) => s.edges)).toEqual(visible);
        // Every edge leaves a node an earlier step lit: a chain is shown from its start.
        const edges = new Map(model.edges.map((e) => [e.id, e]));
        const litBefore = new Set<string>();
        for (const step of flow.steps) {
          expect(step.caption).not.toBe('');
          expect(step.caption).not.toContain('\n');
          for (const id of step.edges) expect(litBefore).toContain(edges.get(id)?.source);
          for (const id of step.nodes) litBefore.add(id);
          for (const id of step.edges) litBefore.add(edges.get(id)?.target ?? '');
        }
        expect(defaultFlow(structuredClone(model))).toEqual(flow);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the default flow’s title', () => {
  it('is the chart’s own title when it has one', () => {
    const front = chart('---\ntitle: Front matter\n---\nflowchart LR\n  accTitle: Acc\n  a --> b');
    const acc = chart('flowchart LR\n  accTitle: 접근성 제목\n  a --> b');
    expect(defaultFlow(front)).toMatchObject({ title: 'Front matter', generated: 'titled' });
    expect(defaultFlow(acc)).toMatchObject({ title: '접근성 제목', generated: 'titled' });
  });

  it('is “Walkthrough”, marked untitled, for a chart without one (never its id)', () => {
    // A chart pasted into the editor has the id `diagram`.
    const flow = defaultFlow(chart('flowchart LR\n  a --> b', 'diagram'));
    expect(flow).toMatchObject({ id: 'main', title: WALKTHROUGH_TITLE, generated: 'untitled' });
  });

  it('is said in another language by titleWalkthroughs, which leaves written and titled flows alone', () => {
    const untitled = defaultFlow(chart('flowchart LR\n  a --> b', 'diagram')) as Flow;
    const titled = defaultFlow(chart('flowchart LR\n  accTitle: 제목\n  a --> b')) as Flow;
    const written: Flow = { id: 'tour', title: 'Walkthrough', steps: [] };
    const diagram = { id: 'd', flows: [written, untitled, titled] };
    const said = titleWalkthroughs(diagram, '둘러보기');
    expect(said.flows.map((f) => f.title)).toEqual(['Walkthrough', '둘러보기', '제목']);
    expect(said.flows[0]).toBe(written);
    expect(diagram.flows[1]?.title).toBe('Walkthrough');
    expect(titleWalkthroughs(said, '둘러보기')).toBe(said);
    const plain = { flows: [written, titled] };
    expect(titleWalkthroughs(plain, '둘러보기')).toBe(plain);
  });
});

describe('parseDiagram and the default flow', () => {
  it('gives a Mermaid file the flow `main`, titled after the chart', () => {
    const { model } = parseDiagram('flowchart LR\n  accTitle: 제목\n  a --> b\n', {
      file: 'diagrams/demo.mmd',
    });
    expect(model?.flows.map((f) => [f.id, f.title, f.steps.length])).toEqual([['main', '제목', 2]]);
  });

  it('gives a spec none, even one that embeds a chart', () => {
    const spec = 'title: t\nmermaid: |\n  flowchart LR\n    a --> b\n';
    const { model, diagnostics } = parseDiagram(spec, { file: 'diagrams/demo.yaml' });
    expect(diagnostics).toEqual([]);
    expect(model?.edges).toHaveLength(1);
    expect(model?.flows).toEqual([]);
  });
});
