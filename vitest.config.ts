import { defineConfig } from 'vitest/config';
import { flowdeckDiagrams } from './src/build/diagramsPlugin.ts';

export default defineConfig({
  // The app's modules read diagrams/ through it (virtual:flowdeck/diagrams).
  plugins: [flowdeckDiagrams()],
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
  },
});
