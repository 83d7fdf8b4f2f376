import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtCliHash, CLI_INPUTS, cliSourcesHash } from '../scripts/buildCli.ts';

// The CLI runs from build/cli (plain JavaScript, built on `npm ci` and by
// `npm test`); the sources are the truth it must still match.
describe('the built CLI', () => {
  it('is built from the sources as they are now (else: npm run build:cli)', () => {
    const built = builtCliHash();
    expect(built, 'build/cli/main.js is missing: npm run build:cli').not.toBeNull();
    const inputs = JSON.parse(readFileSync(CLI_INPUTS, 'utf8')) as string[];
    expect(inputs).toContain('src/cli/main.ts');
    expect(cliSourcesHash(inputs), 'build/cli is stale: npm run build:cli').toBe(built);
  });
});
