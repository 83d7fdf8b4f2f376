/// <reference lib="webworker" />
import { type ConvertRequest, convert } from './convert.ts';

declare const self: DedicatedWorkerGlobalScope;

// The editor's "Convert to Flowdeck YAML": parsing and writing a big chart
// takes seconds, which the main thread must not spend (docs/hardening.md).
self.addEventListener('message', (event: MessageEvent<ConvertRequest>) => {
  self.postMessage(convert(event.data));
});
