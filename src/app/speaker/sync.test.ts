import { describe, expect, it } from 'vitest';
import { previewFrame } from './previewFrame.ts';
import { type ChannelLike, openStepSync, readMessage, type SyncMessage } from './sync.ts';
import { formatClock, formatElapsed } from './time.ts';

/** Channels joined like BroadcastChannels: a post reaches every other channel of the bus. */
function bus() {
  const channels: ChannelLike[] = [];
  return () => {
    const channel: ChannelLike = {
      onmessage: null,
      postMessage(message) {
        for (const other of channels) {
          if (other !== channel) other.onmessage?.({ data: structuredClone(message) });
        }
      },
      close() {
        channels.splice(channels.indexOf(channel), 1);
      },
    };
    channels.push(channel);
    return channel;
  };
}

function listener(channel: ChannelLike, id: string) {
  const steps: Extract<SyncMessage, { type: 'step' }>[] = [];
  let hellos = 0;
  const sync = openStepSync({
    channel,
    id,
    onStep: (m) => steps.push(m),
    onHello: () => {
      hellos++;
    },
  });
  return { sync, steps, hellos: () => hellos };
}

describe('openStepSync', () => {
  it('carries steps and hellos to the other windows, with who sent them', () => {
    const join = bus();
    const main = listener(join(), 'main');
    const speaker = listener(join(), 'speaker');
    speaker.sync.hello();
    expect(main.hellos()).toBe(1);
    expect(speaker.hellos()).toBe(0);
    main.sync.post('kubectl-apply', 'apply', 3);
    expect(speaker.steps).toEqual([
      { type: 'step', diagram: 'kubectl-apply', flow: 'apply', step: 3, from: 'main' },
    ]);
    expect(main.steps).toEqual([]);
  });

  it("carries the audience's screen shape to the windows that listen for it", () => {
    const join = bus();
    const main = listener(join(), 'main');
    const shapes: unknown[] = [];
    openStepSync({
      channel: join(),
      id: 'speaker',
      onStep: () => {},
      onHello: () => {},
      onShape: (m) => shapes.push(m),
    });
    main.sync.postShape('kubectl-apply', '4:3');
    expect(shapes).toEqual([
      { type: 'shape', diagram: 'kubectl-apply', shape: '4:3', from: 'main' },
    ]);
  });

  it('ignores its own messages, even when a channel echoes them', () => {
    const echo: ChannelLike = {
      onmessage: null,
      postMessage(message) {
        this.onmessage?.({ data: message });
      },
      close() {},
    };
    const me = listener(echo, 'me');
    me.sync.post('a', 'b', 2);
    me.sync.hello();
    expect(me.steps).toEqual([]);
    expect(me.hellos()).toBe(0);
  });

  it('stops hearing once closed', () => {
    const join = bus();
    const main = listener(join(), 'main');
    const speaker = listener(join(), 'speaker');
    speaker.sync.close();
    main.sync.post('a', 'b', 2);
    expect(speaker.steps).toEqual([]);
  });
});

describe('readMessage', () => {
  it('keeps only well-formed messages', () => {
    expect(readMessage({ type: 'hello', from: 'x' })).toEqual({ type: 'hello', from: 'x' });
    expect(readMessage({ type: 'step', diagram: 'd', flow: 'f', step: 2, from: 'x' })).toEqual({
      type: 'step',
      diagram: 'd',
      flow: 'f',
      step: 2,
      from: 'x',
    });
    expect(readMessage({ type: 'shape', diagram: 'd', shape: '3:4', from: 'x' })).toEqual({
      type: 'shape',
      diagram: 'd',
      shape: '3:4',
      from: 'x',
    });
    for (const bad of [
      null,
      'step',
      { type: 'hello' },
      { type: 'step', diagram: 'd', flow: 'f', step: 0, from: 'x' },
      { type: 'step', diagram: 'd', flow: 'f', step: 1.5, from: 'x' },
      { type: 'step', diagram: 'd', step: 2, from: 'x' },
      { type: 'other', from: 'x' },
      { type: 'shape', diagram: 'd', shape: '16:10', from: 'x' },
      { type: 'shape', shape: '4:3', from: 'x' },
    ]) {
      expect(readMessage(bad)).toBeNull();
    }
  });
});

describe('the speaker view clocks', () => {
  it('shows elapsed time as mm:ss and the clock as HH:MM', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(59_999)).toBe('00:59');
    expect(formatElapsed(61_000)).toBe('01:01');
    expect(formatElapsed(75 * 60_000 + 2_000)).toBe('75:02');
    expect(formatElapsed(-5)).toBe('00:00');
    expect(formatClock(new Date(2024, 0, 1, 9, 5))).toBe('09:05');
    expect(formatClock(new Date(2024, 0, 1, 21, 40))).toBe('21:40');
  });
});

describe('previewFrame', () => {
  const diagram = { width: 1000, height: 500 };
  it('frames a step with room around it, centred on it', () => {
    expect(previewFrame({ x: 100, y: 100, width: 500, height: 250 }, diagram)).toEqual({
      x: 0,
      y: 50,
      width: 700,
      height: 350,
    });
  });
  it('keeps the surroundings of a small step in sight, and never frames more than the diagram', () => {
    const small = previewFrame({ x: 490, y: 240, width: 20, height: 20 }, diagram);
    expect(small).toMatchObject({ width: 400, height: 200 });
    expect(small.x + small.width / 2).toBe(500);
    const whole = previewFrame({ x: 0, y: 0, width: 1000, height: 500 }, diagram);
    expect(whole).toEqual({ x: 0, y: 0, width: 1000, height: 500 });
  });
});
