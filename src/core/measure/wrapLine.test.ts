import { describe, expect, it } from 'vitest';
import { wrapLine } from './wrapLine.ts';

// One unit per character keeps the expectations countable by eye.
const clustersOf = (text: string) => [...text].map((char) => ({ text: char, width: 1 }));
const wrap = (text: string, maxWidth: number) =>
  wrapLine(clustersOf(text), { maxWidth }).map((line) => line.map((c) => c.text).join(''));

describe('wrapLine', () => {
  it('fills lines greedily and breaks at spaces', () => {
    expect(wrap('ab cd ef', 5)).toEqual(['ab cd', 'ef']);
    expect(wrap('ab cd ef', 4)).toEqual(['ab', 'cd', 'ef']);
    expect(wrap('ab cd ef', 8)).toEqual(['ab cd ef']);
  });

  it('drops the spaces at a break, keeps the others', () => {
    expect(wrap('ab   cd', 4)).toEqual(['ab', 'cd']);
    expect(wrap('ab  cd', 6)).toEqual(['ab  cd']);
  });

  it('keeps leading spaces, and trailing spaces only when they fit', () => {
    expect(wrap('  ab cd', 5)).toEqual(['  ab', 'cd']);
    expect(wrap('ab  ', 4)).toEqual(['ab  ']);
    expect(wrap('ab  ', 3)).toEqual(['ab']);
  });

  it('moves a long word to its own line, then breaks it between clusters', () => {
    expect(wrap('a bcdefgh ij', 3)).toEqual(['a', 'bcd', 'efg', 'h', 'ij']);
    expect(wrap('abcdefg hi', 3)).toEqual(['abc', 'def', 'g', 'hi']);
    expect(wrap('abcde f', 4)).toEqual(['abcd', 'e f']); // the rest of a cut word takes more words
  });

  it('puts at least one cluster on a line, however narrow', () => {
    expect(wrap('abc', 0)).toEqual(['a', 'b', 'c']);
    expect(wrapLine([{ text: '😀', width: 5 }], { maxWidth: 2 })).toHaveLength(1);
  });

  it('returns one empty line for no clusters', () => {
    expect(wrapLine([], { maxWidth: 10 })).toEqual([[]]);
  });
});
