import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDeckReferences } from '../src/core/deck/checkDeckReferences.ts';
import { isDeckSource } from '../src/core/deck/isDeckSource.ts';
import { parseDeck } from '../src/core/deck/parseDeck.ts';
import { checkInvariants } from '../src/core/layout/checkInvariants.ts';
import { createDefaultLayoutEngine } from '../src/core/layout/createDefaultLayoutEngine.ts';
import { formatDiagnostic } from '../src/core/model/formatDiagnostic.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';
import { seedHomes } from './oracle/diagramCharts.ts';

const all = readdirSync('diagrams')
  .filter((f) => /\.(mmd|ya?ml)$/.test(f))
  .sort()
  .map((f) => `diagrams/${f}`);
// Lesson decks sit beside the diagrams; they name diagrams rather than draw one.
const isDeck = (file: string) => /\.ya?ml$/.test(file) && isDeckSource(readFileSync(file, 'utf8'));
const decks = all.filter(isDeck);
const files = all.filter((file) => !isDeck(file));

describe('every diagram in diagrams/', () => {
  const engine = createDefaultLayoutEngine();
  it('keeps each of the eleven seed flowcharts verbatim, as a .mmd file or a `mermaid:` block', () => {
    const homes = seedHomes();
    expect(homes).toHaveLength(11);
    expect(homes.filter(({ home }) => home === null).map(({ seed }) => seed)).toEqual([]);
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

describe('every lesson deck in diagrams/', () => {
  const targets = files.map((file) => {
    const { model } = parseDiagram(readFileSync(file, 'utf8'), { file });
    if (!model) throw new Error(`${file}: no model`);
    return { id: model.id, flows: model.flows.map((flow) => flow.id) };
  });
  it('includes the deck of part 1', () => {
    expect(decks).toContain('diagrams/part1.yaml');
  });
  for (const file of decks) {
    it(`${file}: parses cleanly and names only diagrams and flows that exist`, () => {
      const { deck, diagnostics } = parseDeck(readFileSync(file, 'utf8'), { file });
      expect(diagnostics.map(formatDiagnostic)).toEqual([]);
      if (!deck) throw new Error('no deck');
      expect(deck.entries.length).toBeGreaterThan(0);
      expect(checkDeckReferences(deck, targets, { file }).map(formatDiagnostic)).toEqual([]);
    });
  }
});
