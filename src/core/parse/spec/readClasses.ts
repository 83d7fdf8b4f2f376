import type { Style } from '../../model/types.ts';
import { isRawMap, pick } from './readValue.ts';
import { StyleSchema } from './specSchema.ts';

/**
 * The top-level `classes` map merged over the classes a Mermaid chart
 * defined: a name in both gets the Mermaid style with the YAML keys on top.
 *
 * @example readClasses({ hot: { fill: '#fee' } }, {}) // { hot: { fill: '#fee' } }
 */
export function readClasses(
  raw: unknown,
  base: Readonly<Record<string, Style>>,
): Record<string, Style> {
  const entries: [string, Style][] = Object.entries(base).map(([name, style]) => [
    name,
    { ...style },
  ]);
  if (isRawMap(raw)) {
    for (const [name, value] of Object.entries(raw)) {
      const style = (pick(StyleSchema, value) ?? {}) as Style;
      const at = entries.findIndex(([existing]) => existing === name);
      if (at >= 0) entries[at] = [name, { ...entries[at]?.[1], ...style }];
      else entries.push([name, style]);
    }
  }
  // fromEntries defines own properties, so a class named `__proto__` stays a class.
  return Object.fromEntries(entries);
}
