import { iconLocalName, iconPrefix, isIconName } from '../../core/icons/iconName.ts';
import type { IconCatalog, IconData } from '../../core/icons/types.ts';
import { type BucketEntry, iconBucket } from './bucket.ts';

/** Where a set's files are (`src/build/iconsPlugin.ts`). */
export type IconSets = Readonly<Record<string, { url: string; buckets: number }>>;

/** Reads a JSON file of the app; undefined when it cannot be had. */
export type FetchJson = (url: string) => Promise<unknown>;

/**
 * The bundled sets as the app reads them: an icon costs the one small bucket
 * file that holds it, fetched once and kept; a set's names index is fetched
 * only when asked for (completion, warnings). A file that fails is not kept,
 * so the next ask tries again.
 */
export function createIconCatalog(sets: IconSets, fetchJson: FetchJson): IconCatalog {
  const files = new Map<string, Promise<unknown>>();
  const read = (url: string) => {
    let file = files.get(url);
    if (!file) {
      file = fetchJson(url).catch(() => undefined);
      file.then((got) => got === undefined && files.delete(url));
      files.set(url, file);
    }
    return file;
  };
  const one = async (name: string): Promise<[string, IconData] | undefined> => {
    // Only an icon name ever becomes part of a URL.
    const set =
      isIconName(name) && Object.hasOwn(sets, iconPrefix(name))
        ? sets[iconPrefix(name)]
        : undefined;
    if (!set) return undefined;
    const icon = iconLocalName(name);
    const bucket = (await read(`${set.url}${iconBucket(icon, set.buckets)}.json`)) as
      | Record<string, BucketEntry>
      | undefined;
    const entry = bucket && Object.hasOwn(bucket, icon) ? bucket[icon] : undefined;
    if (!entry) return undefined;
    const [body, left, top, width, height] = entry;
    return [name, { body, left, top, width, height }];
  };
  return {
    async load(names) {
      const found = await Promise.all([...new Set(names)].map(one));
      return new Map(found.filter((entry) => entry !== undefined));
    },
    async names(prefix) {
      const set = Object.hasOwn(sets, prefix) ? sets[prefix] : undefined;
      const names = set ? await read(`${set.url}names.json`) : undefined;
      return Array.isArray(names) ? (names as string[]) : [];
    },
  };
}
