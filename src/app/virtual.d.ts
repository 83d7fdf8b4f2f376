/** `src/build/diagramsPlugin.ts`: the diagrams folder, and where its layouts are. */
declare module 'virtual:flowdeck/diagrams' {
  import type { LayoutManifest } from '../core/layoutSource.ts';
  /** Every diagram and deck of the folder, sorted by id (`diagrams/x.yaml`). */
  export const files: { file: string; text: string }[];
  /** In a build: each diagram's text hash and layout file per screen shape. Null in dev. */
  export const layouts: LayoutManifest | null;
  /** In dev: the server's on-demand layout URL. Null in a build. */
  export const endpoint: string | null;
}

/** `src/build/iconsPlugin.ts`: the bundled icon sets, cut into small files. */
declare module 'virtual:flowdeck/icons' {
  /** Per prefix: the folder of its files (`<n>.json`, `names.json`) and how many buckets. */
  export const sets: Record<string, { url: string; buckets: number }>;
}
