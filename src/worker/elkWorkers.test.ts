import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { describe, expect, it } from 'vitest';
import { createDefaultLayoutEngine } from '../core/layout/createDefaultLayoutEngine.ts';
import type { ElkPort } from '../core/layout/layoutRuns.ts';
import { parseDiagram } from '../core/parse/parseDiagram.ts';
import { ELK_RUN, type ElkAnswer, type ElkJob, measuredElk, serveElk } from './elkJob.ts';
import { elkWorker, elkWorkerCount, elkWorkers } from './elkWorkers.ts';

/**
 * A stand-in for `new Worker(…, { name: ELK_WORKER_NAME })`: the layout
 * worker's ELK role (`serveElk`) on elkjs of its own, answering through
 * events as a Web Worker does, unless told to fail.
 */
class FakeElkWorker extends EventTarget {
  jobs = 0;
  terminated = false;
  private answer: ((job: ElkJob) => void) | undefined;

  constructor(private readonly fault?: 'load' | 'die' | 'elk') {
    super();
    setTimeout(() => {
      if (this.fault === 'load') this.emitError();
      else this.answer = serveElk(new ELK(), (m) => this.emit(m));
    }, 0);
  }

  postMessage(job: ElkJob) {
    this.jobs++;
    setTimeout(() => {
      if (this.terminated) return;
      if (this.fault === 'die') this.emitError();
      else if (this.fault === 'elk') this.emit({ id: job.id, error: 'ELK failed here' });
      else this.answer?.(job);
    }, 0);
  }

  terminate() {
    this.terminated = true;
  }

  private emit(message: ElkAnswer) {
    if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data: message }));
  }

  private emitError() {
    this.dispatchEvent(new Event('error', { cancelable: true }));
  }
}

const asWorker = (fake: FakeElkWorker) => fake as unknown as Worker;

/** A dense diagram: zones of pods, laid out bottom-up in runs that can go in parallel. */
function denseModel() {
  const lines = ['flowchart TB'];
  for (let z = 0; z < 4; z++) {
    lines.push(`subgraph z${z}`);
    for (let p = 0; p < 6; p++) {
      lines.push(`  subgraph z${z}p${p}`);
      for (let i = 0; i < 8; i++) lines.push(`    z${z}p${p}n${i}["node ${z}.${p}.${i}"]`);
      for (let i = 0; i < 7; i++) lines.push(`    z${z}p${p}n${i} --> z${z}p${p}n${i + 1}`);
      lines.push('  end');
    }
    lines.push('end');
    lines.push(`z${z}p0n0 --> z${(z + 1) % 4}p3n4`);
  }
  const { model } = parseDiagram(lines.join('\n'), { file: 'dense.mmd' });
  if (!model) throw new Error('did not parse');
  return model;
}

/** ELK's answer without the object ids elkjs leaves on it in this thread (`$H`). */
const plain = (g: ElkNode) => JSON.parse(JSON.stringify(g, (k, v) => (k === '$H' ? undefined : v)));

const graph: ElkNode = {
  id: 'root',
  layoutOptions: { 'elk.algorithm': 'layered' },
  children: [
    { id: 'a', width: 40, height: 20 },
    { id: 'b', width: 40, height: 20 },
  ],
  edges: [{ id: 'e', sources: ['a'], targets: ['b'] }],
};

describe('the layout worker on ELK workers', () => {
  it('lays a big diagram out on its ELK and an ELK worker, as one ELK does', async () => {
    const model = denseModel();
    expect(model.nodes.length).toBeGreaterThan(150);
    const alone = await createDefaultLayoutEngine().layout(model);
    const workers: FakeElkWorker[] = [];
    const pool = elkWorkers(new ELK(), 1, () => {
      const fake = new FakeElkWorker();
      workers.push(fake);
      return asWorker(fake);
    });
    // Twice on the same pool: the worker is ready for the second at the latest.
    for (const _ of [1, 2]) {
      expect(await createDefaultLayoutEngine(pool).layout(model)).toEqual(alone);
    }
    expect(workers).toHaveLength(1);
    expect(workers[0]?.jobs).toBeGreaterThan(0);
  });

  it('answers with its own ELK when a worker cannot be made, fails to load or dies', async () => {
    const here = new ELK();
    const expected = plain(await here.layout(structuredClone(graph)));
    const starts: (() => Worker)[] = [
      () => {
        throw new Error('SecurityError');
      },
      () => asWorker(new FakeElkWorker('load')),
      // Dies with the job in hand: the job goes to `here`.
      () => asWorker(new FakeElkWorker('die')),
    ];
    for (const start of starts) {
      const port = elkWorker(start, here);
      await port.ready?.catch(() => {});
      expect(plain(await port.layout(structuredClone(graph)))).toEqual(expected);
    }
  });

  it("rejects with ELK's own error from the worker", async () => {
    const port = elkWorker(() => asWorker(new FakeElkWorker('elk')), new ELK());
    await port.ready;
    await expect(port.layout(structuredClone(graph))).rejects.toThrow('ELK failed here');
  });

  it('marks each run in the thread that lays it out', async () => {
    performance.clearMeasures(ELK_RUN);
    const elk: ElkPort = measuredElk(new ELK());
    await elk.layout(structuredClone(graph));
    await elk.layout(structuredClone(graph));
    expect(performance.getEntriesByName(ELK_RUN)).toHaveLength(2);
  });

  it('starts an ELK worker per core beyond the first, at most three', () => {
    expect([undefined, 1, 2, 4, 16].map(elkWorkerCount)).toEqual([0, 0, 1, 3, 3]);
  });
});
