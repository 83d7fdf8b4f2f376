import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  backupNow,
  createDraft,
  type Draft,
  type DraftStorage,
  openDrafts,
  recoverBackup,
} from './drafts.ts';

/** localStorage in memory; `quota` bytes (of keys plus values) or it throws like a full one. */
class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  constructor(private readonly quota = Number.POSITIVE_INFINITY) {}
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    let used = key.length + value.length;
    for (const [k, v] of this.items) if (k !== key) used += k.length + v.length;
    if (used > this.quota)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

/** Storage that refuses everything, like a browser with site data blocked. */
const blocked: DraftStorage = {
  length: 0,
  key: () => null,
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  removeItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
};

const draft = (id: string, updated: number, text = `text of ${id}`): Draft => ({
  id,
  title: `Draft ${id}`,
  text,
  language: 'yaml',
  created: 1,
  updated,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('draft store on IndexedDB', () => {
  const open = (storage: DraftStorage = new MemoryStorage()) =>
    openDrafts({ indexedDB: new IDBFactory(), storage });

  it('saves, lists newest first, gets and removes', async () => {
    const store = open();
    expect(await store.backend()).toBe('indexeddb');
    expect(await store.save(draft('a', 10))).toEqual({ ok: true });
    expect(await store.save(draft('b', 30))).toEqual({ ok: true });
    expect(await store.save(draft('c', 20))).toEqual({ ok: true });
    expect((await store.list()).map((d) => d.id)).toEqual(['b', 'c', 'a']);

    await store.save(draft('a', 40, 'edited'));
    expect((await store.list()).map((d) => d.id)).toEqual(['a', 'b', 'c']);
    expect(await store.get('a')).toEqual(draft('a', 40, 'edited'));
    expect(await store.get('missing')).toBeUndefined();

    await store.remove('b');
    expect((await store.list()).map((d) => d.id)).toEqual(['a', 'c']);
    store.close();
  });

  it('keeps Korean text and a source diagram as they are', async () => {
    const store = open();
    const made = createDraft(
      {
        title: '새 다이어그램',
        text: 'nodes:\n  api: API 서버\n',
        language: 'yaml',
        source: 'cgroups',
      },
      5,
    );
    await store.save(made);
    expect(await store.get(made.id)).toEqual(made);
  });

  it('says `quota` when the put throws QuotaExceededError', async () => {
    const store = open();
    await store.save(draft('a', 1));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const result = await store.save(draft('b', 2));
    expect(result).toMatchObject({ ok: false, reason: 'quota' });
    vi.restoreAllMocks();
    expect((await store.list()).map((d) => d.id)).toEqual(['a']);
  });

  it('keeps a draft whose save failed for the page, newest first, until a save works', async () => {
    const factory = new IDBFactory();
    const storage = new MemoryStorage();
    const store = openDrafts({ indexedDB: factory, storage });
    await store.save(draft('a', 1));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await store.save({ ...draft('a', 2), text: 'typed while full' });
    await store.save(draft('new', 3));
    expect((await store.get('a'))?.text).toBe('typed while full');
    expect((await store.get('new'))?.id).toBe('new');
    expect(store.unsaved('new')).toMatchObject({ ok: false, reason: 'quota' });
    vi.restoreAllMocks();
    expect(await store.save(draft('new', 4))).toEqual({ ok: true });
    expect(store.unsaved('new')).toBeUndefined();
    // The next page has only what was stored.
    store.close();
    expect((await openDrafts({ indexedDB: factory, storage }).get('a'))?.updated).toBe(1);
  });

  it('says `quota` when the transaction aborts with QuotaExceededError', async () => {
    const store = open();
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      const req = put.apply(this, args);
      // How a browser reports a full disk: the commit fails and the transaction aborts.
      (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
      return req;
    });
    expect(await store.save(draft('a', 1))).toMatchObject({ ok: false, reason: 'quota' });
    vi.restoreAllMocks();
    expect(await store.list()).toEqual([]);
  });

  it('keeps a save in localStorage when the connection broke, and takes it back on reopening', async () => {
    const storage = new MemoryStorage();
    const store = open(storage);
    await store.save(draft('a', 1));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('The database connection is closing.', 'InvalidStateError');
    });
    expect(await store.save(draft('b', 2))).toEqual({ ok: true });
    expect(storage.items.has('flowdeck.draft.b')).toBe(true);
    expect((await store.list()).map((d) => d.id)).toEqual(['b', 'a']);
    expect(storage.items.size).toBe(0);
  });

  it('moves drafts a localStorage fallback kept into IndexedDB', async () => {
    const storage = new MemoryStorage();
    const fallback = openDrafts({ indexedDB: undefined, storage });
    await fallback.save(draft('old', 5));
    const store = openDrafts({ indexedDB: new IDBFactory(), storage });
    expect((await store.list()).map((d) => d.id)).toEqual(['old']);
    expect(storage.items.size).toBe(0);
  });
});

describe('draft store without IndexedDB', () => {
  it('falls back to localStorage when indexedDB is undefined', async () => {
    const storage = new MemoryStorage();
    const store = openDrafts({ indexedDB: undefined, storage });
    expect(await store.backend()).toBe('localstorage');
    await store.save(draft('a', 1));
    await store.save(draft('b', 2));
    expect((await store.list()).map((d) => d.id)).toEqual(['b', 'a']);
    expect(await store.get('a')).toEqual(draft('a', 1));
    await store.remove('a');
    expect((await store.list()).map((d) => d.id)).toEqual(['b']);
  });

  it('falls back to localStorage when IndexedDB will not open', async () => {
    const factory = new IDBFactory();
    vi.spyOn(factory, 'open').mockImplementation(() => {
      throw new DOMException('A mutation operation was attempted', 'InvalidStateError');
    });
    const store = openDrafts({ indexedDB: factory, storage: new MemoryStorage() });
    expect(await store.backend()).toBe('localstorage');
    expect(await store.save(draft('a', 1))).toEqual({ ok: true });
  });

  it('says `quota` when localStorage is full', async () => {
    const store = openDrafts({ indexedDB: undefined, storage: new MemoryStorage(200) });
    expect(await store.save(draft('a', 1, 'x'.repeat(500)))).toMatchObject({
      ok: false,
      reason: 'quota',
    });
  });

  it('says `unavailable` when there is no storage at all, and never throws', async () => {
    for (const storage of [undefined, blocked]) {
      const store = openDrafts({ indexedDB: undefined, storage });
      expect(await store.backend()).toBe('none');
      expect(await store.save(draft('a', 1))).toMatchObject({ ok: false, reason: 'unavailable' });
      expect(await store.list()).toEqual([]);
      // Kept for this page only, so the editor can still open what was typed.
      expect((await store.get('a'))?.text).toBe('text of a');
      expect(store.unsaved('a')).toMatchObject({ reason: 'unavailable' });
      await store.remove('a');
      expect(await store.get('a')).toBeUndefined();
    }
  });
});

describe('backup', () => {
  it('brings back a backup newer than the stored draft, then clears it', async () => {
    const storage = new MemoryStorage();
    const store = openDrafts({ indexedDB: new IDBFactory(), storage });
    await store.save(draft('a', 10, 'saved'));
    expect(backupNow(draft('a', 20, 'typed before the tab closed'), storage)).toBe(true);
    expect(backupNow(draft('new', 15), storage)).toBe(true);

    const recovered = await recoverBackup(store, storage);
    expect(recovered.map((d) => d.id).sort()).toEqual(['a', 'new']);
    expect((await store.get('a'))?.text).toBe('typed before the tab closed');
    expect((await store.list()).map((d) => d.id)).toEqual(['a', 'new']);
    expect(storage.items.size).toBe(0);
  });

  it('is merged by a store when it opens', async () => {
    const storage = new MemoryStorage();
    const factory = new IDBFactory();
    const first = openDrafts({ indexedDB: factory, storage });
    await first.save(draft('a', 10, 'saved'));
    first.close();
    backupNow(draft('a', 11, 'typed as the tab closed'), storage);
    const next = openDrafts({ indexedDB: factory, storage });
    expect((await next.get('a'))?.text).toBe('typed as the tab closed');
    expect(storage.items.size).toBe(0);
  });

  it('drops a backup older than the stored draft', async () => {
    const storage = new MemoryStorage();
    const store = openDrafts({ indexedDB: new IDBFactory(), storage });
    backupNow(draft('a', 10, 'older'), storage);
    await store.save(draft('a', 20, 'newer'));
    expect(await recoverBackup(store, storage)).toEqual([]);
    expect((await store.get('a'))?.text).toBe('newer');
    expect(storage.items.size).toBe(0);
  });

  it('keeps a backup whose merge failed, and ignores a corrupt one', async () => {
    const storage = new MemoryStorage();
    const store = openDrafts({ indexedDB: new IDBFactory(), storage });
    await store.backend();
    backupNow(draft('a', 10), storage);
    storage.setItem('flowdeck.draft-backup.bad', '{not json');
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(await recoverBackup(store, storage)).toEqual([]);
    expect([...storage.items.keys()]).toEqual(['flowdeck.draft-backup.a']);
  });

  it('says false, never throws, when storage refuses', () => {
    expect(backupNow(draft('a', 1), blocked)).toBe(false);
    expect(backupNow(draft('a', 1), new MemoryStorage(10))).toBe(false);
    expect(backupNow(draft('a', 1), undefined)).toBe(false);
  });
});
