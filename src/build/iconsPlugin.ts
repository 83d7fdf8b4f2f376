import type { Plugin } from 'vite';
import { hashString } from '../core/layout/hash.ts';
import { bundledSets, readIconSet, type SplitSet, splitIconSet } from './iconSets.ts';

const VIRTUAL = 'virtual:flowdeck/icons';
const RESOLVED = `\0${VIRTUAL}`;
/** Where the dev server answers a set's files. */
const DEV_ROOT = '/@flowdeck/icons/';

/**
 * The bundled icon sets (`@iconify-json/*`), cut so the app fetches only
 * what a diagram draws (docs/icons.md): each set becomes small bucket files
 * of resolved icons (`iconBucket()` says which holds a name) and a names
 * index, fetched for completion and warnings only. `virtual:flowdeck/icons`
 * gives the app `sets`: per prefix, the folder of its files and how many
 * buckets it has. In a build the files are assets under
 * `icons/<prefix>-<hash>/` (`<n>.json`, `names.json`), all from the app
 * itself, offline; in dev the server cuts a set when first asked.
 */
export function flowdeckIcons(): Plugin {
  let root = process.cwd();
  let building = false;
  const cut = new Map<string, SplitSet>();
  const split = (set: string) => {
    let done = cut.get(set);
    if (!done) {
      done = splitIconSet(readIconSet(root, set));
      cut.set(set, done);
    }
    return done;
  };
  return {
    name: 'flowdeck-icons',
    configResolved(config) {
      root = config.root;
      building = config.command === 'build';
    },
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const sets: Record<string, { url: string; buckets: number }> = {};
      for (const set of bundledSets(root)) {
        const { prefix, buckets, names } = split(set);
        if (!building) {
          sets[prefix] = { url: `${DEV_ROOT}${set}/`, buckets: buckets.length };
          continue;
        }
        const folder = `icons/${prefix}-${hashString(names + buckets.join(''))}/`;
        buckets.forEach((source, n) => {
          this.emitFile({ type: 'asset', fileName: `${folder}${n}.json`, source });
        });
        this.emitFile({ type: 'asset', fileName: `${folder}names.json`, source: names });
        sets[prefix] = { url: folder, buckets: buckets.length };
      }
      return `export const sets = ${JSON.stringify(sets)};`;
    },
    configureServer(server) {
      server.middlewares.use(DEV_ROOT, (req, res) => {
        const [set = '', file = ''] = (req.url ?? '').replace(/^\//, '').split(/[/?]/);
        const found = bundledSets(root).includes(set) ? split(set) : undefined;
        const source = file === 'names.json' ? found?.names : found?.buckets[Number.parseInt(file)];
        if (source === undefined) {
          res.statusCode = 404;
          res.end();
          return;
        }
        res.setHeader('Content-Type', 'application/json');
        res.end(source);
      });
    },
  };
}
