import { describe, expect, it } from 'vitest';
import { readLink } from './linkKind.ts';

describe('readLink', () => {
  it('reads line, heads and length from a link', () => {
    expect(readLink(' --> ')).toEqual({
      line: 'solid',
      arrows: { start: 'none', end: 'arrow' },
      length: 1,
      mismatched: false,
    });
    expect(readLink('<==>')).toMatchObject({
      line: 'thick',
      arrows: { start: 'arrow', end: 'arrow' },
    });
    expect(readLink('-...-')).toMatchObject({
      line: 'dashed',
      arrows: { start: 'none', end: 'none' },
      length: 3,
    });
    expect(readLink('~~~~')).toMatchObject({ line: 'invisible', length: 2 });
  });

  it('caps the length at 10, as Mermaid does', () => {
    expect(readLink(`${'-'.repeat(30)}>`).length).toBe(10);
  });

  it('combines the two halves of a labelled link', () => {
    expect(readLink(' -->', '<-- ')).toMatchObject({
      arrows: { start: 'arrow', end: 'arrow' },
      mismatched: false,
    });
    expect(readLink(' .->', '-. ')).toMatchObject({ line: 'dashed', mismatched: false });
    expect(readLink(' ==>', '-- ').mismatched).toBe(true);
    expect(readLink(' -->', 'x-- ').mismatched).toBe(true);
  });
});
