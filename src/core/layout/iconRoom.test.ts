import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseGroups } from '../model/collapse.ts';
import type { Model, ModelNode } from '../model/types.ts';
import { parseDiagram } from '../parse/parseDiagram.ts';
import { arbitraryModel } from './arbitraryModel.ts';
import { checkInvariants } from './checkInvariants.ts';
import { createDefaultLayoutEngine } from './createDefaultLayoutEngine.ts';
import type { Box, LaidOutDiagram } from './types.ts';

const TEXT = `nodes:
  plain: Control plane
  above: Control plane
  beside: Control plane
  only: Control plane
  blank: " "
  bad: Control plane
  big: Control plane
  cluster:
    label: Cluster
    nodes:
      pod: Pod
edges:
  - plain -> above
  - above -> beside
  - beside -> only
  - only -> pod
`;

const ICONS: Record<string, Partial<ModelNode>> = {
  above: { icon: 'logos:kubernetes' },
  beside: { icon: 'logos:kubernetes', iconPlacement: 'beside' },
  only: { icon: 'logos:kubernetes', iconPlacement: 'only' },
  blank: { icon: 'mdi:database' },
  bad: { icon: 'javascript:alert(1)' },
  big: { icon: 'mdi:server', iconSize: 10_000 },
  cluster: { icon: 'mdi:kubernetes' },
};

function model(): Model {
  const parsed = parseDiagram(TEXT, { file: 'icons.yaml' });
  if (!parsed.model) throw new Error('no model');
  return {
    ...parsed.model,
    nodes: parsed.model.nodes.map((n) => ({ ...n, ...ICONS[n.id] })),
  };
}

const node = (d: LaidOutDiagram, id: string) => {
  const n = d.nodes.find((m) => m.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

const apart = (a: Box, b: Box) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

describe('room for icons', async () => {
  const d = await createDefaultLayoutEngine().layout(model());

  it('keeps the layout invariants', () => {
    expect(checkInvariants(d)).toEqual([]);
  });

  it('puts the icon over the label by default, inside the node, the node taller for it', () => {
    const plain = node(d, 'plain');
    const above = node(d, 'above');
    expect(plain.iconBox).toBeUndefined();
    const icon = above.iconBox as Box;
    expect(icon).toMatchObject({ width: 32, height: 32 });
    expect(inside(icon, above)).toBe(true);
    expect(icon.y + icon.height).toBeLessThanOrEqual(above.labelBox.y);
    expect(icon.x + icon.width / 2).toBeCloseTo(above.labelBox.x + above.labelBox.width / 2, 1);
    expect(above.height).toBeGreaterThanOrEqual(plain.height + 32);
    expect(above.labelBox.lines).toEqual(['Control plane']);
  });

  it('puts it left of the label beside, the node wider for it', () => {
    const beside = node(d, 'beside');
    const icon = beside.iconBox as Box;
    expect(icon).toMatchObject({ width: 20, height: 20 });
    expect(inside(icon, beside)).toBe(true);
    expect(icon.x + icon.width).toBeLessThanOrEqual(beside.labelBox.x);
    expect(beside.width).toBeGreaterThan(node(d, 'plain').width + 20);
  });

  it('draws the icon alone when asked, or when the label is blank, keeping the label as the name', () => {
    const only = node(d, 'only');
    expect(only.iconBox).toMatchObject({ width: 48, height: 48 });
    expect(inside(only.iconBox as Box, only)).toBe(true);
    expect(only.labelBox.lines).toEqual([]);
    expect(only.label).toBe('Control plane');
    expect(node(d, 'blank').labelBox.lines).toEqual([]);
    expect(node(d, 'blank').iconBox).toMatchObject({ width: 32 });
  });

  it('reserves no room for a value that is not an icon name', () => {
    const bad = node(d, 'bad');
    expect(bad.iconBox).toBeUndefined();
    expect({ w: bad.width, h: bad.height }).toEqual({
      w: node(d, 'plain').width,
      h: node(d, 'plain').height,
    });
  });

  it('keeps sizes within range', () => {
    expect(node(d, 'big').iconBox).toMatchObject({ width: 256, height: 256 });
  });

  it("puts a group's icon before its title, clear of its children", () => {
    const cluster = node(d, 'cluster');
    const icon = cluster.iconBox as Box;
    expect(inside(icon, cluster)).toBe(true);
    expect(icon.x + icon.width).toBeLessThanOrEqual(cluster.labelBox.x);
    expect(apart(icon, node(d, 'pod'))).toBe(true);
  });

  it("puts a collapsed group's icon before its title, clear of its badge", async () => {
    const folded = await createDefaultLayoutEngine().layout(
      collapseGroups(model(), new Set(['cluster'])),
    );
    expect(checkInvariants(folded)).toEqual([]);
    const cluster = node(folded, 'cluster');
    const icon = cluster.iconBox as Box;
    expect(inside(icon, cluster)).toBe(true);
    expect(icon.x + icon.width).toBeLessThanOrEqual(cluster.labelBox.x);
  });

  it('lays out the same twice', async () => {
    const again = await createDefaultLayoutEngine().layout(model());
    expect(JSON.stringify(again)).toBe(JSON.stringify(d));
  });
});

describe('icons on random nested graphs', () => {
  it('keep every invariant, whatever the shape and placement', async () => {
    const engine = createDefaultLayoutEngine();
    const placements = [undefined, 'above', 'beside', 'only'] as const;
    const withIcons = fc
      // A labelled self-loop on a group can land on a sibling without icons
      // too (see plan.test.ts), so loops go unlabelled here.
      .tuple(
        arbitraryModel(20, { labelsOnLoops: false }),
        fc.array(fc.nat(), { minLength: 20, maxLength: 20 }),
      )
      .map(
        ([m, picks]): Model => ({
          ...m,
          nodes: m.nodes.map((n, i) => {
            const pick = picks[i] ?? 0;
            if (pick % 3 === 0) return n;
            const placement = placements[pick % 4];
            return {
              ...n,
              icon: 'mdi:server',
              ...(placement && { iconPlacement: placement }),
              ...(pick % 5 === 0 && { iconSize: pick % 90 }),
            };
          }),
        }),
      );
    await fc.assert(
      fc.asyncProperty(withIcons, async (m) => {
        const d = await engine.layout(m);
        expect(checkInvariants(d)).toEqual([]);
        for (const n of d.nodes) expect(n.iconBox !== undefined).toBe(n.icon !== undefined);
      }),
      { numRuns: 40, seed: 22 },
    );
  });
});
