/**
 * Edit distance between two strings, by code point, where swapping two
 * neighbours counts as one edit (`lable` is one edit from `label`). With
 * `bound`, any distance above it comes back as `bound + 1`, sooner.
 */
export function editDistance(a: string, b: string, bound = Number.POSITIVE_INFINITY): number {
  return boundedDistance(codePoints(a), codePoints(b), bound);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** The string itself when each unit is a code point (no copy), else its code points. */
function codePoints(text: string): ArrayLike<string> {
  return SURROGATE.test(text) ? [...text] : text;
}

function boundedDistance(s: ArrayLike<string>, t: ArrayLike<string>, bound: number): number {
  // The distance is at least the difference in length.
  if (Math.abs(s.length - t.length) > bound) return bound + 1;
  // Three rows, not the whole table: the swap looks two rows back.
  let before: number[] = [];
  let up: number[] = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row: number[] = [i];
    let least = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      row[j] = best;
      least = Math.min(least, best);
    }
    // Every path to the end goes through this row, and no edit lowers a cost.
    if (least > bound) return bound + 1;
    before = up;
    up = row;
  }
  return up[t.length] ?? 0;
}

/**
 * Past this many characters a word is no typo worth a suggestion, and
 * comparing it with every id would take seconds (a 100 000-character id in
 * an edge of a 5000-node spec took minutes).
 */
const MAX_WORD_LENGTH = 100;

/**
 * The candidate closest to `word`, if it is close enough to be a likely typo.
 *
 * @example suggest('shap', ['shape', 'label']) // 'shape'
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > MAX_WORD_LENGTH) return undefined;
  const lower = codePoints(word.toLowerCase());
  const limit = Math.max(1, Math.floor(Math.max(word.length, 3) / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    // Only a distance within the limit and below the best so far matters.
    const bound = Math.min(limit, bestDistance - 1);
    // A cheap bound first: a code point is one or two UTF-16 units.
    if (candidate.length < lower.length - bound || candidate.length / 2 > lower.length + bound)
      continue;
    const distance = boundedDistance(lower, codePoints(candidate.toLowerCase()), bound);
    if (distance <= bound) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
