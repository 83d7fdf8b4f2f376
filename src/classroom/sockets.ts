/**
 * The classroom's WebSockets: plumbing between `ws` and the rooms. Each frame
 * passes the client's rate limit, is read with the protocol's reader, goes
 * to the rooms, and what they answer is serialised once per message and
 * sent to every connection it is for. Nothing a client sends can throw here:
 * a bad frame is dropped and counted.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import {
  MAX_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  readClientMessage,
  type ServerMessage,
  SOCKET_PATH,
} from './protocol.ts';
import { type Bucket, CLIENT_RATE, createBucket, FLOOD_DROPS } from './rateLimit.ts';
import type { ConnId, Delivery, HelloContext, Rooms } from './room.ts';

/** Sockets one server holds at once, every room together. */
export const MAX_CONNECTIONS = 3000;
/** ws ping frames this often; a client that has not answered the last one is dropped. */
export const HEARTBEAT_MS = 10_000;
/** A connection that has not said a good hello by then is closed. */
export const HELLO_MS = 15_000;
/** The teacher's count, roster and answers go out at most this often. */
const TALLY_MS = 100;
/** A client this far behind (bytes queued) is dropped; it reconnects and gets the scene anew. */
const MAX_QUEUED = 256 * 1024;

export type DropKind = 'malformed' | 'oversized' | 'binary' | 'version' | 'flood';

const DROP_TEXT: Record<DropKind, string> = {
  malformed: 'malformed messages',
  oversized: `messages over ${MAX_MESSAGE_BYTES} bytes (connection closed)`,
  binary: 'binary frames',
  version: 'messages of another protocol version',
  flood: `messages over the rate limit (${CLIENT_RATE.perSecond}/s)`,
};

export interface SocketStats {
  /** Sockets open now. */
  connections: number;
  /** Messages received, and messages sent (one per recipient). */
  received: number;
  relayed: number;
  dropped: Record<DropKind, number>;
  /** Clients disconnected for flooding (close code 1008). */
  closedForFlood: number;
}

export interface SocketsOptions {
  rooms: Rooms;
  /** The join page for a room, given the Host header of the teacher's connection. */
  joinUrl(host: string | undefined, room: string): string;
  /** The rooms changed (to be saved). */
  changed(): void;
  log(line: string): void;
}

interface Client {
  ws: WebSocket;
  bucket: Bucket;
  alive: boolean;
}

function reject(socket: Duplex, status: string): void {
  socket.on('error', () => {});
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Whether a page at `origin` may open the socket: only the server's own pages (or no browser). */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function createSockets({ rooms, joinUrl, changed, log }: SocketsOptions) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    clientTracking: false,
  });
  const clients = new Map<ConnId, Client>();
  const dropped: Record<DropKind, number> = {
    malformed: 0,
    oversized: 0,
    binary: 0,
    version: 0,
    flood: 0,
  };
  const unlogged: Record<DropKind, number> = { ...dropped };
  const loggedAt: Record<DropKind, number> = { ...dropped };
  let received = 0;
  let relayed = 0;
  let closedForFlood = 0;
  let next = 0;
  let tallyTimer: NodeJS.Timeout | undefined;

  /** Counts a drop; logs a line per kind at most once a second, with how many since the last. */
  const drop = (kind: DropKind) => {
    dropped[kind]++;
    unlogged[kind]++;
    const now = Date.now();
    if (now - loggedAt[kind] < 1000) return;
    log(`classroom: dropped ${unlogged[kind]} ${DROP_TEXT[kind]} (${dropped[kind]} in all)`);
    unlogged[kind] = 0;
    loggedAt[kind] = now;
  };

  const sendTo = (conns: readonly ConnId[], message: ServerMessage) => {
    // Serialised once, whatever the number of students: the same bytes go to each.
    const data = Buffer.from(JSON.stringify(message));
    for (const conn of conns) {
      const client = clients.get(conn);
      if (!client || client.ws.readyState !== WebSocket.OPEN) continue;
      if (client.ws.bufferedAmount > MAX_QUEUED) {
        client.ws.terminate();
        continue;
      }
      client.ws.send(data, { binary: false });
      relayed++;
    }
  };
  const deliver = (deliveries: readonly Delivery[]) => {
    for (const { to, message } of deliveries) sendTo(to, message);
  };
  const tallySoon = () => {
    tallyTimer ??= setTimeout(() => {
      tallyTimer = undefined;
      deliver(rooms.flush());
    }, TALLY_MS);
  };

  function onMessage(
    conn: ConnId,
    client: Client,
    data: RawData,
    binary: boolean,
    hello: HelloContext,
  ) {
    received++;
    if (!client.bucket.take(Date.now())) {
      drop('flood');
      if (client.bucket.dropped === FLOOD_DROPS) {
        closedForFlood++;
        client.ws.close(1008, 'too many messages');
      }
      return;
    }
    if (binary) return drop('binary');
    let value: unknown;
    try {
      value = JSON.parse(data.toString());
    } catch {
      return drop('malformed');
    }
    const message = readClientMessage(value);
    if (!message) {
      const v = (value as { v?: unknown } | null)?.v;
      if (typeof value === 'object' && v !== undefined && v !== PROTOCOL_VERSION) {
        drop('version');
        const text = `this server speaks version ${PROTOCOL_VERSION}: reload the page`;
        return sendTo([conn], { v: 1, type: 'error', code: 'version', message: text });
      }
      return drop('malformed');
    }
    const revision = rooms.revision;
    deliver(rooms.receive(conn, message, hello));
    if (rooms.revision !== revision) changed();
    tallySoon();
  }

  function connect(ws: WebSocket, req: IncomingMessage) {
    const conn = `c${++next}`;
    const client: Client = { ws, bucket: createBucket(CLIENT_RATE, Date.now()), alive: true };
    clients.set(conn, client);
    const host = req.headers.host;
    const hello: HelloContext = { joinUrl: (room) => joinUrl(host, room) };
    const helloTimer = setTimeout(() => {
      if (!rooms.joined(conn)) ws.close(1008, 'no hello');
    }, HELLO_MS);
    helloTimer.unref();
    ws.on('pong', () => {
      client.alive = true;
    });
    ws.on('message', (data, binary) => onMessage(conn, client, data, binary, hello));
    ws.on('error', (error: Error & { code?: string }) => {
      // ws closes the connection after any of these.
      drop(error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'oversized' : 'malformed');
    });
    ws.on('close', () => {
      clearTimeout(helloTimer);
      clients.delete(conn);
      deliver(rooms.leave(conn));
      tallySoon();
    });
  }

  const heartbeat = setInterval(() => {
    for (const client of clients.values()) {
      if (!client.alive) {
        client.ws.terminate();
        continue;
      }
      client.alive = false;
      client.ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    /** The HTTP server's `upgrade` event: the socket path only, same origin only, within the limit. */
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      const path = (req.url ?? '').split('?')[0];
      if (path !== SOCKET_PATH) return reject(socket, '404 Not Found');
      if (!sameOrigin(req.headers.origin, req.headers.host)) return reject(socket, '403 Forbidden');
      if (clients.size >= MAX_CONNECTIONS) return reject(socket, '503 Service Unavailable');
      wss.handleUpgrade(req, socket, head, (ws) => connect(ws, req));
    },

    stats(): SocketStats {
      return {
        connections: clients.size,
        received,
        relayed,
        dropped: { ...dropped },
        closedForFlood,
      };
    },

    /** Closes every connection as "going away": clients reconnect to the next server. */
    async close() {
      clearInterval(heartbeat);
      if (tallyTimer) clearTimeout(tallyTimer);
      const closed = [...clients.values()].map(
        ({ ws }) =>
          new Promise<void>((resolve) => {
            ws.once('close', () => resolve());
            ws.close(1001, 'server stopping');
            setTimeout(() => ws.terminate(), 1000).unref();
          }),
      );
      await Promise.all(closed);
      wss.close();
    },
  };
}
