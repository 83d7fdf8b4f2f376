/// <reference lib="webworker" />
import ELK from 'elkjs/lib/elk.bundled.js';
import { createDefaultLayoutEngine } from '../core/layout/createDefaultLayoutEngine.ts';
import { layoutSource } from '../core/layoutSource.ts';
import { ELK_WORKER_NAME, type ElkAnswer, type ElkJob, measuredElk, serveElk } from './elkJob.ts';
import { elkWorkerCount, elkWorkers } from './elkWorkers.ts';
import { inParts } from './parts.ts';
import type { LayoutRequest, LayoutResponse } from './protocol.ts';
import { createLayoutQueue } from './queue.ts';

declare const self: DedicatedWorkerGlobalScope;

// elkjs, loaded inside a worker, claims self.onmessage for its own protocol;
// we run ELK in-process here, so take the handler back.
self.onmessage = null;

const here = measuredElk(new ELK());

if (self.name === ELK_WORKER_NAME) {
  // Started by a layout worker below, from this same script: ELK alone.
  const answer = serveElk(here, (message: ElkAnswer) => self.postMessage(message));
  self.addEventListener('message', (event: MessageEvent<ElkJob>) => answer(event.data));
} else {
  serveLayouts();
}

/**
 * The layout worker the app starts (`layoutClient.ts`). Its engine lays the
 * runs of a big diagram out in parallel: on its own ELK and on ELK workers,
 * one per further core, started from this script's URL when first needed.
 */
function serveLayouts() {
  const count = typeof Worker === 'undefined' ? 0 : elkWorkerCount(navigator.hardwareConcurrency);
  const elk = elkWorkers(
    here,
    count,
    () => new Worker(self.location.href, { type: 'module', name: ELK_WORKER_NAME }),
  );
  const engine = createDefaultLayoutEngine(elk);
  const reply = (response: LayoutResponse) => {
    for (const message of inParts(response)) self.postMessage(message);
  };
  const run = async (request: LayoutRequest): Promise<LayoutResponse> => {
    const { requestId } = request;
    reply({ requestId, progress: 'parsing' });
    const answer = await layoutSource(engine, request, (progress) =>
      reply({ requestId, progress }),
    );
    return { requestId, ...answer };
  };
  const enqueue = createLayoutQueue(run, reply);
  self.addEventListener('message', (event: MessageEvent<LayoutRequest>) => enqueue(event.data));
}
