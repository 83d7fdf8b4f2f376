import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { type ElkPool, elkPool, type StoppablePort } from '../core/layout/elkPool.ts';
import type { ElkPort } from '../core/layout/layoutRuns.ts';
import type { ElkAnswer, ElkJob } from './elkJob.ts';

/** The most ELK workers the layout worker starts beside its own ELK. */
export const MAX_ELK_WORKERS = 3;

/** How many ELK workers to start for `cores` (navigator.hardwareConcurrency): one per further core. */
export function elkWorkerCount(cores: number | undefined): number {
  return Math.min(MAX_ELK_WORKERS, Math.max(0, Math.floor(cores ?? 1) - 1));
}

/**
 * The layout worker's ELK: `here` (elkjs in its own thread) first, then
 * `count` ELK workers from `createWorker`, each started the first time a
 * layout has runs for it. One that cannot start, or dies, leaves its runs to
 * `here`: the same layout, later.
 */
export function elkWorkers(here: ElkPort, count: number, createWorker: () => Worker): ElkPool {
  const start = () => elkWorker(createWorker, here);
  return elkPool([() => here, ...Array.from({ length: count }, () => start)]);
}

/**
 * elkjs in a Web Worker (`serveElk()` on the other side). Ready when the
 * worker says so; if it fails to load or dies, its jobs and any later ones
 * go to `fallback`.
 */
export function elkWorker(createWorker: () => Worker, fallback: ElkPort): StoppablePort {
  const pending = new Map<
    number,
    { graph: ElkNode; resolve(g: ElkNode): void; reject(e: Error): void }
  >();
  let next = 0;
  let failed = false;
  let settleReady: (ok: boolean) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    settleReady = (ok) => (ok ? resolve() : reject(new Error('the ELK worker did not start')));
  });
  // Nobody may wait on `ready` (a pool that never needs this port).
  ready.catch(() => {});

  let worker: Worker | undefined;
  const fail = () => {
    if (failed) return;
    failed = true;
    worker?.terminate();
    settleReady(false);
    for (const job of pending.values()) fallback.layout(job.graph).then(job.resolve, job.reject);
    pending.clear();
  };

  try {
    worker = createWorker();
  } catch {
    fail();
  }
  worker?.addEventListener('message', (event: MessageEvent<ElkAnswer>) => {
    const answer = event.data;
    if ('ready' in answer) {
      settleReady(true);
      return;
    }
    const job = pending.get(answer.id);
    pending.delete(answer.id);
    if ('graph' in answer) job?.resolve(answer.graph);
    else job?.reject(new Error(answer.error));
  });
  worker?.addEventListener('error', (event) => {
    // Handled here: the page need not hear of it.
    event.preventDefault();
    fail();
  });

  return {
    ready,
    layout(graph) {
      if (failed || !worker) return fallback.layout(graph);
      const id = next++;
      const running = worker;
      return new Promise((resolve, reject) => {
        pending.set(id, { graph, resolve, reject });
        running.postMessage({ id, graph } satisfies ElkJob);
      });
    },
    stop() {
      worker?.terminate();
      for (const job of pending.values()) job.reject(new Error('the ELK worker was stopped'));
      pending.clear();
    },
  };
}
