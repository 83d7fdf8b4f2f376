/**
 * Finished layouts kept across visits, so a diagram laid out on an earlier
 * visit paints without waiting for the layout worker (whose first answer
 * costs ~0.5 s of compiling ELK, which no HTTP cache saves).
 *
 * IndexedDB, a database of its own (`flowdeck-layouts`): `layouts` holds the
 * answers, `usage` when each was last used and its size, so marking a read
 * rewrites a few numbers rather than a whole diagram. A layout is keyed by a
 * hash of `version` (the worker script's content-hashed URL: new layout code,
 * new keys), the file name, the screen shape, the collapsed set and the
 * text; the record keeps
 * them too, and a read that does not match them is a miss. Writes evict the
 * least recently used layouts beyond `maxEntries` or `maxBytes`.
 *
 * Nothing here throws or rejects: a database that is missing, blocked, full,
 * closed or of another shape is a miss on read and a no-op on write.
 */
import { hashString } from '../core/layout/hash.ts';
import type { ScreenShape } from '../core/model/screenShape.ts';
import type { LayoutResult } from '../worker/protocol.ts';

/** What is kept of a successful answer: everything but its request id. */
export type StoredLayout = Pick<Extract<LayoutResult, { ok: true }>, 'diagram' | 'diagnostics'>;

/** What a layout is made from, besides the layout code. */
export interface LayoutSource {
  text: string;
  file: string;
  /** Group ids drawn collapsed; order does not matter. */
  collapsed?: readonly string[] | undefined;
  /** The screen shape laid out for; none is as written. */
  screen?: ScreenShape | undefined;
}

export interface LayoutStore {
  /**
   * The layout kept for this source, or undefined: one read-only transaction
   * (marking it used follows in a small one of its own).
   */
  get(source: LayoutSource): Promise<StoredLayout | undefined>;
  /** Keeps a layout, then evicts beyond the bounds. Resolves once written or given up. */
  put(source: LayoutSource, layout: StoredLayout): Promise<void>;
  /** Closes the connection; a later call opens it again. */
  close(): void;
}

export interface LayoutStoreOptions {
  /** The layout code's version: the worker script's URL, content-hashed in a build. */
  version: string;
  /** Defaults to the browser's; `undefined` given explicitly means there is none. */
  indexedDB?: IDBFactory | undefined;
  /** Database name (default `flowdeck-layouts`). */
  name?: string;
  /** Most layouts kept (default 100). */
  maxEntries?: number;
  /** Most bytes kept, counted as the JSON length of each layout plus its text (default 4 MiB). */
  maxBytes?: number;
  /** An open not finished by then gives up, and the store stays empty for the page. */
  openTimeoutMs?: number;
}

const LAYOUTS = 'layouts';
const USAGE = 'usage';
/** Bumped when a record's shape changes: older records then read as misses and age out. */
const FORMAT = 2;

interface LayoutRecord extends StoredLayout {
  key: string;
  format: number;
  version: string;
  file: string;
  screen: ScreenShape | null;
  collapsed: string[];
  text: string;
}

interface UsageRecord {
  key: string;
  /** Milliseconds since the epoch, made unique within a page. */
  used: number;
  bytes: number;
}

function identity(source: LayoutSource, version: string) {
  return {
    version,
    file: source.file,
    screen: source.screen ?? null,
    collapsed: [...new Set(source.collapsed ?? [])].sort(),
    text: source.text,
  };
}

function keyOf(id: ReturnType<typeof identity>): string {
  return hashString(
    JSON.stringify([FORMAT, id.version, id.file, id.screen, id.collapsed, id.text]),
  );
}

function matches(value: unknown, id: ReturnType<typeof identity>): value is LayoutRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<LayoutRecord>;
  return (
    r.format === FORMAT &&
    r.version === id.version &&
    r.file === id.file &&
    r.screen === id.screen &&
    r.text === id.text &&
    Array.isArray(r.collapsed) &&
    r.collapsed.join('\n') === id.collapsed.join('\n') &&
    typeof r.diagram === 'object' &&
    r.diagram !== null &&
    Array.isArray(r.diagnostics)
  );
}

/** Opens at `version`, or at whatever version the database has (creating it at 1). */
function openDatabase(
  factory: IDBFactory,
  name: string,
  timeoutMs: number,
  version?: number,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    // Given up on (timed out, blocked): a connection that still comes is closed at once.
    let late = false;
    const fail = (error: unknown) => {
      late = true;
      clearTimeout(timer);
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error('IndexedDB did not open in time')), timeoutMs);
    try {
      const req = version === undefined ? factory.open(name) : factory.open(name, version);
      req.onupgradeneeded = () => {
        // A cache: whatever a database of another shape kept is dropped, not migrated.
        const db = req.result;
        for (const store of [...db.objectStoreNames]) db.deleteObjectStore(store);
        db.createObjectStore(LAYOUTS, { keyPath: 'key' });
        db.createObjectStore(USAGE, { keyPath: 'key' });
      };
      req.onsuccess = () => {
        clearTimeout(timer);
        if (late) req.result.close();
        else resolve(req.result);
      };
      req.onerror = () => fail(req.error);
      req.onblocked = () => fail(new Error('IndexedDB is blocked by another tab'));
    } catch (error) {
      fail(error);
    }
  });
}

/** Resolves when the transaction commits, rejects when it aborts. */
function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
    tx.onerror = () => reject(tx.error);
  });
}

/**
 * The page's layout store. The database opens at once, so the first read
 * (which usually comes right after React's first render) costs one
 * transaction.
 */
export function openLayoutStore(options: LayoutStoreOptions): LayoutStore {
  const factory = 'indexedDB' in options ? options.indexedDB : globalThis.indexedDB;
  const name = options.name ?? 'flowdeck-layouts';
  const maxEntries = options.maxEntries ?? 100;
  const maxBytes = options.maxBytes ?? 4 * 2 ** 20;
  const openTimeoutMs = options.openTimeoutMs ?? 2000;
  let connection: Promise<IDBDatabase | null> | undefined;
  let failed = false;
  let lastUsed = 0;

  const stamp = () => {
    lastUsed = Math.max(Date.now(), lastUsed + 1);
    return lastUsed;
  };

  const database = (): Promise<IDBDatabase | null> => {
    if (failed || !factory) return Promise.resolve(null);
    connection ??= (async () => {
      try {
        let db = await openDatabase(factory, name, openTimeoutMs);
        if (!db.objectStoreNames.contains(LAYOUTS) || !db.objectStoreNames.contains(USAGE)) {
          // Not this store's shape (an older one, or something else): one version up rebuilds it.
          const next = db.version + 1;
          db.close();
          db = await openDatabase(factory, name, openTimeoutMs, next);
        }
        const forget = () => {
          db.close();
          connection = undefined;
        };
        // Let another tab upgrade the database; this one reopens on its next call.
        db.onversionchange = forget;
        db.onclose = () => {
          connection = undefined;
        };
        return db;
      } catch {
        // Private mode, blocked by another tab, a hung open: no store for this page.
        failed = true;
        return null;
      }
    })();
    return connection;
  };

  /** Runs `work` in one transaction; false when it could not commit. */
  const transact = async (
    stores: string[],
    mode: IDBTransactionMode,
    work: (tx: IDBTransaction) => void,
  ): Promise<boolean> => {
    try {
      const db = await database();
      if (!db) return false;
      const tx = db.transaction(stores, mode);
      work(tx);
      await done(tx);
      return true;
    } catch {
      return false;
    }
  };

  const touch = (key: string) =>
    transact([USAGE], 'readwrite', (tx) => {
      const usage = tx.objectStore(USAGE);
      const req = usage.get(key);
      req.onsuccess = () => {
        const old = req.result as UsageRecord | undefined;
        if (old) usage.put({ ...old, used: stamp() } satisfies UsageRecord);
      };
    });

  void database();

  return {
    async get(source) {
      const id = identity(source, options.version);
      let found: unknown;
      const read = await transact([LAYOUTS], 'readonly', (tx) => {
        const req = tx.objectStore(LAYOUTS).get(keyOf(id));
        req.onsuccess = () => {
          found = req.result;
        };
      });
      if (!read || !matches(found, id)) return undefined;
      void touch(found.key);
      return { diagram: found.diagram, diagnostics: found.diagnostics };
    },

    async put(source, layout) {
      const id = identity(source, options.version);
      const key = keyOf(id);
      let bytes: number;
      try {
        bytes = JSON.stringify(layout).length + id.text.length;
      } catch {
        return;
      }
      if (bytes > maxBytes) return;
      const record: LayoutRecord = { key, format: FORMAT, ...id, ...layout };
      await transact([LAYOUTS, USAGE], 'readwrite', (tx) => {
        const layouts = tx.objectStore(LAYOUTS);
        const usage = tx.objectStore(USAGE);
        layouts.put(record);
        usage.put({ key, used: stamp(), bytes } satisfies UsageRecord);
        const all = usage.getAll();
        all.onsuccess = () => {
          const entries = (all.result as UsageRecord[]).sort((a, b) => a.used - b.used);
          let count = entries.length;
          const size = (e: UsageRecord) => (Number.isFinite(e.bytes) ? e.bytes : 0);
          let total = entries.reduce((sum, e) => sum + size(e), 0);
          for (const oldest of entries) {
            if (count <= maxEntries && total <= maxBytes) break;
            if (oldest.key === key) continue;
            layouts.delete(oldest.key);
            usage.delete(oldest.key);
            count--;
            total -= size(oldest);
          }
        };
      });
    },

    close() {
      void connection?.then((db) => db?.close());
      connection = undefined;
    },
  };
}
