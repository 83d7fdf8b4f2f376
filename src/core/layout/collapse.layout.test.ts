// biome-ignore lint/style/noRestrictedImports: tests run in Node; the seed diagram is read from diagrams/.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FONT_SIZES } from '../measure/fonts.ts';
import { collapseGroups } from '../model/collapse.ts';
import type { Model } from '../model/types.ts';
import { parseDiagram } from '../parse/parseDiagram.ts';
import { arbitraryModel } from './arbitraryModel.ts';
import { checkInvariants } from './checkInvariants.ts';
import { createDefaultLayoutEngine } from './createDefaultLayoutEngine.ts';
import { COLLAPSED_BADGE_WIDTH, LABEL_PADDING } from './nodeSize.ts';
import type { LaidOutDiagram } from './types.ts';

/** Every node's chain of parents, to ask whether any of them is collapsed. */
function insideCollapsed(diagram: LaidOutDiagram): string[] {
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  return diagram.nodes
    .filter((n) => {
      for (let p = n.parent; p !== null; p = byId.get(p)?.parent ?? null) {
        if (byId.get(p)?.collapsed) return true;
      }
      return false;
    })
    .map((n) => n.id);
}

describe('layout of collapsed groups', () => {
  it('keeps every invariant on random models with random collapse sets', async () => {
    const engine = createDefaultLayoutEngine();
    await fc.assert(
      fc.asyncProperty(
        arbitraryModel(),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (generated, picks) => {
          // Known and not about collapsing: ELK can put a labelled self-loop's
          // label over a sibling inside a group (about 1 random model in 600
          // fails so without any collapse), so self-loops go unlabelled here.
          const model = {
            ...generated,
            edges: generated.edges.map(({ label, ...e }) =>
              e.source === e.target || label === undefined ? e : { ...e, label },
            ),
          };
          // Any node id, group or not (those are ignored), plus one that does not exist.
          const set = new Set(picks.map((k) => `n${k % (model.nodes.length + 1)}`));
          const view = collapseGroups(model, set);
          const diagram = await engine.layout(view);
          expect(checkInvariants(diagram)).toEqual([]);
          expect(insideCollapsed(diagram)).toEqual([]);
          const present = new Set(diagram.nodes.map((n) => n.id));
          for (const e of diagram.edges) {
            expect(present.has(e.source) && present.has(e.target)).toBe(true);
          }
          expect(diagram.nodes.map((n) => n.id)).toEqual(view.nodes.map((n) => n.id));
          expect(diagram.edges.map((e) => e.id)).toEqual(view.edges.map((e) => e.id));
          const edgeIds = new Set(model.edges.map((e) => e.id));
          expect(diagram.edges.every((e) => edgeIds.has(e.id))).toBe(true);
          const groups = new Set(model.nodes.filter((n) => n.kind === 'group').map((n) => n.id));
          if (![...set].some((id) => groups.has(id))) expect(view).toBe(model);
        },
      ),
      { numRuns: 60, seed: 20261127 },
    );
  });

  it('lays a collapsed group out as a leaf: title box plus the badge strip', async () => {
    const model: Model = {
      id: 't',
      title: 't',
      direction: 'right',
      nodes: [
        { id: 'g', parent: null, kind: 'group', label: 'Control Plane', shape: 'rect' },
        { id: 'a', parent: 'g', kind: 'node', label: 'API Server', shape: 'rect' },
        { id: 'b', parent: 'g', kind: 'node', label: 'etcd', shape: 'cylinder' },
        { id: 'x', parent: null, kind: 'node', label: 'kubectl', shape: 'rect' },
      ].map((n) => ({ ...n, classes: [], style: {} }) as Model['nodes'][number]),
      edges: [],
      flows: [],
      classDefs: {},
      source: 'yaml',
    };
    const engine = createDefaultLayoutEngine();
    const open = await engine.layout(model);
    const closed = await engine.layout(collapseGroups(model, new Set(['g'])));
    const g = closed.nodes.find((n) => n.id === 'g');
    const before = open.nodes.find((n) => n.id === 'g');
    if (!g || !before) throw new Error('no group');
    expect(g).toMatchObject({ kind: 'group', collapsed: true, hiddenCount: 2, depth: 0 });
    expect(g.labelBox.fontSize).toBe(FONT_SIZES.groupTitle);
    expect(g.labelBox.lines).toEqual(['Control Plane']);
    expect(g.labelBox.width).toBe(before.labelBox.width);
    // Sized to its title, not to the children it had, with the badge strip at the right.
    expect(g.width).toBeCloseTo(g.labelBox.width + 2 * LABEL_PADDING.x + COLLAPSED_BADGE_WIDTH, 1);
    expect(g.height).toBeLessThan(before.height);
    // The title is centred vertically, and across the part left of the strip.
    expect(g.labelBox.x - g.x).toBeCloseTo(LABEL_PADDING.x, 1);
    expect(g.labelBox.y - g.y).toBeCloseTo((g.height - g.labelBox.height) / 2, 1);
    expect(checkInvariants(closed)).toEqual([]);
  });

  it('caches collapsed states apart', async () => {
    const engine = createDefaultLayoutEngine();
    const model: Model = {
      id: 't',
      title: 't',
      direction: 'down',
      nodes: [
        { id: 'g', parent: null, kind: 'group', label: 'G', shape: 'rect', classes: [], style: {} },
        { id: 'a', parent: 'g', kind: 'node', label: 'a', shape: 'rect', classes: [], style: {} },
      ],
      edges: [],
      flows: [],
      classDefs: {},
      source: 'yaml',
    };
    const open = await engine.layout(model);
    const closed = await engine.layout(collapseGroups(model, new Set(['g'])));
    const again = await engine.layout(model);
    expect(closed.nodes).toHaveLength(1);
    expect(open.nodes).toHaveLength(2);
    expect(again).toBe(open);
  });

  it('collapses the control plane of diagrams/cluster-layout.yaml', async () => {
    const file = 'diagrams/cluster-layout.yaml';
    const { model } = parseDiagram(readFileSync(file, 'utf8'), { file });
    if (!model) throw new Error('no model');
    const cp = model.nodes.find((n) => n.kind === 'group' && /control plane/i.test(n.label));
    if (!cp) throw new Error('no control plane group');
    const byId = new Map(model.nodes.map((n) => [n.id, n]));
    const inside = model.nodes.filter((n) => {
      for (let p = n.parent; p !== null; p = byId.get(p)?.parent ?? null)
        if (p === cp.id) return true;
      return false;
    });
    expect(inside.length).toBeGreaterThan(0);

    const view = collapseGroups(model, new Set([cp.id]));
    expect(view.nodes.length).toBe(model.nodes.length - inside.length);
    expect(view.nodes.find((n) => n.id === cp.id)).toMatchObject({
      collapsed: true,
      hiddenCount: inside.filter((n) => n.kind === 'node').length,
    });
    const engine = createDefaultLayoutEngine();
    const diagram = await engine.layout(view);
    expect(checkInvariants(diagram)).toEqual([]);
    expect(insideCollapsed(diagram)).toEqual([]);
    const full = await engine.layout(model);
    const box = (d: LaidOutDiagram) => d.nodes.find((n) => n.id === cp.id);
    expect(box(diagram)?.height).toBeLessThan(box(full)?.height ?? 0);
    // The edges the author wrote between groups outside it are still there.
    expect(diagram.edges.map((e) => e.id)).toEqual(model.edges.map((e) => e.id));
  });
});
