import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { IconCatalog } from '../../core/icons/types.ts';
import { iconCompletesFurther, iconCompletionSource } from './iconCompletion.ts';

const NAMES: Record<string, string[]> = {
  logos: ['logos:etcd', 'logos:kubernetes'],
  mdi: ['mdi:database', 'mdi:server'],
};
const catalog: IconCatalog = {
  load: async () => new Map(),
  names: async (prefix) => NAMES[prefix] ?? [],
};
const source = iconCompletionSource(catalog, ['logos', 'mdi']);

/** The completion at `|` in `text`. */
async function complete(text: string): Promise<CompletionResult | null> {
  const pos = text.indexOf('|');
  const state = EditorState.create({ doc: text.replace('|', '') });
  return source(new CompletionContext(state, pos, false));
}

describe('icon completion', () => {
  it("offers the bundled sets' prefixes after icon:, and asks again once one is picked", async () => {
    const result = await complete('nodes:\n  api:\n    icon: lo|');
    expect(result?.options.map((o) => o.label)).toEqual(['logos:', 'mdi:']);
    expect(result?.from).toBe('nodes:\n  api:\n    icon: '.length);
    expect(result?.options.every(iconCompletesFurther)).toBe(true);
  });

  it('offers the names of the set typed, replacing only the part after the colon', async () => {
    const result = await complete('nodes:\n  api:\n    icon: logos:kub|');
    expect(result?.options.map((o) => o.label)).toEqual(['etcd', 'kubernetes']);
    expect(result?.from).toBe('nodes:\n  api:\n    icon: logos:'.length);
    expect(result?.options[0]?.info).toBeTypeOf('function');
  });

  it("completes in a Mermaid shape's icon too", async () => {
    const result = await complete('flowchart LR\n  A@{ icon: "mdi:da|');
    expect(result?.options.map((o) => o.label)).toEqual(['database', 'server']);
  });

  it('stays quiet elsewhere, and for a set not bundled', async () => {
    expect(await complete('nodes:\n  api:\n    label: logos:|')).toBeNull();
    expect(await complete('nodes:\n  api:\n    icon: fa7:us|')).toBeNull();
  });
});
