import type { ArrowHead, LineStyle } from '../../model/types.ts';

/** What a link token (`-->`, `x-.-x`, `==>`…) asks for. */
export interface LinkKind {
  line: LineStyle;
  arrows: { start: ArrowHead; end: ArrowHead };
  /** Mermaid's link length: extra dashes, dots or equals signs. */
  length: number;
  /** The start (`<-- text`) and end (`--- B`) disagree; Mermaid draws a broken link. */
  mismatched: boolean;
}

type Stroke = 'normal' | 'thick' | 'dotted' | 'invisible';

const HEADS: Readonly<Record<string, ArrowHead>> = {
  '>': 'arrow',
  '<': 'arrow',
  x: 'cross',
  o: 'circle',
};
const LINES: Readonly<Record<Stroke, LineStyle>> = {
  normal: 'solid',
  thick: 'thick',
  dotted: 'dashed',
  invisible: 'invisible',
};
/** Mermaid caps link lengths at 10 ranks. */
const MAX_LENGTH = 10;

/**
 * Reads a link the way Mermaid does. `start` is the opening half of a
 * labelled link (`<--` in `A <-- text --> B`).
 *
 * @example readLink('--->') // { line: 'solid', arrows: { start: 'none', end: 'arrow' }, length: 2, … }
 */
export function readLink(end: string, start?: string): LinkKind {
  const tail = readEnd(end.trim());
  let startHead: ArrowHead = tail.double ? tail.head : 'none';
  let mismatched = false;
  if (start !== undefined) {
    const head = readStart(start.trim());
    mismatched =
      head.stroke !== tail.stroke ||
      (head.head !== 'none' && (head.head !== tail.head || tail.double));
    if (head.head !== 'none') startHead = head.head;
  }
  const invisible = tail.stroke === 'invisible';
  return {
    line: LINES[tail.stroke],
    arrows: invisible ? { start: 'none', end: 'none' } : { start: startHead, end: tail.head },
    length: Math.min(tail.length, MAX_LENGTH),
    mismatched,
  };
}

function readEnd(text: string): {
  head: ArrowHead;
  double: boolean;
  stroke: Stroke;
  length: number;
} {
  const last = text.slice(-1);
  let line = text.slice(0, -1);
  const head = HEADS[last] ?? 'none';
  const opener = last === '>' ? '<' : last;
  const double = head !== 'none' && text.startsWith(opener);
  if (double) line = line.slice(1);
  let stroke: Stroke = 'normal';
  let length = line.length - 1;
  if (line.startsWith('=')) stroke = 'thick';
  if (line.startsWith('~')) stroke = 'invisible';
  const dots = [...line].filter((c) => c === '.').length;
  if (dots > 0) {
    stroke = 'dotted';
    length = dots;
  }
  return { head, double, stroke, length };
}

function readStart(text: string): { head: ArrowHead; stroke: Stroke } {
  const first = text.charAt(0);
  const head: ArrowHead =
    first === '<' ? 'arrow' : first === 'x' ? 'cross' : first === 'o' ? 'circle' : 'none';
  let stroke: Stroke = 'normal';
  if (text.includes('=')) stroke = 'thick';
  if (text.includes('.')) stroke = 'dotted';
  return { head, stroke };
}
