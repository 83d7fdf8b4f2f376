import { sets } from 'virtual:flowdeck/icons';
import { createIconCatalog } from './catalog.ts';

/** The app's icons: the sets bundled with it, fetched from its own files (offline). */
export const bundledIcons = createIconCatalog(sets, (url) =>
  fetch(url).then((response) => (response.ok ? response.json() : undefined)),
);

/** The prefixes of the bundled sets, for messages (`logos`, `mdi`, …). */
export const bundledPrefixes: readonly string[] = Object.keys(sets).sort();
