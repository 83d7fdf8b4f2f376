import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { type ElkPool, elkPool, type StoppablePort } from '../core/layout/elkPool.ts';
import type { ElkPort } from '../core/layout/layoutRuns.ts';

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

/**
 * elkjs in a worker thread; the thread keeps the process alive only while it
 * lays out. If the thread cannot start or dies, its graphs and any later ones
 * go to `fallback` (this thread's elkjs): the same layout, later.
 */
export function elkThread(fallback: ElkPort): StoppablePort {
  const pending = new Map<
    number,
    { graph: ElkNode; resolve(g: ElkNode): void; reject(e: Error): void }
  >();
  let next = 0;
  let failed = false;
  const fail = () => {
    if (failed) return;
    failed = true;
    for (const job of pending.values()) fallback.layout(job.graph).then(job.resolve, job.reject);
    pending.clear();
  };
  let worker: Worker | undefined;
  try {
    worker = new Worker(THREAD, {
      eval: true,
      workerData: { elk: createRequire(import.meta.url).resolve('elkjs/lib/elk.bundled.js') },
    });
  } catch {
    fail();
  }
  worker?.unref();
  worker?.on('message', (m: { id: number; graph?: ElkNode; error?: string }) => {
    const job = pending.get(m.id);
    pending.delete(m.id);
    if (pending.size === 0) worker?.unref();
    if (m.graph) job?.resolve(m.graph);
    else job?.reject(new Error(m.error ?? 'ELK failed'));
  });
  worker?.on('error', fail);
  worker?.on('exit', fail);
  return {
    layout(graph) {
      if (failed || !worker) return fallback.layout(graph);
      const id = next++;
      worker.ref();
      return new Promise((resolve, reject) => {
        pending.set(id, { graph, resolve, reject });
        worker.postMessage({ id, graph });
      });
    },
    // Graphs still on the thread go to `fallback` when it exits.
    stop: () => void worker?.terminate(),
  };
}

/**
 * ELK on every core: this thread's elkjs first, then a worker thread per
 * further core (`FLOWDECK_LAYOUT_THREADS` sets the total; 1 = this thread only).
 */
export function elkThreads(count = threadCount()): ElkPool {
  const here = new ELK();
  return elkPool([() => here, ...Array.from({ length: count - 1 }, () => () => elkThread(here))]);
}

function threadCount(): number {
  const set = Number(process.env.FLOWDECK_LAYOUT_THREADS);
  return Number.isInteger(set) && set >= 1 ? set : availableParallelism();
}
