/** A grapheme cluster and its width (any unit, as long as it matches `maxWidth`). */
export interface Cluster {
  text: string;
  width: number;
}

/** Options for {@link wrapLine}. */
export interface WrapLineOptions {
  /** Widest a line may be, in the clusters' unit. */
  maxWidth: number;
}

const isSpace = (cluster: Cluster): boolean => cluster.text === ' ';

/** Splits clusters into alternating runs of words and runs of spaces. */
function toTokens(clusters: readonly Cluster[]): Cluster[][] {
  const tokens: Cluster[][] = [];
  let current: Cluster[] = [];
  for (const cluster of clusters) {
    const first = current[0];
    if (first !== undefined && isSpace(first) !== isSpace(cluster)) {
      tokens.push(current);
      current = [];
    }
    current.push(cluster);
  }
  if (current.length > 0) tokens.push(current);
  return tokens;
}

const sumWidths = (clusters: readonly Cluster[]): number =>
  clusters.reduce((sum, cluster) => sum + cluster.width, 0);

/**
 * Greedy line breaking of one hard line (no `\n` in it), the way CSS
 * `word-break: keep-all; overflow-wrap: anywhere` would: lines break only at
 * spaces (between words, and Korean eojeol), and a word wider than `maxWidth`
 * on its own line breaks between grapheme clusters as a last resort.
 *
 * Spaces at a break are dropped; leading spaces of the first line are kept;
 * trailing spaces are kept only if they fit. Every line is at most
 * `maxWidth` wide unless it holds a single cluster that is wider.
 * Returns at least one (possibly empty) line.
 *
 * @example
 * const clusters = [...'ab cd ef'].map((text) => ({ text, width: 1 }));
 * wrapLine(clusters, { maxWidth: 5 }); // the clusters of 'ab cd' and of 'ef'
 */
export function wrapLine(clusters: readonly Cluster[], options: WrapLineOptions): Cluster[][] {
  const { maxWidth } = options;
  const lines: Cluster[][] = [];
  let line: Cluster[] = [];
  let lineWidth = 0;
  let gap: Cluster[] = [];
  let gapWidth = 0;

  for (const token of toTokens(clusters)) {
    const first = token[0];
    if (first !== undefined && isSpace(first)) {
      gap = token;
      gapWidth = sumWidths(token);
      continue;
    }
    const wordWidth = sumWidths(token);
    if (line.length > 0 && lineWidth + gapWidth + wordWidth > maxWidth) {
      lines.push(line);
      line = [];
      lineWidth = 0;
      gap = [];
      gapWidth = 0;
    }
    if (lineWidth + gapWidth + wordWidth <= maxWidth) {
      line.push(...gap, ...token);
      lineWidth += gapWidth + wordWidth;
    } else {
      // Too wide even on a line of its own: break between clusters.
      for (const cluster of [...gap, ...token]) {
        if (line.length > 0 && lineWidth + cluster.width > maxWidth) {
          lines.push(line);
          line = [];
          lineWidth = 0;
        }
        line.push(cluster);
        lineWidth += cluster.width;
      }
    }
    gap = [];
    gapWidth = 0;
  }
  if (gap.length > 0 && lineWidth + gapWidth <= maxWidth) line.push(...gap);
  lines.push(line);
  return lines;
}
