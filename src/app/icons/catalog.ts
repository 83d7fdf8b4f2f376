import type { IconCatalog, IconData } from '../../core/icons/types.ts';
import { type BucketEntry, iconBucket } from './bucket.ts';

/** Where a set's files are (`src/build/iconsPlugin.ts`). */
export type IconSets = Readonly<Record<string, { url: string; buckets: number }>>;

/** Reads a JSON file of the app; undefined when it cannot be had. */
export type FetchJson = (url: string) => Promise<unknown>;

/** `prefix:name` as the spec allows it (core/icons checks and warns; this only guards the fetch). */
const NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*):([a-z0-9]+(?:-[a-z0-9]+)*)$/;

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
    const match = name.length <= 64 ? NAME.exec(name) : null;
    const set = match ? sets[match[1] ?? ''] : undefined;
    if (!match || !set || !Object.hasOwn(sets, match[1] ?? '')) return undefined;
    const icon = match[2] ?? '';
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
