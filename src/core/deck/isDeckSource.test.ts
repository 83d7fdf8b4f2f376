import { describe, expect, it } from 'vitest';
import { isDeckSource } from './isDeckSource.ts';

describe('isDeckSource', () => {
  it('is true for a top-level `deck:` key', () => {
    expect(isDeckSource('deck:\n  - a\n')).toBe(true);
    expect(isDeckSource('# yaml-language-server: x\ntitle: t\ndeck: [a, b]\n')).toBe(true);
    expect(isDeckSource('title: t\r\ndeck:\r\n  - a\r\n')).toBe(true);
    expect(isDeckSource('\uFEFFdeck:\n  - a')).toBe(true);
    expect(isDeckSource('"deck" : []')).toBe(true);
    expect(isDeckSource('deck:')).toBe(true);
  });

  it('is false for diagram specs, nested keys, comments and longer keys', () => {
    expect(isDeckSource('nodes:\n  deck: Deck\n')).toBe(false);
    expect(isDeckSource('# deck: not a key\nnodes: {}\n')).toBe(false);
    expect(isDeckSource('decks:\n  - a\n')).toBe(false);
    expect(isDeckSource('deck-of-cards: 1\n')).toBe(false);
    expect(isDeckSource('description: |\n  deck: in a block\n')).toBe(false);
    expect(isDeckSource('flowchart TB\n  deck --> x\n')).toBe(false);
    expect(isDeckSource('')).toBe(false);
  });
});
