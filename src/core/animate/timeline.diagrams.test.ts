// biome-ignore lint/style/noRestrictedImports: tests run in Node; the diagrams are read from diagrams/.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDeckSource } from '../deck/isDeckSource.ts';
import { createDefaultLayoutEngine } from '../layout/createDefaultLayoutEngine.ts';
import type { LaidOutDiagram } from '../layout/types.ts';
import { parseDiagram } from '../parse/parseDiagram.ts';
import { buildTimeline } from './timeline.ts';

const engine = createDefaultLayoutEngine();

/** The seed's CRI chart, as the blog post has it (diagrams/ may move on). */
const CRI_CHAIN = readFileSync(
  new URL('../../../../shared/seed/mermaid/06-cri-chain.mmd', import.meta.url),
  'utf8',
);

async function layOut(file: string, text = readFileSync(file, 'utf8')): Promise<LaidOutDiagram> {
  const { model } = parseDiagram(text, { file });
  if (!model) throw new Error(`${file}: no model`);
  return engine.layout(model);
}

describe('the timeline on a real seed diagram', () => {
  it('plays the CRI chain chart through its default flow', async () => {
    const diagram = await layOut('cri-chain.mmd', CRI_CHAIN);
    const flow = diagram.flows[0];
    if (!flow) throw new Error('no default flow');
    const t = buildTimeline(diagram, flow);
    expect(t.steps.map((s) => s.caption)).toEqual([
      'kubelet',
      'kubelet → CRI gRPC API',
      'CRI gRPC API → Container Runtimes',
      'Container Runtimes → Low-level Runtime (OCI)',
    ]);
    const [first, second, third] = t.steps;
    expect(first?.nodes).toMatchObject({ Kubelet: 'active', CRI: 'dimmed', RS: 'dimmed' });
    const kubelet = diagram.nodes.find((n) => n.id === 'Kubelet');
    expect(first?.focus).toEqual({
      x: kubelet?.x,
      y: kubelet?.y,
      width: kubelet?.width,
      height: kubelet?.height,
    });
    // The edge ends on the CRI group: the group lights, its services are context.
    expect(second?.nodes).toMatchObject({
      Kubelet: 'active',
      CRI: 'active',
      RS: 'idle',
      IS: 'idle',
      Runtimes: 'dimmed',
    });
    expect(second?.tokens).toEqual([
      { edgeId: 'Kubelet->CRI', points: diagram.edges[0]?.points, direction: 'forward' },
    ]);
    expect(third?.nodes).toMatchObject({ Kubelet: 'visited', CRI: 'active', CD: 'idle' });
    expect(third?.edges).toEqual({
      'Kubelet->CRI': 'visited',
      'CRI->Runtimes': 'active',
      'Runtimes->LowLevel': 'dimmed',
    });
  });
});

describe('a question on a real diagram', () => {
  it('asks, after the API server stores the Deployment, for the controller', async () => {
    const diagram = await layOut('diagrams/kubectl-apply.yaml');
    const flow = diagram.flows.find((f) => f.id === 'apply');
    if (!flow) throw new Error('no apply flow');
    const asked = buildTimeline(diagram, flow).steps.filter((s) => s.ask);
    expect(asked.map((s) => [s.index, s.ask?.expected])).toEqual([[3, ['controller']]]);
  });
});

describe('the timeline on every flow in diagrams/', () => {
  const files = readdirSync('diagrams')
    .filter((f) => /\.(mmd|ya?ml)$/.test(f))
    .map((f) => `diagrams/${f}`)
    .filter((file) => !isDeckSource(readFileSync(file, 'utf8')));
  for (const file of files) {
    it(`${file}: every scene covers the diagram and stays inside it`, async () => {
      const diagram = await layOut(file);
      for (const flow of diagram.flows) {
        const t = buildTimeline(diagram, flow);
        expect(t.steps).toHaveLength(flow.steps.length);
        for (const scene of t.steps) {
          expect(Object.keys(scene.nodes)).toEqual(diagram.nodes.map((n) => n.id));
          expect(Object.keys(scene.edges)).toEqual(diagram.edges.map((e) => e.id));
          for (const token of scene.tokens) expect(scene.edges[token.edgeId]).toBe('active');
          const { focus } = scene;
          expect(focus.width).toBeGreaterThan(0);
          expect(focus.x).toBeGreaterThanOrEqual(0);
          expect(focus.x + focus.width).toBeLessThanOrEqual(diagram.width + 0.01);
          expect(focus.y + focus.height).toBeLessThanOrEqual(diagram.height + 0.01);
          expect(scene.duration).toBeGreaterThan(0);
          // A question has an answer the class cannot read off the lit step.
          for (const id of scene.ask?.expected ?? []) expect(scene.nodes[id]).not.toBe('active');
          if (scene.ask) expect(scene.ask.expected).not.toEqual([]);
        }
      }
    });
  }
});
