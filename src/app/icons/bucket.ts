import { hashString } from '../../core/layout/hash.ts';

/**
 * Which of a set's `count` files holds an icon (its name without the
 * prefix): the build (`src/build/iconSets.ts`) files each icon by it, the
 * app fetches by it, so one icon costs one small file, not the whole set.
 */
export function iconBucket(name: string, count: number): number {
  return Number.parseInt(hashString(name).slice(-6), 16) % count;
}

/** A bucket file's entries: an icon's body and viewBox, `[body, left, top, width, height]`. */
export type BucketEntry = [string, number, number, number, number];
