import type {
  LayoutPhase,
  LayoutRequest,
  LayoutResponse,
  LayoutResult,
} from '../worker/protocol.ts';

export interface LayoutJob {
  text: string;
  file: string;
  collapsed?: string[];
  /** Jobs on one channel supersede each other (default `view`). */
  channel?: string;
  onProgress?: (phase: LayoutPhase) => void;
}

export interface LayoutClient {
  /**
   * Parses and lays out in the worker. A newer job on the same channel makes
   * an older pending one resolve as `cancelled` at once; the worker then skips
   * it if it has not started it yet.
   */
  request(job: LayoutJob): Promise<LayoutResult>;
  destroy(): void;
}

interface Pending {
  channel: string;
  resolve: (result: LayoutResult) => void;
  onProgress: ((phase: LayoutPhase) => void) | undefined;
}

/**
 * The browser side of the layout port: everything heavy runs in a Web Worker.
 * If the worker dies, pending jobs fail with its message and the next job
 * starts a fresh worker, so one bad moment does not break the app.
 */
export function createLayoutClient(
  createWorker: () => Worker = () =>
    new Worker(new URL('../worker/layout.worker.ts', import.meta.url), { type: 'module' }),
): LayoutClient {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const settle = (id: number, result: LayoutResult) => {
    const entry = pending.get(id);
    pending.delete(id);
    entry?.resolve(result);
  };

  const start = (): Worker => {
    const created = createWorker();
    created.addEventListener('message', (event: MessageEvent<LayoutResponse>) => {
      const response = event.data;
      if ('progress' in response) pending.get(response.requestId)?.onProgress?.(response.progress);
      else settle(response.requestId, response);
    });
    created.addEventListener('error', (event) => {
      event.preventDefault();
      const message = event.message || 'worker';
      for (const id of [...pending.keys()]) {
        settle(id, { requestId: id, ok: false, reason: 'crashed', diagnostics: [], message });
      }
      created.terminate();
      if (worker === created) worker = null;
    });
    return created;
  };

  // Start at once: loading and compiling ELK is the slow part of a first layout.
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
      worker ??= start();
      const target = worker;
      return new Promise((resolve) => {
        pending.set(requestId, { channel, resolve, onProgress: job.onProgress });
        target.postMessage(message);
      });
    },
    destroy() {
      worker?.terminate();
      worker = null;
      for (const id of [...pending.keys()]) settle(id, { requestId: id, cancelled: true });
    },
  };
}
