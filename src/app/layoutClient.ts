import layoutWorkerUrl from '../worker/layout.worker.ts?worker&url';
import { joinParts } from '../worker/parts.ts';
import type {
  DiagramPart,
  LayoutPhase,
  LayoutRequest,
  LayoutResponse,
  LayoutResult,
} from '../worker/protocol.ts';
import type { LayoutSource, LayoutStore } from './layoutStore.ts';

/**
 * The layout worker's script. In a build its name carries a hash of the
 * bundle (every module the worker imports), so it names the layout code's
 * version; in dev it is the same URL whatever the code.
 */
export const LAYOUT_WORKER_URL: string = layoutWorkerUrl;

export interface LayoutJob {
  text: string;
  file: string;
  collapsed?: string[];
  /** Jobs on one channel supersede each other (default `view`). */
  channel?: string;
  /**
   * Read the answer from the client's store and keep it there (default
   * true). The editor turns it off: its texts change with every pause in
   * typing, and would push out the layouts worth keeping.
   */
  persist?: boolean;
  onProgress?: (phase: LayoutPhase) => void;
}

export interface LayoutClient {
  /**
   * Parses and lays out in the worker, or answers from the store when it
   * has this layout. A newer job on the same channel makes an older pending
   * one resolve as `cancelled` at once; the worker then skips it if it has
   * not started it yet.
   */
  request(job: LayoutJob): Promise<LayoutResult>;
  destroy(): void;
}

export interface LayoutClientOptions {
  /** Defaults to a module worker running `src/worker/layout.worker.ts`. */
  createWorker?: () => Worker;
  /** Finished layouts kept across visits (`openLayoutStore()`); none by default. */
  store?: LayoutStore | undefined;
  /**
   * How long a job waits for the store before the worker is asked anyway
   * (default 200 ms). An answer from the store that comes later still wins
   * if the worker has not answered by then.
   */
  storeWaitMs?: number;
}

interface Pending {
  channel: string;
  resolve: (result: LayoutResult) => void;
  onProgress: ((phase: LayoutPhase) => void) | undefined;
  /** The worker the job was sent to; null while the store is asked first. */
  sentTo: Worker | null;
  /** Where the answer is kept, when it is. */
  source: LayoutSource | null;
  /** A big diagram's nodes and edges, come ahead of its answer. */
  parts: DiagramPart[];
}

/**
 * The browser side of the layout port: everything heavy runs in a Web Worker.
 * If the worker dies, pending jobs fail with its message and the next job
 * starts a fresh worker, so one bad moment does not break the app. With a
 * store, a layout kept from an earlier visit answers without the worker.
 */
export function createLayoutClient(options: LayoutClientOptions = {}): LayoutClient {
  const {
    createWorker = () => new Worker(LAYOUT_WORKER_URL, { type: 'module' }),
    store,
    storeWaitMs = 200,
  } = options;
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const settle = (id: number, result: LayoutResult) => {
    const entry = pending.get(id);
    pending.delete(id);
    entry?.resolve(result);
    return entry;
  };

  const keep = (source: LayoutSource, result: LayoutResult) => {
    if (!store || !('ok' in result) || !result.ok) return;
    const { diagram, diagnostics } = result;
    // After the answer: the caller draws first, the copy into IndexedDB comes next.
    setTimeout(() => void store.put(source, { diagram, diagnostics }), 0);
  };

  const start = (): Worker => {
    const created = createWorker();
    created.addEventListener('message', (event: MessageEvent<LayoutResponse>) => {
      const response = event.data;
      if ('progress' in response) {
        pending.get(response.requestId)?.onProgress?.(response.progress);
        return;
      }
      if ('part' in response) {
        pending.get(response.requestId)?.parts.push(response.part);
        return;
      }
      const result = joinParts(response, pending.get(response.requestId)?.parts ?? []);
      const entry = settle(response.requestId, result);
      if (entry?.source) keep(entry.source, result);
    });
    created.addEventListener('error', (event) => {
      event.preventDefault();
      const message = event.message || 'worker';
      for (const [id, entry] of [...pending]) {
        if (entry.sentTo !== created) continue;
        settle(id, { requestId: id, ok: false, reason: 'crashed', diagnostics: [], message });
      }
      created.terminate();
      if (worker === created) worker = null;
    });
    return created;
  };

  // Start at once: loading and compiling ELK is the slow part of a first
  // layout, and a job the store answers is followed by one it does not.
  worker = start();
  return {
    request(job) {
      const channel = job.channel ?? 'view';
      for (const [id, entry] of pending) {
        if (entry.channel === channel) settle(id, { requestId: id, cancelled: true });
      }
      const requestId = nextId++;
      const message: LayoutRequest = {
        requestId,
        channel,
        text: job.text,
        file: job.file,
        ...(job.collapsed?.length ? { collapsed: job.collapsed } : {}),
      };
      const source =
        store && job.persist !== false
          ? { text: job.text, file: job.file, collapsed: job.collapsed }
          : null;
      return new Promise((resolve) => {
        const entry: Pending = {
          channel,
          resolve,
          onProgress: job.onProgress,
          sentTo: null,
          source,
          parts: [],
        };
        pending.set(requestId, entry);
        const send = () => {
          if (entry.sentTo || pending.get(requestId) !== entry) return;
          worker ??= start();
          entry.sentTo = worker;
          worker.postMessage(message);
        };
        if (!store || !source) {
          send();
          return;
        }
        const timer = setTimeout(send, storeWaitMs);
        void store
          .get(source)
          .catch(() => undefined)
          .then((kept) => {
            clearTimeout(timer);
            if (kept && pending.get(requestId) === entry) {
              settle(requestId, { requestId, ok: true, ...kept });
            } else send();
          });
      });
    },
    destroy() {
      worker?.terminate();
      worker = null;
      for (const id of [...pending.keys()]) settle(id, { requestId: id, cancelled: true });
    },
  };
}
