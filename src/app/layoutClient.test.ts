import { describe, expect, it } from 'vitest';
import type { LayoutRequest } from '../worker/protocol.ts';
import { createLayoutClient } from './layoutClient.ts';

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
  answer(requestId: number) {
    const data = { requestId, ok: false, reason: 'invalid', diagnostics: [], message: 'x' };
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  fail(message: string) {
    const event = new Event('error', { cancelable: true }) as Event & { message: string };
    event.message = message;
    this.dispatchEvent(event);
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const client = createLayoutClient(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  return { client, workers };
}

describe('createLayoutClient', () => {
  it('cancels an older job on the same channel at once, not on another channel', async () => {
    const { client, workers } = setup();
    const first = client.request({ text: 'a', file: 'a.mmd' });
    const thumb = client.request({ text: 'b', file: 'b.mmd', channel: 'thumb:b' });
    const second = client.request({ text: 'c', file: 'c.mmd' });
    expect(await first).toMatchObject({ cancelled: true });
    const worker = workers[0];
    if (!worker) throw new Error('no worker');
    worker.answer(2);
    worker.answer(3);
    expect(await thumb).toMatchObject({ requestId: 2, ok: false });
    expect(await second).toMatchObject({ requestId: 3, ok: false });
  });

  it('fails pending jobs when the worker dies, and starts a fresh worker for the next', async () => {
    const { client, workers } = setup();
    const job = client.request({ text: 'a', file: 'a.mmd' });
    workers[0]?.fail('boom');
    expect(await job).toMatchObject({ ok: false, reason: 'crashed', message: 'boom' });
    expect(workers[0]?.terminated).toBe(true);
    const retry = client.request({ text: 'a', file: 'a.mmd' });
    expect(workers).toHaveLength(2);
    workers[1]?.answer(2);
    expect(await retry).toMatchObject({ requestId: 2 });
  });
});
