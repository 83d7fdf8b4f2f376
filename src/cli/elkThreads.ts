import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { type ElkPool, elkPool, type StoppablePort } from '../core/layout/elkPool.ts';

// A worker thread that lays out the graphs it is sent with its own elkjs.
// Plain CommonJS handed to `eval`, so it runs the same under tsx and built.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const ELK = require(workerData.elk);
const elk = new ELK();
parentPort.on('message', ({ id, graph }) => {
  elk.layout(graph).then(
    (laid) => parentPort.postMessage({ id, graph: laid }),
    (error) => parentPort.postMessage({ id, error: String((error && error.message) || error) }),
  );
});
`;

/** elkjs in a worker thread; the thread keeps the process alive only while it lays out. */
export function elkThread(): StoppablePort {
  const worker = new Worker(THREAD, {
    eval: true,
    workerData: { elk: createRequire(import.meta.url).resolve('elkjs/lib/elk.bundled.js') },
  });
  worker.unref();
  const pending = new Map<number, { resolve(g: ElkNode): void; reject(e: Error): void }>();
  let next = 0;
  const fail = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on('message', (m: { id: number; graph?: ElkNode; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (pending.size === 0) worker.unref();
    if (m.graph) p?.resolve(m.graph);
    else p?.reject(new Error(m.error ?? 'ELK failed'));
  });
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('the ELK thread stopped')));
  return {
    layout(graph) {
      const id = next++;
      worker.ref();
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, graph });
      });
    },
    stop: () => void worker.terminate(),
  };
}

/**
 * ELK on every core: this thread's elkjs first, then a worker thread per
 * further core (`FLOWDECK_LAYOUT_THREADS` sets the total; 1 = this thread only).
 */
export function elkThreads(count = threadCount()): ElkPool {
  const here = new ELK();
  return elkPool([() => here, ...Array.from({ length: count - 1 }, () => elkThread)]);
}

function threadCount(): number {
  const set = Number(process.env.FLOWDECK_LAYOUT_THREADS);
  return Number.isInteger(set) && set >= 1 ? set : availableParallelism();
}
