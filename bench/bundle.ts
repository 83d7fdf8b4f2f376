/**
 * Builds the app with Vite's JS API into a directory of your choosing (never
 * ./dist) and says what the first load costs: which JavaScript index.html
 * loads, raw and compressed, and whether the heavy libraries stayed out of it.
 * Used by bench/browser.ts and by tests/build.test.ts.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type Plugin, preview, type Rolldown } from 'vite';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * A string each library's code always contains, whatever the minifier does:
 * ELK's layout option ids, YAML's core-schema tag prefix, zod v4's class names.
 */
export const MARKERS = {
  elkjs: 'org.eclipse.elk',
  yaml: 'tag:yaml.org,2002:',
  zod: '$ZodType',
} as const;
export type Library = keyof typeof MARKERS;
const LIBRARIES = Object.keys(MARKERS) as Library[];

export interface Sizes {
  raw: number;
  gzip: number;
  /** 0 when compression was not asked for. */
  brotli: number;
}

export interface BundleFile extends Sizes {
  file: string;
  /** initial: index.html loads it (script, modulepreload or their static imports); lazy: a dynamic import on the main thread; worker: a Web Worker's code. */
  kind: 'initial' | 'lazy' | 'worker';
  /** Libraries whose marker string the file contains. */
  contains: Library[];
}

export interface MainThreadLibrary {
  library: Library;
  chunk: string;
  kind: 'initial' | 'lazy';
  /** Shortest import chain from the entry to the library, as paths relative to the repo. */
  chain: string[];
}

export interface BundleReport {
  buildMs: number;
  /** Sum over the initial JS files. */
  initialJs: Sizes;
  initialCss: Sizes;
  files: BundleFile[];
  /** Heavy libraries found in main-thread chunks (should be empty), with who imports them. */
  mainThread: MainThreadLibrary[];
  /** What the initial JS is made of: bytes by package or source folder, as rendered before minification (read as shares). */
  initialParts: { part: string; bytes: number }[];
}

function sizes(data: string | Uint8Array, compress: boolean): Sizes {
  const buffer = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
  if (!compress) return { raw: buffer.length, gzip: 0, brotli: 0 };
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }).length,
  };
}

function sum(list: Sizes[]): Sizes {
  return list.reduce(
    (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }),
    {
      raw: 0,
      gzip: 0,
      brotli: 0,
    },
  );
}

/** The library a module id belongs to, if it is one we watch. */
function libraryOf(id: string): Library | undefined {
  return LIBRARIES.find((lib) => id.includes(`/node_modules/${lib}/`));
}

/** `react-dom`, `@xyflow/react`, or the source folder (`src/app`, `diagrams`) a module comes from. */
function partOf(id: string): string {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const nm = clean.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const [scope, name] = clean.slice(nm + '/node_modules/'.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? clean);
  }
  if (!clean.startsWith(ROOT))
    return clean.startsWith('vite/') || clean.includes('vite') ? 'vite runtime' : clean;
  const parts = relative(ROOT, clean).split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : (parts[0] ?? clean);
}

function pretty(id: string): string {
  const clean = id.replace(/^\0/, '');
  return clean.startsWith(ROOT) ? relative(ROOT, clean) : clean;
}

/** Records, at the end of the main build, the import chain that brings each watched library into a chunk. */
export function traceLibraries(
  found: Map<string, { library: Library; chain: string[] }[]>,
): Plugin {
  return {
    name: 'flowdeck-bench-trace-libraries',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const seen = new Set<Library>();
        for (const id of Object.keys(chunk.modules)) {
          const library = libraryOf(id);
          if (!library || seen.has(library)) continue;
          seen.add(library);
          // Breadth-first up the importers to an entry: the shortest reason it is here.
          const parent = new Map<string, string | null>([[id, null]]);
          const queue = [id];
          let entry: string | undefined;
          while (queue.length && !entry) {
            const current = queue.shift() as string;
            const info = this.getModuleInfo(current);
            if (!info) continue;
            if (info.isEntry) {
              entry = current;
              break;
            }
            for (const importer of [...info.importers, ...info.dynamicImporters]) {
              if (parent.has(importer)) continue;
              parent.set(importer, current);
              queue.push(importer);
            }
          }
          const chain: string[] = [];
          for (let at: string | null | undefined = entry ?? id; at; at = parent.get(at)) {
            chain.push(pretty(at));
          }
          // Up to the first file of a package: what follows is inside the package.
          const first = chain.findIndex((c) => c.includes('node_modules/'));
          if (first >= 0) chain.length = first + 1;
          const list = found.get(chunk.fileName) ?? [];
          list.push({ library, chain });
          found.set(chunk.fileName, list);
        }
      }
    },
  };
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
}

/** The script, modulepreload and stylesheet URLs a built index.html loads, in order. */
export function htmlLoads(html: string): { scripts: string[]; css: string[] } {
  const scripts: string[] = [];
  const css: string[] = [];
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    if (/^<script/i.test(tag)) {
      const src = attribute(tag, 'src');
      if (src) scripts.push(src);
      continue;
    }
    const rel = attribute(tag, 'rel')?.toLowerCase();
    const href = attribute(tag, 'href');
    if (!href) continue;
    if (rel === 'modulepreload') scripts.push(href);
    if (rel === 'stylesheet') css.push(href);
  }
  return { scripts, css };
}

/**
 * Builds the app into `outDir` (emptied first) and measures it. `compress`
 * adds gzip (level 9) and brotli (quality 11) sizes, which takes a second or two.
 */
export async function buildApp(
  outDir: string,
  options: { compress: boolean },
): Promise<BundleReport> {
  const found = new Map<string, { library: Library; chain: string[] }[]>();
  const start = performance.now();
  const result = await build({
    root: ROOT,
    configFile: `${ROOT}vite.config.ts`,
    logLevel: 'warn',
    plugins: [traceLibraries(found)],
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
  const buildMs = performance.now() - start;
  if (!('output' in result) && !Array.isArray(result))
    throw new Error('vite build returned a watcher');
  const output = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);

  const html = output.find((o) => o.type === 'asset' && o.fileName === 'index.html');
  if (!html || html.type !== 'asset') throw new Error('the build has no index.html');
  const loads = htmlLoads(String(html.source));
  // './assets/x.js' with the relative base of vite.config.ts, '/assets/x.js' with an absolute one.
  const toFile = (url: string) => url.replace(/^\.?\//, '');

  const chunks = new Map<string, Rolldown.OutputChunk>();
  for (const o of output) if (o.type === 'chunk') chunks.set(o.fileName, o);
  // What index.html names, plus everything those import statically (Vite
  // preloads those too, but do not rely on it).
  const initial = new Set<string>();
  const queue = loads.scripts.map(toFile);
  while (queue.length) {
    const file = queue.shift() as string;
    if (initial.has(file)) continue;
    initial.add(file);
    queue.push(...(chunks.get(file)?.imports ?? []));
  }

  const files: BundleFile[] = [];
  for (const o of output) {
    const code = o.type === 'chunk' ? o.code : o.source;
    if (!o.fileName.endsWith('.js')) continue;
    const text = typeof code === 'string' ? code : Buffer.from(code).toString('utf8');
    // A worker is bundled by a build of its own and comes out of the main
    // build as an asset; main-thread code comes out as chunks.
    const kind = o.type === 'asset' ? 'worker' : initial.has(o.fileName) ? 'initial' : 'lazy';
    files.push({
      file: o.fileName,
      kind,
      ...sizes(code, options.compress),
      contains: LIBRARIES.filter((lib) => text.includes(MARKERS[lib])),
    });
  }
  const order = { initial: 0, lazy: 1, worker: 2 };
  files.sort((a, b) => order[a.kind] - order[b.kind] || b.raw - a.raw);

  const cssFiles = loads.css.map(toFile);
  const initialCss = sum(
    output
      .filter((o) => o.type === 'asset' && cssFiles.includes(o.fileName))
      .map((o) => sizes(o.type === 'asset' ? o.source : '', options.compress)),
  );

  const mainThread: MainThreadLibrary[] = [];
  for (const file of files) {
    if (file.kind === 'worker') continue;
    const traced = found.get(file.file) ?? [];
    for (const library of file.contains) {
      const chain = traced.find((t) => t.library === library)?.chain ?? [];
      mainThread.push({ library, chunk: file.file, kind: file.kind, chain });
    }
    for (const t of traced) {
      if (!file.contains.includes(t.library))
        mainThread.push({ library: t.library, chunk: file.file, kind: file.kind, chain: t.chain });
    }
  }

  const parts = new Map<string, number>();
  for (const file of initial) {
    for (const [id, mod] of Object.entries(chunks.get(file)?.modules ?? {})) {
      const part = partOf(id);
      parts.set(part, (parts.get(part) ?? 0) + mod.renderedLength);
    }
  }
  const initialParts = [...parts]
    .map(([part, bytes]) => ({ part, bytes }))
    .sort((a, b) => b.bytes - a.bytes);

  return {
    buildMs,
    initialJs: sum(files.filter((f) => f.kind === 'initial')),
    initialCss,
    files,
    mainThread,
    initialParts,
  };
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** A readable summary of a bundle report, one line per file. */
export function formatBundle(report: BundleReport): string {
  const rows = [['file', 'kind', 'raw', 'gzip', 'brotli', 'contains']];
  for (const f of report.files) {
    rows.push([
      f.file,
      f.kind,
      kib(f.raw),
      kib(f.gzip),
      kib(f.brotli),
      f.contains.join(', ') || '-',
    ]);
  }
  rows.push([
    'initial JS total',
    '',
    kib(report.initialJs.raw),
    kib(report.initialJs.gzip),
    kib(report.initialJs.brotli),
    '',
  ]);
  rows.push([
    'initial CSS total',
    '',
    kib(report.initialCss.raw),
    kib(report.initialCss.gzip),
    kib(report.initialCss.brotli),
    '',
  ]);
  const lines = [table(rows)];
  const total = report.initialParts.reduce((a, p) => a + p.bytes, 0) || 1;
  lines.push(
    `\ninitial JS by origin (share of the code before minification): ${report.initialParts
      .slice(0, 10)
      .map((p) => `${p.part} ${((100 * p.bytes) / total).toFixed(0)}%`)
      .join(', ')}`,
  );
  if (report.mainThread.length === 0) {
    lines.push('elkjs, yaml, zod on the main thread: none (elkjs only in the worker)');
  } else {
    for (const m of report.mainThread) {
      lines.push(
        `ON THE MAIN THREAD: ${m.library} in ${m.chunk} (${m.kind}) via ${m.chain.join(' → ')}`,
      );
    }
  }
  return lines.join('\n');
}

/** Left-aligned first column, right-aligned others. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * Serves a build of the site in `outDir` with `vite preview` on a free
 * port of 127.0.0.1 (`root`: the site's folder, the project's by default).
 */
export async function serveBuild(outDir: string, root = ROOT) {
  const server = await preview({
    root,
    configFile: `${root.replace(/\/?$/, '/')}vite.config.ts`,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not start');
  return { base: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}
