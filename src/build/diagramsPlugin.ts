import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { elkThreads } from '../cli/elkThreads.ts';
import { isDeckSource } from '../core/deck/isDeckSource.ts';
import { createDefaultLayoutEngine } from '../core/layout/createDefaultLayoutEngine.ts';
import { hashString } from '../core/layout/hash.ts';
import { SCREEN_SHAPES, type ScreenShape } from '../core/model/screenShape.ts';
import { diagramId, isDiagramFile } from '../core/parse/files.ts';
import { prebuildLayouts, prebuildOne, type SourceFile } from './layouts.ts';

const VIRTUAL = 'virtual:flowdeck/diagrams';
const RESOLVED = `\0${VIRTUAL}`;
/** Where the dev server answers layouts on demand. */
const LAYOUT_ENDPOINT = '/@flowdeck/layout';
/** The message the dev server sends when a file of the folder is saved (`src/app/diagrams.ts` hears it). */
const FILE_EVENT = 'flowdeck:file';
/** Answers the dev server keeps. */
const KEPT = 200;
/** The shape the dev server lays the folder out for as it starts: most screens'. */
const WARM_SHAPE: ScreenShape = '16:9';

/**
 * A file's name as the app knows it: from the project root, with `/`
 * (`diagrams/x.yaml`); a folder outside the project (`flowdeck serve
 * ~/talks`) is named alone (`talks/x.yaml`), not by a climb out of it.
 */
function named(root: string, path: string): string {
  const inside = relative(root, path);
  const name =
    inside.startsWith('..') || isAbsolute(inside)
      ? join(basename(dirname(path)), basename(path))
      : inside;
  return name.split(sep).join('/');
}

/** The folder's diagrams and decks, sorted by id. */
function readFolder(root: string, dir: string): SourceFile[] {
  return readdirSync(dir)
    .filter(isDiagramFile)
    .map((name) => ({
      file: named(root, join(dir, name)),
      text: readFileSync(join(dir, name), 'utf8'),
    }))
    .sort((a, b) => diagramId(a.file).localeCompare(diagramId(b.file)));
}

/** One file of the folder, by the name the app knows it by; undefined if the folder has none. */
function readOne(root: string, dir: string, file: string): SourceFile | undefined {
  const name = readdirSync(dir).find((n) => isDiagramFile(n) && named(root, join(dir, n)) === file);
  return name === undefined ? undefined : { file, text: readFileSync(join(dir, name), 'utf8') };
}

/**
 * The app's diagrams, and their layouts ready before anyone asks
 * (docs/instant.md). The folder is `diagrams/`, or `$FLOWDECK_DIAGRAMS`.
 * `virtual:flowdeck/diagrams` gives the app every file's text and:
 * - in a build, every diagram laid out for every screen shape with the core
 *   the layout worker runs, shipped as `layouts/<id>.<hash>.json`, and their
 *   names (`layouts`, also written as `layouts/manifest.json`);
 * - in dev, the URL where the server lays one out when first asked
 *   (`endpoint`: `?file=…&shape=…&text=<hash>`), from the file as it is on
 *   disk, answering 409 when the app's text is not that file's. A saved file
 *   reaches open pages as a `flowdeck:file` message with its text (no page
 *   reload); an added or deleted one reloads them.
 */
export function flowdeckDiagrams(folder = process.env.FLOWDECK_DIAGRAMS || 'diagrams'): Plugin {
  let root = process.cwd();
  let dir = resolve(root, folder);
  let building = false;
  return {
    name: 'flowdeck-diagrams',
    configResolved(config) {
      root = config.root;
      dir = resolve(root, folder);
      building = config.command === 'build';
      if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        const from = process.env.FLOWDECK_DIAGRAMS ? ' (FLOWDECK_DIAGRAMS)' : '';
        throw new Error(`Flowdeck: the diagrams folder ${dir}${from} is not a folder`);
      }
    },
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const files = readFolder(root, dir);
      let layouts = null;
      if (building) {
        const built = await prebuildLayouts(files);
        for (const { fileName, source } of built.files) {
          this.emitFile({ type: 'asset', fileName, source });
        }
        layouts = built.manifest;
        // Not read by the app (it has the manifest in its bundle): for tests and `npm run bench`.
        const manifest = JSON.stringify(layouts, null, 1);
        this.emitFile({ type: 'asset', fileName: 'layouts/manifest.json', source: manifest });
      }
      return [
        `export const files = ${JSON.stringify(files)};`,
        `export const layouts = ${JSON.stringify(layouts)};`,
        `export const endpoint = ${JSON.stringify(building ? null : LAYOUT_ENDPOINT)};`,
      ].join('\n');
    },
    configureServer(server) {
      const engine = createDefaultLayoutEngine(elkThreads());
      const answers = new Map<string, Promise<string>>();
      const answer = (source: SourceFile, shape: ScreenShape) => {
        const key = `${source.file}\n${shape}\n${source.text}`;
        let json = answers.get(key);
        if (!json) {
          json = prebuildOne(engine, source, shape);
          answers.set(key, json);
          json.catch(() => answers.delete(key));
          for (const oldest of answers.keys()) {
            if (answers.size <= KEPT) break;
            answers.delete(oldest);
          }
        }
        return json;
      };
      server.middlewares.use(LAYOUT_ENDPOINT, (req, res) => {
        const query = new URL(req.url ?? '', 'http://x').searchParams;
        const shape = query.get('shape') as ScreenShape;
        const found = readOne(root, dir, query.get('file') ?? '');
        res.setHeader('Cache-Control', 'no-store');
        if (!found || isDeckSource(found.text) || !SCREEN_SHAPES.includes(shape)) {
          res.statusCode = 404;
          res.end();
          return;
        }
        // The app has another version of the file (it is being saved): it lays that out itself.
        if (hashString(found.text) !== query.get('text')) {
          res.statusCode = 409;
          res.end();
          return;
        }
        answer(found, shape).then(
          (json) => {
            res.setHeader('Content-Type', 'application/json');
            res.end(json);
          },
          (error: unknown) => {
            res.statusCode = 500;
            res.end(String(error));
          },
        );
      });
      // Warm up while the author opens the browser: ELK's first layout in a
      // process takes about a second, the rest tens of ms each. One at a
      // time, so the server answers in between.
      server.httpServer?.once('listening', async () => {
        for (const source of readFolder(root, dir)) {
          if (isDeckSource(source.text)) continue;
          await new Promise((resolve) => setTimeout(resolve, 0));
          await answer(source, WARM_SHAPE).catch(() => undefined);
        }
      });
      watchFolder(server, root, dir);
    },
  };
}

/** Saved files go to open pages as messages; added and deleted ones reload them. */
function watchFolder(server: ViteDevServer, root: string, dir: string) {
  const inFolder = (path: string) => resolve(path, '..') === dir && isDiagramFile(path);
  const invalidate = () => {
    const module = server.environments.client.moduleGraph.getModuleById(RESOLVED);
    if (module) server.environments.client.moduleGraph.invalidateModule(module);
  };
  server.watcher.add(dir);
  server.watcher.on('change', (path) => {
    if (!inFolder(path)) return;
    invalidate();
    const file = named(root, path);
    const send = (text: string) => server.environments.client.hot.send(FILE_EVENT, { file, text });
    const text = readFileSync(path, 'utf8');
    // Some editors empty the file before writing it: an empty read gets a second look.
    if (text) send(text);
    else setTimeout(() => send(readFileSync(path, 'utf8')), 100);
  });
  for (const event of ['add', 'unlink'] as const) {
    server.watcher.on(event, (path) => {
      if (!inFolder(path)) return;
      invalidate();
      server.environments.client.hot.send({ type: 'full-reload' });
    });
  }
}
