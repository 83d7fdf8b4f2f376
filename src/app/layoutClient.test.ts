import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LaidOutDiagram } from '../core/layout/types.ts';
import type { LayoutRequest, LayoutResult } from '../worker/protocol.ts';
import { createLayoutClient } from './layoutClient.ts';
import {
  type LayoutSource,
  type LayoutStore,
  openLayoutStore,
  type StoredLayout,
} from './layoutStore.ts';

/** A stand-in Worker: records what it is sent; the test answers or fails it. */
class FakeWorker extends EventTarget {
  sent: LayoutRequest[] = [];
  terminated = false;
  postMessage(message: LayoutRequest) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  /** The worker starts a job: it says so before reading it. */
  begin(requestId: number) {
    this.dispatchEvent(new MessageEvent('message', { data: { requestId, progress: 'parsing' } }));
  }
  answer(requestId: number) {
    const data = { requestId, ok: false, reason: 'invalid', diagnostics: [], message: 'x' };
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  /** Lays the request out: a diagram named after its text and collapsed set. */
  layOut(request: LayoutRequest | undefined) {
    if (!request) throw new Error('nothing was sent');
    const data: LayoutResult = { requestId: request.requestId, ok: true, ...layoutOf(request) };
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  fail(message: string) {
    const event = new Event('error', { cancelable: true }) as Event & { message: string };
    event.message = message;
    this.dispatchEvent(event);
  }
}

function layoutOf(request: Pick<LayoutRequest, 'text' | 'collapsed'>): StoredLayout {
  const title = [request.text, ...(request.collapsed ?? [])].join('+');
  const diagram = { id: 'd', title, width: 10, height: 20, nodes: [], edges: [], flows: [] };
  return {
    diagram: diagram as unknown as LaidOutDiagram,
    diagnostics: [{ severity: 'warning', message: 'kept with its warnings' }],
  } as StoredLayout;
}

/** A page: a client with its own workers, and a store of its own over `indexedDB`. */
function page(indexedDB?: IDBFactory, version = 'layout.worker-abc123.js') {
  const workers: FakeWorker[] = [];
  const store = indexedDB ? openLayoutStore({ version, indexedDB }) : undefined;
  const client = createLayoutClient({
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    },
    store,
  });
  const worker = () => {
    const last = workers.at(-1);
    if (!last) throw new Error('no worker');
    return last;
  };
  return { client, workers, worker, store };
}

/** Waits until `store` holds the layout of `source` (the client writes after answering). */
async function kept(store: LayoutStore | undefined, source: LayoutSource) {
  await vi.waitFor(async () => expect(await store?.get(source)).toBeDefined());
}

/** Lets the client's store lookups and any writes run. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('createLayoutClient', () => {
  it('cancels an older job on the same channel at once, not on another channel', async () => {
    const { client, worker } = page();
    const first = client.request({ text: 'a', file: 'a.mmd' });
    const thumb = client.request({ text: 'b', file: 'b.mmd', channel: 'thumb:b' });
    const second = client.request({ text: 'c', file: 'c.mmd' });
    expect(await first).toMatchObject({ cancelled: true });
    worker().answer(2);
    worker().answer(3);
    expect(await thumb).toMatchObject({ requestId: 2, ok: false });
    expect(await second).toMatchObject({ requestId: 3, ok: false });
  });

  it('fails pending jobs when the worker dies, and starts a fresh worker for the next', async () => {
    const { client, workers } = page();
    const job = client.request({ text: 'a', file: 'a.mmd' });
    workers[0]?.fail('boom');
    expect(await job).toMatchObject({ ok: false, reason: 'crashed', message: 'boom' });
    expect(workers[0]?.terminated).toBe(true);
    const retry = client.request({ text: 'a', file: 'a.mmd' });
    expect(workers).toHaveLength(2);
    workers[1]?.answer(2);
    expect(await retry).toMatchObject({ requestId: 2 });
  });

  it('puts a big diagram sent in parts back together, and drops the parts of a cancelled job', async () => {
    const { client, worker } = page();
    const node = (id: string) => ({ id }) as unknown as LaidOutDiagram['nodes'][number];
    const edge = (id: string) => ({ id }) as unknown as LaidOutDiagram['edges'][number];
    const send = (data: unknown) => worker().dispatchEvent(new MessageEvent('message', { data }));
    const dropped = client.request({ text: 'a', file: 'a.mmd' });
    send({ requestId: 1, part: { nodes: [node('x')], edges: [] } });
    const job = client.request({ text: 'b', file: 'b.mmd' });
    expect(await dropped).toMatchObject({ cancelled: true });
    send({ requestId: 1, part: { nodes: [node('late')], edges: [] } });
    send({ requestId: 2, part: { nodes: [node('a'), node('b')], edges: [] } });
    send({ requestId: 2, part: { nodes: [], edges: [edge('a->b')] } });
    const { diagram } = layoutOf({ text: 'b' });
    send({ requestId: 2, ok: true, diagram: { ...diagram, nodes: [node('c')] }, diagnostics: [] });
    const result = await job;
    if (!('ok' in result) || !result.ok) throw new Error('no diagram');
    expect(result.diagram.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(result.diagram.edges.map((e) => e.id)).toEqual(['a->b']);
  });
});

describe('createLayoutClient timeout', () => {
  /** A page whose jobs may run `timeoutMs`, on fake timers. */
  function timed(timeoutMs = 1000) {
    vi.useFakeTimers();
    const workers: FakeWorker[] = [];
    const client = createLayoutClient({
      createWorker: () => {
        workers.push(new FakeWorker());
        return workers.at(-1) as unknown as Worker;
      },
      timeoutMs,
    });
    return { client, workers };
  }
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stops a job that runs too long, says so, and sends the jobs queued behind it to a fresh worker', async () => {
    const { client, workers } = timed(1000);
    const slow = client.request({ text: 'slow', file: 'a.mmd' });
    const thumb = client.request({ text: 'thumb', file: 'b.mmd', channel: 'thumb:b' });
    const [first] = workers;
    first?.begin(1);
    vi.advanceTimersByTime(999);
    expect(first?.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await slow).toEqual({
      requestId: 1,
      ok: false,
      reason: 'timeout',
      diagnostics: [],
      message: 'Laying out this diagram took longer than 1 s, so it was stopped.',
    });
    expect(first?.terminated).toBe(true);
    // The thumbnail was waiting in the stopped worker: a fresh one gets it.
    expect(workers).toHaveLength(2);
    expect(workers[1]?.sent.map((r) => r.text)).toEqual(['thumb']);
    workers[1]?.layOut(workers[1]?.sent[0]);
    expect(await thumb).toMatchObject({ requestId: 2, ok: true });
    // And the app goes on: the next job is laid out by the fresh worker.
    const next = client.request({ text: 'next', file: 'c.mmd' });
    workers[1]?.layOut(workers[1]?.sent[1]);
    expect(await next).toMatchObject({ ok: true, diagram: { title: 'next' } });
    expect(workers).toHaveLength(2);
  });

  it('counts from when the worker starts a job, not while it waits behind another', async () => {
    const { client, workers } = timed(1000);
    const first = client.request({ text: 'a', file: 'a.mmd', channel: 'one' });
    const second = client.request({ text: 'b', file: 'b.mmd', channel: 'two' });
    const worker = workers[0];
    worker?.begin(1);
    vi.advanceTimersByTime(900);
    worker?.layOut(worker.sent[0]);
    worker?.begin(2);
    vi.advanceTimersByTime(900);
    worker?.layOut(worker.sent[1]);
    expect(await first).toMatchObject({ ok: true });
    expect(await second).toMatchObject({ ok: true });
    vi.advanceTimersByTime(5000);
    expect(worker?.terminated).toBe(false);
  });

  it('does not count the time a worker takes to start', async () => {
    const { client, workers } = timed(1000);
    const job = client.request({ text: 'a', file: 'a.mmd' });
    vi.advanceTimersByTime(5000);
    expect(workers[0]?.terminated).toBe(false);
    workers[0]?.begin(1);
    workers[0]?.layOut(workers[0]?.sent[0]);
    expect(await job).toMatchObject({ ok: true });
  });

  it('stops a worker stuck on a job that was cancelled meanwhile, so the newer job runs', async () => {
    const { client, workers } = timed(1000);
    const old = client.request({ text: 'old', file: 'a.mmd', channel: 'editor' });
    workers[0]?.begin(1);
    const newer = client.request({ text: 'new', file: 'a.mmd', channel: 'editor' });
    expect(await old).toMatchObject({ cancelled: true });
    vi.advanceTimersByTime(1000);
    expect(workers[0]?.terminated).toBe(true);
    expect(workers[1]?.sent.map((r) => r.text)).toEqual(['new']);
    workers[1]?.layOut(workers[1]?.sent[0]);
    expect(await newer).toMatchObject({ ok: true, diagram: { title: 'new' } });
  });

  it('sends its limits with every job and keeps nothing laid out under other limits', async () => {
    const workers: FakeWorker[] = [];
    const idb = new IDBFactory();
    const client = createLayoutClient({
      createWorker: () => {
        workers.push(new FakeWorker());
        return workers.at(-1) as unknown as Worker;
      },
      store: openLayoutStore({ version: 'v', indexedDB: idb }),
      limits: { maxNodes: 8000 },
    });
    expect(client.limits).toEqual({ maxNodes: 8000 });
    const job = client.request({ text: 'a', file: 'a.mmd' });
    // Not asked of the store: sent at once, with the limits.
    expect(workers[0]?.sent).toEqual([
      { requestId: 1, channel: 'view', text: 'a', file: 'a.mmd', limits: { maxNodes: 8000 } },
    ]);
    workers[0]?.layOut(workers[0]?.sent[0]);
    expect(await job).toMatchObject({ ok: true });
    await tick();
    expect(
      await openLayoutStore({ version: 'v', indexedDB: idb }).get({ text: 'a', file: 'a.mmd' }),
    ).toBeUndefined();
  });
});

describe('createLayoutClient with a layout store', () => {
  const job = { text: 'flowchart LR\n a --> b', file: 'diagrams/ab.mmd' };

  it('answers a layout an earlier page kept from the store, without the worker', async () => {
    const idb = new IDBFactory();
    const first = page(idb);
    const answer = first.client.request(job);
    await vi.waitFor(() => expect(first.worker().sent).toHaveLength(1));
    first.worker().layOut(first.worker().sent[0]);
    const laidOut = await answer;
    expect(laidOut).toMatchObject({ requestId: 1, ok: true });
    await kept(first.store, job);

    const second = page(idb);
    // No worker until a job needs one.
    expect(second.workers).toHaveLength(0);
    second.client.request({ text: 'other', file: 'x.mmd' }); // request 1 on this page
    const again = await second.client.request({ ...job, channel: 'thumb:ab' });
    expect(again).toEqual({ ...laidOut, requestId: 2 });
    expect(second.worker().sent.map((r) => r.text)).not.toContain(job.text);
  });

  it('misses on another text, file, collapsed set, screen shape or layout code, not on the order of the set', async () => {
    const idb = new IDBFactory();
    const first = page(idb);
    const wanted = { ...job, collapsed: ['g1', 'g2'], screen: '4:3' as const };
    const answer = first.client.request(wanted);
    await vi.waitFor(() => expect(first.worker().sent).toHaveLength(1));
    // The worker is told the shape to lay out for.
    expect(first.worker().sent[0]).toMatchObject({ screen: '4:3' });
    first.worker().layOut(first.worker().sent[0]);
    await answer;
    await kept(first.store, wanted);

    const second = page(idb);
    const misses = [
      { ...wanted, text: `${job.text}\n b --> c` },
      { ...wanted, file: 'diagrams/other.mmd' },
      { ...wanted, collapsed: ['g1'] },
      { ...wanted, screen: '16:9' as const },
      { ...job, collapsed: ['g1', 'g2'] },
      { ...job },
    ];
    misses.forEach((miss, i) => void second.client.request({ ...miss, channel: `c${i}` }));
    await vi.waitFor(() => expect(second.worker().sent).toHaveLength(misses.length));
    const hit = await second.client.request({ ...wanted, collapsed: ['g2', 'g1'], channel: 'hit' });
    expect(hit).toMatchObject({ ok: true, diagram: { title: `${job.text}+g1+g2` } });
    expect(second.worker().sent).toHaveLength(misses.length);

    const newCode = page(idb, 'layout.worker-def456.js');
    void newCode.client.request(wanted);
    await vi.waitFor(() => expect(newCode.worker().sent).toHaveLength(1));
  });

  it('keeps neither failures nor the jobs that opt out (the editor)', async () => {
    const idb = new IDBFactory();
    const { client, worker, store } = page(idb);
    const editing = client.request({ ...job, channel: 'editor', persist: false });
    // Sent at once: the store is not asked.
    expect(worker().sent).toHaveLength(1);
    worker().layOut(worker().sent[0]);
    expect(await editing).toMatchObject({ ok: true });
    const broken = client.request({ text: 'flowchart LR\n a -->', file: 'x.mmd' });
    await vi.waitFor(() => expect(worker().sent).toHaveLength(2));
    worker().answer(2);
    expect(await broken).toMatchObject({ ok: false });
    await tick();
    expect(await store?.get(job)).toBeUndefined();
    expect(await store?.get({ text: 'flowchart LR\n a -->', file: 'x.mmd' })).toBeUndefined();
  });

  it('cancels a job still waiting for the store when a newer one comes on its channel', async () => {
    const { client, worker } = page(new IDBFactory());
    const older = client.request({ text: 'a', file: 'a.mmd' });
    const newer = client.request({ text: 'b', file: 'b.mmd' });
    expect(await older).toMatchObject({ requestId: 1, cancelled: true });
    await vi.waitFor(() => expect(worker().sent).toHaveLength(1));
    expect(worker().sent[0]?.text).toBe('b');
    worker().layOut(worker().sent[0]);
    expect(await newer).toMatchObject({ requestId: 2, ok: true });
  });

  it('asks the worker when the store is slow, and takes whichever answers first', async () => {
    const reads: ((layout: StoredLayout | undefined) => void)[] = [];
    const slow: LayoutStore = {
      get: () => new Promise((resolve) => reads.push(resolve)),
      put: async () => undefined,
      close: () => undefined,
    };
    const workers: FakeWorker[] = [];
    const client = createLayoutClient({
      createWorker: () => {
        workers.push(new FakeWorker());
        return workers.at(-1) as unknown as Worker;
      },
      store: slow,
      storeWaitMs: 5,
    });
    const first = client.request({ text: 'a', file: 'a.mmd' });
    await vi.waitFor(() => expect(workers[0]?.sent).toHaveLength(1));
    const worker = workers[0];
    if (!worker) throw new Error('no worker');
    reads[0]?.(layoutOf({ text: 'kept' }));
    expect(await first).toMatchObject({ requestId: 1, ok: true, diagram: { title: 'kept' } });
    worker.layOut(worker.sent[0]); // too late: ignored

    const second = client.request({ text: 'b', file: 'b.mmd' });
    await vi.waitFor(() => expect(worker.sent).toHaveLength(2));
    worker.layOut(worker.sent[1]);
    expect(await second).toMatchObject({ requestId: 2, ok: true, diagram: { title: 'b' } });
    reads[1]?.(layoutOf({ text: 'kept' })); // too late: ignored
  });

  it('lays out through the worker when IndexedDB fails', async () => {
    const throwing = {
      open: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const hanging = { open: () => ({}) } as unknown as IDBFactory;
    for (const factory of [throwing, hanging]) {
      const workers: FakeWorker[] = [];
      const store = openLayoutStore({ version: 'v', indexedDB: factory, openTimeoutMs: 10 });
      const client = createLayoutClient({
        createWorker: () => {
          workers.push(new FakeWorker());
          return workers.at(-1) as unknown as Worker;
        },
        store,
      });
      for (const requestId of [1, 2]) {
        const answer = client.request(job);
        await vi.waitFor(() => expect(workers[0]?.sent).toHaveLength(requestId));
        const worker = workers[0] as FakeWorker;
        worker.layOut(worker.sent[requestId - 1]);
        expect(await answer).toMatchObject({ requestId, ok: true });
      }
      await tick();
      expect(await store.get(job)).toBeUndefined();
    }
  });
});

describe('createLayoutClient with prebuilt layouts', () => {
  /** A page whose `prebuilt` has layouts for the texts in `made`, answered when the test says. */
  function built(made: string[]) {
    const workers: FakeWorker[] = [];
    const asked: string[] = [];
    const answers: ((ready: boolean) => void)[] = [];
    const client = createLayoutClient({
      createWorker: () => {
        workers.push(new FakeWorker());
        return workers.at(-1) as unknown as Worker;
      },
      prebuilt: (job) => {
        asked.push(job.text);
        if (!made.includes(job.text)) return undefined;
        return new Promise((resolve) =>
          answers.push((ready) =>
            resolve(ready ? { ok: true, ...layoutOf({ text: `built ${job.text}` }) } : undefined),
          ),
        );
      },
    });
    return { client, workers, asked, answers };
  }

  it('starts the worker when told a layout may come, and sends it nothing', () => {
    const { client, workers } = built([]);
    client.warm();
    client.warm();
    expect(workers).toHaveLength(1);
    expect(workers[0]?.sent).toEqual([]);
  });

  it('paints a prebuilt layout without starting the worker', async () => {
    const { client, workers, answers } = built(['a']);
    const phases: string[] = [];
    const answer = client.request({
      text: 'a',
      file: 'diagrams/a.mmd',
      screen: '16:9',
      onProgress: (phase) => phases.push(phase),
    });
    answers[0]?.(true);
    expect(await answer).toMatchObject({ requestId: 1, ok: true, diagram: { title: 'built a' } });
    expect(workers).toHaveLength(0);
    // The view says it is loading the diagram, not starting an engine it never starts.
    expect(phases).toEqual(['loading']);
  });

  it('lays out in the worker what has no prebuilt layout, or whose fetch failed', async () => {
    const { client, workers, answers } = built(['a']);
    const phases: string[] = [];
    const missing = client.request({ text: 'b', file: 'diagrams/b.mmd', channel: 'one' });
    const failed = client.request({
      text: 'a',
      file: 'diagrams/a.mmd',
      channel: 'two',
      onProgress: (phase) => phases.push(phase),
    });
    answers[0]?.(false);
    await vi.waitFor(() => expect(phases).toEqual(['loading', 'starting']));
    await vi.waitFor(() => expect(workers[0]?.sent.map((r) => r.text)).toEqual(['b', 'a']));
    workers[0]?.layOut(workers[0]?.sent[0]);
    workers[0]?.layOut(workers[0]?.sent[1]);
    expect(await missing).toMatchObject({ ok: true, diagram: { title: 'b' } });
    expect(await failed).toMatchObject({ ok: true, diagram: { title: 'a' } });
  });

  it('does not paint a prebuilt layout that arrives after a newer job on its channel', async () => {
    const { client, answers } = built(['a', 'b']);
    const older = client.request({ text: 'a', file: 'diagrams/a.mmd' });
    const newer = client.request({ text: 'b', file: 'diagrams/b.mmd' });
    answers[0]?.(true);
    answers[1]?.(true);
    expect(await older).toMatchObject({ cancelled: true });
    expect(await newer).toMatchObject({ ok: true, diagram: { title: 'built b' } });
  });

  it('never takes a prebuilt layout under other limits', async () => {
    const workers: FakeWorker[] = [];
    const prebuilt = vi.fn(() => Promise.resolve(undefined));
    const client = createLayoutClient({
      createWorker: () => {
        workers.push(new FakeWorker());
        return workers.at(-1) as unknown as Worker;
      },
      prebuilt,
      limits: { maxNodes: 10 },
    });
    void client.request({ text: 'a', file: 'diagrams/a.mmd' });
    expect(prebuilt).not.toHaveBeenCalled();
    expect(workers[0]?.sent).toHaveLength(1);
  });
});
