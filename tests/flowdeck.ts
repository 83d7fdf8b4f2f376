import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs the real bin, as `npx flowdeck` does (built by `npm run build:cli`),
 * and returns what it printed and its exit code.
 */
export async function flowdeck(...args: string[]) {
  try {
    const { stdout, stderr } = await run('node', ['bin/flowdeck.js', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
