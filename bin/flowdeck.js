#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly so `npx flowdeck` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
// `flowdeck layout … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
