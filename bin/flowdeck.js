#!/usr/bin/env node
// The CLI runs as plain JavaScript built from src/cli (scripts/buildCli.mjs,
// on `npm ci` and `npm test`). Without a build (installed with
// --ignore-scripts), tsx compiles the sources on the fly: slower, the same CLI.
import { existsSync } from 'node:fs';

// `flowdeck layout … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const built = new URL('../build/cli/main.js', import.meta.url);
let main;
if (existsSync(built)) {
  ({ main } = await import(built.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
