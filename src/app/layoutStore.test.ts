import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { LaidOutDiagram } from '../core/layout/types.ts';
import { openLayoutStore, type StoredLayout } from './layoutStore.ts';

/** A layout whose JSON is about `size` characters long. */
function layout(title: string, size = 100): StoredLayout {
  const diagram = { id: 'd', title, padding: 'x'.repeat(size), nodes: [], edges: [] };
  return { diagram: diagram as unknown as LaidOutDiagram, diagnostics: [] };
}

const source = (text: string) => ({ text, file: `diagrams/${text}.mmd` });

async function keptTexts(
  store: ReturnType<typeof openLayoutStore>,
  texts: string[],
): Promise<string[]> {
  const found = await Promise.all(texts.map((t) => store.get(source(t))));
  return texts.filter((_, i) => found[i]);
}

describe('openLayoutStore', () => {
  it('keeps at most maxEntries layouts, evicting the least recently used', async () => {
    const indexedDB = new IDBFactory();
    const store = openLayoutStore({ version: 'v', indexedDB, maxEntries: 3 });
    for (const text of ['a', 'b', 'c']) await store.put(source(text), layout(text));
    expect((await store.get(source('a')))?.diagram.title).toBe('a'); // a is now the latest used
    await new Promise((resolve) => setTimeout(resolve, 10)); // the read's mark is written after it
    await store.put(source('d'), layout('d'));
    expect(await keptTexts(store, ['a', 'b', 'c', 'd'])).toEqual(['a', 'c', 'd']);

    // A new page sees the same bound over the same database.
    const later = openLayoutStore({ version: 'v', indexedDB, maxEntries: 3 });
    await later.put(source('e'), layout('e'));
    expect(await keptTexts(later, ['a', 'b', 'c', 'd', 'e']).then((k) => k.length)).toBe(3);
  });

  it('keeps at most maxBytes, and never a layout larger than that', async () => {
    const store = openLayoutStore({ version: 'v', indexedDB: new IDBFactory(), maxBytes: 1000 });
    for (const text of ['a', 'b', 'c']) await store.put(source(text), layout(text, 400));
    expect(await keptTexts(store, ['a', 'b', 'c'])).toEqual(['b', 'c']);
    await store.put(source('huge'), layout('huge', 2000));
    expect(await keptTexts(store, ['b', 'c', 'huge'])).toEqual(['b', 'c']);
  });

  it('keys on the version: layouts of other layout code are not read', async () => {
    const indexedDB = new IDBFactory();
    await openLayoutStore({ version: 'v1', indexedDB }).put(source('a'), layout('a'));
    expect(await openLayoutStore({ version: 'v1', indexedDB }).get(source('a'))).toBeDefined();
    expect(await openLayoutStore({ version: 'v2', indexedDB }).get(source('a'))).toBeUndefined();
  });

  it('keys on the screen shape: a layout for another shape is not read', async () => {
    const store = openLayoutStore({ version: 'v1', indexedDB: new IDBFactory() });
    await store.put({ ...source('a'), screen: '4:3' }, layout('for 4:3'));
    await store.put(source('a'), layout('as written'));
    expect((await store.get({ ...source('a'), screen: '4:3' }))?.diagram.title).toBe('for 4:3');
    expect((await store.get(source('a')))?.diagram.title).toBe('as written');
    expect(await store.get({ ...source('a'), screen: '16:9' })).toBeUndefined();
  });

  it('rebuilds a database of another shape, whatever its version', async () => {
    const foreign = async (version: number) => {
      const indexedDB = new IDBFactory();
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('flowdeck-layouts', version);
        req.onupgradeneeded = () => req.result.createObjectStore('something-else');
        req.onsuccess = () => {
          req.result.close();
          resolve();
        };
        req.onerror = () => reject(req.error);
      });
      return indexedDB;
    };
    for (const version of [1, 99]) {
      const indexedDB = await foreign(version);
      const store = openLayoutStore({ version: 'v', indexedDB });
      expect(await store.get(source('a'))).toBeUndefined();
      await store.put(source('a'), layout('a'));
      expect((await store.get(source('a')))?.diagram.title).toBe('a');
      store.close();
      const later = openLayoutStore({ version: 'v', indexedDB });
      expect((await later.get(source('a')))?.diagram.title).toBe('a');
    }
  });

  it('reopens after the connection is closed', async () => {
    const store = openLayoutStore({ version: 'v', indexedDB: new IDBFactory() });
    await store.put(source('a'), layout('a'));
    store.close();
    expect((await store.get(source('a')))?.diagram.title).toBe('a');
  });

  it('is empty and quiet without IndexedDB', async () => {
    const store = openLayoutStore({ version: 'v', indexedDB: undefined });
    await store.put(source('a'), layout('a'));
    expect(await store.get(source('a'))).toBeUndefined();
  });
});
