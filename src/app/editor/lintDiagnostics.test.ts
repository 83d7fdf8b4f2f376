import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../core/model/types.ts';
import { toLintDiagnostics } from './lintDiagnostics.ts';

const doc = Text.of(['nodes:', '  api:', '    shape: hexgon', '    lable: "a b"', '']);
const error = (line: number, col: number): Diagnostic => ({
  severity: 'error',
  message: 'm',
  line,
  col,
});
const ranges = (list: Diagnostic[]) =>
  toLintDiagnostics(doc, list).map((d) => doc.sliceString(d.from, d.to));

describe('toLintDiagnostics', () => {
  it('underlines the token at the line and column', () => {
    expect(ranges([error(3, 12), error(4, 5), error(4, 12)])).toEqual(['hexgon', 'lable', '"a b"']);
  });

  it('keeps severity and message, in document order', () => {
    const [first, second] = toLintDiagnostics(doc, [
      { severity: 'warning', message: 'later', line: 4, col: 5 },
      { severity: 'error', message: 'first', line: 1, col: 1 },
    ]);
    expect(first).toMatchObject({ severity: 'error', message: 'first', from: 0, to: 5 });
    expect(second).toMatchObject({ severity: 'warning', message: 'later' });
  });

  it('underlines to the end of the line where no token starts', () => {
    expect(ranges([error(3, 11)])).toEqual([' hexgon']);
  });

  it('clamps positions the text no longer has', () => {
    const list = toLintDiagnostics(doc, [
      error(99, 3),
      error(2, 80),
      error(0, 0),
      error(Number.NaN, 1),
    ]);
    for (const d of list) {
      expect(d.from).toBeGreaterThanOrEqual(0);
      expect(d.to).toBeLessThanOrEqual(doc.length);
      expect(d.to).toBeGreaterThanOrEqual(d.from);
    }
    expect(ranges([error(2, 80)])).toEqual(['']);
    expect(ranges([error(0, 0)])).toEqual(['nodes']);
  });
});
