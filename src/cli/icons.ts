import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { iconLocalName, iconPrefix, isIconName } from '../core/icons/iconName.ts';
import { type IconSet, iconSetNames, resolveIcon } from '../core/icons/resolve.ts';
import { isBundledIconSet } from '../core/icons/sets.ts';
import type { IconCatalog, IconData, IconMap } from '../core/icons/types.ts';

/**
 * The bundled icon sets as the CLI reads them: `@iconify-json/<set>/icons.json`
 * from node_modules, never the network, each set read once per catalog and
 * only when a diagram names one of its icons (logos alone is 8.7 MB).
 *
 * @example const icons = await createIconCatalog().load(['logos:kubernetes'])
 */
export function createIconCatalog(): IconCatalog {
  const require = createRequire(import.meta.url);
  const sets = new Map<string, Promise<IconSet | null>>();
  const read = (prefix: string): Promise<IconSet | null> => {
    if (!isBundledIconSet(prefix)) return Promise.resolve(null);
    let set = sets.get(prefix);
    if (!set) {
      const path = require.resolve(`@iconify-json/${prefix}/icons.json`);
      set = readFile(path, 'utf8').then((text) => JSON.parse(text) as IconSet);
      sets.set(prefix, set);
    }
    return set;
  };
  return {
    async load(names) {
      const icons = new Map<string, IconData>();
      for (const name of new Set(names)) {
        if (!isIconName(name)) continue;
        const set = await read(iconPrefix(name));
        const icon = set && resolveIcon(set, iconLocalName(name));
        if (icon) icons.set(name, icon);
      }
      return icons;
    },
    async names(prefix) {
      const set = await read(prefix);
      return set ? iconSetNames(set).map((name) => `${prefix}:${name}`) : [];
    },
  };
}

/** The icons `nodes` name, loaded: what the SVG writers take as `icons`. */
export function loadIcons(
  catalog: IconCatalog,
  nodes: readonly { icon?: string }[],
): Promise<IconMap> {
  return catalog.load(nodes.flatMap((n) => (n.icon ? [n.icon] : [])));
}

/**
 * The names of each bundled set `nodes` use, for `checkIcons`: those a set
 * lists, and the old names it hides from lists but still draws.
 */
export async function usedSetNames(
  catalog: IconCatalog,
  nodes: readonly { icon?: string }[],
): Promise<Map<string, readonly string[]>> {
  const used = nodes.flatMap((n) => (isIconName(n.icon) ? [n.icon] : []));
  const drawn = await catalog.load(used);
  const names = new Map<string, readonly string[]>();
  for (const prefix of new Set(used.map(iconPrefix))) {
    if (!isBundledIconSet(prefix)) continue;
    const hidden = [...drawn.keys()].filter((name) => iconPrefix(name) === prefix);
    names.set(prefix, [...(await catalog.names(prefix)), ...hidden]);
  }
  return names;
}
