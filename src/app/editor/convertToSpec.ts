import type { Limits } from '../../core/parse/limits.ts';
import type { ConvertRequest, ConvertResult } from '../../worker/convert.ts';
import convertWorkerUrl from '../../worker/convert.worker.ts?worker&url';

export interface ConvertToSpecOptions {
  limits?: Partial<Limits> | undefined;
  /** A title for a chart's default flow when the chart has none (the UI's "Walkthrough"). */
  walkthroughTitle?: string | undefined;
  /** Given up after this long: the worker is stopped and the result is a `timeout`. */
  timeoutMs: number;
  /** Defaults to a module worker running `src/worker/convert.worker.ts`. */
  createWorker?: () => Worker;
}

/**
 * Writes a diagram as Flowdeck YAML in a worker of its own, started for this
 * one job and stopped after it: a big chart takes seconds to parse and write,
 * and the editor must keep answering meanwhile.
 */
export function convertToSpec(
  text: string,
  file: string,
  options: ConvertToSpecOptions,
): Promise<ConvertResult> {
  const {
    limits,
    walkthroughTitle,
    timeoutMs,
    createWorker = () => new Worker(convertWorkerUrl, { type: 'module' }),
  } = options;
  return new Promise((resolve) => {
    const worker = createWorker();
    const done = (result: ConvertResult) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => {
      const message = `Converting took longer than ${Math.round(timeoutMs / 1000)} s, so it was stopped.`;
      done({ ok: false, reason: 'timeout', message });
    }, timeoutMs);
    worker.addEventListener('message', (event: MessageEvent<ConvertResult>) => done(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      done({ ok: false, reason: 'crashed', message: event.message || 'worker' });
    });
    const request: ConvertRequest = {
      text,
      file,
      ...(limits ? { limits } : {}),
      ...(walkthroughTitle ? { walkthroughTitle } : {}),
    };
    worker.postMessage(request);
  });
}
