import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ScreenShape, shapeRatio } from '../model/screenShape.ts';
import { parseDiagram } from '../parse/parseDiagram.ts';
import { arbitraryModel } from './arbitraryModel.ts';
import { checkInvariants } from './checkInvariants.ts';
import { createDefaultLayoutEngine } from './createDefaultLayoutEngine.ts';
import type { LaidOutDiagram, Point } from './types.ts';

function model(text: string, file = 'shape.yaml') {
  const parsed = parseDiagram(text, { file });
  if (!parsed.model) throw new Error('no model');
  return parsed.model;
}

/** How large the whole diagram is shown on a screen of this shape (any unit). */
const fit = (d: LaidOutDiagram, shape: ScreenShape) =>
  Math.min(shapeRatio(shape) / d.width, 1 / d.height);

const at = (d: LaidOutDiagram, id: string) => {
  const n = d.nodes.find((node) => node.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return { x: n.x + n.width / 2, y: n.y + n.height / 2 };
};

// Four stages left to right, each a group with a chain of its own inside:
// the strip the issue reports (kubectl-apply, pod-lifecycle).
const STAGES = `direction: right
nodes:
${[1, 2, 3, 4].map((g) => `  g${g}:\n    label: Stage ${g}\n    nodes:\n${[1, 2, 3].map((n) => `      s${g}n${n}: 단계 ${g}.${n} 작업`).join('\n')}`).join('\n')}
edges:
${[1, 2, 3, 4].flatMap((g) => [`  - s${g}n1 -> s${g}n2`, `  - s${g}n2 -> s${g}n3`]).join('\n')}
${[1, 2, 3].map((g) => `  - s${g}n3 -> s${g + 1}n1`).join('\n')}
`;

describe('layouts shaped for the screen', () => {
  it('fold a long strip of groups to fill a 4:3 screen, every chain still in written order', async () => {
    const engine = createDefaultLayoutEngine();
    const written = await engine.layout(model(STAGES));
    const shaped = await engine.layout(model(STAGES), { screen: '4:3' });
    expect(shaped.shape).toBe('4:3');
    expect(fit(shaped, '4:3') / fit(written, '4:3')).toBeGreaterThan(1.2);
    expect(checkInvariants(shaped)).toEqual([]);
    // Each stage reads left to right or, folded, top to bottom; never backwards.
    for (const g of [1, 2, 3, 4]) {
      const [a, b, c] = [1, 2, 3].map((n) => at(shaped, `s${g}n${n}`)) as [Point, Point, Point];
      const across = a.x < b.x && b.x < c.x;
      const down = a.y < b.y && b.y < c.y;
      expect(across || down).toBe(true);
    }
    // The stages themselves in reading order: along a row, then the next row.
    for (const g of [1, 2, 3]) {
      const [a, b] = [at(shaped, `s${g}n1`), at(shaped, `s${g + 1}n1`)];
      expect(b.y > a.y + 20 || (Math.abs(b.y - a.y) <= 20 && b.x > a.x)).toBe(true);
    }
    // Read back as written: the fold is how it is laid out, not what the model says.
    expect(shaped.nodes.map((n) => n.direction)).toEqual(written.nodes.map((n) => n.direction));
  });

  it('wrap a long chain without groups into columns on a wide screen, in reading order', async () => {
    const chain = `flowchart TD\n${Array.from({ length: 9 }, (_, i) => `  n${i}[Step ${i}] --> n${i + 1}[Step ${i + 1}]`).join('\n')}`;
    const engine = createDefaultLayoutEngine();
    const written = await engine.layout(model(chain, 'chain.mmd'));
    const shaped = await engine.layout(model(chain, 'chain.mmd'), { screen: '16:9' });
    expect(fit(shaped, '16:9') / fit(written, '16:9')).toBeGreaterThan(1.2);
    // Column by column, top to bottom: the order the chain was written in.
    const ids = shaped.nodes
      .map((n) => ({ id: n.id, ...at(shaped, n.id) }))
      .sort((a, b) => Math.round(a.x / 100) - Math.round(b.x / 100) || a.y - b.y)
      .map((n) => n.id);
    expect(ids).toEqual(written.nodes.map((n) => n.id));
  });

  it('honour a group that turns down even where an edge crosses into it', async () => {
    const text = `direction: right
nodes:
  user: User
  worker:
    direction: down
    nodes:
      kubelet: kubelet
      runtime: runtime
      pod: Pod
edges:
  - user -> kubelet
  - kubelet -> runtime
  - runtime -> pod
`;
    const engine = createDefaultLayoutEngine();
    const written = await engine.layout(model(text));
    // One ELK run cannot turn a group an edge crosses: as written, it reads right.
    expect(at(written, 'runtime').x).toBeGreaterThan(at(written, 'kubelet').x);
    const shaped = await engine.layout(model(text), { screen: '3:4' });
    expect(at(shaped, 'runtime').y).toBeGreaterThan(at(shaped, 'kubelet').y);
    expect(at(shaped, 'pod').y).toBeGreaterThan(at(shaped, 'runtime').y);
  });

  it('keep a diagram that already fits exactly as written', async () => {
    const text = 'direction: right\nnodes:\n  a: A\n  b: B\nedges:\n  - a -> b\n';
    const engine = createDefaultLayoutEngine();
    const { shape, ...shaped } = await engine.layout(model(text), { screen: '16:9' });
    expect(shape).toBe('16:9');
    expect(shaped).toEqual(await engine.layout(model(text)));
  });

  it("let a spec's own aspect win over the screen's, and `none` keep it as written", async () => {
    const engine = createDefaultLayoutEngine();
    const pinned = { ...model(STAGES), aspect: '4:3' as const };
    expect((await engine.layout(pinned, { screen: '16:9' })).shape).toBe('4:3');
    const none = { ...model(STAGES), aspect: 'none' as const };
    expect(await engine.layout(none, { screen: '4:3' })).toEqual(
      await engine.layout(model(STAGES)),
    );
  });

  it('keep every invariant and the same answer twice on random nested graphs', async () => {
    const shapes: ScreenShape[] = ['16:9', '4:3', '9:16'];
    await fc.assert(
      fc.asyncProperty(arbitraryModel(24), fc.constantFrom(...shapes), async (m, screen) => {
        const a = await createDefaultLayoutEngine().layout(m, { screen });
        const b = await createDefaultLayoutEngine().layout(structuredClone(m), { screen });
        expect(checkInvariants(a)).toEqual([]);
        expect(a.nodes.map((n) => n.id)).toEqual(m.nodes.map((n) => n.id));
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 30, seed: 20261206 },
    );
  });
});
