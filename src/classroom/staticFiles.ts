import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

/** The file under `root` that a URL path names, or null when it names none (or leaves root). */
async function resolveFile(root: string, path: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const inside = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const file = resolve(root, `.${inside}`);
  if (!file.startsWith(root + sep)) return null;
  try {
    // A link inside the build that points out of it is outside too.
    const real = await realpath(file);
    const realRoot = await realpath(root);
    return real.startsWith(realRoot + sep) && (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * Serves the built app from `root`: `/` is index.html, never cached (it
 * names the content-hashed assets, which are cached for good); anything
 * outside `root` or missing is a 404. No fallback to index.html: the app's
 * routes live in the URL's hash.
 */
export async function serveStatic(
  root: string,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const file = await resolveFile(resolve(root), path);
  if (!file) return sendText(res, 404, 'not found');
  const html = extname(file) === '.html';
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': path.startsWith('/assets/')
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
    'x-content-type-options': 'nosniff',
    // The teacher's link carries the secret in its query: never pass it on.
    ...(html ? { 'referrer-policy': 'no-referrer' } : {}),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
