import { defineConfig } from 'vitest/config';
import { flowdeckDiagrams } from './src/build/diagramsPlugin.ts';
import { flowdeckIcons } from './src/build/iconsPlugin.ts';

export default defineConfig({
  // The app's modules read diagrams/ and the icon sets through them (virtual:flowdeck/…).
  plugins: [flowdeckDiagrams(), flowdeckIcons()],
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
  },
});
