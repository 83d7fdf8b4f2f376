import { defineConfig } from 'vitest/config';

// Real-browser tests: Playwright (playwright-core) driving Debian's Chromium
// against a Vite server started once for the whole run.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/globalSetup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // Two files at a time, each with its own Chromium: much of a browser test
    // is waiting (fades, glides, the layout worker), so two overlap well on a
    // two-core machine (14.5 min against about 22 one at a time). Every test
    // opens its own page and context; none shares a file on disk.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
