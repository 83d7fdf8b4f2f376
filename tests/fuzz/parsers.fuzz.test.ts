/**
 * The bounded part of the parser fuzzing (the long part is `npm run fuzz`):
 * every parser answers every input with a model or errors placed inside the
 * text, and never throws. The property tests beside each parser check their
 * own grammar in depth; this one adds the positions, parseDiagram's routing,
 * line edits of every file in diagrams/, and a layout of some answers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefaultLayoutEngine } from '../../src/core/layout/createDefaultLayoutEngine.ts';
import type { Model } from '../../src/core/model/types.ts';
import { parseDiagram } from '../../src/core/parse/parseDiagram.ts';
import {
  applyMutation,
  fuzzCases,
  loadSeeds,
  mutants,
  outcomeProblems,
  runParser,
} from './fuzzInputs.ts';

const seeds = loadSeeds();

function expectSound(c: { parser: Parameters<typeof runParser>[0]; text: string; file: string }) {
  const outcome = runParser(c.parser, c.text, c.file);
  expect(
    outcomeProblems(c.parser, c.text, outcome),
    `${c.parser} ${JSON.stringify(c.text)}`,
  ).toEqual([]);
}

describe('the fuzzing checks can fail', () => {
  it('on a throw, no answer, and positions outside the text', () => {
    expect(outcomeProblems('parseSpec', 'a', new RangeError('deep'))).toEqual([
      'threw RangeError: deep',
    ]);
    expect(outcomeProblems('parseSpec', 'a', { model: null, diagnostics: [] })).toEqual([
      'no model and no error',
    ]);
    const at = (line: number, col: number) => ({
      model: null,
      diagnostics: [{ severity: 'error' as const, message: 'm', line, col }],
    });
    expect(outcomeProblems('parseSpec', 'ab\ncd', at(2, 3))).toEqual([]);
    expect(outcomeProblems('parseSpec', 'ab\ncd\n', at(3, 1))).toEqual([]);
    expect(outcomeProblems('parseSpec', 'ab\ncd', at(2, 4))).toHaveLength(1);
    expect(outcomeProblems('parseSpec', 'ab\ncd', at(4, 1))).toHaveLength(1);
    expect(outcomeProblems('parseSpec', 'ab', at(0, 1))).toHaveLength(1);
  });

  it('mutations change the text the way they say', () => {
    const text = 'a\n  b\nc';
    expect(applyMutation(text, { kind: 'deleteLine', line: 1 })).toBe('a\nc');
    expect(applyMutation(text, { kind: 'duplicateLine', line: 2 })).toBe('a\n  b\nc\nc');
    expect(applyMutation(text, { kind: 'flipIndent', line: 1 })).toBe('a\nb\nc');
    expect(applyMutation(text, { kind: 'flipIndent', line: 0 })).toBe('  a\n  b\nc');
    expect(applyMutation(text, { kind: 'swapLines', line: 0, other: 2 })).toBe('c\n  b\na');
    expect(applyMutation(text, { kind: 'truncate', at: 3 })).toBe('a\n ');
    expect(applyMutation('a["x"]', { kind: 'dropCloser', at: 2 })).toBe('a["x"');
  });
});

describe('every parser answers any input with a model or errors inside the text', () => {
  it('reads every seed', () => {
    expect(seeds.filter((s) => s.file.startsWith('diagrams/')).length).toBeGreaterThanOrEqual(15);
  });

  it('on random text, token soups and mutated diagrams', () => {
    fc.assert(fc.property(fuzzCases(seeds), expectSound), { numRuns: 1000 });
  });

  it('on every diagram with lines deleted, cut short, or its last closer dropped', () => {
    for (const seed of seeds) {
      const parser = 'parseDiagram';
      const starts = [0, ...[...seed.text.matchAll(/\n/g)].map((m) => m.index + 1)];
      // A dozen lines spread over each file, so the run stays short.
      const step = Math.max(1, Math.floor(starts.length / 12));
      starts.forEach((start, line) => {
        if (line % step !== 0) return;
        const text = applyMutation(seed.text, { kind: 'deleteLine', line });
        expectSound({ parser, text, file: seed.file });
        // Cut in the middle of the line.
        const cut = applyMutation(seed.text, { kind: 'truncate', at: start + 3 });
        expectSound({ parser, text: cut, file: seed.file });
      });
      const closers = [...seed.text.matchAll(/["\]})]/g)].length;
      const dropped = applyMutation(seed.text, { kind: 'dropCloser', at: closers - 1 });
      expectSound({ parser, text: dropped, file: seed.file });
    }
  });

  it('and the models of mutated diagrams lay out', async () => {
    const engine = createDefaultLayoutEngine();
    const sample = fc.sample(mutants(seeds), { numRuns: 24, seed: 9 });
    let laidOut = 0;
    for (const mutant of sample) {
      const { model, diagnostics } = parseDiagram(mutant.text, { file: mutant.file });
      // What the app lays out: a model within the limits.
      if (!model || diagnostics.some((d) => d.message.includes('limits.'))) continue;
      const diagram = await engine.layout(model as Model);
      expect(diagram.nodes.length).toBe(model.nodes.length);
      laidOut++;
    }
    expect(laidOut).toBeGreaterThan(3);
  });
});
