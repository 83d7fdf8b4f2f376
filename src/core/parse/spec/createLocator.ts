import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Pair,
  Scalar,
  type YAMLMap,
} from 'yaml';
import type { SourcePos } from '../../model/types.ts';
import type { Locate } from './specIssue.ts';

interface Range {
  start: number;
  end: number;
}

function rangeOf(node: unknown): Range | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

/**
 * Where a character inside a scalar sits in the source, when it can be told
 * exactly: plain and quoted one-line scalars without escapes. Else the start.
 */
function offsetInScalar(node: unknown, text: string, offset: number): number | undefined {
  const range = rangeOf(node);
  if (!range || !isScalar(node)) return undefined;
  const source = text.slice(range.start, range.end);
  const value = String(node.value);
  if (node.type === Scalar.PLAIN && source === value) return range.start + offset;
  const quote =
    node.type === Scalar.QUOTE_DOUBLE ? '"' : node.type === Scalar.QUOTE_SINGLE ? "'" : '';
  if (quote && source === `${quote}${value}${quote}`) return range.start + 1 + offset;
  return undefined;
}

/**
 * A `Locate` for one parsed document: walks the path through the YAML nodes
 * and answers with the 1-based line and column of the key or the value. A
 * path that runs out (a missing key) answers with the deepest node found,
 * which is the map the key is missing from.
 *
 * @example createLocator(doc, lineCounter, text)(['nodes', 'etcd', 'shape'])
 */
export function createLocator(doc: Document, lineCounter: LineCounter, text: string): Locate {
  const position = (offset: number): SourcePos => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  // Each map's pairs by key, built on first use: a lookup per key would
  // otherwise scan the map, and a spec with thousands of nodes locates each.
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, segment: string | number): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      // The last of equal keys, as toJS keeps the last one's value.
      for (const pair of map.items) {
        if (isScalar(pair.key)) index.set(String(pair.key.value), pair as Pair);
      }
      indexes.set(map, index);
    }
    return index.get(String(segment));
  };
  return (path, at = 'value', offset) => {
    let node: unknown = doc.contents;
    let key: unknown;
    let best = rangeOf(node)?.start ?? 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = pairOf(node, segment);
        if (!pair) return position(best);
        key = pair.key;
        node = pair.value;
        best = rangeOf(key)?.start ?? best;
        // `key:` with nothing after it: the value has no place of its own.
        if (
          node === null ||
          (isScalar(node) && node.value === null && rangeOf(node)?.start === rangeOf(node)?.end)
        ) {
          node = undefined;
          continue;
        }
      } else if (isSeq(node) && typeof segment === 'number') {
        key = undefined;
        node = node.items[segment];
        if (node === undefined) return position(best);
      } else {
        return position(best);
      }
      best = rangeOf(node)?.start ?? best;
    }
    const target = at === 'key' && key !== undefined ? key : node;
    const start = rangeOf(target)?.start ?? best;
    if (offset === undefined) return position(start);
    return position(offsetInScalar(target, text, offset) ?? start);
  };
}
