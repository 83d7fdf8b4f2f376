/**
 * Icons (issue 22): Iconify names (`logos:kubernetes`, `mdi:database`),
 * drawn from the `@iconify-json/*` sets bundled with the app and read from
 * node_modules by the CLI, never fetched from the internet. The core stays
 * pure: it never loads a set. Whoever renders (the CLI, the app) loads the
 * icons a diagram names and hands their data to the drawing functions.
 */

/** Where a node's icon goes relative to its label. */
export type IconPlacement = 'above' | 'beside' | 'only';

/** One icon's drawing, as an Iconify set stores it: SVG markup in a viewBox. */
export interface IconData {
  /** The inside of an `<svg>`: paths and shapes, no script, no external references. */
  body: string;
  /** The viewBox: `left top width height`. */
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Icons by full name (`prefix:name`), as loaded for one diagram. */
export type IconMap = ReadonlyMap<string, IconData>;

/**
 * What a renderer knows of the bundled sets: loads the icons named (those it
 * knows; unknown names are left out of the map), and tells which names
 * exist (for warnings, suggestions and completion).
 */
export interface IconCatalog {
  load(names: readonly string[]): Promise<Map<string, IconData>>;
  /** Every name of a set, `prefix:name`; empty for a set that is not bundled. */
  names(prefix: string): Promise<readonly string[]>;
}
