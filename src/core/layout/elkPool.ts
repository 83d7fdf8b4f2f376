import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { ElkPort } from './layoutRuns.ts';

/** An ElkPort over several: how many there are, and a way to stop the ones started. */
export interface ElkPool extends ElkPort {
  readonly size: number;
  /** Stops every port that has a `stop` (workers); the pool starts them again if asked. */
  stop(): void;
}

/** An ElkPort that may hold a thread: a worker stops. */
export interface StoppablePort extends ElkPort {
  stop?(): void;
}

/**
 * Lays graphs out on several ports at once, each on one graph at a time:
 * `layoutRuns` hands over the runs that do not wait on each other together,
 * and each goes to a free port, the first ones first (the first is usually
 * ELK in this thread, already compiled; the others are workers, started the
 * first time a layout needs them).
 */
export function elkPool(starts: readonly (() => StoppablePort)[]): ElkPool {
  const ports: (StoppablePort | undefined)[] = starts.map(() => undefined);
  const busy = starts.map(() => false);
  const waiting: (() => void)[] = [];
  const free = () => busy.indexOf(false);

  const run = async (i: number, graph: ElkNode): Promise<ElkNode> => {
    busy[i] = true;
    try {
      let port = ports[i];
      if (!port) {
        port = (starts[i] as () => StoppablePort)();
        ports[i] = port;
      }
      return await port.layout(graph);
    } finally {
      busy[i] = false;
      waiting.shift()?.();
    }
  };

  return {
    size: starts.length,
    async layout(graph) {
      let i = free();
      while (i < 0) {
        await new Promise<void>((resolve) => waiting.push(resolve));
        i = free();
      }
      return run(i, graph);
    },
    stop() {
      ports.forEach((port, i) => {
        if (port?.stop) {
          port.stop();
          ports[i] = undefined;
        }
      });
    },
  };
}
