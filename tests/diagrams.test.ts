import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../src/core/layout/checkInvariants.ts';
import { createDefaultLayoutEngine } from '../src/core/layout/createDefaultLayoutEngine.ts';
import { formatDiagnostic } from '../src/core/model/formatDiagnostic.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';

const files = readdirSync('diagrams')
  .filter((f) => /\.(mmd|ya?ml)$/.test(f))
  .sort()
  .map((f) => `diagrams/${f}`);

describe('every diagram in diagrams/', () => {
  const engine = createDefaultLayoutEngine();
  it('includes the eleven seed diagrams', () => {
    expect(files.filter((f) => f.endsWith('.mmd')).length).toBeGreaterThanOrEqual(11);
  });
  for (const file of files) {
    it(`${file}: parses cleanly, lays out within the invariants, matches its goldens`, async () => {
      const { model, diagnostics } = parseDiagram(readFileSync(file, 'utf8'), { file });
      expect(diagnostics.map(formatDiagnostic)).toEqual([]);
      if (!model) throw new Error('no model');
      // The model golden has no coordinates, so layout changes don't churn it.
      await expect(`${JSON.stringify(model, null, 2)}\n`).toMatchFileSnapshot(
        `__goldens__/${model.id}.model.json`,
      );
      const diagram = await engine.layout(model);
      expect(checkInvariants(diagram)).toEqual([]);
      await expect(`${JSON.stringify(diagram, null, 2)}\n`).toMatchFileSnapshot(
        `__goldens__/${model.id}.layout.json`,
      );
    });
  }
});
