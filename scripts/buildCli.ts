// Builds the CLI into plain JavaScript, `build/cli/main.js`, so `flowdeck`
// starts without compiling TypeScript (issue 18). Run on `npm ci` (the
// `prepare` script, `tsx scripts/buildCli.ts`) and by `npm test`; `npm run build:cli` by hand.
//
// The sources stay the one truth: the file's first line carries a hash of
// every source it was built from (`cliSourcesHash`), and tests/cliBuild.test.ts
// fails when it no longer matches them. Packages from node_modules are not
// bundled; they are imported as usual. The output sits two folders deep, as
// src/cli does, so `new URL('../../public/', import.meta.url)` finds the fonts.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CLI_OUT = `${root}build/cli/main.js`;
export const CLI_INPUTS = `${root}build/cli/inputs.json`;
const MARK = '// flowdeck cli sources ';

/** A hash of these files' paths and contents (paths relative to the project). */
export function cliSourcesHash(inputs: readonly string[]): string {
  const hash = createHash('sha256');
  for (const input of [...inputs].sort()) {
    hash.update(`${input}\0`);
    hash.update(readFileSync(`${root}${input}`));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The hash the built CLI was made from, or null when there is none. */
export function builtCliHash(): string | null {
  try {
    const first = readFileSync(CLI_OUT, 'utf8').split('\n', 1)[0] ?? '';
    return first.startsWith(MARK) ? first.slice(MARK.length) : null;
  } catch {
    return null;
  }
}

/**
 * gifenc's CommonJS file defines its exports as esbuild getters, which
 * Node's ESM import cannot see (`Named export 'GIFEncoder' not found`): the
 * CLI bundles gifenc's ES module (its `module` field) instead.
 */
const bundleGifenc: Plugin = {
  name: 'bundle-gifenc',
  setup(build) {
    build.onResolve({ filter: /^gifenc$/ }, () => {
      const dir = `${root}node_modules/gifenc/`;
      const { module } = JSON.parse(readFileSync(`${dir}package.json`, 'utf8')) as {
        module: string;
      };
      return { path: `${dir}${module}` };
    });
  },
};

export async function buildCli(): Promise<string[]> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outdir: `${root}build/cli`,
    // A chunk per command (they are imported when run), so `--help` loads no ELK.
    splitting: true,
    // Beside main.js, two folders deep like src/cli (see above).
    chunkNames: '[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    plugins: [bundleGifenc],
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs);
  rmSync(`${root}build/cli`, { recursive: true, force: true });
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const marked = file.path === CLI_OUT ? `${MARK}${cliSourcesHash(inputs)}\n` : '';
    writeFileSync(file.path, `${marked}${file.text}`);
  }
  writeFileSync(CLI_INPUTS, `${JSON.stringify(inputs, null, 1)}\n`);
  return inputs;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const inputs = await buildCli();
  console.log(`built build/cli/main.js from ${inputs.length} sources`);
}
