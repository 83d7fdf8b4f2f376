import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FACES, metricsFromFont, renderMetricsModule } from '../scripts/metricsFromFont.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

// The tables in src/core/measure/metrics/ must be what scripts/buildMetrics.ts
// makes from the font files the app serves, or CLI layouts and the drawn text
// disagree. On failure: npx tsx scripts/buildMetrics.ts (docs/measure.md).
describe('committed metric tables', () => {
  for (const face of FACES) {
    it(`${face.outFile} is up to date with ${face.file}`, () => {
      const metrics = metricsFromFont(readFileSync(root + face.file), face);
      const expected = renderMetricsModule(metrics, face.exportName);
      expect(readFileSync(root + face.outFile, 'utf8')).toBe(expected);
    });
  }
});
