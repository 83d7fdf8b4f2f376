import type { Completion, CompletionSource } from '@codemirror/autocomplete';
import type { IconCatalog } from '../../core/icons/types.ts';

/** An `icon:` value being typed, in a spec (`icon: logos:ku`) or a Mermaid shape (`@{ icon: "logos:ku`). */
const ICON_VALUE = /\bicon:\s*["']?([a-z0-9-]*)(:[a-z0-9-]*)?$/;
const PART = /^[a-z0-9-]*$/;

/** Prefixes whose pick opens the names of the set next. */
const leadsToNames = new WeakSet<Completion>();

/** For `autocompletion({ activateOnCompletion })`. */
export function iconCompletesFurther(completion: Completion): boolean {
  return leadsToNames.has(completion);
}

/**
 * A small picture of an icon for the completion's info panel. The sets'
 * markup is bundled with the app (trusted); the name goes in as text.
 */
async function preview(catalog: IconCatalog, name: string): Promise<Node> {
  const box = document.createElement('div');
  box.className = 'fd-icon-preview';
  const icon = (await catalog.load([name])).get(name);
  if (icon) {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', `${icon.left} ${icon.top} ${icon.width} ${icon.height}`);
    svg.setAttribute('width', '48');
    svg.setAttribute('height', '48');
    svg.setAttribute('aria-hidden', 'true');
    svg.innerHTML = icon.body;
    box.append(svg);
  }
  const caption = document.createElement('code');
  caption.textContent = name;
  box.append(caption);
  return box;
}

/**
 * Completion of icon names after `icon:`: the bundled sets' prefixes first,
 * then, once a prefix is typed, the names of that set (its names index,
 * fetched on first use), each previewed as it is selected.
 */
export function iconCompletionSource(
  catalog: IconCatalog,
  prefixes: readonly string[],
): CompletionSource {
  return async (context) => {
    const line = context.state.doc.lineAt(context.pos);
    const match = ICON_VALUE.exec(line.text.slice(0, context.pos - line.from));
    if (!match) return null;
    const [, prefix = '', rest] = match;
    if (rest === undefined) {
      const options = prefixes.map((p): Completion => {
        const option = { label: `${p}:`, type: 'namespace' };
        leadsToNames.add(option);
        return option;
      });
      return { from: context.pos - prefix.length, options, validFor: PART };
    }
    if (!prefixes.includes(prefix)) return null;
    const names = await catalog.names(prefix);
    if (context.aborted) return null;
    const options = names.map(
      (name): Completion => ({
        label: name.slice(prefix.length + 1),
        type: 'constant',
        info: () => preview(catalog, name),
      }),
    );
    return { from: context.pos - (rest.length - 1), options, validFor: PART };
  };
}
