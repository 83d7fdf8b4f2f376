import { checkIcons } from '../../core/icons/checkIcons.ts';
import { iconPrefix, isIconName } from '../../core/icons/iconName.ts';
import type { IconCatalog } from '../../core/icons/types.ts';
import type { Diagnostic, ModelNode } from '../../core/model/types.ts';

/**
 * The core's warnings for icons no bundled set has (`checkIcons`), at the
 * line and column where each is written, with the closest names. The app
 * fetches a set's names index only when one of its names is missing: the
 * icons found are known without it.
 *
 * @example await iconWarnings(nodes, text, bundledIcons, bundledPrefixes)
 * // [{ severity: 'warning', line: 4, col: 11,
 * //    message: 'unknown icon "logos:kubernets" (did you mean "logos:kubernetes"?)', … }]
 */
export async function iconWarnings(
  nodes: readonly ModelNode[],
  text: string,
  catalog: IconCatalog,
  prefixes: readonly string[],
): Promise<Diagnostic[]> {
  const named = nodes.filter((node): node is ModelNode & { icon: string } => isIconName(node.icon));
  const found = await catalog.load(named.map((node) => node.icon));
  const missing = named.filter((node) => !found.has(node.icon));
  if (missing.length === 0) return [];
  const wanted = new Set(missing.map((node) => iconPrefix(node.icon)));
  const names = new Map(
    await Promise.all(
      prefixes.map(
        async (prefix) => [prefix, wanted.has(prefix) ? await catalog.names(prefix) : []] as const,
      ),
    ),
  );
  return checkIcons({ nodes: missing, names, text });
}
