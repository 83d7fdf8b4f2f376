import { useEffect, useSyncExternalStore } from 'react';
import type { IconData, IconMap } from '../../core/icons/types.ts';
import { bundledIcons } from './bundledIcons.ts';

/** Icons the page has asked for: the drawing once loaded, null when the sets have no such icon. */
const loaded = new Map<string, IconData | null>();
const asked = new Set<string>();
const listeners = new Set<() => void>();

function ask(name: string) {
  if (asked.has(name)) return;
  asked.add(name);
  void bundledIcons.load([name]).then(
    (got) => {
      loaded.set(name, got.get(name) ?? null);
      for (const listener of listeners) listener();
    },
    () => asked.delete(name),
  );
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * An icon's drawing for a component: undefined while it loads (the first
 * ask fetches it), null when no bundled set has it.
 */
export function useIcon(name: string | undefined): IconData | null | undefined {
  useEffect(() => {
    if (name) ask(name);
  }, [name]);
  return useSyncExternalStore(subscribe, () => (name ? loaded.get(name) : null));
}

/** The icons a diagram's nodes name, loaded (for the export's writers); unknown names are left out. */
export function diagramIcons(diagram: { nodes: readonly { icon?: string }[] }): Promise<IconMap> {
  const names = diagram.nodes.flatMap((node) => (node.icon ? [node.icon] : []));
  return bundledIcons.load([...new Set(names)]);
}
