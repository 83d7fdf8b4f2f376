import type { z } from 'zod';

/** A plain map from parsed YAML. */
export type RawMap = Readonly<Record<string, unknown>>;

/** True for a map (not a list, not null). */
export function isRawMap(value: unknown): value is RawMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The map's own value for `key`, never one inherited from Object.prototype. */
export function field(map: RawMap, key: string): unknown {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/**
 * The value when it fits the schema, else undefined. The readers use it to
 * take what is valid and skip the rest, which the schema has already reported.
 *
 * @example pick(ShapeSchema, 'cylindr') // undefined
 */
export function pick<T extends z.ZodType>(schema: T, value: unknown): z.output<T> | undefined {
  if (value === undefined) return undefined;
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** A string, or undefined; trailing newlines from `|` blocks are dropped. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value.replace(/\s+$/u, '') : undefined;
}

/** A list of strings from a list or a single string; other items are skipped. */
export function stringList(value: unknown): { item: string; index: number | undefined }[] {
  if (typeof value === 'string') return [{ item: value, index: undefined }];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) => (typeof item === 'string' ? [{ item, index }] : []));
}
