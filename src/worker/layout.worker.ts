/// <reference lib="webworker" />
import { createLayoutEngine } from '../core/layout/createLayoutEngine.ts';
import { DEFAULT_LAYOUT_SETTINGS } from '../core/layout/settings.ts';
import { measureText } from '../core/measure/measureText.ts';
import { parseDiagram } from '../core/parse/parseDiagram.ts';
import type { LayoutRequest, LayoutResponse } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

// elkjs, loaded inside a worker, claims self.onmessage for its own protocol;
// we run ELK in-process here, so take the handler back.
self.onmessage = null;

const engine = createLayoutEngine({ measure: measureText, settings: DEFAULT_LAYOUT_SETTINGS });

self.addEventListener('message', async (event: MessageEvent<LayoutRequest>) => {
  const { requestId, text, file } = event.data;
  const reply = (response: LayoutResponse) => self.postMessage(response);
  try {
    const { model, diagnostics } = parseDiagram(text, { file });
    const failed = !model || diagnostics.some((d) => d.severity === 'error');
    if (failed)
      return reply({ requestId, ok: false, diagnostics, message: 'The diagram has errors.' });
    const diagram = await engine.layout(model);
    reply({ requestId, ok: true, diagram, diagnostics });
  } catch (error) {
    reply({
      requestId,
      ok: false,
      diagnostics: [],
      message: String((error as Error)?.message ?? error),
    });
  }
});
