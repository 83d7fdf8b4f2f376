import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildTimeline, type StepScene } from '../../src/core/animate/timeline.ts';
import { animatedSvg } from '../../src/core/export/animatedSvg.ts';
import { staticSvg } from '../../src/core/export/staticSvg.ts';
import { createDefaultLayoutEngine } from '../../src/core/layout/createDefaultLayoutEngine.ts';
import type { LaidOutDiagram } from '../../src/core/layout/types.ts';
import { plainLabel, readingOrder, visibleEdges } from '../../src/core/outline/structure.ts';
import { freshPagePerTest } from './chromium.ts';
import { diagramModels } from './diagramFiles.ts';

// Issue 23 part 4: an exported SVG, opened as a document, gives Chromium's
// accessibility tree the diagram's structure: its title, each node and group
// once in reading order (groups holding their members), each visible edge by
// its ends and label, and none of the drawing's own text.

const session = freshPagePerTest();
const engine = createDefaultLayoutEngine();

/** A node of Chromium's tree as a reader meets it (ignored nodes skipped, their children kept). */
interface Ax {
  role: string;
  name: string;
  description: string;
  children: Ax[];
}

interface CdpNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  description?: { value: string };
  childIds?: string[];
}

/** Opens an SVG as a file of its own (not inline in HTML) and reads Chromium's tree of it. */
async function openSvg(page: Page, svg: string): Promise<Ax> {
  await page.route('http://files.test/**', (route) =>
    route.fulfill({ contentType: 'image/svg+xml', body: svg }),
  );
  await page.goto('http://files.test/diagram.svg');
  await page.unroute('http://files.test/**');
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: CdpNode[] };
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const build = (n: CdpNode): Ax[] => {
    const children = (n.childIds ?? []).flatMap((id) => {
      const child = byId.get(id);
      return child ? build(child) : [];
    });
    const role = n.role?.value ?? '';
    if (n.ignored || role === 'InlineTextBox' || role === 'none') return children;
    const name = n.name?.value ?? '';
    return [{ role, name, description: n.description?.value ?? '', children }];
  };
  const document = build(nodes[0] as CdpNode)
    .flatMap(function find(ax: Ax): Ax[] {
      return ax.role === 'graphics-document' ? [ax] : ax.children.flatMap(find);
    })
    .at(0);
  if (!document) throw new Error('no graphics-document in the tree');
  return document;
}

/** Every node of a tree below `ax`, depth first. */
function all(ax: Ax): Ax[] {
  return ax.children.flatMap((c) => [c, ...all(c)]);
}

const isGraphic = (ax: Ax) => ax.role === 'graphics-symbol' || ax.role === 'graphics-object';

/**
 * What the tree must hold for a picture drawing `shown` nodes: the nodes in
 * reading order, each group holding its members, then the edges between
 * them, and text only in the step's caption.
 */
function expectStructure(tree: Ax, diagram: LaidOutDiagram, shown: (id: string) => boolean) {
  const nodes = diagram.nodes.filter((n) => shown(n.id));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = visibleEdges(diagram).filter((e) => ids.has(e.source) && ids.has(e.target));
  const graphics = all(tree).filter(isGraphic);
  // Every label once, in reading order, then the edges.
  const order = readingOrder({ nodes, edges });
  expect(graphics.slice(0, order.length).map((g) => g.name)).toEqual(order.map(plainLabel));
  const edgeNames = graphics.slice(order.length).map((g) => g.name);
  expect(edgeNames).toHaveLength(edges.length);
  edges.forEach((edge, i) => {
    const name = edgeNames[i] ?? '';
    expect(name).toMatch(/ (→|↔|—) /);
    const label = edge.label?.replace(/\s*\n\s*/g, ' ').trim();
    if (label) expect(name.endsWith(`: ${label}`), `${name} ends with ${label}`).toBe(true);
  });
  // A group holds its members, as a screen reader's tree shows them.
  for (const group of graphics.filter((g) => g.role === 'graphics-object')) {
    const node = order.find((n) => plainLabel(n) === group.name && n.kind === 'group');
    if (!node) continue;
    const members = order.filter((n) => n.parent === node.id).map(plainLabel);
    const held = group.children.filter(isGraphic).map((c) => c.name);
    if (order.filter((n) => plainLabel(n) === group.name).length === 1)
      expect(held, group.name).toEqual(members);
  }
  // No drawn text is read besides a caption (labels, pills, badges, icons' stand-ins are hidden).
  const texts = (ax: Ax, inNote: boolean): string[] =>
    ax.children.flatMap((c) => [
      ...(c.role === 'StaticText' && !inNote ? [c.name] : []),
      ...texts(c, inNote || c.role === 'note'),
    ]);
  expect(texts(tree, false)).toEqual([]);
}

const models = diagramModels();

describe('exported SVGs in Chromium’s accessibility tree', () => {
  for (const model of models) {
    it(`${model.id}: the SVG's tree holds every label, once, in reading order`, async () => {
      const { page } = session;
      const diagram = await engine.layout(model);
      const whole = await openSvg(page, staticSvg(diagram));
      expect(whole.name).toBe(diagram.title || diagram.id);
      expect(whole.description).not.toBe('');
      expectStructure(whole, diagram, () => true);

      const flow = diagram.flows[0];
      if (!flow) return;
      const timeline = buildTimeline(diagram, flow);
      const count = timeline.steps.length;
      for (const scene of timeline.steps) {
        const svg = staticSvg(diagram, { scene, caption: true, stepCount: count });
        const step = await openSvg(page, svg);
        const shown = (id: string) => scene.nodes[id] !== 'hidden';
        // The caption first, named by where the step stands; then the picture.
        const note = step.children[0];
        expect(note?.role).toBe('note');
        expect(note?.name).toBe(`Step ${scene.index + 1} of ${count}`);
        // Its text as drawn, one line per wrapped line.
        const lines = all(note as Ax).filter((a) => a.role === 'StaticText');
        expect(lines.map((a) => a.name).join(' ')).toBe(scene.caption.trim().replace(/\s+/g, ' '));
        expectStructure({ ...step, children: step.children.slice(1) }, diagram, shown);
      }

      const animated = await openSvg(page, animatedSvg(diagram, timeline, { interactive: true }));
      const someStep = (id: string) =>
        timeline.steps.some((s: StepScene) => s.nodes[id] !== 'hidden');
      const notes = animated.children.filter((c) => c.role === 'note');
      expect(notes.map((n) => n.name)).toEqual(
        timeline.steps.map((_, k) => `Step ${k + 1} of ${count}`),
      );
      const picture = animated.children.filter(isGraphic);
      expectStructure({ ...animated, children: picture }, diagram, someStep);
      expect(animated.description).toContain(`Step ${count} of ${count}`);
    });
  }

  it('names a Korean export’s parts in Korean', async () => {
    const model = models.find((m) => m.id === 'kubectl-apply');
    if (!model) throw new Error('no kubectl-apply');
    const diagram = await engine.layout(model);
    const flow = diagram.flows[0];
    if (!flow) throw new Error('kubectl-apply has no flow');
    const timeline = buildTimeline(diagram, flow);
    const scene = timeline.steps[0] as StepScene;
    const svg = staticSvg(diagram, { scene, caption: true, stepCount: 8, lang: 'ko' });
    const tree = await openSvg(session.page, svg);
    expect(tree.children[0]?.name).toBe('8단계 중 1단계');
    const api = all(tree).find((a) => a.name === 'API Server');
    expect(api?.description).toContain('컨트롤 플레인 안');
  });
});
