import { describe, expect, it } from 'vitest';
import { createAutoEdgeIds } from './autoEdgeIds.ts';

describe('createAutoEdgeIds', () => {
  it('numbers repeated pairs from 2 and skips ids already taken', () => {
    const taken = new Set(['a->b#3']);
    const next = createAutoEdgeIds(taken);
    expect([
      next('a', 'b'),
      next('a', 'b'),
      next('b', 'a'),
      next('a', 'b'),
      next('a', 'b'),
    ]).toEqual(['a->b', 'a->b#2', 'b->a', 'a->b#4', 'a->b#5']);
    expect(taken.has('a->b#5')).toBe(true);
  });
});
