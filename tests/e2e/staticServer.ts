import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticSite {
  /** Where the site is, ending in '/': `http://127.0.0.1:<port><prefix>`. */
  url: string;
  origin: string;
  /** Paths asked for that the site does not have (404s), in order. */
  missing: string[];
  close(): Promise<void>;
}

/**
 * Serves the files in `dir` under the path `prefix` (as '/sub/dir/'), as a
 * plain static host would: no rewrites, no fallback to index.html, 404 for
 * anything outside the prefix. A URL built from '/' therefore fails here.
 */
export async function serveStatic(dir: string, prefix: string): Promise<StaticSite> {
  const missing: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const inside = path.startsWith(prefix) ? path.slice(prefix.length) || 'index.html' : null;
    const file = inside === null ? null : normalize(join(dir, inside));
    try {
      if (!file || !file.startsWith(dir + sep)) throw new Error('outside the site');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      missing.push(path);
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the static server did not start');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    url: `${origin}${prefix}`,
    origin,
    missing,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
