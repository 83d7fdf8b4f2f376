import type { LayoutRequest, LayoutResponse } from './protocol.ts';

/**
 * The worker's one-at-a-time queue. Requests wait while one runs; a request
 * that a newer one on the same channel overtakes while waiting is answered
 * `cancelled` and never run, so a fast typist or a quick click-through costs
 * one layout, not one per keystroke.
 */
export function createLayoutQueue(
  run: (request: LayoutRequest) => Promise<LayoutResponse>,
  reply: (response: LayoutResponse) => void,
): (request: LayoutRequest) => void {
  const queue: LayoutRequest[] = [];
  let running = false;

  const drain = async () => {
    running = true;
    for (let request = queue.shift(); request; request = queue.shift()) {
      reply(await run(request));
    }
    running = false;
  };

  return (request) => {
    for (let i = queue.length - 1; i >= 0; i--) {
      const waiting = queue[i];
      if (waiting?.channel !== request.channel) continue;
      queue.splice(i, 1);
      reply({ requestId: waiting.requestId, cancelled: true });
    }
    queue.push(request);
    if (running) reply({ requestId: request.requestId, progress: 'queued' });
    else void drain();
  };
}
