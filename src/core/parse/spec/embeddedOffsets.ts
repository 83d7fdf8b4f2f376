import { type Document, isMap, isScalar, type LineCounter, Scalar } from 'yaml';

/** What to add to a position inside an embedded text to get one in the YAML file. */
export interface EmbeddedOffsets {
  lineOffset: number;
  colOffset: number;
  /**
   * False for a quoted or plain string over several lines: YAML folds its
   * lines, so positions inside it are only right on its first line.
   */
  exact: boolean;
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
  const node = lastValueAt(doc, path);
  if (!isScalar(node) || !node.range) return { lineOffset: 0, colOffset: 0, exact: true };
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
    return { lineOffset: line, colOffset: Number.isFinite(indent) ? indent : 0, exact: true };
  }
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  const exact = !/[\n\r]/.test(text.slice(start, end));
  return { lineOffset: line - 1, colOffset: col - 1 + (quoted ? 1 : 0), exact };
}

/**
 * The node at `path`, taking the last of equal keys as toJS does (the
 * text embedded is the last one's). `getIn` takes the first: a repeated
 * `mermaid:` placed the chart's diagnostics at the first one's lines.
 */
function lastValueAt(doc: Document, path: readonly string[]): unknown {
  let node: unknown = doc.contents;
  for (const key of path) {
    if (!isMap(node)) return undefined;
    const pair = node.items.findLast((p) => isScalar(p.key) && String(p.key.value) === key);
    node = pair?.value;
  }
  return node;
}
