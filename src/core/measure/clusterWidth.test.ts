import { describe, expect, it } from 'vitest';
import { clusterWidth, isEmojiCluster } from './clusterWidth.ts';
import { createAdvanceTable } from './fontMetrics.ts';
import { PRETENDARD_REGULAR } from './metrics/pretendardRegular.ts';

const table = createAdvanceTable(PRETENDARD_REGULAR);
const em = PRETENDARD_REGULAR.unitsPerEm;

describe('isEmojiCluster', () => {
  it('knows emoji-by-default characters and emoji sequences', () => {
    for (const emoji of ['😀', '🇰🇷', '👍🏽', '👨‍👩‍👧', '1️⃣', '#️⃣', '❤️', '©️', '⬜']) {
      expect(isEmojiCluster(emoji), emoji).toBe(true);
    }
  });

  it('leaves text-style characters to the font', () => {
    for (const text of ['©', '™', '→', '❤', '😀\u{FE0E}', 'A', '가', '1']) {
      expect(isEmojiCluster(text), text).toBe(false);
    }
  });
});

describe('clusterWidth', () => {
  it("uses the font's advance for what it maps", () => {
    expect(clusterWidth('가', table)).toBe(1770);
    expect(clusterWidth('A', table)).toBe(1322);
    expect(clusterWidth(' ', table)).toBe(514);
  });

  it('adds combining marks the font has (zero-width) to their base', () => {
    expect(clusterWidth('e\u0301', table)).toBe(clusterWidth('e', table));
  });

  it('gives missing characters the fallback widths', () => {
    expect(clusterWidth('😀', table)).toBe(1.25 * em);
    expect(clusterWidth('漢', table)).toBe(em);
    expect(clusterWidth('\u1100\u1161\u11A8', table)).toBe(em); // 각 from conjoining jamo
    expect(clusterWidth('ก', table)).toBe(Math.round(0.6 * em)); // Thai
    expect(clusterWidth('❤', table)).toBe(1.25 * em); // text-style, but no glyph in Pretendard
    expect(clusterWidth('😀\u{FE0E}', table)).toBe(1.25 * em);
  });

  it('gives invisible characters no width', () => {
    for (const invisible of ['\u00AD', '\u200B', '\u200D', '\u2060', '\u0007', '\u{FE0F}']) {
      expect(clusterWidth(invisible, table), invisible.codePointAt(0)?.toString(16)).toBe(0);
    }
  });
});
