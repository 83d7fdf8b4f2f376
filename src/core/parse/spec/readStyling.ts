import type { Style } from '../../model/types.ts';
import { field, pick, type RawMap, stringList } from './readValue.ts';
import { issueWithSuggestion, type SpecIssue, type SpecPath } from './specIssue.ts';
import { StyleSchema } from './specSchema.ts';

/** Classes and style of a node or an edge. */
export interface Styling {
  classes: string[];
  style: Style;
  issues: SpecIssue[];
}

/**
 * Reads `class`, `classes` and `style`, checking that each class is defined.
 *
 * @example readStyling({ class: 'hot' }, ['nodes', 'a'], new Set(['hot'])).classes // ['hot']
 */
export function readStyling(map: RawMap, path: SpecPath, classNames: ReadonlySet<string>): Styling {
  const issues: SpecIssue[] = [];
  const classes: string[] = [];
  const refs = [
    ...stringList(field(map, 'class')).map(({ item }) => ({ item, at: [...path, 'class'] })),
    ...stringList(field(map, 'classes')).map(({ item, index }) => ({
      item,
      at: index === undefined ? [...path, 'classes'] : [...path, 'classes', index],
    })),
  ];
  for (const { item, at } of refs) {
    if (!classNames.has(item)) {
      issues.push(
        issueWithSuggestion(
          { severity: 'error', message: `unknown class \`${item}\``, path: at },
          item,
          classNames,
        ),
      );
    } else if (!classes.includes(item)) {
      classes.push(item);
    }
  }
  // Parsed YAML has no `undefined` values, so zod's optional fields are absent, not undefined.
  const style = (pick(StyleSchema, field(map, 'style')) ?? {}) as Style;
  return { classes, style, issues };
}
