import type { Style } from '../model/types.ts';

/**
 * The style an element is drawn with: its classes' styles in the order the
 * classes were given (a later class wins), then its own style on top, as in
 * Mermaid's `classDef` + `style`. Every renderer uses this.
 *
 * @example resolveStyle({ classes: ['store'], style: { stroke: 'red' } }, { store: { fill: '#fef3c7' } })
 */
export function resolveStyle(
  element: { classes: readonly string[]; style: Style },
  classDefs: Readonly<Record<string, Style>>,
): Style {
  const merged: Style = {};
  for (const name of element.classes) Object.assign(merged, classDefs[name]);
  return Object.assign(merged, element.style);
}
