/**
 * `flowdeck serve [folder]`: the explorer for a folder's diagrams, built once
 * (and again only when the diagrams or the app change), served on the LAN
 * with the live classroom's relay. See docs/classroom.md.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderUnicodeCompact } from 'uqr';
import { startClassroomServer } from '../classroom/server.ts';
import { isDeckSource } from '../core/deck/isDeckSource.ts';
import { isDiagramFile } from '../core/parse/files.ts';

/** The project: two folders up, from src/cli and from build/cli alike. */
const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
/** What the built app is made of, besides the diagrams. */
const APP_INPUTS = ['src', 'index.html', 'public', 'package-lock.json', 'vite.config.ts'];
const CACHE = join(PROJECT, 'node_modules', '.cache', 'flowdeck-serve');
/** Builds kept for other folders (or earlier versions of this one). */
const KEPT_BUILDS = 3;

export interface ServeOptions {
  port: number;
  host: string;
  dataDir: string;
}

type Print = (line: string) => void;

/** `$XDG_STATE_HOME/flowdeck/classroom`, or `~/.local/state/flowdeck/classroom`. */
export function defaultDataDir(): string {
  const state = process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
  return join(state, 'flowdeck', 'classroom');
}

/** Every file under `path` (or `path` itself), sorted, as paths from `base`. */
function filesUnder(base: string, path: string): string[] {
  const full = join(base, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(base, join(entry.parentPath, entry.name)))
    .sort();
}

/** A key for the build: the folder's diagram files and every input of the app. */
function buildKey(folder: string, diagrams: readonly string[]): string {
  const hash = createHash('sha256');
  hash.update(`${folder}\0`);
  for (const name of diagrams) hash.update(`${name}\0`).update(readFileSync(join(folder, name)));
  for (const file of APP_INPUTS.flatMap((input) => filesUnder(PROJECT, input))) {
    hash.update(`${file}\0`).update(readFileSync(join(PROJECT, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Forgets all but the newest builds. */
function pruneBuilds(): void {
  const builds = readdirSync(CACHE)
    .map((name) => ({ name, time: statSync(join(CACHE, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { name } of builds.slice(KEPT_BUILDS)) {
    rmSync(join(CACHE, name), { recursive: true, force: true });
  }
}

/** The explorer built for `folder` (from the cache when nothing changed); its folder. */
async function builtExplorer(folder: string, diagrams: readonly string[], out: Print) {
  const started = performance.now();
  const dir = join(CACHE, buildKey(folder, diagrams));
  const hashMs = performance.now() - started;
  const decks = diagrams.filter((name) => isDeckSource(readFileSync(join(folder, name), 'utf8')));
  const count = plural(diagrams.length - decks.length, 'diagram');
  const what = decks.length ? `${count} and ${plural(decks.length, 'deck')}` : count;
  if (existsSync(join(dir, 'index.html'))) {
    out(`The explorer for ${what} is built already (checked in ${Math.round(hashMs)} ms).`);
    return dir;
  }
  out(`Building the explorer for ${what}…`);
  const temp = `${dir}.${process.pid}.tmp`;
  const { build } = await import('vite');
  // The diagrams plugin reads the folder from here when vite.config.ts loads.
  process.env.FLOWDECK_DIAGRAMS = folder;
  await build({
    root: PROJECT,
    configFile: join(PROJECT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: temp, emptyOutDir: true, reportCompressedSize: false },
  });
  renameSync(temp, dir);
  pruneBuilds();
  out(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return dir;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The QR code of `text` in half-block characters, light modules drawn as light whatever the terminal's colours. */
function terminalQr(text: string, color: boolean): string {
  const lines = renderUnicodeCompact(text, { border: 2 }).split('\n');
  return lines.map((line) => (color ? `\x1b[97;40m${line}\x1b[0m` : line)).join('\n');
}

function waitForStop(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function serve(folderArg: string, options: ServeOptions, out: Print, err: Print) {
  const folder = resolve(folderArg);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    err(`flowdeck: ${folderArg} is not a folder`);
    return 1;
  }
  const diagrams = readdirSync(folder).filter(isDiagramFile).sort();
  if (diagrams.length === 0) {
    err(`flowdeck: ${folderArg} has no diagrams (.yaml, .yml, .mmd or .mermaid files)`);
    return 1;
  }
  const root = await builtExplorer(folder, diagrams, out);

  let server: Awaited<ReturnType<typeof startClassroomServer>>;
  try {
    server = await startClassroomServer({
      root,
      port: options.port,
      host: options.host,
      dataDir: options.dataDir,
      log: err,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      err(
        `flowdeck: port ${options.port} is in use (another flowdeck serve?); choose another with --port N`,
      );
    } else if (code === 'EACCES') {
      err(
        `flowdeck: this user may not use port ${options.port}; choose one above 1023 with --port N`,
      );
    } else {
      err(`flowdeck: could not start the server: ${(error as Error).message}`);
    }
    return 1;
  }

  const local = server.addresses.length === 0;
  const [first = '127.0.0.1', ...others] = server.addresses;
  const base = `http://${first.includes(':') ? `[${first}]` : first}:${server.port}`;
  const students = `${base}/#/join`;
  out(
    `Serving the diagrams of ${folderArg} on port ${server.port}; rooms kept in ${options.dataDir}`,
  );
  if (local) {
    out(
      'No network address found: only this computer can connect. Join the classroom Wi-Fi and start again.',
    );
  }
  out('');
  out(`Teacher: ${base}/?teacher=${server.secret}`);
  out(`Students: ${students}`);
  out('');
  out(terminalQr(students, process.stdout.isTTY === true));
  out('');
  if (others.length) out(`This computer's other addresses: ${others.join(', ')}`);
  out('Open the Teacher link on this computer only: whoever has it drives the class.');
  out('Keep this window open while you teach; press Ctrl+C to stop.');

  await waitForStop();
  out('Stopping: saving the rooms…');
  await server.close();
  return 0;
}
