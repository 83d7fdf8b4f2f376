import { describe, expect, it } from 'vitest';
import { SHAPES } from '../../model/types.ts';
import { shapeNames, shapeOfBrackets, shapeOfName } from './shapes.ts';

describe('shapes', () => {
  it('maps Mermaid short names and aliases exactly where we can draw them', () => {
    expect(shapeOfName('fr-rect')).toEqual({ kind: 'exact', shape: 'subroutine' });
    expect(shapeOfName('subproc')).toEqual({ kind: 'exact', shape: 'subroutine' });
    expect(shapeOfName('db')).toEqual({ kind: 'exact', shape: 'cylinder' });
    expect(shapeOfName('decision')).toEqual({ kind: 'exact', shape: 'diamond' });
    expect(shapeOfName('lean-r')).toEqual({ kind: 'exact', shape: 'parallelogram' });
    expect(shapeOfName('trap-t')).toEqual({ kind: 'exact', shape: 'trapezoid-alt' });
    expect(shapeOfName('odd')).toEqual({ kind: 'exact', shape: 'asymmetric' });
  });

  it('approximates the shapes we cannot draw', () => {
    expect(shapeOfName('docs')).toEqual({ kind: 'nearest', shape: 'document' });
    expect(shapeOfName('sm-circ')).toEqual({ kind: 'nearest', shape: 'circle' });
    expect(shapeOfName('nope')).toEqual({ kind: 'unknown' });
  });

  it('only ever yields shapes of the model', () => {
    for (const name of shapeNames()) {
      const resolved = shapeOfName(name);
      expect(resolved.kind === 'unknown' ? null : SHAPES.includes(resolved.shape)).toBe(true);
    }
    expect(shapeOfBrackets('lean_left')).toBe('parallelogram-alt');
  });
});
