/**
 * Writes the metric tables in src/core/measure/metrics/ from the font files
 * the app serves. Run after changing a font file:
 *
 *   npx tsx scripts/buildMetrics.ts          # regenerate
 *   npx tsx scripts/buildMetrics.ts --check  # exit 1 if a table is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FACES, metricsFromFont, renderMetricsModule } from './metricsFromFont.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
let stale = 0;

for (const face of FACES) {
  const metrics = metricsFromFont(readFileSync(root + face.file), face);
  const text = renderMetricsModule(metrics, face.exportName);
  let current = '';
  try {
    current = readFileSync(root + face.outFile, 'utf8');
  } catch {
    // Missing: written below, or reported as stale.
  }
  const runs = metrics.runs.length / 3;
  if (current === text) {
    console.log(`${face.outFile}: up to date (${runs} runs)`);
  } else if (check) {
    stale++;
    console.error(`${face.outFile}: stale; run npx tsx scripts/buildMetrics.ts`);
  } else {
    writeFileSync(root + face.outFile, text);
    console.log(`${face.outFile}: written (${runs} runs, ${text.length} bytes)`);
  }
}
if (stale > 0) process.exit(1);
