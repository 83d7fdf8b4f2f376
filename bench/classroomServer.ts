/**
 * The classroom bench's server, alone in its own process so its memory is
 * its own: the real server (in-process, as `flowdeck serve` runs it) over a
 * one-file static root, no explorer build. Run by bench/classroom.ts with
 * `--expose-gc`; it says `{ port, secret }` when listening, answers
 * `memory` with its memory after a full collection, and stops on `stop`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClassroomServer } from '../src/classroom/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'flowdeck-classroom-bench-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>bench</title>\n');
const server = await startClassroomServer({
  root: dir,
  port: 0,
  host: '127.0.0.1',
  dataDir: join(dir, 'data'),
  log: () => {},
});

export interface ServerMemory {
  heapUsed: number;
  rss: number;
  external: number;
}

function memory(): ServerMemory {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with --expose-gc');
  collect();
  collect();
  const { heapUsed, rss, external } = process.memoryUsage();
  return { heapUsed, rss, external };
}

process.on('message', async (message: string) => {
  if (message === 'memory') process.send?.({ memory: memory(), stats: server.stats() });
  if (message === 'stop') {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }
});
process.send?.({ port: server.port, secret: server.secret });
