import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryModel } from './arbitraryModel.ts';
import { checkInvariants } from './checkInvariants.ts';
import { createDefaultLayoutEngine } from './createDefaultLayoutEngine.ts';

describe('layout of random nested graphs', () => {
  it('keeps every invariant', async () => {
    const engine = createDefaultLayoutEngine();
    await fc.assert(
      fc.asyncProperty(arbitraryModel(), async (model) => {
        const diagram = await engine.layout(model);
        expect(checkInvariants(diagram)).toEqual([]);
        expect(diagram.nodes.map((n) => n.id)).toEqual(model.nodes.map((n) => n.id));
        expect(diagram.edges.map((e) => e.id)).toEqual(model.edges.map((e) => e.id));
      }),
      { numRuns: 60, seed: 20261126 },
    );
  });

  it('is deterministic: two engines give byte-identical output', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryModel(16), async (model) => {
        const a = await createDefaultLayoutEngine().layout(model);
        const b = await createDefaultLayoutEngine().layout(structuredClone(model));
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 15, seed: 7 },
    );
  });
});
