import { editDistance } from '../model/suggest.ts';
import { ICON_NAME_MAX, iconLocalName, iconPrefix } from './iconName.ts';

/**
 * Up to `max` names of `candidates` (full names, `prefix:name`) closest to
 * an unknown icon name: typos first (by edit distance within the set's
 * names), then names that start with or contain what was typed. Names of
 * other sets count when their own part is closest (`mdi:kubernetes` for
 * `mdi:kubernetes` typed in the wrong set).
 *
 * @example closestIcons('logos:kubernets', names) // ['logos:kubernetes']
 */
export function closestIcons(name: string, candidates: Iterable<string>, max = 3): string[] {
  if (name.length > ICON_NAME_MAX) return [];
  const prefix = iconPrefix(name);
  const local = iconLocalName(name);
  const limit = Math.max(1, Math.floor(Math.max(local.length, 3) / 3));
  const scored: { name: string; score: number }[] = [];
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const other = iconLocalName(candidate);
    // Another set's name costs one edit more than the same name in this set.
    const away = iconPrefix(candidate) === prefix ? 0 : 1;
    const distance = editDistance(local, other, limit) + away;
    let score = Number.POSITIVE_INFINITY;
    if (distance <= limit) score = distance;
    else if (local.length >= 3 && other.startsWith(local)) score = limit + 1 + away;
    else if (local.length >= 3 && other.includes(local)) score = limit + 2 + away;
    if (score === Number.POSITIVE_INFINITY) continue;
    scored.push({ name: candidate, score: score * 1000 + Math.abs(other.length - local.length) });
  }
  return scored
    .sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : 1))
    .slice(0, max)
    .map((s) => s.name);
}
