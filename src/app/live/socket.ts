import {
  type ClientMessage,
  PROTOCOL_VERSION,
  parseServerFrame,
  type ServerMessage,
  SOCKET_PATH,
} from '../../classroom/protocol.ts';

/** The first wait before reconnecting; each failed try doubles it, up to `RETRY_MAX_MS`. */
export const RETRY_FIRST_MS = 250;
export const RETRY_MAX_MS = 1000;
/** A connection not open by then is given up and tried again. */
export const CONNECT_TIMEOUT_MS = 1500;
/** After a wake (online, visible again, back from the page cache): the wait for a pong. */
export const WAKE_PONG_MS = 1000;
/** While the page is visible, a ping this often; no pong within `HEARTBEAT_PONG_MS` reconnects. */
export const HEARTBEAT_MS = 15_000;
export const HEARTBEAT_PONG_MS = 3000;

/** The part of the browser's WebSocket the connection uses (tests hand in a fake). */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(): void;
}

/** Where the connection listens for wakes: the window and the document. */
export interface WakeSource {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

export type SocketStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface LiveSocketParams {
  url: string;
  /** The hello to send on every open (read each time: a reconnect re-attaches to the room). */
  hello: () => ClientMessage;
  onMessage: (message: ServerMessage) => void;
  onStatus: (status: SocketStatus) => void;
  WebSocket?: new (url: string) => WebSocketLike;
  /** Wakes: `online` and `pageshow` on the window, `visibilitychange` on the document. */
  window?: WakeSource;
  document?: WakeSource & { visibilityState: string };
  random?: () => number;
}

export interface LiveSocket {
  /** Sends if connected; false when the message could not go (it is not queued). */
  send(message: ClientMessage): boolean;
  /** Stops for good: no more reconnects. */
  close(): void;
}

const OPEN = 1;

/** The classroom's WebSocket URL on the page's own server. */
export function socketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${SOCKET_PATH}`;
}

/**
 * One live connection to the classroom server that keeps itself up. It
 * sends `hello` on each open and reads every frame through
 * `parseServerFrame` (anything else is dropped). A close or a failed try
 * reconnects after a short wait (250 ms doubling to 1 s, with jitter, so
 * a class of phones does not come back in one burst). A laptop that slept
 * or a phone whose Wi-Fi came back may hold a socket that looks open and
 * is dead: on `online`, on the page becoming visible and on `pageshow` it
 * pings and reconnects at once if no pong comes within a second; while
 * visible, a light heartbeat does the same.
 */
export function createLiveSocket(params: LiveSocketParams): LiveSocket {
  const Socket = params.WebSocket ?? (globalThis.WebSocket as new (url: string) => WebSocketLike);
  const win = params.window ?? globalThis.window;
  const doc = params.document ?? globalThis.document;
  const random = params.random ?? Math.random;
  let socket: WebSocketLike | null = null;
  let attempt = 0;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let connectTimer: ReturnType<typeof setTimeout> | undefined;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  const clear = () => {
    clearTimeout(retryTimer);
    clearTimeout(connectTimer);
    clearTimeout(pongTimer);
    retryTimer = connectTimer = pongTimer = undefined;
  };

  /** Drops the socket without its handlers running: it is not ours any more. */
  const drop = () => {
    const old = socket;
    socket = null;
    if (!old) return;
    old.onopen = old.onmessage = old.onclose = old.onerror = null;
    try {
      old.close();
    } catch {
      // Already closing.
    }
  };

  const connect = () => {
    clear();
    drop();
    if (closed) return;
    params.onStatus(attempt === 0 ? 'connecting' : 'reconnecting');
    let next: WebSocketLike;
    try {
      next = new Socket(params.url);
    } catch {
      retry();
      return;
    }
    socket = next;
    connectTimer = setTimeout(retry, CONNECT_TIMEOUT_MS);
    next.onopen = () => {
      clearTimeout(connectTimer);
      attempt = 0;
      params.onStatus('open');
      next.send(JSON.stringify(params.hello()));
    };
    next.onmessage = (event) => {
      // Anything from the server shows the line is alive.
      clearTimeout(pongTimer);
      pongTimer = undefined;
      if (typeof event.data !== 'string') return;
      const message = parseServerFrame(event.data);
      if (message && message.type !== 'pong') params.onMessage(message);
    };
    next.onclose = retry;
    next.onerror = retry;
  };

  /** Gives up this socket and tries again after the backoff. */
  function retry() {
    if (closed) return;
    clear();
    drop();
    params.onStatus('reconnecting');
    const wait = Math.min(RETRY_FIRST_MS * 2 ** attempt, RETRY_MAX_MS);
    attempt++;
    retryTimer = setTimeout(connect, wait * (0.75 + 0.5 * random()));
  }

  /** Pings, and starts over at once unless something comes back within `wait`. */
  const check = (wait: number) => {
    if (closed) return;
    if (!socket || socket.readyState !== OPEN) {
      // Still waiting for a retry or a slow connect: the network may be back now.
      if (retryTimer !== undefined || socket) {
        attempt = 0;
        connect();
      }
      return;
    }
    if (pongTimer !== undefined) return;
    socket.send(JSON.stringify({ v: PROTOCOL_VERSION, type: 'ping' }));
    pongTimer = setTimeout(() => {
      pongTimer = undefined;
      attempt = 0;
      connect();
    }, wait);
  };

  const onWake = () => {
    if (doc.visibilityState === 'visible') check(WAKE_PONG_MS);
    syncHeartbeat();
  };
  const syncHeartbeat = () => {
    clearInterval(heartbeat);
    heartbeat = undefined;
    if (!closed && doc.visibilityState === 'visible') {
      heartbeat = setInterval(() => check(HEARTBEAT_PONG_MS), HEARTBEAT_MS);
    }
  };
  win.addEventListener('online', onWake);
  win.addEventListener('pageshow', onWake);
  doc.addEventListener('visibilitychange', onWake);
  syncHeartbeat();
  connect();

  return {
    send(message) {
      if (!socket || socket.readyState !== OPEN) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
    close() {
      if (closed) return;
      closed = true;
      clear();
      clearInterval(heartbeat);
      drop();
      win.removeEventListener('online', onWake);
      win.removeEventListener('pageshow', onWake);
      doc.removeEventListener('visibilitychange', onWake);
      params.onStatus('closed');
    },
  };
}
