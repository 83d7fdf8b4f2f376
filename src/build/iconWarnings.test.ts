import { describe, expect, it } from 'vitest';
import { createIconCatalog } from '../app/icons/catalog.ts';
import { iconWarnings } from '../app/icons/iconWarnings.ts';
import type { ModelNode } from '../core/model/types.ts';
import { readIconSet, splitIconSet } from './iconSets.ts';

const split = splitIconSet(readIconSet(process.cwd(), 'logos'));
const catalog = createIconCatalog({ logos: { url: '', buckets: split.buckets.length } }, (url) =>
  Promise.resolve(
    JSON.parse(url === 'names.json' ? split.names : (split.buckets[Number.parseInt(url)] ?? '{}')),
  ),
);

function node(id: string, icon: string, line: number): ModelNode {
  return {
    id,
    parent: null,
    kind: 'node',
    label: id,
    shape: 'rect',
    classes: [],
    style: {},
    icon,
    pos: { line, col: 3 },
  };
}

describe('unknown icons in the editor', () => {
  const text = [
    'nodes:',
    '  a:',
    '    icon: logos:kubernets',
    '  b:',
    '    icon: fa7:user',
    '  c:',
    '    icon: logos:etcd',
  ].join('\n');

  it('warns at the line and column of the name, with the closest name of its set', async () => {
    const nodes = [
      node('a', 'logos:kubernets', 2),
      node('b', 'fa7:user', 4),
      node('c', 'logos:etcd', 6),
    ];
    const warnings = await iconWarnings(nodes, text, catalog, ['logos', 'mdi']);
    expect(warnings).toEqual([
      {
        severity: 'warning',
        line: 3,
        col: 11,
        message: 'unknown icon "logos:kubernets" (did you mean "logos:kubernetes"?)',
        suggestion: 'logos:kubernetes',
      },
      {
        severity: 'warning',
        line: 5,
        col: 11,
        message:
          'unknown icon set "fa7" in "fa7:user" (the bundled sets are fa6-brands, fa6-solid, logos, mdi, simple-icons)',
      },
    ]);
  });

  it('says nothing of names it cannot read as icon names (the parser does), nor of known icons', async () => {
    const nodes = [
      node('a', 'javascript:alert(1)', 1),
      node('b', `logos:${'x'.repeat(100)}`, 1),
      node('c', 'logos:etcd', 6),
    ];
    expect(await iconWarnings(nodes, text, catalog, ['logos'])).toEqual([]);
  });
});
