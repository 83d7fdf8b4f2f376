import type { IconData } from './types.ts';

/** An Iconify set as its `icons.json` stores it (the parts read here). */
export interface IconSet {
  prefix: string;
  icons: Record<string, IconSetEntry>;
  aliases?: Record<string, IconSetAlias>;
  width?: number;
  height?: number;
  left?: number;
  top?: number;
}

export interface IconSetEntry {
  body: string;
  width?: number;
  height?: number;
  left?: number;
  top?: number;
  hidden?: boolean;
}

export interface IconSetAlias extends Omit<IconSetEntry, 'body'> {
  parent: string;
  hFlip?: boolean;
  vFlip?: boolean;
  /** Quarter turns. */
  rotate?: number;
}

/** Iconify's default viewBox size, when neither the icon nor its set gives one. */
const DEFAULT_SIZE = 16;
/** Aliases of aliases go this deep at most (a cycle ends here too). */
const MAX_ALIAS_DEPTH = 8;

/**
 * One icon of a set, by its name inside the set, as drawing data: aliases
 * followed (their own size and flips applied), set-wide sizes filled in.
 * Undefined when the set has no such icon.
 *
 * @example resolveIcon(mdiSet, 'database') // { body: '<path …/>', left: 0, top: 0, width: 24, height: 24 }
 */
export function resolveIcon(set: IconSet, name: string): IconData | undefined {
  const chain: IconSetAlias[] = [];
  let current = name;
  for (let depth = 0; depth <= MAX_ALIAS_DEPTH; depth++) {
    const icon = Object.hasOwn(set.icons, current) ? set.icons[current] : undefined;
    if (icon) return applyAliases(withSize(set, icon), chain);
    const alias =
      set.aliases && Object.hasOwn(set.aliases, current) ? set.aliases[current] : undefined;
    if (!alias) return undefined;
    chain.unshift(alias);
    current = alias.parent;
  }
  return undefined;
}

/** Every name a set can resolve, shown ones only (hidden icons are old names kept for files that use them). */
export function iconSetNames(set: IconSet): string[] {
  const names: string[] = [];
  for (const [name, icon] of Object.entries(set.icons)) if (!icon.hidden) names.push(name);
  for (const [name, alias] of Object.entries(set.aliases ?? {}))
    if (!alias.hidden && !alias.hFlip && !alias.vFlip && !alias.rotate) names.push(name);
  return names;
}

function withSize(set: IconSet, icon: IconSetEntry): IconData {
  return {
    body: icon.body,
    left: icon.left ?? set.left ?? 0,
    top: icon.top ?? set.top ?? 0,
    width: icon.width ?? set.width ?? DEFAULT_SIZE,
    height: icon.height ?? set.height ?? DEFAULT_SIZE,
  };
}

/** Applies aliases from the icon outwards: each may resize and flip or turn what it names. */
function applyAliases(icon: IconData, chain: readonly IconSetAlias[]): IconData {
  let out = icon;
  for (const alias of chain) {
    out = {
      body: out.body,
      left: alias.left ?? out.left,
      top: alias.top ?? out.top,
      width: alias.width ?? out.width,
      height: alias.height ?? out.height,
    };
    const turn = transform(out, alias);
    if (turn) out = { ...out, body: `<g transform="${turn}">${out.body}</g>` };
  }
  return out;
}

/** The flip and rotation of an alias about the viewBox's centre, or '' when none. */
function transform(icon: IconData, alias: IconSetAlias): string {
  const parts: string[] = [];
  const cx = icon.left + icon.width / 2;
  const cy = icon.top + icon.height / 2;
  const quarter = (((alias.rotate ?? 0) % 4) + 4) % 4;
  if (quarter) parts.push(`rotate(${quarter * 90} ${cx} ${cy})`);
  if (alias.hFlip || alias.vFlip) {
    const sx = alias.hFlip ? -1 : 1;
    const sy = alias.vFlip ? -1 : 1;
    parts.push(`translate(${cx} ${cy}) scale(${sx} ${sy}) translate(${-cx} ${-cy})`);
  }
  return parts.join(' ');
}
