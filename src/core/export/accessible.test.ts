import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildTimeline, type StepScene } from '../animate/timeline.ts';
import { createDefaultLayoutEngine } from '../layout/createDefaultLayoutEngine.ts';
import type { LaidOutDiagram } from '../layout/types.ts';
import type { Flow } from '../model/types.ts';
import { parseDiagram } from '../parse/parseDiagram.ts';
import { animatedSvg } from './animatedSvg.ts';
import { staticSvg } from './staticSvg.ts';

const { DOMParser } = new JSDOM().window;
const engine = createDefaultLayoutEngine();

async function layout(text: string, file: string): Promise<LaidOutDiagram> {
  const { model, diagnostics } = parseDiagram(text, { file });
  if (!model) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return engine.layout(model);
}

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.querySelector('parsererror');
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return doc;
}

/** What a reader meets, as Chromium builds it: roles and names, nested by aria-owns, in order. */
function tree(doc: Document, owner: Element = doc.documentElement): string[] {
  return (owner.getAttribute('aria-owns') ?? '')
    .split(' ')
    .filter(Boolean)
    .flatMap((id) => {
      const el = doc.getElementById(id);
      if (!el) return [`missing ${id}`];
      const name = `${el.getAttribute('role')} ${el.getAttribute('aria-label')}`;
      const inside = tree(doc, el).map((line) => `  ${line}`);
      return [name, ...inside];
    });
}

const k8s = layout(
  `flowchart LR
  kubectl -->|HTTPS| api
  subgraph cluster[Cluster]
    subgraph cp[Control plane]
      api[API Server] -->|store| etcd
      sched[Scheduler] --> api
    end
    subgraph w1[Worker 1]
      k1[kubelet]
    end
    subgraph w2[Worker 2]
      k2[kubelet]
    end
  end
  api -->|watch| k1
  api <--> k2
  etcd --- sched
  api ~~~ sched`,
  'k8s.mmd',
);

describe('an exported SVG for screen readers', () => {
  it('is a document named by its title and described by its desc, in the words’ language', async () => {
    const doc = parse(staticSvg(await k8s, { idPrefix: 'k' }));
    const root = doc.documentElement;
    expect(root.getAttribute('role')).toBe('graphics-document document');
    expect(root.getAttribute('lang')).toBe('en');
    const title = doc.getElementById(root.getAttribute('aria-labelledby') ?? '');
    const desc = doc.getElementById(root.getAttribute('aria-describedby') ?? '');
    expect(title?.localName).toBe('title');
    expect(desc?.textContent).toBe('6 nodes in 4 groups, 6 edges.');
    const ko = parse(staticSvg(await k8s, { lang: 'ko-KR' })).documentElement;
    expect(ko.getAttribute('lang')).toBe('ko');
    expect(ko.querySelector('desc')?.textContent).toBe('노드 6개, 그룹 4개, 연결 6개.');
  });

  it('reads groups with their members in reading order, then the edges by their ends', async () => {
    const doc = parse(staticSvg(await k8s));
    expect(tree(doc)).toEqual([
      'graphics-symbol kubectl',
      'graphics-object Cluster',
      '  graphics-object Control plane',
      '    graphics-symbol API Server',
      '    graphics-symbol etcd',
      '    graphics-symbol Scheduler',
      '  graphics-object Worker 1',
      '    graphics-symbol kubelet',
      '  graphics-object Worker 2',
      '    graphics-symbol kubelet',
      'graphics-symbol kubectl → API Server: HTTPS',
      'graphics-symbol API Server → etcd: store',
      'graphics-symbol Scheduler → API Server',
      'graphics-symbol API Server → kubelet (in Worker 1): watch',
      'graphics-symbol API Server ↔ kubelet (in Worker 2)',
      'graphics-symbol etcd — Scheduler',
    ]);
    // The invisible edge only shapes the layout: nothing of it is in the file.
    expect(doc.querySelectorAll('g[role]')).toHaveLength(16);
    const api = doc.querySelector('[aria-label="API Server"]');
    expect(api?.querySelector(':scope > desc')?.textContent).toBe(
      'in Control plane, in Cluster. 3 outgoing: etcd (store), kubelet ×2 (watch). 2 incoming: kubectl (HTTPS), Scheduler.',
    );
  });

  it('hides the drawing from screen readers, which hear each name once', async () => {
    const doc = parse(staticSvg(await k8s));
    for (const text of Array.from(doc.querySelectorAll('text')))
      expect(text.closest('[aria-hidden="true"]'), text.textContent ?? '').not.toBeNull();
    for (const el of Array.from(doc.querySelectorAll('g[role^="graphics-"]'))) {
      const drawing = Array.from(el.children).filter((c) => c.localName !== 'desc');
      expect(drawing.map((c) => `${c.localName} ${c.getAttribute('aria-hidden')}`)).toEqual([
        'g true',
      ]);
    }
    expect(doc.querySelector('svg > rect')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('escapes labels in names', async () => {
    const hostile = await layout('flowchart LR\n  a["x&quot;&gt;<b>&amp;&lt;"] --> b', 'h.mmd');
    const svg = staticSvg(hostile);
    const a = parse(svg).querySelector('[data-node-id="a"]');
    expect(a?.getAttribute('aria-label')).toBe(hostile.nodes[0]?.label);
    expect(svg).not.toMatch(/aria-label="[^"]*[<>]/);
  });
});

const spec = layout(
  `title: Steps
nodes:
  a: { label: Alpha }
  b: { label: Beta }
  never: { label: Never }
edges:
  - a -> b: go
flows:
  - id: f
    steps:
      - { caption: Alpha alone, nodes: [a], hide: [b, never] }
      - { caption: Beta comes, nodes: [b], show: [b] }
`,
  'steps.yaml',
);

describe('a step, and a flow, for screen readers', () => {
  it('reads a step’s caption first and leaves out what it hides', async () => {
    const diagram = await spec;
    const timeline = buildTimeline(diagram, diagram.flows[0] as Flow);
    const scene = timeline.steps[0] as StepScene;
    const doc = parse(staticSvg(diagram, { scene, caption: true, stepCount: 2 }));
    expect(tree(doc)).toEqual(['note Step 1 of 2', 'graphics-symbol Alpha']);
    const note = doc.querySelector('[role="note"]');
    // The caption's text is read as drawn; the "1 / 2" pill is not.
    expect(note?.querySelector('text:not([aria-hidden="true"] text)')?.textContent).toBe(
      'Alpha alone',
    );
    expect(doc.querySelector('desc')?.textContent).toBe(
      '3 nodes, 1 edge. Step 1 of 2: Alpha alone Lights: Alpha. Hides: Beta, Never.',
    );
  });

  it('reads an animated flow’s diagram, then its steps; what every step hides is silent', async () => {
    const diagram = await spec;
    const timeline = buildTimeline(diagram, diagram.flows[0] as Flow);
    const doc = parse(animatedSvg(diagram, timeline, { lang: 'ko', interactive: true }));
    expect(tree(doc).filter((line) => !line.startsWith('null'))).toEqual([
      'graphics-symbol Alpha',
      'graphics-symbol Beta',
      'graphics-symbol Alpha → Beta: go',
      'note 2단계 중 1단계',
      'note 2단계 중 2단계',
    ]);
    expect(doc.querySelector('[data-node-id="never"]')?.getAttribute('aria-hidden')).toBe('true');
    expect(doc.querySelector('a')?.getAttribute('aria-label')).toBe('2단계 중 1단계');
    expect(doc.querySelector('desc')?.textContent).toContain('2단계 중 2단계: Beta comes');
  });
});
