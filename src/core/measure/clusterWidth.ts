import { type AdvanceTable, lookupAdvance } from './fontMetrics.ts';

/**
 * Width of an emoji cluster, in em. The browser draws emoji with the system's
 * emoji font, whose advance we cannot know: Noto Color Emoji is 1.245 em,
 * DejaVu Sans 1.04 em, others vary. Erring wide only leaves a little room in
 * the box; erring narrow would clip the label.
 */
export const EMOJI_WIDTH_EM = 1.25;

/** Width of a wide East Asian character the font lacks (Hanja, kana, jamo): CJK fonts draw these 1 em wide. */
export const WIDE_WIDTH_EM = 1;

/** Width of any other character the font lacks (other scripts, rare symbols): a typical text glyph. */
export const FALLBACK_WIDTH_EM = 0.6;

const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
const EXTENDED_PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const EMOJI_SEQUENCE_MARK = /[\u{FE0F}\u{20E3}\u{200D}]/u;
const TEXT_VARIATION = '\u{FE0E}';
// What the browser never draws: soft hyphen, ZWJ/ZWSP, variation selectors,
// controls (`\n` is split off before measuring; tabs are a parser's business).
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Cc}]$/u;
const COMBINING = /^\p{M}$/u;
// East Asian Wide and Fullwidth letters and punctuation (UAX #11), by script
// and by the CJK symbol blocks, enough for what Korean text meets.
const WIDE =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\p{Script=Yi}\u{2E80}-\u{303F}\u{3200}-\u{33FF}\u{FE30}-\u{FE4F}\u{FF01}-\u{FF60}\u{FFE0}-\u{FFE6}]$/u;

/**
 * Is this grapheme cluster drawn as a colour emoji? True for characters that
 * are emoji by default (this includes flags' regional indicators and skin
 * tones) and for VS16, keycap and ZWJ sequences, unless VS15 asks for text style.
 */
export function isEmojiCluster(cluster: string): boolean {
  if (cluster.includes(TEXT_VARIATION)) return false;
  if (EMOJI_PRESENTATION.test(cluster)) return true;
  return (
    EMOJI_SEQUENCE_MARK.test(cluster) &&
    (EXTENDED_PICTOGRAPHIC.test(cluster) || cluster.includes('\u{20E3}'))
  );
}

/**
 * Width of one grapheme cluster in font units of `table`.
 *
 * Rules, in order: emoji clusters are {@link EMOJI_WIDTH_EM}; a cluster whose
 * first code point the font maps is the sum of the font's advances of its code
 * points (marks the font lacks add nothing, invisible characters add nothing);
 * otherwise a fallback font draws the whole cluster: {@link EMOJI_WIDTH_EM}
 * for pictographs, {@link WIDE_WIDTH_EM} for wide East Asian characters,
 * {@link FALLBACK_WIDTH_EM} for anything else.
 *
 * @example
 * clusterWidth('가', REGULAR_TABLE); // 1770 (of 2048 units per em)
 */
export function clusterWidth(cluster: string, table: AdvanceTable): number {
  const em = table.unitsPerEm;
  if (isEmojiCluster(cluster)) return Math.round(EMOJI_WIDTH_EM * em);
  const first = cluster.codePointAt(0);
  if (first === undefined) return 0;
  const firstChar = String.fromCodePoint(first);
  if (lookupAdvance(table, first) === undefined && !INVISIBLE.test(firstChar)) {
    if (COMBINING.test(firstChar)) return 0;
    // A pictograph without VS16 may still get the emoji font; err wide.
    if (EXTENDED_PICTOGRAPHIC.test(firstChar)) return Math.round(EMOJI_WIDTH_EM * em);
    return Math.round((WIDE.test(firstChar) ? WIDE_WIDTH_EM : FALLBACK_WIDTH_EM) * em);
  }
  let units = 0;
  for (const char of cluster) {
    if (INVISIBLE.test(char)) continue;
    units += lookupAdvance(table, char.codePointAt(0) ?? 0) ?? 0;
  }
  return units;
}
