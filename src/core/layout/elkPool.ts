import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { ElkPort } from './layoutRuns.ts';

/** An ElkPort over several: how many there are, and a way to stop the ones started. */
export interface ElkPool extends ElkPort {
  readonly size: number;
  /** Stops every port that has a `stop` (workers); the pool starts them again if asked. */
  stop(): void;
}

/** An ElkPort that may hold a thread: a worker stops, and may take a while to start. */
export interface StoppablePort extends ElkPort {
  stop?(): void;
  /**
   * Settles when the port can take graphs: until then the pool gives its
   * graphs to others; if it rejects, the pool never uses the port.
   */
  ready?: Promise<unknown>;
}

type Slot =
  | { state: 'off' | 'broken' }
  | { state: 'starting' | 'idle' | 'busy'; port: StoppablePort };

/**
 * Lays graphs out on several ports at once, each on one graph at a time:
 * `layoutRuns` hands over the runs that do not wait on each other together,
 * and each goes to a free port, the first ones first (the first is usually
 * ELK in this thread, already compiled; the others are workers). A graph
 * that finds every started port busy starts the next port, and goes to
 * whichever is free first: a worker still starting up holds no graph back.
 */
export function elkPool(starts: readonly (() => StoppablePort)[]): ElkPool {
  const slots: Slot[] = starts.map(() => ({ state: 'off' }));
  const waiting: (() => void)[] = [];
  const wakeOne = () => waiting.shift()?.();
  const wakeAll = () => {
    for (const resolve of waiting.splice(0)) resolve();
  };

  const start = (i: number) => {
    let port: StoppablePort;
    try {
      port = (starts[i] as () => StoppablePort)();
    } catch {
      slots[i] = { state: 'broken' };
      return;
    }
    if (!port.ready) {
      slots[i] = { state: 'idle', port };
      return;
    }
    const slot: Slot = { state: 'starting', port };
    slots[i] = slot;
    port.ready.then(
      () => {
        if (slots[i] !== slot) return;
        slot.state = 'idle';
        wakeOne();
      },
      () => {
        if (slots[i] !== slot) return;
        port.stop?.();
        slots[i] = { state: 'broken' };
        wakeAll();
      },
    );
  };

  const run = async (slot: Slot & { port: StoppablePort }, graph: ElkNode): Promise<ElkNode> => {
    slot.state = 'busy';
    try {
      return await slot.port.layout(graph);
    } finally {
      slot.state = 'idle';
      wakeOne();
    }
  };

  return {
    size: starts.length,
    async layout(graph) {
      for (;;) {
        const free = slots.find((s) => s.state === 'idle');
        if (free && 'port' in free) return run(free, graph);
        const off = slots.findIndex((s) => s.state === 'off');
        if (off >= 0) {
          start(off);
          // Idle at once, or broken: look again; starting: wait for it or another.
          if (slots[off]?.state !== 'starting') continue;
        } else if (slots.every((s) => s.state === 'broken')) {
          throw new Error('no ELK port could start');
        }
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    },
    stop() {
      slots.forEach((slot, i) => {
        if ('port' in slot && slot.port.stop) {
          slot.port.stop();
          slots[i] = { state: 'off' };
        }
      });
    },
  };
}
