/// <reference lib="webworker" />
import { createLayoutEngine } from '../core/layout/createLayoutEngine.ts';
import { DEFAULT_LAYOUT_SETTINGS } from '../core/layout/settings.ts';
import { layoutSource } from '../core/layoutSource.ts';
import { measureText } from '../core/measure/measureText.ts';
import { inParts } from './parts.ts';
import type { LayoutRequest, LayoutResponse } from './protocol.ts';
import { createLayoutQueue } from './queue.ts';

declare const self: DedicatedWorkerGlobalScope;

// elkjs, loaded inside a worker, claims self.onmessage for its own protocol;
// we run ELK in-process here, so take the handler back.
self.onmessage = null;

const engine = createLayoutEngine({ measure: measureText, settings: DEFAULT_LAYOUT_SETTINGS });
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
