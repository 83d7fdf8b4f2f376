/**
 * The ids edges get when none is given (`a->b`, then `a->b#2`, `a->b#3`…),
 * for a whole diagram, in both formats. Each id it gives is added to `taken`, and
 * it remembers how far each pair's numbering got, so a thousand `a -> b`
 * edges cost a thousand lookups rather than half a million.
 *
 * @example const next = createAutoEdgeIds(new Set()); next('a', 'b'); next('a', 'b') // 'a->b#2'
 */
export function createAutoEdgeIds(taken: Set<string>): (source: string, target: string) => string {
  const nextSuffix = new Map<string, number>();
  return (source, target) => {
    const base = `${source}->${target}`;
    let id = base;
    if (taken.has(base)) {
      let n = nextSuffix.get(base) ?? 2;
      while (taken.has(`${base}#${n}`)) n++;
      nextSuffix.set(base, n + 1);
      id = `${base}#${n}`;
    }
    taken.add(id);
    return id;
  };
}
