import type { Model } from '../../model/types.ts';
import { isRawMap } from './readValue.ts';
import type { SpecIssue } from './specIssue.ts';

/**
 * A warning for each class in the YAML `classes:` map that no node or edge
 * uses: usually a typo on one side, or leftovers.
 *
 * @example unusedClassWarnings({ hot: {} }, model) // [{ severity: 'warning', message: 'class `hot` is never used', … }]
 */
export function unusedClassWarnings(rawClasses: unknown, model: Model): SpecIssue[] {
  if (!isRawMap(rawClasses)) return [];
  const used = new Set([...model.nodes, ...model.edges].flatMap((item) => item.classes));
  return Object.keys(rawClasses)
    .filter((name) => !used.has(name))
    .map((name) => ({
      severity: 'warning',
      message: `class \`${name}\` is never used`,
      path: ['classes', name],
      at: 'key',
    }));
}
