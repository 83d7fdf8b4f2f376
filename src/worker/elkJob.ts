import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { ElkPort } from '../core/layout/layoutRuns.ts';

/**
 * The name the layout worker gives the workers it starts for ELK alone
 * (`self.name` there; DevTools lists them by it): the same script, so the
 * browser reuses the chunk it has, in a role that only lays out ELK graphs.
 */
export const ELK_WORKER_NAME = 'flowdeck-elk';

/** Layout worker → ELK worker: lay out one run. */
export interface ElkJob {
  id: number;
  graph: ElkNode;
}

/** ELK worker → layout worker: `ready` once, when it can take jobs; then one answer per job. */
export type ElkAnswer =
  | { ready: true }
  | { id: number; graph: ElkNode }
  | { id: number; error: string };

/** The user-timing names ELK work is marked with, in the worker that does it (DevTools' Timings). */
export const ELK_RUN = 'ELK run';
export const ELK_READY = 'ELK ready';

/**
 * `elk`, with each layout marked as an `ELK run` measure in this thread's
 * performance timeline: a profile shows which worker laid out which run.
 */
export function measuredElk(elk: ElkPort): ElkPort {
  return {
    async layout(graph) {
      const start = performance.now();
      try {
        return await elk.layout(graph);
      } finally {
        performance.measure(ELK_RUN, { start });
      }
    },
  };
}

/**
 * The ELK worker's side: answers each job with `elk`'s layout or its error,
 * never throwing, and says `ready` first.
 */
export function serveElk(elk: ElkPort, post: (answer: ElkAnswer) => void): (job: ElkJob) => void {
  performance.mark(ELK_READY);
  post({ ready: true });
  return ({ id, graph }) => {
    elk.layout(graph).then(
      (laid) => post({ id, graph: laid }),
      (error: unknown) => post({ id, error: String((error as Error)?.message ?? error) }),
    );
  };
}
