/// <reference lib="webworker" />
import { createDefaultLayoutEngine } from '../core/layout/createDefaultLayoutEngine.ts';
import { layoutSource } from '../core/layoutSource.ts';
import { inParts } from './parts.ts';
import type { LayoutRequest, LayoutResponse } from './protocol.ts';
import { createLayoutQueue } from './queue.ts';

declare const self: DedicatedWorkerGlobalScope;

// elkjs, loaded inside a worker, claims self.onmessage for its own protocol;
// we run ELK in-process here, so take the handler back.
self.onmessage = null;

const engine = createDefaultLayoutEngine();
const reply = (response: LayoutResponse) => {
  for (const message of inParts(response)) self.postMessage(message);
};
const enqueue = createLayoutQueue(run, reply);

self.addEventListener('message', (event: MessageEvent<LayoutRequest>) => enqueue(event.data));

async function run(request: LayoutRequest): Promise<LayoutResponse> {
  const { requestId } = request;
  reply({ requestId, progress: 'parsing' });
  const answer = await layoutSource(engine, request, (progress) => reply({ requestId, progress }));
  return { requestId, ...answer };
}
