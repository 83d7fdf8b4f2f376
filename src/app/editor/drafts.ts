/**
 * The editor's drafts, kept in the browser so no typed word is lost.
 *
 * IndexedDB holds them; where it is missing or will not open (some private
 * windows, a hung open), localStorage does. `backupNow()` is a synchronous
 * copy of one draft in localStorage for `pagehide` / `visibilitychange`,
 * when an IndexedDB transaction may never finish; `recoverBackup()` merges
 * such copies back on the next start. Nothing here throws: a save that
 * could not be kept says why, and the caller keeps the text in memory.
 */

import { randomId } from '../randomId.ts';

export interface Draft {
  id: string;
  title: string;
  text: string;
  language: 'yaml' | 'mermaid';
  /** Id of the diagram this draft was copied from. */
  source?: string;
  /** Milliseconds since the epoch. */
  created: number;
  updated: number;
}

export type SaveResult =
  | { ok: true }
  | { ok: false; reason: 'quota' | 'unavailable'; message: string };

export interface DraftStore {
  /** Never rejects. */
  save(draft: Draft): Promise<SaveResult>;
  /** Newest (`updated`) first. */
  list(): Promise<Draft[]>;
  /** The stored draft, or a newer copy whose save failed in this page (storage full). */
  get(id: string): Promise<Draft | undefined>;
  /** Why the last save of this draft failed, while no save since has worked. */
  unsaved(id: string): Extract<SaveResult, { ok: false }> | undefined;
  remove(id: string): Promise<void>;
  /** Where drafts go: decided by the first call, `none` when nothing would keep them. */
  backend(): Promise<'indexeddb' | 'localstorage' | 'none'>;
  /** Closes the connection; a later call opens it again. */
  close(): void;
}

/** What drafts.ts needs of localStorage. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface OpenDraftsOptions {
  /** Defaults to the browser's; `undefined` given explicitly means there is none. */
  indexedDB?: IDBFactory | undefined;
  /** Defaults to `localStorage`; `undefined` given explicitly means there is none. */
  storage?: DraftStorage | undefined;
  /** Database name. */
  name?: string;
  /** An open that has not finished by then falls back to localStorage. */
  openTimeoutMs?: number;
}

const STORE = 'drafts';
const DRAFT_KEY = 'flowdeck.draft.';
const BACKUP_KEY = 'flowdeck.draft-backup.';

interface Backend {
  kind: 'indexeddb' | 'localstorage';
  put(draft: Draft): Promise<SaveResult>;
  all(): Promise<Draft[]>;
  get(id: string): Promise<Draft | undefined>;
  delete(id: string): Promise<void>;
}

/** A fresh draft with a random id. */
export function createDraft(
  fields: Pick<Draft, 'title' | 'text' | 'language'> & { source?: string },
  now = Date.now(),
): Draft {
  return { id: randomId(), ...fields, created: now, updated: now };
}

export function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return (
    typeof d.id === 'string' &&
    typeof d.title === 'string' &&
    typeof d.text === 'string' &&
    (d.language === 'yaml' || d.language === 'mermaid') &&
    (d.source === undefined || typeof d.source === 'string') &&
    typeof d.created === 'number' &&
    typeof d.updated === 'number'
  );
}

function failure(error: unknown): SaveResult {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const message = error instanceof Error || error instanceof DOMException ? error.message : '';
  // Firefox once called it NS_ERROR_DOM_QUOTA_REACHED.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED'
    ? { ok: false, reason: 'quota', message: message || 'The browser storage is full.' }
    : { ok: false, reason: 'unavailable', message: message || 'The browser storage failed.' };
}

function parse(json: string | null): Draft | undefined {
  if (json === null) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return isDraft(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function keysWith(storage: DraftStorage, prefix: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

function defaultStorage(): DraftStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function storageBackend(storage: DraftStorage): Backend {
  return {
    kind: 'localstorage',
    async put(draft) {
      try {
        storage.setItem(DRAFT_KEY + draft.id, JSON.stringify(draft));
        return { ok: true };
      } catch (error) {
        return failure(error);
      }
    },
    async all() {
      return keysWith(storage, DRAFT_KEY).flatMap((key) => parse(storage.getItem(key)) ?? []);
    },
    async get(id) {
      return parse(storage.getItem(DRAFT_KEY + id));
    },
    async delete(id) {
      storage.removeItem(DRAFT_KEY + id);
    },
  };
}

function request<T>(run: () => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = run();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function idbBackend(db: IDBDatabase): Backend {
  const store = (mode: IDBTransactionMode) => db.transaction(STORE, mode).objectStore(STORE);
  return {
    kind: 'indexeddb',
    put(draft) {
      return new Promise((resolve) => {
        try {
          const tx = db.transaction(STORE, 'readwrite');
          tx.oncomplete = () => resolve({ ok: true });
          // A full disk shows up as the transaction aborting with QuotaExceededError.
          tx.onabort = () => resolve(failure(tx.error));
          tx.objectStore(STORE).put(draft);
        } catch (error) {
          resolve(failure(error));
        }
      });
    },
    async all() {
      const values = await request(() => store('readonly').getAll());
      return values.filter(isDraft);
    },
    async get(id) {
      const value: unknown = await request(() => store('readonly').get(id));
      return isDraft(value) ? value : undefined;
    },
    async delete(id) {
      await request(() => store('readwrite').delete(id));
    },
  };
}

function openDatabase(factory: IDBFactory, name: string, timeoutMs: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('IndexedDB did not open in time')), timeoutMs);
    const done = () => clearTimeout(timer);
    try {
      const req = factory.open(name, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(STORE))
          req.result.createObjectStore(STORE, { keyPath: 'id' });
      };
      req.onsuccess = () => {
        done();
        const db = req.result;
        // Let another tab upgrade the database rather than block it.
        db.onversionchange = () => db.close();
        resolve(db);
      };
      req.onerror = () => {
        done();
        reject(req.error);
      };
      req.onblocked = () => {
        done();
        reject(new Error('IndexedDB is blocked by another tab'));
      };
    } catch (error) {
      done();
      reject(error);
    }
  });
}

function usable(storage: DraftStorage | undefined): storage is DraftStorage {
  if (!storage) return false;
  try {
    storage.setItem('flowdeck.probe', '1');
    storage.removeItem('flowdeck.probe');
    return true;
  } catch (error) {
    // A full storage still reads, and its saves say `quota`; any other error means there is none.
    const result = failure(error);
    return !result.ok && result.reason === 'quota';
  }
}

/** Drafts kept by a fallback that is no longer needed move into IndexedDB. */
async function adopt(storage: DraftStorage, idb: Backend): Promise<void> {
  const old = await storageBackend(storage).all();
  if (old.length === 0) return;
  const current = new Map((await idb.all()).map((d) => [d.id, d]));
  for (const draft of old) {
    const kept = current.get(draft.id);
    const result = kept && kept.updated >= draft.updated ? { ok: true } : await idb.put(draft);
    if (result.ok) storage.removeItem(DRAFT_KEY + draft.id);
  }
}

let shared: DraftStore | undefined;

/**
 * The draft store. Without options, the page's one store (one IndexedDB
 * connection however often it is asked for); with options, a new one (tests).
 * Nothing is opened until the first call, which also merges any backups
 * `backupNow()` left (see `recoverBackup()`).
 */
export function openDrafts(options?: OpenDraftsOptions): DraftStore {
  if (!options) {
    shared ??= createDraftStore({});
    return shared;
  }
  return createDraftStore(options);
}

function createDraftStore(options: OpenDraftsOptions): DraftStore {
  const factory = 'indexedDB' in options ? options.indexedDB : globalThis.indexedDB;
  const storage = 'storage' in options ? options.storage : defaultStorage();
  let db: IDBDatabase | undefined;
  let pending: Promise<Backend | null> | undefined;
  // Drafts whose save failed, kept for this page so opening one (a new
  // draft made while storage is full, the editor after a crash) loses nothing.
  const unsaved = new Map<string, { draft: Draft; failure: Extract<SaveResult, { ok: false }> }>();

  async function choose(): Promise<Backend | null> {
    let chosen: Backend | null = null;
    if (factory) {
      try {
        db = await openDatabase(factory, options.name ?? 'flowdeck', options.openTimeoutMs ?? 3000);
        chosen = idbBackend(db);
        if (usable(storage)) await adopt(storage, chosen).catch(() => undefined);
      } catch {
        // Fall through to localStorage.
      }
    }
    if (!chosen && usable(storage)) chosen = storageBackend(storage);
    if (chosen && storage) await mergeBackups(chosen, storage);
    return chosen;
  }
  const backend = () => {
    pending ??= choose();
    return pending;
  };

  return {
    async save(draft) {
      const target = await backend();
      if (!target) {
        const failure = {
          ok: false,
          reason: 'unavailable',
          message: 'No browser storage.',
        } as const;
        unsaved.set(draft.id, { draft, failure });
        return failure;
      }
      let result = await target.put(draft);
      if (!result.ok && result.reason === 'unavailable' && target.kind === 'indexeddb') {
        // The connection broke (a browser may close it): keep this save in
        // localStorage, and open again next time, which moves it back.
        db?.close();
        pending = undefined;
        if (usable(storage)) result = await storageBackend(storage).put(draft);
      }
      if (result.ok && storage) dropBackup(storage, draft);
      if (result.ok) unsaved.delete(draft.id);
      else unsaved.set(draft.id, { draft, failure: result });
      return result;
    },
    async list() {
      try {
        const drafts = (await (await backend())?.all()) ?? [];
        return drafts.sort((a, b) => b.updated - a.updated);
      } catch {
        return [];
      }
    },
    async get(id) {
      let stored: Draft | undefined;
      try {
        stored = await (await backend())?.get(id);
      } catch {
        stored = undefined;
      }
      const kept = unsaved.get(id)?.draft;
      return kept && !(stored && stored.updated > kept.updated) ? kept : stored;
    },
    unsaved(id) {
      return unsaved.get(id)?.failure;
    },
    async remove(id) {
      unsaved.delete(id);
      try {
        await (await backend())?.delete(id);
        storage?.removeItem(BACKUP_KEY + id);
      } catch {
        // Nothing to remove from.
      }
    },
    async backend() {
      return (await backend())?.kind ?? 'none';
    },
    close() {
      db?.close();
      db = undefined;
      pending = undefined;
    },
  };
}

function dropBackup(storage: DraftStorage, saved: Draft): void {
  try {
    const backup = parse(storage.getItem(BACKUP_KEY + saved.id));
    if (backup && backup.updated <= saved.updated) storage.removeItem(BACKUP_KEY + saved.id);
  } catch {
    // It is merged on the next start instead.
  }
}

/**
 * Writes the draft to localStorage at once: for `pagehide` and
 * `visibilitychange`, where an IndexedDB save may not finish. False when it
 * could not be written.
 */
export function backupNow(draft: Draft, storage = defaultStorage()): boolean {
  try {
    storage?.setItem(BACKUP_KEY + draft.id, JSON.stringify(draft));
    return storage !== undefined;
  } catch {
    return false;
  }
}

/** Merges backups newer than what `target` holds into it; clears each once merged or outdated. */
async function mergeBackups(
  target: Pick<Backend, 'get' | 'put'>,
  storage: DraftStorage,
): Promise<Draft[]> {
  const recovered: Draft[] = [];
  try {
    for (const key of keysWith(storage, BACKUP_KEY)) {
      const backup = parse(storage.getItem(key));
      const kept = backup && (await target.get(backup.id));
      if (backup && !(kept && kept.updated >= backup.updated)) {
        // When the save fails the backup stays for the next start.
        if (!(await target.put(backup)).ok) continue;
        recovered.push(backup);
      }
      storage.removeItem(key);
    }
  } catch {
    // Storage went away mid-way: what was merged stays merged.
  }
  return recovered;
}

/**
 * Merges the backups `backupNow()` left into the store where they are newer
 * than what it holds, and clears them. A store does this itself when it
 * opens, so this finds only backups written since. Returns the drafts that
 * came back from a backup.
 */
export function recoverBackup(store: DraftStore, storage = defaultStorage()): Promise<Draft[]> {
  if (!storage) return Promise.resolve([]);
  return mergeBackups({ get: (id) => store.get(id), put: (d) => store.save(d) }, storage);
}
