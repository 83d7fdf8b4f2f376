import { describe, expect, it } from 'vitest';
import type { LayoutRequest, LayoutResponse } from './protocol.ts';
import { createLayoutQueue } from './queue.ts';

const request = (requestId: number, channel = 'view'): LayoutRequest => ({
  requestId,
  channel,
  text: 'flowchart LR\n a --> b',
  file: 'a.mmd',
});

describe('createLayoutQueue', () => {
  it('runs one at a time and skips what a newer request on its channel overtook', async () => {
    const ran: number[] = [];
    const replies: LayoutResponse[] = [];
    let release: () => void = () => {};
    const enqueue = createLayoutQueue(
      async (r) => {
        ran.push(r.requestId);
        if (r.requestId === 1) await new Promise<void>((resolve) => (release = resolve));
        return {
          requestId: r.requestId,
          ok: false,
          reason: 'invalid',
          diagnostics: [],
          message: '',
        };
      },
      (r) => replies.push(r),
    );
    enqueue(request(1));
    enqueue(request(2));
    enqueue(request(3, 'thumb:a'));
    enqueue(request(4));
    expect(ran).toEqual([1]);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ran).toEqual([1, 3, 4]);
    expect(replies).toContainEqual({ requestId: 2, cancelled: true });
    expect(replies.filter((r) => 'ok' in r).map((r) => r.requestId)).toEqual([1, 3, 4]);
    expect(replies).toContainEqual({ requestId: 4, progress: 'queued' });
  });
});
