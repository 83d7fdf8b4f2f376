import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type BucketEntry, iconBucket } from '../app/icons/bucket.ts';

/** A set as `@iconify-json/<set>/icons.json` stores it (the parts read here). */
export interface IconifyJson {
  prefix: string;
  icons: Record<string, IconifyIcon>;
  aliases?: Record<string, { parent: string } & Partial<IconifyIcon>>;
  left?: number;
  top?: number;
  width?: number;
  height?: number;
}
interface IconifyIcon {
  body: string;
  left?: number;
  top?: number;
  width?: number;
  height?: number;
  hidden?: boolean;
}

/** A set cut for the app: its bucket files and its names index, as JSON texts. */
export interface SplitSet {
  prefix: string;
  buckets: string[];
  names: string;
}

/** About this many bytes of JSON per bucket: a few KB gzipped per icon fetched. */
const BUCKET_BYTES = 16_000;

/** The icon sets the project depends on (`@iconify-json/*` in package.json), by prefix. */
export function bundledSets(root: string): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return Object.keys(pkg.dependencies ?? {})
    .filter((name) => name.startsWith('@iconify-json/'))
    .map((name) => name.slice('@iconify-json/'.length))
    .sort();
}

/** A bundled set's icons.json, parsed. */
export function readIconSet(root: string, set: string): IconifyJson {
  const require = createRequire(join(root, 'package.json'));
  return JSON.parse(readFileSync(require.resolve(`@iconify-json/${set}/icons.json`), 'utf8'));
}

/**
 * Every `id="…"` in an icon's body, and the references to it, named after
 * the icon: a page shows many icons inline, and two logos of a set may use
 * the same id for different gradients.
 */
function scopeIds(body: string, prefix: string): string {
  const ids = new Set([...body.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
  if (ids.size === 0) return body;
  return body
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (all, id: string) => (ids.has(id) ? `url(#${prefix}${id})` : all))
    .replace(/href="#([^"]+)"/g, (all, id: string) =>
      ids.has(id) ? `href="#${prefix}${id}"` : all,
    );
}

/**
 * Cuts a set into buckets of resolved icons (aliases become copies of their
 * parent, the set's default viewBox filled in, ids inside named after the
 * icon) filed by `iconBucket()`, and
 * a names index (`prefix:name`, hidden icons left out) for completion and
 * suggestions.
 */
export function splitIconSet(json: IconifyJson): SplitSet {
  const entries = new Map<string, BucketEntry>();
  const entry = (name: string, icon: Partial<IconifyIcon> & { body: string }): BucketEntry => [
    scopeIds(icon.body, `${json.prefix}-${name}-`),
    icon.left ?? json.left ?? 0,
    icon.top ?? json.top ?? 0,
    icon.width ?? json.width ?? 16,
    icon.height ?? json.height ?? 16,
  ];
  for (const [name, icon] of Object.entries(json.icons)) entries.set(name, entry(name, icon));
  const names = Object.keys(json.icons).filter((name) => !json.icons[name]?.hidden);
  for (const [name, alias] of Object.entries(json.aliases ?? {})) {
    let parent = alias.parent;
    // Aliases may point at aliases; a loop or a missing parent leaves the alias out.
    for (let hops = 0; hops < 8 && !json.icons[parent]; hops++) {
      parent = json.aliases?.[parent]?.parent ?? '';
    }
    const icon = json.icons[parent];
    if (!icon) continue;
    entries.set(name, entry(name, { ...icon, ...alias, body: icon.body }));
    names.push(name);
  }
  let size = 0;
  for (const [name, value] of entries) size += name.length + JSON.stringify(value).length;
  const count = Math.max(1, Math.ceil(size / BUCKET_BYTES));
  const buckets = Array.from({ length: count }, () => ({}) as Record<string, BucketEntry>);
  for (const [name, value] of entries) {
    const bucket = buckets[iconBucket(name, count)];
    if (bucket) bucket[name] = value;
  }
  return {
    prefix: json.prefix,
    buckets: buckets.map((bucket) => JSON.stringify(bucket)),
    names: JSON.stringify(names.sort().map((name) => `${json.prefix}:${name}`)),
  };
}
