import type { ArrowHead, LineStyle } from '../../model/types.ts';
import { parseEdgeExpression } from './edgeExpression.ts';
import { field, isRawMap, type RawMap } from './readValue.ts';
import type { SpecPath } from './specIssue.ts';

/** A place for a diagnostic: a path, key or value, and maybe a column inside the text. */
export interface Place {
  path: SpecPath;
  at: 'key' | 'value';
  offset?: number;
}

/** One edge as written, whatever the form, before ids and endpoints are checked. */
export interface EdgeDraft {
  source: string;
  target: string;
  sourceAt: Place;
  targetAt: Place;
  /** Where the edge itself is (its expression, or its map). */
  at: Place;
  /** The operator of an expression; undefined for the `{ from, to }` form. */
  operator: string | undefined;
  line: LineStyle;
  arrows: { start: ArrowHead; end: ArrowHead };
  /** The options map (label, line, arrows, id…) and where it is. */
  options: RawMap;
  optionsPath: SpecPath;
}

function fromExpression(expression: string, at: Place, options: RawMap, optionsPath: SpecPath) {
  const parsed = parseEdgeExpression(expression);
  if (!parsed) return [];
  const draft: EdgeDraft = {
    source: parsed.source,
    target: parsed.target,
    sourceAt: { ...at, offset: parsed.sourceOffset },
    targetAt: { ...at, offset: parsed.targetOffset },
    at,
    operator: parsed.operator,
    line: parsed.line,
    arrows: parsed.arrows,
    options,
    optionsPath,
  };
  return [draft];
}

function fromEntry(entry: unknown, path: SpecPath): EdgeDraft[] {
  if (typeof entry === 'string') return fromExpression(entry, { path, at: 'value' }, {}, path);
  if (!isRawMap(entry)) return [];
  if (Object.hasOwn(entry, 'from') || Object.hasOwn(entry, 'to')) {
    const source = field(entry, 'from');
    const target = field(entry, 'to');
    if (typeof source !== 'string' || typeof target !== 'string') return [];
    return [
      {
        source,
        target,
        sourceAt: { path: [...path, 'from'], at: 'value' },
        targetAt: { path: [...path, 'to'], at: 'value' },
        at: { path, at: 'value' },
        operator: undefined,
        line: 'solid',
        arrows: { start: 'none', end: 'arrow' },
        options: entry,
        optionsPath: path,
      },
    ];
  }
  // `a -> b: label` or `a -> b: { options }`. A map with several keys is
  // already an error; reading each key still spares flows false alarms.
  return Object.entries(entry).flatMap(([key, value]) => {
    const options = isRawMap(value) ? value : typeof value === 'string' ? { label: value } : {};
    const keyPath = [...path, key];
    return fromExpression(key, { path: keyPath, at: 'key' }, options, keyPath);
  });
}

/**
 * Every edge in an `edges:` list, in order, from any of its three forms.
 * Entries that can't be read are skipped: the schema has reported them.
 *
 * @example readEdgeEntries(['a -> b', { 'b ..> c': 'watch' }]).length // 2
 */
export function readEdgeEntries(raw: unknown): EdgeDraft[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry, index) => fromEntry(entry, ['edges', index]));
}
