/**
 * Property test on real flowcharts: the charts in diagrams/ and the shared corpus,
 * cut and spliced at random, must still import without throwing and give a
 * well-formed result.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importMermaid } from '../../src/core/parse/mermaid/importMermaid.ts';
import { resultProblems } from '../../src/core/parse/mermaid/resultProblems.ts';
import { diagramCharts } from './diagramCharts.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const CORPUS = path.resolve(here, '../../../shared/corpus/mermaid-flowcharts');

const texts = [
  ...diagramCharts().map((chart) => chart.text),
  ...(existsSync(CORPUS)
    ? readdirSync(CORPUS)
        .filter((f) => f.endsWith('.mmd'))
        .map((f) => readFileSync(path.join(CORPUS, f), 'utf8'))
    : []),
];

const SPLICES = [
  '-->',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '"',
  '`',
  '|',
  '&',
  ':::',
  '@{',
  'subgraph ',
  'end',
  '\n',
  ';',
  '%%',
  '#quot;',
  '<br>',
  'e1@',
  '---\n',
  'direction TB',
];

const mutation = fc.tuple(
  fc.nat(),
  fc.nat({ max: 20 }),
  fc.oneof(fc.constantFrom(...SPLICES), fc.string({ unit: 'binary', maxLength: 5 })),
);

describe('importMermaid on mutated real flowcharts', () => {
  it('never throws and keeps its promises', () => {
    expect(texts.length).toBeGreaterThan(0);
    const mutated = fc
      .tuple(fc.constantFrom(...texts), fc.array(mutation, { minLength: 1, maxLength: 8 }))
      .map(([text, edits]) =>
        edits.reduce((s, [at, cut, insert]) => {
          const i = at % (s.length + 1);
          return s.slice(0, i) + insert + s.slice(i + cut);
        }, text),
      );
    fc.assert(
      fc.property(mutated, (text) => {
        expect(resultProblems(importMermaid(text, { id: 'mutant' })), JSON.stringify(text)).toEqual(
          [],
        );
      }),
      { numRuns: 1500 },
    );
  });
});
