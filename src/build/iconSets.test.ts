import { describe, expect, it } from 'vitest';
import { createIconCatalog } from '../app/icons/catalog.ts';
import { readIconSet, splitIconSet } from './iconSets.ts';

const root = process.cwd();
const cut = Object.fromEntries(
  ['logos', 'mdi'].map((set) => [set, splitIconSet(readIconSet(root, set))]),
);
const sets = Object.fromEntries(
  Object.entries(cut).map(([set, split]) => [
    set,
    { url: `/${set}/`, buckets: split.buckets.length },
  ]),
);

/** A catalog over the real sets, cut as the build cuts them, counting what it fetches. */
function catalog() {
  const fetched: string[] = [];
  const icons = createIconCatalog(sets, async (url) => {
    const [, set = '', file = ''] = url.split('/');
    const split = cut[set];
    const text = file === 'names.json' ? split?.names : split?.buckets[Number.parseInt(file)];
    if (text === undefined) return undefined;
    fetched.push(text);
    return JSON.parse(text);
  });
  return { icons, fetched };
}

describe('the bundled icon catalog', () => {
  it('loads an icon from one small file of its set, not the whole set', async () => {
    const { icons, fetched } = catalog();
    const got = await icons.load(['logos:kubernetes']);
    expect(got.get('logos:kubernetes')).toMatchObject({ left: 0, top: 0, width: 256 });
    expect(got.get('logos:kubernetes')?.body).toContain('<path');
    expect(fetched).toHaveLength(1);
    // The logos set is 8.7 MB; its bucket is tens of KB at most.
    expect(fetched[0]?.length).toBeLessThan(100_000);
  });

  it("resolves an alias to its parent's drawing and fills in the set's viewBox", async () => {
    const { icons } = catalog();
    const json = readIconSet(root, 'mdi');
    const [alias, { parent }] = Object.entries(json.aliases ?? {})[0] ?? ['', { parent: '' }];
    const got = await icons.load([`mdi:${alias}`, `mdi:${parent}`]);
    expect(got.get(`mdi:${alias}`)).toEqual({ ...got.get(`mdi:${parent}`), width: 24, height: 24 });
    expect(got.get(`mdi:${alias}`)?.body).toBe(json.icons[parent]?.body);
  });

  it('names the ids inside an icon after it, so two logos drawn on one page keep their gradients apart', async () => {
    const json = readIconSet(root, 'logos');
    const owners = new Map<string, string>();
    let pair: [string, string] | undefined;
    for (const [name, icon] of Object.entries(json.icons)) {
      for (const [, id = ''] of icon.body.matchAll(/\bid="([^"]+)"/g)) {
        const other = owners.get(id);
        if (other && json.icons[other]?.body !== icon.body) pair ??= [other, name];
        owners.set(id, name);
      }
    }
    if (!pair) throw new Error('no two logos share an id: pick another check');
    const { icons } = catalog();
    const got = await icons.load(pair.map((name) => `logos:${name}`));
    const ids = pair.map((name) =>
      [...(got.get(`logos:${name}`)?.body ?? '').matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]),
    );
    expect(ids[0]?.length).toBeGreaterThan(0);
    expect(ids[0]?.filter((id) => ids[1]?.includes(id))).toEqual([]);
    const body = got.get(`logos:${pair[0]}`)?.body ?? '';
    for (const [, ref] of body.matchAll(/url\(#([^)]+)\)/g)) expect(ids[0]).toContain(ref);
  });

  it('leaves out unknown names, sets not bundled and what is not an icon name, fetching nothing for those', async () => {
    const { icons, fetched } = catalog();
    const hostile = [
      'logos:kubernets',
      'fa7:user',
      'https://example.org/x.svg',
      'javascript:alert(1)',
      `mdi:${'a'.repeat(10_000)}`,
      'constructor:prototype',
      'mdi:../names',
    ];
    const got = await icons.load(hostile);
    expect(got.size).toBe(0);
    expect(fetched).toHaveLength(1); // logos' bucket, where kubernets is not
  });

  it('fetches a file once for every icon it holds', async () => {
    const { icons, fetched } = catalog();
    await Promise.all([icons.load(['mdi:database']), icons.load(['mdi:database', 'mdi:database'])]);
    expect(fetched).toHaveLength(1);
  });

  it("lists a set's names, and none for a set not bundled", async () => {
    const { icons } = catalog();
    const names = await icons.names('mdi');
    expect(names).toContain('mdi:database');
    expect(names.every((name) => name.startsWith('mdi:'))).toBe(true);
    expect(await icons.names('fa7')).toEqual([]);
    expect(await icons.names('constructor')).toEqual([]);
  });
});
