/**
 * The icon sets Flowdeck ships (`@iconify-json/<prefix>` from npm), the only
 * prefixes an icon name can use: product logos in their colours, brand
 * marks and generic symbols in the node's ink, and Font Awesome for
 * Mermaid's `fa:` labels.
 */
export const BUNDLED_ICON_SETS = [
  'logos',
  'simple-icons',
  'mdi',
  'fa6-solid',
  'fa6-brands',
] as const;

export type BundledIconSet = (typeof BUNDLED_ICON_SETS)[number];

export function isBundledIconSet(prefix: string): prefix is BundledIconSet {
  return (BUNDLED_ICON_SETS as readonly string[]).includes(prefix);
}
