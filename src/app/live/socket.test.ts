import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientMessage, ServerMessage } from '../../classroom/protocol.ts';
import {
  CONNECT_TIMEOUT_MS,
  createLiveSocket,
  type SocketStatus,
  socketUrl,
  WAKE_PONG_MS,
  type WebSocketLike,
} from './socket.ts';

/** A WebSocket the test opens, feeds and closes by hand. */
class FakeSocket implements WebSocketLike {
  static made: FakeSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  closedByUs = false;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closedByUs = true;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(data: unknown) {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
}

class FakeTarget {
  visibilityState = 'visible';
  listeners = new Map<string, Set<() => void>>();
  addEventListener(type: string, listener: () => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)?.add(listener);
  }
  removeEventListener(type: string, listener: () => void) {
    this.listeners.get(type)?.delete(listener);
  }
  fire(type: string) {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
}

const hello: ClientMessage = { v: 1, type: 'hello', role: 'student', room: 'K7M2Q', id: 's1' };

function start() {
  const win = new FakeTarget();
  const doc = new FakeTarget();
  const statuses: SocketStatus[] = [];
  const messages: ServerMessage[] = [];
  const socket = createLiveSocket({
    url: 'ws://class/classroom/socket',
    hello: () => hello,
    onMessage: (m) => messages.push(m),
    onStatus: (s) => statuses.push(s),
    WebSocket: FakeSocket,
    window: win,
    document: doc,
    random: () => 0.5,
  });
  const last = () => FakeSocket.made.at(-1) as FakeSocket;
  return { socket, win, doc, statuses, messages, last };
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.made = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createLiveSocket', () => {
  it('says hello on every open and hands on well-formed frames only', () => {
    const { last, messages, statuses } = start();
    expect(last().url).toBe('ws://class/classroom/socket');
    last().open();
    expect(last().sent).toEqual([hello]);
    last().receive({ v: 1, type: 'count', students: 3 });
    last().receive('not json');
    last().receive({ v: 1, type: 'count' });
    last().receive({ v: 1, type: 'pong' });
    expect(messages).toEqual([{ v: 1, type: 'count', students: 3 }]);
    expect(statuses).toEqual(['connecting', 'open']);
    last().drop();
    vi.advanceTimersByTime(250);
    last().open();
    expect(FakeSocket.made).toHaveLength(2);
    expect(last().sent).toEqual([hello]);
  });

  it('reconnects after 250 ms, doubling to a 1 s cap, and starts again from 250 ms once in', () => {
    const { last } = start();
    last().drop();
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = FakeSocket.made.length;
      let waited = 0;
      while (FakeSocket.made.length === before) {
        vi.advanceTimersByTime(10);
        waited += 10;
      }
      waits.push(waited);
      last().drop();
    }
    expect(waits).toEqual([250, 500, 1000, 1000, 1000]);
    vi.advanceTimersByTime(1000);
    last().open();
    last().drop();
    const before = FakeSocket.made.length;
    vi.advanceTimersByTime(249);
    expect(FakeSocket.made).toHaveLength(before);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.made).toHaveLength(before + 1);
  });

  it('gives up a connection that does not open in time, and tries again', () => {
    const { last } = start();
    vi.advanceTimersByTime(CONNECT_TIMEOUT_MS);
    expect(last().closedByUs).toBe(true);
    vi.advanceTimersByTime(250);
    expect(FakeSocket.made).toHaveLength(2);
  });

  it('pings on a wake and reconnects at once when no pong comes back', () => {
    const { last, doc, win } = start();
    last().open();
    const first = last();
    doc.fire('visibilitychange');
    expect(first.sent.at(-1)).toEqual({ v: 1, type: 'ping' });
    // A live socket answers: nothing happens.
    first.receive({ v: 1, type: 'pong' });
    vi.advanceTimersByTime(WAKE_PONG_MS);
    expect(FakeSocket.made).toHaveLength(1);
    // A socket that died while the laptop slept stays silent.
    win.fire('online');
    vi.advanceTimersByTime(WAKE_PONG_MS - 1);
    expect(FakeSocket.made).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.made).toHaveLength(2);
    expect(first.closedByUs).toBe(true);
    last().open();
    expect(last().sent).toEqual([hello]);
  });

  it('skips the backoff when the network comes back while waiting to retry', () => {
    const { last, win } = start();
    last().drop();
    vi.advanceTimersByTime(250);
    last().drop();
    vi.advanceTimersByTime(100);
    win.fire('online');
    expect(FakeSocket.made).toHaveLength(3);
  });

  it('sends only while open, and stops for good on close', () => {
    const { socket, last, statuses, win } = start();
    expect(socket.send({ v: 1, type: 'ping' })).toBe(false);
    last().open();
    expect(socket.send({ v: 1, type: 'dismiss' })).toBe(true);
    socket.close();
    expect(statuses.at(-1)).toBe('closed');
    win.fire('online');
    vi.advanceTimersByTime(5000);
    expect(FakeSocket.made).toHaveLength(1);
  });

  it('builds the URL from the page: ws on http, wss on https', () => {
    expect(socketUrl({ protocol: 'http:', host: '192.168.1.5:4173' })).toBe(
      'ws://192.168.1.5:4173/classroom/socket',
    );
    expect(socketUrl({ protocol: 'https:', host: 'class.example' })).toBe(
      'wss://class.example/classroom/socket',
    );
  });
});
