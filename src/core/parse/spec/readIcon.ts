import { z } from 'zod';
import { ICON_SIZE, iconNameWarning } from '../../icons/iconName.ts';
import type { ModelNode } from '../../model/types.ts';
import { field, isRawMap, pick, text } from './readValue.ts';
import type { SpecIssue, SpecPath } from './specIssue.ts';
import { ICON_PLACEMENTS } from './specSchema.ts';

type IconFields = Pick<ModelNode, 'icon' | 'iconPlacement' | 'iconSize'>;

const Placement = z.enum(ICON_PLACEMENTS);
const Size = z.number().min(ICON_SIZE.min).max(ICON_SIZE.max);

/**
 * A node's `icon:`, a name or `{ name, placement, size }`. A value that is
 * no icon name (a URL, a script, a huge paste) is a warning at the name and
 * no icon: the node is drawn as if it had none. Whether a set has the name
 * is the icon catalog's to say, not the parser's.
 *
 * @example readIcon({ icon: { name: 'mdi:database', size: 24 } }, ['nodes', 'db'], []) // { icon: 'mdi:database', iconSize: 24 }
 */
export function readIcon(
  fields: Readonly<Record<string, unknown>>,
  path: SpecPath,
  issues: SpecIssue[],
): IconFields {
  const value = field(fields, 'icon');
  const object = isRawMap(value);
  const name = text(object ? field(value, 'name') : value);
  if (name === undefined) return {};
  const namePath = object ? [...path, 'icon', 'name'] : [...path, 'icon'];
  const warning = iconNameWarning(name);
  if (warning !== undefined) {
    issues.push({ severity: 'warning', message: warning, path: namePath });
    return {};
  }
  if (!object) return { icon: name };
  const placement = pick(Placement, field(value, 'placement'));
  const size = pick(Size, field(value, 'size'));
  return {
    icon: name,
    ...(placement === undefined ? {} : { iconPlacement: placement }),
    ...(size === undefined ? {} : { iconSize: size }),
  };
}
