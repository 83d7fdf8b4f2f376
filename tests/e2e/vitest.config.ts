import { defineConfig } from 'vitest/config';

// Real-browser tests: Playwright (playwright-core) driving Debian's Chromium
// against a Vite server started once for the whole run.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/globalSetup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
