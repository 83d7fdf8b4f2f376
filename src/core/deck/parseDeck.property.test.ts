import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { isDeckSource } from './isDeckSource.ts';
import { parseDeck } from './parseDeck.ts';
import type { DeckParseResult } from './types.ts';

function expectSound(result: DeckParseResult): void {
  for (const d of result.diagnostics) {
    expect(d.message).not.toMatch(/internal error/);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.col).toBeGreaterThanOrEqual(1);
  }
  for (const entry of result.deck?.entries ?? []) {
    expect(typeof entry.diagram).toBe('string');
    expect(entry.diagram.trim()).not.toBe('');
  }
}

const parse = (text: string) => parseDeck(text, { file: 'prop.yaml' });
const junk = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
const entry = fc.oneof(
  fc.constantFrom('cri-chain', 'a', '', ' '),
  fc.record(
    { diagram: fc.oneof(fc.constant('a'), junk), flow: junk, flw: junk },
    { requiredKeys: [] },
  ),
  junk,
  fc.array(junk, { maxLength: 2 }),
);
const deck = fc.record(
  {
    title: junk,
    description: junk,
    deck: fc.oneof({ weight: 4, arbitrary: fc.array(entry, { maxLength: 5 }) }, junk),
    extra: junk,
  },
  { requiredKeys: [] },
);

describe('parseDeck never throws', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expectSound(parse(text));
        isDeckSource(text);
      }),
      { numRuns: 500 },
    );
  });

  it('on any value written as YAML', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => expectSound(parse(stringify(value) ?? ''))),
      { numRuns: 300 },
    );
  });

  it('on deck-shaped values full of mistakes, and recognises them as decks', () => {
    fc.assert(
      fc.property(deck, (value) => {
        const text = stringify(value);
        expectSound(parse(text));
        if ('deck' in value) expect(isDeckSource(text)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
