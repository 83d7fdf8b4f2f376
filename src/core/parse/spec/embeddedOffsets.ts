import { type Document, isScalar, type LineCounter, Scalar } from 'yaml';

/** What to add to a position inside an embedded text to get one in the YAML file. */
export interface EmbeddedOffsets {
  lineOffset: number;
  colOffset: number;
}

/**
 * Offsets that make diagnostics from text embedded in a YAML string (the
 * `mermaid:` block) point into the YAML file. Exact for `|` and `>` blocks
 * and for one-line scalars; a multi-line quoted string gets its first line.
 *
 * @example embeddedOffsets(doc, lineCounter, text, ['mermaid']) // { lineOffset: 4, colOffset: 2 }
 */
export function embeddedOffsets(
  doc: Document,
  lineCounter: LineCounter,
  text: string,
  path: readonly string[],
): EmbeddedOffsets {
  const node = doc.getIn(path, true);
  if (!isScalar(node) || !node.range) return { lineOffset: 0, colOffset: 0 };
  const [start, end] = node.range;
  const { line, col } = lineCounter.linePos(start);
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    // The block starts on the line after its `|` header, indented by the
    // least-indented line that has content.
    const lines = text.slice(start, end).split(/\r?\n/).slice(1);
    const indent = lines
      .filter((l) => l.trim() !== '')
      .reduce(
        (least, l) => Math.min(least, l.length - l.trimStart().length),
        Number.POSITIVE_INFINITY,
      );
    return { lineOffset: line, colOffset: Number.isFinite(indent) ? indent : 0 };
  }
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  return { lineOffset: line - 1, colOffset: col - 1 + (quoted ? 1 : 0) };
}
