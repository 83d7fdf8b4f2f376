import { attrs, num } from '../export/xml.ts';
import type { Box } from '../layout/types.ts';
import { isIconName } from './iconName.ts';
import type { IconData, IconMap } from './types.ts';

/**
 * The id of an icon's `<symbol>` in a file whose ids start with `p`. Icon
 * names hold only `a-z`, `0-9`, `-` and one `:` (`isIconName`), so the id
 * is the name with `_` for the colon, unique and safe as it is.
 */
export function iconId(p: string, name: string): string {
  return `${p}-i-${name.replace(':', '_')}`;
}

/**
 * One `<symbol>` per icon, for a file's `<defs>`: each icon is written once
 * however many nodes draw it. Pass only the icons the file draws
 * (`usedIcons`), so a file grows by those alone. Ids inside an icon (a
 * logo's gradients) get the file's prefix, so two files inlined in one page
 * keep theirs apart.
 *
 * @example iconDefs(new Map([['mdi:database', data]]), 'fd-x') // '<symbol id="fd-x-i-mdi_database" viewBox="0 0 24 24">…</symbol>'
 */
export function iconDefs(icons: IconMap, p: string): string {
  let out = '';
  for (const [name, icon] of [...icons].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!isIconName(name)) continue;
    const view = [icon.left, icon.top, icon.width, icon.height].map(num).join(' ');
    out += `<symbol id="${iconId(p, name)}" viewBox="${view}">${scopeIds(icon.body, `${p}-`)}</symbol>`;
  }
  return out;
}

/**
 * A node's icon drawn into its `iconBox`, in the node's ink: monochrome sets
 * paint with `currentColor`, which the `<use>` sets; multicolour logos keep
 * their colours. The symbol's viewBox fits the icon into the box, centred.
 */
export function useIcon(name: string, box: Box, p: string, paint: { ink: string }): string {
  if (!isIconName(name)) return '';
  const { x, y, width, height } = box;
  return `<use${attrs({ class: 'ic', href: `#${iconId(p, name)}`, x, y, width, height, color: paint.ink })}/>`;
}

/**
 * The icons of `icons` that some node of `nodes` names and has room for,
 * by name: what `iconDefs` should write for a file drawing those nodes.
 */
export function usedIcons(
  nodes: Iterable<{ icon?: string; iconBox?: Box }>,
  icons: IconMap | undefined,
): Map<string, IconData> {
  const used = new Map<string, IconData>();
  if (!icons) return used;
  for (const node of nodes) {
    const data = node.icon && node.iconBox ? icons.get(node.icon) : undefined;
    if (node.icon && data) used.set(node.icon, data);
  }
  return used;
}

/** Every `id="…"` in `body`, and the references to it, with `prefix` in front. */
function scopeIds(body: string, prefix: string): string {
  const ids = [...body.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1] as string);
  if (ids.length === 0) return body;
  const known = new Set(ids);
  return body
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (all, id: string) =>
      known.has(id) ? `url(#${prefix}${id})` : all,
    )
    .replace(/href="#([^"]+)"/g, (all, id: string) =>
      known.has(id) ? `href="#${prefix}${id}"` : all,
    );
}
