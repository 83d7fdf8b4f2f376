import type { LayoutAnswer } from '../core/layoutSource.ts';
import type { ScreenShape } from '../core/model/screenShape.ts';
import type { Limits } from '../core/parse/limits.ts';
import layoutWorkerUrl from '../worker/layout.worker.ts?worker&url';
import { joinParts } from '../worker/parts.ts';
import type {
  DiagramPart,
  LayoutPhase,
  LayoutRequest,
  LayoutResponse,
  LayoutResult,
} from '../worker/protocol.ts';
import type { LayoutSource, LayoutStore } from './layoutStore.ts';

/**
 * The layout worker's script. In a build its name carries a hash of the
 * bundle (every module the worker imports), so it names the layout code's
 * version; in dev it is the same URL whatever the code.
 */
export const LAYOUT_WORKER_URL: string = layoutWorkerUrl;

/**
 * Where a job is: `loading` a layout made ahead of time, `starting` the
 * worker for one that is not, then the worker's own phases.
 */
export type JobPhase = 'loading' | 'starting' | LayoutPhase;

export interface LayoutJob {
  text: string;
  file: string;
  collapsed?: string[];
  /** The shape of the screen the layout is for (`useScreenShape`); none is as written. */
  screen?: ScreenShape | undefined;
  /** Jobs on one channel supersede each other (default `view`). */
  channel?: string;
  /**
   * Read the answer from the client's store and keep it there (default
   * true). The editor turns it off: its texts change with every pause in
   * typing, and would push out the layouts worth keeping.
   */
  persist?: boolean;
  onProgress?: (phase: JobPhase) => void;
}

export interface LayoutClient {
  /**
   * Parses and lays out in the worker, or answers from the store when it
   * has this layout. A newer job on the same channel makes an older pending
   * one resolve as `cancelled` at once; the worker then skips it if it has
   * not started it yet.
   */
  request(job: LayoutJob): Promise<LayoutResult>;
  /**
   * Starts the worker now, if it is not running, for a layout that may be
   * asked for soon: loading and compiling ELK takes a second or two, which
   * a first request would otherwise wait for.
   */
  warm(): void;
  destroy(): void;
  /** The limits every job is parsed with, over `DEFAULT_LIMITS` (`LayoutClientOptions.limits`). */
  readonly limits: Partial<Limits>;
  /** How long one job may run before it is stopped (`LayoutClientOptions.timeoutMs`). */
  readonly timeoutMs: number;
}

/**
 * How long one layout may run by default: a diagram at the limits, nested as
 * real diagrams are, takes under 10 s here (docs/hardening.md#limits).
 */
export const DEFAULT_LAYOUT_TIMEOUT_MS = 30_000;

export interface LayoutClientOptions {
  /** Defaults to a module worker running `src/worker/layout.worker.ts`. */
  createWorker?: () => Worker;
  /**
   * A layout made ahead of time for a job (`prebuiltAnswer()`: the build's,
   * or the dev server's), if there is one: taken in place of asking the store
   * or the worker. One that resolves undefined falls back to them.
   */
  prebuilt?: (job: LayoutJob) => Promise<LayoutAnswer | undefined> | undefined;
  /** Finished layouts kept across visits (`openLayoutStore()`); none by default. */
  store?: LayoutStore | undefined;
  /**
   * How long a job waits for the store before the worker is asked anyway
   * (default 200 ms). An answer from the store that comes later still wins
   * if the worker has not answered by then.
   */
  storeWaitMs?: number;
  /** Sent with every job: limits over `DEFAULT_LIMITS` (the app's `?limits=`, `limitsSetting.ts`). */
  limits?: Partial<Limits> | undefined;
  /**
   * How long one job may run in the worker (default
   * `DEFAULT_LAYOUT_TIMEOUT_MS`), counted from when the worker starts it, not
   * while it waits behind others. ELK cannot be interrupted, so a job that
   * runs longer is stopped by terminating the worker: it resolves as a
   * `timeout` failure, and the jobs waiting behind it go to a fresh worker.
   */
  timeoutMs?: number | undefined;
}

interface Pending {
  channel: string;
  /** What the worker is sent, again if its worker is stopped before it ran. */
  message: LayoutRequest;
  resolve: (result: LayoutResult) => void;
  onProgress: ((phase: JobPhase) => void) | undefined;
  /** The worker the job was sent to; null while the store is asked first. */
  sentTo: Worker | null;
  /** Where the answer is kept, when it is. */
  source: LayoutSource | null;
  /** A big diagram's nodes and edges, come ahead of its answer. */
  parts: DiagramPart[];
}

/**
 * The worker the client talks to, and the clock on the job it runs: started
 * when the worker starts the job (its `parsing` message), stopped by its
 * answer. It keeps running for a job the client has cancelled meanwhile: a
 * worker stuck on one holds up every job behind it.
 */
interface Running {
  worker: Worker;
  clock: { requestId: number; timer: ReturnType<typeof setTimeout> } | null;
}

/**
 * The browser side of the layout port: everything heavy runs in a Web Worker.
 * If the worker dies, pending jobs fail with its message and the next job
 * starts a fresh worker, so one bad moment does not break the app. A job
 * that runs longer than `timeoutMs` is stopped the only way ELK can be: the
 * worker is terminated, the job fails as `timeout`, and the jobs queued
 * behind it are sent to a fresh worker. With a store, a layout kept from an
 * earlier visit answers without the worker.
 */
export function createLayoutClient(options: LayoutClientOptions = {}): LayoutClient {
  const {
    createWorker = () => new Worker(LAYOUT_WORKER_URL, { type: 'module' }),
    prebuilt,
    store,
    storeWaitMs = 200,
    limits = {},
    timeoutMs = DEFAULT_LAYOUT_TIMEOUT_MS,
  } = options;
  const hasLimits = Object.keys(limits).length > 0;
  let running: Running | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const settle = (id: number, result: LayoutResult) => {
    const entry = pending.get(id);
    pending.delete(id);
    entry?.resolve(result);
    return entry;
  };

  const keep = (source: LayoutSource, result: LayoutResult) => {
    if (!store || !('ok' in result) || !result.ok) return;
    const { diagram, diagnostics } = result;
    // After the answer: the caller draws first, the copy into IndexedDB comes next.
    setTimeout(() => void store.put(source, { diagram, diagnostics }), 0);
  };

  const startClock = (run: Running, requestId: number) => {
    if (run.clock) clearTimeout(run.clock.timer);
    const timer = setTimeout(() => stop(run), timeoutMs);
    run.clock = { requestId, timer };
  };

  const forget = (run: Running) => {
    run.worker.terminate();
    if (run.clock) clearTimeout(run.clock.timer);
    run.clock = null;
    if (running === run) running = null;
  };

  /** The worker ran one job too long: stop it, fail that job, send the rest again. */
  const stop = (run: Running) => {
    if (running !== run) return;
    const stuck = run.clock?.requestId;
    forget(run);
    if (stuck !== undefined && pending.has(stuck)) {
      const seconds = Math.round(timeoutMs / 1000);
      const message = `Laying out this diagram took longer than ${seconds} s, so it was stopped.`;
      settle(stuck, { requestId: stuck, ok: false, reason: 'timeout', diagnostics: [], message });
    }
    for (const entry of pending.values()) {
      if (entry.sentTo !== run.worker) continue;
      entry.sentTo = null;
      entry.parts = [];
      send(entry);
    }
  };

  const start = (): Running => {
    const created = createWorker();
    const run: Running = { worker: created, clock: null };
    created.addEventListener('message', (event: MessageEvent<LayoutResponse>) => {
      const response = event.data;
      const { requestId } = response;
      if ('progress' in response) {
        // The worker starts a job by reading it: from here it has timeoutMs
        // (not before: a worker starting up, or busy with another job, is not stuck).
        if (response.progress === 'parsing') startClock(run, requestId);
        pending.get(requestId)?.onProgress?.(response.progress);
        return;
      }
      if ('part' in response) {
        pending.get(requestId)?.parts.push(response.part);
        return;
      }
      if (run.clock?.requestId === requestId) {
        clearTimeout(run.clock.timer);
        run.clock = null;
      }
      const result = joinParts(response, pending.get(requestId)?.parts ?? []);
      const entry = settle(requestId, result);
      if (entry?.source) keep(entry.source, result);
    });
    created.addEventListener('error', (event) => {
      event.preventDefault();
      const message = event.message || 'worker';
      for (const [id, entry] of [...pending]) {
        if (entry.sentTo !== created) continue;
        settle(id, { requestId: id, ok: false, reason: 'crashed', diagnostics: [], message });
      }
      forget(run);
    });
    return run;
  };

  const send = (entry: Pending) => {
    if (entry.sentTo || pending.get(entry.message.requestId) !== entry) return;
    running ??= start();
    entry.sentTo = running.worker;
    running.worker.postMessage(entry.message);
  };

  /** Asks the store, then the worker: a layout made here, now. */
  const layOut = (entry: Pending) => {
    const { requestId } = entry.message;
    if (!store || !entry.source) {
      send(entry);
      return;
    }
    const timer = setTimeout(() => send(entry), storeWaitMs);
    void store
      .get(entry.source)
      .catch(() => undefined)
      .then((kept) => {
        clearTimeout(timer);
        if (kept && pending.get(requestId) === entry) {
          settle(requestId, { requestId, ok: true, ...kept });
        } else send(entry);
      });
  };

  // The worker starts with the first job that needs it: loading and
  // compiling ELK is what a prebuilt layout saves.
  return {
    limits,
    timeoutMs,
    request(job) {
      const channel = job.channel ?? 'view';
      for (const [id, entry] of pending) {
        if (entry.channel === channel) settle(id, { requestId: id, cancelled: true });
      }
      const requestId = nextId++;
      const message: LayoutRequest = {
        requestId,
        channel,
        text: job.text,
        file: job.file,
        ...(job.collapsed?.length ? { collapsed: job.collapsed } : {}),
        ...(job.screen ? { screen: job.screen } : {}),
        ...(hasLimits ? { limits } : {}),
      };
      // Layouts kept across visits are the default limits' (a shortened label differs).
      const source =
        store && job.persist !== false && !hasLimits
          ? { text: job.text, file: job.file, collapsed: job.collapsed, screen: job.screen }
          : null;
      // Prebuilt layouts are the default limits' too.
      const ready = hasLimits ? undefined : prebuilt?.(job);
      return new Promise((resolve) => {
        const entry: Pending = {
          channel,
          message,
          resolve,
          onProgress: job.onProgress,
          sentTo: null,
          source,
          parts: [],
        };
        pending.set(requestId, entry);
        if (!ready) {
          layOut(entry);
          return;
        }
        job.onProgress?.('loading');
        void ready.then((answer) => {
          if (pending.get(requestId) !== entry) return;
          if (answer) {
            settle(requestId, { requestId, ...answer });
            return;
          }
          job.onProgress?.('starting');
          layOut(entry);
        });
      });
    },
    warm() {
      running ??= start();
    },
    destroy() {
      if (running) forget(running);
      for (const id of [...pending.keys()]) settle(id, { requestId: id, cancelled: true });
    },
  };
}
