/// <reference lib="webworker" />
import { createLayoutEngine } from '../core/layout/createLayoutEngine.ts';
import { DEFAULT_LAYOUT_SETTINGS } from '../core/layout/settings.ts';
import { measureText } from '../core/measure/measureText.ts';
import { collapseGroups } from '../core/model/collapse.ts';
import { parseDiagram } from '../core/parse/parseDiagram.ts';
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
  const { requestId, text, file } = request;
  try {
    reply({ requestId, progress: 'parsing' });
    const { model, diagnostics } = parseDiagram(text, { file, limits: request.limits });
    const failed = !model || diagnostics.some((d) => d.severity === 'error');
    if (failed) {
      const message = 'The diagram has errors.';
      return { requestId, ok: false, reason: 'invalid', diagnostics, message };
    }
    reply({ requestId, progress: 'layout' });
    const view = collapseGroups(model, new Set(request.collapsed ?? []));
    const diagram = await engine.layout(view, { screen: request.screen });
    return { requestId, ok: true, diagram, diagnostics };
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    return { requestId, ok: false, reason: 'crashed', diagnostics: [], message };
  }
}
