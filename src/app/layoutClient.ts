import type { LayoutRequest, LayoutResponse } from '../worker/protocol.ts';

export interface LayoutClient {
  /** Parses and lays out in the worker. A newer call makes older pending ones resolve as `cancelled`. */
  request(text: string, file: string): Promise<LayoutResponse | { cancelled: true }>;
  destroy(): void;
}

/** The browser side of the layout port: everything heavy runs in a Web Worker. */
export function createLayoutClient(): LayoutClient {
  const worker = new Worker(new URL('../worker/layout.worker.ts', import.meta.url), {
    type: 'module',
  });
  let nextId = 1;
  const pending = new Map<number, (r: LayoutResponse | { cancelled: true }) => void>();
  worker.addEventListener('message', (event: MessageEvent<LayoutResponse>) => {
    const resolve = pending.get(event.data.requestId);
    pending.delete(event.data.requestId);
    resolve?.(event.data);
  });
  worker.addEventListener('error', (event) => {
    for (const [id, resolve] of pending) {
      resolve({
        requestId: id,
        ok: false,
        diagnostics: [],
        message: event.message || 'Layout worker failed',
      });
    }
    pending.clear();
  });
  return {
    request(text, file) {
      for (const resolve of pending.values()) resolve({ cancelled: true });
      pending.clear();
      const requestId = nextId++;
      const message: LayoutRequest = { requestId, text, file };
      return new Promise((resolve) => {
        pending.set(requestId, resolve);
        worker.postMessage(message);
      });
    },
    destroy() {
      worker.terminate();
      pending.clear();
    },
  };
}
