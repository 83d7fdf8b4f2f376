import type { IconCatalog } from '../../core/icons/types.ts';
import type { Diagnostic, ModelNode } from '../../core/model/types.ts';

/** `prefix:name` as the spec allows it; other values are the parser's to warn about. */
const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*:[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Edits between two short strings (Levenshtein). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost);
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

/** The name of `names` closest to `name`, if close enough to be a slip. */
function closest(name: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 4)) + 1;
  for (const candidate of names) {
    if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
    const d = distance(name, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Where `name` is written for the node: its first mention from the node's line on, else the node's place. */
function placeOf(name: string, node: ModelNode, lines: readonly string[]) {
  for (let i = Math.max(0, (node.pos?.line ?? 1) - 1); i < lines.length; i++) {
    const col = lines[i]?.indexOf(name) ?? -1;
    if (col >= 0) return { line: i + 1, col: col + 1 };
  }
  return node.pos ?? { line: 1, col: 1 };
}

/**
 * Warnings for icons no bundled set has, at the line and column where each
 * is written, with the closest name of its set when there is one; the node
 * still draws (a placeholder holds the icon's place). Names that are not
 * icon names at all are left to the parser.
 *
 * @example await iconWarnings(nodes, text, catalog, ['logos', 'mdi'])
 * // [{ severity: 'warning', line: 4, col: 11,
 * //    message: 'unknown icon "logos:kubernets" (did you mean "logos:kubernetes"?)', … }]
 */
export async function iconWarnings(
  nodes: readonly ModelNode[],
  text: string,
  catalog: IconCatalog,
  prefixes: readonly string[],
): Promise<Diagnostic[]> {
  const named = nodes.filter(
    (node): node is ModelNode & { icon: string } =>
      node.icon !== undefined && node.icon.length <= 64 && NAME.test(node.icon),
  );
  const found = await catalog.load(named.map((node) => node.icon));
  const lines = text.split('\n');
  const warnings: Diagnostic[] = [];
  const told = new Set<string>();
  for (const node of named) {
    if (found.has(node.icon) || told.has(node.icon)) continue;
    told.add(node.icon);
    const prefix = node.icon.slice(0, node.icon.indexOf(':'));
    const suggestion = prefixes.includes(prefix)
      ? closest(node.icon, await catalog.names(prefix))
      : undefined;
    const message = !prefixes.includes(prefix)
      ? `unknown icon set "${prefix}" in "${node.icon}" (the bundled sets are ${prefixes.join(', ')})`
      : suggestion
        ? `unknown icon "${node.icon}" (did you mean "${suggestion}"?)`
        : `unknown icon "${node.icon}"`;
    warnings.push({
      severity: 'warning',
      message,
      ...placeOf(node.icon, node, lines),
      ...(suggestion ? { suggestion } : {}),
    });
  }
  return warnings;
}
