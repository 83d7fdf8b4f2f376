/**
 * `flowdeck serve`'s server: one HTTP server on one port for the built app
 * (staticFiles.ts), the classroom's JSON and CSV endpoints, and the
 * WebSocket relay (sockets.ts) over the rooms (room.ts), kept in a data
 * folder (persist.ts). See docs/classroom.md.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lanAddresses } from './addresses.ts';
import { createSaver, loadRooms, readSecret } from './persist.ts';
import { PROTOCOL_VERSION } from './protocol.ts';
import { resultsCsv } from './resultsCsv.ts';
import { createRooms, type RoomLimits } from './room.ts';
import { createSockets, type SocketStats } from './sockets.ts';
import { sendText, serveStatic } from './staticFiles.ts';

export interface ClassroomServerOptions {
  /** The built app's folder. */
  root: string;
  /** 0 picks a free port. */
  port: number;
  /** Where to listen: '0.0.0.0' (every network, the default) or one address. */
  host?: string;
  /** Where the secret and the rooms are kept (made if missing). */
  dataDir: string;
  /** The teacher's secret; by default the one kept in `dataDir` (made once). */
  secret?: string;
  limits?: Partial<RoomLimits>;
  log?: (line: string) => void;
}

export interface ClassroomStats extends SocketStats {
  rooms: number;
  teachers: number;
  students: number;
  /** Students' teacher messages and the like, refused with `not-allowed`. */
  notAllowed: number;
}

export interface ClassroomServer {
  /** `http://<host>:<port>/` as bound (127.0.0.1 when bound to every network). */
  url: string;
  port: number;
  secret: string;
  /** The addresses to print, in order of preference: LAN ones, or the bound host. */
  addresses: string[];
  stats(): ClassroomStats;
  /** Saves the rooms, closes every socket and stops listening. */
  close(): Promise<void>;
}

const RESULTS = /^\/classroom\/([^/]+)\/results\.csv$/;

function sendJson(res: ServerResponse, value: unknown): void {
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(value));
}

/** The host part of a Host header, if it looks like one. */
function hostOf(header: string | undefined): string | undefined {
  const host = header?.replace(/:\d+$/, '');
  return host && /^[\w.-]+$|^\[[\da-fA-F:.]+\]$/.test(host) ? host : undefined;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

export async function startClassroomServer(
  options: ClassroomServerOptions,
): Promise<ClassroomServer> {
  const log = options.log ?? ((line: string) => console.error(line));
  const host = options.host ?? '0.0.0.0';
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const secret = options.secret ?? readSecret(options.dataDir);
  const secretDigest = digest(secret);
  // Digests are of equal length, so the comparison takes the same time whatever is sent.
  const isTeacherSecret = (given: string) => timingSafeEqual(digest(given), secretDigest);
  const rooms = createRooms({
    isTeacherSecret,
    randomInt: (n) => randomInt(n),
    now: Date.now,
    restore: loadRooms(options.dataDir, log),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const saver = createSaver(options.dataDir, () => rooms.snapshot(), log);
  const everywhere = host === '0.0.0.0' || host === '::';
  const addresses = everywhere ? lanAddresses() : [host];
  let port = options.port;

  const sockets = createSockets({
    rooms,
    joinUrl: (hostHeader, room) =>
      `http://${addresses[0] ?? hostOf(hostHeader) ?? 'localhost'}:${port}/#/join/${room}`,
    changed: () => saver.schedule(),
    log,
  });
  const stats = (): ClassroomStats => {
    const { rooms: count, teachers, students, notAllowed } = rooms.stats();
    return { ...sockets.stats(), rooms: count, teachers, students, notAllowed };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'GET only');
    const [path = '/', query = ''] = (req.url ?? '/').split('?', 2);
    if (path === '/classroom/info') {
      return sendJson(res, { protocol: PROTOCOL_VERSION, rooms: rooms.stats().rooms });
    }
    if (path === '/classroom/stats') return sendJson(res, stats());
    const csv = RESULTS.exec(path);
    if (csv) {
      const given = new URLSearchParams(query).get('secret') ?? '';
      if (!isTeacherSecret(given)) return sendText(res, 403, 'the teacher link is needed');
      const code = decodeURIComponent(csv[1] ?? '').toUpperCase();
      const results = rooms.results(code);
      if (!results) return sendText(res, 404, 'no such room');
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="flowdeck-${code}-results.csv"`,
        'cache-control': 'no-store',
      });
      res.end(resultsCsv(results));
      return;
    }
    if (path.startsWith('/classroom/')) return sendText(res, 404, 'not found');
    return serveStatic(options.root, path, req, res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'server error');
      else res.destroy();
    });
  });
  server.on('upgrade', (req, socket, head) => sockets.upgrade(req, socket, head));
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${everywhere ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host}:${port}/`,
    port,
    secret,
    addresses,
    stats,
    async close() {
      await sockets.close();
      await saver.flush();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
