import { describe, expect, it } from 'vitest';
import { createAdvanceTable, type FontMetrics, lookupAdvance } from './fontMetrics.ts';
import { PRETENDARD_REGULAR } from './metrics/pretendardRegular.ts';
import { PRETENDARD_SEMIBOLD } from './metrics/pretendardSemibold.ts';

const tiny: FontMetrics = {
  family: 'Tiny',
  weight: 400,
  source: 'none',
  sha256: '',
  unitsPerEm: 1000,
  ascender: 800,
  descender: -200,
  lineGap: 0,
  // 32 (one, 250), 65..67 (three, 600), 0xAC00 (one, 900)
  runs: [32, 1, 250, 32, 3, 600, 0xac00 - 68, 1, 900],
};

describe('lookupAdvance', () => {
  const table = createAdvanceTable(tiny);

  it('decodes gap-encoded runs', () => {
    expect([...table.starts]).toEqual([32, 65, 0xac00]);
    expect(lookupAdvance(table, 32)).toBe(250);
    expect(lookupAdvance(table, 65)).toBe(600);
    expect(lookupAdvance(table, 67)).toBe(600);
    expect(lookupAdvance(table, 0xac00)).toBe(900);
  });

  it('says undefined for code points outside every run', () => {
    for (const codePoint of [0, 31, 33, 64, 68, 0xabff, 0xac01, 0x10ffff]) {
      expect(lookupAdvance(table, codePoint)).toBeUndefined();
    }
  });
});

describe('the shipped tables', () => {
  it('cover Latin, digits and all 11,172 Hangul syllables, but no Hanja', () => {
    for (const metrics of [PRETENDARD_REGULAR, PRETENDARD_SEMIBOLD]) {
      const table = createAdvanceTable(metrics);
      for (let cp = 0x20; cp < 0x7f; cp++) expect(lookupAdvance(table, cp)).toBeGreaterThan(0);
      for (let cp = 0xac00; cp <= 0xd7a3; cp++) expect(lookupAdvance(table, cp)).toBeGreaterThan(0);
      expect(lookupAdvance(table, 0x6f22)).toBeUndefined(); // 漢
    }
  });
});
