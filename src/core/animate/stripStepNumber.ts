/*
 * Authors number their captions ("1. 사용자가 YAML 작성"), and so do the
 * Mermaid charts whose labels become a default flow's captions. A place
 * that shows a step number beside the caption would show it twice.
 */

// The number written before a caption, in the ways people write it:
// `1.` `1)` `1:` `(1)` `[1]` `1 -` `Step 1:` `1단계:`. A `.` or `:` needs a
// space after it, so "1.5 GB" and "3:30" stay whole.
const WRITTEN = [
  /^\s*(\d+)[.:．：]\s+/u,
  /^\s*(\d+)[)）]\s*/u,
  /^\s*[(（\[](\d+)[)）\]]\s*/u,
  /^\s*(\d+)\s*[-–—]\s+/u,
  /^\s*step\s+(\d+)\s*[.:)\-–—]\s*/iu,
  /^\s*(\d+)\s*단계\s*[.:)\-–—]\s*/u,
];

// Circled numbers, each block with the number its first character stands for.
const CIRCLED: readonly { first: number; from: number; to: number }[] = [
  { first: 0x2460, from: 1, to: 20 }, // ① … ⑳
  { first: 0x3251, from: 21, to: 35 }, // ㉑ … ㉟
  { first: 0x32b1, from: 36, to: 50 }, // ㊱ … ㊿
  { first: 0x2776, from: 1, to: 10 }, // ❶ … ❿
  { first: 0x2780, from: 1, to: 10 }, // ➀ … ➉
  { first: 0x278a, from: 1, to: 10 }, // ➊ … ➓
  { first: 0x24f5, from: 1, to: 10 }, // ⓵ … ⓾
  { first: 0x24eb, from: 11, to: 20 }, // ⓫ … ⓴
  { first: 0x2474, from: 1, to: 20 }, // ⑴ … ⒇
  { first: 0x2488, from: 1, to: 20 }, // ⒈ … ⒛
];

/** The number a caption starts with and how many characters it takes, if it starts with one. */
export function leadingNumber(caption: string): { value: number; length: number } | null {
  for (const pattern of WRITTEN) {
    const match = pattern.exec(caption);
    if (match?.[1]) return { value: Number(match[1]), length: match[0].length };
  }
  const lead = /^\s*/.exec(caption)?.[0].length ?? 0;
  const code = caption.codePointAt(lead) ?? 0;
  for (const { first, from, to } of CIRCLED) {
    const value = from + code - first;
    if (value >= from && value <= to) {
      const rest = caption.slice(lead + 1);
      return { value, length: caption.length - rest.trimStart().length };
    }
  }
  return null;
}

/**
 * The caption without its leading step number when that number is the one
 * shown beside it (`number`, 1-based), so it reads once. A caption that starts
 * with another number, or is nothing but the number, stays as it is.
 *
 * @example
 * stripStepNumber('1. 사용자가 YAML 작성', 1); // '사용자가 YAML 작성'
 * stripStepNumber('② kubectl apply', 2); // 'kubectl apply'
 * stripStepNumber('3. API Server', 1); // '3. API Server'
 * stripStepNumber('1.5 GB of logs', 1); // '1.5 GB of logs'
 */
export function stripStepNumber(caption: string, number: number): string {
  const found = leadingNumber(caption);
  if (!found || found.value !== number) return caption;
  const rest = caption.slice(found.length);
  return rest.trim() === '' ? caption : rest;
}
