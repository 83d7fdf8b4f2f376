import { describe, expect, it } from 'vitest';
import { resolveStyle } from './resolveStyle.ts';

describe('resolveStyle', () => {
  it('applies classes in order, then the element’s own style', () => {
    const classDefs = { a: { fill: '#111', stroke: '#222' }, b: { fill: '#333' } };
    expect(resolveStyle({ classes: ['a', 'b'], style: { stroke: 'red' } }, classDefs)).toEqual({
      fill: '#333',
      stroke: 'red',
    });
    expect(resolveStyle({ classes: ['unknown'], style: {} }, classDefs)).toEqual({});
  });
});
